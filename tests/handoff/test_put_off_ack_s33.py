"""bot.open_question (session 33, conv-s33, issue 13): after the bot put the offer of a person off — the quiet line
("nvm wrong chat" → "Okay. Take care", ``utter_not_safe``) or the not-now line ("no rush, write yes when it suits
you", ``utter_not_now``) — a message that only takes note of it ("ok", "vale gracias", "dobra") was read as a yes
(affirm .97-.98) and queued the child who had just broken off. It is read as thanks (the innocuous thanks line); the
offer stays remembered for a real yes. Neighbours: a yes word with it ("ok yes", "vale sí", "ok tak"), a bare yes,
"ok" to an offer still open (a yes), "ok" read as anything but a yes, and anything more than taking note ("ok but he
hits me") keep their reading. Whole conversations: tests/conversations/fix_s33_conv.yml."""
from __future__ import annotations

import pytest

from bot.open_question import ACKNOWLEDGED, OFFER, OPEN_ANSWER, PUT_OFF, open_question, read_with_open_question
from nlu.open_answers import only_acknowledges
from tests.handoff.test_open_question import CONFIRMED, parse, said, tracker

QUIET = said("utter_not_safe")
NOT_NOW = said("utter_not_now")


def test_the_put_off_lines_leave_no_question_but_are_known() -> None:
    assert open_question(tracker(CONFIRMED, QUIET)) == PUT_OFF
    assert open_question(tracker(CONFIRMED, NOT_NOW)) == PUT_OFF
    assert open_question(tracker(CONFIRMED)) == OFFER


@pytest.mark.parametrize("text,lang,persona,before", [
    ("ok", "en", "plain", QUIET),
    ("okay thanks", "en", "rumianek", NOT_NOW),
    ("k thx", "en", "gametips", NOT_NOW),
    ("okk", "en", "gametips", QUIET),
    ("vale", "es", "plain", QUIET),
    ("vale gracias", "es", "rumianek", NOT_NOW),
    ("dobra", "pl", "plain", QUIET),
    ("ok", "pl", "rumianek", QUIET),
    ("okej dzięki", "pl", "rumianek", NOT_NOW),
])
def test_taking_note_of_a_put_off_line_is_no_yes(text: str, lang: str, persona: str, before: list) -> None:
    found = parse(text, intent="affirm", confidence=0.97, persona=persona, lang=lang)
    assert read_with_open_question(found, tracker(CONFIRMED, before, persona=persona, lang=lang)) == ACKNOWLEDGED
    assert found["intent"]["name"] == "thanks" and found["signal"] == "none" and found[OPEN_ANSWER] == ACKNOWLEDGED


@pytest.mark.parametrize("text,lang", [
    ("yes", "en"), ("ok yes", "en"), ("yeah ok", "en"), ("sure", "en"), ("ok im back", "en"),
    ("si", "es"), ("vale si", "es"), ("tak", "pl"), ("ok tak", "pl"), ("jasne", "pl"),
])
def test_a_yes_after_a_put_off_line_stays_a_yes(text: str, lang: str) -> None:
    found = parse(text, intent="affirm", confidence=0.98, lang=lang)
    assert read_with_open_question(found, tracker(CONFIRMED, NOT_NOW, lang=lang)) is None
    assert found["intent"]["name"] == "affirm"


def test_ok_to_an_offer_still_open_is_a_yes() -> None:
    found = parse("ok", intent="affirm", confidence=0.98)
    assert read_with_open_question(found, tracker(CONFIRMED)) is None
    assert found["intent"]["name"] == "affirm"


def test_only_a_yes_reading_is_read_again() -> None:
    """ "ok" read as goodbye or a help signal after the quiet line keeps its reading; so does more than taking note."""
    bye = parse("ok bye", intent="goodbye", confidence=0.8)
    assert read_with_open_question(bye, tracker(CONFIRMED, QUIET)) is None
    more = parse("ok but he hits me", intent="abuse_disclosure", confidence=0.9, signal="abuse_disclosure")
    assert read_with_open_question(more, tracker(CONFIRMED, QUIET)) is None and more["signal"] == "abuse_disclosure"


@pytest.mark.parametrize("text,lang,expected", [
    ("ok", "en", True), ("Okay!", "en", True), ("ok thank you", "en", True), ("kk", "en", True),
    ("vale gracias", "es", True), ("de acuerdo", "es", True), ("dobra dzięki", "pl", True), ("spoko", "pl", True),
    ("ok yes", "en", False), ("yes", "en", False), ("ok but my dad hits me", "en", False), ("no", "en", False),
    ("vale sí", "es", False), ("ok tak", "pl", False), ("nie", "pl", False), ("no", "pl", False),
])
def test_the_shape_of_taking_note(text: str, lang: str, expected: bool) -> None:
    assert only_acknowledges(text, lang) is expected
