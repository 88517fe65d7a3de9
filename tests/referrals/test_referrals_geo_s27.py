"""Issue 13 (session 27): a name that cities in several countries speaking the child's language share
is asked about, unless the conversation's country, its continent or a principal city settles it
(referrals/geo.py ``_by_language``). Targets fail on main 5be2041; near misses keep main's reading."""
from typing import Optional

import pytest

from referral_helpers import located_as
from referrals.geo import locate


@pytest.mark.parametrize("text, hint, lang, first, among", [
    # the plain bot: the biggest is not on the language's home continent and no principal city
    ("i live in boston", None, "en", "US", "GB"),     # Boston, Lincolnshire (45,000), in lower case too
    ("my stepdad hits me. i live in Perth", None, "en", "AU", "GB"),  # Perth, Scotland
    ("i live in Cambridge", None, "en", "GB", "CA"),  # Britain's is not ten times Canada's
    ("vivo en Guadalajara", None, "es", "MX", "ES"),
    ("vivo en Valencia", None, "es", "VE", "ES"),
    # the Polish shop: the only one on its continent is outgrown three times by one abroad
    ("in Hamilton", "PL", "en", "GB", "CA"),          # Canada's is 10.5 times Scotland's
    ("richmond", "PL", "en", "GB", "US"),
    ("vivo en cordoba", "PL", "es", "ES", "AR"),      # Argentina's is 6.5 times Spain's
    ("vivo en Mérida", "PL", "es", "ES", "MX"),
    ("vivo en Córdoba", "GB", "es", "ES", "AR"),
    # the British bot: its place has the name only as a short name, a bigger one abroad as its own
    # (s27 review: Britain's first, "Newcastle in the UK?")
    ("newcastle", "GB", "en", "GB", "AU"),
])
def test_asked_about_once_with_the_candidates_countries(text: str, hint: Optional[str], lang: str, first: str,
                                                        among: str) -> None:
    located = locate(text, hint, lang)
    countries = [p.country for p in located.candidates]
    assert located.place is None and countries[0] == first and among in countries, countries
    assert len(set(countries)) == len(countries)


@pytest.mark.parametrize("text, hint, lang, country", [
    # a principal city (capital or biggest) ten times each other of the language, nothing near
    ("im in london", None, "en", "GB"),
    ("i live in sydney", None, "en", "AU"),
    ("im in Dublin", None, "en", "IE"),
    ("vivo en lima", None, "es", "PE"),
    ("vivo en Madrid", None, "es", "ES"),
    # the plain bot: on the language's home continent and ten times each other
    ("Swansea", None, "en", "GB"),
    ("estoy en Malaga", None, "es", "ES"),
    ("im in derry", None, "en", "GB"),               # Derry, New Hampshire (33,000, far): no rival in lower case
    ("were in coventry", None, "en", "GB"),
    # the Polish shop: the only one on its continent, not outgrown three times
    ("Birmingham", "PL", "en", "GB"),
    ("vivo en Sevilla", "PL", "es", "ES"),
    ("vivo en Valencia", "PL", "es", "ES"),          # Venezuela's is 1.96 times Spain's
    ("vivo en Salamanca", "PL", "es", "ES"),
    ("I live in Newcastle", "PL", "en", "GB"),       # Australia's is 1.7 times Britain's
    # the British bot: its own-name place wins (issue 13: the persona's country)
    ("yeah nobody is looking, im in Perth", "GB", "en", "GB"),
    ("i live in boston", "GB", "en", "GB"),
    ("im in hull", "GB", "en", "GB"),
    ("hull", "CA", "en", "CA"),
    # a country the child named settles it: in the same message, or before (slot ``country``)
    ("i live in perth in scotland", None, "en", "GB"),
    ("estoy en España, en Córdoba", "PL", "es", "ES"),
    # Polish children: Polish is Poland's only; unchanged
    ("mieszkam w Toruniu", "PL", "pl", "PL"),
    ("mieszkam w Krakowie", None, "pl", "PL"),
])
def test_settled_at_once(text: str, hint: Optional[str], lang: str, country: str) -> None:
    assert located_as(text, hint, lang) == country, text


def test_a_country_the_child_named_settles_the_short_name() -> None:
    assert located_as("newcastle", "GB", "en", settled=True) == "GB"
    assert located_as("newcastle", "GB", "en") == "?GB AU"


@pytest.mark.parametrize("text, lang, expected", [
    ("mieszkam w Bostonie", "pl", "?US GB"),   # (main: asked, Lincolnshire's is in Europe)
    ("i live in Paris", "en", "FR"),           # one English-speaking Paris only: the far bigger one wins
    ("vivo en Los Angeles", "es", "US"),       # the biggest speaks English: the language rule does not apply
])
def test_names_outside_the_language_rule_keep_mains_reading(text: str, lang: str, expected: str) -> None:
    assert located_as(text, None if lang != "pl" else "PL", lang) == expected
