"""YAML files checked against a declarative schema, every problem as ``file:line: field: message``.

:mod:`core.yamlcheck.source` reads YAML keeping each node's line; :mod:`core.yamlcheck.model`
validates it against a pydantic v1 model and maps each error back to its line.
"""
from typing import TypeVar

from core.yamlcheck.model import OneOf, Problem, Strict, Text, check_model, kind_of
from core.yamlcheck.source import Path_, Source, SourceProblem, YamlSyntaxError, read_source

M = TypeVar("M", bound=Strict)


def format_path(path: Path_) -> str:
    """``("voice", "emergency", "pl", 0)`` -> ``voice.emergency.pl[0]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(file)"


def read_checked(text: str, name: str, error: type[Exception]) -> Source:
    """``text`` (the file ``name``) parsed with its lines, or ``error``: ``name:line: (yaml): malformed YAML: ...``."""
    try:
        return read_source(text)
    except YamlSyntaxError as exc:
        raise error(f"{name}:{exc.line}: (yaml): malformed YAML: {exc.message}") from None


def checked(model: type[M], source: Source, name: str, error: type[Exception]) -> M:
    """``source`` as a ``model``, or ``error`` listing every problem (what reading found first)
    as ``name:line: field: message``, one per line."""
    found_model, found = check_model(model, source)
    found = [*source.problems, *found]
    if found_model is None or found:
        raise error("\n".join(f"{name}:{p.line}: {format_path(p.path)}: {p.message}" for p in found))
    return found_model


__all__ = [
    "OneOf", "Path_", "Problem", "Source", "SourceProblem", "Strict", "Text", "YamlSyntaxError",
    "check_model", "checked", "format_path", "kind_of", "read_checked", "read_source",
]
