"""A rule-based postal-address finder for ``visit_request`` messages (EN/PL/ES street forms).

The CRF entity extractor learns addresses from annotated persona examples; this catches the
common street forms it misses. The address is content like any other: it only lives in the encrypted tracker store.
"""
from __future__ import annotations

import re
from typing import Optional

_WORD = r"[^\W\d_][\w'’.\-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_NUMBER = r"\d{1,4}[a-zA-Z]?(?:\s*[/\-]\s*\d{1,4}[a-zA-Z]?)?(?:\s*,?\s*(?:m\.|m(?=\s*\d)|lok\.?|apt\.?|flat|piso|puerta)\s*\d+\s*[a-zA-Z]?\b|\s*,?\s*\d+º\s*[a-zA-Z]?)?"
_TAIL = r"(?:\s*,\s*(?:\d{2}-\d{3}\s+|\d{5}\s+)?[A-ZĄĆĘŁŃÓŚŹŻÁÉÍÓÚÑ][\w'’.\-]*)?"
_PATTERNS = [
    # Polish: ul. Lipowa 5/3, Kraków · al. Jana Pawła II 12 · os. Piastów 3
    rf"\b(?:ul\.?|ulica|ulicy|al\.?|aleja|alei|os\.?|osiedle|pl\.?|plac)\s+{_NAME}\s+{_NUMBER}{_TAIL}",
    # Spanish: Calle Mayor 12, 2ºB, Sevilla · c/ Sol 3 · Avda. de la Paz 10
    rf"(?:\b(?:calle|avenida|avda\.?|av\.?|plaza|pza\.?|paseo|camino|carrer|pasaje|pje\.?|ronda|travesia|travesía|"
    rf"rambla|glorieta|callejon|callejón)|\bc/)\s*{_NAME}\s*,?\s+(?:n[ºo°]\.?\s*)?{_NUMBER}{_TAIL}",
    # Spanish, the number first: al número 9 de la calle Herreros, Soria
    rf"\bn[uú]mero\s+{_NUMBER}\s+de\s+la\s+(?:calle|avenida|plaza|ronda|travesia|travesía)\s+{_NAME}{_TAIL}",
    # Polish without "ul.": na Lipową 33 w Ełku · przy Długiej 5/2 (a capitalised street adjective and a number)
    rf"\b(?:na|przy)\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:ą|ej|ego))\s+{_NUMBER}(?:\s+w\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ])\w+|{_TAIL})",
    # English: 12 Oak Street, Leeds · 4b Mill Lane · 8 Orchard Row
    rf"\b\d{{1,4}}[a-zA-Z]?\s+{_NAME}\s+(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|close|way|court|crescent|place|terrace|gardens|grove|"
    rf"row|mews|walk|square|parade|rise|green|boulevard|blvd\.?|wharf)\b{_TAIL}",
]
_COMPILED = [re.compile(p, re.IGNORECASE | re.UNICODE) for p in _PATTERNS]


def find_address(text: str) -> Optional[tuple[int, int, str]]:
    """The first street address in ``text`` as ``(start, end, value)``, or None."""
    found = sorted((m for m in (p.search(text) for p in _COMPILED) if m), key=lambda m: m.start())
    if not found:
        return None
    best = found[0]
    for match in found[1:]:  # of overlapping forms the longest ("al número 9 de la calle …" is no "al." avenue)
        if match.start() < best.end() and match.end() > best.end():
            best = match
    value = best.group(0).rstrip(" ,.;")
    return best.start(), best.start() + len(value), value
