"""YAML files checked against a declarative schema, every problem as ``file:line: field: message``.

:mod:`core.yamlcheck.source` reads YAML keeping each node's line; :mod:`core.yamlcheck.model`
validates it against a pydantic v1 model and maps each error back to its line.
"""
from core.yamlcheck.model import OneOf, Problem, Strict, Text, check_model, kind_of
from core.yamlcheck.source import Path_, Source, SourceProblem, YamlSyntaxError, read_source


def format_path(path: Path_) -> str:
    """``("voice", "emergency", "pl", 0)`` -> ``voice.emergency.pl[0]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(file)"


__all__ = [
    "OneOf", "Path_", "Problem", "Source", "SourceProblem", "Strict", "Text", "YamlSyntaxError",
    "check_model", "format_path", "kind_of", "read_source",
]
