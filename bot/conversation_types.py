"""What a scripted conversation is — its turns, the text it sends and looks for, its errors —
shared by the conversation files (:mod:`bot.conversations`) and the answer matrix
(:mod:`bot.answer_matrix`) that expands into conversations."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from core.yamlcheck import Problem, Text

#: What a conversation exercises (the issue's list of paths).
PATHS = (
    "coded", "urgent", "address", "peer", "not_safe", "plain_disclosure", "place_name",
    "ambiguous_place", "place_refused", "counselor_answer", "adult", "idiom", "number_again", "changing_mind",
    "privacy", "cost",
)
PLAIN = "plain"


class ConversationError(ValueError):
    """A conversation file that cannot be run: ``file:line: field: message``."""


@dataclass(frozen=True)
class Turn:
    child: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    line: int = 0
    #: voice keys whose line (this persona, this language) must be among the replies
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conversation:
    id: str
    persona: str
    lang: str
    path: str
    turns: tuple[Turn, ...]
    never: tuple[str, ...] = ()
    xfail: Optional[str] = None
    file: str = ""
    line: int = 0


class Verbatim(Text):
    """A line the child sends or a text looked for in the replies: kept exactly as written
    (``"112 "`` with its space), only refused when empty."""

    @classmethod
    def validate(cls, value: Any) -> Any:
        problems = cls.problems(value)
        if problems:
            raise Problem(value, *(((), p) for p in problems))
        return value
