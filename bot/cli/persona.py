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
        description="Check persona files against the format, the discretion words and the TODO markers "
        "of `persona new`; warn about code phrases that ordinary visitors of that kind of site write "
        "(code collisions). Exit 1 if any file has an error.",
    )
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE", help="default: every personas/*.yml")
    validate.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too (code phrases ordinary visitors write)"
    )
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

    new = commands.add_parser(
        "new",
        help="write personas/ID.yml to fill in, shaped like an existing persona (TODO markers)",
        description="Write a new persona file with the structure of an existing one: every text to write "
        "is TODO (validate lists the ones left), the template's texts are shown as comments.",
    )
    new.add_argument("id", metavar="ID", help="the new persona's id (lower-case letters, digits, _)")
    new.add_argument("--from", dest="template", default="rumianek", metavar="PERSONA",
                     help="the persona to copy the shape from (default: rumianek)")
    new.add_argument("--langs", default=None, metavar="L,L",
                     help="languages, the first is the default (e.g. pl,en; default: the template's)")
    _dirs(new, out=False)
    new.set_defaults(func=run_new)

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
    valid = []
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
            valid.append(persona)
            print(f"ok: {_shown(path)} ({persona.id}, {', '.join(persona.languages)})")
    warned = print_collisions(valid, _neighbours(args.personas_dir, valid))
    if failed:
        print(f"{failed} of {len(files)} persona file(s) have errors", file=sys.stderr)
        return 1
    if warned and args.strict:
        print(f"{warned} warning(s); --strict", file=sys.stderr)
        return 1
    return 0


def _neighbours(directory: Path, checked: list) -> list:
    """The valid personas of ``directory`` and the ones checked (each id once)."""
    from core.persona.validate import check_file, persona_files

    found = {p.id: p for p in checked}
    for path in persona_files(directory):
        if path.stem not in found:
            persona, _ = check_file(path)
            if persona is not None:
                found[persona.id] = persona
    return list(found.values())


def print_collisions(personas: list, everyone: list) -> int:
    """Warn, as ``file:line: field: warning: ...``, about code examples that ordinary visitors
    write; returns the number of warnings."""
    from bot.persona.collisions import THRESHOLD, code_collisions
    from core.yamlcheck.source import read_source

    warnings = 0
    for persona in personas:
        collisions = code_collisions(persona, everyone)
        if not collisions:
            continue
        source = read_source(persona.source.read_text(encoding="utf-8"))
        name = _shown(persona.source)
        for c in collisions:
            warnings += 1
            line = source.line_of(("code", c.signal, "examples", c.lang))
            print(
                f"{name}:{line}: {c.field}: warning: ordinary visitors write this code: {c.summary()} "
                f"contain one of its phrases (>= {THRESHOLD:.0%} of its words, TF-IDF weighted); "
                "choose phrases only someone who knows the code would write"
            )
            for m in c.matches[:8]:
                at = source.line_of(("code", c.signal, "examples", c.lang, m.example_index))
                print(f"    {name}:{at}: {m.example!r} ~ {m.visitor!r} ({m.source}, {m.similarity:.2f})")
            if len(c.matches) > 8:
                print(f"    ... and {len(c.matches) - 8} more")
    return warnings


def run_new(args: argparse.Namespace) -> int:
    import re

    from bot.persona.skeleton import skeleton
    from core.persona.validate import check_file
    from core.signals import LANGUAGES, NO_PERSONA

    where = "popbot persona new"
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", args.id) or len(args.id) > 64 or args.id == NO_PERSONA:
        print(f"{where}: {args.id!r} is not a usable id: lower-case letters, digits and single underscores, "
              "starting with a letter", file=sys.stderr)
        return 2
    target = args.personas_dir / f"{args.id}.yml"
    if target.exists():
        print(f"{where}: {_shown(target)} exists already; nothing written", file=sys.stderr)
        return 1
    template_path = args.personas_dir / f"{args.template}.yml"
    template, errors = check_file(template_path) if template_path.is_file() else (None, [])
    if template is None:
        why = "has errors (popbot persona validate)" if errors else "does not exist"
        print(f"{where}: the template {_shown(template_path)} {why}", file=sys.stderr)
        return 2
    langs = [lang.strip() for lang in (args.langs or ",".join(template.languages)).split(",") if lang.strip()]
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if not langs or unknown or len(set(langs)) != len(langs):
        print(f"{where}: --langs must list languages once each, of: {', '.join(LANGUAGES)}", file=sys.stderr)
        return 2
    command = f"popbot persona new {args.id} --from {template.id} --langs {','.join(langs)}"
    target.write_text(skeleton(template, args.id, langs, command), encoding="utf-8")
    print(f"wrote {_shown(target)}: replace every TODO, then run\n"
          f"  .venv/bin/popbot persona validate {_shown(target)}")
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
