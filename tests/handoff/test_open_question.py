"""bot.open_question (session 29): an answer read with the bot's open question, after the NLU and before the dialogue
(the ``after_parse`` hook). The tracker holds the conversation up to the message; the parse is the NLU's. Both sides:
what is read now (why the place is wanted, the other place, what the offer means, asking for a person) and what keeps
its reading (no such question open, the question answered, a new session, a help signal the classifier is sure of,
urgency, a place or a refusal in the message, the plain bot for the offer's answers, a good-moment question that asks
no town). The shapes themselves: tests/nlu/test_open_answers.py; whole conversations: fix_s29_state.yml."""
from __future__ import annotations

import asyncio
from typing import Any, Optional

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.handoff import gate
from bot.open_question import (
    CONFIRM_PLACE, GOOD_MOMENT, OFFER, OFFER_AGAIN, OPEN_ANSWER, PLACE, WHICH_ONE, open_question,
    read_with_open_question,
)

SLOTS = [AnySlot(name, mappings=[]) for name in ("persona", "lang", "location", "place_options")]


def said(response: Optional[str], action: Optional[str] = None) -> list[Event]:
    """The bot's action and its line (``response`` None: a line of text, as the referral action's questions)."""
    return [ActionExecuted(action or response or "action_offer_referral"),
            BotUttered("…", metadata={"utter_action": response} if response else {})]


def tracker(*turns: list[Event], persona: str = "rumianek", lang: str = "en", **slots: Any) -> DialogueStateTracker:
    """A conversation up to (not including) the child's next message: each turn is a child line, then the bot's."""
    events: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                           SlotSet("persona", persona), SlotSet("lang", lang)]
    for turn in turns:
        events += [UserUttered("…", parse_data={"intent": {"name": "x"}}), *turn, ActionExecuted("action_listen")]
    events += [SlotSet(k, v) for k, v in slots.items()]
    return DialogueStateTracker.from_events("t", events, slots=SLOTS)


def parse(text: str, intent: str = "out_of_scope", confidence: float = 0.6, signal: str = "none",
          persona: str = "rumianek", lang: str = "en", urgent: bool = False, entities: tuple = ()) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}, "signal": signal, "urgent": urgent,
            "entities": [{"entity": "persona", "value": persona}, {"entity": "lang", "value": lang},
                         *({"entity": e, "value": "x"} for e in entities)]}


CONFIRMED = said("utter_confirm_help")
ACCEPTED = said("utter_help_accepted") + [ActionExecuted("action_request_counselor")]
WHICH_CITY = said("utter_please_wait", "action_offer_referral") + said("utter_ask_location")
BOSTON = said(None)  # "Boston in the United States?" (a text line of the referral action)
TWO_BOSTONS = ["Boston|US", "Boston|GB"]


# --- the open question -----------------------------------------------------------------------------------------------
def test_the_open_questions() -> None:
    assert open_question(tracker(CONFIRMED, WHICH_CITY)) == PLACE
    assert open_question(tracker(CONFIRMED, ACCEPTED)) == GOOD_MOMENT
    assert open_question(tracker(CONFIRMED, ACCEPTED, BOSTON, place_options=TWO_BOSTONS)) == CONFIRM_PLACE
    assert open_question(tracker(CONFIRMED, ACCEPTED, BOSTON, place_options=["*", *TWO_BOSTONS])) == WHICH_ONE
    assert open_question(tracker(CONFIRMED)) == OFFER
    assert open_question(tracker(said("utter_offer_counselor"))) == OFFER
    assert open_question(tracker(CONFIRMED, said("utter_ask_again"))) == OFFER_AGAIN


def test_no_question_open() -> None:
    assert open_question(tracker()) is None  # a first message
    assert open_question(tracker(said("utter_rumianek__ask_price"))) is None  # the shop's answer
    # the place answered: the referral was said ("Our partner pharmacy for this:" …)
    assert open_question(tracker(CONFIRMED, ACCEPTED, said("utter_referral_intro") + said(None),
                                 location="leeds")) is None
    # "Boston in the United States?" asked, then something else said (the slot is still set)
    assert open_question(tracker(CONFIRMED, ACCEPTED, BOSTON, said("utter_thanks"), place_options=TWO_BOSTONS)) is None
    # the game tips' good-moment question asks no town (no why_accepted line)
    assert open_question(tracker(CONFIRMED, ACCEPTED, persona="gametips")) is None
    # the place known: "which city?" is no longer asked
    assert open_question(tracker(CONFIRMED, ACCEPTED, location="leeds")) is None


def test_an_answer_about_this_chat_keeps_the_question_before_it_open() -> None:
    """ "will you tell my parents?" to the good-moment question: the privacy line, and the question stays open."""
    assert open_question(tracker(CONFIRMED, ACCEPTED, said("utter_privacy"))) == GOOD_MOMENT
    assert open_question(tracker(CONFIRMED, WHICH_CITY, said("utter_cost_free"))) == PLACE


def test_a_new_session_has_no_open_question() -> None:
    old = tracker(CONFIRMED, WHICH_CITY)
    old.update(SessionStarted())
    old.update(ActionExecuted("action_listen"))
    assert open_question(old) is None


def test_a_message_the_bot_did_not_answer_leaves_nothing_open() -> None:
    silent = tracker(CONFIRMED, WHICH_CITY, [ActionExecuted("action_offer_referral")])
    assert open_question(silent) is None


# --- read with it: why the place is wanted ---------------------------------------------------------------------------
@pytest.mark.parametrize("turns", [(CONFIRMED, WHICH_CITY), (CONFIRMED, ACCEPTED)])
def test_why_to_a_place_question_is_unclear_for_the_referral_action(turns: tuple) -> None:
    found = parse("why?", intent="affirm", confidence=0.71)
    assert read_with_open_question(found, tracker(*turns)) == "why_place"
    assert found["intent"] == {"name": "out_of_scope", "confidence": 0.71}
    assert found["signal"] == "none" and found["urgent"] is False and found[OPEN_ANSWER] == "why_place"


def test_why_to_the_confirmation_of_a_place() -> None:
    found = parse("po co ci to?", intent="probe", confidence=0.56, lang="pl")
    assert read_with_open_question(found, tracker(CONFIRMED, ACCEPTED, BOSTON, place_options=TWO_BOSTONS,
                                                  lang="pl")) == "why_place"
    assert found["intent"]["name"] == "out_of_scope"


def test_a_weak_help_reading_of_the_shape_gives_way_and_its_entities_go() -> None:
    """ "para que quieres saberlo?" (probe .27, self_harm .23 behind it); "to drugie" (bullying .38, in cover voice)."""
    found = parse("to drugie", intent="help_request", confidence=0.38, signal="bullying", lang="pl",
                  entities=("voice", "risk"))
    assert read_with_open_question(found, tracker(CONFIRMED, ACCEPTED, BOSTON, place_options=TWO_BOSTONS,
                                                  lang="pl")) == "other_one"
    assert found["signal"] == "none"
    assert [e["entity"] for e in found["entities"]] == ["persona", "lang"]


def test_a_help_signal_the_classifier_is_sure_of_stays() -> None:
    """ "wats it for" read as online exploitation .86 keeps that reading (never a help signal lowered)."""
    found = parse("wats it for", intent="online_exploitation", confidence=0.86, signal="online_exploitation")
    assert read_with_open_question(found, tracker(CONFIRMED, WHICH_CITY)) is None
    assert found["intent"]["name"] == "online_exploitation" and OPEN_ANSWER not in found


@pytest.mark.parametrize("message", [
    parse("why?", intent="imminent_danger", confidence=0.3, signal="imminent_danger", urgent=True),  # urgent
    parse("why?", entities=("location",)),                 # a place in it
    parse("why?", entities=("location_refused",)),         # a refusal in it
    parse("why? because my stepdad hits me", intent="help_request", confidence=0.45, signal="abuse_disclosure"),
    parse("sorry wrong chat", intent="not_safe", confidence=0.99, signal="not_safe"),
    parse("i dont want to say", intent="inform_location", confidence=0.9, entities=("location_refused",)),
    parse("leeds", intent="inform_location", confidence=0.9, entities=("location",)),
    parse("why me", intent="out_of_scope"),
])
def test_more_than_the_shape_keeps_its_reading(message: dict) -> None:
    before = {**message, "intent": dict(message["intent"])}
    assert read_with_open_question(message, tracker(CONFIRMED, WHICH_CITY)) is None
    assert message == before


def test_why_with_no_place_question_open_keeps_its_reading() -> None:
    for turns in [(), (said("utter_ack_self_harm"), said("utter_offer_counselor")),
                  (CONFIRMED, ACCEPTED, said("utter_referral_intro"))]:
        found = parse("why?", intent="affirm", confidence=0.71)
        assert read_with_open_question(found, tracker(*turns, location="leeds" if turns else None)) is None
        assert found["intent"]["name"] == "affirm"


# --- the other one --------------------------------------------------------------------------------------------------
def test_the_other_one_only_to_the_confirmation_of_a_place() -> None:
    found = parse("el otro", intent="not_safe", confidence=0.42, signal="not_safe", lang="es")
    assert read_with_open_question(found, tracker(CONFIRMED, ACCEPTED, BOSTON, place_options=TWO_BOSTONS,
                                                  lang="es")) == "other_one"
    assert found["intent"]["name"] == "out_of_scope"
    for turns, slots in [((CONFIRMED, WHICH_CITY), {}), ((CONFIRMED, ACCEPTED), {}),
                         ((CONFIRMED, ACCEPTED, BOSTON), {"place_options": ["*", *TWO_BOSTONS]})]:
        found = parse("el otro", intent="not_safe", confidence=0.42, signal="not_safe", lang="es")
        assert read_with_open_question(found, tracker(*turns, lang="es", **slots)) is None


def test_the_other_one_that_tells_of_harm_stays_a_disclosure() -> None:
    found = parse("the other one is my dad who hits me", intent="abuse_disclosure", confidence=0.45,
                  signal="abuse_disclosure")
    assert read_with_open_question(found, tracker(CONFIRMED, ACCEPTED, BOSTON, place_options=TWO_BOSTONS)) is None


# --- the offer of a person ------------------------------------------------------------------------------------------
def test_what_it_means_to_the_offer_asked_again_says_the_offer_again() -> None:
    found = parse("what does that mean", confidence=0.92)
    assert read_with_open_question(found, tracker(CONFIRMED, said("utter_ask_again"))) == "what_it_means"
    assert found["intent"]["name"] == "ask_repeat"
    # the first time the offer is asked, an unclear answer already asks it again (main's reading)
    assert read_with_open_question(parse("what does that mean", confidence=0.92), tracker(CONFIRMED)) is None
    # the plain bot reads it as what the chat is (core/safety.py: probe), with any question open
    plain = parse("what does that mean", intent="probe", persona="plain")
    assert read_with_open_question(plain, tracker(said("utter_ask_again"), persona="plain")) is None


def test_asking_for_a_person_to_the_offer_is_a_yes() -> None:
    for turns in [(CONFIRMED,), (CONFIRMED, said("utter_ask_again")), (said("utter_offer_counselor"),)]:
        found = parse("can i talk to a real person", intent="help_request", confidence=1.0, signal="ask_human",
                      persona="gametips", entities=("voice",))
        assert read_with_open_question(found, tracker(*turns, persona="gametips")) == "person_request"
        assert found["intent"]["name"] == "affirm" and found["signal"] == "none"


@pytest.mark.parametrize(("message", "turns", "persona"), [
    (parse("is it a real person", intent="help_request", confidence=0.9, signal="ask_human"), (CONFIRMED,),
     "rumianek"),                                                                   # asks whether
    (parse("can i talk to a real person", intent="help_request", confidence=1.0, signal="ask_human"), (),
     "rumianek"),                                                                   # a first message
    (parse("can i talk to a real person", intent="help_request", confidence=1.0, signal="ask_human"),
     (CONFIRMED, WHICH_CITY), "rumianek"),                                          # no offer open
    (parse("can i talk to a real person", intent="ask_human", confidence=1.0, signal="ask_human",
           persona="plain"), (said("utter_offer_counselor"),), "plain"),            # the plain bot: a person anyway
    (parse("can i talk to a real person", intent="distress", confidence=0.6, signal="distress"), (CONFIRMED,),
     "rumianek"),                                                                   # another reading
])
def test_asking_for_a_person_keeps_its_reading(message: dict, turns: tuple, persona: str) -> None:
    assert read_with_open_question(message, tracker(*turns, persona=persona)) is None
    assert OPEN_ANSWER not in message


def test_the_hook_reads_the_parse_in_place() -> None:
    found = parse("why?", intent="affirm", confidence=0.71)
    asyncio.run(gate._after_parse(None, None, tracker(CONFIRMED, WHICH_CITY), found))
    assert found["intent"]["name"] == "out_of_scope" and found[OPEN_ANSWER] == "why_place"


def test_an_error_leaves_the_parse_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.open_question as module

    def broken(parse: dict, tracker: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "read_with_open_question", broken)
    found = parse("why?", intent="affirm", confidence=0.71)
    asyncio.run(gate._after_parse(None, None, tracker(CONFIRMED, WHICH_CITY), found))
    assert found["intent"]["name"] == "affirm"
