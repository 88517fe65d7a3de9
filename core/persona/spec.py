"""The persona file format (``personas/<id>.yml``, documented in ``personas/README.md``) as a
declarative pydantic v1 schema: types, required fields, enums, lengths, patterns and unknown
keys. :mod:`core.persona.validate` runs it through :func:`core.yamlcheck.check_model` (every
error at its line) and adds the checks that need more than one field or the file's context.

Per-language texts are :class:`LangMap` models (one optional field per supported language):
which of them a persona must have depends on its ``languages`` — a cross-field check.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, Dict, List, Optional
from urllib.parse import urlsplit

import pycountry
from pydantic import Field, conlist, create_model, validator

from core.persona.schema import (
    ACTION_VOICE_KEYS,
    ANNOTATABLE_ENTITIES,
    CODE_NAMES,
    COLOR_NAMES,
    FREE_VARIATION_KEYS,
    KINDS,
    MAX_VOICE_VARIATIONS,
    MIN_CLEAN_CHAT_EXAMPLES,
    MIN_CODE_EXAMPLES,
    MIN_COVER_EXAMPLES,
    OPTIONAL_ACTION_VOICE_KEYS,
    REQUIRED_CODE_NAMES,
    VOICE_KEYS,
)
from core.signals import LANGUAGES, NO_PERSONA, ORDINARY_INTENTS, SAFETY_INTENTS
from core.yamlcheck import OneOf, Problem, Strict, Text

MAX_FOOTER_LINES = 4
MAX_EXAMPLE_CHARS = 300
MAX_EXIT_LABEL_CHARS = 30

_IDENT = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")  # no "__" (the persona separator)
_ITEM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_PRICE = re.compile(r"\d{1,7}(?:\.\d{1,2})?")
_DIGITS = re.compile(r"\d{2,6}")
ANNOTATION = re.compile(
    r"\[(?P<text>[^\]]+?)\](?:\((?P<entity>[^:)]+?)(?::(?P<value>[^)]+))?\)|\{(?P<dict>[^}]*)\}"
    r"|\[(?P<list>.*?)\])"
)
_BRACES = re.compile(r"[{}]")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"(?=.{{1,253}}\Z){_LABEL}(?:\.{_LABEL})*\Z")
_FAVICON_SUFFIXES = (".png", ".ico", ".svg")
RESERVED_INTENTS = frozenset((*CODE_NAMES, *ORDINARY_INTENTS, *SAFETY_INTENTS))


def example_text(example: str) -> str:
    """The plain text of an example: ``[Lipowa 5](address)`` -> ``Lipowa 5``."""
    return ANNOTATION.sub(lambda m: m.group("text"), example)


def normalize_example(example: str) -> str:
    """Key for duplicate detection: annotation removed, case-folded, spaces collapsed."""
    return " ".join(example_text(example).casefold().split()).strip(" .!?¡¿")


def is_emoji(text: str) -> bool:
    """One emoji (or a short sequence), no letters, digits or spaces."""
    if not 1 <= len(text) <= 12 or any(c.isspace() or c.isascii() and c.isalnum() for c in text):
        return False
    return any(unicodedata.category(c) == "So" for c in text)


# --- scalars ---------------------------------------------------------------------------------
class Plain(Text):
    """A text shown or said as it is: no ``{placeholders}``."""

    @classmethod
    def check(cls, text: str) -> list[str]:
        return ["curly braces are not allowed in this text (plain text only)"] if _BRACES.search(text) else []


class _Ident(Text):
    max_chars = 64
    what: ClassVar[str] = "name"

    @classmethod
    def check(cls, text: str) -> list[str]:
        if not _IDENT.fullmatch(text):
            return [f"{cls.what} {text!r} must be lower-case letters, digits and single underscores, starting with a letter"]
        return []


class PersonaId(_Ident):
    what = "id"

    @classmethod
    def check(cls, text: str) -> list[str]:
        if text == NO_PERSONA:
            return [f"{NO_PERSONA!r} is reserved for the bot without a persona"]
        return super().check(text)


class CoverName(_Ident):
    what = "cover name"

    @classmethod
    def check(cls, text: str) -> list[str]:
        if text in RESERVED_INTENTS:
            return [f"{text!r} is a shared or code intent name; choose another"]
        return super().check(text)


class RiskName(_Ident):
    what = "risk name"


class Kind(OneOf):
    what, choices = "kind", KINDS


class Lang(OneOf):
    choices, refusal = LANGUAGES, "unknown language code {value!r}; supported: {choices}"


class Country(Text):
    @classmethod
    def check(cls, text: str) -> list[str]:
        if re.fullmatch(r"[A-Z]{2}", text) and pycountry.countries.get(alpha_2=text) is not None:
            return []
        hint = f" (write {text.upper()!r})" if text.upper() != text else ""
        return [f"{text!r} is not an ISO 3166-1 alpha-2 country code{hint}"]


class ShortNumber(Text):
    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if _DIGITS.fullmatch(text) else ['must be the digits of a short number, e.g. "112"']


class Host(Text):
    max_chars = 253

    @classmethod
    def check(cls, text: str) -> list[str]:
        if _HOST.match(text):
            return []
        return [f"{text!r} must be a host name in lowercase, like shop.example.pl (no https://, port or path)"]


class ShopName(Plain):
    max_chars = 60


class Colour(Text):
    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if _COLOR.fullmatch(text) else [f"{text!r} is not a colour; write #rrggbb, e.g. #5b7f3a"]

    @classmethod
    def convert(cls, text: str) -> str:
        return text.lower()


class ExitUrl(Text):
    max_chars = 500

    @classmethod
    def check(cls, text: str) -> list[str]:
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.hostname or parts.username or parts.password or " " in text:
            return [f"{text!r} must be a plain https:// address of an ordinary site"]
        return []


class Favicon(Text):
    """An emoji, or a path under ``personas/assets/`` (kept as ``assets/...``)."""

    max_chars = 200

    @classmethod
    def check(cls, text: str) -> list[str]:
        if is_emoji(text):
            return []
        rel = text.removeprefix("personas/")
        if not rel.startswith("assets/") or ".." in Path(rel).parts or not rel.lower().endswith(_FAVICON_SUFFIXES):
            return ["write an emoji or a path under personas/assets/ (.png, .ico or .svg)"]
        return []

    @classmethod
    def convert(cls, text: str) -> str:
        return text if is_emoji(text) else text.removeprefix("personas/")


class Price(Text):
    max_chars = 12
    example: ClassVar[str] = 'is not a price; write e.g. "34.90"'

    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if _PRICE.fullmatch(text) else [f"{text!r} {cls.example}"]

    @classmethod
    def convert(cls, text: str) -> Decimal:  # type: ignore[override]
        return Decimal(text)


class Amount(Price):
    example = 'is not an amount; write e.g. "150"'


class Currency(Text):
    max_chars = 3

    @classmethod
    def check(cls, text: str) -> list[str]:
        if re.fullmatch(r"[A-Z]{3}", text) and pycountry.currencies.get(alpha_3=text) is not None:
            return []
        return [f"{text!r} is not an ISO 4217 currency code (e.g. PLN, EUR)"]


class ExitIcon(Text):
    max_chars = 4

    @classmethod
    def check(cls, text: str) -> list[str]:
        return [f"{text!r}: an icon is one symbol (✕, ×, ←), not letters"] if any(c.isalnum() for c in text) else []


class ExitLabel(Plain):
    @classmethod
    def check(cls, text: str) -> list[str]:
        if len(text) > MAX_EXIT_LABEL_CHARS:
            return [f"too long ({len(text)} characters, at most {MAX_EXIT_LABEL_CHARS}): a short word like 'Close'"]
        return super().check(text)


class ItemId(Text):
    max_chars = 64

    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if _ITEM_ID.fullmatch(text) else [f"{text!r}: use lower-case letters, digits and hyphens"]


class Size(Text):
    max_chars = 40


class Example(Text):
    """A training example: one line, ``[text](entity)`` annotations for known entities only."""

    max_chars = MAX_EXAMPLE_CHARS

    @classmethod
    def check(cls, text: str) -> list[str]:
        if "\n" in text:
            return ["an example must be one line"]
        found = []
        for match in ANNOTATION.finditer(text):
            entity = match.group("entity")
            if entity is None:
                found.append("only [text](entity) annotations are allowed, not {...} or [...] forms")
            elif match.group("value") is not None:
                found.append(f"entity values ({match.group(0)}) are not allowed; write [text]({entity.strip()})")
            elif entity.strip() not in ANNOTATABLE_ENTITIES:
                found.append(
                    f"unknown entity {entity.strip()!r} in {match.group(0)!r}; allowed: {', '.join(ANNOTATABLE_ENTITIES)}"
                )
        if not normalize_example(text):
            found.append("an example needs some words")
        return found


class Keyword(Text):
    max_chars = 60

    @classmethod
    def check(cls, text: str) -> list[str]:
        return ["a cue is one plain word or short phrase"] if "\n" in text or ANNOTATION.search(text) else []


# --- per-language values -----------------------------------------------------------------------
class LangMap(Strict):
    """``{en: ..., pl: ..., es: ...}``; the persona's ``languages`` decide which must be there."""

    @classmethod
    def unknown(cls, key: str) -> str:
        return f"unknown language code {key!r}; supported: {', '.join(LANGUAGES)}"


def per_lang(name: str, item: type, *, min_items: Optional[int] = None, max_items: Optional[int] = None) -> type[LangMap]:
    """A :class:`LangMap` of one ``item`` per language, or (``min_items`` given) of a list of them."""
    if min_items is None:
        value: Any = item
        factory: Any = str
    else:
        value = conlist(item, min_items=min_items, max_items=max_items)
        factory = list
    fields: Any = {lang: (value, Field(default_factory=factory)) for lang in LANGUAGES}
    return create_model(name, __base__=LangMap, **fields)


PlainText = per_lang("PlainText", Plain)
Replies = per_lang("Replies", Plain, min_items=1)
CoverExamples = per_lang("CoverExamples", Example, min_items=MIN_COVER_EXAMPLES)
CodeExamples = per_lang("CodeExamples", Example, min_items=MIN_CODE_EXAMPLES)
CleanChatExamples = per_lang("CleanChatExamples", Example, min_items=MIN_CLEAN_CHAT_EXAMPLES)
Cues = per_lang("Cues", Keyword, min_items=1)
FooterLines = per_lang("FooterLines", Plain, min_items=1, max_items=MAX_FOOTER_LINES)
ExitLabels = per_lang("ExitLabels", ExitLabel)
#: A voice line may hold placeholders; which ones is a per-key (semantic) check.
FreeVariations = per_lang("FreeVariations", Text, min_items=1, max_items=MAX_VOICE_VARIATIONS)
OneVariation = per_lang("OneVariation", Text, min_items=1, max_items=1)


# --- sections ----------------------------------------------------------------------------------
def _unique(values: List[str], what: str) -> List[str]:
    twice = [((i,), f"{what} {v!r} is listed twice") for i, v in enumerate(values) if v in values[:i]]
    if twice:
        raise Problem(values, *twice)
    return values


class Colors(Strict):
    key_name = "colour"
    primary: Colour
    accent: Colour
    background: Colour
    text: Colour


assert tuple(Colors.keys()) == COLOR_NAMES


class ExitControl(Strict):
    icon: Optional[ExitIcon] = None
    label: Optional[ExitLabels] = None  # type: ignore[valid-type]


class Display(Strict):
    name: ShopName
    tagline: PlainText  # type: ignore[valid-type]
    colors: Colors
    exit_url: ExitUrl
    favicon: Favicon
    banner: Optional[PlainText] = None  # type: ignore[valid-type]
    free_delivery_from: Optional[Amount] = None
    currency: Optional[Currency] = None
    footer: Optional[FooterLines] = None  # type: ignore[valid-type]
    exit: Optional[ExitControl] = None


class Item(Strict):
    """A product or guide; whether price and currency are required depends on ``kind``."""

    id: ItemId
    name: PlainText  # type: ignore[valid-type]
    description: PlainText  # type: ignore[valid-type]
    price: Optional[Price] = None
    currency: Optional[Currency] = None
    size: Optional[Size] = None


class Cover(Strict):
    name: CoverName
    examples: CoverExamples  # type: ignore[valid-type]
    replies: Replies  # type: ignore[valid-type]
    #: After the reply, ask the persona's ``confirm_help`` question too: for ordinary questions that
    #: share words with the code (rumianek's delivery times vs its "express delivery" urgent code), so
    #: that a child who meant the code is still asked, while a shopper just gets the answer and a "no thanks".
    offer: bool = False


class CodeSignal(Strict):
    examples: CodeExamples  # type: ignore[valid-type]


class CleanChatSignal(Strict):
    examples: CleanChatExamples  # type: ignore[valid-type]


def _section(name: str, key_name: str, fields: dict[str, Any]) -> type[Strict]:
    base = type(f"{name}Base", (Strict,), {"key_name": key_name, "__module__": __name__})
    return create_model(name, __base__=base, **fields)


Code = _section(
    "Code",
    "code signal",
    {
        **{n: ((CleanChatSignal if n == "clean_chat" else CodeSignal), ... if n in REQUIRED_CODE_NAMES else None)
           for n in CODE_NAMES},
        "risk_cues": (Optional[Dict[RiskName, Cues]], None),  # type: ignore[valid-type]
    },
)
Voice = _section(
    "Voice",
    "voice key",
    {key: ((FreeVariations if key in FREE_VARIATION_KEYS else OneVariation), ...) for key in (*VOICE_KEYS, *ACTION_VOICE_KEYS)
     if key not in OPTIONAL_ACTION_VOICE_KEYS}
    | {key: (Optional[OneVariation], None) for key in OPTIONAL_ACTION_VOICE_KEYS},  # type: ignore[valid-type]
)


class PersonaFile(Strict):
    """A whole persona file."""

    too_few: ClassVar[dict[str, str]] = {
        "languages": "list at least one language; the first is the default",
        "cover": "declare at least one cover intent (what ordinary visitors ask)",
    }

    id: PersonaId
    kind: Kind
    languages: conlist(Lang, min_items=1)  # type: ignore[valid-type]
    country: Country
    display: Display
    catalogue: Optional[List[Item]] = None
    cover: conlist(Cover, min_items=1)  # type: ignore[valid-type]
    code: Code  # type: ignore[valid-type]
    voice: Voice  # type: ignore[valid-type]
    emergency_number: Optional[ShortNumber] = None
    hosts: Optional[List[Host]] = None

    _languages_once = validator("languages", allow_reuse=True)(lambda v: _unique(v, "language"))
    _hosts_once = validator("hosts", allow_reuse=True)(lambda v: v if v is None else _unique(v, "host"))
