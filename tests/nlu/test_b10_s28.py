"""Blind round 10 (issue 13, session 28, fixer fix-b10), through nlu.components.persona.PersonaContext with the real
cues file and the classifier's top-3 rankings measured on main's model for each line:

* (review) a "no thanks, just …" read as the persona's code keeps main's reading ("no thanks, just the express
  cream, he's back" is the urgent code: the emergency line);
* the cost of calling in the child's own words ("is it free? ive got no credit", "czy to kosztuje? nic nie mam na
  koncie", "es gratis? no me queda nada de saldo") is ``ask_cost``;
* "is it my fault" with its reason ("… for forgetting the chores", "¿tiene razón ella? es mi culpa por no
  estudiar", "ma rację? to moja wina bo się nie uczę") is ``ask_fault``, marked ``fault_reason`` (the reply needs
  a disclosure before it: bot.fault_context);
* "a co to za specjalistka?", "¿y qué es lo de la especialista?" (probe .91 / .30) inside a persona is unclear
  (``out_of_scope``: the offer is asked again) — since s30 only while the offer is open (bot/open_question.py);

and on the other side: a bare "just the express delivery please" stays the urgent code; a fault question whose
reason is a disclosure keeps the disclosure, and one main reads as a help signal keeps it ("is it my fault that he
grabs me"); a bare "is it my fault?" carries no ``fault_reason``; "what
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


# --- "no thanks, just …" with the persona's code: main's reading stays (s28 review) -----------------------------
# The round-1 rule that read a "no thanks" keeping to the shop errand as a no was removed: the review's lines
# (rankings measured on main's model) lost the emergency line. Each keeps main's reading here.

@pytest.mark.parametrize("lang, text, ranking", [
    ("en", "no thanks, just the express cream, he's back",
     [("rumianek__urgent", .87), ("not_safe", .03), ("rumianek__delivery_time", .03)]),
    ("en", "no thanks, only express delivery, hes coming",
     [("rumianek__urgent", .86), ("deny", .04), ("imminent_danger", .02)]),
    ("en", "no thanks, just the cream asap", [("rumianek__urgent", .94), ("deny", .03), ("not_safe", .01)]),
    ("en", "no thank you, just same day delivery, dad is angry",
     [("rumianek__urgent", .68), ("deny", .10), ("rumianek__delivery_time", .04)]),
    ("es", "no gracias solo la crema urgente que vuelve",
     [("rumianek__urgent", .95), ("deny", .02), ("rumianek__ask_products", .01)]),
    ("es", "no gracias, solamente el envio urgente, ha vuelto",
     [("rumianek__urgent", .53), ("deny", .17), ("imminent_danger", .13)]),
    ("es", "no gracias, solo la crema urgente, tengo moratones",
     [("rumianek__urgent", .64), ("deny", .13), ("not_safe", .05)]),
    ("pl", "nie dzięki, tylko krem ekspres, mam siniaki",
     [("rumianek__urgent", .70), ("abuse_disclosure", .16), ("deny", .03)]),
    ("pl", "nie dzieki tylko wysylka ekspresowa, on wraca", [("rumianek__urgent", .98), ("deny", .00), ("thanks", .00)]),
    ("pl", "nie dziękuję, chciałam tylko krem ekspres, on wrócił",
     [("rumianek__urgent", .45), ("rumianek__feedback", .15), ("not_safe", .13)]),
])
def test_no_thanks_with_the_urgent_code_stays_urgent(component: PersonaContext, lang: str, text: str,
                                                     ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, "rumianek") == ("urgent", "urgent", True)


@pytest.mark.parametrize("text, ranking", [
    ("no thanks, only the lantern quest, i lose hp on the home level every night",
     [("gametips__help_request", 1.0), ("gametips__urgent", .00), ("peer_help", .00)]),
    ("no thanks just the lantern quest, im not safe",
     [("gametips__help_request", .89), ("deny", .02), ("not_safe", .02)]),
])
def test_no_thanks_with_the_help_code_stays_the_code(component: PersonaContext, text: str,
                                                     ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, "en", "gametips")[:2] == ("help_request", "help_request")


def test_a_bare_express_order_stays_the_urgent_code(component: PersonaContext) -> None:
    ranking = [("rumianek__urgent", .95), ("rumianek__delivery_time", .03), ("affirm", .00)]
    assert seen(component, "just the express delivery please", ranking, "en", "rumianek") == ("urgent", "urgent", True)


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


# A message main reads as a help signal is never taken by the reason rule (s28 review): these weak disclosures keep
# main's reading (rankings measured on main's model; main's signal in the last column).
@pytest.mark.parametrize("lang, text, ranking, signal", [
    ("en", "is it my fault that he grabs me", [("out_of_scope", .25), ("abuse_disclosure", .20), ("bullying", .16)],
     "abuse_disclosure"),
    ("en", "is it my fault that he spits on me", [("abuse_disclosure", .41), ("out_of_scope", .33), ("deny", .04)],
     "abuse_disclosure"),
    ("es", "es mi culpa que me pellizque", [("abuse_disclosure", .54), ("out_of_scope", .24), ("bullying", .07)],
     "abuse_disclosure"),
    ("es", "es mi culpa que entre en mi cuarto por la noche",
     [("abuse_disclosure", .53), ("out_of_scope", .30), ("self_harm_urgent", .03)], "abuse_disclosure"),
    ("pl", "czy to moja wina że ciągnie mnie za włosy",
     [("abuse_disclosure", .47), ("probe", .43), ("imminent_danger", .06)], "abuse_disclosure"),
    ("pl", "czy to moja wina że rzuca we mnie rzeczami",
     [("imminent_danger", .39), ("probe", .36), ("abuse_disclosure", .13)], "imminent_danger"),
])
def test_a_fault_question_main_reads_as_a_help_signal_keeps_it(component: PersonaContext, lang: str, text: str,
                                                               ranking: list[tuple[str, float]], signal: str) -> None:
    intent, said, _ = seen(component, text, ranking, lang, "plain")
    assert (intent, said) == (signal, signal)
    assert fault_reason(component, text, ranking, lang)[1] is None


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
def test_asking_what_the_offer_is_keeps_its_reading_in_the_nlu(component: PersonaContext, lang: str, text: str,
                                                               ranking: list[tuple[str, float]]) -> None:
    """Since s30 these are unclear only while the offer is open: bot/open_question.py reads them with it
    (tests/handoff/test_open_question_s30.py); the NLU alone keeps the classifier's reading (no help signal)."""
    intent, signal, urgent = seen(component, text, ranking, lang, "rumianek")
    assert intent == ranking[0][0] and (signal, urgent) == ("none", False)


def test_the_plain_bot_and_harm_keep_their_reading(component: PersonaContext) -> None:
    assert seen(component, "what specialist?", [("ask_human", .60), ("out_of_scope", .30)], "en", "plain")[0] \
        == "ask_human"
    ranking = [("abuse_disclosure", 1.0), ("out_of_scope", .00), ("rumianek__ask_products", .00)]
    assert seen(component, "what specialist, my dad hits me", ranking, "en", "rumianek")[1] == "abuse_disclosure"
