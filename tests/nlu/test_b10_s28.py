"""Blind round 10 (issue 13, session 28, fixer fix-b10), through nlu.components.persona.PersonaContext with the real
cues file and the classifier's top-3 rankings measured on main's model for each line:

* a clear "no thanks" to the discreet question that keeps to the shop errand ("no thank you, just the same-day
  delivery": the urgent code .86 drew 112; "no thanks i just wanted to know if it helps with acne": the code .42
  asked again) is ``deny`` (core.safety.declines_for_shop);
* the cost of calling in the child's own words ("is it free? ive got no credit", "czy to kosztuje? nic nie mam na
  koncie", "es gratis? no me queda nada de saldo") is ``ask_cost``;
* "is it my fault" with its reason ("… for forgetting the chores", "¿tiene razón ella? es mi culpa por no
  estudiar", "ma rację? to moja wina bo się nie uczę") is ``ask_fault``, marked ``fault_reason`` (the reply needs
  a disclosure before it: bot.fault_context);
* "a co to za specjalistka?", "¿y qué es lo de la especialista?" (probe .91 / .30) inside a persona is unclear
  (``out_of_scope``: the offer is asked again);

and on the other side: a harm word, a time word of the moment, harm done to the child or danger now beside the
"no thanks" keep main's reading; a bare "just the express delivery please" stays the urgent code; a fault question
whose reason is a disclosure keeps the disclosure; a bare "is it my fault?" carries no ``fault_reason``; "what
specialist?" in the plain bot and with harm in it keep main's reading.
Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.persona import FAULT_REASON, PersonaContext
from tests.nlu.context import seen as context_seen


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str) -> tuple[str, str, bool]:
    return context_seen(component, text, ranking, lang, persona)[:3]


def fault_reason(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
                 persona: str = "plain") -> Any:
    message = Message(data={
        TEXT: text, METADATA: {"persona": persona}, ENTITIES: [{"entity": "lang", "value": lang}],
        INTENT_RANKING_KEY: [{"name": name, "confidence": p} for name, p in ranking],
    })
    component.process([message])
    return message.get(INTENT)["name"], message.get(FAULT_REASON)


# --- a clear "no thanks" that keeps to the shop errand ------------------------------------------------------------

@pytest.mark.parametrize("lang, text, ranking", [
    ("en", "no thank you, just the same-day delivery",
     [("rumianek__urgent", .86), ("deny", .06), ("rumianek__delivery_time", .01)]),
    ("pl", "Nie, dziękuję, tylko wysyłka ekspresowa poproszę.",
     [("rumianek__urgent", .61), ("deny", .27), ("rumianek__not_safe", .03)]),
    ("en", "no thanks i just wanted to know if it helps with acne, my gp said chamomile is gentle",
     [("rumianek__help_request", .42), ("rumianek__ask_product_info", .21), ("ask_human", .09)]),
])
def test_a_no_thanks_that_keeps_to_the_shop_errand_is_a_no(component: PersonaContext, lang: str, text: str,
                                                           ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, "rumianek") == ("deny", "none", False)


@pytest.mark.parametrize("text, ranking, intent, signal, urgent", [
    # a harm word, a time word of the moment: the urgent code stays
    ("no thanks, just express please my skin is burning",
     [("rumianek__urgent", .99), ("deny", .00), ("rumianek__delivery_time", .00)], "urgent", "urgent", True),
    ("no thanks, just express delivery tonight",
     [("rumianek__urgent", .99), ("deny", .00), ("rumianek__delivery_time", .00)], "urgent", "urgent", True),
    # danger now: stays danger
    ("no thanks, just express, hes coming right now",
     [("imminent_danger", .73), ("rumianek__urgent", .20), ("deny", .04)], "imminent_danger", "imminent_danger", True),
    # no "no thanks": the urgent code (as on main)
    ("just the express delivery please",
     [("rumianek__urgent", .95), ("rumianek__delivery_time", .03), ("affirm", .00)], "urgent", "urgent", True),
])
def test_harm_time_or_danger_beside_the_no_thanks_keep_the_reading(
        component: PersonaContext, text: str, ranking: list[tuple[str, float]], intent: str, signal: str,
        urgent: bool) -> None:
    assert seen(component, text, ranking, "en", "rumianek") == (intent, signal, urgent)


def test_harm_done_to_the_child_beside_the_no_thanks_keeps_the_code(component: PersonaContext) -> None:
    ranking = [("rumianek__help_request", .60), ("deny", .20), ("rumianek__ask_products", .05)]
    assert seen(component, "no thanks, just the cream, he hit me again", ranking, "en", "rumianek")[1] == "help_request"


# --- the cost of calling in the child's own words -----------------------------------------------------------------

@pytest.mark.parametrize("persona, lang, text, ranking", [
    ("gametips", "en", "is it free? ive got no credit",
     [("deny", .38), ("self_harm_urgent", .28), ("gametips__ask_cheats", .08)]),
    ("plain", "pl", "czy to kosztuje? nic nie mam na koncie", [("probe", .57), ("out_of_scope", .37), ("distress", .02)]),
    ("plain", "pl", "a to darmowe? zero na koncie", [("out_of_scope", .98), ("ask_human", .01), ("probe", .00)]),
    ("rumianek", "es", "es gratis? no me queda nada de saldo",
     [("rumianek__shipping", .31), ("out_of_scope", .26), ("distress", .05)]),
])
def test_the_cost_asked_in_the_childs_words_is_ask_cost(component: PersonaContext, persona: str, lang: str,
                                                        text: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona) == ("ask_cost", "none", False)


# --- "is it my fault" with its reason -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, ranking", [
    ("en", "is it my fault for forgetting the chores", [("out_of_scope", .99), ("deny", .00), ("thanks", .00)]),
    ("es", "tiene razon ella? es mi culpa por no estudiar",
     [("out_of_scope", .93), ("imminent_danger", .01), ("abuse_disclosure", .01)]),
    ("pl", "ma racje? to moja wina bo sie nie ucze", [("out_of_scope", .49), ("peer_help", .38), ("deny", .03)]),
])
def test_the_fault_question_with_its_reason_is_ask_fault_marked(component: PersonaContext, lang: str, text: str,
                                                                ranking: list[tuple[str, float]]) -> None:
    assert fault_reason(component, text, ranking, lang) == ("ask_fault", True)


def test_a_bare_fault_question_carries_no_reason_mark(component: PersonaContext) -> None:
    assert fault_reason(component, "is it my fault?", [("out_of_scope", .87), ("distress", .02)], "en") \
        == ("ask_fault", None)


def test_a_reason_that_is_a_disclosure_keeps_the_disclosure(component: PersonaContext) -> None:
    ranking = [("abuse_disclosure", .99), ("bullying", .01), ("self_harm_urgent", .00)]
    assert seen(component, "is it my fault because he hits me", ranking, "en", "plain")[:2] \
        == ("abuse_disclosure", "abuse_disclosure")


# --- "what's this about the specialist?" inside a persona ---------------------------------------------------------

@pytest.mark.parametrize("lang, text, ranking", [
    ("pl", "a co to za specjalistka?", [("probe", .91), ("ask_human", .04), ("out_of_scope", .01)]),
    ("es", "y que es lo de la especialista?", [("probe", .30), ("rumianek__ask_price", .28), ("abuse_disclosure", .11)]),
    ("en", "whats this about the specialist?", [("out_of_scope", .33), ("rumianek__ask_products", .23), ("probe", .14)]),
])
def test_asking_what_the_offer_is_is_unclear_inside_a_persona(component: PersonaContext, lang: str, text: str,
                                                              ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, "rumianek") == ("out_of_scope", "none", False)


def test_the_plain_bot_and_harm_keep_their_reading(component: PersonaContext) -> None:
    assert seen(component, "what specialist?", [("ask_human", .60), ("out_of_scope", .30)], "en", "plain")[0] \
        == "ask_human"
    ranking = [("abuse_disclosure", 1.0), ("out_of_scope", .00), ("rumianek__ask_products", .00)]
    assert seen(component, "what specialist, my dad hits me", ranking, "en", "rumianek")[1] == "abuse_disclosure"
