"""core.safety: "what was the number again?" (ask_number) and "sorry, can you repeat?" (ask_repeat)
are decided by words, the project's answers.number / answers.repeat cues (issue 13); "może" is unsure."""
from __future__ import annotations

import pytest

from core.paths import PROJECT_ROOT
from core.safety import ASK_NUMBER, ASK_REPEAT, FOREIGN_INTENT, NOT_NOW, decide
from core.text import fold
from nlu.quiet import is_quiet_line, load_answers, load_quiet_words

CUES_FILE = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
ANSWERS = load_answers(CUES_FILE)
CUES = {"en": [fold("tonight")]}


@pytest.mark.parametrize("text, lang", [
    ("what was the number again?", "en"), ("sorry, what was the number again", "en"), ("number again pls", "en"),
    ("i forgot the number", "en"), ("can you give me the number again?", "en"), ("whats the number again", None),
    ("jaki był ten numer?", "pl"), ("sorki, jaki był ten numer", "pl"), ("możesz powtórzyć numer?", "pl"),
    ("zapomniałam numeru", "pl"), ("¿me repites el número?", "es"), ("perdona, ¿cuál era el número?", "es"),
    ("se me olvidó el número", "es"), ("¿me das el número otra vez?", None),
    ("¿cuál era el número que me dijiste?", "es"),  # blind7: the quiet code on the shop after an urgent reply
])
@pytest.mark.parametrize("top, persona", [("out_of_scope", "rumianek"), ("rumianek__not_safe", "rumianek"),
                                          ("rumianek__shipping", "rumianek"), ("deny", "plain")])
def test_asking_for_the_number_again_is_ask_number(text: str, lang: str, top: str, persona: str) -> None:
    decision = decide([(top, 0.9), ("greet", 0.1)], persona, fold(text), lang, CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal, decision.urgent) == (ASK_NUMBER, "none", False)


@pytest.mark.parametrize("text, lang", [
    ("sorry can you repeat", "en"), ("say that again?", "en"), ("wait what did you say", "en"),
    ("sorry i didn't catch that", "en"), ("powtórz", "pl"), ("sorki, możesz powtórzyć?", "pl"),
    ("co napisałaś?", "pl"), ("perdona, ¿me lo repites?", "es"), ("¿puedes repetir?", "es"), ("¿qué has dicho?", "es"),
])
def test_asking_to_repeat_is_ask_repeat_even_read_as_the_quiet_code(text: str, lang: str) -> None:
    """ "sorry can you repeat" was the shop's quiet code at 0.97 (the apology): a quiet line, no reply."""
    decision = decide([("rumianek__not_safe", 0.97), ("greet", 0.03)], "rumianek", fold(text), lang, CUES,
                      answers=ANSWERS)
    assert (decision.intent, decision.signal) == (ASK_REPEAT, "none")


@pytest.mark.parametrize("text", [
    "what's your phone number?",  # a shopper asking for the shop's number: no "again", left to the classifier
    "sorry, wrong number",  # covering one's tracks: the quiet line
    "what was the number again, he is hitting me",  # a disclosure in it
    "the number doesn't work",
    "can you repeat my order from last week",
])
def test_more_than_asking_again_is_left_to_the_classifier(text: str) -> None:
    decision = decide([("out_of_scope", 0.9), ("greet", 0.1)], "rumianek", fold(text), "en", CUES, answers=ANSWERS)
    assert decision.intent not in (ASK_NUMBER, ASK_REPEAT), text


def test_a_help_signal_the_classifier_is_sure_of_stays() -> None:
    """A false alarm costs less than a miss: a help signal read at 0.5 or more is kept, one below gives way."""
    sure = decide([("abuse_disclosure", 0.8), ("greet", 0.2)], "plain", fold("i forgot the number"), "en", CUES,
                  answers=ANSWERS)
    assert (sure.intent, sure.signal) == ("abuse_disclosure", "abuse_disclosure")
    unsure = decide([("abuse_disclosure", 0.4), ("out_of_scope", 0.35), ("greet", 0.25)], "plain",
                    fold("i forgot the number"), "en", CUES, answers=ANSWERS)
    assert (unsure.intent, unsure.signal) == (ASK_NUMBER, "none")


def test_a_later_stays_not_now() -> None:
    assert decide([("deny", 1.0)], "rumianek", fold("not now, later"), "en", CUES, answers=ANSWERS).intent == NOT_NOW


@pytest.mark.parametrize("text, lang", [("może", "pl"), ("może?", "pl"), ("moze", None), ("hmm może", "pl"),
                                        ("no może", "pl")])
@pytest.mark.parametrize("top", ["deny", "out_of_scope", "affirm", "rumianek__ask_price"])
def test_polish_maybe_is_unclear_so_the_question_is_asked_again(text: str, lang: str, top: str) -> None:
    """ "może" ("maybe") answers neither yes nor no: unclear (out_of_scope), the question is asked again
    — not a "no" (deny) nor a "yes" however the classifier read it (the quiet code it is sure of stays,
    tests/core/test_safety.py)."""
    decision = decide([(top, 0.9), ("greet", 0.1)], "rumianek", fold(text), lang, CUES, answers=ANSWERS)
    assert (decision.intent, decision.signal) == (FOREIGN_INTENT, "none")


def test_sorry_what_was_the_number_again_is_no_quiet_line_for_the_component() -> None:
    """Its words are all quiet-line words ("sorry" + fillers "what", "number", "again"), which is why
    nlu.components.persona skips the quiet-line check for ask_number / ask_repeat."""
    quiet = load_quiet_words(CUES_FILE)
    assert is_quiet_line(fold("sorry what was the number again"), "en", quiet)
