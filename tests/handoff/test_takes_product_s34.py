"""bot.open_question (session 34, persona-s34, issue 13): in a shop, "perfecto, me la llevo" after the shop's price
answer (no question open) was read as a yes (.40) and drew "no lo he pillado": it is the shop's how-to-order answer
(``<shop>__website_help``). To the offer of a person still open, "vale, me la llevo" is a yes (it drew the price list).
Neighbours: a yes word with it, harm said with it, an urgent or help reading, the game persona and the plain bot, and
another question open (which city?) keep their reading. Whole conversations: tests/conversations/persona_s34.yml."""
from __future__ import annotations

import pytest

from bot.open_question import OPEN_ANSWER, TOOK_IT, TOOK_OFFER, read_with_open_question
from tests.handoff.test_open_question import CONFIRMED, WHICH_CITY, parse, said, tracker

PRICE = said("utter_rumianek__ask_price")


@pytest.mark.parametrize("text,lang,intent", [
    ("perfecto, me la llevo", "es", "affirm"), ("vale, pues me lo quedo", "es", "out_of_scope"),
    ("ok ill take it", "en", "goodbye"), ("super, biorę", "pl", "out_of_scope"), ("dobra, to wezmę", "pl", "affirm"),
])
def test_taking_the_product_with_no_question_open_is_how_to_order(text: str, lang: str, intent: str) -> None:
    found = parse(text, intent=intent, confidence=0.4, lang=lang)
    assert read_with_open_question(found, tracker(PRICE, lang=lang)) == TOOK_IT
    assert found["intent"]["name"] == "rumianek__website_help" and found["signal"] == "none"
    assert found[OPEN_ANSWER] == TOOK_IT


@pytest.mark.parametrize("text,lang", [("vale, me la llevo", "es"), ("ok ill take it", "en"), ("to biorę", "pl")])
def test_taking_it_to_the_offer_of_a_person_is_a_yes(text: str, lang: str) -> None:
    found = parse(text, intent="rumianek__ask_products", confidence=0.3, lang=lang)
    assert read_with_open_question(found, tracker(CONFIRMED, lang=lang)) == TOOK_OFFER
    assert found["intent"]["name"] == "affirm"


@pytest.mark.parametrize("text,lang,intent,signal,urgent,persona,before", [
    ("sí, me la llevo", "es", "affirm", "none", False, "rumianek", PRICE),
    ("me la llevo, mi padre me pega", "es", "abuse_disclosure", "abuse_disclosure", False, "rumianek", PRICE),
    ("ill take it, he's coming back tonight", "en", "urgent", "urgent", True, "rumianek", PRICE),
    ("ok ill take it", "en", "affirm", "none", False, "gametips", []),
    ("ok ill take it", "en", "affirm", "none", False, "plain", []),
    ("perfecto, me la llevo", "es", "rumianek__ask_products", "none", False, "rumianek", PRICE),
    ("perfecto, me la llevo", "es", "affirm", "none", False, "rumianek", CONFIRMED + WHICH_CITY),
])
def test_other_readings_stay(text: str, lang: str, intent: str, signal: str, urgent: bool, persona: str,
                             before: list) -> None:
    found = parse(text, intent=intent, signal=signal, urgent=urgent, persona=persona, lang=lang)
    turns = [before] if before else []
    assert read_with_open_question(found, tracker(*turns, persona=persona, lang=lang)) is None
    assert found["intent"]["name"] == intent
