"""A number asked for to pass on while the bot's question asks the city (session 33, issue 13): after a friend's or
brother's story and a yes, "is now a good moment? which city?" was open and "que numero le doy a mi amiga?" /
"jaki numer mam dać bratu?" drew only "a specialist writes to you soon" (and "which city?" again), no number. Read
with the open question (bot.open_question, NUMBER_ASKED) the message is a number asked for (inform_location, a help
signal kept); the referral action then routes on the persona's country (tests/referrals/test_number_asked_s33.py).
Neighbours keep their reading: a number for something else, the same words with no such question open, a place or
urgency in the message. Whole conversations: probe_s22_espl.yml, fix_s33_xfail.yml. Lines written for these tests."""
from __future__ import annotations

import pytest

from bot.open_question import OPEN_ANSWER, read_with_open_question
from nlu.open_answers import asks_number_to_pass_on
from tests.handoff.test_open_question import ACCEPTED, CONFIRMED, WHICH_CITY, parse, said, tracker


@pytest.mark.parametrize("text, lang", [
    ("que numero le doy a mi amiga?", "es"),
    ("y que numero le doy a mi hermano", "es"),
    ("jaki numer mam dac bratu?", "pl"),
    ("jaki numer mam dać siostrze", "pl"),
    ("what number should i give my sister?", "en"),
    ("ok so which number can i give my brother", "en"),
])
def test_a_number_to_pass_on_is_the_shape(text: str, lang: str) -> None:
    assert asks_number_to_pass_on(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("que numero le doy a mi amiga para el sorteo?", "es"),
    ("jaki numer buta mam dac bratu?", "pl"),
    ("what number should i give my sister out of 10", "en"),
    ("que numero de zapato le doy a mi hermana", "es"),
    ("my sister plays football, what number should i give my sister", "en"),
])
def test_other_numbers_are_not_the_shape(text: str, lang: str) -> None:
    assert not asks_number_to_pass_on(text, lang)


@pytest.mark.parametrize("message, turns", [
    # main s32: peer_help inform_location .51 (es), the shop's catalogue question .47 (pl)
    (parse("que numero le doy a mi amiga?", intent="inform_location", confidence=0.51, signal="peer_help",
           lang="es"), (CONFIRMED, ACCEPTED)),
    (parse("jaki numer mam dac bratu?", intent="rumianek__ask_products", confidence=0.47, lang="pl"),
     (CONFIRMED, ACCEPTED)),
    # "which city?" asked on its own
    (parse("what number should i give my sister", confidence=0.8), (CONFIRMED, WHICH_CITY)),
])
def test_a_number_asked_to_the_city_question_is_a_number_asked(message: dict, turns: tuple) -> None:
    signal = message["signal"]
    assert read_with_open_question(message, tracker(*turns)) == "number_asked"
    assert message["intent"]["name"] == "inform_location" and message[OPEN_ANSWER] == "number_asked"
    assert message["signal"] == signal and message["urgent"] is False  # a help signal kept, never lowered


@pytest.mark.parametrize("message, turns", [
    # no question that asks the city open: a first message, the offer, the shop's answer
    (parse("jaki numer mam dac bratu?", intent="rumianek__ask_products", confidence=0.47, lang="pl"), ()),
    (parse("jaki numer mam dac bratu?", intent="rumianek__ask_products", confidence=0.47, lang="pl"), (CONFIRMED,)),
    (parse("que numero le doy a mi amiga?", intent="out_of_scope", lang="es"), (said("utter_rumianek__ask_price"),)),
    # a number for something else
    (parse("jaki numer buta mam dac bratu?", intent="rumianek__ask_products", confidence=0.6, lang="pl"),
     (CONFIRMED, ACCEPTED)),
    # a place in the message: the place reading stands
    (parse("que numero le doy a mi amiga?", intent="inform_location", signal="peer_help", lang="es",
           entities=("location",)), (CONFIRMED, ACCEPTED)),
    # urgency stands
    (parse("what number should i give my sister", intent="self_harm", signal="self_harm", urgent=True),
     (CONFIRMED, ACCEPTED)),
])
def test_a_number_asked_keeps_its_reading_elsewhere(message: dict, turns: tuple) -> None:
    before = {**message, "intent": dict(message["intent"])}
    assert read_with_open_question(message, tracker(*turns)) is None
    assert message == before and OPEN_ANSWER not in message
