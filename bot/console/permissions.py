"""The permissions rules file (``permissions.yml``): action -> sets of conditions.

:func:`allowed` is the one check every route and every object goes through. The file is read
once; an unknown condition or a malformed entry refuses to start with a message naming it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Protocol

import yaml

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
    """The rules file is malformed; the message names the entry."""


def parse(data: Any, where: str = str(RULES_FILE)) -> dict[str, list[frozenset[str]]]:
    if not isinstance(data, dict):
        raise RulesError(f"{where}: expected a mapping of action -> list of condition lists")
    rules: dict[str, list[frozenset[str]]] = {}
    for action, sets in data.items():
        if not isinstance(sets, list) or not sets or not all(isinstance(s, list) and s for s in sets):
            raise RulesError(f"{where}: {action}: expected a non-empty list of non-empty condition lists")
        for condition in (c for s in sets for c in s):
            if condition not in CONDITIONS:
                raise RulesError(f"{where}: {action}: unknown condition {condition!r}")
        rules[str(action)] = [frozenset(s) for s in sets]
    return rules


@lru_cache(maxsize=1)
def rules() -> dict[str, list[frozenset[str]]]:
    return parse(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))


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
