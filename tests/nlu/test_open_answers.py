"""nlu.open_answers (session 29): the shapes of answers that mean something only with the bot's open question —
why the place is wanted, the other place of a name, what the offer means, asking for a person. Whole words of a
whitelist (en/es/pl), at most ten, typos read through; anything more than the shape ("why? because he hits me", "the
other one is my dad who hits me", "por que lo hace", "is it a real person") is no such shape. The state they are read
with is tests/handoff/test_open_question.py."""
from __future__ import annotations

import pytest

from nlu.open_answers import (
    MAX_SHAPE_WORDS, asks_for_a_person, asks_what_it_means, read_through_typos, says_other_one, says_why, why_phrases,
)


@pytest.mark.parametrize(("text", "lang"), [
    ("why?", "en"), ("why do you need to know?", "en"), ("what for", "en"), ("whats it for", "en"),
    ("how come", "en"), ("why do you need to know where i live", "en"), ("but why tho", "en"),
    ("waht for", "en"),          # a swapped pair
    ("whyy", "en"),              # a doubled letter
    ("po co ci to?", "pl"), ("a dlaczego?", "pl"), ("czemu pytasz?", "pl"), ("a po co wam to?", "pl"),
    ("dlaczgo", "pl"),           # a letter dropped
    ("para que quieres saberlo?", "es"), ("¿y eso por qué?", "es"), ("pa que lo necesitas", "es"),
    ("¿para qué te hace falta?", "es"), ("por que quieres saber donde vivo", "es"),
    ("why?", None), ("po co ci to?", None),  # the language unknown: any language's list
])
def test_why_the_place_shapes(text: str, lang: str) -> None:
    assert says_why(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("why? because my stepdad hits me", "en"),  # a disclosure beside the why
    ("why me", "en"), ("why not", "en"), ("why would he do that", "en"), ("why do you care", "en"),
    ("what", "en"), ("what?", "en"),             # unclear, no why
    ("dlaczego mnie bije", "pl"), ("po co zyc", "pl"),
    ("por que lo hace", "es"),                   # why someone does it (s28 review): "hace" only in "hace falta"
    ("por que me pega", "es"),
    ("why do you need to know, im in leeds anyway", "en"),
    ("why " * (MAX_SHAPE_WORDS + 1), "en"),      # too long
])
def test_not_why_the_place(text: str, lang: str) -> None:
    assert not says_why(text, lang)


def test_hace_counts_only_in_hace_falta() -> None:
    assert "hace" not in why_phrases().fillers["es"] and "hace falta" in why_phrases().fillers["es"]


@pytest.mark.parametrize(("text", "lang"), [
    ("the other one", "en"), ("the other", "en"), ("no the other one", "en"), ("nope, the other city", "en"),
    ("the ohter one", "en"),  # a swapped pair
    ("to drugie", "pl"), ("nie, to drugie", "pl"), ("tamto", "pl"), ("ten drugi", "pl"), ("to drugei", "pl"),
    ("el otro", "es"), ("la otra", "es"), ("no, la otra", "es"), ("me refiero a la otra ciudad", "es"),
])
def test_the_other_one_shapes(text: str, lang: str) -> None:
    assert says_other_one(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("the other one is my dad who hits me", "en"), ("the other kids hit me", "en"), ("other people", "en"),
    ("drugi raz mnie uderzyl", "pl"), ("el otro dia me pego", "es"), ("la otra vez", "es"),
])
def test_not_the_other_one(text: str, lang: str) -> None:
    assert not says_other_one(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("what does that mean", "en"), ("wdym", "en"), ("what do you mean", "en"),
    ("co to znaczy", "pl"), ("co masz na mysli", "pl"), ("que quieres decir", "es"), ("que significa eso", "es"),
])
def test_what_it_means_shapes(text: str, lang: str) -> None:
    assert asks_what_it_means(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("what does hitting mean", "en"), ("what does that mean for my mum", "en"), ("co to znaczy ze mnie bije", "pl"),
])
def test_not_what_it_means(text: str, lang: str) -> None:
    assert not asks_what_it_means(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("can i talk to a real person", "en"), ("i want to talk to someone", "en"), ("can i speak to a real person pls", "en"),
    ("a real person please", "en"), ("can i tlak to a real person", "en"),  # a swapped pair
    ("quiero hablar con una persona de verdad", "es"), ("puedo hablar con alguien", "es"),
    ("chcę porozmawiać z prawdziwą osobą", "pl"), ("moge pogadac z kims", "pl"),
])
def test_asking_for_a_person(text: str, lang: str) -> None:
    assert asks_for_a_person(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("is it a real person", "en"), ("are you a real person", "en"), ("will a real person write", "en"),
    ("is it a real person or a bot", "en"),       # a question about the chat (core/safety.py, s27)
    ("can i talk to someone tomorrow", "en"),     # a "later"
    ("can i talk to someone about my dad hitting me", "en"),
    ("es una persona real", "es"), ("czy to prawdziwa osoba", "pl"),
])
def test_not_asking_for_a_person(text: str, lang: str) -> None:
    assert not asks_for_a_person(text, lang)


def test_typos_are_read_towards_the_shapes_words_only() -> None:
    """A real word is never changed ("wat" is short, "what" known); an unknown word one edit from a shape word is."""
    assert read_through_typos("waht for", [why_phrases()], "en") == "what for"
    assert read_through_typos("why hits", [why_phrases()], "en") == "why hits"
