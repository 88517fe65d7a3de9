"""A helpline asked for by its name (issue 13, session 30, lead): "what's the number for childline" as a first message
was out_of_scope .96 and drew "I'm not sure I can help with that one" — no number, no question where the child is.
A short message (cues.yml helpline_names, and in the plain bot helpline_generic, with a helpline_request word) is the
referral: "which city or country?", then the number (core/safety.py asks_helpline). A helpline named without a request
("my mum works for a helpline", "i called childline yesterday"), a shop's own helpline inside a persona and a message
about something else keep their reading.

Through nlu.components.persona.PersonaContext with synthetic rankings: the top three readings measured on main's model
(53f9844) for each line, written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from core.safety import asks_helpline
from core.text import fold
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

#: (persona, lang, text, main's ranking): a helpline's number asked for — main read none (ordinary talk).
ASKED = [
    ('plain', 'en', "what's the number for childline", [('out_of_scope', 0.96), ('ask_human', 0.01), ('probe', 0.01)]),
    ('plain', 'en', 'whats childlines number', [('out_of_scope', 0.64), ('ask_human', 0.25), ('probe', 0.03)]),
    ('plain', 'en', 'is there a helpline for kids', [('out_of_scope', 0.42), ('ask_human', 0.38), ('probe', 0.05)]),
    ('plain', 'en', "what's the nspcc phone number", [('out_of_scope', 0.97), ('ask_human', 0.02), ('distress', 0.0)]),
    ('plain', 'en', 'im in leeds whats the childline number', [('inform_location', 0.91), ('ask_human', 0.02), ('probe', 0.02)]),
    ('plain', 'es', 'cual es el numero de la linea de ayuda para ninos', [('out_of_scope', 0.92), ('probe', 0.05), ('ask_human', 0.01)]),
    ('plain', 'es', 'me das el numero de anar', [('out_of_scope', 0.27), ('ask_human', 0.23), ('abuse_disclosure', 0.18)]),
    ('plain', 'es', 'dime el telefono de la fundacion anar porfa', [('out_of_scope', 0.96), ('affirm', 0.01), ('imminent_danger', 0.01)]),
    ('plain', 'pl', 'jaki jest numer telefonu zaufania dla dzieci', [('out_of_scope', 0.92), ('ask_human', 0.03), ('probe', 0.01)]),
    ('plain', 'pl', 'podaj numer telefonu zaufania', [('out_of_scope', 0.36), ('ask_human', 0.27), ('inform_location', 0.08)]),
    ('plain', 'pl', 'jest jakis telefon dla dzieci', [('out_of_scope', 0.9), ('peer_help', 0.04), ('ask_human', 0.02)]),
    ('plain', 'pl', 'jaki jest numer do rzecznika praw dziecka', [('out_of_scope', 0.78), ('abuse_disclosure', 0.07), ('ask_human', 0.05)]),
    ('rumianek', 'en', 'whats the number for childline', [('out_of_scope', 0.53), ('probe', 0.15), ('ask_human', 0.07)]),
    ('rumianek', 'es', 'cual es el numero de anar', [('out_of_scope', 0.41), ('rumianek__contact', 0.2), ('rumianek__shipping', 0.12)]),
    ('rumianek', 'pl', 'jaki jest numer telefonu zaufania', [('rumianek__contact', 0.53), ('out_of_scope', 0.21), ('ask_human', 0.07)]),
]

#: (persona, lang, text, main's ranking): a helpline named, no request for it (or the shop's own) — the reading stays.
OTHER = [
    ('plain', 'en', 'my mum works for a helpline', [('out_of_scope', 0.99), ('ask_human', 0.0), ('imminent_danger', 0.0)]),
    ('plain', 'en', 'we learned about childline at school today', [('out_of_scope', 1.0), ('bullying', 0.0), ('online_exploitation', 0.0)]),
    ('plain', 'en', 'i called childline yesterday and they were really nice', [('out_of_scope', 0.24), ('bullying', 0.23), ('probe', 0.09)]),
    ('plain', 'en', "what's the number for pizza hut", [('out_of_scope', 1.0), ('ask_human', 0.0), ('thanks', 0.0)]),
    ('plain', 'en', 'my cousin volunteers at a hotline', [('out_of_scope', 0.91), ('peer_help', 0.07), ('bullying', 0.01)]),
    ('plain', 'es', 'mi tia trabaja en una linea de ayuda', [('out_of_scope', 0.58), ('probe', 0.18), ('inform_location', 0.1)]),
    ('plain', 'pl', 'moja mama pracuje w infolinii', [('out_of_scope', 0.81), ('abuse_disclosure', 0.1), ('inform_location', 0.02)]),
    ('rumianek', 'pl', 'jaki jest numer infolinii sklepu', [('rumianek__contact', 0.78), ('out_of_scope', 0.07), ('rumianek__ask_product_info', 0.04)]),
    ('rumianek', 'es', 'cual es el telefono de ayuda de la tienda', [('rumianek__contact', 0.93), ('out_of_scope', 0.02), ('probe', 0.01)]),
    ('gametips', 'en', 'is there a helpline for the game', [('gametips__ask_game_recommendation', 0.51), ('ask_human', 0.14), ('gametips__ask_lag', 0.06)]),
    ('plain', 'en', 'the childline advert on tv was so cringe lol', [('out_of_scope', 1.0), ('probe', 0.0), ('thanks', 0.0)]),
    ('plain', 'en', 'whats the number for my friend her phone broke', [('out_of_scope', 0.9), ('ask_human', 0.05), ('peer_help', 0.02)]),
    ('plain', 'en', 'my mum says childline is for kids who are in real trouble and i should be grateful and stop moaning all the time', [('out_of_scope', 0.9), ('distress', 0.05), ('abuse_disclosure', 0.02)]),
]


@pytest.mark.parametrize("persona,lang,text,ranking", ASKED)
def test_a_helpline_asked_for_by_name_is_the_referral(component: PersonaContext, persona: str, lang: str, text: str,
                                                      ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (intent, signal, urgent) == ("inform_location", "ask_human", False)


@pytest.mark.parametrize("persona,lang,text,ranking", OTHER)
def test_a_helpline_named_without_a_request_keeps_its_reading(component: PersonaContext, persona: str, lang: str,
                                                              text: str, ranking: list) -> None:
    intent, signal, _, _ = seen(component, text, ranking, lang, persona)
    assert signal != "ask_human" or ranking[0][0] in ("ask_human", "help_request")
    assert intent != "inform_location" or ranking[0][0] == "inform_location"


def test_only_short_requests_count(component: PersonaContext) -> None:
    names, request = component.helpline_names, component.helpline_request
    assert asks_helpline(fold("whats the number for childline"), "en", names, request)
    assert not asks_helpline(fold("whats the number for childline " + "and also " * 6), "en", names, request)
    assert asks_helpline(fold("podaj numer telefonu zaufania"), "pl", names, request)
    assert not asks_helpline(fold("is there a helpline"), "en", names, request)
    assert asks_helpline(fold("whats the childline number?"), "en", names, request)
    assert not asks_helpline(fold("whats the childline number? its for a poster at school"), "en", names, request)  # a generic one: the plain bot only


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "whats the helpline number?", [("out_of_scope", 0.8), ("ask_human", 0.1), ("probe", 0.05)]),
    ("es", "hay alguna linea de ayuda", [("out_of_scope", 0.8), ("ask_human", 0.1), ("probe", 0.05)]),
    ("pl", "jest jakas linia pomocy?", [("out_of_scope", 0.8), ("ask_human", 0.1), ("probe", 0.05)]),
])
def test_a_bare_helpline_request_is_the_referral_in_the_plain_bot_only(component: PersonaContext, lang: str,
                                                                       text: str, ranking: list) -> None:
    assert seen(component, text, ranking, lang, "plain")[:3] == ("inform_location", "ask_human", False)
    assert seen(component, text, ranking, lang, "rumianek")[1] != "ask_human"
