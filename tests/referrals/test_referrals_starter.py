"""The shipped starter data: every phone checked against libphonenumber, nothing invented."""
from datetime import date

import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from core.emergency import EU_MEMBERS, emergency_number, emergency_numbers, is_emergency_number
from referrals.data.build_starter import build, build_with_report
from referrals.data.child_helplines import ID_PREFIX, REPORT, SOURCE_CSV, VERIFY, digits
from referrals.io import validate_file
from referrals.phones import normalize_phone
from referrals.data.build_starter import STARTER_DIR
from referrals.starter import load_starter

STARTER = load_starter()


def test_starter_package_is_valid_and_marked() -> None:
    problems = validate_file(STARTER_DIR)
    assert [p for p in problems if p.severity == "error"] == []
    for s in STARTER.services.values():
        assert s.starter is True
        assert s.status == "active"
        if s.id.startswith(ID_PREFIX):  # copied from a public page: its date is in the source
            assert s.verified is None and VERIFY in s.source and "quote:" in s.source and "page dated" in s.source
        else:
            assert s.source and s.verified is not None


def test_every_shipped_phone_is_valid_for_its_region() -> None:
    checked = 0
    for s in STARTER.services.values():
        (region,) = s.countries
        for ch in s.channels:
            if ch.type == "chat":
                assert s.id.startswith(ID_PREFIX) and ch.value.startswith("https://")
                continue
            assert ch.type == "phone"
            if s.id.startswith(ID_PREFIX):
                assert normalize_phone(ch.value, region) == ch.value, (region, ch.value)
            elif s.kind == "emergency":
                assert is_emergency_number(ch.value, region), (region, ch.value)
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
    for s in STARTER.services.values():
        if s.kind == "emergency":
            (region,) = s.countries
            assert s.channels[0].value == emergency_number(region), region


def test_well_known_numbers() -> None:
    first = {next(iter(s.countries)): s.channels[0].value for s in STARTER.services.values() if s.kind == "emergency"}
    assert (first["PL"], first["ES"], first["US"], first["DE"]) == ("112", "112", "911", "112")
    assert (first["GB"], first["AU"], first["MX"], first["NL"], first["IE"]) == ("999", "000", "911", "112", "112")
    assert "997" in emergency_numbers("PL") and "999" in emergency_numbers("PL")


def test_116111_only_where_valid_and_no_sourced_child_helpline() -> None:
    lines = [s for s in STARTER.services.values() if s.id.startswith("starter-116111-")]
    regions = {next(iter(s.countries)) for s in lines}
    sourced = {next(iter(s.countries)) for s in STARTER.services.values()
               if s.id.startswith(ID_PREFIX) and s.kind == "child_helpline"}
    valid = {r for r in phonenumbers.SUPPORTED_SHORT_REGIONS if r != "001"
             and shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse("116111", r), r)}
    assert regions == valid - sourced
    assert {"PL", "ES", "DE", "GB"} <= sourced and "GG" in regions
    for s in lines:
        (region,) = s.countries
        assert [c.value for c in s.channels] == ["116111"]
        assert s.schedules == [] and s.channels[0].schedules == []  # hours are not known: none claimed
        assert ("2007/116/EC" in s.source and "not covered" not in s.source) == (region in EU_MEMBERS)


def test_builder_reproduces_the_shipped_data() -> None:
    verified = next(s for s in STARTER.services.values() if s.verified).verified
    rebuilt = build(verified)  # type: ignore[arg-type]
    assert sorted(rebuilt.services) == sorted(STARTER.services)
    for sid, s in rebuilt.services.items():
        shipped = STARTER.services[sid]
        assert [c.value for c in s.channels] == [c.value for c in shipped.channels], sid
        assert (s.time_zone, s.source, s.topics) == (shipped.time_zone, shipped.source, shipped.topics), sid


# --- national child helplines (issue 13) ---------------------------------------------------------

def test_every_csv_row_is_reported_and_nothing_dropped_silently() -> None:
    import csv

    with SOURCE_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with REPORT.open(encoding="utf-8") as f:
        report = list(csv.DictReader(f))
    assert [int(r["row"]) for r in report] == list(range(1, len(rows) + 1))
    assert {r["outcome"] for r in report} == {"imported", "failed validation", "excluded"}
    for r, src in zip(report, rows):
        assert (r["country"], r["phone"]) == (src["country_iso2"], src["phone"])
        if r["outcome"] == "imported":
            assert r["service_id"] in STARTER.services
        else:
            assert r["detail"]
    imported = {r["service_id"] for r in report if r["outcome"] == "imported"}
    assert imported == {sid for sid in STARTER.services if sid.startswith(ID_PREFIX)}


def test_failed_rows_really_fail_libphonenumber() -> None:
    import csv

    with REPORT.open(encoding="utf-8") as f:
        failed = [r for r in csv.DictReader(f) if r["outcome"] == "failed validation"]
    assert len(failed) > 40
    for r in failed:
        with pytest.raises(ValueError):
            normalize_phone(r["phone"], r["country"])


def test_the_report_is_what_the_builder_writes() -> None:
    import csv

    verified = next(s for s in STARTER.services.values() if s.verified).verified
    _, report = build_with_report(verified)  # type: ignore[arg-type]
    with REPORT.open(encoding="utf-8") as f:
        shipped = [list(r.values()) for r in csv.DictReader(f)]
    assert [r.as_list() for r in report] == shipped


@pytest.mark.parametrize("country, number, name", [
    ("GB", "+448001111", "Childline"),
    ("PL", "116111", "Telefon Zaufania dla Dzieci i Młodzieży 116 111"),
    ("ES", "+34900202010", "Teléfono ANAR de Ayuda a Niños y Adolescentes"),
    ("US", "+18004224453", "Childhelp National Child Abuse Hotline"),
])
def test_named_child_helplines_are_imported(country: str, number: str, name: str) -> None:
    found = [s for s in STARTER.services.values() if s.id.startswith(ID_PREFIX) and country in s.countries
             and s.kind == "child_helpline" and s.channels[0].value == number]
    assert [s.name for s in found] == [name]
    assert found[0].child_specific and VERIFY in found[0].source


def test_general_lines_are_not_child_helplines() -> None:
    s = STARTER.services[f"{ID_PREFIX}us-988"]
    assert (s.kind, s.child_specific, s.topics) == ("helpline", False, ("general",))
    assert digits("1-800-422-4453") == "18004224453"
