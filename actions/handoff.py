"""Asking a human counselor to take over the chat."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.referral import asks_place_after_yes

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
        events: List[Dict[Text, Any]] = []
        if tracker.get_slot("offer_postponed"):
            events.append(SlotSet("offer_postponed", False))
        if asks_place_after_yes(tracker):
            # a yes to the discreet confirmation after a detour: "which city?" follows, as after a yes right away
            events.append(FollowupAction("action_offer_referral"))
        if level == current:
            return events
        return [SlotSet("handoff", level), *events]


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
