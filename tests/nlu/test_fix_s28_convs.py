"""Session 28, fixer fix-convs (blind round 9), through nlu.components.persona.PersonaContext with the real cues
file and the classifier's top-3 rankings measured on main's model for each line (see docs/design.md, Signals):

* urgent self-harm said together with a beating stays urgent self-harm, as on main ("me pego con el cinturon y esta
  noche me voy a colgar con el", "he hit me with a belt and i'm thinking of killing myself": review s28, the rule that
  made a self-harm reading beside a blow abuse is gone), and so does the belt as the child's own means;
* "now I can" said with who should write ("actually yes, now is ok, can she write to me": the quiet code .63; "ya
  puedo hablar, que me escriba": .60) asks for a person (``answers.who_writes``): inside a persona its discreet
  question, in the plain bot a person; a yes the classifier read stays the resume (after a "not now" it goes
  straight on), a break-off with someone arriving stays the quiet code, and a negated leaving ("mi padre no se fue,
  que me escriba") or someone else coming back ("mum is back write to me") keeps main's reading (review s28);
* a bare number question ("whats the number", "dame el numero", "podaj numer") is recognised by its closed
  vocabulary only (``number_bare``, used by bot/handoff/gate.py right after the quiet line); a shopper's question
  about the shop's number, "whats your phone number" or "sorry wrong number" is not one.

Every child line here was written for these tests (none from tests/data); the blind line is the one reported.
"""
from __future__ import annotations

import pytest

from core import PROJECT_ROOT
from core.safety import made_of
from core.text import fold
from nlu.components.persona import PersonaContext
from nlu.quiet import load_phrases
from tests.nlu.context import seen as context_seen


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str) -> tuple[str, str, bool]:
    return context_seen(component, text, ranking, lang, persona)[:3]


# --- 1. urgent self-harm beside a beating stays urgent self-harm (as on main) -----------------------------------

@pytest.mark.parametrize("persona, lang, text, ranking", [
    # the belt as the child's own means (measured on main: self_harm_urgent .98 / 1.00 / .98)
    ("plain", "es", "tengo el cinturon preparado", [("self_harm_urgent", .98), ("out_of_scope", .01),
                                                     ("distress", .00)]),
    ("plain", "en", "i've got the belt ready", [("self_harm_urgent", 1.0), ("goodbye", .00),
                                                 ("abuse_disclosure", .00)]),
    ("plain", "pl", "mam juz przygotowany pasek", [("self_harm_urgent", .98), ("goodbye", .01), ("distress", .00)]),
    ("rumianek", "es", "tengo el cinturon preparado para esta noche",
     [("self_harm_urgent", .95), ("rumianek__urgent", .03), ("abuse_disclosure", .01)]),
    # self-harm said beside the blow, or a means / time of the child's own outside it (synthetic rankings)
    ("plain", "es", "me pego con el cinturon y ahora me quiero morir",
     [("self_harm", .90), ("imminent_danger", .03), ("abuse_disclosure", .03)]),
    ("plain", "en", "he hit me with his belt so i cut myself again",
     [("self_harm", .70), ("abuse_disclosure", .25), ("out_of_scope", .02)]),
    ("plain", "en", "he hit me with his belt and i have the pills ready",
     [("self_harm", .70), ("abuse_disclosure", .25), ("out_of_scope", .02)]),
    ("plain", "pl", "bije mnie paskiem a ja mam juz przygotowany sznur",
     [("self_harm", .70), ("abuse_disclosure", .25), ("out_of_scope", .02)]),
    # a blow happening now keeps the urgent reading
    ("plain", "en", "hes hitting me with his belt", [("self_harm_urgent", .60), ("abuse_disclosure", .35),
                                                     ("out_of_scope", .02)]),
    ("plain", "pl", "on mnie bije paskiem", [("self_harm_urgent", .60), ("abuse_disclosure", .35),
                                             ("out_of_scope", .02)]),
    # the Spanish first person that may be the child's own act is no other actor ("me golpeo con la pared")
    ("plain", "es", "me golpeo con el cinturon cuando estoy mal",
     [("self_harm", .80), ("abuse_disclosure", .15), ("out_of_scope", .02)]),
])
def test_the_belt_as_the_childs_own_means_stays_urgent_self_harm(component: PersonaContext, persona: str, lang: str,
                                                                 text: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona)[1:] == ("self_harm", True)


@pytest.mark.parametrize("persona, lang, text, ranking, signal", [
    # main's model read these as abuse already: they stay abuse and not urgent (measured on main)
    ("plain", "en", "my stepdad beat me with a belt yesterday", [("abuse_disclosure", 1.0), ("self_harm", .00),
                                                                  ("out_of_scope", .00)], "abuse_disclosure"),
    ("plain", "pl", "ojczym zbil mnie wczoraj paskiem i mam siniaki",
     [("abuse_disclosure", 1.0), ("self_harm", .00), ("out_of_scope", .00)], "abuse_disclosure"),
    ("plain", "es", "mi madre me pega con la correa cuando saco malas notas",
     [("abuse_disclosure", 1.0), ("self_harm", .00), ("out_of_scope", .00)], "abuse_disclosure"),
])
def test_abuse_read_as_abuse_is_unchanged(component: PersonaContext, persona: str, lang: str, text: str,
                                          ranking: list[tuple[str, float]], signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1:] == (signal, False)


# --- 2. "now I can" said with who should write --------------------------------------------------------------------

@pytest.mark.parametrize("persona, lang, text, ranking, intent", [
    ("rumianek", "en", "actually yes, now is ok, can she write to me",
     [("rumianek__not_safe", .63), ("affirm", .08), ("ask_human", .07)], "help_request"),
    ("rumianek", "es", "ya puedo hablar, que me escriba", [("rumianek__not_safe", .60), ("affirm", .17),
                                                           ("ask_human", .08)], "help_request"),
    ("rumianek", "en", "ok i can talk now, can she write to me",
     [("ask_human", .78), ("peer_help", .04), ("rumianek__urgent", .04)], "help_request"),
    ("rumianek", "pl", "juz moge, moze do mnie napisac", [("ask_human", .94), ("rumianek__not_safe", .02),
                                                          ("rumianek__order_admin", .00)], "help_request"),
    ("plain", "en", "actually yes, now is ok, can she write to me",
     [("out_of_scope", .47), ("ask_human", .18), ("affirm", .15)], "ask_human"),
    ("gametips", "en", "i can talk now, message me", [("gametips__not_safe", .50), ("ask_human", .30),
                                                      ("affirm", .10)], "help_request"),
])
def test_now_i_can_with_who_should_write_asks_for_a_person(component: PersonaContext, persona: str, lang: str,
                                                           text: str, ranking: list[tuple[str, float]],
                                                           intent: str) -> None:
    """Never the quiet code (the offer lost after a "not now") nor a bare yes (a first message must reach a person,
    review s27): the persona's discreet question, in the plain bot a person."""
    assert seen(component, text, ranking, lang, persona)[:2] == (intent, "ask_human")


@pytest.mark.parametrize("persona, lang, text, ranking", [
    # the classifier's yes stays a yes (after a "not now" it goes straight on; measured on main)
    ("rumianek", "en", "yes now is fine, she can message me", [("affirm", .66), ("ask_human", .20),
                                                              ("rumianek__not_safe", .05)]),
    ("rumianek", "pl", "teraz moge, niech napisze", [("affirm", .55), ("rumianek__not_safe", .20), ("ask_human", .10)]),
    # a "now I can" with nobody named stays the resume, whatever the classifier says (as on main)
    ("rumianek", "en", "ok i can talk now", [("rumianek__not_safe", .60), ("ask_human", .20), ("affirm", .10)]),
    ("rumianek", "es", "ya puedo hablar", [("rumianek__not_safe", .60), ("ask_human", .20), ("affirm", .10)]),
])
def test_a_yes_and_a_bare_now_i_can_stay_the_resume(component: PersonaContext, persona: str, lang: str, text: str,
                                                    ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona)[:2] == ("affirm", "none")


@pytest.mark.parametrize("lang, text, ranking", [
    ("en", "gtg someone is here", [("imminent_danger", .28), ("ask_human", .27), ("rumianek__not_safe", .12)]),
    ("en", "someone is here, write to me later", [("rumianek__not_safe", .83), ("ask_human", .08),
                                                 ("peer_help", .04)]),
    ("es", "me tengo que ir, viene alguien, que me escriba luego",
     [("rumianek__not_safe", .90), ("ask_human", .05), ("affirm", .01)]),
])
def test_a_break_off_is_never_a_resume(component: PersonaContext, lang: str, text: str,
                                       ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, "rumianek")[1] == "not_safe"


@pytest.mark.parametrize("persona, lang, text, ranking, intent, signal", [
    # a negated leaving or someone else coming back is no "now I can": main's reading (review s28; rankings and
    # readings measured on main's model; the branch before the review made each of them ask_human)
    ("plain", "es", "mi padre no se fue, que me escriba",
     [("abuse_disclosure", .59), ("imminent_danger", .13), ("deny", .10)], "abuse_disclosure", "abuse_disclosure"),
    ("rumianek", "es", "mi padre no se fue, que me escriba",
     [("rumianek__not_safe", .47), ("abuse_disclosure", .27), ("deny", .04)], "not_safe", "not_safe"),
    ("plain", "es", "mi padre no se ha ido, que me escriba",
     [("imminent_danger", .83), ("goodbye", .05), ("deny", .04)], "imminent_danger", "imminent_danger"),
    ("plain", "en", "he hasnt left, text me",
     [("imminent_danger", .41), ("out_of_scope", .09), ("online_exploitation", .09)], "imminent_danger",
     "imminent_danger"),
    ("plain", "en", "he hasn't left, text me",
     [("imminent_danger", .41), ("out_of_scope", .09), ("online_exploitation", .09)], "imminent_danger",
     "imminent_danger"),
    ("rumianek", "pl", "tata nie wyszedł, niech napisze",
     [("rumianek__not_safe", .67), ("affirm", .13), ("deny", .05)], "not_safe", "not_safe"),
    ("plain", "en", "mum is back write to me",
     [("out_of_scope", .67), ("abuse_disclosure", .13), ("probe", .07)], "out_of_scope", "none"),
    ("rumianek", "en", "mum is back write to me",
     [("out_of_scope", .46), ("rumianek__not_safe", .28), ("abuse_disclosure", .09)], "out_of_scope", "none"),
    ("plain", "en", "my dad is back talk to me",
     [("abuse_disclosure", .84), ("ask_human", .09), ("distress", .03)], "abuse_disclosure", "abuse_disclosure"),
    ("rumianek", "en", "dads back, message me",
     [("rumianek__not_safe", .53), ("imminent_danger", .07), ("ask_human", .04)], "not_safe", "not_safe"),
])
def test_a_negated_leaving_or_someone_back_keeps_mains_reading(component: PersonaContext, persona: str, lang: str,
                                                               text: str, ranking: list[tuple[str, float]],
                                                               intent: str, signal: str) -> None:
    assert seen(component, text, ranking, lang, persona)[:2] == (intent, signal)


@pytest.mark.parametrize("persona, lang, text, ranking", [
    # the child's own return still counts (neighbours of the review s28 change)
    ("rumianek", "en", "ok back, can she write to me", [("rumianek__not_safe", .60), ("ask_human", .20),
                                                         ("affirm", .10)]),
    ("rumianek", "en", "he left, write me", [("rumianek__not_safe", .60), ("ask_human", .20), ("affirm", .10)]),
])
def test_the_childs_own_return_with_who_should_write_asks_for_a_person(component: PersonaContext, persona: str,
                                                                       lang: str, text: str,
                                                                       ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona)[:2] == ("help_request", "ask_human")


# --- 1b. urgent self-harm said with a beating: main's reading (review s28) ------------------------------------

@pytest.mark.parametrize("persona, lang, text, ranking", [
    # rankings measured on main's model; main read each as urgent self-harm
    ("plain", "es", "me pego con el cinturon y esta noche me voy a colgar con el",
     [("self_harm_urgent", .81), ("imminent_danger", .14), ("abuse_disclosure", .01)]),
    ("rumianek", "es", "me pego con el cinturon, esta noche me voy a cortar",
     [("self_harm_urgent", .82), ("self_harm", .09), ("out_of_scope", .02)]),
    ("plain", "en", "he hit me with a belt and i'm thinking of killing myself",
     [("self_harm", .86), ("abuse_disclosure", .07), ("self_harm_urgent", .06)]),
    ("plain", "en", "he hit me with the belt and i want to hang myself with it tonight",
     [("self_harm", .66), ("self_harm_urgent", .27), ("abuse_disclosure", .06)]),
    ("gametips", "en", "he hit me with a belt and i want to strangle myself with it",
     [("self_harm", .96), ("abuse_disclosure", .04), ("online_exploitation", .00)]),
    ("plain", "pl", "wychłostał mnie paskiem więc dziś podetnę sobie żyły",
     [("self_harm_urgent", .75), ("abuse_disclosure", .20), ("online_exploitation", .01)]),
])
def test_urgent_self_harm_beside_a_beating_stays_urgent(component: PersonaContext, persona: str, lang: str, text: str,
                                                        ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona)[1:] == ("self_harm", True)


# --- 3. a bare number question (the closed vocabulary the gate reads after the quiet line) -------------------------

def bare(text: str, lang: str) -> bool:
    return made_of(fold(text), lang, load_phrases(PROJECT_ROOT / "nlu" / "safety" / "cues.yml", "number_bare"))


@pytest.mark.parametrize("lang, text", [
    ("en", "whats the number"), ("en", "what's the number?"), ("en", "can i have the number pls"),
    ("es", "dame el numero"), ("es", "cual es el numero?"), ("pl", "podaj numer"), ("pl", "jaki jest numer"),
])
def test_a_bare_number_question(lang: str, text: str) -> None:
    assert bare(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "sorry wrong number"), ("en", "whats the number of your shop"), ("en", "whats the number for help"),
    ("en", "what number of players is best"), ("es", "numero equivocado"), ("es", "cual es el numero de pedido"),
    ("pl", "podaj numer zamowienia"), ("pl", "zly numer sorki"),
    # a shopper's question about the shop's phone (review s28: after "gtg" it drew no_number in the shop)
    ("en", "whats your phone number"), ("en", "whats the phone number"), ("es", "cual es el telefono"),
    ("es", "cual es tu numero"), ("pl", "jaki jest numer telefonu"), ("pl", "podaj telefon"),
])
def test_anything_else_is_no_bare_number_question(lang: str, text: str) -> None:
    assert not bare(text, lang)


def test_the_longer_who_writes_phrase_is_taken_whole(component: PersonaContext) -> None:
    """"que me escriba la especialista" holds "que me escriba": the longer phrase is taken out first."""
    assert seen(component, "ahora si, ya puedo, que me escriba la especialista",
                [("rumianek__not_safe", .60), ("ask_human", .20), ("affirm", .10)], "es", "rumianek")[:2] == (
        "help_request", "ask_human")
