"""Typo repair against the words the model was trained on (issue 13: children's messages are full
of typos; on the dev splits one random typo per line turned 266 right readings wrong, and with
this repair 139).

A :class:`Speller` knows the folded words of a sub-model's training examples and how often each
occurs. :meth:`Speller.correct` replaces a word of at least :data:`MIN_LENGTH` letters that is
neither a training word nor a real word (:func:`known_words`) by the training word one edit away
that occurs most often: a letter dropped, added or changed inside the word, or two neighbours
swapped ("thhis" -> "this", "chta" -> "chat", "evry" -> "every"); the first letter and the last
two letters, where words inflect, are kept. When two such words occur equally often, or none is
one edit away, the word is kept as written. Real words are never changed: without that list,
"page" became "age" and "fish" became "wish". A line the model was trained on reads exactly as
before. Only the reading is repaired: the stored text, places and addresses are read from the
message as written.
"""
from __future__ import annotations

import gzip
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Dict, Final, FrozenSet, Iterable, Iterator, Optional

from core.text import fold

#: Shorter words have too many neighbours one edit away to repair safely ("sad" / "sed" / "sid").
MIN_LENGTH: Final = 4

#: Real English, Spanish and Polish words, folded (scripts/build-known-words.py: wordfreq's lists,
#: CC BY-SA 4.0, every word with a Zipf frequency of 2.5 or more in one of the three languages).
KNOWN_WORDS_FILE: Final = Path(__file__).resolve().parent / "words" / "known.txt.gz"

_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def known_words() -> FrozenSet[str]:
    """The real words a speller never repairs (read once per process)."""
    with gzip.open(KNOWN_WORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each folded word occurs in ``texts``."""
    return Counter(word for text in texts for word in _LETTERS.findall(fold(text)))


class Speller:
    """Repairs one-edit typos of unknown words towards a known vocabulary (see the module docstring)."""

    def __init__(self, counts: Dict[str, int]) -> None:
        self.counts = dict(counts)
        self.alphabet = "".join(sorted({ch for word in self.counts for ch in word}))

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Speller":
        """A speller knowing every word of ``texts`` (folded)."""
        return cls(word_counts(texts))

    def correct(self, folded: str) -> str:
        """``folded`` (``core.text.fold`` of a message) with each repairable unknown word repaired."""
        return _LETTERS.sub(lambda m: self.word(m.group(0)), folded)

    def word(self, word: str) -> str:
        """The known word ``word`` stands for: itself if known, short or not one edit from one word."""
        if len(word) < MIN_LENGTH or word in self.counts or word in known_words():
            return word
        best: Optional[str] = None
        best_count = tied = 0
        for candidate in set(self._edits(word)):
            count = self.counts.get(candidate, 0)
            if count > best_count:
                best, best_count, tied = candidate, count, 0
            elif count and count == best_count:
                tied = 1
        return best if best is not None and not tied else word

    def _edits(self, word: str) -> Iterator[str]:
        """Strings one edit from ``word`` that keep its first letter and its ending: a letter dropped,
        added or changed inside the word (not in its last two letters, where English, Spanish and
        Polish inflect: "rumiankowa" is no typo of "rumiankowy"), or two neighbours swapped."""
        n = len(word)
        for i in range(1, n):
            head, tail = word[:i], word[i:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]
            if i <= n - 3:
                yield head + tail[1:]
                for ch in self.alphabet:
                    if ch != tail[0]:
                        yield head + ch + tail[1:]
            if i <= n - 2:
                for ch in self.alphabet:
                    yield head + ch + tail
