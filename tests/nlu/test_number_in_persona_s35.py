"""Session 35 (cover-s35): inside a persona, a plain help reading that asks for a number — for a friend or for the
child — is the referral (intent ``inform_location``, the help signal kept: where first, then the exact number in
the persona's cover wording), not only the friend line and the offer of a person ("i need a number to call for my
friend, his dad hits him", peer_help .98). From the first help signal on the chat is in the persona's voice
(entity ``voice: cover``). The persona's own readings (its code, a shopper's question), urgent readings and the
plain bot keep their reading. Rankings shaped as the model gave them; lines written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    ("rumianek", "en", "i need a number to call for my friend, his dad hits him", [("peer_help", .98)], "peer_help"),
    ("gametips", "en", "i need a number to call for my friend, his dad hits him", [("peer_help", .95)], "peer_help"),
    ("gametips", "en", "who can i call for my mate, his mum hurts him", [("peer_help", .9)], "peer_help"),
    ("rumianek", "es", "necesito un numero para llamar por mi amigo, su padre le pega", [("peer_help", .98)],
     "peer_help"),
    ("rumianek", "pl", "gdzie zadzwonić w sprawie kolegi, jego tata go bije", [("peer_help", .9)], "peer_help"),
    ("rumianek", "en", "my dad hits me, is there a number i can call", [("abuse_disclosure", .83)], "abuse_disclosure"),
    ("rumianek", "es", "mi padre me pega, hay algun numero al que pueda llamar", [("ask_human", .86)], "ask_human"),
    ("rumianek", "pl", "podaj mi numer, tata mnie bije", [("abuse_disclosure", .98)], "abuse_disclosure"),
    ("gametips", "en", "i keep cutting myself, give me a number to call", [("self_harm", .9)], "self_harm"),
])
def test_a_number_asked_inside_a_persona_is_the_referral(component: PersonaContext, persona: str, lang: str,
                                                          text: str, ranking: list, signal: str) -> None:
    intent, got, urgent, entities = seen(component, text, ranking, lang, persona)
    assert (intent, got, urgent) == ("inform_location", signal, False)
    assert ("voice", "cover") in entities


@pytest.mark.parametrize("persona,lang,text,ranking,expected", [
    # no number asked: the acknowledgement and the offer, in the persona's voice
    ("rumianek", "en", "my friends dad hits him", [("peer_help", .97)], ("peer_help", "peer_help")),
    ("rumianek", "en", "my dad hits me", [("abuse_disclosure", .99)], ("abuse_disclosure", "abuse_disclosure")),
    ("rumianek", "es", "mi padre me pega", [("abuse_disclosure", .99)], ("abuse_disclosure", "abuse_disclosure")),
    ("rumianek", "pl", "tata mnie bije", [("abuse_disclosure", .99)], ("abuse_disclosure", "abuse_disclosure")),
])
def test_a_plain_disclosure_inside_a_persona_is_in_cover_voice(component: PersonaContext, persona: str, lang: str,
                                                               text: str, ranking: list, expected: tuple) -> None:
    intent, signal, _, entities = seen(component, text, ranking, lang, persona)
    assert (intent, signal) == expected
    assert ("voice", "cover") in entities


@pytest.mark.parametrize("persona,lang,text,ranking,expected", [
    # the shop's own number asked by a shopper: its answer, no cover voice (nothing to acknowledge)
    ("rumianek", "en", "what number can i call to order by phone", [("rumianek__contact", .9)],
     ("rumianek__contact", "none")),
    ("rumianek", "pl", "jaki numer telefonu do sklepu", [("rumianek__contact", .9)], ("rumianek__contact", "none")),
    # the code with a number asked: the discreet question stays (the code is the child's own request)
    ("rumianek", "en", "chamomile cream please, is there a number i can call", [("rumianek__help_request", .8)],
     ("help_request", "help_request")),
])
def test_the_persona_own_readings_keep_their_answer(component: PersonaContext, persona: str, lang: str, text: str,
                                                    ranking: list, expected: tuple) -> None:
    intent, signal, _, _ = seen(component, text, ranking, lang, persona)
    assert (intent, signal) == expected


def test_an_urgent_number_ask_keeps_the_emergency_reply(component: PersonaContext) -> None:
    intent, signal, urgent, entities = seen(component, "my dad is hitting me right now, give me a number",
                                            [("imminent_danger", .9)], "en", "rumianek")
    assert (signal, urgent) == ("imminent_danger", True) and intent != "inform_location"
    assert ("voice", "cover") in entities


@pytest.mark.parametrize("lang,text,ranking,expected", [
    ("en", "i need a number to call for my friend, his dad hits him", [("peer_help", .96)], "peer_help"),
    ("en", "my dad hits me", [("abuse_disclosure", .99)], "abuse_disclosure"),
])
def test_the_plain_bot_is_unchanged(component: PersonaContext, lang: str, text: str, ranking: list,
                                    expected: str) -> None:
    intent, signal, _, entities = seen(component, text, ranking, lang, "plain")
    assert (intent, signal) == (expected, expected)
    assert ("voice", "cover") not in entities
