from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from core.emergency import is_emergency_number

from referrals import RoutingError, route
from referrals.geo import find_place
from referrals.routing import RoutingIndex, routing_index
from referrals.store import DirectoryStore

from referral_helpers import directory, service

NOON = datetime(2026, 11, 30, 11, 0, tzinfo=timezone.utc)  # Monday 12:00 in Warsaw
NIGHT = datetime(2026, 11, 30, 23, 0, tzinfo=timezone.utc)  # Tuesday 00:00 in Warsaw


def ids(referrals) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.service.id for r in referrals]


# --- the "done when" on the starter data ---------------------------------------------

def test_krakow_14_year_old_abuse_gets_a_polish_service_with_116111(starter_store: DirectoryStore) -> None:
    referrals = route("Kraków", age=14, topics=["abuse"], lang="pl", at=NOON, store=starter_store)
    assert referrals, "no referral"
    first = referrals[0]
    assert first.country == "PL"
    assert first.channel.value == "116111"
    assert "PL" in first.service.countries
    assert all("PL" in r.service.countries for r in referrals)


def test_sevilla_gets_a_spanish_service(starter_store: DirectoryStore) -> None:
    for where in ("Sevilla", "en Sevilla", "in Seville"):
        referrals = route(where, topics=["bullying"], at=NOON, store=starter_store)
        assert referrals and all(r.service.countries == {"ES"} for r in referrals), where
        assert referrals[0].channel.value == "116111"


def test_right_emergency_number_first_for_every_region(starter_store: DirectoryStore) -> None:
    index = routing_index(starter_store)
    regions = sorted(r for r in phonenumbers.SUPPORTED_SHORT_REGIONS if r != "001")
    missing = []
    for region in regions:
        referrals = route(None, country_hint=region, urgent=True, at=NOON, index=index)
        if region not in index.emergency:
            missing.append(region)
            continue
        first = referrals[0]
        assert first.emergency and first.country == region
        assert is_emergency_number(first.channel.value, region), region
        assert all(region in r.service.countries for r in referrals), region
    assert missing == ["GN"]  # libphonenumber has no emergency number for Guinea


def test_nothing_foreign_for_many_places(starter_store: DirectoryStore) -> None:
    for where, country in [("Kraków", "PL"), ("Sevilla", "ES"), ("near Lagos", "NG"), ("Berlin", "DE"),
                           ("Tokyo", "JP"), ("w Hiszpanii", "ES"), ("Buenos Aires", "AR"), ("London", "GB")]:
        for urgent in (False, True):
            referrals = route(where, urgent=urgent, at=NOON, store=starter_store)
            assert referrals, where
            assert all(r.country == country and country in r.service.countries for r in referrals), where


def test_country_without_helpline_falls_back_to_emergency(starter_store: DirectoryStore) -> None:
    referrals = route("Caracas", topics=["abuse"], at=NOON, store=starter_store)
    assert [(r.channel.value, r.emergency) for r in referrals] == [("911", True)]
    assert referrals[0].reason.startswith("fallback")


# --- issue 13: the national child helpline; emergency + child helpline when urgent ----------

@pytest.mark.parametrize("where, lang, first", [
    ("in Leeds", "en", "+448001111"),         # Childline, not 116 111 or 112
    ("w Krakowie", "pl", "116111"),
    ("en Sevilla", "es", None),               # one of Spain's two ANAR numbers
    ("in Chicago", "en", "+18004224453"),     # Childhelp, before the all-ages 988
])
def test_non_urgent_gets_the_national_child_helpline_first(starter_store: DirectoryStore, where: str,
                                                           lang: str, first: str) -> None:
    referrals = route(where, topics=["abuse"], lang=lang, at=NOON, store=starter_store)
    assert referrals and not referrals[0].emergency
    assert referrals[0].service.kind == "child_helpline" and referrals[0].service.child_specific
    if first:
        assert referrals[0].channel.value == first
    assert all(not r.emergency for r in referrals)


@pytest.mark.parametrize("where, emergency, helpline", [
    ("in Leeds", "999", "+448001111"),
    ("w Krakowie", "112", "116111"),
    ("Ciudad de México", "911", None),
    ("in Sydney", "000", "+611800551800"),
])
def test_urgent_gets_emergency_then_child_helpline(starter_store: DirectoryStore, where: str, emergency: str,
                                                   helpline: str) -> None:
    referrals = route(where, topics=["abuse"], urgent=True, at=NOON, store=starter_store, limit=2)
    assert referrals[0].emergency and referrals[0].channel.value == emergency
    if helpline:
        assert len(referrals) == 2 and referrals[1].channel.value == helpline
        assert referrals[1].service.kind == "child_helpline"


# --- ranking rules on a hand-made directory --------------------------------------------------

def make_index(*services) -> RoutingIndex:  # type: ignore[no-untyped-def]
    return RoutingIndex(directory(*services))


def test_urgent_puts_emergency_first() -> None:
    idx = make_index(service("em", kind="emergency", channels=[("phone", "112", None)], topics=("general",)),
                     service("line"))
    assert ids(route("Kraków", urgent=True, at=NOON, index=idx)) == ["em", "line"]
    assert ids(route("Kraków", urgent=False, at=NOON, index=idx)) == ["line"]


def test_hard_filters_active_age_topic() -> None:
    idx = make_index(
        service("teen", minimum_age=13, maximum_age=18),
        service("small", minimum_age=6, maximum_age=12),
        service("closed-down", status="inactive"),
        service("bully", topics=("bullying",)),
        service("general", topics=("general",)),
    )
    got = ids(route("Kraków", age=14, topics=["abuse"], at=NOON, index=idx))
    assert got == ["teen", "general"]
    with pytest.raises(RoutingError):
        route("Kraków", topics=["cooking"], at=NOON, index=idx)
    with pytest.raises(RoutingError):
        route("Kraków", at=datetime(2026, 1, 1), index=idx)


def test_open_now_ranks_before_closed_and_closed_says_when_it_opens() -> None:
    idx = make_index(service("day", hours="Mo-Su 08:00-20:00"), service("night", hours="Mo-Su 20:00-08:00"))
    assert ids(route("Kraków", at=NOON, index=idx)) == ["day", "night"]
    night = route("Kraków", at=NIGHT, index=idx)
    assert ids(night) == ["night", "day"]
    closed = night[1]
    assert closed.open_now is False
    assert closed.opens_at == datetime(2026, 12, 1, 8, 0, tzinfo=ZoneInfo("Europe/Warsaw"))
    assert "opens" in closed.reason


def test_cannot_speak_prefers_chat_and_sms() -> None:
    voice = service("voice", channels=[("phone", "116111", None)])
    chat = service("chat", channels=[("chat", "https://chat.example.org", None)], name="zzz chat")
    idx = make_index(voice, chat)
    assert ids(route("Kraków", at=NOON, index=idx)) == ["voice", "chat"]  # by name when both usable
    silent = route("Kraków", cannot_speak=True, at=NOON, index=idx)
    assert ids(silent) == ["chat", "voice"]
    both = make_index(service("both", channels=[("phone", "116111", None), ("sms", "116111", None)]))
    assert route("Kraków", cannot_speak=True, at=NOON, index=both)[0].channel.type == "sms"
    assert route("Kraków", cannot_speak=False, at=NOON, index=both)[0].channel.type == "phone"


def test_language_child_specific_free_verified_order() -> None:
    from datetime import date

    base = dict(languages=("pl",), child_specific=True, free_of_charge=True, verified=date(2026, 11, 1))
    idx = make_index(
        service("a-english", **{**base, "languages": ("en",)}),
        service("b-adults", **{**base, "child_specific": False}),
        service("c-paid", **{**base, "free_of_charge": False}),
        service("d-old", **{**base, "verified": date(2024, 1, 1)}),
        service("e-best", **base),
    )
    assert ids(route("Kraków", lang="pl", at=NOON, index=idx)) == ["e-best", "d-old", "c-paid", "b-adults", "a-english"]


def test_jurisdiction_national_then_region_then_local_and_distance() -> None:
    krakow_admin1 = find_place("Kraków").admin1  # type: ignore[union-attr]
    idx = make_index(
        service("national"),
        service("malopolska", admin1=krakow_admin1),
        service("mazowsze", admin1="78"),
        service("krk-near", kind="in_person", circle=(50.06, 19.94, 30), location=(50.07, 19.95)),
        service("krk-far", kind="in_person", circle=(50.06, 19.94, 60), location=(50.30, 19.60)),
        service("gdansk-local", kind="in_person", circle=(54.35, 18.65, 30), location=(54.35, 18.65)),
        service("spain", country="ES", zone="Europe/Madrid"),
    )
    got = route("w Krakowie", at=NOON, index=idx)
    assert ids(got) == ["national", "malopolska", "krk-near", "krk-far"]
    assert got[2].distance_km is not None and got[2].distance_km < got[3].distance_km  # type: ignore[operator]
    # a country-level place does not match regional or local services
    assert ids(route("Polska", at=NOON, index=idx)) == ["national"]
    # coordinates work like a place
    assert ids(route((50.06, 19.94), at=NOON, index=idx))[0] == "national"


def test_a_us_state_matches_its_regional_services_not_local_ones() -> None:
    """ "im in texas": national and Texas services; a city's circle is not the whole state."""
    us = {"country": "US", "zone": "America/Chicago"}
    idx = make_index(
        service("us-national", **us),
        service("texas", admin1="TX", **us),
        service("ohio", admin1="OH", **us),
        service("houston-local", kind="in_person", circle=(29.76, -95.37, 30), location=(29.76, -95.37), **us),
    )
    assert ids(route("im in texas", at=NOON, index=idx)) == ["us-national", "texas"]
    assert ids(route("houston texas", at=NOON, index=idx)) == ["us-national", "texas", "houston-local"]


def test_fallback_order_116111_then_child_helpline_then_emergency() -> None:
    em = service("em", kind="emergency", channels=[("phone", "112", None)], topics=("general",))
    helpline = service("ch", kind="child_helpline", channels=[("phone", "800100100", None)], topics=("bullying",))
    line116 = service("116", kind="child_helpline", topics=("bullying",))
    assert ids(route("Kraków", topics=["self_harm"], at=NOON, index=make_index(em, helpline, line116))) == ["116"]
    assert ids(route("Kraków", topics=["self_harm"], at=NOON, index=make_index(em, helpline))) == ["ch"]
    assert ids(route("Kraków", topics=["self_harm"], at=NOON, index=make_index(em))) == ["em"]


def test_unknown_place_without_hint_returns_nothing_and_hint_is_used() -> None:
    idx = make_index(service("pl"))
    assert route("I don't know", at=NOON, index=idx) == []
    assert ids(route("I don't know", country_hint="PL", at=NOON, index=idx)) == ["pl"]
    assert ids(route(None, country_hint="PL", at=NOON, index=idx)) == ["pl"]


def test_hours_unknown_rank_between_open_and_closed() -> None:
    idx = make_index(service("closed", hours="Mo-Su 20:00-08:00"), service("unknown", hours=None),
                     service("open", hours="24/7"))
    got = route("Kraków", at=NOON, index=idx)
    assert ids(got) == ["open", "unknown", "closed"]
    assert got[1].hours_known is False and "hours not known" in got[1].reason
