""""Is it my fault because …?" is answered only after a disclosure (session 28).

The NLU reads one message: "is it my fault because of the bed thing", "¿es culpa mía por llegar tarde?" is the
fault question with its reason (``core.safety.is_fault_with_reason``; the parse carries ``fault_reason``), and the
dialogue answers it with the voice line ``not_your_fault``. That answer is for a child who told us something
earlier in the conversation (a help signal: a disclosure, the persona's code). Said to a shopper with no such
message before ("is it my fault because i ordered late"), the line is the ordinary "not sure I understood"
(``utter_out_of_scope``) instead. A bare "is it my fault?" (no reason) keeps its answer everywhere.

After a disclosure the fault question is read with it (:func:`read_with_disclosure_before`, s36): the reason may stand
in a clause of its own or be the other person's excuse ("is it my fault? he says i wind him up on purpose",
"¿es mi culpa? no había recogido la cocina", "czy to moja wina? nie posprzątałam kuchni":
``nlu.open_answers.asks_fault``), and its free words drew any reading — a disclosure again (online_exploitation .35:
the plain acknowledgement instead of the voice line), the shop's greeting, "not understood", even the emergency
reply ("is it my fault because i let him into my room", danger now .37 inside the shop). Such a message is the fault
question after a help signal earlier in the session, unless the classifier is sure of danger now, a cue of danger
now or a weapon is in it, it reads self-harm or the quiet line, the message breaks the talk off, or it tells harm (a harm word, something done to the
child, fear, self-harm, danger now, someone arriving, the persona's risk cue: ``bot.adult_context.says_no_harm``)
and was read as a help signal: new harm told keeps its reading.

:func:`without_disclosure` runs in ``bot.handoff.gate.before_send`` (the events are in memory: no database hop);
:func:`read_with_disclosure_before` in its after-parse hook.
"""
from __future__ import annotations

from typing import Any, Callable, Final, Optional

from core.safety import ASK_FAULT, MAX_QUESTION_WORDS, TENTATIVE_CONFIDENCE, made_of
from core.signals import HELP_SIGNALS, NO_PERSONA
from core.text import fold
from nlu.components.persona import FAULT_REASON

FAULT_LINE = "utter_not_your_fault"
INSTEAD = "utter_out_of_scope"
#: The parse key that says the message was read as the fault question after a disclosure (s36).
FAULT_CONTEXT: Final = "fault_context"
#: Readings a fault question after a disclosure never replaces: self-harm, the quiet line (someone may be there).
_KEPT_SIGNALS: Final = frozenset({"self_harm", "not_safe"})
#: Entities of the replaced reading (the cover voice of a help signal read in the code's words, a risk cue).
_READING_ENTITIES: Final = frozenset({"voice", "risk", "duration"})


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


def _fault_reading(parse: dict, tracker: Any) -> bool:
    """Whether the parsed message is the fault question after a disclosure (see the module docstring)."""
    from actions.referral import OPEN_ANSWER
    from bot.adult_context import says_danger_now, says_no_harm
    from bot.disclosure_context import breaks_off
    from bot.tracker_reading import parse_entity
    from nlu.open_answers import asks_fault

    intent = str((parse.get("intent") or {}).get("name") or "")
    signal = str(parse.get("signal") or "none")
    if intent == ASK_FAULT or parse.get(OPEN_ANSWER) or signal in _KEPT_SIGNALS or not _help_said(tracker):
        return False
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    if parse.get("urgent") and confidence >= TENTATIVE_CONFIDENCE:
        return False
    text = str(parse.get("text") or "")
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    if not asks_fault(text, lang) or breaks_off(text, lang):
        return False
    folded = fold(text)
    if says_danger_now(folded, lang):
        return False
    persona = parse_entity(parse, "persona") or tracker.get_slot("persona") or NO_PERSONA
    return says_no_harm(folded, lang, str(persona)) or (signal not in HELP_SIGNALS and not parse.get("urgent"))


def _help_said(tracker: Any) -> bool:
    """Whether a message of this session carried a help signal (read before the message is logged: every message
    of the tracker is an earlier one)."""
    from rasa.shared.core.events import UserUttered

    from bot.tracker_reading import session_events

    return any(isinstance(e, UserUttered) and (e.parse_data or {}).get("signal") in HELP_SIGNALS
               for e in session_events(tracker))


def read_with_disclosure_before(parse: dict, tracker: Any) -> bool:
    """Read the parse as the fault question when it is one after a disclosure (:func:`_fault_reading`): intent
    ``ask_fault``, signal ``none``, not urgent, without the entities of the replaced reading; the parse says so
    (:data:`FAULT_CONTEXT`, and :data:`FAULT_REASON` when a reason is said). True if read so."""
    from bot.tracker_reading import parse_entity
    from nlu.open_answers import answers

    if not _fault_reading(parse, tracker):
        return False
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    parse["intent"] = {"name": ASK_FAULT, "confidence": confidence}
    parse["signal"] = "none"
    parse["urgent"] = False
    parse["entities"] = [e for e in parse.get("entities") or [] if e.get("entity") not in _READING_ENTITIES]
    parse[FAULT_CONTEXT] = True
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    if not made_of(fold(str(parse.get("text") or "")), lang, answers().fault, MAX_QUESTION_WORDS):
        parse[FAULT_REASON] = True
    return True
