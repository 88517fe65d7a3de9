"""The shipped starter data: every phone checked against libphonenumber, nothing invented."""
from datetime import date

import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from referrals.data.build_starter import EU_MEMBERS, build, emergency_numbers
from referrals.io import validate_file
from referrals.data.build_starter import STARTER_DIR
from referrals.starter import load_starter

STARTER = load_starter()


def test_starter_package_is_valid_and_marked() -> None:
    problems = validate_file(STARTER_DIR)
    assert [p for p in problems if p.severity == "error"] == []
    for s in STARTER.services.values():
        assert s.starter is True
        assert s.source and s.verified is not None
        assert s.status == "active"


def test_every_shipped_phone_is_valid_for_its_region() -> None:
    checked = 0
    for s in STARTER.services.values():
        (region,) = s.countries
        for ch in s.channels:
            assert ch.type == "phone"
            if s.kind == "emergency":
                assert shortnumberinfo.is_emergency_number(ch.value, region), (region, ch.value)
            else:
                number = phonenumbers.parse(ch.value, region)
                assert shortnumberinfo.is_valid_short_number_for_region(number, region), (region, ch.value)
            checked += 1
    assert checked > 500


def test_emergency_service_for_every_region_libphonenumber_knows() -> None:
    regions = {r for r in phonenumbers.SUPPORTED_SHORT_REGIONS if r != "001"}
    with_emergency = {next(iter(s.countries)) for s in STARTER.services.values() if s.kind == "emergency"}
    assert regions - with_emergency == {"GN"}  # no emergency metadata for Guinea
    assert with_emergency <= regions


def test_primary_emergency_number_agrees_with_the_persona_reply() -> None:
    emergency = pytest.importorskip("core.emergency")
    for s in STARTER.services.values():
        if s.kind == "emergency":
            (region,) = s.countries
            assert s.channels[0].value == emergency.emergency_number(region), region


def test_well_known_numbers() -> None:
    first = {next(iter(s.countries)): s.channels[0].value for s in STARTER.services.values() if s.kind == "emergency"}
    assert (first["PL"], first["ES"], first["US"], first["DE"]) == ("112", "112", "911", "112")
    assert "997" in emergency_numbers("PL") and "999" in emergency_numbers("PL")


def test_116111_only_where_valid_and_eu_source_only_for_members() -> None:
    lines = [s for s in STARTER.services.values() if s.kind == "child_helpline"]
    regions = {next(iter(s.countries)) for s in lines}
    valid = {r for r in phonenumbers.SUPPORTED_SHORT_REGIONS if r != "001"
             and shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse("116111", r), r)}
    assert regions == valid
    assert {"PL", "ES", "DE", "FR", "GB"} <= regions
    for s in lines:
        (region,) = s.countries
        assert [c.value for c in s.channels] == ["116111"]
        assert s.schedules == [] and s.channels[0].schedules == []  # hours are not known: none claimed
        assert ("2007/116/EC" in s.source and "not covered" not in s.source) == (region in EU_MEMBERS)


def test_builder_reproduces_the_shipped_data() -> None:
    verified = next(iter(STARTER.services.values())).verified
    rebuilt = build(verified)  # type: ignore[arg-type]
    assert sorted(rebuilt.services) == sorted(STARTER.services)
    for sid, s in rebuilt.services.items():
        shipped = STARTER.services[sid]
        assert [c.value for c in s.channels] == [c.value for c in shipped.channels], sid
        assert (s.time_zone, s.source, s.topics) == (shipped.time_zone, shipped.source, shipped.topics), sid
