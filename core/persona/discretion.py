"""The discretion word lists (``core/persona/discretion_words.yml``) and their one matching rule.

What the bot says to someone who did not use the code must not carry safety vocabulary
(docs/design.md, invariant 7). ``popbot persona validate`` applies it to every text a persona
shows or says except the ``emergency`` voice line; the tests apply it to what the running bot says.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict

from pydantic import conlist

from core.persona.spec import Lang
from core.yamlcheck import Strict, Text, checked, read_checked

WORDS_FILE = Path(__file__).with_name("discretion_words.yml")
_WORD = re.compile(r"[^\W_]+")


class Word(Text):
    max_chars = 60


class WordLists(Strict):
    """``<lang>: [word or phrase, ...]``, a non-empty list per language."""

    __root__: Dict[Lang, conlist(Word, min_items=1)]  # type: ignore[valid-type]


def read_word_lists(text: str, name: str) -> dict[str, tuple[str, ...]]:
    """The word lists of ``text`` (a file called ``name``), lowercased; ValueError naming the
    line of every problem."""
    lists = checked(WordLists, read_checked(text, name, ValueError), name, ValueError)
    return {lang: tuple(w.lower() for w in words) for lang, words in lists.__root__.items()}


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, tuple[str, ...]]:
    return read_word_lists(WORDS_FILE.read_text(encoding="utf-8"), str(WORDS_FILE))


def safety_words(lang: str) -> tuple[str, ...]:
    """The safety vocabulary of ``lang``, lowercased (empty for a language without a list)."""
    return _word_lists().get(lang, ())


def hits(text: str, words: "list[str] | tuple[str, ...]") -> list[str]:
    """The entries of ``words`` found in ``text``: a one-word entry matches the start of a word
    ("abus" matches "abused"); an entry with a space or hyphen is a phrase matched anywhere."""
    lowered = text.lower()
    tokens = _WORD.findall(lowered)
    return [
        w for w in words
        if (w in lowered if (" " in w or "-" in w) else any(t.startswith(w) for t in tokens))
    ]
