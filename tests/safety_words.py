"""The discretion word lists (``tests/data/safety_words.yml``) and their one matching rule.

Used by every test that checks a reply keeps the cover (docs/design.md, invariant 7): the persona
files' own replies (``tests/persona``) and what the running bot says (``tests/dialogue``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).parent / "data" / "safety_words.yml"


@lru_cache(maxsize=None)
def safety_words(lang: str) -> tuple[str, ...]:
    """The safety vocabulary of ``lang``, lowercased."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    return tuple(str(w).lower() for w in data[lang])


def hits(text: str, words: "list[str] | tuple[str, ...]") -> list[str]:
    """The shared matching rule: a word entry matches the start of a word; a phrase anywhere."""
    lowered = text.lower()
    tokens = re.findall(r"[^\W_]+", lowered)
    return [
        w for w in words
        if (w in lowered if (" " in w or "-" in w) else any(t.startswith(w) for t in tokens))
    ]
