"""bot.disclosure_context, session 33: the phone said to be taken after harm done to the child, before any number
was given. "they already took my phone, im on my friends" after "im gay and my parents said theyll kick me out" read
self-harm, urgent at .66 (no self-harm word), and drew the self-harm emergency line ("put what you might hurt
yourself with away"). After harm told (never after self-harm), a message made only of ``phone_taken`` words read as a
help signal or ordinary talk is "I can't call" (cant_call: a person writes here), the session's signal and urgency
kept; a quiet-line reading, self-harm before, other words, another urgent reading keep theirs. Lines written for
these tests; whole conversations: probe_s21_convprobe-en.yml, fix_s33_xfail.yml."""
from __future__ import annotations

import pytest

from bot.disclosure_context import PHONE_TAKEN
from tests.handoff.test_disclosure_context import parse_of, read, tracker

OFFER = "A counselor, a real person, can write to you here in this chat. Would you like that?"


@pytest.mark.parametrize("persona,lang,earlier,text,intent,signal,urgent", [
    ("plain", "en", ("im gay and my parents said theyll kick me out", "online_exploitation"),
     "they already took my phone, im on my friends", "self_harm_urgent", "self_harm", True),
    ("plain", "en", ("my dad hits me when he drinks", "abuse_disclosure"),
     "he took my phone so im on my mates laptop", "out_of_scope", "none", False),
    ("plain", "es", ("mi padre me pega", "abuse_disclosure"),
     "ya me quitaron el movil, estoy con el de mi amiga", "peer_help", "peer_help", False),
    ("plain", "pl", ("ojczym mnie bije", "abuse_disclosure"),
     "zabrali mi telefon, pisze z telefonu kolezanki", "out_of_scope", "none", False),
    ("rumianek", "en", ("my skin gets bad when my stepdad drinks", "help_request"),
     "my mum has my phone, im on my sisters ipad", "self_harm", "self_harm", False),
])
def test_the_phone_taken_after_harm_is_cant_call(persona: str, lang: str, earlier: tuple, text: str, intent: str,
                                                 signal: str, urgent: bool) -> None:
    rule, parse = read(parse_of(text, intent, signal, persona, lang, urgent=urgent),
                       tracker(earlier, persona=persona, lang=lang, reply=OFFER))
    assert rule == PHONE_TAKEN
    assert parse["intent"]["name"] == "cant_call" and parse["signal"] == earlier[1] and parse["urgent"] is False


def test_the_sessions_urgency_is_kept() -> None:
    rule, parse = read(parse_of("they took my phone", "self_harm_urgent", "self_harm", "plain", urgent=True),
                       tracker(("hes outside my door with a knife", "imminent_danger", True), persona="plain",
                               reply=OFFER))
    assert rule == PHONE_TAKEN and parse["urgent"] is True


@pytest.mark.parametrize("earlier,text,intent,signal,urgent", [
    # nothing told before: the first-line reading stands (main: urgent self-harm, as before)
    ((), "they already took my phone, im on my friends", "self_harm_urgent", "self_harm", True),
    # self-harm told before: the reading stands
    ((("i want to die", "self_harm"),), "they already took my phone", "self_harm_urgent", "self_harm", True),
    # more than the phone taken
    ((("my dad hits me", "abuse_disclosure"),), "they took my phone and im going to end it tonight",
     "self_harm_urgent", "self_harm", True),
    ((("my dad hits me", "abuse_disclosure"),), "they took my phone and i feel like dying", "self_harm",
     "self_harm", False),
    # another urgent reading after harm: danger now stays
    ((("my dad hits me", "abuse_disclosure"),), "he took my phone", "imminent_danger", "imminent_danger", True),
    # the quiet line: someone may be there
    ((("my dad hits me", "abuse_disclosure"),), "my dad has my phone", "not_safe", "not_safe", False),
    # a friend's story is no harm done to the child
    ((("my friend says her dad hits her", "peer_help"),), "they already took my phone, im on my friends",
     "self_harm_urgent", "self_harm", True),
])
def test_other_lines_keep_their_reading(earlier: tuple, text: str, intent: str, signal: str, urgent: bool) -> None:
    rule, parse = read(parse_of(text, intent, signal, "plain", urgent=urgent),
                       tracker(*earlier, persona="plain", reply=OFFER))
    assert rule is None
    assert (parse["intent"]["name"], parse["signal"], parse["urgent"]) == (intent, signal, urgent)


# --- someone still around after harm: "my uncle still comes over" ---------------------------------------------------
@pytest.mark.parametrize("persona,lang,earlier,text,signal", [
    ("plain", "en", ("i told my teacher and nothing happened", "abuse_disclosure"), "my uncle still comes over",
     "abuse_disclosure"),
    ("plain", "en", ("my stepdad touches me", "abuse_disclosure"), "and he still babysits on weekends",
     "abuse_disclosure"),
    ("plain", "es", ("mi tio me toca", "abuse_disclosure"), "pero mi tio sigue viniendo a casa", "abuse_disclosure"),
    ("plain", "pl", ("wujek mnie dotyka", "abuse_disclosure"), "a wujek dalej do nas przychodzi", "abuse_disclosure"),
    # a persona's code: a disclosure
    ("rumianek", "en", ("my skin gets bad when my mums boyfriend is around", "help_request"),
     "he still comes over every weekend", "abuse_disclosure"),
])
def test_someone_still_around_after_harm_is_the_harm_going_on(persona: str, lang: str, earlier: tuple, text: str,
                                                              signal: str) -> None:
    rule, parse = read(parse_of(text, "out_of_scope", "none", persona, lang), tracker(earlier, persona=persona,
                                                                                      lang=lang, reply=OFFER))
    assert rule == "still_around"
    assert parse["intent"]["name"] == signal and parse["signal"] == signal and parse["urgent"] is False


@pytest.mark.parametrize("earlier,text,intent,signal", [
    ((), "my uncle still comes over", "out_of_scope", "none"),  # a first message
    ((("my friend says her dad hits her", "peer_help"),), "her uncle still comes over", "out_of_scope", "none"),
    ((("my dad hits me", "abuse_disclosure"),), "my dad still comes over for christmas dinner", "out_of_scope", "none"),
    ((("my dad hits me", "abuse_disclosure"),), "my uncle still comes over", "not_safe", "not_safe"),  # quiet line
])
def test_someone_still_around_otherwise_keeps_its_reading(earlier: tuple, text: str, intent: str,
                                                          signal: str) -> None:
    rule, parse = read(parse_of(text, intent, signal, "plain"), tracker(*earlier, persona="plain", reply=OFFER))
    assert rule is None and (parse["intent"]["name"], parse["signal"]) == (intent, signal)
