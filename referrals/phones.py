"""Phone numbers checked with libphonenumber for the service's region."""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import shortnumberinfo

from core.emergency import is_emergency_number

_SHORT = re.compile(r"^\d{2,6}$")


def normalize_phone(value: str, region: str) -> str:
    """A phone number as stored: digits for a short number (``116111``), E.164 otherwise.

    Raises ValueError if libphonenumber does not accept it as a valid number of ``region``."""
    region = region.upper()
    compact = re.sub(r"[\s\-().]", "", value)
    if _SHORT.match(compact):
        if is_emergency_number(compact, region):  # libphonenumber's, or a reviewed row beyond it
            return compact
        try:
            number = phonenumbers.parse(compact, region)
        except phonenumbers.NumberParseException as exc:
            raise ValueError(f"{value!r} is not a phone number") from exc
        if shortnumberinfo.is_valid_short_number_for_region(number, region):
            return compact
        raise ValueError(f"{value!r} is not a valid short number in {region}")
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"{value!r} is not a phone number") from exc
    if not phonenumbers.is_valid_number_for_region(number, region):
        if phonenumbers.is_valid_number(number):
            raise ValueError(f"{value!r} is not a number of {region}")
        raise ValueError(f"{value!r} is not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(value: str, region: str | None = None) -> str:
    """How to show a stored number to a child in ``region``: ``116 111``, ``22 123 45 67``."""
    if _SHORT.match(value):
        if len(value) == 6:
            return f"{value[:3]} {value[3:]}"
        return value
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return value
    same = region is not None and phonenumbers.region_code_for_number(number) == region.upper()
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if same else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)
