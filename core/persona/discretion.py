"""The discretion word lists (``core/persona/discretion_words.yml``) and their one matching rule.

What the bot says to someone who did not use the code must not carry safety vocabulary
(docs/design.md, invariant 7). ``popbot persona validate`` applies it to every text a persona
shows or says except the ``emergency`` voice line; the tests apply it to what the running bot says.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).with_name("discretion_words.yml")
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=None)
def safety_words(lang: str) -> tuple[str, ...]:
    """The safety vocabulary of ``lang``, lowercased (empty for a language without a list)."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    return tuple(str(w).lower() for w in data.get(lang, ()))


def hits(text: str, words: "list[str] | tuple[str, ...]") -> list[str]:
    """The entries of ``words`` found in ``text``: a one-word entry matches the start of a word
    ("abus" matches "abused"); an entry with a space or hyphen is a phrase matched anywhere."""
    lowered = text.lower()
    tokens = _WORD.findall(lowered)
    return [
        w for w in words
        if (w in lowered if (" " in w or "-" in w) else any(t.startswith(w) for t in tokens))
    ]
