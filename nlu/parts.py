"""The parts of a long message (s28, fix-long): a disclosure at the end or in the middle of a long message about
something else ("so today was ok, we did the volcano project and my friend got a puppy, sorry this is long but my
mums boyfriend is banging on my door") drowns in the rest for a classifier that reads the whole: out_of_scope 0.96.

A message of at least :data:`LONG_WORDS` words is cut into sentences (``. ! ? ;`` and new lines) and, inside them,
into the clauses opened by a ``clause_openers`` cue of ``nlu/safety/cues.yml`` ("but honestly", "anyway", "pero",
"y otra cosa", "ale", "tylko że"; the opener is left out of the part). Parts of fewer than :data:`MIN_PART_WORDS`
words are dropped; a message with fewer than two parts has none. The classifier ranks the parts with the same
sub-model (nlu/components/intent_classifier.py, one extra rank call per batch) and core/safety.py ``part_reading``
says when a part's reading wins over the whole's. Folded text in, folded text out; nothing is logged.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, List, Mapping, Sequence

from core.text import fold

#: The message key of the parts' folded texts and rankings (set by the classifier, read by PersonaContext).
PARTS = "parts"

#: A message of at least this many words is read in its parts too.
LONG_WORDS = 14

#: A part of fewer words is not read on its own ("also idk", "pero bueno").
MIN_PART_WORDS = 4

_SENTENCE_END = re.compile(r"[.!?;\n…]+")
_WORD = re.compile(r"\w+")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _words(text: str) -> List[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=8)
def _opener_pattern(openers: tuple[str, ...]) -> "re.Pattern[str]":
    """Whole-word openers, longest first ("but honestly" before "but")."""
    ordered = sorted({" ".join(_words(fold(o))) for o in openers if _words(fold(o))}, key=lambda o: (-len(o), o))
    alternatives = "|".join(r"\s+".join(map(re.escape, o.split())) for o in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def all_openers(by_lang: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The openers of every language (the parts are cut before the message's language is known)."""
    return tuple(sorted({cue for cues in by_lang.values() for cue in cues}))


def _clauses(sentence: str, openers: tuple[str, ...]) -> Iterable[str]:
    if not openers:
        yield sentence
        return
    start = 0
    for match in _opener_pattern(openers).finditer(sentence):
        yield sentence[start:match.start()]
        start = match.end()
    yield sentence[start:]


def parts_of(text: str, openers: Sequence[str]) -> List[str]:
    """The folded parts of a long ``text``: its sentences and the clauses opened by ``openers`` in them, each of at
    least :data:`MIN_PART_WORDS` words, in order; ``[]`` for a short message or one that has a single part."""
    folded = fold(text)
    if len(_words(folded)) < LONG_WORDS:
        return []
    key = tuple(openers)
    parts = [_EDGES.sub("", " ".join(clause.split()))
             for sentence in _SENTENCE_END.split(folded)
             for clause in _clauses(sentence, key)]
    parts = [part for part in parts if len(_words(part)) >= MIN_PART_WORDS]
    return parts if len(parts) >= 2 else []


def load_openers(path: Path) -> tuple[str, ...]:
    """The ``clause_openers`` of every language in the cues file at ``path``."""
    from nlu.cues import load_cues

    return all_openers(load_cues(path).clause_openers)
