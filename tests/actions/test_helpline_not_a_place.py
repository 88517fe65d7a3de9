"""A child helpline's name is never a place (review s31): "como contacto con anar" was read as the town of Anār in
Iran, and the child on the Spanish shop was given Iran's "Social Emergency hotline — 123"."""
from __future__ import annotations

import pytest

from actions.referral import helpline_names, locate_named


@pytest.mark.parametrize("text,lang", [
    ("como contacto con anar", "es"),
    ("como llamo a anar", "es"),
    ("how do i reach childline", "en"),
    ("jak sie dodzwonic do telefonu zaufania", "pl"),
])
def test_a_helplines_name_is_no_place(text: str, lang: str) -> None:
    located = locate_named(text, None, "plain", lang, answer=True)
    assert located.place is None and not located.ambiguous


def test_a_place_beside_it_is_still_found() -> None:
    located = locate_named("me das el numero de anar, vivo en Sevilla", None, "plain", "es")
    assert located.place is not None and located.place.country == "ES"


def test_the_names_are_the_cues_files() -> None:
    assert {"anar", "childline", "telefon zaufania"} <= set(helpline_names())
