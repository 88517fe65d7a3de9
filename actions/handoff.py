"""Asking a human counselor to take over the chat."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.referral import place_known

#: Slot values, in rising priority; a request never lowers an earlier one.
REQUESTED = "requested"
URGENT = "urgent"


class ActionRequestCounselor(Action):
    """Marks the conversation as waiting for a counselor (``urgent`` if the signal was urgent).

    The handoff queue reads the ``handoff`` slot from the (encrypted) tracker store; the bot's
    own reply to the child has already been sent from static responses before this runs. An
    offer the child had put off (slot ``offer_postponed``) is taken up by this request.
    """

    def name(self) -> Text:
        return "action_request_counselor"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        urgent = bool(tracker.latest_message.get("urgent"))
        current = tracker.get_slot("handoff")
        level = URGENT if urgent or current == URGENT else REQUESTED
        events = [SlotSet("offer_postponed", False)] if tracker.get_slot("offer_postponed") else []
        if referral_due(tracker):
            events.append(FollowupAction("action_offer_referral"))
        if level == current:
            return events
        return [SlotSet("handoff", level), *events]


#: The questions whose "yes" is met by the promise instead of "which city?" when the place is known
#: (bot/handoff/gate.py): the discreet question, and it asked again.
CODED_OFFERS = frozenset({"utter_confirm_help", "utter_ask_again"})


def referral_due(tracker: Tracker) -> bool:
    """A "yes" to the discreet question (or to it asked again) was met by the promise, and the child had said
    where beside the code (or that they will not say) and got no referral yet: the referral for that place
    follows the request (``action_offer_referral``), so "which city?" is never asked again."""
    said = [(e.get("metadata") or {}).get("utter_action") for e in tracker.events or [] if e.get("event") == "bot"]
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return (intent == "affirm" and len(said) >= 2 and said[-1] == "utter_please_wait" and said[-2] in CODED_OFFERS
            and "utter_referral_intro" not in said
            and place_known(tracker.events or [], tracker.get_slot("location"), tracker.get_slot("location_refused")))


class ActionRememberOffer(Action):
    """The child broke one of the questions on the way to a person off with a quiet line ("nvm,
    mum's coming") or "clear my basket" (clean_chat), or asked "are you a bot?" while it was
    open: the question stays open as after "not now" (slot ``offer_postponed``), so a "yes" /
    "I'm back" later goes straight on (nlu/dialogue/rules.yml). Says nothing: the reply before
    it (the quiet line, the cover answer) is the only one."""

    def name(self) -> Text:
        return "action_remember_offer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return [SlotSet("offer_postponed", True)]


class ActionRememberDeclined(Action):
    """The child said "no" to one of the questions on the way to a person: says nothing and sets
    nothing. Its only use is that it ran — the rule "yes right after saying no asks the offer again"
    (nlu/dialogue/rules.yml) reads it, so a child who changes their mind in the next message is
    asked again instead of getting a lone-yes reply. Rasa logs it also when the action server is
    down, so the rule holds then too."""

    def name(self) -> Text:
        return "action_remember_declined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return []
