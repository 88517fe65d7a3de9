"""Session 27, fixer place round 2 (the adversarial review of 164c064): a country settles an ambiguous place
name only when it is attached to the place, the ten-times winner needs no capital, lower-case country and
state names after the city, the plain bot and the Polish shop settle on a big city of the home continent.
Targets fail on 164c064; near misses keep the reading the name has alone (every line written for these tests
or taken from the review's probes)."""
from typing import Optional

import pytest

from actions.wording import country_phrase
from referral_helpers import located_as
from referrals.geo import locate


# --- 1. a country elsewhere in the message (another person's, where one comes from) settles nothing ------
@pytest.mark.parametrize("text, alone, hint, lang", [
    ("my dad lives in england but i live in boston", "i live in boston", None, "en"),
    ("i live in perth, im from scotland", "i live in perth", None, "en"),
    ("i live in perth, im from scotland", "i live in perth", "PL", "en"),
    ("vivo en cordoba pero naci en argentina", "vivo en cordoba", None, "es"),
    ("vivo en cordoba pero naci en argentina", "vivo en cordoba", "PL", "es"),
    ("vivo en cordoba, mi papa esta en españa", "vivo en cordoba", None, "es"),
    ("vivo en cordoba desde que vine de españa", "vivo en cordoba", None, "es"),
    ("vivo en cordoba, me mude de españa", "vivo en cordoba", None, "es"),
    ("estoy en Córdoba, soy de España", "estoy en Córdoba", None, "es"),
])
def test_a_country_not_attached_to_the_place_settles_nothing(text: str, alone: str, hint: Optional[str],
                                                             lang: str) -> None:
    assert located_as(text, hint, lang) == located_as(alone, hint, lang), text
    assert located_as(text, hint, lang).startswith("?"), text


@pytest.mark.parametrize("text, hint, lang, country", [
    # a country right after the place, also after "in" / "en" (and "the")
    ("my dad hits me, i live in boston in england", None, "en", "GB"),
    ("i live in perth, scotland", None, "en", "GB"),
    ("i live in perth in scotland", None, "en", "GB"),
    ("vivo en cordoba argentina", None, "es", "AR"),
    ("vivo en córdoba en argentina", None, "es", "AR"),
    ("vivo en córdoba en argentina", "PL", "es", "AR"),
    ("estoy en España, en Córdoba", None, "es", "ES"),
    # 5. lower-case country names and Australian / US states
    ("i live in boston in the us", None, "en", "US"),
    ("i live in boston usa", None, "en", "US"),
    ("im in boston in the states", None, "en", "US"),
    ("i live in boston in the united states", None, "en", "US"),
    ("we live in eindhoven in the netherlands", None, "en", "NL"),
    ("i live in boston, massachusetts", None, "en", "US"),
    ("i live in boston massachusetts", None, "en", "US"),
    ("i live in perth in western australia", None, "en", "AU"),
    ("i live in perth in oz", None, "en", "AU"),
    ("i live in boston in the uk", None, "en", "GB"),
    ("i live in newcastle nsw", "GB", "en", "AU"),
    ("i live in newcastle in australia", "GB", "en", "AU"),
])
def test_a_country_attached_to_the_place_settles_it(text: str, hint: Optional[str], lang: str, country: str) -> None:
    assert located_as(text, hint, lang) == country, text


@pytest.mark.parametrize("text, hint, lang, expected", [
    ("he hits us in boston", None, "en", "?US GB"),    # "us" alone is no country
    ("i live in boston with my dad", None, "en", "?US GB"),
    ("vivo en cordoba con mi madre en casa", None, "es", "?AR ES MX"),
])
def test_words_after_the_place_that_are_no_country_keep_it_asked(text: str, hint: Optional[str], lang: str,
                                                                 expected: str) -> None:
    assert located_as(text, hint, lang) == expected, text


# --- 2. ten times every other and no namesake on the continent: no capital needed ------------------------
@pytest.mark.parametrize("text, hint, lang, country", [
    ("i live in melbourne", None, "en", "AU"),
    ("vivo en trujillo", None, "es", "PE"),
    ("vivo en Trujillo", "PL", "es", "PE"),
    ("i live in melbourne", "PL", "en", "AU"),
])
def test_ten_times_every_other_wins_without_being_a_capital(text: str, hint: Optional[str], lang: str,
                                                            country: str) -> None:
    assert located_as(text, hint, lang) == country, text


@pytest.mark.parametrize("text, hint, lang, first", [
    ("i live in boston", None, "en", "?US GB"),    # Lincolnshire's is on the language's home continent
    ("i live in perth", None, "en", "?AU GB"),
    ("i live in Boston", "PL", "en", "?US GB"),
])
def test_ten_times_bigger_with_a_namesake_near_is_still_asked(text: str, hint: Optional[str], lang: str,
                                                              first: str) -> None:
    assert located_as(text, hint, lang) == first, text


# --- 6. a big city of the home continent on the plain bot / a European persona ---------------------------
@pytest.mark.parametrize("text, hint, lang, country", [
    ("en zaragoza", "PL", "es", "ES"),       # Tijuana has "Zaragoza" only as an alternate name
    ("en zaragoza", None, "es", "ES"),
    ("en granada", None, "es", "ES"),        # Nicaragua's and Colombia's together are smaller
    ("vivo en barcelona", None, "es", "ES"),
    ("vivo en pamplona", None, "es", "ES"),
    ("vivo en cadiz", None, "es", "ES"),     # the Philippines' speaks another language
    ("i live in manchester", None, "en", "GB"),
    ("i live in bristol", None, "en", "GB"),
    ("i live in aberdeen", None, "en", "GB"),
])
def test_a_big_city_of_the_home_continent_settles_it(text: str, hint: Optional[str], lang: str,
                                                    country: str) -> None:
    assert located_as(text, hint, lang) == country, text


@pytest.mark.parametrize("text, hint, lang, expected", [
    ("i live in Cambridge", None, "en", "?GB CA US"),      # Canada's and the US's together are bigger
    ("vivo en Valencia", None, "es", "?VE ES"),           # Venezuela's is bigger
    ("vivo en cordoba", None, "es", "?AR ES MX"),
    ("vivo en Mérida", None, "es", "?MX VE ES"),
])
def test_a_home_city_outgrown_abroad_is_still_asked(text: str, hint: Optional[str], lang: str,
                                                   expected: str) -> None:
    assert located_as(text, hint, lang).startswith(expected), text


# --- 7. "the" where English needs it -----------------------------------------------------------------------
def test_english_country_names_take_the_where_english_needs_it() -> None:
    assert country_phrase("US", "en") == "the United States"
    assert country_phrase("GB", "en") == "the United Kingdom"
    assert country_phrase("NL", "en") == "the Netherlands"
    assert country_phrase("ES", "en") == "Spain"
    assert country_phrase("AU", "en") == "Australia"
    assert country_phrase("US", "es") == "Estados Unidos"
    assert country_phrase("GB", "pl") == "Wielka Brytania"


# --- round 3: a US state (postal code or name) right after the name never lets Britain's win by size -----
@pytest.mark.parametrize("text, state", [
    ("i live in reading, pa", "PA"),
    ("i live in reading pa", "PA"),
    ("i live in birmingham al", "AL"),
    ("i live in birmingham, al", "AL"),
    ("i live in manchester nh", "NH"),
    ("i live in bristol tn", "TN"),
    ("i live in bristol, ct", "CT"),
    ("i live in aberdeen sd", "SD"),
    ("reading pa", "PA"),
])
def test_a_us_state_code_after_the_name_settles_it_in_that_state(text: str, state: str) -> None:
    located = locate(text, None, "en")
    assert located.place is not None and (located.place.country, located.place.admin1) == ("US", state), text


@pytest.mark.parametrize("text", [
    "i live in reading, tx",  # no Reading in Texas: asked, never the UK by size
    "i live in bristol texas",
    "i live in manchester ny",
])
def test_a_us_state_without_the_place_keeps_it_asked(text: str) -> None:
    assert located_as(text, None, "en") == "?US GB", text


@pytest.mark.parametrize("text, where", [
    ("i live in reading", "GB"),  # (near misses: the round-2 home-city rule stands)
    ("i live in manchester", "GB"),
    ("i live in birmingham in a flat", "GB"),  # "in" is no state here
    ("i live in manchester in england", "GB"),
    ("i live in birmingham alabama", "US"),
])
def test_a_home_city_without_a_state_after_it_keeps_its_reading(text: str, where: str) -> None:
    assert located_as(text, None, "en") == where, text


def test_a_state_code_is_read_in_english_only() -> None:
    assert located_as("mieszkam w Birmingham al", "PL", "pl") == located_as("mieszkam w Birmingham", "PL", "pl")
