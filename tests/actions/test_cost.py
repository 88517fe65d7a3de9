"""actions/cost.py: "is it free?" / "I don't have credit" is answered from what was really given since
the last wipe: free only if every number given is (the emergency number, a service marked
free_of_charge), else "writing here costs nothing" and a person writes here (issue 13)."""
from __future__ import annotations

import asyncio
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.cost import FREE_KEY, ActionAnswerCost, cost_answer, numbers_free
from actions.repeat import NUMBER_KEY

EMERGENCY = "If your skin reacts badly right now, call 112: it is free."
FREE_REFERRAL = "Partner pharmacy — 116 111, free"
PAID_REFERRAL = "Partner pharmacy — 22 123 45 67"
LOCAL = "Where you are, the number is 999."


def user(intent: str = "ask_cost") -> dict[str, Any]:
    return {"event": "user", "text": "(not used)", "parse_data": {"intent": {"name": intent}}}


def bot(text: str, action: Optional[str] = None, **meta: Any) -> dict[str, Any]:
    metadata: dict[str, Any] = {"utter_action": action} if action else {}
    metadata.update(meta)
    return {"event": "bot", "text": text, "metadata": metadata}


def said(events: list[dict[str, Any]], ranking: Optional[list[dict[str, Any]]] = None,
         persona: str = "rumianek") -> list[Optional[str]]:
    latest = {"intent": {"name": "ask_cost"}, "intent_ranking": ranking or []}
    tracker = Tracker("t", {"persona": persona, "lang": "en"}, latest, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionAnswerCost().run(dispatcher, tracker, {})) == []
    return [m["response"] for m in dispatcher.messages]


URGENT = [user("urgent"), bot(EMERGENCY, "utter_emergency"), bot("Asking her now.", "utter_counselor_urgent")]


def test_free_only_when_every_number_given_is_free() -> None:
    assert said([*URGENT, user()]) == ["utter_cost_free"]  # the emergency number
    local = [*URGENT, bot(LOCAL, **{NUMBER_KEY: True, FREE_KEY: True}), user()]
    assert said(local) == ["utter_cost_free"]
    free = [*URGENT, user("inform_location"), bot("Near you:", "utter_referral_intro"),
            bot(FREE_REFERRAL, **{NUMBER_KEY: True, FREE_KEY: True}), user()]
    assert said(free) == ["utter_cost_free"]
    # one service that is not free: never "it's free"; writing here is, and a person writes here
    paid = free[:-1] + [bot(PAID_REFERRAL, **{NUMBER_KEY: True, FREE_KEY: False}), user()]
    assert numbers_free(paid) is False
    assert said(paid) == ["utter_cost_here", "utter_please_wait"]
    # a number line with no word on its cost (an older line, a "nobody now" part) is not free
    assert said([bot(f"Away.\n\n{LOCAL}", "utter_nobody_now", **{NUMBER_KEY: [LOCAL]}), user()]) == [
        "utter_cost_here", "utter_please_wait"]


def test_a_number_said_again_keeps_its_first_word_on_cost() -> None:
    again = [*URGENT, user("ask_number"), bot(EMERGENCY, **{NUMBER_KEY: True}), user()]  # said again as text
    assert said(again) == ["utter_cost_free"]


def test_nothing_before_a_wipe_counts() -> None:
    """After "sorry, wrong chat" or a cleaned chat, no number given before counts (nor is named)."""
    wiped = [*URGENT, user("not_safe"), bot("No problem!", "utter_not_safe"), user()]
    assert numbers_free(wiped) is None
    assert cost_answer(wiped, [], "rumianek") == ["utter_cost_here"]  # the shop's own line, no number


def test_on_the_way_to_a_person_writing_here_costs_nothing() -> None:
    offer = [user("abuse_disclosure"), bot("Thank you for telling me.", "utter_ack_abuse_disclosure"),
             bot("Shall I pass you over?", "utter_offer_counselor"), user()]
    assert said(offer, persona="plain") == ["utter_cost_here"]


def test_a_shoppers_is_it_free_gets_the_shops_own_answer() -> None:
    ranking = [{"name": "ask_price", "confidence": 0.5, "source": "rumianek__ask_price"},
               {"name": "out_of_scope", "confidence": 0.4, "source": "out_of_scope"},
               {"name": "not_safe", "confidence": 0.1, "source": "rumianek__not_safe"}]
    shop = [user("rumianek__ask_product"), bot("Yes, it is vegan!", "utter_rumianek__ask_product"), user()]
    assert said(shop, ranking) == ["utter_rumianek__ask_price"]
    assert said(shop, ranking[1:]) == ["utter_cost_here"]  # a cover intent only when ranked first
    assert said(shop, ranking[2:]) == ["utter_cost_here"]  # a code intent is never answered as cover
    assert said(shop, ranking, persona="plain") == ["utter_cost_here"]
