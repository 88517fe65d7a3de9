"""Review s31 of session 30's rules, the pure functions (core/safety.py) with the shipped cues file:

* ``framed_parts``: a part that begins with the child's own day or real life (``story_turns``: "this morning", "lo peor
  es que", "a rano") turns the talk from a story or a dream told before it — only at a part's start;
* ``part_counts``: "but she's fine now" (``over_now``) does not take back harm done to a friend that goes on
  (``harm_goes_on``: "her stepdad hits her"), only a one-off or an accident;
* ``asks_helpline``: a sentence made only of a greeting or "please" (``helpline_asides``) or of the helpline's name
  is no sentence of its own; "talk to", "dodzwonić" are request words (not yet "hablar con": "como hablo con anar"
  would be read as the place Anār, Iran, by actions/referral.py).

Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from core.safety import Decision, PartCues, asks_helpline, framed_parts, part_counts
from core.text import fold
from nlu.cues import folded, load_cues
from nlu.parts import all_openers, parts_of

CUES = load_cues(Path(__file__).resolve().parents[2] / "nlu" / "safety" / "cues.yml")



STORY = (folded(CUES.danger_urgent.fiction), folded(CUES.told_as_story))
NOT_FRAMING = folded(CUES.not_framing)
TURNS = all_openers(folded(CUES.clause_openers))
STARTS = folded(CUES.story_turns)


def frames(text: str, lang: str, starts: bool = True) -> List[bool]:
    parts = parts_of(fold(text), TURNS)
    assert len(parts) > 1, "a long message with parts"
    return framed_parts(fold(text), parts, lang, STORY, NOT_FRAMING, TURNS, STARTS if starts else None)


# --- story turns ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("anoche tuve un sueno muy raro con dinosaurios. y esta manana mi padrastro me pego porque no encontraba las llaves",
     "es"),
    ("hoy en clase leimos un libro muy aburrido sobre la guerra. lo peor es que mi padre me pega cuando bebe", "es"),
    ("mialam dziwny sen o smokach. a rano ojczym mnie uderzyl bo nie moglam znalezc kluczy", "pl"),
    ("i had the weirdest dream about being a pop star lol. this morning my dad slapped me and pushed me", "en"),
])
def test_the_child_s_own_day_at_a_part_s_start_turns_the_talk(text: str, lang: str) -> None:
    assert frames(text, lang, starts=False) == [True, True]  # a0ca393: the story word framed both parts
    assert frames(text, lang) == [True, False]


@pytest.mark.parametrize("text,lang", [
    ("i had a weird dream this morning. my dad was chasing me with a knife through the school", "en"),
    ("ayer vimos una peli en clase muy triste. la nina dice mi padre me pega cada noche", "es"),
    ("tuve una pesadilla horrible esta manana. mi padre me pegaba y yo no podia correr", "es"),
    ("snil mi sie straszny koszmar dzis rano w domu. tata mnie bil i nie moglam uciec nigdzie", "pl"),
    ("czytalismy nowa lekture na polskim w szkole. ojciec bije tam corke i zamyka ja w piwnicy", "pl"),
])
def test_a_story_goes_on_without_a_turn_at_a_part_s_start(text: str, lang: str) -> None:
    assert all(frames(text, lang))


# --- a friend's harm that goes on -----------------------------------------------------------------------------------
PART_CUES = PartCues(
    done_to_friend=folded(CUES.done_to_friend),
    friend_self_harm=(folded(CUES.friend_self_harm), folded(CUES.self_harm_said)),
    fear=folded(CUES.fear_of), someone=folded(CUES.someone), unnamed=folded(CUES.someone_unnamed),
    over_now=folded(CUES.over_now), someone_present=folded(CUES.someone_present),
    goes_on=folded(CUES.harm_goes_on))
PEER = Decision("peer_help", .95, "peer_help", "peer_help", False, ())
TALK = Decision("out_of_scope", .95, "out_of_scope", "none", False, ())


@pytest.mark.parametrize("part,lang", [
    ("my friend told me her stepdad hits her but shes fine now", "en"),  # a0ca393: not counted
    ("my mate told me his dad beats him but hes ok now", "en"),  # a0ca393: not counted
    ("mi amiga me conto que su padrastro le pega pero ya esta bien", "es"),
    ("kolezanka mowi ze ojczym ja bije ale juz jest dobrze", "pl"),
])
def test_fine_now_does_not_take_back_harm_that_goes_on(part: str, lang: str) -> None:
    assert part_counts(TALK, fold(part), PEER, lang, PART_CUES)


@pytest.mark.parametrize("part,lang", [
    ("my friends brother hit her at football but she is fine now", "en"),
    ("my friend says her brother beats her at chess but shes fine now", "en"),
    ("my friend fell over and hurt her knee but she was fine after", "en"),
    ("a mi amigo le pegaron un balonazo pero ya esta bien", "es"),
    ("kolezanke uderzyl kolega pilka ale juz jej przeszlo", "pl"),
])
def test_fine_now_still_takes_back_a_one_off(part: str, lang: str) -> None:
    assert not part_counts(TALK, fold(part), PEER, lang, PART_CUES)


# --- a helpline asked for beside a greeting --------------------------------------------------------------------------
NAMES, REQUEST, ASIDES = (folded(CUES.helpline_names), folded(CUES.helpline_request),
                          folded(CUES.helpline_asides))


@pytest.mark.parametrize("text,lang", [
    ("hey! whats the number for childline?", "en"),
    ("hi. whats childlines number", "en"),
    ("childline? whats their number", "en"),
    ("how do i talk to childline", "en"),
    ("hola! cual es el numero de anar?", "es"),
    ("hej. jaki jest numer do telefonu zaufania?", "pl"),
    ("jak sie dodzwonic do telefonu zaufania", "pl"),
    ("jak sie skontaktowac z telefonem zaufania", "pl"),
])
def test_a_greeting_beside_the_request_is_no_sentence_of_its_own(text: str, lang: str) -> None:
    assert asks_helpline(fold(text), lang, NAMES, REQUEST, ASIDES)


@pytest.mark.parametrize("text,lang", [
    ("whats the childline number? making a poster for our school wellbeing week", "en"),
    ("we learned about childline at school today", "en"),
    ("hi. i talked to childline yesterday", "en"),
    ("hola. mi tia trabaja en anar. es muy buena", "es"),
    ("czesc. moja ciocia pracuje w telefonie zaufania", "pl"),
    ("hej. dzwonilam na telefon zaufania. pomogli mi", "pl"),
])
def test_a_sentence_about_something_else_still_counts(text: str, lang: str) -> None:
    assert not asks_helpline(fold(text), lang, NAMES, REQUEST, ASIDES)
