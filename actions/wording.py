"""The words the referral and emergency actions say, from YAML — never from Python.

Inside a persona its own voice lines are used (``referral_line``, ``referral_emergency``,
``emergency_local``, ``confirm_place`` in ``personas/<id>.yml``), so the disguise holds and the
number is exact; without a persona (or for a language the persona lacks a line for: the persona's
fallback rule applies) the plain lines of ``actions/referral_words.yml``. Shared details (free,
hours, the names of generic starter services) come from that file too; day names come from the
Unicode CLDR through babel (:func:`day_phrase`), already inflected for the sentence.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Mapping, Optional

import yaml

from core.persona import persona_by_id

WORDS_FILE: Final = Path(__file__).with_name("referral_words.yml")
DEFAULT_LANG: Final = "en"


@lru_cache(maxsize=1)
def _words() -> Mapping[str, Mapping[str, Any]]:
    with WORDS_FILE.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return data


def words(lang: Optional[str]) -> Mapping[str, Any]:
    """The shared words of ``lang`` (English for a language the file does not have)."""
    table = _words()
    return table[lang] if lang in table else table[DEFAULT_LANG]


def line(key: str, persona: Optional[str], lang: Optional[str]) -> str:
    """The template of ``key`` in the persona's voice, else the plain one (``line`` for referrals)."""
    found = persona_by_id(persona)
    if found is not None and key in found.voice:
        return found.voice_texts(key, lang or found.default_language)[0]
    plain = {"referral_line": "line", "referral_emergency": "line"}.get(key, key)
    return str(words(lang)[plain])


def in_cover(persona: Optional[str]) -> bool:
    """True when the chat is inside a disguise persona."""
    return persona_by_id(persona) is not None


def country_name(code: str, lang: Optional[str]) -> str:
    """``ES`` -> "Spain" / "Hiszpania" / "España" (babel), else the code."""
    from babel import Locale

    try:
        return str(Locale.parse(lang or DEFAULT_LANG).territories.get(code.upper(), code.upper()))
    except Exception:  # pragma: no cover - a locale babel lacks
        return code.upper()


def day_phrase(day: date, today: date, lang: Optional[str]) -> str:
    """When ``day`` is, said on ``today`` in ``lang``: "tomorrow", "this Tuesday" (up to six days
    ahead), else "next Tuesday" — CLDR's relative forms via babel, inflected as the sentence needs
    ("jutro", "w tę środę", "el próximo martes")."""
    from babel import Locale

    # babel has no public accessor for CLDR's relative date fields; tests/actions checks them.
    fields = Locale.parse(lang or DEFAULT_LANG)._data["date_fields"]
    ahead = (day - today).days
    if ahead == 1:
        return str(fields["day"]["relative"][1])
    key = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
    return str(fields[key]["relative"][0 if ahead < 7 else 1])
