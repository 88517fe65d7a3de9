"""Issue 13 (session 24): British counties, and a persona's place with a far bigger namesake abroad."""
from datetime import datetime, timezone
from typing import Optional

import pytest

from referrals.geo import UK_AREAS, gazetteer, locate, place_named
from referrals.routing import route
from referrals.store import DirectoryStore

NOON = datetime(2026, 11, 30, 11, 0, tzinfo=timezone.utc)


def _where(text: str, hint: Optional[str], lang: Optional[str]) -> str:
    located = locate(text, hint, lang)
    if located.place is not None:
        return f"{located.place.name}|{located.place.country}|{located.place.kind}"
    if located.ambiguous:
        return "?" + " ".join(p.country for p in located.candidates)
    return "-"


@pytest.mark.parametrize("text, lang", [
    ("she lives in cornwall", "en"),          # the s22 probe: was Cornwall, Ontario's line
    ("she lives in Cornwall", "en"),
    ("im in devon at my nans", "en"),
    ("we live in yorkshire", "en"),
    ("I live in Kent", "en"),
    ("my mate lives in surrey", "en"),        # Surrey, British Columbia is 568,322
    ("i live in norfolk", "en"),              # Norfolk, Virginia, and Norfolk Island
    ("i live in county durham", "en"),
    ("near the isle of wight", "en"),
    ("im in yorkshre", "en"),                 # a typo, inside the persona's country only
    ("we live in highland", "en"),            # the council area, not Highland, California (54,854)
    ("mieszkam w Kornwalii", "pl"),
    ("vivo en Cornualles", "es"),
])
def test_a_british_county_is_in_britain_on_a_british_persona(text: str, lang: str) -> None:
    place = locate(text, "GB", lang).place
    assert place is not None and place.country == "GB" and place.kind == "region", text


@pytest.mark.parametrize("text, lang", [
    ("my friend lives in cornwall", "en"),
    ("my friend lives in Kent", "en"),
    ("kumpela mieszka w Kornwalii", "pl"),
    ("mi prima vive en Surrey", "es"),
])
def test_a_british_county_is_in_britain_on_a_european_persona(text: str, lang: str) -> None:
    place = locate(text, "PL", lang).place
    assert place is not None and place.country == "GB", text


@pytest.mark.parametrize("text, lang, expected", [
    ("I live in Cornwall", "en", "?GB CA"),   # Cornwall, Ontario (48,821) is capitalised: asked, Britain first
    ("i live in Kent", "en", "?GB US"),       # Kent, Washington
    ("i live in surrey", "en", "?GB CA"),
    ("vivo en Cornwall", "es", "?GB CA"),
    ("mieszkam w Surrey", "pl", "?GB CA"),
    ("im in Highland", "en", "?GB US"),
    ("i live in devon", "en", "Devon|GB|region"),         # no namesake: no question
    ("i live in yorkshire", "en", "Yorkshire|GB|region"),
    ("i live in cornwall", "en", "Cornwall|GB|region"),   # a town under 50,000 in lower case is no rival
])
def test_a_british_county_with_no_persona_country_is_asked_about_when_a_real_namesake_exists(
        text: str, lang: str, expected: str) -> None:
    assert _where(text, None, lang) == expected


def test_a_typo_of_a_county_is_never_placed_abroad_or_without_the_persona_country() -> None:
    assert _where("im in yorkshre", "PL", "en") == "-"
    assert _where("im in yorkshre", None, "en") == "-"
    assert _where("she lives in cornwal", "GB", "en") == "Cornwall|GB|region"


@pytest.mark.parametrize("text", ["the boss is down", "im going down to devon later", "i sent it in kent",
                                  "kent is my favourite character", "in my fife"])
def test_county_names_need_a_cue_and_ordinary_words_are_no_county(text: str) -> None:
    located = locate(text, "GB", "en")
    assert located.place is None or located.place.kind != "region", text


def test_a_county_sets_the_name_before_it_in_britain() -> None:
    """ "Boston, Lincolnshire", "Perth, Perthshire": the county settles which one."""
    assert _where("im in boston, lincolnshire", None, "en") == "Boston|GB|city"
    assert _where("perth perthshire", None, "en") == "Perth|GB|city"
    assert _where("truro cornwall", "PL", "en") == "Truro|GB|city"


def test_every_county_is_indexed_anchored_in_its_nation_and_confirmable() -> None:
    gaz = gazetteer()
    for key, (nation, _) in UK_AREAS.items():
        places = [p for p in gaz.names.get(key, ()) if p.country == "GB"]
        assert places, key
        if places[0].kind == "city":
            continue  # a town of the name ("durham") is meant
        area = places[0]
        assert area in gaz.areas and area.admin1 == nation, key
        assert 49.8 < area.lat < 61 and -8.7 < area.lon < 2, key
        # "yes" to "Cornwall in the United Kingdom?" confirms exactly it
        assert place_named(area.name, "GB") == area, key


def test_a_county_routes_to_the_british_child_helpline(starter_store: DirectoryStore) -> None:
    for text in ("she lives in cornwall", "im in fife", "i live in county down", "we live in powys"):
        place = locate(text, "GB", "en").place
        refs = route(place, topics=["abuse"], lang="en", at=NOON, store=starter_store)
        assert refs and refs[0].channel.value == "+448001111" and all(r.country == "GB" for r in refs), text


@pytest.mark.parametrize("name", ["Birmingham", "Cambridge", "London", "Manchester", "Perth", "Worcester",
                                  "Lincoln", "York", "Plymouth", "Gloucester"])
def test_a_british_persona_settles_where_its_place_is_the_big_or_well_known_one(name: str) -> None:
    place = locate(f"i live in {name}", "GB", "en").place
    assert place is not None and place.country == "GB", name


@pytest.mark.parametrize("text, hint, lang, country", [
    ("vivo en Valencia", "PL", "es", "ES"),   # Venezuela's is 1.96 times Spain's
    ("vivo en Valencia", "ES", "es", "ES"),
    ("vivo en salamanca", "PL", "es", "ES"),
    ("vivo en León", "PL", "es", "ES"),
    ("vivo en toledo", "PL", "es", "ES"),     # Toledo, Ohio speaks English: no rival for a Spanish child
    ("mieszkam w Krakowie", "PL", "pl", "PL"),
    ("I live in Kraków", "GB", "en", "PL"),
])
def test_settled_where_no_place_speaking_the_childs_language_is_far_bigger(text: str, hint: str, lang: str,
                                                                        country: str) -> None:
    place = locate(text, hint, lang).place
    assert place is not None and place.country == country, text
