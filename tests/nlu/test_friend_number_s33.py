"""Session 33 (conv-s33, issue 13): in the plain bot a number asked for and said to be for a friend anywhere in the
message — "whats the number kids can call if something bad is happening at home its for my friend" (out_of_scope .46,
peer_help .35), "jaki jest numer dla dzieci jak coś się dzieje w domu, pytam dla kolegi" (out_of_scope .47, abuse .34)
— drew "I'm not sure I can help". With a help reading of some weight behind the ordinary one it is the friend's
request for the referral (inform_location, signal peer_help: where first, then the number; nlu/components/persona.py,
cues ``for_a_friend`` and ``number_ask``). Neighbours: a number for a taxi, pizza or the cinema "for a friend" (no
help reading behind), a number asked with no friend, and the personas (a shopper's number question) keep their
reading. Rankings shaped as the model gave them; lines written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

TAIL = [("self_harm", .01), ("bullying", .01)]


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "whats the number kids can call if something bad is happening at home its for my friend",
     [("out_of_scope", .46), ("peer_help", .35), ("ask_human", .09), *TAIL]),
    ("en", "is there a number i can call when things are bad at home, asking for a friend",
     [("out_of_scope", .55), ("abuse_disclosure", .25), ("peer_help", .10), *TAIL]),
    ("pl", "jaki jest numer dla dzieci jak coś się dzieje w domu, pytam dla kolegi",
     [("out_of_scope", .47), ("abuse_disclosure", .34), ("peer_help", .13), *TAIL]),
    ("es", "cual es el numero para ninos si pasa algo malo en casa, es para mi amiga",
     [("out_of_scope", .50), ("abuse_disclosure", .27), ("peer_help", .15), *TAIL]),
])
def test_a_number_for_a_friend_is_the_friend_s_request(component: PersonaContext, lang: str, text: str,
                                                       ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, "plain")
    assert (intent, signal, urgent) == ("inform_location", "peer_help", False)


@pytest.mark.parametrize("lang,text,ranking", [
    # no help reading behind the ordinary one
    ("en", "whats a good number to call for a taxi, asking for a friend",
     [("out_of_scope", .91), ("ask_human", .06), ("peer_help", .01), *TAIL]),
    ("en", "what number do i call for pizza, its for my friend", [("out_of_scope", .98), *TAIL]),
    ("pl", "jaki jest numer do pizzerii, pytam dla kolegi", [("out_of_scope", .96), ("peer_help", .03), *TAIL]),
    ("es", "cual es el numero de la pizzeria es para mi amigo", [("out_of_scope", .98), *TAIL]),
    # no number asked: a friend's ordinary news
    ("en", "i made a birthday card, its for my friend", [("out_of_scope", .70), ("peer_help", .28), *TAIL]),
])
def test_no_help_reading_or_no_number_stays_ordinary_talk(component: PersonaContext, lang: str, text: str,
                                                          ranking: list) -> None:
    assert seen(component, text, ranking, lang, "plain")[1] == "none"


def test_inside_a_persona_a_shopper_s_number_question_keeps_its_reading(component: PersonaContext) -> None:
    """The rule is the plain bot's: in the shop "the number for kids" for a friend is the shop's line (its contact)."""
    ranking = [("rumianek__contact", .60), ("peer_help", .30), ("rumianek__ask_products", .05), *TAIL]
    intent, signal, _, _ = seen(component, "is there a number for kids products, its for my friend", ranking, "en")
    assert (intent, signal) == ("rumianek__contact", "none")
