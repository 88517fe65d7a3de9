"""Text hygiene: one folding function for matching, and what every channel does to user text.

* :func:`fold` / :func:`words` — lowercase, diacritics dropped, repeated letters squeezed; the one
  folding used by the NLU, the gazetteer and the importers.
* :func:`neutralise` — Rasa treats a message that starts with ``/`` as an intent with optional
  JSON entities (``/abuse_disclosure{"x": 1}``), which would let anyone inject intents and slot
  values; a leading ``/`` never reaches Rasa (docs/design.md, invariant 8).
* :func:`clean` — invalid code points (lone UTF-16 surrogates) replaced, so every message can be
  stored and classified.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Final

#: Letters NFKD does not decompose, and apostrophes (``O'Brien`` ~ ``o brien`` in names).
_EXTRA = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae",
    "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d",
})
_APOSTROPHES = str.maketrans({"’": " ", "'": " "})
#: Letters (not digits: "999" and "116 111" must stay what they are) repeated three times or more.
_REPEATS = re.compile(r"(\D)\1{2,}")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_NON_LATIN_WORD = re.compile(r"[^0-9a-z]+")
#: Leading whitespace (including zero-width and other invisible characters) and slashes.
#: Fullwidth solidus (U+FF0F), fraction slash (U+2044) and division slash (U+2215) are
#: included: they look like ``/`` and a later normalisation step must not turn them back into one.
_LEADING: Final = re.compile(r"^[\s\u200b-\u200f\u2060\ufeff/\uff0f\u2044\u2215]+")
_SURROGATES: Final = re.compile(r"[\ud800-\udfff]")
REPLACEMENT: Final = "\ufffd"


def _unmarked(text: str) -> str:
    """Case-folded, diacritics dropped, letters NFKD keeps mapped (``Łódź`` -> ``lodz``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold(text: str) -> str:
    """Lowercase, drop diacritics (``skóra`` -> ``skora``), squeeze letters repeated 3+ times."""
    return _REPEATS.sub(r"\1\1", _unmarked(text))


def fold_name(text: str) -> str:
    """A name for lookups: folded, only ``a-z0-9``, words single-spaced (``"Kraków!"`` -> ``krakow``).

    Repeated letters are kept (place and organisation names are spelled exactly).
    """
    if text.isascii():
        return _NON_LATIN_WORD.sub(" ", text.lower().replace("'", " ")).strip()
    return _NON_LATIN_WORD.sub(" ", _unmarked(text.translate(_APOSTROPHES))).strip()


def slug(text: str, limit: int = 40) -> str:
    """An identifier from a name: ``"Telefon Zaufania 116 111"`` -> ``telefon-zaufania-116-111``."""
    return fold_name(text).replace(" ", "-")[:limit] or "x"


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits), punctuation and emoji dropped."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def neutralise(text: str) -> str:
    """Strip leading whitespace and every leading slash; change nothing else.

    >>> neutralise('/abuse_disclosure{"x": 1}')
    'abuse_disclosure{"x": 1}'
    >>> neutralise(' // hello /there')
    'hello /there'
    """
    return _LEADING.sub("", text)


def clean(text: str) -> str:
    """Replace code points that cannot be encoded (lone surrogates) by U+FFFD."""
    return _SURROGATES.sub(REPLACEMENT, text)
