"""Session 28, fixer route (docs/referrals.md, "How a child is routed"): a US state's postal code after a city
name settles the United States also when the gazetteer has no city of the name in that state ("london, ky":
London, Kentucky has 8,000 people) — the state itself, never Britain's London by size; a code that is an
ordinary word ("ok", "la", "me") counts only in capitals, after a comma (not the English words: "london, ok" is
"okay"), or when the US has a city of the name in that state. The targets fail on main (dc71526); the
neighbours are measured on main and pinned. Every line was written for these tests."""
from typing import Optional

import pytest

from referral_helpers import located_as
from referrals.geo import locate


# --- targets: a state code after a name the US lacks in that state ---------------------------------------
@pytest.mark.parametrize("text, hint, state", [
    ("i live in london, ky", None, "KY"),
    ("London, KY", None, "KY"),
    ("london ky", "GB", "KY"),  # (no word: no comma needed)
    ("im in london, ky", "PL", "KY"),
    ("i live in london OK", None, "OK"),  # a word, in capitals
    ("london, NY", None, "NY"),  # a state the index keeps only as its big city's name
])
def test_a_us_state_code_after_a_name_settles_the_state(text: str, hint: Optional[str], state: str) -> None:
    place = locate(text, hint, "en").place
    assert place is not None, text
    assert (place.country, place.kind, place.admin1) == ("US", "region", state), text


# --- neighbours (measured on main, unchanged) --------------------------------------------------------------
@pytest.mark.parametrize("text, hint, want", [
    # a code that is an English word, in lower case: a word, also after a comma ("ok" is "okay")
    ("i live in london ok", None, "GB"),
    ("im in london, ok", None, "GB"),
    ("i live in london, ok?", "GB", "GB"),
    ("im in london hi", None, "GB"),
    ("im in london me and my mum", None, "GB"),
    ("im in london in england", None, "GB"),
    # a US city of the name in that state settles it, in lower case too
    ("birmingham al", "GB", "US"),
    ("i live in birmingham al", "PL", "US"),
    ("i live in paris tx", None, "US"),
    ("paris, tx", "PL", "US"),
    ("i live in dover de", None, "US"),
    ("i live in portland me", None, "US"),
    ("i live in reading, pa", None, "US"),
    # a word code in lower case without a comma and no such city: asked, as on main (never the state itself)
    ("i live in paris la", None, "?US FR"),
    # no code at all
    ("i live in london", None, "GB"),
    ("london", "GB", "GB"),
])
def test_neighbours_of_the_state_code_keep_their_reading(text: str, hint: Optional[str], want: str) -> None:
    assert located_as(text, hint, "en") == want, text


def test_a_word_code_after_a_comma_or_in_capitals_keeps_a_name_the_us_has_asked() -> None:
    # "paris, la" / "paris LA": Paris, Texas is the US's; no Paris in Louisiana: asked, the US first (as "reading, tx"
    # is, tests/referrals/test_referrals_geo_s27_review.py), never France's by size; on main France's
    for text in ("i live in paris, la", "i live in paris LA"):
        assert located_as(text, None, "en") == "?US FR", text


def test_the_state_code_is_read_in_english_only() -> None:
    # (unchanged: "pa" is Polish "bye", "la" / "de" Spanish words)
    assert located_as("mieszkam w londynie, pa", "PL", "pl") == "GB"
    assert located_as("vivo en paris, la", None, "es") == "FR"


def test_an_english_word_code_counts_when_the_us_has_the_city_in_that_state() -> None:
    # "oh" is Ohio after Athens (Athens, Ohio, is in the gazetteer); on main it was no code and the name was asked
    assert located_as("i live in athens oh", None, "en") == "US"
    assert locate("i live in athens, OH", None, "en").place.admin1 == "OH"
