"""The permissions rules file (``permissions.yml``): action -> sets of conditions.

:func:`allowed` is the one check every route and every object goes through. The file is read
once and checked against a declarative schema (:class:`RulesFile`); an unknown condition or a
malformed entry refuses to start with ``file:line: entry: message``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Protocol

from pydantic import conlist

from core.yamlcheck import OneOf, Source, Strict, checked, read_checked

RULES_FILE = Path(__file__).with_name("permissions.yml")


class Subject(Protocol):
    username: str
    role: str


@dataclass(frozen=True)
class Facts:
    """What the conditions may look at besides the account (all optional)."""

    holder: str | None = None  # the holding counselor's username
    state: str | None = None  # the handoff state: "waiting" | "held" | "returned" | "closed"
    reason: str = ""


CONDITIONS: Mapping[str, Callable[[Subject, Facts], bool]] = {
    "is_counselor": lambda a, f: a.role == "counselor",
    "is_supervisor": lambda a, f: a.role == "supervisor",
    "is_admin": lambda a, f: a.role == "admin",
    "is_holder": lambda a, f: f.holder is not None and f.holder == a.username,
    "conversation_waiting": lambda a, f: f.state == "waiting",
    "conversation_open": lambda a, f: f.state == "held",
    "has_reason": lambda a, f: len(f.reason.strip()) >= 10,
}


class RulesError(ValueError):
    """The rules file is malformed; one ``file:line: entry: message`` line per problem."""


class Condition(OneOf):
    max_chars = 64
    what, choices = "condition", tuple(CONDITIONS)


class RulesFile(Strict):
    """``action: [[condition, ...], ...]`` — a non-empty list of non-empty condition lists."""

    __root__: Dict[str, conlist(conlist(Condition, min_items=1), min_items=1)]  # type: ignore[valid-type]


def parse(data: Any, where: str = str(RULES_FILE), source: Source | None = None) -> dict[str, list[frozenset[str]]]:
    """The rules in ``data`` (``source``, when given, holds the lines for the messages)."""
    found = checked(RulesFile, source if source is not None else Source(data=data), where, RulesError)
    return {str(action): [frozenset(s) for s in sets] for action, sets in found.__root__.items()}


@lru_cache(maxsize=1)
def rules() -> dict[str, list[frozenset[str]]]:
    source = read_checked(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE), RulesError)
    return parse(source.data, str(RULES_FILE), source)


def allowed(action: str, account: Subject | None, facts: Facts = Facts()) -> bool:
    """True when ``account`` may do ``action`` on the object described by ``facts``."""
    if account is None:
        return False
    sets = rules().get(action)
    if sets is None:
        return False
    return any(all(CONDITIONS[c](account, facts) for c in conditions) for conditions in sets)


def needs_object(action: str) -> bool:
    """True when no role alone suffices (the action depends on the conversation)."""
    role_only = {"is_counselor", "is_supervisor", "is_admin"}
    return all(not conditions <= role_only for conditions in rules().get(action, []))
