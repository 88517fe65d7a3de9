import csv
import json
from datetime import date
from pathlib import Path

import pytest

from referrals.errors import ImportError_, ValidationError
from referrals.io import check_file, export_package, read_file, validate_file
from referrals.model import Directory
from referrals.store import DirectoryStore

TODAY = date(2026, 11, 28)
HEADER = ["organization", "service", "country", "region", "time_zone", "phone", "sms", "chat", "hours",
          "chat_hours", "minimum_age", "maximum_age", "topics", "languages", "free", "child_specific",
          "kind", "latitude", "longitude", "radius_km", "address", "city", "source", "verified"]
GOOD = [
    ["Fundacja Test", "Telefon zaufania", "PL", "", "Europe/Warsaw", "116 111", "", "https://chat.example.org",
     "24/7", "Mo-Fr 08:00-20:00", "6", "18", "abuse, bullying, self-harm", "pl, en", "yes", "yes",
     "child_helpline", "", "", "", "", "", "partner list 2026", "2026-11-01"],
    ["Fundacja Test", "Punkt interwencji", "PL", "77", "Europe/Warsaw", "+48 12 421 92 82", "", "", "Mo-Fr 09:00-17:00",
     "", "", "", "domestic violence", "pl", "true", "false", "in_person", "50.06", "19.94", "25",
     "ul. Przykładowa 1", "Kraków", "partner list 2026", "2026-10-01"],
    ["Fundación Prueba", "Línea infancia", "ES", "", "Europe/Madrid", "116111", "", "", "24/7", "", "", "17",
     "general", "es", "sí", "sí", "child_helpline", "", "", "", "", "", "partner list 2026", "2026-09-01"],
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def canonical(d: Directory) -> dict:
    """A comparable form of a directory (order of sub-lists does not matter)."""
    out = {"organizations": {k: vars(v) for k, v in sorted(d.organizations.items())}, "services": {}}
    for sid, s in sorted(d.services.items()):
        data = {k: v for k, v in vars(s).items() if k not in ("channels", "areas", "locations", "schedules")}
        data["channels"] = sorted(
            (c.id, c.type, c.value, c.description, c.languages,
             tuple(sorted((x.id, x.byday, x.opens, x.closes) for x in c.schedules))) for c in s.channels)
        data["areas"] = sorted(tuple(sorted(vars(a).items())) for a in s.areas)
        data["locations"] = sorted(tuple(sorted(vars(x).items())) for x in s.locations)
        data["schedules"] = sorted((x.id, x.byday, x.opens, x.closes) for x in s.schedules)
        out["services"][sid] = data
    return out


def test_sheet_csv_imports_with_normalised_values(tmp_path: Path) -> None:
    d = read_file(write_csv(tmp_path / "list.csv", GOOD), today=TODAY)
    assert len(d.services) == 3 and len(d.organizations) == 2
    s = d.services["pl-fundacja-test-telefon-zaufania"]
    assert s.topics == ("abuse", "bullying", "self_harm")
    assert s.languages == ("pl", "en")
    assert (s.minimum_age, s.maximum_age, s.free_of_charge, s.child_specific) == (6, 18, True, True)
    assert [(c.type, c.value) for c in s.channels] == [("phone", "116111"), ("chat", "https://chat.example.org")]
    assert [(x.byday[0], x.opens, x.closes) for x in s.channels[1].schedules] == [("MO", 480, 1200)]
    local = d.services["pl-fundacja-test-punkt-interwencji-77"]
    assert local.channels[0].value == "+48124219282"
    assert local.areas[0].scope == "local" and local.areas[0].radius_km == 25
    assert local.locations[0].city == "Kraków"


def test_sheet_xlsx_reads_like_csv(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in GOOD:
        ws.append([int(v) if v.isdigit() and len(v) < 3 else v for v in row])
    wb.save(tmp_path / "list.xlsx")
    from_xlsx = read_file(tmp_path / "list.xlsx", today=TODAY)
    from_csv = read_file(write_csv(tmp_path / "list.csv", GOOD), today=TODAY)
    assert canonical(from_xlsx) == canonical(from_csv)


@pytest.mark.parametrize(
    "column, value, field, message",
    [
        ("phone", "123", "value", "not a valid short number in PL"),
        ("phone", "+34 600 000 00", "value", "not a valid phone number"),
        ("topics", "abuse, cooking", "topics", "unknown topic 'cooking'"),
        ("hours", "Mo-Fr 8-20", "hours", "not like 'Mo-Fr 08:00-20:00'"),
        ("time_zone", "", "time_zone", "time zone is missing"),
        ("time_zone", "Europe/Krakow", "time_zone", "unknown IANA time zone"),
        ("country", "XX", "country", "not an ISO 3166-1"),
        ("minimum_age", "ten", "minimum_age", "not a whole number"),
        ("chat", "http://insecure.example.org", "value", "must be an https:// address"),
        ("verified", "2026-13-01", "verified", "not a date"),
        ("free", "maybe", "free", "not true/false"),
        ("topics", "", "topics", "is required"),  # docs/referrals.md: required (was silently accepted)
    ],
)
def test_bad_values_are_reported_with_file_row_field(tmp_path: Path, column: str, value: str, field: str, message: str) -> None:
    rows = [list(r) for r in GOOD]
    rows[1][HEADER.index(column)] = value
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ValidationError) as err:
        read_file(path, today=TODAY)
    problems = [(p.file, p.row, p.field) for p in err.value.problems]
    assert ("bad.csv", 3, field) in problems, err.value.problems
    assert any(message in p.message for p in err.value.problems), err.value.problems
    assert str(err.value).count("bad.csv:3") >= 1


def test_missing_and_unknown_columns(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "time_zone"] + ["colour"]
    rows = [[v for h, v in zip(HEADER, r) if h != "time_zone"] + ["red"] for r in GOOD]
    problems = validate_file(write_csv(tmp_path / "cols.csv", rows, header), today=TODAY)
    assert [(p.row, p.field, p.message) for p in problems] == [
        (1, "colour", "unknown column 'colour' (see docs/referrals.md)"),
        (1, "time_zone", "required column is missing"),
    ]


def test_stale_verification_is_a_warning_and_future_an_error(tmp_path: Path) -> None:
    rows = [list(r) for r in GOOD]
    rows[0][HEADER.index("verified")] = "2024-01-01"
    rows[2][HEADER.index("verified")] = "2027-01-01"
    problems = validate_file(write_csv(tmp_path / "dates.csv", rows), today=TODAY)
    assert [(p.row, p.field, p.severity) for p in problems] == [(2, "verified", "warning"), (4, "verified", "error")]
    assert "stale" in problems[0].message


def test_hsds_round_trip_loses_nothing(tmp_path: Path, sqlite_store: DirectoryStore) -> None:
    first = read_file(write_csv(tmp_path / "list.csv", GOOD), today=TODAY)
    export_package(first, tmp_path / "pkg")
    second = read_file(tmp_path / "pkg", today=TODAY)
    assert canonical(second) == canonical(first)
    # and through the database
    sqlite_store.save(second)
    export_package(sqlite_store.load(), tmp_path / "pkg2")
    third = read_file(tmp_path / "pkg2" / "datapackage.json", today=TODAY)
    assert canonical(third) == canonical(first)
    package = json.loads((tmp_path / "pkg2" / "datapackage.json").read_text())
    assert package["profile"] == "tabular-data-package"
    assert {r["name"] for r in package["resources"]} >= {"organization", "service", "phone", "schedule", "service_area"}


def test_hsds_package_from_another_tool_uses_phone_rows(tmp_path: Path) -> None:
    pkg = tmp_path / "other"
    export_package(read_file(write_csv(tmp_path / "l.csv", GOOD[:1]), today=TODAY), pkg)
    # drop the popbot channel table: the phone table alone must still give the number
    package = json.loads((pkg / "datapackage.json").read_text())
    package["resources"] = [r for r in package["resources"] if r["name"] not in ("channel", "schedule")]
    (pkg / "datapackage.json").write_text(json.dumps(package))
    d, problems = check_file(pkg, today=TODAY)
    s = next(iter(d.services.values()))
    assert [(c.type, c.value) for c in s.channels] == [("phone", "116111")]
    assert [(p.field, p.severity) for p in problems] == [("hours", "warning")]  # no schedule table given


def test_hsds_bad_rows_name_their_csv_row(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    export_package(read_file(write_csv(tmp_path / "l.csv", GOOD), today=TODAY), pkg)
    lines = (pkg / "schedule.csv").read_text().splitlines()
    lines[3] = lines[3].replace("08:00", "8am")
    (pkg / "schedule.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(ValidationError) as err:
        read_file(pkg, today=TODAY)
    assert [(p.file, p.row, p.field) for p in err.value.problems] == [("schedule.csv", 4, "opens_at")]


@pytest.mark.parametrize(
    "opens, closes, expected",
    [
        ("08:00", "8pm", [("closes_at", "time '8pm' is not HH:MM")]),  # the column that is wrong
        ("", "20:00", [("opens_at", "is required")]),
        ("", "8pm", [("opens_at", "is required"), ("closes_at", "time '8pm' is not HH:MM")]),  # both at once
        ("20:00", "20:00", [("closes_at", "opens_at and closes_at are equal")]),
    ],
)
def test_hsds_schedule_times_name_their_own_column(tmp_path: Path, opens: str, closes: str, expected: list) -> None:
    pkg = tmp_path / "pkg"
    export_package(read_file(write_csv(tmp_path / "l.csv", GOOD[:1]), today=TODAY), pkg)
    with (pkg / "schedule.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows[1][rows[0].index("opens_at")], rows[1][rows[0].index("closes_at")] = opens, closes
    with (pkg / "schedule.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    problems = [(p.row, p.field, p.message) for p in validate_file(pkg, today=TODAY) if p.severity == "error"]
    assert problems == [(2, field, message) for field, message in expected]


def test_unreadable_inputs_raise_import_error(tmp_path: Path) -> None:
    with pytest.raises(ImportError_):
        read_file(tmp_path / "missing.csv")
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(ImportError_):
        read_file(tmp_path / "x.txt")
    (tmp_path / "datapackage.json").write_text("{not json")
    with pytest.raises(ImportError_):
        read_file(tmp_path / "datapackage.json")
    (tmp_path / "latin1.csv").write_bytes("organization,service\nFundacja Łódź,x\n".encode("cp1250"))
    with pytest.raises(ImportError_):
        read_file(tmp_path / "latin1.csv")


def test_bad_row_imports_nothing(tmp_path: Path, sqlite_store: DirectoryStore) -> None:
    sqlite_store.save(read_file(write_csv(tmp_path / "ok.csv", GOOD[:1]), today=TODAY))
    before = canonical(sqlite_store.load())
    rows = [list(r) for r in GOOD] * 1
    rows[2][HEADER.index("phone")] = "999999999999"
    with pytest.raises(ValidationError):
        sqlite_store.save(read_file(write_csv(tmp_path / "bad.csv", rows), today=TODAY))
    assert canonical(sqlite_store.load()) == before


def test_database_error_rolls_back_whole_import(sqlite_store: DirectoryStore, tmp_path: Path) -> None:
    from referrals.errors import StoreError

    good = read_file(write_csv(tmp_path / "ok.csv", GOOD), today=TODAY)
    sqlite_store.save(good)
    before = canonical(sqlite_store.load())
    broken = read_file(write_csv(tmp_path / "ok2.csv", GOOD), today=TODAY)
    # same channel id on two services violates the primary key half-way through the insert
    services = list(broken.services.values())
    services[1].channels[0].id = services[0].channels[0].id
    with pytest.raises(StoreError):
        sqlite_store.save(broken)
    assert canonical(sqlite_store.load()) == before
