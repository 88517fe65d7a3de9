"""actions/repeat.py: "what was the number again?" says again the lines that carried a number,
only since the last wipe, and never a number when none was given (issue 13)."""
from __future__ import annotations

import asyncio
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.repeat import NUMBER_KEY, ActionRepeatNumber, lines_to_repeat, number_lines, previous_turn

EMERGENCY = "If your skin reacts badly right now, call 112: it is free."
REFERRAL = "Partner pharmacy — 116 111, free"
LOCAL = "Where you are, the number is 999."


def user(text: str = "(not used)", intent: str = "ask_number") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def bot(text: str, action: Optional[str] = None, number: Any = None) -> dict[str, Any]:
    metadata: dict[str, Any] = {"utter_action": action} if action else {}
    if number is not None:
        metadata[NUMBER_KEY] = number
    return {"event": "bot", "text": text, "metadata": metadata}


def run(events: list[dict[str, Any]], intent: str = "ask_number") -> list[dict[str, Any]]:
    tracker = Tracker("t", {"persona": "rumianek", "lang": "en"}, {"intent": {"name": intent}}, events, False, None,
                      {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionRepeatNumber().run(dispatcher, tracker, {})) == []
    return dispatcher.messages


def test_the_number_lines_are_said_again_each_once_in_the_marked_parts() -> None:
    events = [
        user("my skin is bleeding, send it today", "urgent"),
        bot(EMERGENCY, "utter_emergency"),  # a static response that carries a number
        bot("I'm asking our specialist to write to you right now.", "utter_counselor_urgent"),
        user("I'm in Leeds", "inform_location"),
        bot("Here is a pharmacy near you:", "utter_referral_intro"),
        bot(REFERRAL, number=True),  # marked by action_offer_referral
        bot(f"Our specialist is away 🌼\n\n{LOCAL}", "utter_nobody_now", number=[LOCAL]),  # only that part
        user("hi", "greet"),
        bot(EMERGENCY, "utter_emergency"),
        user("what was the number again?"),
    ]
    assert number_lines(events) == [EMERGENCY, REFERRAL, LOCAL]
    messages = run(events)
    assert [m["text"] for m in messages] == [EMERGENCY, REFERRAL, LOCAL]
    assert all(m[NUMBER_KEY] is True for m in messages)  # said again, still marked: a second "again?" finds them
    assert [m["text"] for m in run(events + [bot(REFERRAL, number=True), user()])] == [EMERGENCY, REFERRAL, LOCAL]


def test_nothing_before_a_wipe_is_said_again() -> None:
    """After "clear my basket", the quiet line, "not now", the quick exit, a restart or a new session, an earlier number is never
    said again: whoever holds the phone may not be the child. Only the no_number line, no number."""
    given = [user("send it today, my skin is bleeding", "urgent"), bot(EMERGENCY, "utter_emergency"),
             user("I'm in Leeds", "inform_location"), bot(REFERRAL, number=True)]
    wipes = [
        [user("please clear my basket", "clean_chat"), bot("Your basket is empty.", "utter_clean_done")],
        [{"event": "slot", "name": "left", "value": True}],  # the web quick exit
        [{"event": "restart"}],
        [{"event": "session_started"}],
        # the quiet line ("sorry, wrong chat", "nvm mum's coming"): a parent may be reading now
        [user("sorry wrong chat", "not_safe"), bot("No problem, the cart will wait!", "utter_not_safe")],
        # "not now" to the offer of a person: someone may be near (Telegram and the web page wipe too)
        [user("not now", "not_now"), bot("No rush! Write yes here when it suits you.", "utter_not_now")],
    ]
    for wipe in wipes:
        events = given + wipe + [user("what was the number again?")]
        assert number_lines(events) == [], wipe
        assert run(events) == [_no_number()], wipe
        assert run(events, "ask_repeat") == [_no_number()], wipe  # not even the wipe's own line
        # a number given after the wipe is said again, and only that one
        after = given + wipe + [user("it's bad now", "urgent"), bot(EMERGENCY, "utter_emergency"), user()]
        assert [m["text"] for m in run(after)] == [EMERGENCY]
    # the quick exit set back to false is no wipe
    events = given + [{"event": "slot", "name": "left", "value": None}, user()]
    assert number_lines(events) == [EMERGENCY, REFERRAL]


def test_with_no_number_given_the_no_number_line_names_none() -> None:
    events = [user("is the lavender soap vegan?", "rumianek__ask_product"), bot("Yes, it is!", "utter_rumianek__ask_product"),
              user("what was the number again?")]
    assert run(events) == [_no_number()]
    assert run([user("what was the number again?")]) == [_no_number()]
    assert run([], "ask_repeat") == [_no_number()]


def test_repeat_says_the_previous_turn_again() -> None:
    """ "sorry, can you repeat?" says the bot's lines of the previous turn (the number lines still
    marked); with no previous turn, the numbers since the last wipe."""
    events = [user("send it today, my skin is bleeding", "urgent"), bot(EMERGENCY, "utter_emergency"),
              bot("I'm asking our specialist to write to you right now.", "utter_counselor_urgent"),
              user("sorry can you repeat", "ask_repeat")]
    assert previous_turn(events) == events[1:3]
    assert lines_to_repeat(events, "ask_repeat") == [
        (EMERGENCY, True), ("I'm asking our specialist to write to you right now.", False)]
    messages = run(events, "ask_repeat")
    assert [m["text"] for m in messages] == [EMERGENCY, "I'm asking our specialist to write to you right now."]
    assert messages[0][NUMBER_KEY] is True and NUMBER_KEY not in messages[1]
    # a repeat after ordinary talk says that talk again, a number asked for says the number
    later = events[:-1] + [user("do you sell soap?", "rumianek__ask_product"), bot("We do!", "utter_x"),
                           user("what?", "ask_repeat")]
    assert [m["text"] for m in run(later, "ask_repeat")] == ["We do!"]
    assert [m["text"] for m in run(later, "ask_number")] == [EMERGENCY]


def _no_number() -> dict[str, Any]:
    return {"text": None, "buttons": [], "elements": [], "custom": {}, "template": "utter_no_number",
            "response": "utter_no_number", "image": None, "attachment": None}


def test_before_any_number_an_open_place_question_is_asked_again() -> None:
    """ "what was the number again?" to "Manchester in United Kingdom?" (or "which city?") after "i cut myself
    again": the number waits for that answer — the referral asks its question again (a FollowupAction to
    action_offer_referral), not "tell me what's happening" to a child who already did (the s21 probe)."""
    events = [user("i cut myself again", "self_harm"), user("can you just give me a number", "inform_location"),
              bot("Which city or country are you in?", "utter_ask_location"), user("manchester", "inform_location"),
              bot("Do you mean Manchester in United Kingdom?"), user()]
    for slots in ({"place_options": ["Manchester|GB", "Manchester|US"]}, {}):
        said = events if slots else events[:3] + [user()]
        tracker = Tracker("t", {"persona": "plain", "lang": "en", **slots}, {"intent": {"name": "ask_number"}}, said,
                          False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        assert asyncio.run(ActionRepeatNumber().run(dispatcher, tracker, {})) == [
            {"event": "followup", "timestamp": None, "name": "action_offer_referral"}]
        assert dispatcher.messages == []
    # with a place known and no question open: the no_number line, as before
    tracker = Tracker("t", {"persona": "plain", "lang": "en", "location": "Leeds"}, {"intent": {"name": "ask_number"}},
                      events[:3] + [user()], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionRepeatNumber().run(dispatcher, tracker, {})) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_number"]


def test_the_general_emergency_reply_gives_way_to_the_emergency_number_of_the_childs_place() -> None:
    """s27: "call 999" (the game's country) was said again to a child who had said "im in columbus ohio" and been
    given 911: after the emergency number of the child's place, the general emergency reply is not said again."""
    from actions.repeat import LOCAL_EMERGENCY_KEY
    local = "Boss too strong right now? Any time — 911, free, open 24/7"
    coach = "Coach line — (800) 422-4453"
    urgent = [user("the home level boss broke the door", "urgent"), bot(EMERGENCY, "utter_emergency")]
    placed = urgent + [user("im in columbus ohio", "inform_location"),
                       {"event": "bot", "text": local, "metadata": {NUMBER_KEY: True, LOCAL_EMERGENCY_KEY: True}},
                       bot(coach, number=True)]
    assert number_lines(placed + [user()]) == [local, coach]
    assert [m["text"] for m in run(placed + [user()])] == [local, coach]
    # a referral with no emergency line of the place keeps the general reply
    assert number_lines(urgent + [bot(REFERRAL, number=True), user()]) == [EMERGENCY, REFERRAL]
    # the general reply said again after the place's number is said again
    assert number_lines(placed + [user("help", "urgent"), bot(EMERGENCY, "utter_emergency"), user()]) == [
        local, coach, EMERGENCY]
