"""What the Rasa process says itself when the action server did not answer an action that must not
leave the child without a reply.

Rasa logs a custom action that failed (the action server down, a timeout) with no events and goes
on; its replies are lost. For ``action_repeat_number`` ("what was the number again?") that would
be silence, so :func:`fill_in` (called by ``bot.handoff.gate.before_send``, before the action's
replies are sent) says the same lines in this process: the decision is the action's own pure
function (``actions.repeat.lines_to_repeat``) on the same events, and ``utter_no_number`` comes
from the loaded domain in the persona's voice and language. The other actions degrade as before:
the emergency line and the promise that someone will write are static responses that need no
action server (docs/handoff.md); a referral needs the directory, which only the action server
reads, so a place named while it is down gets no referral (the static emergency reply stands).

Two more actions are filled in the same way, and then the gate goes on as for any reply:
``action_answer_cost`` ("is it free?": ``actions.cost.cost_answer`` on the same events, so a promise
among its lines still queues) and ``action_remember_offer`` (a question broken off with a quiet line
or kept open: its slot ``offer_postponed`` is set here, so a "yes" after other talk still goes on).
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from actions.cost import cost_answer
from actions.repeat import NO_NUMBER, NUMBER_KEY, lines_to_repeat
from core.signals import NO_PERSONA

REPEAT_ACTION = "action_repeat_number"
COST_ACTION = "action_answer_cost"
REMEMBER_ACTION = "action_remember_offer"
POSTPONED = "offer_postponed"


def _intent(tracker: Any) -> Optional[str]:
    return ((tracker.latest_message.parse_data or {}).get("intent") or {}).get("name")


def _add(events: list, tracker: Any, said: list) -> None:
    for event in said:
        tracker.update(event)
        events.append(event)


def _remember(events: list, tracker: Any) -> None:
    """``action_remember_offer`` returned nothing (it always sets ``offer_postponed``): set it here."""
    from rasa.shared.core.events import SlotSet

    if not any(isinstance(e, SlotSet) and e.key == POSTPONED for e in events):
        _add(events, tracker, [SlotSet(POSTPONED, True)])


def _cost(events: list, tracker: Any, domain: Any, voice_of: Callable[[Any], Callable[[str, str, str], Optional[str]]]) -> None:
    """``action_answer_cost`` said nothing (it always says something): its lines, said here."""
    from rasa.shared.core.events import BotUttered

    if any(isinstance(e, BotUttered) for e in events):
        return
    persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
    ranking = (tracker.latest_message.parse_data or {}).get("intent_ranking") or []
    speak = voice_of(domain)
    said = []
    for response in cost_answer([e.as_dict() for e in tracker.events], ranking, persona):
        text = speak(persona, lang, response)
        if text is not None:
            said.append(BotUttered(text, metadata={"utter_action": response}))
    _add(events, tracker, said)


def fill_in(events: list, tracker: Any, domain: Any,
            voice_of: Optional[Callable[[Any], Callable[[str, str, str], Optional[str]]]] = None) -> bool:
    """When ``action_repeat_number`` just ran and said nothing (it always says something, so the
    action server did not answer), add its lines to ``events`` and to ``tracker``; ``domain``: the
    loaded model's, for ``utter_no_number`` (``voice_of``: ``bot.handoff.delivery.voice_of``).
    True if lines were added (nothing more to do for them). ``action_answer_cost`` and
    ``action_remember_offer`` are filled in too, but return False: the gate goes on (a promise queues)."""
    from rasa.shared.core.events import BotUttered, FollowupAction

    if voice_of is None:
        from bot.handoff import delivery

        voice_of = delivery.voice_of
    if tracker.latest_action_name == REMEMBER_ACTION:
        _remember(events, tracker)
        return False
    if tracker.latest_action_name == COST_ACTION:
        _cost(events, tracker, domain, voice_of)
        return False
    if tracker.latest_action_name != REPEAT_ACTION or any(isinstance(e, (BotUttered, FollowupAction)) for e in events):
        return False  # it answered: its lines, or the referral's place question again (actions/repeat.py)
    lines = lines_to_repeat([e.as_dict() for e in tracker.events], _intent(tracker))
    said: list[Any] = [BotUttered(text, metadata={NUMBER_KEY: True} if numbered else {}) for text, numbered in lines]
    if not said:
        persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
        text = voice_of(domain)(persona, lang, NO_NUMBER)
        if text is None:
            return False
        said = [BotUttered(text, metadata={"utter_action": NO_NUMBER})]
    _add(events, tracker, said)
    return True
