"""The signal vocabulary (docs/design.md "Signals") and the mapping from intents to signals.

Intent naming:
  * shared safety-layer intents are named after their signal (``abuse_disclosure`` ...),
    plus ``self_harm_urgent`` (self-harm with a plan, means or time) and ``peer_help_urgent`` (a
    friend or sibling in danger now: decided by words in core.safety, never trained);
  * ordinary-talk intents shared by every persona (``greet``, ``thanks``, ...) map to ``none``;
  * persona intents are namespaced ``<persona>__<name>``; the persona component renames a
    persona *code* intent to its generic name (``rumianek__help_request`` -> ``help_request``)
    so dialogue rules are written once; persona *cover* intents keep their namespaced name.
"""
from __future__ import annotations

from typing import Final

PERSONA_SEPARATOR: Final = "__"
NO_PERSONA: Final = "plain"
#: Slot (and entity) ``voice``: ``plain`` (its initial value in domain.yml) until a conversation inside a
#: persona goes into cover voice (``COVER_VOICE``: the persona's code was used or answered), then the
#: safety acknowledgements are the persona's lines (core.persona.schema.COVER_ACKS).
VOICE_SLOT: Final = "voice"
COVER_VOICE: Final = "cover"
LANGUAGES: Final = ("en", "pl", "es")

SIGNALS: Final = (
    "none",
    "help_request",
    "urgent",
    "visit_request",
    "not_safe",
    "peer_help",
    "abuse_disclosure",
    "self_harm",
    "imminent_danger",
    "bullying",
    "online_exploitation",
    "distress",
    "ask_human",
)
#: Bot lines after which the chat is wiped on every channel and nothing said before is said again:
#: the chat cleaned, the quiet line ("sorry, wrong chat") and "not now" to the offer of a person
#: (someone may be near). Telegram deletes both sides of the chat and leaves only that line
#: (bot/channels/telegram.py), the web page empties its log (bot/channels/web.py) and a number is
#: not repeated from before it (actions/repeat.py).
WIPE_RESPONSES: Final = ("utter_clean_done", "utter_not_safe", "utter_not_now")
#: Signals that mean "this person is asking for help" (everything but none and not_safe).
HELP_SIGNALS: Final = frozenset(SIGNALS) - {"none", "not_safe"}
SAFETY_INTENTS: Final = (
    "abuse_disclosure",
    "self_harm",
    "self_harm_urgent",
    "imminent_danger",
    "bullying",
    "online_exploitation",
    "distress",
    "peer_help",
    "ask_human",
)
#: Intents every persona shares that carry no signal.
ORDINARY_INTENTS: Final = (
    "greet",
    "thanks",
    "goodbye",
    "affirm",
    "deny",
    "probe",
    "inform_location",
    "out_of_scope",
    # decided by words, never trained: a bare "later" (core.safety), only an age (nlu.age),
    # "what was the number again?" / "sorry, can you repeat?" (core.safety, actions/repeat.py),
    # "I can't call, he'd hear me" (nlu.quiet.as_cant_call)
    "not_now",
    "inform_age",
    "ask_number",
    "ask_repeat",
    "cant_call",
    # "will you tell my parents?" / "is it my fault?" / "is it free?" (core.safety.answer_to_question)
    "ask_privacy",
    "ask_fault",
    "ask_cost",
)
#: Generic names of persona code intents (a persona declares phrases for each).
CODE_INTENTS: Final = ("help_request", "urgent", "visit_request", "not_safe", "peer_help", "clean_chat")
#: A friend or sibling in danger now ("my friend took a load of pills and isn't answering"): signal
#: peer_help, urgent. Decided in core.safety (``Danger.to_friend``, ``escalate``), never trained.
PEER_URGENT: Final = "peer_help_urgent"
#: Signals whose ``urgent`` flag is always true.
ALWAYS_URGENT: Final = frozenset({"urgent", "visit_request", "imminent_danger"})


def persona_of(intent: str) -> str | None:
    """The persona an intent belongs to, or None for a shared intent."""
    persona, sep, _ = intent.partition(PERSONA_SEPARATOR)
    return persona if sep else None


def generic_name(intent: str) -> str:
    """``rumianek__help_request`` -> ``help_request``; other names unchanged."""
    _, sep, name = intent.partition(PERSONA_SEPARATOR)
    return name if sep and name in CODE_INTENTS else intent


def signal_for_intent(intent: str | None) -> tuple[str, bool]:
    """Map an (already generic or namespaced) intent name to ``(signal, urgent)``."""
    if not intent:
        return "none", False
    name = generic_name(intent)
    if name == "self_harm_urgent":
        return "self_harm", True
    if name == PEER_URGENT:
        return "peer_help", True
    if name == "clean_chat":
        return "not_safe", False
    if name in SIGNALS:
        return name, name in ALWAYS_URGENT
    return "none", False
