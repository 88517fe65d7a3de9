"""core.safety: "is it my fault?" (ask_fault) is decided by words, the project's answers.fault cues,
unless the classifier read a help signal (that reading keeps its own reply and the offer of a person).
Before, it was read as ordinary talk ("I'm not sure I can help") or a question about the bot
("czy to moja wina": probe 0.99, "I'm a chatbot")."""
from __future__ import annotations

import pytest

from core.paths import PROJECT_ROOT
from core.safety import ASK_FAULT, decide
from core.text import fold
from nlu.quiet import load_answers

ANSWERS = load_answers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")
FAULT = [("is it my fault", "en"), ("did i deserve it?", "en"), ("czy to moja wina", "pl"),
         ("czy ja zasłużyłam na to?", "pl"), ("¿es mi culpa?", "es"), ("todo es culpa mia, verdad?", "es")]


def seen(top: str, text: str, lang: str, persona: str = "plain") -> tuple[str, str]:
    d = decide([(top, 0.9), ("greet", 0.1)], persona, fold(text), lang, {}, answers=ANSWERS)
    return d.intent, d.signal


@pytest.mark.parametrize("text, lang", FAULT)
@pytest.mark.parametrize("top, persona", [("out_of_scope", "plain"), ("probe", "plain"), ("probe", "rumianek")])
def test_is_it_my_fault_is_ask_fault(text: str, lang: str, top: str, persona: str) -> None:
    assert seen(top, text, lang, persona) == (ASK_FAULT, "none")


@pytest.mark.parametrize("text, lang", FAULT)
def test_a_help_signal_keeps_its_own_reply(text: str, lang: str) -> None:
    """ "its all my fault" read as distress keeps the offer of a person: a false alarm costs less."""
    assert seen("distress", text, lang)[1] == "distress"


@pytest.mark.parametrize("text", ["is it my fault he hits me", "its my fault we lost the match lol"])
def test_more_than_the_question_is_left_to_the_classifier(text: str) -> None:
    assert seen("out_of_scope", text, "en")[0] != ASK_FAULT
