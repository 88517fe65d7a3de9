"""bot.open_question, session 30: asking what the persona's offer is ("what's this consultation?", "¿qué es eso de la
consulta?", "co to za konsultacja?") is unclear only while the offer is the bot's open question — the offer is asked
again. As a first message, after the shop's answer or after a place question it keeps the NLU's reading (main
before s30: out_of_scope everywhere, so "what is a consultation" as a first message in the shop, the code at .41,
got "Sorry, I didn't quite catch that"). Both sides; whole conversations: tests/conversations/fix_s30_dialogue.yml."""
from __future__ import annotations

import pytest

from bot.open_question import OPEN_ANSWER, read_with_open_question
from tests.handoff.test_open_question import CONFIRMED, WHICH_CITY, parse, said, tracker

AGAIN = said("utter_ask_again")


@pytest.mark.parametrize("message, turns", [
    # the code read weakly (main s29: out_of_scope, the offer asked again)
    (parse("what is a consultation", intent="help_request", confidence=0.41, signal="ask_human"), (CONFIRMED,)),
    (parse("a co to za specjalistka?", intent="probe", confidence=0.91, lang="pl"), (CONFIRMED,)),
    (parse("y que es lo de la especialista?", intent="probe", confidence=0.30, lang="es"), (CONFIRMED,)),
    (parse("whats the coach thing", confidence=0.5, persona="gametips"), (said("utter_offer_counselor"),)),
    (parse("qué es eso de la consulta", intent="probe", confidence=0.15, lang="es"), (CONFIRMED, AGAIN)),
])
def test_asking_what_the_offer_is_to_the_offer_is_unclear(message: dict, turns: tuple) -> None:
    persona = next(e["value"] for e in message["entities"] if e["entity"] == "persona")
    assert read_with_open_question(message, tracker(*turns, persona=persona)) == "about_offer"
    assert message["intent"]["name"] == "out_of_scope"
    assert message["signal"] == "none" and message["urgent"] is False


@pytest.mark.parametrize("message, turns, persona", [
    # a first message: the code (main s29: out_of_scope, "Sorry, I didn't quite catch that")
    (parse("what is a consultation", intent="help_request", confidence=0.41, signal="ask_human"), (), "rumianek"),
    (parse("qué es eso de la consulta", intent="probe", confidence=0.15, lang="es"), (), "rumianek"),
    # after the shop's answer, or a place question: no offer open
    (parse("who is the specialist", intent="help_request", confidence=0.26, signal="ask_human"),
     (said("utter_rumianek__ask_price"),), "rumianek"),
    (parse("what is a consultation", intent="help_request", confidence=0.41, signal="ask_human"),
     (CONFIRMED, WHICH_CITY), "rumianek"),
    # the plain bot has no persona offer
    (parse("what specialist?", intent="ask_human", confidence=0.32, signal="ask_human", persona="plain"),
     (said("utter_offer_counselor"),), "plain"),
    # a help signal the classifier is sure of, urgency, harm in it
    (parse("a co to jest ta konsultacja?", intent="help_request", confidence=0.76, signal="ask_human", lang="pl"),
     (CONFIRMED,), "rumianek"),
    (parse("what consultation", intent="imminent_danger", confidence=0.3, signal="imminent_danger", urgent=True),
     (CONFIRMED,), "rumianek"),
    (parse("what specialist, my dad hits me", intent="abuse_disclosure", confidence=1.0, signal="abuse_disclosure"),
     (CONFIRMED,), "rumianek"),
    # a quiet line the classifier is sure of
    (parse("whats the coach thing", intent="not_safe", confidence=0.9, signal="not_safe", persona="gametips"),
     (CONFIRMED,), "gametips"),
])
def test_asking_what_the_offer_is_keeps_its_reading_elsewhere(message: dict, turns: tuple, persona: str) -> None:
    before = {**message, "intent": dict(message["intent"])}
    assert read_with_open_question(message, tracker(*turns, persona=persona)) is None
    assert message == before and OPEN_ANSWER not in message
