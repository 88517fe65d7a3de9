"""The number a child dials first: the reviewed table, checked against libphonenumber."""
from __future__ import annotations

import pytest

from core.emergency import (
    DIAL_FIRST, EU_MEMBERS, UnknownEmergencyNumber, emergency_number, emergency_numbers, emergency_source,
    is_emergency_number,
)


@pytest.mark.parametrize("country, number", [
    ("GB", "999"), ("US", "911"), ("MX", "911"), ("CA", "911"), ("AU", "000"), ("PL", "112"), ("ES", "112"),
    ("NL", "112"), ("DE", "112"), ("NZ", "111"), ("JP", "110"), ("AR", "911"),
])
def test_dial_first(country: str, number: str) -> None:
    assert emergency_number(country) == number
    assert emergency_numbers(country)[0] == number


def test_every_reviewed_number_is_an_emergency_number_with_a_source() -> None:
    assert EU_MEMBERS <= set(DIAL_FIRST)
    for country, entry in DIAL_FIRST.items():
        assert is_emergency_number(entry.number, country), country
        assert entry.source and entry.reviewed
        assert "reviewed table" in emergency_source(country)


def test_the_others_follow_the_first() -> None:
    assert emergency_numbers("GB") == ["999", "112"]
    assert emergency_numbers("PL")[0] == "112" and {"997", "999"} <= set(emergency_numbers("PL"))


def test_override_is_checked() -> None:
    assert emergency_number("GB", "112") == "112"
    with pytest.raises(UnknownEmergencyNumber):
        emergency_number("ES", "911")
    with pytest.raises(UnknownEmergencyNumber):
        emergency_number("GN")


def test_dial_first_numbers_cover_every_country_the_gazetteer_can_name() -> None:
    """The emergency reply has one variation per number of dial_first_numbers(): every country
    a child can name must have its number among them (or none at all: the generic line)."""
    from core.emergency import dial_first, dial_first_numbers
    from referrals.geo import gazetteer

    numbers = set(dial_first_numbers())
    assert {"112", "911", "999", "000"} <= numbers
    for country in {p.country for p in gazetteer().cities}:
        assert dial_first(country) is None or dial_first(country) in numbers, country
    assert dial_first(None) is None and dial_first("ZZ") is None
    assert dial_first("gb") == "999"
