"""Run two versions of the directory validator over many mutated copies of the real inputs and
compare what they say: every problem (file, row, field, message, severity, in order) and the
directory each import gives.

    .venv/bin/python scripts/referrals_validator_diff.py --old REV [--mutations N] [--seed S]

The real inputs are the starter HSDS package (``referrals/data/starter``, ten tables) and the
same directory written as a one-sheet table (CSV, and XLSX with typed cells: numbers, dates,
booleans). A mutation changes one cell, a header, or copies a row, in a window of rows of one
table. ``--old`` is a git revision whose ``referrals/`` and ``core/`` are extracted to a temporary
directory; the working tree is the new side. Each side runs in its own process.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-03"

#: Cell values a partner's sheet may hold: good and bad, in the forms spreadsheets produce.
VALUES = (
    "", " ", "x", "abc", "0", "1", "-1", "121", "6.0", "6.5", "1,5", "50.06", "50,06", "-200", "1e3",
    "nan", "inf", "+5", "1_0", "yes", "No", "TAK", "sí", "maybe", "true", "2026-11-01", "2026-13-01",
    "2024-01-01", "2030-01-01", "2026-11-01T10:00", "01/11/2026", "PL", "pl", "XX", "XK", "ES",
    "Europe/Warsaw", "Europe/Krakow", "abuse", "abuse, cooking", "LGBTQ+; self-harm", "domestic violence",
    "abuse bullying", "general", "pl, en", "pl xx", "english", "en;es|pl", "child_helpline",
    "child-helpline", "in_person", "emergency", "temporarily closed", "temporarily-closed", "inactive",
    "116 111", "116111", "123", "112", "+48 12 421 92 82", "+34 600 000 00", "999999999999",
    "https://chat.example.org", "http://insecure.example.org", "@good_name", "@bad",
    "https://t.me/somebody", "a@b.c", "not-mail", "24/7", "Mo-Fr 08:00-20:00", "Mo-Fr 8-20",
    "Fr 22:00-02:00", "Sa,Su 10:00-14:00", "MO,TU", "MO,XX", "08:00", "8am", "24:00", "20:00",
    "WEEKLY", "DAILY", "phone", "sms", "fax", "voice", "text", "physical", "  padded  ", "Łódź",
    "116 111; 800 100 100", "22 ; 116111", "77", "circle",
)
#: What an XLSX cell may hold besides text.
TYPED = (6, 6.0, 50.06, -1, 0, 150, True, False, datetime(2026, 11, 1), date(2025, 1, 1),
         datetime(2030, 1, 1, 12, 30), None, 116111, 1.5)
ALIASES = ("min_age", "max_age", "name", "org", "timezone", "tz", "free_of_charge", "chat_url", "url",
           "last_verified", "admin1", "lat", "lon", "lng")


# --- the real inputs ----------------------------------------------------------------------------
def sheet_rows() -> tuple[list[str], list[list[Any]]]:
    """The starter directory as a one-sheet table (header, rows), cells typed as XLSX keeps them."""
    from referrals.hours import format_hours
    from referrals.sheet import COLUMNS
    from referrals.starter import load_starter

    d = load_starter()
    header = list(COLUMNS)
    rows = []
    for s in d.services.values():
        cell: dict[str, Any] = {c: "" for c in header}
        area = s.areas[0] if s.areas else None
        loc = s.locations[0] if s.locations else None
        cell.update(
            id=s.id, organization=d.organizations[s.organization_id].name,
            organization_website=d.organizations[s.organization_id].website, service=s.name,
            alternate_name=s.alternate_name, description=s.description, kind=s.kind, status=s.status,
            country=area.country if area else "", region=(area.admin1 or "") if area else "",
            latitude=area.latitude if area and area.latitude is not None else "",
            longitude=area.longitude if area and area.longitude is not None else "",
            radius_km=area.radius_km if area and area.radius_km is not None else "",
            address=loc.address_1 if loc else "", city=loc.city if loc else "",
            postal_code=loc.postal_code if loc else "", website=s.url, time_zone=s.time_zone,
            hours=format_hours(s.schedules) if s.schedules else "",
            minimum_age=s.minimum_age if s.minimum_age is not None else "",
            maximum_age=s.maximum_age if s.maximum_age is not None else "",
            topics=", ".join(s.topics), languages=", ".join(s.languages), free=s.free_of_charge,
            anonymous=s.anonymous, child_specific=s.child_specific, source=s.source,
            verified=datetime.combine(s.verified, datetime.min.time()) if s.verified else "",
        )
        for ch in s.channels:
            cell[ch.type] = f"{cell[ch.type]}; {ch.value}" if cell[ch.type] else ch.value
            if ch.schedules:
                cell[f"{ch.type}_hours"] = format_hours(ch.schedules)
        rows.append([cell[c] for c in header])
    return header, rows


def as_text(value: Any) -> str:
    """How a CSV holds a cell."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


# --- mutations ----------------------------------------------------------------------------------
def mutations(rng: random.Random, header: list[str], rows: list[list[Any]], typed: bool) -> Iterator[tuple[str, list[str], list[list[Any]]]]:
    """Endless (description, header, rows) of one window of ``rows`` with one change."""
    while True:
        start = rng.randrange(0, max(1, len(rows) - 12))
        window = [list(r) for r in rows[start:start + rng.choice((3, 8, 12))]]
        head = list(header)
        kind = rng.random()
        if kind < 0.80:
            r, c = rng.randrange(len(window)), rng.randrange(len(head))
            value: Any = rng.choice(TYPED) if typed and rng.random() < 0.3 else rng.choice(VALUES)
            if rng.random() < 0.05 and len(window) > 1:  # another row's id: a duplicate
                value = window[(r + 1) % len(window)][0]
            window[r][c] = value
            what = f"cell {head[c]}={value!r}"
        elif kind < 0.88:
            c = rng.randrange(len(head))
            del head[c]
            for row in window:
                del row[c]
            what = f"column {header[c]} dropped"
        elif kind < 0.94:
            c = rng.randrange(len(head))
            new = rng.choice(ALIASES + ("colour", head[c].upper(), f" {head[c]} "))
            head[c] = new
            what = f"column {header[c]} renamed {new!r}"
        else:
            r = rng.randrange(len(window))
            window.insert(rng.randrange(len(window) + 1), list(window[r]))
            what = "row copied"
        yield what, head, window


def write_sheet(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows([as_text(v) for v in row] for row in rows)
        return
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    wb.save(path)


def package_tables() -> dict[str, tuple[list[str], list[list[str]]]]:
    from referrals.data.build_starter import STARTER_DIR

    out = {}
    for path in sorted(STARTER_DIR.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            table = list(csv.reader(f))
        out[path.stem] = (table[0], table[1:])
    return out


def write_package(target: Path, tables: dict[str, tuple[list[str], list[list[str]]]]) -> None:
    from referrals.data.build_starter import STARTER_DIR

    target.mkdir(parents=True)
    shutil.copy(STARTER_DIR / "datapackage.json", target / "datapackage.json")
    for name, (header, rows) in tables.items():
        with (target / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows([as_text(v) for v in row] for row in rows)


def package_window(tables: dict[str, tuple[list[str], list[list[str]]]], services: set[str]) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The rows of ``services`` (and what they point to) in every table."""
    out = {}
    locations = {r[2] for r in tables["service_at_location"][1] if r[1] in services}
    orgs = {r[1] for r in tables["service"][1] if r[0] in services}
    for name, (header, rows) in tables.items():
        if name == "organization":
            keep = [r for r in rows if r[0] in orgs]
        elif name in ("location",):
            keep = [r for r in rows if r[0] in locations]
        elif name == "address":
            keep = [r for r in rows if r[1] in locations]
        elif name == "service":
            keep = [r for r in rows if r[0] in services]
        else:
            keep = [r for r in rows if r[header.index("service_id")] in services]
        out[name] = (header, keep)
    return out


def make_cases(workdir: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """(description, path) of every mutated input: the unmutated inputs first."""
    rng = random.Random(seed)
    header, rows = sheet_rows()
    cases: list[tuple[str, str]] = []
    for suffix in (".csv", ".xlsx"):
        path = workdir / f"real{suffix}"
        write_sheet(path, header, rows)
        cases.append((f"the whole real sheet ({len(rows)} rows) {suffix}", str(path)))
    tables = package_tables()
    cases.append(("the starter package", str(workdir / "starter")))
    write_package(workdir / "starter", tables)
    sheets = {".csv": mutations(rng, header, rows, False), ".xlsx": mutations(rng, header, rows, True)}
    service_ids = [r[0] for r in tables["service"][1]]
    with_children = [r[1] for r in tables["schedule"][1]] + [r[1] for r in tables["service_at_location"][1]]
    for n in range(count):
        if n % 3 < 2:
            suffix = ".csv" if n % 3 == 0 else ".xlsx"
            what, head, window = next(sheets[suffix])
            path = workdir / f"m{n}{suffix}"
            write_sheet(path, head, window)
            cases.append((f"{suffix} {what}", str(path)))
            continue
        picked = set(rng.sample(service_ids, 4)) | set(rng.sample(with_children, min(2, len(with_children))))
        window_tables = package_window(tables, picked)
        name = rng.choice([t for t, (_, r) in window_tables.items() if r])
        head, trows = window_tables[name]
        trows = [list(r) for r in trows]
        kind = rng.random()
        if kind < 0.85:
            r, c = rng.randrange(len(trows)), rng.randrange(len(head))
            value = rng.choice(VALUES + tuple(service_ids[:3]))
            if rng.random() < 0.1 and len(trows) > 1:
                value = trows[(r + 1) % len(trows)][0]
            trows[r][c] = value
            what = f"{name}.{head[c]}={value!r}"
        elif kind < 0.93:
            c = rng.randrange(len(head))
            what = f"{name}: column {head[c]} dropped"
            head = head[:c] + head[c + 1:]
            trows = [row[:c] + row[c + 1:] for row in trows]
        else:
            r = rng.randrange(len(trows))
            trows.insert(rng.randrange(len(trows) + 1), list(trows[r]))
            what = f"{name}: row copied"
        window_tables[name] = (head, trows)
        write_package(workdir / f"p{n}", window_tables)
        cases.append((f"package {what}", str(workdir / f"p{n}")))
    return cases


# --- one side -----------------------------------------------------------------------------------
def run_side(cases_file: Path) -> None:
    """In a side's own process: every case's problems and directory as one JSON line."""
    from dataclasses import asdict

    from referrals.errors import ReferralError
    from referrals.io import check_file

    today = date.fromisoformat(TODAY)
    for description, path in json.loads(cases_file.read_text()):
        try:
            directory, problems = check_file(path, today=today)
        except ReferralError as exc:
            print(json.dumps({"raised": f"{type(exc).__name__}: {exc}"}))
            continue
        found = [[p.file, p.row, p.field, p.message, p.severity] for p in problems]
        services = {sid: asdict(s) for sid, s in sorted(directory.services.items())}
        orgs = {oid: asdict(o) for oid, o in sorted(directory.organizations.items())}
        print(json.dumps({"problems": found, "directory": [orgs, services]}, default=str, sort_keys=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", required=True, help="git revision of the old validator")
    parser.add_argument("--mutations", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--side", help=argparse.SUPPRESS)
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args()
    if args.side:
        run_side(Path(args.side))
        return 0
    work = Path(tempfile.mkdtemp(prefix="popbot-validator-diff-"))
    try:
        old = work / "old"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.old, "referrals", "core"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        inputs = work / "inputs"
        inputs.mkdir()
        cases = make_cases(inputs, args.mutations, args.seed)
        (work / "cases.json").write_text(json.dumps(cases))
        outputs = {}
        for side, path in (("old", old), ("new", ROOT)):
            env = {"PYTHONPATH": str(path), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}
            done = subprocess.run([sys.executable, __file__, "--old", args.old, "--side", str(work / "cases.json")],
                                  cwd=work, env=env, check=True, capture_output=True, text=True)
            outputs[side] = done.stdout.splitlines()
        from collections import Counter

        classes: Counter[str] = Counter()
        directory_classes: Counter[str] = Counter()
        same_problems = same_directory = same_in_any_order = 0
        with_errors = with_warnings = total_problems = 0
        shown = 0
        for (description, _), a, b in zip(cases, outputs["old"], outputs["new"]):
            old_out, new_out = json.loads(a), json.loads(b)
            p_old, p_new = old_out.get("problems", old_out.get("raised")), new_out.get("problems", new_out.get("raised"))
            same_problems += p_old == p_new
            same_in_any_order += (sorted(map(str, p_old)) == sorted(map(str, p_new))) if isinstance(p_old, list) and isinstance(p_new, list) else p_old == p_new
            same_directory += old_out.get("directory") == new_out.get("directory")
            if old_out.get("directory") != new_out.get("directory"):
                changed = description.split("=")[0]
                directory_classes[changed] += 1
            if isinstance(p_old, list):
                with_errors += any(p[4] == "error" for p in p_old)
                with_warnings += any(p[4] == "warning" for p in p_old)
                total_problems += len(p_old)
            if isinstance(p_old, list) and isinstance(p_new, list) and p_old != p_new:
                gone = {(Path(p[0]).stem, p[2]) for p in p_old if p not in p_new}
                came = {(Path(p[0]).stem, p[2]) for p in p_new if p not in p_old}
                classes[f"old {sorted(gone)} -> new {sorted(came)}"] += 1
            if (p_old != p_new or old_out.get("directory") != new_out.get("directory")) and shown < args.show:
                shown += 1
                print(f"DIFFERENT: {description}\n  old: {p_old}\n  new: {p_new}")
                if old_out.get("directory") != new_out.get("directory"):
                    print("  (the directories differ too)")
        n = len(cases)
        print(f"{n} inputs ({n - 3} mutations + the 3 real inputs); old side: {with_errors} with errors, "
              f"{with_warnings} with warnings, {total_problems} problems in all")
        print(f"identical problems, in order: {same_problems}/{n}; as a set: {same_in_any_order}/{n}; "
              f"identical directories: {same_directory}/{n}")
        for what, count in classes.most_common():
            print(f"  {count} inputs differ: problems at (table, field) {what}")
        for what, count in directory_classes.most_common():
            print(f"  {count} inputs give another directory: mutation {what}")
        return 0 if same_problems == n and same_directory == n else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
