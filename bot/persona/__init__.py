"""The persona builder (``build``: persona files -> Rasa data) and front-end views
(``catalogue``). Loading and checking persona files lives in :mod:`core.persona`."""
