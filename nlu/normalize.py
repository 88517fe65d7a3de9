"""Text folding shared by the NLU components: case, diacritics, repeated letters."""
from __future__ import annotations

import re
import unicodedata

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
_REPEATS = re.compile(r"(.)\1{2,}")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, drop diacritics (``skóra`` -> ``skora``), squeeze letters repeated 3+ times."""
    text = text.translate(_EXTRA).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _REPEATS.sub(r"\1\1", stripped)


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits), punctuation and emoji dropped."""
    return [w for w in _NON_WORD.split(fold(text)) if w]
