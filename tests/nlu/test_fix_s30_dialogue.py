"""Session 30 (fix-dialogue), through nlu.components.persona.PersonaContext with the real cues file and the
classifier's top-3 rankings measured on main's model for each line:

* the number asked for as someone comes or comes back ("el número por favor que vuelve", "numer bo wraca",
  "number quick he's back") is danger now: the emergency number (nlu/quiet.py asks_number_as_someone_comes);
* "I have to go" with someone said to be there at the end ("me tengo que ir hay alguien", "gotta go theres
  someone", "muszę iść jest ktoś") is the quiet line, never a request for a person nor a yes (core/safety.py
  says_someone_there, is_covering_tracks);

and on the other side: a bare number question, "wrong number", "your number", the phone number, a negation or the
child coming back keep their reading; "is there someone who can help me", a goodbye alone, "is someone there?" keep
theirs. The question about the offer ("what's this consultation?") is read with the offer in bot/open_question.py
(tests/handoff/test_open_question_s30.py). Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from core.paths import SAFETY_DATA
from core.safety import says_someone_there
from core.text import fold
from nlu.components.persona import PersonaContext
from nlu.quiet import asks_number_as_someone_comes, load_answers, load_phrases
from tests.nlu.context import seen as context_seen


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str) -> tuple[str, str, bool]:
    return context_seen(component, text, ranking, lang, persona)[:3]


DANGER = ("imminent_danger", "imminent_danger", True)


# --- the number asked for as someone comes -----------------------------------------------------------------------
@pytest.mark.parametrize("persona, lang, text, ranking", [
    # main: out_of_scope .14 (the shop's "not sure I understood" after the quiet line)
    ("rumianek", "es", "el número por favor que vuelve",
     [("out_of_scope", .14), ("rumianek__shipping", .08), ("rumianek__urgent", .07)]),
    # main: out_of_scope .40
    ("rumianek", "es", "dame el numero que vuelve",
     [("out_of_scope", .40), ("not_safe", .11), ("rumianek__shipping", .09)]),
    # main: not_safe (the quiet code .48)
    ("rumianek", "es", "el numero porfa ya viene", [("not_safe", .48), ("imminent_danger", .36), ("affirm", .08)]),
    # main: out_of_scope .24
    ("rumianek", "pl", "numer bo wraca",
     [("out_of_scope", .24), ("rumianek__contact", .13), ("rumianek__order_admin", .13)]),
    # main: not_safe (imminent_danger .91 read as a bare arrival: the quiet line)
    ("rumianek", "pl", "numer szybko tata idzie", [("imminent_danger", .91), ("not_safe", .06), ("rumianek__urgent", .01)]),
    # main: not_safe (imminent_danger .94, a bare arrival)
    ("rumianek", "en", "number quick he's back", [("imminent_danger", .94), ("ask_human", .01), ("rumianek__urgent", .01)]),
    # main: not_safe (imminent_danger .80, a bare arrival)
    ("gametips", "en", "number hes back", [("imminent_danger", .80), ("ask_human", .14), ("distress", .02)]),
    # main: out_of_scope .62 (plain: "not sure I understood")
    ("plain", "es", "el número por favor que vuelve",
     [("out_of_scope", .62), ("imminent_danger", .11), ("ask_human", .08)]),
    # main: out_of_scope .50
    ("plain", "pl", "numer bo wraca", [("out_of_scope", .50), ("abuse_disclosure", .11), ("bullying", .06)]),
])
def test_the_number_asked_for_as_someone_comes_is_danger_now(component: PersonaContext, persona: str, lang: str,
                                                              text: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona) == DANGER


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    ("rumianek", "en", "whats the number",
     [("out_of_scope", .36), ("ask_human", .21), ("rumianek__order_admin", .10)], ("out_of_scope", "none", False)),
    ("rumianek", "en", "sorry wrong number hes back",
     [("not_safe", .98), ("imminent_danger", .01), ("rumianek__order_admin", .00)], ("not_safe", "not_safe", False)),
    ("rumianek", "en", "im coming back whats the number",
     [("out_of_scope", .42), ("imminent_danger", .12), ("distress", .12)], ("out_of_scope", "none", False)),
    ("rumianek", "en", "whats your number hes back",
     [("imminent_danger", .33), ("rumianek__contact", .12), ("rumianek__order_admin", .09)],
     ("not_safe", "not_safe", False)),
    ("rumianek", "en", "my mum is coming, whats the phone number",
     [("out_of_scope", .94), ("not_safe", .02), ("rumianek__contact", .02)], ("out_of_scope", "none", False)),
    ("rumianek", "es", "el número de mi pedido viene mañana",
     [("rumianek__shipping", .38), ("rumianek__order_admin", .20), ("not_safe", .18)],
     ("rumianek__shipping", "none", False)),
    ("rumianek", "pl", "tata nie wraca, podaj numer",
     [("not_safe", .59), ("abuse_disclosure", .17), ("deny", .05)], ("not_safe", "not_safe", False)),
    ("rumianek", "pl", "numer zamówienia idzie",
     [("rumianek__order_admin", .88), ("not_safe", .06), ("rumianek__shipping", .04)],
     ("rumianek__order_admin", "none", False)),
])
def test_other_number_lines_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                               ranking: list[tuple[str, float]],
                                               expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


@pytest.fixture(scope="module")
def number_words() -> tuple:
    return load_phrases(SAFETY_DATA / "cues.yml", "number_bare"), load_phrases(SAFETY_DATA / "cues.yml",
                                                                               "number_arrival")


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "the number pls hes coming back", True),
    ("en", "whats the number my dad's home", True),
    ("es", "pásame el número rápido que ya viene", True),
    ("pl", "podaj numer, ojczym wrócił", True),
    ("en", "he's not coming back, the number pls", False),   # a negation: no arrival
    ("es", "dame el número, no vuelve", False),
    ("en", "im back whats the number", False),               # the child back
    ("en", "whats the number", False),                       # no arrival
    ("en", "hes coming back", False),                        # no number
    ("en", "whats the number, he hits me when hes back", False),  # says more
])
def test_the_shape_of_a_number_asked_for_as_someone_comes(number_words: tuple, lang: str, text: str,
                                                          expected: bool) -> None:
    assert asks_number_as_someone_comes(fold(text), lang, *number_words) is expected


# --- "I have to go" with someone there -----------------------------------------------------------------------------
@pytest.mark.parametrize("persona, lang, text, ranking", [
    # main: ask_human .53 ("Of course, a person can talk with you", queued to the offer: taken as a yes)
    ("plain", "es", "me tengo que ir hay alguien", [("ask_human", .53), ("goodbye", .45), ("abuse_disclosure", .01)]),
    # main: goodbye .58 (an ordinary goodbye)
    ("plain", "es", "tengo que irme, hay alguien en casa",
     [("goodbye", .58), ("ask_human", .29), ("imminent_danger", .05)]),
    # main: goodbye .73
    ("plain", "es", "me tengo que ir ya hay alguien aqui",
     [("goodbye", .73), ("ask_human", .16), ("imminent_danger", .09)]),
    # main: help_request (the discreet question, ask_human .63)
    ("rumianek", "es", "me tengo que ir hay alguien", [("ask_human", .63), ("not_safe", .32), ("abuse_disclosure", .01)]),
    # main: goodbye .88
    ("plain", "en", "gotta go theres someone", [("goodbye", .88), ("ask_human", .04), ("imminent_danger", .03)]),
    # main: goodbye .68
    ("plain", "pl", "muszę iść jest ktoś", [("goodbye", .68), ("ask_human", .29), ("imminent_danger", .01)]),
])
def test_a_goodbye_with_someone_there_is_the_quiet_line(component: PersonaContext, persona: str, lang: str,
                                                        text: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona) == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    ("plain", "es", "me tengo que ir, hay alguien que me pueda ayudar?",
     [("ask_human", 1.0), ("goodbye", .00), ("distress", .00)], ("ask_human", "ask_human", False)),
    ("plain", "es", "hay alguien en casa?",
     [("ask_human", .94), ("online_exploitation", .01), ("abuse_disclosure", .01)], ("ask_human", "ask_human", False)),
    ("plain", "es", "hay alguien que me pueda ayudar?",
     [("ask_human", 1.0), ("imminent_danger", .00), ("greet", .00)], ("ask_human", "ask_human", False)),
    ("plain", "es", "me tengo que ir, adiós", [("goodbye", 1.0), ("distress", .00), ("out_of_scope", .00)],
     ("goodbye", "none", False)),
    ("plain", "en", "is someone there?", [("ask_human", .83), ("probe", .07), ("imminent_danger", .02)],
     ("ask_human", "ask_human", False)),
    ("plain", "en", "i have to go now bye", [("goodbye", 1.0), ("self_harm_urgent", .00), ("online_exploitation", .00)],
     ("goodbye", "none", False)),
    ("plain", "pl", "czy jest tu ktoś?", [("ask_human", .81), ("probe", .18), ("self_harm", .00)],
     ("ask_human", "ask_human", False)),
])
def test_someone_there_without_a_goodbye_keeps_its_reading(component: PersonaContext, persona: str, lang: str,
                                                           text: str, ranking: list[tuple[str, float]],
                                                           expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "me tengo que ir hay alguien", True),
    ("es", "tengo que irme, hay gente en casa", True),
    ("en", "gtg there's somebody here", True),
    ("pl", "muszę lecieć, ktoś jest w domu", True),
    ("es", "me tengo que ir, no hay alguien", False),                 # a negation
    ("es", "me tengo que ir, hay alguien que me pueda ayudar", False),  # more after it
    ("en", "gotta go, theres someone i need to tell", False),
])
def test_the_shape_of_someone_there(lang: str, text: str, expected: bool) -> None:
    there = load_answers(SAFETY_DATA / "cues.yml").someone_there
    assert says_someone_there(fold(text), lang, there) is expected
