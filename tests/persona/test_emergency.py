"""Emergency numbers from libphonenumber's short-number metadata."""
from __future__ import annotations

import phonenumbers
import pytest

from core.emergency import UnknownEmergencyNumber, emergency_number, is_emergency_number


@pytest.mark.parametrize(
    ("country", "number"),
    [("PL", "112"), ("US", "911"), ("ES", "112"), ("DE", "112"), ("MX", "911"), ("NZ", "111"), ("JP", "110")],
)
def test_known_countries(country: str, number: str) -> None:
    assert emergency_number(country) == number
    assert is_emergency_number(number, country)


def test_metadata_example_is_not_enough_for_the_us() -> None:
    # why PREFERRED_NUMBERS exists: the metadata's example number for the US is 112
    assert phonenumbers.PhoneMetadata.short_metadata_for_region("US").emergency.example_number == "112"
    assert emergency_number("US") == "911"


def test_override() -> None:
    assert emergency_number("GB") == "999"  # the reviewed table (tests/core/test_emergency.py)
    assert emergency_number("GB", "112") == "112"
    with pytest.raises(UnknownEmergencyNumber, match="911 is not an emergency number in PL"):
        emergency_number("PL", "911")


def test_unknown_country() -> None:
    with pytest.raises(UnknownEmergencyNumber, match="ZZ"):
        emergency_number("ZZ")
