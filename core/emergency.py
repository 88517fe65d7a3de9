"""The emergency number a child should dial first in a country, and the others after it.

Two sources, in this order:

1. :data:`DIAL_FIRST` — a reviewed override table: the number people (and children) are taught
   to dial, with the source that says so. 999 in the UK, 000 in Australia, 112 in every EU member
   state (the single European emergency number), 911 in the US, Canada and Mexico.
2. libphonenumber's short-number metadata (``PhoneMetadata.short_metadata_for_region(cc)``): the
   well-known general numbers are tried in the order 911, 112, 999, 000, 111 and the first that
   the metadata accepts as an emergency number wins; otherwise the metadata's example number.

Every number of the table is also checked against the metadata (a test does it), so the table
can only choose among numbers libphonenumber already knows to be emergency numbers. A persona's
``emergency_number`` override is checked the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Mapping, Optional

import phonenumbers
from phonenumbers import shortnumberinfo

PREFERRED_NUMBERS: Final = ("911", "112", "999", "000", "111")


@dataclass(frozen=True)
class DialFirst:
    """A reviewed entry: ``number`` is what a child in the country should dial first."""

    number: str
    source: str
    reviewed: str  # YYYY-MM-DD


_EU_SOURCE: Final = (
    "Directive (EU) 2018/1972 (European Electronic Communications Code), Art. 109: 112 is the "
    "single European emergency number in every member state; EU '112 Day' page: "
    "https://latuaeuropavercelli.eu/node/12411 (NL, PT, DK, FI, SE, MT, RO use 112 as their main number)")
EU_MEMBERS: Final = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())

#: The reviewed override table (ISO 3166-1 alpha-2 -> entry).
DIAL_FIRST: Final[Mapping[str, DialFirst]] = {
    **{cc: DialFirst("112", _EU_SOURCE, "2026-12-03") for cc in EU_MEMBERS},
    "GB": DialFirst("999", "Dorset Police, 'In an emergency you should always dial 999' "
                           "(http://www.dorset.police.uk/Default.aspx?page=728); 112 reaches the same "
                           "999 operators", "2026-12-03"),
    "AU": DialFirst("000", "NSW Police, 'Call Triple Zero (000) to report emergencies' "
                           "(https://www.police.nsw.gov.au/?a=6943); 112 on mobiles is redirected to 000",
                    "2026-12-03"),
    "US": DialFirst("911", "911 is the US emergency number (https://www.911.gov, not re-read in review); "
                           "libphonenumber also accepts 112, which children are not taught", "2026-12-03"),
    "CA": DialFirst("911", "911 is Canada's emergency number (CRTC, https://crtc.gc.ca/eng/phone/911/, not "
                           "re-read in review); libphonenumber also accepts 112", "2026-12-03"),
    "MX": DialFirst("911", "Segob: 911 replaces 066/088 nationwide from 9 January 2017 "
                           "(https://etcetera.com.mx/nacional/implementan-a-nivel-nacional-el-911-como-nuevo-nmero-de-emergencia)", "2026-12-03"),
}


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
    reviewed = DIAL_FIRST.get(region)
    if reviewed is not None and is_emergency_number(reviewed.number, region):
        return reviewed.number
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


def dial_first(country: Optional[str]) -> Optional[str]:
    """The number :func:`emergency_number` gives for ``country``, or None (no country, none known)."""
    if not country:
        return None
    try:
        return emergency_number(country)
    except UnknownEmergencyNumber:
        return None


@lru_cache(maxsize=1)
def dial_first_numbers() -> tuple[str, ...]:
    """Every number :func:`dial_first` can give for a region libphonenumber knows, sorted: the
    values the ``dial_first`` slot can take (one emergency reply variation per number)."""
    found = {dial_first(region) for region in phonenumbers.SUPPORTED_SHORT_REGIONS}
    return tuple(sorted(n for n in found if n is not None))


def emergency_numbers(country: str) -> list[str]:
    """Every emergency number of ``country``: the one to dial first, then the others ascending."""
    region = country.upper()
    meta = phonenumbers.PhoneMetadata.short_metadata_for_region(region)
    if meta is None or meta.emergency is None or not meta.emergency.national_number_pattern:
        return []
    pattern = re.compile(meta.emergency.national_number_pattern)
    found: list[str] = []
    for length in sorted(meta.emergency.possible_length or (3,)):
        for n in range(10 ** length):
            candidate = str(n).zfill(length)
            if pattern.fullmatch(candidate) and is_emergency_number(candidate, region):
                found.append(candidate)
    try:
        first: Optional[str] = emergency_number(region)
    except UnknownEmergencyNumber:
        first = None
    if first is not None and first in found:
        found.remove(first)
        found.insert(0, first)
    return found


def emergency_source(country: str) -> str:
    """Where the dial-first number of ``country`` comes from (for the starter directory)."""
    reviewed = DIAL_FIRST.get(country.upper())
    if reviewed is not None:
        return f"reviewed table ({reviewed.reviewed}): {reviewed.source}"
    return "libphonenumber short-number metadata (first of 911, 112, 999, 000, 111 it accepts)"
