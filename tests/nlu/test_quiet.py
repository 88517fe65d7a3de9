"""Quiet lines are not_safe whatever the classifier says (nlu/quiet.py, issue 13)."""
from __future__ import annotations

import pytest

from core import PROJECT_ROOT
from core.text import fold
from nlu.quiet import is_location_refusal, is_quiet_line, load_quiet_words, load_refusals

WORDS = load_quiet_words(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")


@pytest.mark.parametrize("text, lang", [
    ("sorry, wrong chat", "en"), ("Sorry wrong chat!!", None), ("never mind", "en"), ("cancel", "en"),
    ("cancel yesterday's order", "en"), ("oops wrong window", "en"),
    ("pomyłka, sorry", "pl"), ("nieważne", "pl"), ("sorki, zły czat", "pl"), ("anuluj zamówienie", "pl"),
    ("lo siento, me equivoqué de chat", "es"), ("olvídalo", "es"), ("perdón, no era para ti", "es"),
])
def test_quiet_lines(text: str, lang: str) -> None:
    assert is_quiet_line(fold(text), lang, WORDS)


@pytest.mark.parametrize("text, lang", [
    ("ok", "en"), ("now", "en"), ("never mind, he is coming back", "en"), ("my dad hits me sorry", "en"),
    ("sorry I hurt myself", "en"), ("sorry, he has a knife", "en"), ("tata mnie bije, sorry", "pl"),
    ("perdón, mi padre me pega", "es"), ("", "en"),
    ("bye", "en"), ("adiós, hasta luego", "es"), ("pa, do zobaczenia", "pl"),  # goodbyes stay goodbyes
])
def test_anything_else_is_left_to_the_classifier(text: str, lang: str) -> None:
    assert not is_quiet_line(fold(text), lang, WORDS)


REFUSALS = load_refusals(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")


@pytest.mark.parametrize("text, lang, refused", [
    ("I'd rather not say where I live", "en", True), ("not telling you that", None, True),
    ("wolę nie mówić, gdzie mieszkam", "pl", True), ("prefiero no decir dónde vivo", "es", True),
    ("I live in Leeds", "en", False), ("my dad says I can't go out", "en", False), ("nie wiem", "pl", False),
])
def test_location_refusals(text: str, lang: str, refused: bool) -> None:
    assert is_location_refusal(fold(text), lang, REFUSALS) is refused
