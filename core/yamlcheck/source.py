"""Read a YAML file (a persona, cues, permissions …) into plain Python data plus the line of every field.

PyYAML's composer keeps a mark (line, column) on every node; we walk the node tree ourselves so
each value's path (``("voice", "emergency", "pl", 0)``) maps to its 1-based line. Every scalar
stays a string (``no``, ``yes``, ``34.90``, ``NO`` are text, never bool/float), except an
explicit null. Duplicate keys, merge keys and non-scalar keys are reported, not silently lost.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import yaml

PathItem = Union[str, int]
Path_ = tuple[PathItem, ...]

_NULL_TAG = "tag:yaml.org,2002:null"


@dataclass
class SourceProblem:
    """A problem found while reading: line (1-based), field path, message."""

    line: int
    path: Path_
    message: str


@dataclass
class Source:
    """Parsed data and the line of each path (a mapping key's line, or a list item's line)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[SourceProblem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """Line of ``path``, or of its nearest recorded ancestor (1 for the document)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


class YamlSyntaxError(ValueError):
    """The text is not well-formed YAML; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def read_source(text: str) -> Source:
    """Parse ``text``; raise :class:`YamlSyntaxError` if it is not a single YAML document."""
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or "invalid YAML"
        if exc.context:
            where = exc.context_mark
            started = f" (started at line {where.line + 1})" if where is not None and mark is not None and where.line != mark.line else ""
            problem = f"{exc.context}{started}: {problem}"
        raise YamlSyntaxError(line, problem) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlSyntaxError(1, str(exc)) from exc
    if len(nodes) > 1:
        raise YamlSyntaxError(nodes[1].start_mark.line + 1, "only one YAML document is allowed")
    source = Source(data=None)
    source.lines[()] = 1
    if nodes and nodes[0] is not None:
        source.data = _convert(nodes[0], (), source)
    return source


_MAX_DEPTH = 32


def _convert(node: yaml.Node, path: Path_, source: Source) -> Any:
    if len(path) > _MAX_DEPTH:
        raise YamlSyntaxError(node.start_mark.line + 1, "nested too deeply (recursive alias?)")
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL_TAG:
            return None
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            item_path = path + (index,)
            source.lines[item_path] = item.start_mark.line + 1
            items.append(_convert(item, item_path, source))
        return items
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                source.problems.append(SourceProblem(line, path, "a key must be plain text"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                source.problems.append(
                    SourceProblem(line, path, "merge keys ('<<') are not supported; write the fields out")
                )
                continue
            key = str(key_node.value)
            key_path = path + (key,)
            if key in result:
                source.problems.append(
                    SourceProblem(
                        line, key_path, f"duplicate key {key!r} (first at line {source.lines[key_path]})"
                    )
                )
                continue
            source.lines[key_path] = line
            result[key] = _convert(value_node, key_path, source)
        return result
    raise YamlSyntaxError(node.start_mark.line + 1, f"unsupported YAML node {node.tag}")  # pragma: no cover
