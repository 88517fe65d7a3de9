"""The words the referral and emergency actions say, from YAML — never from Python.

Inside a persona its own voice lines are used (``referral_line``, ``referral_emergency``,
``emergency_local``, ``confirm_place`` in ``personas/<id>.yml``), so the disguise holds and the
number is exact; without a persona (or for a language the persona lacks a line for: the persona's
fallback rule applies) the plain lines of ``actions/referral_words.yml``. Shared details (free,
hours, the names of generic starter services) come from that file too; day names come from the
Unicode CLDR through babel (:func:`day_phrase`), already inflected for the sentence.
"""
from __future__ import annotations

import string
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Dict, Final, Mapping, Optional

from pydantic import validator

from core.persona import persona_by_id
from core.persona.spec import Lang
from core.signals import LANGUAGES
from core.yamlcheck import Strict, Text, checked, read_checked

WORDS_FILE: Final = Path(__file__).with_name("referral_words.yml")
DEFAULT_LANG: Final = "en"


class Template(Text):
    """A line with ``{name}`` placeholders, only those of :attr:`fields` (a typo would fail in the
    middle of a child's referral instead of here)."""

    fields: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def check(cls, text: str) -> list[str]:
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            return [f"not a template ({exc}); write a brace as {{{{ or }}}}"]
        unknown = sorted(used - cls.fields)
        if unknown:
            allowed = ", ".join(f"{{{f}}}" for f in sorted(cls.fields)) or "none"
            return [f"unknown placeholder {', '.join(f'{{{u}}}' for u in unknown)}; this line may use {allowed}"]
        return []


def _template(*fields: str) -> type[Template]:
    return type("Template", (Template,), {"fields": frozenset(fields)})


class Kinds(Strict):
    key_name = "kind"
    emergency: Template
    child_helpline: Template


class LanguageWords(Strict):
    """The words of one language (placeholders as the file's header says)."""

    key_name = "word"
    nobody_now: _template("back")  # type: ignore[valid-type]
    back_today: _template("t")  # type: ignore[valid-type]
    back_day: _template("d", "t")  # type: ignore[valid-type]
    back_soon: Template
    line: _template("name", "contact", "details")  # type: ignore[valid-type]
    emergency_local: _template("number")  # type: ignore[valid-type]
    confirm_place: _template("place", "country")  # type: ignore[valid-type]
    why_place: Template
    why_accepted: Template
    or_word: Template
    in_country: _template("line", "country")  # type: ignore[valid-type]
    free: Template
    always: Template
    open_until: _template("t")  # type: ignore[valid-type]
    opens_today: _template("t")  # type: ignore[valid-type]
    opens_day: _template("d", "t")  # type: ignore[valid-type]
    kinds: Kinds


class WordsFile(Strict):
    """``<lang>: {word: line}`` for every language of :data:`core.signals.LANGUAGES`."""

    __root__: Dict[Lang, LanguageWords]

    @validator("__root__")
    def _every_language(cls, value: Dict[str, LanguageWords]) -> Dict[str, LanguageWords]:
        missing = [lang for lang in LANGUAGES if lang not in value]
        if missing:
            raise ValueError(f"missing language {', '.join(missing)} (every language of the bot needs its words)")
        return value


class WordsError(ValueError):
    """The referral words file is malformed; one ``file:line: field: message`` per problem."""


def check_words(text: str, name: str) -> dict[str, dict[str, Any]]:
    """The words of ``text`` (a referral words file called ``name``) as plain mappings; raises
    :class:`WordsError` naming every problem's line."""
    words = checked(WordsFile, read_checked(text, name, WordsError), name, WordsError)
    return {lang: {**w.dict(exclude={"kinds"}), "kinds": w.kinds.dict()} for lang, w in words.__root__.items()}


@lru_cache(maxsize=1)
def _words() -> Mapping[str, Mapping[str, Any]]:
    return check_words(WORDS_FILE.read_text(encoding="utf-8"), str(WORDS_FILE))


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


#: Countries whose English names take "the" ("Boston in the United States?", "the Netherlands").
ENGLISH_THE: Final = frozenset({"US", "GB", "NL", "PH", "AE", "DO", "BS", "GM", "CF", "KY", "MV", "SC", "KM",
                                "MH", "SB", "FK", "VI", "VG", "TC"})


def country_phrase(code: str, lang: Optional[str]) -> str:
    """:func:`country_name` as it stands after "in" in a sentence: English adds "the" where English
    needs it ("the United States", "the United Kingdom", "the Netherlands")."""
    name = country_name(code, lang)
    if (lang or DEFAULT_LANG) == "en" and code.upper() in ENGLISH_THE and not name.lower().startswith("the "):
        return f"the {name}"
    return name


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
