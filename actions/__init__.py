"""rasa_sdk custom actions, one module per concern."""
