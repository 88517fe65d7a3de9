"""``action_answer_cost``: "is it free?", "I don't have credit", "no tengo saldo" (issue 13).

The intent ``ask_cost`` is decided by words (``answers.cost`` in ``nlu/safety/cues.yml``,
``core.safety.answer_to_question``). The answer comes from what the bot really gave since the last
wipe (``actions.repeat.since_wipe``), never from a guess:

* every number given is free — the emergency number (``utter_emergency``, the local emergency
  number), a service of the directory marked ``free_of_charge`` (the referral lines carry
  :data:`FREE_KEY`) → the voice line ``cost_free``;
* a number not known to be free → ``cost_here`` ("writing here costs nothing") and the promise that
  a person writes here (``utter_please_wait``, which queues in the Rasa process, bot/handoff/gate.py);
* no number given: on the way to a person (an offer, a promise, the emergency reply) → ``cost_here``
  (the question that was open is asked again by the dialogue rules); anywhere else it was a
  shopper's "is it free?": the persona's own cover answer when the classifier ranked one first,
  else ``cost_here``.

:func:`cost_answer` is a pure function of the events, also used by the Rasa process when the action
server is down (``bot/offline_actions.py``). Nothing of the text is logged.
"""
from __future__ import annotations

from typing import Any, Dict, Final, Iterable, List, Mapping, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.repeat import NUMBER_RESPONSES, number_parts, since_wipe
from core.signals import CODE_INTENTS, NO_PERSONA, generic_name, persona_of

#: Metadata of a bot line that carried a number: ``True`` when calling it is known to cost nothing.
FREE_KEY: Final = "popbot_free"
COST_FREE: Final = "utter_cost_free"
COST_HERE: Final = "utter_cost_here"
PLEASE_WAIT: Final = "utter_please_wait"
#: Bot lines on the way to a person: after them "is it free?" is about this chat or a call.
ON_THE_WAY: Final = frozenset({
    "utter_confirm_help", "utter_offer_counselor", "utter_ask_again", "utter_help_accepted", "utter_please_wait",
    "utter_counselor_urgent", "utter_not_now", "utter_nobody_now", "utter_emergency", "utter_ask_location",
    "utter_privacy", "utter_not_your_fault", COST_HERE,
})


def numbers_free(events: Iterable[Mapping[str, Any]]) -> Optional[bool]:
    """None: no number was given since the last wipe; True: every one given is free to call;
    False: one is not known to be free. A line said again counts as its first saying."""
    free: set[str] = set()
    given: list[str] = []
    for event in since_wipe(events):
        parts = number_parts(event)
        meta = event.get("metadata") or {}
        if meta.get(FREE_KEY) is True or meta.get("utter_action") in NUMBER_RESPONSES:
            free.update(parts)
        given += parts
    if not given:
        return None
    return all(part in free for part in given)


def on_the_way(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a line on the way to a person was said since the last wipe."""
    return any(e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") in ON_THE_WAY
               for e in since_wipe(events))


def cover_answer(ranking: Sequence[Mapping[str, Any]], persona: str) -> Optional[str]:
    """The response of the persona's cover intent when the classifier ranked it first
    (``utter_rumianek__ask_price``), else None: never a cover answer the classifier barely considered."""
    if persona == NO_PERSONA or not ranking:
        return None
    source = str(ranking[0].get("source") or ranking[0].get("name") or "")
    if persona_of(source) == persona and generic_name(source) not in CODE_INTENTS:
        return f"utter_{source}"
    return None


def cost_answer(events: List[Mapping[str, Any]], ranking: Sequence[Mapping[str, Any]], persona: str) -> List[str]:
    """The responses that answer "is it free?" (see the module's docstring)."""
    free = numbers_free(events)
    if free is True:
        return [COST_FREE]
    if free is False:
        return [COST_HERE, PLEASE_WAIT]
    if on_the_way(events):
        return [COST_HERE]
    return [cover_answer(ranking, persona) or COST_HERE]


class ActionAnswerCost(Action):
    """Says whether the numbers given are free, else that writing here costs nothing."""

    def name(self) -> Text:
        return "action_answer_cost"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        latest = tracker.latest_message or {}
        persona = str(tracker.get_slot("persona") or NO_PERSONA)
        for response in cost_answer(list(tracker.events or []), latest.get("intent_ranking") or [], persona):
            dispatcher.utter_message(response=response)
        return []
