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
    rf"(?:\b(?:calle|avenida|avda\.?|av\.?|plaza|pza\.?|paseo|camino|carrer)|\bc/)\s*{_NAME}\s*,?\s+(?:n[ºo°]\.?\s*)?{_NUMBER}{_TAIL}",
    # English: 12 Oak Street, Leeds · 4b Mill Lane
    rf"\b\d{{1,4}}[a-zA-Z]?\s+{_NAME}\s+(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|close|way|court|crescent|place|terrace|gardens|grove)\b{_TAIL}",
]
_COMPILED = [re.compile(p, re.IGNORECASE | re.UNICODE) for p in _PATTERNS]


def find_address(text: str) -> Optional[tuple[int, int, str]]:
    """The first street address in ``text`` as ``(start, end, value)``, or None."""
    best: Optional[re.Match[str]] = None
    for pattern in _COMPILED:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    value = best.group(0).rstrip(" ,.;")
    return best.start(), best.start() + len(value), value
