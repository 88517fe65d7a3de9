"""Review s32 (issue 13): the findings of the last review fixed as categories, through
nlu.components.persona.PersonaContext with the real cues file, and bot/adult_context.py / core/safety.py
is_adult_order directly. Rankings: the classifier's top 3 measured on the shared s32 build (674e887) where it misreads
the line; where it already reads a fresh line right, a ranking shaped like the review's finding (the misreading on
top) so that the rule itself is tested:

1. an adult customer's line taken back — a joke ("lol jk", "es broma", "żart"), a pet called a child, a teen's
   babysitting or tutoring, a child's own words about grandparents ("jestem jej wnuczką") — is no adult's: the child
   keeps the emergency reply (cues.yml ``not_adult``, adult_customer's Polish grandchildren with "my" only);
4. a dream told ("i had a nightmare…", "soñé que…", "śniło mi się…") is no danger now unless the message turns to the
   real moment after it (nlu/misreadings.py is_dreamed_danger);
5. harm done while watching a film is the child's ("estábamos viendo una serie y … me pegó");
6. a threat to be put out tonight with nowhere to go is a help reading (not urgent by itself);
3. the number as the subject of an arrival in Spanish and Polish ("jaki numer teraz wchodzi") is no one coming;
8. "no thanks, just wanted to know if this is free" is a no; a hit with jokes ("bije… sucharami") is no harm; a
   parent's question to the shop about their child is the shop's answer;
7. someone present and "we were just talking about…" inside a persona is the quiet code.

The comment above each target says its reading before this change (same rankings). Every line here was written for
these tests (none from tests/data, none copied from the review's own examples).
"""
from __future__ import annotations

import pytest

from bot.adult_context import is_adult_line
from core import PROJECT_ROOT
from core.safety import is_adult_order, says_not_adult
from core.signals import HELP_SIGNALS
from core.text import fold
from nlu.components.persona import PersonaContext
from nlu.cues import cue_list
from tests.nlu.context import seen

CUES = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
DANGER = ("imminent_danger", "imminent_danger", True)
NONE = "none"


def _reading(component: PersonaContext, persona: str, lang: str, text: str, ranking: list) -> tuple:
    return seen(component, text, ranking, lang, persona)[:3]


# --- 1. adult context taken back ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,text", [
    ("en", "its for my daughter haha jk"),
    ("en", "a cream for my son, just kidding im 13"),
    ("en", "my cat is basically my daughter lol"),
    ("en", "i babysit on weekends and my students are the neighbours kids"),
    ("en", "i tutor year 5s, my students love your soaps"),
    ("es", "mi gatita es mi hija jaja"),
    ("es", "es para mi marido, es broma"),
    ("es", "cuido a los ninos de la vecina y mis alumnos de catequesis"),
    ("pl", "jestem jedyną wnuczką babci"),
    ("pl", "babcia zawsze mówi że jestem jej ulubionym wnukiem"),
    ("pl", "dla żony, żart haha"),
    ("pl", "mój pies to mój syn xd"),
    ("pl", "babcia zawsze kupuje u was krem dla wnuczki, czyli dla mnie"),
])
def test_a_joke_a_pet_or_a_teen_s_babysitting_is_no_adult_line(lang: str, text: str) -> None:
    # before: every one an adult customer's line (its "my daughter", "mi hija", "wnucz", "żony", "mój syn")
    assert not is_adult_line(text, lang, "rumianek")
    assert not is_adult_order(fold(text), lang, cue_list(CUES, "adult_customer"), cue_list(CUES, "harm"),
                              cue_list(CUES, "not_adult"))


@pytest.mark.parametrize("lang,text", [
    ("en", "its for my wife, not joking"),
    ("en", "a gift for my husband, he loves lavender"),
    ("es", "es para mi mujer, no es broma"),
    ("es", "para mi hija, le encanta la lavanda"),
    ("pl", "krem dla mojej wnuczki na urodziny"),
    ("pl", "prezent dla żony, nie żartuję"),
    ("pl", "mój wnuk ma urodziny"),
    ("pl", "szukam czegoś dla wnuczki na urodziny"),
])
def test_an_adult_s_line_stays_an_adult_s(lang: str, text: str) -> None:
    assert is_adult_line(text, lang, "rumianek")


def test_a_denied_joke_takes_nothing_back() -> None:
    not_adult = cue_list(CUES, "not_adult")
    assert says_not_adult(fold("for my wife lol jk"), "en", not_adult)
    assert not says_not_adult(fold("for my wife, not joking"), "en", not_adult)
    assert not says_not_adult(fold("es para mi mujer, no es broma"), "es", not_adult)


@pytest.mark.parametrize("lang,text,ranking,expected", [
    # before: help_request (the discreet question: an adult's order)
    ("pl", "wysyłka ekspresowa dziś, dla żony, żart",
     [("urgent", .99), ("rumianek__delivery_time", .00), ("not_safe", .00)], ("urgent", "urgent", True)),
    # before: help_request ("wnucz" read as an adult's grandchild)
    ("pl", "ekspresowa wysyłka dziś, babcia mówi że jestem jej ulubioną wnuczką",
     [("urgent", .67), ("peer_help", .13), ("rumianek__delivery_time", .07)], ("urgent", "urgent", True)),
    # before: help_request
    ("es", "envio urgente hoy, es para mi marido jaja es broma",
     [("urgent", .83), ("out_of_scope", .06), ("rumianek__delivery_time", .03)], ("urgent", "urgent", True)),
    # neighbours: an adult's order stays the urgent discreet question
    ("pl", "ekspresowa wysyłka dziś, prezent dla mojej wnuczki",
     [("urgent", .71), ("rumianek__delivery_time", .12), ("peer_help", .06)], ("help_request", "urgent", True)),
    ("es", "envio urgente hoy, es para mi marido, no es broma",
     [("urgent", .84), ("abuse_disclosure", .04), ("rumianek__returns", .02)], ("help_request", "urgent", True)),
])
def test_an_urgent_code_with_a_joke_keeps_the_emergency_reply(component: PersonaContext, lang: str, text: str,
                                                              ranking: list, expected: tuple) -> None:
    assert _reading(component, "rumianek", lang, text, ranking) == expected


# --- 4. a dream ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,text,ranking", [
    # before: each imminent_danger, urgent (112)
    ("en", "last night i dreamt a guy with a knife was standing at the end of my bed",
     [("imminent_danger", .90), ("out_of_scope", .08), ("distress", .01)]),
    ("es", "anoche soñé que un hombre con un cuchillo entraba en mi habitación",
     [("imminent_danger", .96), ("out_of_scope", .01), ("ask_human", .00)]),
    ("es", "tuve una pesadilla horrible, alguien con una pistola me perseguía por el pasillo",
     [("imminent_danger", .63), ("ask_human", .18), ("bullying", .12)]),
    ("pl", "śniło mi się że facet z nożem stał przy moim łóżku",
     [("imminent_danger", .98), ("distress", .01), ("online_exploitation", .00)]),
    ("pl", "miałam koszmar że ktoś z nożem wszedł do mojego pokoju",
     [("imminent_danger", 1.0), ("ask_human", .00), ("peer_help", .00)]),
])
def test_a_dream_about_danger_is_no_danger_now(component: PersonaContext, lang: str, text: str,
                                                ranking: list) -> None:
    intent, signal, urgent = _reading(component, "plain", lang, text, ranking)
    assert (signal, urgent) == (NONE, False)


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "i had a nightmare and now i can hear my stepdad downstairs with a knife",
     [("imminent_danger", 1.0), ("abuse_disclosure", .00), ("self_harm_urgent", .00)]),
    ("en", "i had a nightmare and woke up and my stepdad was standing over me with a knife",
     [("imminent_danger", .60), ("abuse_disclosure", .39), ("self_harm_urgent", .00)]),
    ("es", "tuve una pesadilla y ahora oigo a mi padrastro abajo con un cuchillo",
     [("imminent_danger", .99), ("abuse_disclosure", .00), ("self_harm_urgent", .00)]),
    ("es", "soñé con un hombre con un cuchillo y ahora oigo ruidos abajo",
     [("imminent_danger", 1.0), ("online_exploitation", .00), ("peer_help", .00)]),
    ("pl", "miałam koszmar a teraz słyszę ojczyma na dole z nożem",
     [("imminent_danger", 1.0), ("self_harm_urgent", .00), ("online_exploitation", .00)]),
    ("pl", "miałem koszmar, a teraz ojczym stoi pod drzwiami z nożem",
     [("imminent_danger", 1.0), ("inform_location", .00), ("self_harm_urgent", .00)]),
    ("en", "this is not a dream, my dad is outside my room with a knife",
     [("imminent_danger", 1.0), ("abuse_disclosure", .00), ("peer_help", .00)]),
])
def test_the_real_moment_after_a_dream_stays_danger_now(component: PersonaContext, lang: str, text: str,
                                                         ranking: list) -> None:
    assert _reading(component, "plain", lang, text, ranking) == DANGER


# --- 5. harm while watching a film -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,text,ranking", [
    # before: none (ordinary talk)
    ("es", "estábamos viendo una serie y mi padrastro llegó borracho y me pegó",
     [("out_of_scope", .76), ("imminent_danger", .19), ("abuse_disclosure", .03)]),
    ("en", "we were watching a movie and my stepdad came home drunk and hit me",
     [("out_of_scope", .70), ("abuse_disclosure", .20), ("imminent_danger", .08)]),
    ("pl", "oglądałam film i tata wrócił pijany i mnie uderzył",
     [("out_of_scope", .80), ("abuse_disclosure", .12), ("imminent_danger", .06)]),
])
def test_harm_done_while_watching_a_film_is_the_child_s(component: PersonaContext, lang: str, text: str,
                                                         ranking: list) -> None:
    assert _reading(component, "plain", lang, text, ranking) == ("abuse_disclosure", "abuse_disclosure", False)


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "we were watching a film where a dad hits his kid, it was so sad",
     [("out_of_scope", 1.0), ("abuse_disclosure", .00), ("greet", .00)]),
    ("es", "en la peli el padre llega borracho y le pega al niño, que triste",
     [("out_of_scope", .93), ("peer_help", .06), ("imminent_danger", .01)]),
])
def test_a_film_s_story_stays_ordinary_talk(component: PersonaContext, lang: str, text: str, ranking: list) -> None:
    assert _reading(component, "plain", lang, text, ranking)[1] == NONE


# --- 6. put out tonight with nowhere to go ---------------------------------------------------------------------------
@pytest.mark.parametrize("persona,lang,text,ranking", [
    # before: none
    ("plain", "en", "my mum says shes throwing me out tonight and i have nowhere to stay",
     [("out_of_scope", .45), ("abuse_disclosure", .30), ("imminent_danger", .20)]),
    ("plain", "es", "mi padrastro dice que me va a echar de casa esta noche y no tengo a donde ir",
     [("out_of_scope", .60), ("imminent_danger", .25), ("abuse_disclosure", .10)]),
    ("plain", "pl", "tata powiedział że wyrzuci mnie dziś z domu i nie mam gdzie spać",
     [("out_of_scope", .55), ("abuse_disclosure", .25), ("distress", .10)]),
])
def test_a_threat_to_be_put_out_with_nowhere_to_go_is_a_help_reading(component: PersonaContext, persona: str,
                                                                      lang: str, text: str, ranking: list) -> None:
    intent, signal, urgent = _reading(component, persona, lang, text, ranking)
    assert signal == "abuse_disclosure" and not urgent


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "my brother said he'll kick me out of the game tonight if i keep losing lol",
     [("out_of_scope", 1.0), ("imminent_danger", .00), ("online_exploitation", .00)]),
    ("es", "mi hermano dice que me va a echar de la partida esta noche jaja",
     [("out_of_scope", 1.0), ("imminent_danger", .00), ("peer_help", .00)]),
    ("pl", "brat powiedział że wyrzuci mnie dziś z drużyny w grze xd",
     [("out_of_scope", .97), ("imminent_danger", .02), ("bullying", .00)]),
])
def test_being_kicked_from_a_game_stays_ordinary_talk(component: PersonaContext, lang: str, text: str,
                                                      ranking: list) -> None:
    assert _reading(component, "plain", lang, text, ranking)[1] == NONE


def test_put_out_with_a_knife_now_stays_danger_now(component: PersonaContext) -> None:
    text = "my parents said they'll kick me out tonight and i have nowhere to go, he's coming at me with a knife now"
    ranking = [("imminent_danger", 1.0), ("online_exploitation", .00), ("goodbye", .00)]
    assert _reading(component, "plain", "en", text, ranking) == DANGER


# --- 3. the number as the subject ------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona,lang,text,ranking", [
    # before: imminent_danger (the arrival rule / the classifier .93)
    ("gametips", "pl", "jaki numer zaraz wchodzi", [("out_of_scope", .97), ("inform_location", .00), ("probe", .00)]),
    ("gametips", "pl", "który numer teraz wchodzi", [("out_of_scope", .60), ("inform_location", .05), ("imminent_danger", .04)]),
    ("gametips", "es", "el siguiente numero ya esta aqui",
     [("imminent_danger", .93), ("out_of_scope", .01), ("self_harm", .01)]),
    ("plain", "es", "cual numero ya viene", [("imminent_danger", .70), ("out_of_scope", .20), ("ask_human", .02)]),
])
def test_the_number_as_the_subject_of_an_arrival_is_no_one_coming(component: PersonaContext, persona: str,
                                                                  lang: str, text: str, ranking: list) -> None:
    assert _reading(component, persona, lang, text, ranking)[1:] == (NONE, False)


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("gametips", "es", "dame el numero ya viene", [("imminent_danger", .94), ("affirm", .01), ("self_harm_urgent", .00)]),
    ("gametips", "es", "el numero, ya esta aqui", [("imminent_danger", .98), ("out_of_scope", .00), ("self_harm_urgent", .00)]),
    ("gametips", "pl", "jaki numer, teraz wchodzi", [("out_of_scope", .54), ("inform_location", .08), ("imminent_danger", .05)]),
    ("gametips", "pl", "podaj numer wraca", [("out_of_scope", .16), ("inform_location", .16), ("ask_human", .09)]),
    ("plain", "es", "el numero por favor que ya viene mi padre", [("imminent_danger", .99), ("affirm", .00), ("out_of_scope", .00)]),
])
def test_someone_coming_beside_the_number_stays_danger_now(component: PersonaContext, persona: str, lang: str,
                                                           text: str, ranking: list) -> None:
    assert _reading(component, persona, lang, text, ranking)[1:] == ("imminent_danger", True)


# --- 8. false alarms -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona,lang,text,ranking", [
    # before: abuse_disclosure
    ("plain", "en", "no thank you, i only wanted to check if it costs anything",
     [("abuse_disclosure", .81), ("deny", .05), ("self_harm", .05)]),
    # before: self_harm_urgent, urgent
    ("plain", "en", "no thanks, just wanted to know if its free",
     [("self_harm_urgent", .55), ("deny", .15), ("probe", .08)]),
    # before: the urgent code (999)
    ("gametips", "en", "no thanks, just wanted the map for the last level",
     [("gametips__urgent", .55), ("gametips__ask_guides", .25), ("deny", .07)]),
    ("gametips", "es", "no gracias, solo queria la guia escrita del ultimo nivel",
     [("self_harm_urgent", .49), ("deny", .17), ("out_of_scope", .16)]),
    ("plain", "pl", "nie dzięki, chciałam tylko wiedzieć czy to jest darmowe",
     [("self_harm_urgent", .60), ("probe", .20), ("ask_human", .07)]),
])
def test_a_polite_no_and_an_ordinary_question_is_a_no(component: PersonaContext, persona: str, lang: str, text: str,
                                                      ranking: list) -> None:
    assert _reading(component, persona, lang, text, ranking) == ("deny", NONE, False)


@pytest.mark.parametrize("lang,text,ranking,signal", [
    ("en", "no thanks, i just wanted to know if cutting deeper is dangerous",
     [("self_harm_urgent", .70), ("self_harm", .10), ("ask_human", .07)], "self_harm"),
    ("en", "no thanks, just wanted to know if its normal that he hits me",
     [("abuse_disclosure", .96), ("deny", .03), ("self_harm_urgent", .00)], "abuse_disclosure"),
    ("es", "no gracias, solo queria decir que mi padre me pega",
     [("abuse_disclosure", 1.0), ("deny", .00), ("thanks", .00)], "abuse_disclosure"),
])
def test_a_polite_no_with_harm_keeps_its_reading(component: PersonaContext, lang: str, text: str, ranking: list,
                                                 signal: str) -> None:
    assert _reading(component, "plain", lang, text, ranking)[1] == signal


@pytest.mark.parametrize("lang,text,ranking", [
    # before: abuse_disclosure
    ("en", "my dad kills me with his dad jokes every single day",
     [("abuse_disclosure", .96), ("out_of_scope", .03), ("peer_help", .01)]),
    ("pl", "tata bije mnie tymi sucharami przy każdym obiedzie haha",
     [("abuse_disclosure", .70), ("out_of_scope", .25), ("bullying", .00)]),
    ("es", "mi padre me mata con sus chistes malos todos los dias jaja",
     [("abuse_disclosure", .80), ("out_of_scope", .19), ("bullying", .00)]),
])
def test_a_hit_with_jokes_is_no_harm(component: PersonaContext, lang: str, text: str, ranking: list) -> None:
    assert _reading(component, "plain", lang, text, ranking)[1:] == (NONE, False)


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "my dad hits me with his belt and then tells dad jokes like nothing happened",
     [("abuse_disclosure", 1.0), ("peer_help", .00), ("distress", .00)]),
    ("pl", "tata mnie bije pasem jak się zdenerwuje", [("abuse_disclosure", 1.0), ("out_of_scope", .00), ("bullying", .00)]),
    ("pl", "tata mnie bije a potem opowiada żarty jakby nic",
     [("abuse_disclosure", 1.0), ("out_of_scope", .00), ("imminent_danger", .00)]),
    ("pl", "tata bije mnie sucharami, a wczoraj uderzył mnie pasem",
     [("abuse_disclosure", .90), ("out_of_scope", .05), ("imminent_danger", .02)]),
])
def test_a_real_hit_beside_jokes_stays_a_disclosure(component: PersonaContext, lang: str, text: str,
                                                    ranking: list) -> None:
    assert _reading(component, "plain", lang, text, ranking)[1] == "abuse_disclosure"


@pytest.mark.parametrize("lang,text,ranking", [
    # before: peer_help (the plain friend line in the shop)
    ("pl", "dzień dobry, piszę w sprawie syna, ma dwanaście lat, ma bardzo suchą skórę na dłoniach i boi się iść na wf. "
           "czy krem nagietkowy będzie dobry? dziękuję",
     [("peer_help", .55), ("rumianek__ask_product_info", .40), ("distress", .02)]),
    ("en", "hi, writing for my son who is 13, he has painful dry patches on his elbows and is afraid of pe. is the "
           "calendula cream ok for him? thanks",
     [("peer_help", .60), ("rumianek__ask_product_info", .35), ("distress", .02)]),
    ("es", "hola, escribo por mi hijo de doce años, tiene la piel muy seca y le da miedo ir a clase así. ¿la crema de "
           "caléndula le vale? gracias",
     [("peer_help", .52), ("rumianek__ask_product_info", .44), ("distress", .02)]),
])
def test_a_parent_s_question_to_the_shop_is_the_shop_s_answer(component: PersonaContext, lang: str, text: str,
                                                              ranking: list) -> None:
    assert _reading(component, "rumianek", lang, text, ranking) == ("rumianek__ask_product_info", NONE, False)


@pytest.mark.parametrize("lang,text,ranking", [
    ("en", "hi, my son is 13 and his stepdad hits him, is the calendula cream ok for bruises",
     [("peer_help", .60), ("rumianek__ask_product_info", .30), ("imminent_danger", .05)]),
    ("pl", "dzień dobry, piszę w sprawie syna, boi się ojczyma. czy krem nagietkowy jest dobry na siniaki?",
     [("peer_help", .60), ("rumianek__ask_product_info", .30), ("distress", .05)]),
    # the lead's review: a child's self-harm told by the parent (the first version read these as the shop's answer)
    ("en", "my daughter is 14 and wants to hurt herself, she has cuts on her arms, which cream is gentle",
     [("peer_help", .78), ("rumianek__ask_product_info", .15), ("self_harm", .04)]),
    ("es", "escribo por mi hija, tiene cortes en los brazos y creo que se hace daño, que crema le pongo",
     [("peer_help", .70), ("rumianek__ask_product_info", .25), ("self_harm", .03)]),
    ("pl", "piszę w sprawie córki, ona się tnie, co polecacie na blizny",
     [("peer_help", .65), ("rumianek__ask_product_info", .30), ("self_harm", .03)]),
])
def test_a_parent_telling_of_harm_keeps_a_help_reading(component: PersonaContext, lang: str, text: str,
                                                      ranking: list) -> None:
    assert _reading(component, "rumianek", lang, text, ranking)[1] in HELP_SIGNALS


# --- 7. covering with "we were just talking about" -------------------------------------------------------------------
@pytest.mark.parametrize("persona,lang,text,ranking", [
    # before: none (ordinary talk)
    ("gametips", "es", "mi madre esta aqui jaja solo hablabamos de la partida verdad",
     [("out_of_scope", 1.0), ("probe", .00), ("imminent_danger", .00)]),
    ("gametips", "en", "my dad is here lol we were just chatting about the lava level right",
     [("out_of_scope", .55), ("not_safe", .40), ("gametips__ask_level_tips", .02)]),
    ("rumianek", "en", "my dad is watching, we were just talking about the lavender soap right",
     [("out_of_scope", .79), ("rumianek__ask_products", .05), ("rumianek__ask_product_info", .03)]),
    ("gametips", "pl", "tata jest tu haha tylko gadaliśmy o grze no nie",
     [("out_of_scope", 1.0), ("deny", .00), ("imminent_danger", .00)]),
])
def test_covering_as_someone_comes_is_the_quiet_code(component: PersonaContext, persona: str, lang: str, text: str,
                                                     ranking: list) -> None:
    assert _reading(component, persona, lang, text, ranking) == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("persona,lang,text,ranking,signal", [
    ("gametips", "en", "we were talking about minecraft seeds, whats the best one",
     [("out_of_scope", .99), ("not_safe", .00), ("online_exploitation", .00)], NONE),
    ("gametips", "en", "my dad is here and he has a knife",
     [("imminent_danger", 1.0), ("peer_help", .00), ("abuse_disclosure", .00)], "imminent_danger"),
    ("plain", "en", "my dad is here lol we were just talking about minecraft",
     [("out_of_scope", .90), ("not_safe", .05), ("greet", .01)], NONE),
])
def test_talk_about_talk_without_a_persona_or_with_danger_keeps_its_reading(
        component: PersonaContext, persona: str, lang: str, text: str, ranking: list, signal: str) -> None:
    assert _reading(component, persona, lang, text, ranking)[1] == signal
