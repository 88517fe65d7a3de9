"""Answers to the bot's questions (issue 13, session 27, fixer fix-answers), through
nlu.components.persona.PersonaContext with the real cues file and the classifier's top-3 rankings measured on
main's model for each line:

* a "not now" said with its reason ("ahora no que tengo a mi madre al lado", "nie teraz, mama jest obok",
  "not now my mum is right next to me") is ``not_now`` (core.safety.later_with_reason): after one of the bot's
  questions the not_now line and the offer kept, not the quiet line (and in the plain bot not the self-harm or
  danger line it drew); inside a persona its signal stays ``not_safe``;
* "is it a real person or a bot?" / "¿es una persona real?" in the plain bot is ``probe`` (what the chat is; an
  open question stays open), not ``ask_human`` (which queued the child as after a yes);

and on the other side: a break-off, harm, a weapon, danger beside the "not now", a time that opens an ordinary
sentence, a stock farewell, a shopper's "later" and a bare "persona real?" keep main's reading.
Every line here was written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen as context_seen


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str) -> tuple[str, str, bool]:
    return context_seen(component, text, ranking, lang, persona)[:3]


@pytest.mark.parametrize("persona, lang, text, ranking, signal", [
    ("rumianek", "es", "ahora no que tengo a mi madre al lado",
     [("rumianek__not_safe", .98), ("abuse_disclosure", .01), ("self_harm_urgent", .01)], "not_safe"),
    ("rumianek", "es", "ahora mismo no puedo, mas tarde",
     [("rumianek__not_safe", .93), ("rumianek__urgent", .06), ("imminent_danger", .00)], "not_safe"),
    ("rumianek", "en", "not now my mum is next to me",
     [("out_of_scope", .50), ("abuse_disclosure", .36), ("deny", .03)], "not_safe"),
    ("gametips", "en", "not now my mum is next to me",
     [("gametips__not_safe", .93), ("abuse_disclosure", .04), ("deny", .01)], "not_safe"),
    ("rumianek", "en", "not now im in class",
     [("inform_location", .34), ("bullying", .34), ("deny", .12)], "not_safe"),
    ("rumianek", "pl", "nie teraz, mama jest obok",
     [("rumianek__not_safe", .98), ("deny", .00), ("imminent_danger", .00)], "not_safe"),
])
def test_a_not_now_with_its_reason_is_not_now(component: PersonaContext, persona: str, lang: str, text: str,
                                              ranking: list[tuple[str, float]], signal: str) -> None:
    assert seen(component, text, ranking, lang, persona) == ("not_now", signal, False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    # a break-off beside the "later" stays the quiet line
    ("rumianek", "en", "nvm mums coming", [("imminent_danger", .70), ("rumianek__not_safe", .22), ("deny", .03)],
     ("not_safe", "not_safe", False)),
    # harm, danger now, a weapon keep the emergency or disclosure reading
    ("rumianek", "en", "not now, he is hitting my mum",
     [("imminent_danger", .73), ("rumianek__not_safe", .04), ("peer_help", .04)], ("imminent_danger", "imminent_danger", True)),
    ("rumianek", "es", "ahora no que me esta pegando",
     [("imminent_danger", 1.0), ("deny", .00), ("rumianek__not_safe", .00)], ("imminent_danger", "imminent_danger", True)),
    ("rumianek", "en", "not now hes got a knife",
     [("imminent_danger", 1.0), ("deny", .00), ("goodbye", .00)], ("imminent_danger", "imminent_danger", True)),
    ("rumianek", "pl", "nie teraz, ojczym znowu mnie uderzyl",
     [("abuse_disclosure", .82), ("deny", .04), ("rumianek__not_safe", .03)],
     ("abuse_disclosure", "abuse_disclosure", False)),
    # a bare "later" / "luego" / "potem" opens a story, never a not-now; the plain bot keeps its quiet line while
    # someone watches; an urgent reading is never overridden (main's readings)
    ("plain", "es", "ahora mismo no puedo, mas tarde",
     [("imminent_danger", .36), ("out_of_scope", .27), ("self_harm_urgent", .14)], ("imminent_danger", "imminent_danger", True)),
    ("rumianek", "es", "luego, que esta mi padre delante",
     [("rumianek__not_safe", 1.0), ("out_of_scope", .00), ("abuse_disclosure", .00)], ("not_safe", "not_safe", False)),
    ("plain", "en", "not now my mum is next to me",
     [("out_of_scope", .44), ("abuse_disclosure", .28), ("deny", .24)], ("out_of_scope", "none", False)),
    ("gametips", "en", "later, my brother is right here",
     [("gametips__not_safe", .98), ("out_of_scope", .00), ("goodbye", .00)], ("not_safe", "not_safe", False)),
    ("rumianek", "pl", "pozniej, tata siedzi obok mnie",
     [("rumianek__not_safe", .95), ("imminent_danger", .02), ("abuse_disclosure", .01)], ("not_safe", "not_safe", False)),
    # review s27 (fix-answers round 1 turned these into not_now): a story told with "then", someone from online,
    # a secret, harm done again, food withheld, a cut, danger beside a "not now" keep main's reading
    ("plain", "es", "luego se metió en mi cama",
     [("abuse_disclosure", 0.42), ("out_of_scope", 0.23), ("goodbye", 0.16)], ('abuse_disclosure', 'abuse_disclosure', False)),
    ("plain", "es", "luego vino otra vez a mi cuarto",
     [("abuse_disclosure", 0.42), ("self_harm", 0.18), ("goodbye", 0.14)], ('abuse_disclosure', 'abuse_disclosure', False)),
    ("rumianek", "es", "luego vino otra vez a mi cuarto",
     [("abuse_disclosure", 0.35), ("self_harm", 0.18), ("rumianek__not_safe", 0.12)], ('abuse_disclosure', 'abuse_disclosure', False)),
    ("rumianek", "pl", "potem powiedział że to nasz sekret",
     [("abuse_disclosure", 0.37), ("imminent_danger", 0.12), ("rumianek__not_safe", 0.04)], ('abuse_disclosure', 'abuse_disclosure', False)),
    ("rumianek", "es", "ahora no, el de instagram me espera abajo",
     [("imminent_danger", 0.20), ("rumianek__contact", 0.15), ("deny", 0.10)], ('imminent_danger', 'imminent_danger', True)),
    ("plain", "en", "i cant tell anyone, he will find out later",
     [("imminent_danger", 0.22), ("self_harm_urgent", 0.21), ("goodbye", 0.16)], ('imminent_danger', 'imminent_danger', True)),
    ("rumianek", "en", "later he is picking me up tonight, the man from snapchat",
     [("imminent_danger", 0.41), ("online_exploitation", 0.21), ("peer_help", 0.09)], ('imminent_danger', 'imminent_danger', True)),
    ("plain", "es", "ahora no, está en mi cuarto otra vez",
     [("deny", 0.57), ("imminent_danger", 0.39), ("self_harm", 0.01)], ('deny', 'none', False)),
    ("plain", "pl", "nie teraz, wrócił i jest zły",
     [("deny", 0.73), ("imminent_danger", 0.20), ("self_harm", 0.04)], ('deny', 'none', False)),
    ("plain", "es", "ahora no, total a nadie le importo",
     [("deny", 0.91), ("out_of_scope", 0.04), ("self_harm_urgent", 0.01)], ('deny', 'none', False)),
    ("plain", "en", "later he made me take my clothes off",
     [("goodbye", 0.45), ("abuse_disclosure", 0.31), ("online_exploitation", 0.06)], ('goodbye', 'none', False)),
    ("plain", "pl", "później wrócił i zrobił to samo",
     [("self_harm", 0.27), ("imminent_danger", 0.16), ("goodbye", 0.15)], ('not_safe', 'not_safe', False)),
    ("rumianek", "es", "luego me dijo que si se lo cuento a alguien me quedo sin móvil",
     [("rumianek__not_safe", 0.22), ("online_exploitation", 0.20), ("rumianek__help_request", 0.10)], ('not_safe', 'not_safe', False)),
    ("rumianek", "es", "ahora no que me he cortado",
     [("rumianek__not_safe", 0.45), ("self_harm_urgent", 0.26), ("rumianek__ask_products", 0.05)], ('not_safe', 'not_safe', False)),
    ("plain", "en", "not now mum's here",
     [("deny", 0.50), ("imminent_danger", 0.37), ("self_harm_urgent", 0.06)], ('not_safe', 'not_safe', False)),
    ("rumianek", "pl", "później, ojczym jest w moim pokoju",
     [("rumianek__not_safe", 0.65), ("imminent_danger", 0.32), ("abuse_disclosure", 0.00)], ('not_safe', 'not_safe', False)),
    ("rumianek", "es", "ahora no, viene mi padrastro",
     [("rumianek__not_safe", 0.98), ("imminent_danger", 0.01), ("deny", 0.00)], ('not_safe', 'not_safe', False)),
    ("plain", "en", "later he told me not to tell anyone",
     [("peer_help", 0.35), ("online_exploitation", 0.25), ("goodbye", 0.12)], ('peer_help', 'peer_help', False)),
    ("plain", "pl", "nie mogę nikomu powiedzieć, on się dowie później",
     [("peer_help", 0.45), ("distress", 0.11), ("self_harm_urgent", 0.10)], ('peer_help', 'peer_help', False)),
    ("plain", "es", "ahora no que tengo a mi madre al lado",
     [("abuse_disclosure", 0.32), ("self_harm_urgent", 0.27), ("out_of_scope", 0.22)], ('self_harm_urgent', 'self_harm', True)),
    ("rumianek", "pl", "później wrócił i zrobił to samo",
     [("self_harm", 0.27), ("rumianek__not_safe", 0.20), ("imminent_danger", 0.08)], ('help_request', 'self_harm', False)),
    ("rumianek", "en", "later he came back and did it again",
     [("self_harm", 0.47), ("rumianek__not_safe", 0.11), ("rumianek__urgent", 0.06)], ('self_harm', 'self_harm', False)),
    ("plain", "es", "luego me dejó sin comer dos días",
     [("self_harm", 0.36), ("goodbye", 0.30), ("abuse_disclosure", 0.29)], ('self_harm', 'self_harm', False)),
    # a time opening an ordinary sentence, a stock farewell, a shopper's delivery question, a "later" at the end
    # of a plan
    ("plain", "es", "mañana examen de lengua y me quiero morir xd",
     [("out_of_scope", 1.0), ("self_harm", .00), ("online_exploitation", .00)], ("out_of_scope", "none", False)),
    ("rumianek", "en", "see you later", [("goodbye", 1.0), ("rumianek__not_safe", .00), ("out_of_scope", .00)],
     ("goodbye", "none", False)),
    ("rumianek", "en", "can you deliver it tomorrow",
     [("rumianek__shipping", .51), ("rumianek__urgent", .20), ("out_of_scope", .05)], ("rumianek__shipping", "none", False)),
    ("plain", "en", "my friends are coming over later",
     [("out_of_scope", 1.0), ("imminent_danger", .00), ("goodbye", .00)], ("out_of_scope", "none", False)),
    ("rumianek", "en", "whats your fastest delivery, i cant wait till tomorrow",
     [("rumianek__urgent", .39), ("rumianek__delivery_time", .14), ("out_of_scope", .11)], ("urgent", "urgent", True)),
])
def test_near_misses_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                        ranking: list[tuple[str, float]], expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


@pytest.mark.parametrize("lang, text, ranking", [
    ("en", "is it a real person or a bot?", [("ask_human", .54), ("probe", .45), ("out_of_scope", .00)]),
    ("es", "¿es una persona real?", [("ask_human", .99), ("probe", .01), ("out_of_scope", .00)]),
    ("pl", "czy to prawdziwa osoba?", [("probe", .98), ("ask_human", .01), ("out_of_scope", .00)]),
])
def test_is_it_a_real_person_is_a_question_about_the_chat(component: PersonaContext, lang: str, text: str,
                                                          ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, "plain") == ("probe", "none", False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    ("plain", "es", "persona real?", [("ask_human", .9), ("probe", .05), ("out_of_scope", .05)],
     ("ask_human", "ask_human", False)),
    ("plain", "en", "i want to talk to a real person", [("ask_human", .95), ("probe", .03), ("out_of_scope", .02)],
     ("ask_human", "ask_human", False)),
    # inside a persona asking for a person is the discreet question asked again (the classifier's reading)
    ("rumianek", "es", "¿es una persona real?", [("ask_human", .99), ("probe", .01), ("out_of_scope", .00)],
     ("help_request", "ask_human", False)),
])
def test_asking_for_a_real_person_keeps_its_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                                    ranking: list[tuple[str, float]],
                                                    expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


# --- round 2 (blind round 9) ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("persona, lang, text, ranking", [
    # why it is asked again — deleted, closed, not found, hands shaking — read as the quiet code or ordinary talk
    ("gametips", "en", "srry whats that number again i deleted it",
     [("gametips__not_safe", .89), ("ask_human", .02), ("out_of_scope", .01)]),
    ("gametips", "en", "sorry my hands r shaking what number was it",
     [("gametips__not_safe", .77), ("out_of_scope", .05), ("self_harm_urgent", .04)]),
    ("rumianek", "en", "i deleted it by accident, what was the number",
     [("out_of_scope", .64), ("rumianek__not_safe", .03), ("rumianek__order_admin", .03)]),
    ("plain", "es", "cual era el numero?? no lo veo", [("out_of_scope", .57), ("deny", .28), ("self_harm", .06)]),
    ("rumianek", "es", "cual era el numero? lo borre sin querer",
     [("rumianek__not_safe", .59), ("out_of_scope", .28), ("rumianek__order_admin", .03)]),
    ("plain", "es", "me tiemblan las manos, cual era el numero",
     [("out_of_scope", .87), ("distress", .06), ("abuse_disclosure", .03)]),
    ("rumianek", "pl", "jaki to byl numer bo mi sie schowalo",
     [("out_of_scope", .78), ("rumianek__not_safe", .04), ("rumianek__contact", .02)]),
    ("rumianek", "pl", "jaki byl numer? przez przypadek skasowalam",
     [("out_of_scope", .72), ("rumianek__not_safe", .08), ("rumianek__order_admin", .05)]),
    # a bare "what's the number?" as Polish "jaki jest numer" already was
])
def test_the_number_asked_again_with_its_reason_is_ask_number(component: PersonaContext, persona: str, lang: str,
                                                              text: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona) == ("ask_number", "none", False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    ("rumianek", "en", "sorry wrong number",
     [("rumianek__not_safe", .99), ("rumianek__order_admin", .00), ("distress", .00)], ("not_safe", "not_safe", False)),
    # "shaking" alone is no filler: it may be done to the child
    ("plain", "en", "hes shaking me what was the number",
     [("imminent_danger", .79), ("out_of_scope", .08), ("online_exploitation", .04)],
     ("imminent_danger", "imminent_danger", True)),
    ("plain", "en", "he deleted my messages what was the number",
     [("out_of_scope", .52), ("ask_human", .12), ("self_harm_urgent", .09)], ("out_of_scope", "none", False)),
    # s30: a child helpline asked for by its name is the referral (core/safety.py asks_helpline), not ask_number
    ("plain", "en", "whats the number for childline",
     [("out_of_scope", .90), ("ask_human", .05), ("probe", .03)], ("inform_location", "ask_human", False)),
    ("rumianek", "en", "whats the number of the shop",
     [("rumianek__contact", .40), ("out_of_scope", .22), ("probe", .07)], ("rumianek__contact", "none", False)),
    ("rumianek", "es", "cual es el numero de la tienda",
     [("rumianek__contact", .97), ("rumianek__shipping", .01), ("rumianek__order_admin", .01)],
     ("rumianek__contact", "none", False)),
])
def test_number_near_misses_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                               ranking: list[tuple[str, float]],
                                               expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


@pytest.mark.parametrize("persona, lang, text, ranking", [
    ("rumianek", "en", "will my mum be able to see this? she checks my phone sometimes",
     [("out_of_scope", .46), ("probe", .32), ("self_harm", .03)]),
    ("plain", "en", "can my dad see this? he goes through my phone",
     [("abuse_disclosure", .65), ("out_of_scope", .22), ("probe", .09)]),
    ("rumianek", "es", "mi madre puede ver esto? me revisa el movil a veces",
     [("out_of_scope", .79), ("rumianek__not_safe", .06), ("probe", .04)]),
    ("rumianek", "pl", "czy mama moze to zobaczyc? czasem sprawdza mi telefon",
     [("out_of_scope", .68), ("probe", .14), ("rumianek__not_safe", .07)]),
])
def test_a_privacy_question_with_a_parent_who_checks_the_phone_is_ask_privacy(
        component: PersonaContext, persona: str, lang: str, text: str, ranking: list[tuple[str, float]]) -> None:
    assert seen(component, text, ranking, lang, persona) == ("ask_privacy", "none", False)


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    # a parent who checks the phone, no question: main's readings (the quiet code in the shop)
    ("rumianek", "en", "she checks my phone sometimes",
     [("out_of_scope", .75), ("bullying", .06), ("rumianek__not_safe", .02)], ("not_safe", "not_safe", False)),
    ("plain", "en", "my mum checks my phone sometimes",
     [("out_of_scope", .98), ("abuse_disclosure", .01), ("bullying", .00)], ("out_of_scope", "none", False)),
])
def test_a_parent_who_checks_the_phone_without_a_question_keeps_its_reading(
        component: PersonaContext, persona: str, lang: str, text: str, ranking: list[tuple[str, float]],
        expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


@pytest.mark.parametrize("persona, lang, text, ranking, expected", [
    ("rumianek", "en", "changed my mind, dont write to me",
     [("rumianek__not_safe", .77), ("deny", .17), ("abuse_disclosure", .02)], ("not_safe", "not_safe", False)),
    ("rumianek", "en", "im back, he hit me again",
     [("imminent_danger", .52), ("abuse_disclosure", .16), ("greet", .06)], ("imminent_danger", "imminent_danger", True)),
])
def test_a_resume_near_miss_keeps_its_reading(component: PersonaContext, persona: str, lang: str, text: str,
                                              ranking: list[tuple[str, float]],
                                              expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, persona) == expected


@pytest.mark.parametrize("lang, text, ranking, expected", [
    # self-harm said beside the harm done, or the classifier sure of it: self-harm stays
    ("en", "he hit me again so i cut my arms last night",
     [("self_harm", .86), ("abuse_disclosure", .14), ("self_harm_urgent", .00)], ("self_harm", "self_harm", False)),
    ("es", "me pego otra vez y me he cortado los brazos",
     [("self_harm", .95), ("abuse_disclosure", .04), ("online_exploitation", .00)], ("self_harm", "self_harm", False)),
    ("en", "he hit me and i want to hang myself with my belt tonight",
     [("self_harm", .90), ("abuse_disclosure", .04), ("self_harm_urgent", .03)], ("self_harm_urgent", "self_harm", True)),
    ("en", "he hit me and i want to kill myself",
     [("self_harm", 1.0), ("self_harm_urgent", .00), ("abuse_disclosure", .00)], ("self_harm", "self_harm", False)),
])
def test_self_harm_said_beside_harm_done_stays_self_harm(component: PersonaContext, lang: str, text: str,
                                                         ranking: list[tuple[str, float]],
                                                         expected: tuple[str, str, bool]) -> None:
    assert seen(component, text, ranking, lang, "plain") == expected
