"""Review s31 of session 30's rules, through nlu.components.persona.PersonaContext with the real cues file and the
classifier's top-3 rankings measured on main's model (a0ca393) for each line:

* the number asked for as someone comes (nlu/quiet.py asks_number_as_someone_comes): an arrival that is the number's
  own — "cual es el numero que viene" (the next one), "which number is coming up" — read danger now on a0ca393 (the
  emergency number for a shopper or a gamer); now ``number_own_arrival`` leaves it its reading, while "dame el numero
  ya viene", "podaj numer wraca", "number pls my stepdad is coming" stay danger now;
* a helpline asked for by its name (core/safety.py asks_helpline): a greeting sentence before it ("hey! whats the
  number for childline?") or a request to reach it ("how do i talk to childline", "jak się
  dodzwonić do telefonu zaufania") was ordinary talk ("I'm not sure I can help with that one"); now the referral;
* a friend's part (core/safety.py part_counts): "her stepdad hits her but she's fine now" was dropped as over;
* a story's frame (core/safety.py framed_parts): "anoche tuve un sueño raro. y esta mañana mi padrastro me pegó" read
  none; the child's own day at a part's start turns the talk.

Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen
from tests.nlu.test_long_messages import seen as seen_long

DANGER = ("imminent_danger", "imminent_danger", True)
REFERRAL = ("inform_location", "ask_human", False)


# --- the number's own arrival -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona,lang,text,ranking,expected", [
    # a0ca393: imminent_danger (the emergency number)
    ("rumianek", "es", "cual es el numero que viene",
     [("out_of_scope", .20), ("not_safe", .13), ("imminent_danger", .11)], ("out_of_scope", "none", False)),
    # a0ca393: imminent_danger
    ("gametips", "es", "cual es el numero que viene",
     [("out_of_scope", .87), ("imminent_danger", .04), ("ask_human", .01)], ("out_of_scope", "none", False)),
    # a0ca393: imminent_danger (the quiet code of the classifier, .43, is kept)
    ("rumianek", "es", "dame el numero que viene",
     [("not_safe", .43), ("imminent_danger", .23), ("rumianek__shipping", .04)], ("not_safe", "not_safe", False)),
    # a0ca393: imminent_danger
    ("gametips", "en", "which number is coming up",
     [("out_of_scope", .29), ("ask_human", .21), ("not_safe", .17)], ("out_of_scope", "none", False)),
    # a0ca393: imminent_danger
    ("plain", "en", "whats the number that is coming",
     [("out_of_scope", .97), ("ask_human", .02), ("imminent_danger", .00)], ("out_of_scope", "none", False)),
])
def test_an_arrival_that_is_the_number_s_own_is_no_danger(component: PersonaContext, persona: str, lang: str,
                                                          text: str, ranking: list, expected: tuple) -> None:
    assert seen(component, text, ranking, lang, persona)[:3] == expected


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("plain", "es", "dame el numero ya viene", [("imminent_danger", .97), ("affirm", .01), ("out_of_scope", .00)]),
    ("plain", "pl", "podaj numer wraca", [("out_of_scope", .25), ("inform_location", .20), ("ask_human", .11)]),
    ("rumianek", "es", "dame el numero que vuelve", [("out_of_scope", .40), ("not_safe", .11), ("rumianek__shipping", .09)]),
    ("rumianek", "es", "el numero porfa ya viene", [("not_safe", .48), ("imminent_danger", .36), ("affirm", .08)]),
    ("rumianek", "en", "number pls my stepdad is coming",
     [("imminent_danger", .96), ("ask_human", .01), ("rumianek__order_admin", .00)]),
    ("gametips", "en", "number hes back", [("imminent_danger", .80), ("ask_human", .14), ("distress", .02)]),
])
def test_someone_coming_stays_danger_now(component: PersonaContext, persona: str, lang: str, text: str,
                                         ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[:3] == DANGER


# --- a helpline asked for beside a greeting, or to be reached ---------------------------------------------------------
@pytest.mark.parametrize("persona,lang,text,ranking", [
    # a0ca393: each none (ordinary talk: "I'm not sure I can help with that one")
    ("plain", "en", "hey! whats the number for childline?", [("out_of_scope", .67), ("greet", .15), ("ask_human", .10)]),
    ("plain", "en", "hi. whats childlines number", [("greet", .49), ("out_of_scope", .29), ("ask_human", .10)]),
    ("plain", "en", "how do i talk to childline", [("out_of_scope", .88), ("ask_human", .04), ("goodbye", .02)]),
    ("plain", "es", "hola! cual es el numero de anar?", [("out_of_scope", .81), ("greet", .16), ("probe", .00)]),
    ("plain", "pl", "hej. jaki jest numer do telefonu zaufania?", [("out_of_scope", .53), ("ask_human", .23), ("greet", .09)]),
    ("plain", "pl", "jak sie dodzwonic do telefonu zaufania", [("out_of_scope", .84), ("goodbye", .03), ("ask_human", .03)]),
    ("plain", "pl", "jak sie skontaktowac z telefonem zaufania", [("out_of_scope", .95), ("ask_human", .01), ("peer_help", .01)]),
])
def test_a_helpline_asked_for_beside_a_greeting_or_to_be_reached_is_the_referral(
        component: PersonaContext, persona: str, lang: str, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[:3] == REFERRAL


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("plain", "en", "whats the childline number? making a poster for our school wellbeing week",
     [("out_of_scope", 1.0), ("ask_human", .00), ("online_exploitation", .00)]),
    ("plain", "es", "hola. mi tia trabaja en anar. es muy buena", [("greet", .57), ("out_of_scope", .28), ("abuse_disclosure", .07)]),
    ("plain", "pl", "czesc. moja ciocia pracuje w telefonie zaufania", [("out_of_scope", .43), ("greet", .19), ("abuse_disclosure", .10)]),
    ("rumianek", "pl", "dzien dobry. czy moge zamowic krem do rak?",
     [("rumianek__ask_products", .14), ("help_request", .13), ("greet", .11)]),
])
def test_a_greeting_beside_something_else_keeps_its_reading(component: PersonaContext, persona: str, lang: str,
                                                             text: str, ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[1] != "ask_human"


# --- a friend's harm that goes on, "but she's fine now" -------------------------------------------------------------
PE = "we had pe today and it was raining so we did dodgeball inside"


@pytest.mark.parametrize("persona,lang,first,whole,part", [
    # a0ca393: none (the part dropped as over)
    ("plain", "en", PE, [("out_of_scope", .66), ("peer_help", .34), ("greet", .00)],
     "my friend told me her stepdad hits her but shes fine now"),
    # a0ca393: none
    ("gametips", "en", "how do i beat the fire boss in level 4",
     [("gametips__ask_boss_tips", .57), ("peer_help", .18), ("out_of_scope", .10)],
     "also my mate told me his dad beats him but hes ok now"),
])
def test_fine_now_does_not_silence_a_friend_s_abuse(component: PersonaContext, persona: str, lang: str, first: str,
                                                    whole: list, part: str) -> None:
    text = f"{first}. {part}"
    parts = [(first, [("out_of_scope", .99)]), (part.removeprefix("also "), [("peer_help", .97), ("out_of_scope", .03)])]
    assert seen_long(component, text, whole, parts, lang, persona) == ("peer_help", "peer_help", False)


@pytest.mark.parametrize("part", [
    "my friends brother hit her at football but she is fine now",
    "my friend fell off his bike and hurt his arm but hes fine now",
])
def test_fine_now_still_takes_back_a_one_off(component: PersonaContext, part: str) -> None:
    parts = [(PE, [("out_of_scope", .99)]), (part, [("peer_help", .97), ("out_of_scope", .03)])]
    got = seen_long(component, f"{PE}. {part}", [("out_of_scope", .98), ("peer_help", .02)], parts, "en")
    assert got[1:] == ("none", False)


# --- a story turned by the child's own day --------------------------------------------------------------------------
@pytest.mark.parametrize("lang,first,second,whole", [
    # a0ca393: none (the dream framed both parts)
    ("es", "anoche tuve un sueno muy raro con dinosaurios",
     "y esta manana mi padrastro me pego porque no encontraba las llaves",
     [("out_of_scope", .58), ("abuse_disclosure", .31), ("self_harm", .03)]),
    # a0ca393: none (the book framed both parts)
    ("es", "hoy en clase leimos un libro muy aburrido sobre la guerra", "lo peor es que mi padre me pega cuando bebe",
     [("out_of_scope", .58), ("abuse_disclosure", .41), ("bullying", .00)]),
])
def test_the_child_s_own_day_after_a_story_is_read(component: PersonaContext, lang: str, first: str, second: str,
                                                   whole: list) -> None:
    parts = [(first, [("out_of_scope", .99)]), (second, [("abuse_disclosure", .95), ("out_of_scope", .05)])]
    got = seen_long(component, f"{first}. {second}", whole, parts, lang)
    assert got == ("abuse_disclosure", "abuse_disclosure", False)


def test_a_dream_told_on_stays_framed(component: PersonaContext) -> None:
    first, second = "i had a weird dream this morning", "my dad was chasing me with a knife through the school"
    parts = [(first, [("out_of_scope", .99)]), (second, [("imminent_danger", .9), ("out_of_scope", .1)])]
    got = seen_long(component, f"{first}. {second}", [("out_of_scope", .95), ("imminent_danger", .04)], parts, "en")
    assert got[1:] == ("none", False)
