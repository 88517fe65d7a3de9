"""A rule-based finder for how long something has lasted ("for four months", "od pół roku",
"desde hace un año") — the ``duration`` entity of a coded help request, beside the CRF."""
from __future__ import annotations

import re
from typing import Optional

_COUNT_EN = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|a couple of|several|many|half a)"
_UNIT_EN = r"(?:days?|weeks?|months?|years?|yrs?|mo)"
_MONTHS_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_SINCE_EN = rf"(?:{_MONTHS_EN}|christmas|easter|summer|winter|spring|autumn|the holidays|last (?:year|week|month|summer|winter|spring|autumn|christmas)|i was (?:little|small|\d+)|school started|forever)"

_UNIT_PL = r"(?:dni|dnia|dzień|dzien|tygodni(?:a|e)?|tydzień|tydzien|miesi(?:ą|a)c(?:a|e|y)?|miesi(?:ę|e)cy|rok|roku|lat|lata)"
_COUNT_PL = r"(?:\d+|jednego|dwóch|dwoch|dwa|dwie|trzech|trzy|czterech|cztery|pięciu|pieciu|pięć|piec|sześciu|szesciu|kilku|kilka|wielu|paru|pół|pol|półtora|poltora)"
_MONTHS_PL = r"(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia)"
_SINCE_PL = rf"(?:{_MONTHS_PL}|wakacji|świąt|swiat|zimy|lata|wiosny|jesieni|zawsze|dawna|dziecka|początku roku|poczatku roku)"

_UNIT_ES = r"(?:d(?:í|i)as?|semanas?|mes(?:es)?|años?|anos?)"
_COUNT_ES = r"(?:\d+|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|unos|unas|varios|varias|muchos|muchas|medio)"
_MONTHS_ES = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
_SINCE_ES = rf"(?:{_MONTHS_ES}|navidad|verano|invierno|primavera|otoño|otono|siempre|pequeñ[oa]|pequen[oa]|que era (?:pequeñ[oa]|pequen[oa]|niñ[oa]|nin[oa]))"

_PATTERNS = [
    rf"\b(?:for|since)\s+(?:about|almost|nearly|over|more than|like|around|the (?:past|last))?\s*{_COUNT_EN}\s+{_UNIT_EN}\b",
    rf"\b(?:for|in)\s+the\s+(?:past|last)\s+{_COUNT_EN}?\s*{_UNIT_EN}\b",
    rf"\bsince\s+{_SINCE_EN}\b",
    rf"\b{_COUNT_EN}\s+{_UNIT_EN}\s+(?:now|already)\b",
    rf"\b(?:od|przez)\s+(?:prawie|ponad|około|okolo|już|juz|jakichś|jakichs)?\s*(?:{_COUNT_PL}\s+)?{_UNIT_PL}\b",
    rf"\bod\s+(?:pół|pol)\s+roku\b",
    rf"\bod\s+{_SINCE_PL}\b",
    rf"\b(?:desde\s+hace|hace|durante|llevo)\s+(?:casi|más de|mas de|unos|unas|como)?\s*{_COUNT_ES}?\s*{_UNIT_ES}\b",
    rf"\bdesde\s+(?:el\s+|la\s+|que\s+)?{_SINCE_ES}\b",
]
_COMPILED = [re.compile(p, re.IGNORECASE | re.UNICODE) for p in _PATTERNS]


def find_duration(text: str) -> Optional[tuple[int, int, str]]:
    """The first duration phrase in ``text`` as ``(start, end, value)``, or None."""
    matches = [m for m in (p.search(text) for p in _COMPILED) if m]
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.start(), -len(m.group(0))))
    return best.start(), best.end(), best.group(0).strip()
