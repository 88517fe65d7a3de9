"""core.safety.answer_to_question, answers found by the s22 conversation probes (session 23, fixer ans):

* a yes in Spanish or Polish chat words ("vale si", "ok, si quiero", "dobra tak", "ok tak chce") is a yes
  (``answers.agree``) whatever the classifier reads ("pues si" was out_of_scope .85);
* in the plain bot "I can't talk" with a time word ("ahora no puedo hablar", "teraz nie moge pisac", "cant
  talk rn") is a "not now" (``answers.right_now``): the offer is remembered, a later yes goes on (it was a
  refusal, so "si ya" was asked again); since s24 an urgent reading too, and "ya no puedo más" is no "can't talk";
* "no se si quiero" / "nie wiem czy chce" is unsure (asked again), not a yes; a cue of one or two letters
  matches a whole word in :func:`made_of`, so the cue "q" no longer makes "si quiero" unsure (longer cues
  still end inside a word: "1 sec" in "1 second", "no puedo llamar" in "no puedo llamarte");
* "will anyone be able to see this?" is a privacy question; "a to kosztuje cos?", "how much does the
  consultation cost? i dont have money" are cost questions.
"""
from __future__ import annotations

import pytest

from core.paths import PROJECT_ROOT
from core.safety import FOREIGN_INTENT, NOT_NOW, decide
from core.text import fold
from nlu.quiet import load_answers

ANSWERS = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")


def seen(ranking: list[tuple[str, float]], text: str, lang: str | None, persona: str = "plain") -> tuple[str, str, bool]:
    d = decide(ranking, persona, fold(text), lang, {}, answers=ANSWERS)
    return d.intent, d.signal, d.urgent


# --- a yes in Spanish and Polish chat words ----------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("vale si", "es"), ("ok, si quiero", "es"), ("si porfa", "es"), ("bueno si", "es"), ("si, vale", "es"),
    ("venga si", "es"), ("si si quiero", "es"), ("pues si", "es"), ("dale si", "es"), ("claro", "es"),
    ("si ya", "es"),
    ("dobra tak", "pl"), ("ok tak chce", "pl"), ("no tak", "pl"), ("tak prosze", "pl"), ("jasne", "pl"),
    ("tak, chce", "pl"), ("okej tak", "pl"), ("dobrze, tak", "pl"), ("no dobra tak", "pl"), ("pewnie", "pl"),
])
@pytest.mark.parametrize("persona", ["plain", "rumianek"])
def test_a_yes_in_chat_words_is_a_yes(text: str, lang: str, persona: str) -> None:
    assert seen([("out_of_scope", 0.85), ("affirm", 0.12)], text, lang, persona) == ("affirm", "none", False)


@pytest.mark.parametrize("text, lang", [
    ("si quiero ayuda", "es"), ("si, mi padre me pega", "es"), ("tak pomocy", "pl"),
    ("tak, tata mnie bije", "pl"), ("nie tak", "pl"),
])
def test_a_yes_with_more_words_is_the_classifiers(text: str, lang: str) -> None:
    assert seen([("imminent_danger", 0.7), ("affirm", 0.3)], text, lang)[0] == "imminent_danger"


# --- review of the change (lead s23): what the first version broke ---------------------------------------------

@pytest.mark.parametrize("text", ["si, quiero que me escriba", "si que me escriban", "si, que me escriba",
                                  "vale, si, que me escriba"])
def test_a_spanish_yes_that_says_what_it_wants_is_a_yes(text: str) -> None:
    # the first version's unsure fillers (si, quiero, escriba) made it unclear: asked twice, the offer was gone
    assert seen([("out_of_scope", 0.6), ("affirm", 0.4)], text, "es")[0] == "affirm"


@pytest.mark.parametrize("text, lang, intent", [
    ("1 second", "en", NOT_NOW),  # whole-word cues lost the hold: the urgent code 0.29 drew 112 in the shop
    ("1 second pls", "en", NOT_NOW),
])
def test_a_cue_still_ends_inside_a_word(text: str, lang: str, intent: str) -> None:
    assert seen([("rumianek__visit_request", 0.29), ("greet", 0.2)], text, lang, "rumianek")[:2] == (intent, "not_safe")


@pytest.mark.parametrize("text", ["what if my mum sees this", "what if someone sees this", "will you tell my teachers",
                                  "what do you do with my information"])
def test_privacy_questions_with_longer_words_are_privacy(text: str) -> None:
    assert seen([("out_of_scope", 0.9), ("greet", 0.1)], text, "en")[0] == "ask_privacy"


@pytest.mark.parametrize("text, lang", [("i dont have money", "en"), ("sorry i dont have money", "en"),
                                        ("will i be able to see it", "en")])
def test_a_shoppers_words_are_no_question_about_this_chat(text: str, lang: str) -> None:
    assert seen([("out_of_scope", 0.9), ("greet", 0.1)], text, lang, "rumianek")[0] not in ("ask_cost", "ask_privacy")


# --- "I can't talk now" in the plain bot ---------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("ahora no puedo hablar", "es"), ("no puedo hablar ahora", "es"), ("perdon, ahora no puedo hablar", "es"),
    ("ahora mismo no puedo escribir", "es"), ("no puedo hablar ahora mismo", "es"), ("ahorita no puedo", "es"),
    ("teraz nie moge pisac", "pl"), ("nie moge teraz rozmawiac", "pl"), ("sorki teraz nie moge gadac", "pl"),
    ("w tej chwili nie moge pisac", "pl"), ("nie moge pisac teraz", "pl"),
    ("cant talk rn", "en"), ("sorry i cant chat at the moment", "en"), ("cant text now", "en"),
    ("i cant talk right now", "en"),
])
@pytest.mark.parametrize("ranking", [[("deny", 0.69), ("ask_human", 0.16)], [("distress", 0.8), ("deny", 0.1)],
                                     [("ask_human", 0.35), ("deny", 0.17)]])
def test_cant_talk_now_is_not_now_in_the_plain_bot(text: str, lang: str, ranking: list) -> None:
    assert seen(ranking, text, lang) == (NOT_NOW, "none", False)


@pytest.mark.parametrize("text, lang", [
    ("no puedo hablar", "es"), ("i cant talk", "en"), ("nie moge rozmawiac", "pl"),   # no time word
    ("ahora no puedo mas", "es"), ("ya no puedo mas", "es"), ("teraz juz nie moge", "pl"),  # can't take it
    ("no puedo hablar de eso ahora", "es"), ("i cant take it anymore right now", "en"),
])
def test_cant_talk_without_a_time_word_or_with_more_is_the_classifiers(text: str, lang: str) -> None:
    assert seen([("distress", 0.8), ("deny", 0.1)], text, lang)[0] == "distress"


def test_an_urgent_reading_of_cant_talk_now_is_not_now_too() -> None:
    # until s24 an urgent reading stayed: "i cant talk right now" (imminent_danger .44) drew 112 — issue 13,
    # covering one's tracks never yields an emergency reply; the words hold no harm (tests/nlu/test_quiet_s24.py)
    assert seen([("imminent_danger", 0.44), ("distress", 0.42)], "i cant talk right now", "en") == (
        NOT_NOW, "none", False)
    assert seen([("imminent_danger", 0.48), ("deny", 0.25)], "no puedo hablar ahora mismo", "es", "rumianek")[1:] == (
        "not_safe", False)


def test_inside_a_persona_cant_talk_now_stays_the_quiet_code() -> None:
    assert seen([("deny", 0.69), ("ask_human", 0.16)], "ahora no puedo hablar", "es", "rumianek")[1] == "not_safe"


# --- unsure is not a yes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("no se si quiero", "es"), ("no se si quiero la verdad", "es"), ("pues no se si quiero", "es"),
    ("mmm no se si", "es"), ("no se si quiero que me escriba", "es"), ("no se si quiero hablar", "es"),
    ("nie wiem czy chce", "pl"), ("sama nie wiem czy chce", "pl"),
    ("idk if i want to", "en"), ("not sure if i want to", "en"), ("idk if i wanna", "en"),
])
@pytest.mark.parametrize("persona", ["plain", "rumianek"])
def test_not_knowing_whether_one_wants_is_unsure(text: str, lang: str, persona: str) -> None:
    assert seen([("affirm", 0.72), ("self_harm", 0.08)], text, lang, persona) == (FOREIGN_INTENT, "none", False)


@pytest.mark.parametrize("text", ["si quiero", "si, quiero", "quiero", "si"])
def test_a_one_letter_cue_is_no_cue_of_a_longer_word(text: str) -> None:
    assert seen([("affirm", 0.99)], text, "es", "rumianek")[0] == "affirm"


def test_a_sure_help_signal_stays_with_unsure_words() -> None:
    assert seen([("self_harm", 0.92)], "i dont know if i want to", "en")[1] == "self_harm"


# --- privacy and cost questions ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["will anyone be able to see this on my phone?", "will my mum be able to read this",
                                  "will my dad be able to see what i wrote"])
def test_being_able_to_see_this_is_a_privacy_question(text: str) -> None:
    assert seen([("probe", 0.66), ("self_harm_urgent", 0.09)], text, "en", "rumianek")[0] == "ask_privacy"


def test_a_disclosure_beside_privacy_words_is_no_privacy_question() -> None:
    assert seen([("abuse_disclosure", 0.86)], "i dont want anyone to know what he does to me", "en")[0] != "ask_privacy"


@pytest.mark.parametrize("text, lang", [
    ("a to kosztuje cos?", "pl"), ("czy to cos kosztuje", "pl"), ("to kosztuje?", "pl"), ("kosztuje cos?", "pl"),
    ("trzeba za to placic?", "pl"),
    ("how much does the consultation cost? i dont have money", "en"), ("how much is the consultation", "en"),
    ("is the consultation free", "en"), ("how much does the consultation cost", "en"),
])
def test_asking_what_it_costs_is_a_cost_question(text: str, lang: str) -> None:
    assert seen([("out_of_scope", 0.5), ("probe", 0.3)], text, lang, "rumianek")[0] == "ask_cost"


@pytest.mark.parametrize("text, lang", [("ile kosztuje krem rumiankowy", "pl"), ("how much does the chamomile cream cost", "en"),
                                        ("i dont have money for food", "en")])
def test_a_price_of_something_else_is_no_cost_question(text: str, lang: str) -> None:
    assert seen([("out_of_scope", 0.5), ("probe", 0.3)], text, lang, "rumianek")[0] != "ask_cost"


@pytest.mark.parametrize("text", ["no puedo llamarte", "no puedo llamaros"])
def test_i_cant_call_you_is_still_cant_call(text: str) -> None:
    # whole-word cues lost it: "no puedo llamarte" after a number drew "llama al 112"
    from core.safety import made_of

    assert made_of(fold(text), "es", ANSWERS.cant_call)


@pytest.mark.parametrize("text, refused", [
    ("i dont want to tell", False),  # self_harm .77 as a first message: no refusal of a place
    ("i wont tell you my username lol", False), ("no se como se llama la crema", False),
    ("i dont want to tell you where i am", True), ("no se donde estoy", True), ("nie wiem gdzie jestem", True),
])
def test_only_words_about_the_place_refuse_it(text: str, refused: bool) -> None:
    from nlu.quiet import is_location_refusal, load_refusals

    refusals = load_refusals(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")
    assert is_location_refusal(fold(text), None, refusals) is refused
