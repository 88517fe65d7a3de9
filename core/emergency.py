"""The emergency number of a country, from libphonenumber's short-number metadata.

``PhoneMetadata.short_metadata_for_region(cc).emergency`` lists every emergency number of a
region as a pattern plus one ``example_number``; the example is not always the one people know
(it is 112 for the US). So the well-known general numbers are tried first, in this order, and
the first that the metadata recognises as an emergency number of the country wins:
911 (Americas), 112 (EU, India, ...), 999, 000, 111; otherwise the metadata's example number.
PL -> 112 (not 999, an ambulance line there), US -> 911, ES -> 112, NZ -> 111, JP -> 110.
Where 112 works but people know another number (GB 999, AU 000), a persona sets
``emergency_number`` explicitly; the override is still checked against the metadata.
"""
from __future__ import annotations

from typing import Final, Optional

import phonenumbers
from phonenumbers import shortnumberinfo

PREFERRED_NUMBERS: Final = ("911", "112", "999", "000", "111")


class UnknownEmergencyNumber(ValueError):
    """libphonenumber knows no emergency number for the country."""


def is_emergency_number(number: str, country: str) -> bool:
    """True if ``number`` is an emergency number in ``country`` (ISO 3166-1 alpha-2)."""
    return bool(shortnumberinfo.is_emergency_number(number, country.upper()))


def emergency_number(country: str, override: Optional[str] = None) -> str:
    """The emergency number to show a child in ``country``; ``override`` wins if valid."""
    region = country.upper()
    if override is not None:
        if not is_emergency_number(override, region):
            raise UnknownEmergencyNumber(f"{override} is not an emergency number in {region}")
        return override
    metadata = phonenumbers.PhoneMetadata.short_metadata_for_region(region)
    if metadata is None or metadata.emergency is None:
        raise UnknownEmergencyNumber(f"no emergency number is known for country {region}")
    for number in PREFERRED_NUMBERS:
        if is_emergency_number(number, region):
            return number
    example = metadata.emergency.example_number
    if not example:
        raise UnknownEmergencyNumber(f"no emergency number is known for country {region}")
    return str(example)
