""""Is it my fault because …?" is answered only after a disclosure (session 28).

The NLU reads one message: "is it my fault because of the bed thing", "¿es culpa mía por llegar tarde?" is the
fault question with its reason (``core.safety.is_fault_with_reason``; the parse carries ``fault_reason``), and the
dialogue answers it with the voice line ``not_your_fault``. That answer is for a child who told us something
earlier in the conversation (a help signal: a disclosure, the persona's code). Said to a shopper with no such
message before ("is it my fault because i ordered late"), the line is the ordinary "not sure I understood"
(``utter_out_of_scope``) instead. A bare "is it my fault?" (no reason) keeps its answer everywhere.

:func:`without_disclosure` runs in ``bot.handoff.gate.before_send`` (the events are in memory: no database hop).
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from core.signals import HELP_SIGNALS, NO_PERSONA
from nlu.components.persona import FAULT_REASON

FAULT_LINE = "utter_not_your_fault"
INSTEAD = "utter_out_of_scope"


def _disclosed_before(tracker: Any) -> bool:
    """Whether a message of this session before the latest one carried a help signal."""
    from rasa.shared.core.events import SessionStarted, UserUttered

    latest = tracker.latest_message
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            return False
        if isinstance(event, UserUttered) and event is not latest:
            if (event.parse_data or {}).get("signal") in HELP_SIGNALS:
                return True
    return False


def without_disclosure(events: list, tracker: Any, speak: Callable[[str, str, str], Optional[str]]) -> bool:
    """The ``not_your_fault`` line about to be said to a fault question with its reason, with no disclosure earlier
    in the session, says ``utter_out_of_scope`` instead (``speak(persona, lang, response)``). True if replaced."""
    from rasa.shared.core.events import BotUttered

    if not (tracker.latest_message.parse_data or {}).get(FAULT_REASON):
        return False
    lines = [e for e in events if isinstance(e, BotUttered) and (e.metadata or {}).get("utter_action") == FAULT_LINE]
    if not lines or _disclosed_before(tracker):
        return False
    persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
    text = speak(persona, lang, INSTEAD)
    if text is None:
        return False
    for line in lines:
        line.text = text
        line.metadata = {**(line.metadata or {}), "utter_action": INSTEAD}
    return True
