"""``popbot referrals``: import, export, validate, search and map the referral directory."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "referrals",
        help="the directory of helplines and services: import, export, validate, search, map",
        description="Manage the referral directory (HSDS 3.0 subset with helpline extensions) in "
        "popbot's database (POPBOT_DATABASE_URL, default SQLite under var/). The starter data "
        "(emergency numbers of every region, 116 111 where valid) is loaded automatically when "
        "the directory is empty. See docs/referrals.md for the file layouts.",
    )
    parser.add_argument("--database-url", help="override the database (default: popbot settings)")
    cmds = parser.add_subparsers(dest="referrals_command", metavar="ACTION", required=True)

    p = cmds.add_parser("import", help="import an HSDS package or a one-sheet CSV/XLSX (all or nothing)",
                        description="Validate FILE, then import it in one transaction: a single bad row "
                        "imports nothing. Services with the same id are replaced.")
    p.add_argument("file", type=Path, help="datapackage.json (or its folder), .csv or .xlsx")
    p.add_argument("--replace", action="store_true", help="empty the directory first (starter data too)")
    p.set_defaults(func=_import)

    p = cmds.add_parser("export", help="write the directory as an HSDS tabular data package",
                        description="Write datapackage.json and one CSV per HSDS table into DIR.")
    p.add_argument("dir", type=Path)
    p.set_defaults(func=_export)

    p = cmds.add_parser("validate", help="report every problem of a file with file, row and field",
                        description="Check FILE without importing it. Exit code 1 if there are errors "
                        "(warnings, e.g. stale verification dates, do not fail).")
    p.add_argument("file", type=Path)
    p.set_defaults(func=_validate)

    p = cmds.add_parser("search", help="route like the bot does: ranked services with reasons",
                        description="Rank the services for a child at --where (a city or country in "
                        "EN/PL/ES free text, or LAT,LON).")
    p.add_argument("--where", required=True, help='e.g. "Kraków", "w Poznaniu", "en Sevilla", "52.2,21.0"')
    p.add_argument("--age", type=int, help="the child's age in years")
    p.add_argument("--topic", action="append", default=[], help="repeatable: abuse, bullying, self_harm, ...")
    p.add_argument("--lang", help="the child's language (en, pl, es, ...)")
    p.add_argument("--at", help="ISO time with offset (default: now), e.g. 2026-03-29T07:30:00+00:00")
    p.add_argument("--country", help="the conversation's country (ISO code) for ambiguous names")
    p.add_argument("--cannot-speak", action="store_true", help="prefer chat/SMS over voice")
    p.add_argument("--urgent", action="store_true", help="imminent danger: emergency number first")
    p.add_argument("--limit", type=int, default=5, help="how many services to list (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_search)

    p = cmds.add_parser("map", help="draw a coverage map (PNG, offline)",
                        description="Services by country over a dot map of the world's cities.")
    p.add_argument("out", type=Path, help="output .png")
    p.add_argument("--color", choices=("topic", "verified"), default="topic")
    p.set_defaults(func=_map)

    p = cmds.add_parser("seed", help="load the starter data (emergency numbers, 116 111)",
                        description="Import the shipped starter package (services marked 'starter': "
                        "check them before going live). Replaces earlier starter rows.")
    p.set_defaults(func=_seed)


def _store(args: argparse.Namespace, seed: bool = True):  # type: ignore[no-untyped-def]
    from referrals.store import DirectoryStore

    store = DirectoryStore(args.database_url) if args.database_url else DirectoryStore()
    if seed and store.ensure_seeded():
        print("loaded the starter data (the directory was empty, or its starter rows came from an "
              "older release): check it before going live", file=sys.stderr)
    return store


def _fail(exc: Exception) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return 1


def _import(args: argparse.Namespace) -> int:
    from referrals.errors import ReferralError
    from referrals.io import check_file

    try:
        directory, problems = check_file(args.file)
        errors = [p for p in problems if p.severity == "error"]
        for problem in problems:
            print(problem, file=sys.stderr)
        if errors:
            print(f"{len(errors)} error(s): nothing imported", file=sys.stderr)
            return 1
        store = _store(args, seed=not args.replace)
        count = store.save(directory, replace=args.replace, progress=sys.stderr.isatty() or len(directory) >= 1000)
    except ReferralError as exc:
        return _fail(exc)
    print(f"imported {count} services from {args.file}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from referrals.errors import ReferralError
    from referrals.io import export_package

    try:
        path = export_package(_store(args).load(), args.dir)
    except ReferralError as exc:
        return _fail(exc)
    print(f"wrote {path}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from referrals.errors import ReferralError
    from referrals.io import validate_file

    try:
        problems = validate_file(args.file)
    except ReferralError as exc:
        return _fail(exc)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)")
    return 1 if errors else 0


def _search(args: argparse.Namespace) -> int:
    from referrals.errors import ReferralError
    from referrals.routing import resolve_place, route

    where: object = args.where
    parts = args.where.split(",")
    if len(parts) == 2:
        try:
            where = (float(parts[0]), float(parts[1]))
        except ValueError:
            pass
    at = None
    if args.at:
        try:
            at = datetime.fromisoformat(args.at)
        except ValueError:
            return _fail(ValueError(f"--at {args.at!r} is not an ISO time"))
        if at.tzinfo is None:
            return _fail(ValueError("--at needs a UTC offset, e.g. 2026-03-29T07:30:00+00:00"))
    try:
        store = _store(args)
        place = resolve_place(where, args.country, args.lang)  # type: ignore[arg-type]
        referrals = route(place, age=args.age, topics=args.topic, lang=args.lang, at=at,
                          cannot_speak=args.cannot_speak, urgent=args.urgent, store=store, limit=args.limit)
    except ReferralError as exc:
        return _fail(exc)
    if args.json:
        payload = {
            "place": None if place is None else {
                "name": place.name, "country": place.country, "admin1": place.admin1, "kind": place.kind,
                "lat": place.lat, "lon": place.lon},
            "referrals": [r.to_dict() for r in referrals],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if place is None:
        print(f"no place recognised in {args.where!r}; give a city or country (or --country)")
        return 1
    print(f"{place.name} ({place.country}{', ' + place.admin1 if place.admin1 else ''}, {place.kind})")
    for i, r in enumerate(referrals, start=1):
        starter = " [starter data: check]" if r.service.starter else ""
        print(f"{i}. {r.service.name} - {r.channel.type} {r.channel.value}{starter}\n   {r.reason}")
    if not referrals:
        print("no service in the directory for this place")
    return 0


def _map(args: argparse.Namespace) -> int:
    from referrals.errors import ReferralError
    from referrals.mapping import draw_map

    try:
        path = draw_map(_store(args).load(), args.out, color=args.color)
    except ReferralError as exc:
        return _fail(exc)
    print(f"wrote {path}")
    return 0


def _seed(args: argparse.Namespace) -> int:
    from referrals.starter import load_starter

    from referrals.starter import starter_fingerprint

    store = _store(args, seed=False)
    count = store.seed_starter(load_starter(), starter_fingerprint())
    print(f"loaded {count} starter services (marked 'starter': check them before going live)")
    return 0
