"""``popbot persona validate|build|list``: check persona files and generate Rasa data from them."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core import paths


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "persona",
        help="validate, build or list the disguise personas (personas/*.yml)",
        description="Work with persona files: one YAML file per persona, see personas/README.md.",
    )
    commands = parser.add_subparsers(dest="persona_command", metavar="SUBCOMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        help="check persona files; print every error as file:line: field: message",
        description="Check persona files against the format. Exit 1 if any file has an error.",
    )
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE", help="default: every personas/*.yml")
    _dirs(validate, out=False)
    validate.set_defaults(func=run_validate)

    build = commands.add_parser(
        "build",
        help="generate nlu/generated/ from every persona (only changed files are rewritten)",
        description="Generate the NLU data, rules and domain of every persona into nlu/generated/.",
    )
    build.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the generated files are out of date"
    )
    _dirs(build, out=True)
    build.set_defaults(func=run_build)

    listing = commands.add_parser("list", help="list the personas", description="List the personas.")
    _dirs(listing, out=False)
    listing.set_defaults(func=run_list)


def _dirs(parser: argparse.ArgumentParser, *, out: bool) -> None:
    parser.add_argument(
        "--personas-dir", type=Path, default=paths.PERSONAS_DIR, help="where the persona files are"
    )
    if out:
        parser.add_argument(
            "--out-dir", type=Path, default=paths.GENERATED_DATA, help="where the generated files go"
        )


def _shown(path: Path) -> str:
    from core.persona.validate import display_name

    return display_name(path)


def run_validate(args: argparse.Namespace) -> int:
    from core.persona.validate import check_file, persona_files

    files = list(args.files) or persona_files(args.personas_dir)
    if not files:
        print(f"no persona files in {_shown(args.personas_dir)}", file=sys.stderr)
        return 1
    failed = 0
    ids: dict[str, Path] = {}
    for path in files:
        persona, errors = check_file(path)
        for error in errors:
            print(error)
        if persona is not None and persona.id in ids:
            print(f"{_shown(path)}:1: id: persona id {persona.id!r} is also used by {_shown(ids[persona.id])}")
            errors = [None]  # type: ignore[list-item]
        if errors:
            failed += 1
        elif persona is not None:
            ids[persona.id] = path
            print(f"ok: {_shown(path)} ({persona.id}, {', '.join(persona.languages)})")
    if failed:
        print(f"{failed} of {len(files)} persona file(s) have errors", file=sys.stderr)
        return 1
    return 0


def run_build(args: argparse.Namespace) -> int:
    from bot.persona.build import build
    from core.persona.validate import PersonaInvalid

    try:
        report = build(args.personas_dir, args.out_dir, check=args.check)
    except PersonaInvalid as exc:
        for error in exc.errors:
            print(error)
        print("persona build: nothing written, fix the errors above", file=sys.stderr)
        return 1
    if args.check:
        for path in report.written:
            print(f"out of date: {_shown(path)}")
        for path in report.removed:
            print(f"stale (persona removed): {_shown(path)}")
        if not report.up_to_date:
            print("generated persona files are out of date; run `popbot persona build`", file=sys.stderr)
            return 1
        print(f"up to date: {len(report.unchanged)} generated file(s)")
        return 0
    for path in report.written:
        print(f"wrote {_shown(path)}")
    for path in report.removed:
        print(f"removed {_shown(path)}")
    print(f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from core.persona.validate import check_file, persona_files

    status = 0
    for path in persona_files(args.personas_dir):
        persona, errors = check_file(path)
        if persona is None:
            print(f"{path.stem}\tINVALID ({len(errors)} errors; run `popbot persona validate`)")
            status = 1
            continue
        print(
            f"{persona.id}\t{persona.kind}\t{','.join(persona.languages)}\t{persona.country}"
            f"\temergency {persona.emergency_number}\t{len(persona.cover)} cover intents"
            f"\t{_shown(path)}"
        )
    return status
