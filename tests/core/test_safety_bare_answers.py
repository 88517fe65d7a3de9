"""core.safety.answer_to_question, the answers found by the s21 conversation probes (session 22):

* a bare Polish "no" ("yeah" as often as "no") is unclear — asked again — only in a message known to be
  Polish; it was a refusal ("anything from the shop?") to a child who may have just said yes;
* inside a persona a bare "I can't talk" ("no puedo hablar") read as asking for a person or distress is
  the persona's quiet code (it drew "our specialist writes to you at once" after the urgent code);
* asking for a person *later* ("can i talk tomorrow instead", ask_human 0.58) is not_now (it drew "a
  coach is on the way");
* "how does this work?" in the plain bot is probe (what this chat is), inside a persona what_next;
* "is that abuse?" is a disclosure (it drew "Sorry, I didn't understand" after a neglect disclosure),
  inside a persona the discreet question in cover voice.
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


# --- the Polish bare "no" -------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", ["rumianek", "plain"])
@pytest.mark.parametrize("text", ["no", "No.", "no no"])
def test_a_bare_polish_no_is_unclear(text: str, persona: str) -> None:
    assert seen([("deny", 1.0)], text, "pl", persona) == (FOREIGN_INTENT, "none", False)


@pytest.mark.parametrize("text, lang, expected", [
    ("no", "en", "deny"), ("no", "es", "deny"), ("no", None, "deny"),  # a no, or a language not known
    ("no nie", "pl", "deny"), ("nie", "pl", "deny"), ("nie, dziękuję", "pl", "deny"),  # clear in Polish
])
def test_a_no_that_is_clear_stays_a_no(text: str, lang: str | None, expected: str) -> None:
    assert seen([("deny", 1.0)], text, lang, "rumianek")[0] == expected


def test_no_tak_stays_a_yes_and_a_sure_signal_stays() -> None:
    assert seen([("affirm", 1.0)], "no tak", "pl", "rumianek")[0] == "affirm"
    assert seen([("abuse_disclosure", 0.9), ("deny", 0.1)], "no", "pl")[1] == "abuse_disclosure"


# --- "I can't talk" inside a persona ----------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("no puedo hablar", "es"), ("perdon, ahora no puedo", "es"), ("i cant talk", "en"), ("cant talk rn sorry", "en"),
    ("can't chat right now", "en"), ("nie mogę rozmawiać", "pl"), ("sorki, nie mogę teraz pisać", "pl"),
])
@pytest.mark.parametrize("ranking", [
    [("ask_human", 0.40), ("deny", 0.2), ("rumianek__not_safe", 0.2)],  # "no puedo hablar" after the urgent code
    [("distress", 0.76), ("ask_human", 0.15)],                          # "i cant talk"
    [("out_of_scope", 0.9), ("greet", 0.1)],
])
def test_a_bare_cant_talk_inside_a_persona_is_the_quiet_code(text: str, lang: str,
                                                            ranking: list[tuple[str, float]]) -> None:
    assert seen(ranking, text, lang, "rumianek") == ("not_safe", "not_safe", False)


@pytest.mark.parametrize("text, lang", [
    ("i cant talk about it", "en"),            # more than the words: the classifier's reading
    ("i cant talk hes in the next room", "en"),
    ("no puedo hablar con nadie de esto", "es"),
])
def test_more_than_cant_talk_is_left_to_the_classifier(text: str, lang: str) -> None:
    assert seen([("distress", 0.8), ("ask_human", 0.1)], text, lang, "rumianek")[1] == "distress"


def test_cant_talk_keeps_a_disclosure_an_urgent_reading_and_the_plain_bots_reading() -> None:
    assert seen([("self_harm", 0.8), ("distress", 0.1)], "i cant talk", "en", "rumianek")[1] == "self_harm"
    assert seen([("imminent_danger", 0.8), ("distress", 0.1)], "no puedo hablar", "es", "rumianek")[2] is True
    assert seen([("ask_human", 0.8), ("deny", 0.1)], "no puedo hablar", "es", "plain")[1] == "ask_human"


# --- asking for a person later -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("can i talk tomorrow instead", "en"), ("can i chat later", "en"), ("porozmawiamy jutro", "pl"),
    ("hablamos mañana", "es"),
])
def test_asking_for_a_person_later_is_not_now(text: str, lang: str) -> None:
    assert seen([("ask_human", 0.58), ("out_of_scope", 0.2)], text, lang, "gametips") == (NOT_NOW, "not_safe", False)
    assert seen([("ask_human", 0.58), ("out_of_scope", 0.2)], text, lang, "plain") == (NOT_NOW, "none", False)


def test_asking_for_a_person_now_stays() -> None:
    assert seen([("ask_human", 0.9)], "can i talk to someone now", "en")[1] == "ask_human"


# --- how does this work ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("how does this work", "en"), ("hi, how does this chat work?", "en"), ("jak to działa?", "pl"),
    ("¿cómo funciona esto?", "es"),
    # s25: what the offer of a person means ("what does that mean" drew "Sorry, I didn't understand")
    ("what does that mean", "en"), ("sorry what do you mean?", "en"), ("wdym", "en"),
    ("¿qué significa eso?", "es"), ("perdona, ¿qué quieres decir?", "es"), ("co to znaczy?", "pl"),
    ("a co masz na myśli?", "pl"),
])
def test_how_does_this_work_is_what_the_chat_is_in_the_plain_bot(text: str, lang: str) -> None:
    assert seen([("out_of_scope", 1.0)], text, lang) == ("probe", "none", False)
    # inside a persona the way to a person is not explained: unclear (what_next), the cover line
    assert seen([("out_of_scope", 1.0)], text, lang, "rumianek") == (FOREIGN_INTENT, "none", False)


@pytest.mark.parametrize("text, lang, top", [
    # asking what a counselor is keeps its reading: inside a persona a child asking for one (review s25)
    ("whats a counselor", "en", "ask_human"), ("¿qué es un consejero?", "es", "ask_human"),
    ("what does that mean for my skin", "en", "out_of_scope"), ("what does hyaluronic mean", "en", "out_of_scope"),
    ("what does that mean, that he hits me?", "en", "abuse_disclosure"),
    ("co to znaczy spf", "pl", "out_of_scope"), ("¿qué significa que me toque así?", "es", "abuse_disclosure"),
])
def test_more_than_what_it_means_keeps_its_reading(text: str, lang: str, top: str) -> None:
    assert seen([(top, 1.0)], text, lang)[0] == top


# --- is that abuse -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, top", [
    ("is that abuse", "en", "out_of_scope"), ("is this abuse?", "en", "out_of_scope"),
    ("czy to jest przemoc", "pl", "probe"), ("czy to przemoc?", "pl", "out_of_scope"),
    ("¿eso es maltrato?", "es", "affirm"), ("es abuso?", "es", "out_of_scope"),
])
def test_is_that_abuse_is_a_disclosure(text: str, lang: str, top: str) -> None:
    assert seen([(top, 0.9), ("abuse_disclosure", 0.02)], text, lang) == ("abuse_disclosure", "abuse_disclosure", False)
    # inside a persona: the discreet question in cover voice, the signal kept
    assert seen([(top, 0.9), ("abuse_disclosure", 0.02)], text, lang, "rumianek") == (
        "help_request", "abuse_disclosure", False)


def test_is_that_abuse_keeps_a_help_reading_and_more_words_are_the_classifiers() -> None:
    assert seen([("bullying", 0.8)], "is that abuse", "en")[1] == "bullying"
    assert seen([("out_of_scope", 0.9)], "is that abuse in the new game update", "en")[1] == "none"


# --- a change of mind with a no ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, top", [
    ("no i changed my mind", "en", "deny"), ("actually no, i changed my mind", "en", "deny"),
    ("al final no quiero, cambié de opinión", "es", "out_of_scope"), ("no, he cambiado de opinión", "es", "out_of_scope"),
    ("jednak nie, zmieniłam zdanie", "pl", "deny"),
])
def test_a_change_of_mind_with_a_no_is_a_no(text: str, lang: str, top: str) -> None:
    """ "no i changed my mind" (deny 1.00) was a resume (affirm): a waiting child taking the request back
    was promised a person again (the Polish "jednak nie chce, zmienilam zdanie" of the s21 probe)."""
    assert seen([(top, 0.99), ("deny", 0.01)], text, lang)[:2] == ("deny", "none")


@pytest.mark.parametrize("text, lang", [
    ("i changed my mind", "en"), ("actually yes", "en"), ("wait no i do need help", "en"), ("no, al final sí", "es"),
    ("cambié de opinión, sí quiero", "es"), ("zmieniłam zdanie", "pl"), ("jednak tak", "pl"),
])
def test_a_change_of_mind_without_a_no_or_with_a_yes_is_still_a_resume(text: str, lang: str) -> None:
    assert seen([("out_of_scope", 0.6), ("deny", 0.4)], text, lang)[0] == "affirm"
