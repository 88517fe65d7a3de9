"""Interface strings per language from data files, never from Python: ``<directory>/<lang>.yml``
holds one ``key: "text"`` line per string (``{name}`` placeholders are filled by the caller).

One loader for the web front-end (``bot/web/strings/``) and the console (``bot/console/strings/``).
A file that is missing or malformed refuses to load with ``file:line: key: message``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from core.yamlcheck import Text, YamlSyntaxError, read_source


class StringsError(ValueError):
    """A strings file is missing or malformed; the message names file, line and key."""


def load_strings(directory: Path, langs: Sequence[str]) -> dict[str, dict[str, str]]:
    """``{lang: {key: text}}`` from ``<directory>/<lang>.yml`` for every language of ``langs``."""
    tables: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for lang in langs:
        path = directory / f"{lang}.yml"
        try:
            source = read_source(path.read_text(encoding="utf-8"))
        except OSError as exc:
            problems.append(f"{path}:1: (file): cannot read: {exc.strerror or exc}")
            continue
        except YamlSyntaxError as exc:
            problems.append(f"{path}:{exc.line}: (yaml): malformed YAML: {exc.message}")
            continue
        problems += [f"{path}:{p.line}: {'.'.join(map(str, p.path)) or '(file)'}: {p.message}" for p in source.problems]
        if not isinstance(source.data, dict):
            problems.append(f"{path}:1: (file): expected 'key: \"text\"' lines")
            continue
        for key, value in source.data.items():
            problems += [f"{path}:{source.line_of((key,))}: {key}: {message}" for message in Text.problems(value)]
        tables[lang] = {key: value for key, value in source.data.items() if isinstance(value, str)}
    if problems:
        raise StringsError("\n".join(problems))
    return tables
