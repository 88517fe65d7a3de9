"""Answers to the bot's questions (session 31, helper blindconv), through nlu.components.persona.PersonaContext
with the real cues file and the classifier's top-3 rankings measured on main's model for each line:

* a "not now" said with a wait until someone of the family leaves or sleeps ("not now, maybe later when my sister
  goes to bed", "ahora no, luego cuando se vaya mi padre", "nie teraz, może jak mama wyjdzie") is ``not_now``
  inside a persona (core.safety._LEAVING_WORDS): on main the quiet line (the offer lost);
* a polite no that says the child only asked ("nie dziękuję, tylko pytałam czy rumianek pomaga na egzemę") read as
  the persona's code below ``TENTATIVE_CONFIDENCE`` is ``deny`` (core.safety.declines_only_asking): on main the
  discreet question again;

and on the other side: "he" alone, harm beside the "not now", the plain bot with someone present, a disclosure or
the urgent code after the polite no, a shop answer after it and a strong code reading keep main's reading.
Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen as context_seen


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str) -> tuple[str, str, bool]:
    return context_seen(component, text, ranking, lang, persona)[:3]


@pytest.mark.parametrize("persona, lang, text, ranking", [
    ("gametips", "en", "not now, maybe later when my sister goes to bed",
     [("deny", .42), ("abuse_disclosure", .41), ("self_harm_urgent", .05)]),
    ("rumianek", "en", "not right now, maybe when my mum goes out",
     [("deny", .83), ("imminent_danger", .05), ("abuse_disclosure", .04)]),
    ("rumianek", "es", "ahora no, luego cuando se vaya mi padre",
     [("rumianek__not_safe", .92), ("abuse_disclosure", .06), ("self_harm_urgent", .00)]),
    ("rumianek", "pl", "nie teraz, może jak mama wyjdzie",
     [("deny", .34), ("self_harm_urgent", .15), ("out_of_scope", .13)]),
])
def test_not_now_until_family_leaves_is_not_now(component: PersonaContext, persona: str, lang: str, text: str,
                                                ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona) == ("not_now", "not_safe", False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    # "he" alone names nobody of the family: main's quiet line
    ("gametips", "en", "not now, maybe later when he goes out",
     [("deny", .83), ("gametips__not_safe", .06), ("imminent_danger", .04)], ("not_safe", "not_safe", False)),
    # harm beside the "not now" keeps the danger reading
    ("rumianek", "es", "ahora no, mi padre esta borracho y grita cuando se vaya te digo",
     [("imminent_danger", .95), ("rumianek__not_safe", .03), ("abuse_disclosure", .00)],
     ("imminent_danger", "imminent_danger", True)),
    # (a constructed ranking: harm said after the wait)
    ("rumianek", "en", "not now, maybe later when my dad goes out, he hit me",
     [("abuse_disclosure", .60), ("deny", .20), ("rumianek__not_safe", .10)],
     ("abuse_disclosure", "abuse_disclosure", False)),
    # the plain bot with someone present keeps main's reading
    ("plain", "en", "not now, maybe later when my dad goes to sleep",
     [("deny", .68), ("abuse_disclosure", .30), ("out_of_scope", .01)], ("deny", "none", False)),
])
def test_not_now_neighbours_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                               ranking: list[tuple[str, float]],
                                               expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


def test_polite_no_that_only_asked_is_a_no(component: PersonaContext) -> None:
    ranking = [("rumianek__help_request", .26), ("deny", .25), ("abuse_disclosure", .09)]
    assert seen(component, "nie dziękuję, tylko pytałam czy rumianek pomaga na egzemę", ranking, "pl",
                "rumianek") == ("deny", "none", False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    # a disclosure after the no
    ("rumianek", "en", "no thanks, just tell me what to do, my stepdad hit me again last night",
     [("abuse_disclosure", .99), ("rumianek__not_safe", .00), ("rumianek__ask_products", .00)],
     ("abuse_disclosure", "abuse_disclosure", False)),
    # the urgent code after the no
    ("rumianek", "en", "no thanks just express delivery tonight, my skin is burning and bleeding",
     [("rumianek__urgent", 1.0), ("rumianek__delivery_time", .00), ("deny", .00)], ("urgent", "urgent", True)),
    # the code read strongly (a child asking again for the cream)
    ("rumianek", "es", "no gracias, solo la crema de manzanilla, mi piel esta fatal desde hace meses",
     [("rumianek__help_request", .99), ("peer_help", .00), ("rumianek__urgent", .00)],
     ("help_request", "help_request", False)),
    # the shop's own answer
    ("rumianek", "es", "no gracias, solo preguntaba si sirve para la piel seca de las manos",
     [("rumianek__ask_product_info", .99), ("deny", .00), ("rumianek__feedback", .00)],
     ("rumianek__ask_product_info", "none", False)),
    # a weak code reading with danger now beside it
    ("rumianek", "en", "no thanks, just the cream before he gets home right now",
     [("rumianek__help_request", .40), ("rumianek__urgent", .10), ("deny", .05)], None),
])
def test_polite_no_neighbours_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                                 ranking: list[tuple[str, float]],
                                                 expected: tuple[str, str, bool] | None) -> None:
    got = seen(component, text, ranking, lang, persona)
    if expected is None:
        assert got[0] != "deny"
    else:
        assert got == expected
