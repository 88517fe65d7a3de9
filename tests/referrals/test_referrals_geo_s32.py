"""Session 32 (issue 13: never a "where you are" line from a guess): an ordinary word found as a place through its
Polish base form ("siedzę w domu z katarem", a cold: Katar is Qatar's Polish name — the plain bot said "call 999")
or after an article ("se me cayó el vaso de la mesa", the table: La Mesa, California, 911) is a common word like the
single ones of ``COMMON_WORDS``: it needs a cue and a capital letter, or a verb of living. Targets fail on main;
neighbours (a capital letter, a verb of living, a country after the name) keep their place. Lines written for these
tests."""
from typing import Optional

import pytest

from referrals.geo import locate


@pytest.mark.parametrize("text, hint, lang", [
    ("siedze w domu z katarem", None, "pl"),
    ("siedzę w domu z katarem", "PL", "pl"),
    ("leze w lozku z katarem i goraczka", "PL", "pl"),
    ("mam katar", None, "pl"),
    ("se me cayo el vaso de la mesa y mi padre me pego", None, "es"),
    ("lo deje encima de la mesa", "PL", "es"),
    ("estoy escondida debajo de la mesa", None, "es"),
])
def test_an_ordinary_word_is_no_place(text: str, hint: Optional[str], lang: str) -> None:
    found = locate(text, country_hint=hint, lang=lang)
    assert found.place is None and not found.candidates, text


@pytest.mark.parametrize("text, hint, lang, country", [
    ("mieszkam w katarze", None, "pl", "QA"),
    ("jestem z Kataru", None, "pl", "QA"),
    ("teraz jestem w Katarze", "PL", "pl", "QA"),
    ("i live in qatar", None, "en", "QA"),
    ("vivo en la mesa, california", None, "es", "US"),
    ("soy de La Paz, Bolivia", None, "es", "BO"),
])
def test_a_place_said_as_one_stays_found(text: str, hint: Optional[str], lang: str, country: str) -> None:
    found = locate(text, country_hint=hint, lang=lang)
    assert found.place is not None and found.place.country == country, text


@pytest.mark.parametrize("text, lang", [
    ("vivo en La Mesa", "es"),
    ("vivo en la paz", "es"),
])
def test_a_shared_name_with_a_verb_of_living_is_asked_about(text: str, lang: str) -> None:
    found = locate(text, lang=lang)
    assert found.place is None and len(found.candidates) >= 2, text
