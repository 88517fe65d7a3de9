"""A changed mind after a no, and a denial after a joke: lines read with what the child said before (session 34).

The NLU reads one message. Two kinds of line went wrong in whole conversations (issue 13):

* **a change of mind after a no** — the child said no to a person, then, later in the session, "actually yeah i want
  a coach", "a jednak tak", "al final sí, la quiero". Right after the no it was a yes that asked the offer again,
  opening with "sorry, I didn't understand"; after a game line between, it was a lone yes and drew the fallback ("I
  only know about games"). After a declined offer (``action_remember_declined`` is the last step of the session's
  offers: no offer asked since, no person asked for since), a message read as a yes or as asking for a person, not
  urgent, that says the mind changed in so many words (``changed_mind`` in nlu/safety/cues.yml) or asks for a person
  (``nlu.open_answers.asks_for_a_person``) asks for a person (intent ``ask_human``): the promise, which queues. Inside
  a persona the plain acknowledgement of that rule ("Of course. I'm asking a counselor…", no cover words) is not said
  (:func:`in_voice`): the promise alone, in the persona's voice. A bare "yes" right after the no still asks the offer
  again (it may answer the cover line's "anything else?"), in the offer's words: not "sorry, I didn't understand".
* **a denial after a joke** — "mi mamá dijo que me mata si ve mis notas jaja", then "no me pasa nada en serio" (read
  as distress .92) drew "I'm sorry you're having such a hard time" and the offer: right after the child's own line
  with a laugh (``laughter``), in a session with no help signal, a message made only of ``denial`` words, not
  urgent, is believed — a no (``deny``: "okay, I'm here if you need me"), the door left open. After anything the
  child told us (a help signal in the session) a denial keeps the NLU's reading.

Run by ``bot.handoff.gate``'s after-parse hook (:func:`read_with_what_came_before`) and ``before_send``
(:func:`in_voice`); the tracker is in memory (no database hop). The parse says which rule read it
(:data:`CHANGED_MIND_KEY`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Final, Mapping, Optional, Sequence

from bot.tracker_reading import parse_entity, session_events
from core.safety import Phrases, has_word_cue, made_of
from core.signals import HELP_SIGNALS, NO_PERSONA
from core.text import fold

#: The parse key that says which rule of this module read the message.
CHANGED_MIND_KEY: Final = "changed_mind"
CHANGED_MIND, DENIAL = "changed_mind", "denial"
DECLINED: Final = "action_remember_declined"
#: Steps after which the offer is open again or taken up: a change of mind after them is no longer one.
_OFFER_STEPS: Final = frozenset({"utter_offer_counselor", "utter_confirm_help", "utter_ask_again",
                                 "action_request_counselor", "action_remember_offer", "utter_please_wait",
                                 "utter_not_now", "utter_not_safe", "utter_clean_done"})
#: Readings a change of mind may have (a yes, a request for a person; inside a persona that is the code's).
_YES_READINGS: Final = frozenset({"affirm", "ask_human", "help_request"})
ASK_HUMAN: Final = "ask_human"
ACK_ASK_HUMAN: Final = "utter_ack_ask_human"
ASK_AGAIN: Final = "utter_ask_again"
OFFER: Final = "utter_offer_counselor"
MAX_LINE_WORDS: Final = 14


@lru_cache(maxsize=1)
def _cues() -> Mapping[str, Any]:
    """``changed_mind``, ``laughter`` (folded cue lists) and ``denial`` (cues and fillers) of nlu/safety/cues.yml."""
    from core import PROJECT_ROOT
    from nlu.cues import cue_list, load_cues

    path = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
    denial = load_cues(path).denial
    return {CHANGED_MIND: cue_list(path, "changed_mind"), "laughter": cue_list(path, "laughter"),
            DENIAL: Phrases({lang: tuple(fold(c) for c in p.cues) for lang, p in denial.items()},
                            {lang: frozenset(fold(w) for w in p.fillers) for lang, p in denial.items()})}


def _said(text: str) -> str:
    return fold(text).replace("'", "").replace("’", "")


def declined_last(tracker: Any) -> bool:
    """Whether the last offer step of the session is the child's no (``action_remember_declined``)."""
    from rasa.shared.core.events import ActionExecuted

    for event in reversed(session_events(tracker)):
        if isinstance(event, ActionExecuted):
            if event.action_name == DECLINED:
                return True
            if event.action_name in _OFFER_STEPS:
                return False
    return False


def says_changed_mind(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` says in so many words that the mind changed ("actually yes", "a jednak tak", "al final sí") or
    asks for a person ("i want a coach")."""
    from nlu.open_answers import asks_for_a_person

    folded = _said(text)
    return len(folded.split()) <= MAX_LINE_WORDS and (
        has_word_cue(folded, lang, _cues()[CHANGED_MIND]) or asks_for_a_person(text, lang))


def _earlier_user_parses(tracker: Any) -> list[dict]:
    from rasa.shared.core.events import UserUttered

    return [(e.parse_data or {}) | {"text": e.text or ""} for e in session_events(tracker) if isinstance(e, UserUttered)]


def is_denial_after_joke(text: str, lang: Optional[str], tracker: Any) -> bool:
    """Whether ``text`` is made only of ``denial`` words, right after the child's own line with a laugh, in a session
    with no help signal."""
    earlier = _earlier_user_parses(tracker)
    if not earlier or any(p.get("signal") in HELP_SIGNALS for p in earlier):
        return False
    return (has_word_cue(_said(earlier[-1]["text"]), lang, _cues()["laughter"])
            and made_of(_said(text), lang, _cues()[DENIAL]))


def reading(parse: dict, tracker: Any) -> Optional[tuple[str, str, str]]:
    """``(rule, intent, signal)`` of a message read with what came before, or None (the NLU's reading stays)."""
    if parse.get("urgent"):
        return None
    text, lang = str(parse.get("text") or ""), parse_entity(parse, "lang") or _lang(tracker)
    intent = str((parse.get("intent") or {}).get("name") or "")
    signal = str(parse.get("signal") or "none")
    if intent in _YES_READINGS and declined_last(tracker) and says_changed_mind(text, lang):
        return CHANGED_MIND, ASK_HUMAN, signal if signal in HELP_SIGNALS else ASK_HUMAN
    if signal in HELP_SIGNALS and is_denial_after_joke(text, lang, tracker):
        return DENIAL, "deny", "none"
    return None


def _lang(tracker: Any) -> Optional[str]:
    return str(tracker.get_slot("lang") or "") or None


def read_with_what_came_before(parse: dict, tracker: Any) -> Optional[str]:
    """The after-parse step: the parse takes :func:`reading`'s intent and signal; the parse says which rule read it
    (:data:`CHANGED_MIND_KEY`). The rule, or None."""
    found = reading(parse, tracker)
    if found is None:
        return None
    rule, intent, signal = found
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    parse["intent"] = {"name": intent, "confidence": confidence}
    parse["signal"] = signal
    parse[CHANGED_MIND_KEY] = rule
    return rule


def in_voice(events: list, tracker: Any, speak: Callable[[str, str, str], Optional[str]]) -> bool:
    """Before the replies are sent: inside a persona, the plain acknowledgement of a change of mind is not said (the
    promise after it is, in the persona's voice); a yes right after the no asks the offer again in the offer's words
    (``utter_offer_counselor``'s text; the step stays ``utter_ask_again``, so the rules after it hold). True if a
    reply changed."""
    from rasa.shared.core.events import BotUttered

    said = [e for e in events if isinstance(e, BotUttered)]
    persona = str(tracker.get_slot("persona") or NO_PERSONA)
    parse = tracker.latest_message.parse_data or {}
    if parse.get(CHANGED_MIND_KEY) == CHANGED_MIND and persona != NO_PERSONA:
        acks = [e for e in said if (e.metadata or {}).get("utter_action") == ACK_ASK_HUMAN]
        for ack in acks:  # never sent, and not in the transcript either (removed by identity: an earlier equal line stays)
            _remove_same(events, ack)
            _remove_same(tracker.events, ack)
        return bool(acks)
    again = [e for e in said if (e.metadata or {}).get("utter_action") == ASK_AGAIN]
    if not again or not _declined_before_message(tracker):
        return False
    text = speak(persona, str(tracker.get_slot("lang") or "en"), OFFER)
    if not text:
        return False
    for line in again:
        line.text = text
    return True


def _remove_same(events: Any, event: Any) -> None:
    """Remove ``event`` itself (not an equal one) from the list or deque ``events``, if it is there."""
    at = next((i for i, e in enumerate(events) if e is event), None)
    if at is not None:
        del events[at]


def _declined_before_message(tracker: Any) -> bool:
    """Whether the step right before the child's latest message was the no (``action_remember_declined``)."""
    from rasa.shared.core.events import ActionExecuted, UserUttered

    seen_message = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen_message = True
        elif seen_message and isinstance(event, ActionExecuted) and event.action_name != "action_listen":
            return event.action_name == DECLINED
    return False


__all__: Sequence[str] = ("read_with_what_came_before", "in_voice", "reading", "declined_last", "says_changed_mind",
                          "is_denial_after_joke", "CHANGED_MIND_KEY")
