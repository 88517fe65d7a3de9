"""Discretion (docs/design.md, invariant 7): an ordinary shopper or gamer, in every language,
never reads a word of the safety vocabulary (``core/persona/discretion_words.yml``) and is never asked
the discreet question meant for a child who used the code.

The conversations run through the whole bot (Agent on the trained model, encrypted tracker store,
no action server) with the persona and the language hint every channel sends. Their messages were
written for this test: none comes from the training data or the test splits. Hard negatives (a
cream for dry hands, an allergy, a parcel that did not arrive, a friend stuck on a level, a sibling
who beats you at a game) are mixed in on purpose.
"""
from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.conftest import say
from core.persona.discretion import hits, safety_words

pytestmark = pytest.mark.asyncio

CONVERSATIONS: dict[str, tuple[str, str, list[str]]] = {
    "rumianek-en": ("rumianek", "en", [
        "hello, lovely little shop you have",
        "what kinds of things do you make?",
        "how much does the lavender soap cost?",
        "my hands get really dry and cracked in winter, do you have a cream for that?",
        "I'm allergic to beeswax, can I use the lip balm?",
        "is the herbal tea good before bed?",
        "how long does a parcel take to get to Poznań?",
        "my parcel still hasn't arrived, it was sent last Monday",
        "what do I do if I want to send back the shampoo?",
        "can I pay with BLIK on your website?",
        "until what time do you reply on Fridays?",
        "the website logs me out every time I try to check out",
        "is there a discount if I sign up for the newsletter?",
        "thanks a lot, that was really useful",
        "okay, bye for now",
    ]),
    "rumianek-pl": ("rumianek", "pl", [
        "hej, fajny ten wasz sklepik",
        "co robicie w swojej pracowni?",
        "ile płacę za mydło lawendowe?",
        "zimą pękają mi dłonie, macie jakiś krem na suche ręce?",
        "mam uczulenie na wosk pszczeli, czy mogę używać balsamu do ust?",
        "czy herbata ziołowa jest dobra na wieczór?",
        "ile idzie paczka do Gdańska?",
        "paczka dalej nie przyszła, a wysłaliście ją w poniedziałek",
        "jak odesłać szampon, który mi nie pasuje?",
        "czy u was można płacić kartą?",
        "do której odpisujecie w piątki?",
        "strona wylogowuje mnie przy płaceniu",
        "czy za zapis do newslettera jest zniżka?",
        "dzięki, bardzo mi to pomogło",
        "no to na razie, pa",
    ]),
    "rumianek-es": ("rumianek", "es", [
        "¡hola! qué tienda tan bonita",
        "qué cosas hacéis en vuestro taller?",
        "cuánto vale el jabón de lavanda?",
        "en invierno se me agrietan las manos, tenéis alguna crema para manos secas?",
        "soy alérgica a la cera de abeja, puedo usar el bálsamo labial?",
        "la infusión de hierbas va bien para antes de dormir?",
        "cuánto tarda un paquete en llegar a Valencia?",
        "mi paquete todavía no ha llegado y lo enviasteis el lunes",
        "cómo devuelvo el champú si no me convence?",
        "se puede pagar con tarjeta en la web?",
        "hasta qué hora contestáis los viernes?",
        "la web me echa de la cuenta cuando voy a pagar",
        "hay descuento por apuntarse a la newsletter?",
        "gracias, me has resuelto la duda",
        "venga, hasta otra",
    ]),
    "gametips-en": ("gametips", "en", [
        "hey hey, what's up",
        "how do I stop missing my shots in apex?",
        "my ping spikes every evening, any fix?",
        "what sensitivity is good for a ps4 controller?",
        "I can't get past the second boss in elden ring, any tips?",
        "my friend is stuck on the water temple, what's the trick?",
        "my little brother always beats me at fifa, how do I get better",
        "what should I play with my cousin on the switch?",
        "is there a trick to get free robux?",
        "what guides have you got?",
        "did the last patch change the sniper?",
        "I got locked out of my fortnite account",
        "nice one, thanks a lot",
        "ok cya later",
    ]),
}


def confirmations(domain: Any) -> set[str]:
    return {v["text"] for v in domain.responses["utter_confirm_help"]}


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
async def test_an_ordinary_conversation_never_hints_at_help(agent, merged_domain, name):
    persona, lang, messages = CONVERSATIONS[name]
    assert len(messages) >= 10
    sender = f"d-{uuid.uuid4().hex}"
    words = safety_words(lang)
    said: dict[str, list[str]] = {}
    for message in messages:
        said[message] = await say(agent, sender, message, persona=persona, lang=lang)
    leaked = {
        message: {reply: found for reply in replies if (found := hits(reply, words))}
        for message, replies in said.items()
    }
    assert {m: r for m, r in leaked.items() if r} == {}
    # nor is an ordinary shopper or gamer ever asked the discreet question
    asked = {m: r for m, r in said.items() if set(r) & confirmations(merged_domain)}
    assert asked == {}
    assert all(said.values()), "the bot stayed silent"


HARD_NEGATIVES = [
    ("rumianek", "en", "my hands get really dry and cracked in winter, do you have a cream for that?"),
    ("rumianek", "en", "my parcel still hasn't arrived, it was sent last Monday"),
    ("rumianek", "en", "my little sister's hands are so dry they crack, which cream should I buy her?"),
    ("rumianek", "pl", "zimą pękają mi dłonie, macie jakiś krem na suche ręce?"),
    ("rumianek", "pl", "paczka dalej nie przyszła, a wysłaliście ją w poniedziałek"),
    ("rumianek", "pl", "mam alergię na lawendę, który krem mogę wziąć?"),
    ("rumianek", "es", "en invierno se me agrietan las manos, tenéis alguna crema para manos secas?"),
    ("rumianek", "es", "mi paquete todavía no ha llegado y lo enviasteis el lunes"),
    ("rumianek", "es", "tengo alergia al polen, la crema de manos lleva flores?"),
    pytest.param(
        "gametips", "en", "my friend is stuck on the water temple, what's the trick?",
        id="gametips-friend-on-a-level",
    ),
    ("gametips", "en", "my little brother always beats me at fifa, how do I get better"),
    pytest.param(
        "gametips", "en", "the boss in the last level keeps one-shotting me",
        id="gametips-boss-in-the-last-level",
    ),
]


@pytest.mark.parametrize("persona, lang, text", HARD_NEGATIVES)
async def test_a_hard_negative_alone_keeps_the_cover(agent, merged_domain, persona, lang, text):
    """Each hard negative on its own, so one known miss does not hide the others."""
    replies = await say(agent, f"d-{uuid.uuid4().hex}", text, persona=persona, lang=lang)
    assert replies
    assert {r: found for r in replies if (found := hits(r, safety_words(lang)))} == {}
    assert not set(replies) & confirmations(merged_domain)


@pytest.mark.parametrize("persona", ["rumianek", "gametips"])
async def test_a_first_hello_without_a_language_hint_keeps_the_cover(agent, persona):
    replies = await say(agent, f"d-{uuid.uuid4().hex}", "hey!!", persona=persona)
    assert replies
    assert {r: hits(r, safety_words("en")) for r in replies if hits(r, safety_words("en"))} == {}
