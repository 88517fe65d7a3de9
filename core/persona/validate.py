"""Check a persona file against the format in ``personas/README.md`` and build the model.

Every problem becomes a :class:`PersonaError` ``(file, line, field, message)``; checking goes on
after a problem so a partner sees all of them at once. Only a file without errors yields a
:class:`~core.persona.schema.Persona`.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence
from urllib.parse import urlsplit

import pycountry

from core.emergency import UnknownEmergencyNumber, emergency_number
from core.persona.schema import (
    ANNOTATABLE_ENTITIES,
    CODE_NAMES,
    COLOR_NAMES,
    EMERGENCY_PLACEHOLDER,
    KINDS,
    MAX_VOICE_VARIATIONS,
    ACTION_VOICE_KEYS,
    ACTION_VOICE_OPTIONAL,
    FREE_VARIATION_KEYS,
    MIN_CLEAN_CHAT_EXAMPLES,
    MIN_CODE_EXAMPLES,
    MIN_COVER_EXAMPLES,
    REQUIRED_CODE_NAMES,
    VOICE_KEYS,
    DEFAULT_EXIT_ICON,
    CatalogueItem,
    CodeSignal,
    Colors,
    CoverIntent,
    Display,
    ExitControl,
    Persona,
)
from core.persona.discretion import hits, safety_words
from core.persona.source import Path_, Source, YamlSyntaxError, read_source
from core.signals import LANGUAGES, NO_PERSONA, ORDINARY_INTENTS, SAFETY_INTENTS

TOP_FIELDS = (
    "id", "kind", "languages", "country", "display", "catalogue", "cover", "code", "voice",
    "emergency_number", "hosts",
)
OPTIONAL_TOP_FIELDS = ("catalogue", "emergency_number", "hosts")
DISPLAY_FIELDS = (
    "name", "tagline", "colors", "exit_url", "favicon", "banner", "free_delivery_from", "currency", "footer", "exit",
)
OPTIONAL_DISPLAY_FIELDS = ("banner", "free_delivery_from", "currency", "footer", "exit")
EXIT_FIELDS = ("icon", "label")
MAX_FOOTER_LINES = 4
#: What ``popbot persona new`` writes where the partner must write something.
TODO_MARK = "TODO"
ITEM_FIELDS = ("id", "name", "description", "price", "currency", "size")
COVER_FIELDS = ("name", "examples", "replies")
MIN_TEXT_CONTRAST = 4.5  # WCAG 2 AA for body text
MAX_EXAMPLE_CHARS = 300
MAX_TEXT_CHARS = 2000

_IDENT = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")  # no "__" (the persona separator)
_ITEM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_PRICE = re.compile(r"\d{1,7}(?:\.\d{1,2})?")
_DIGITS = re.compile(r"\d{2,6}")
_ANNOTATION = re.compile(
    r"\[(?P<text>[^\]]+?)\](?:\((?P<entity>[^:)]+?)(?::(?P<value>[^)]+))?\)|\{(?P<dict>[^}]*)\}"
    r"|\[(?P<list>.*?)\])"
)
_PLACEHOLDER = re.compile(r"[{}]")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"(?=.{{1,253}}\Z){_LABEL}(?:\.{_LABEL})*\Z")
_FAVICON_SUFFIXES = (".png", ".ico", ".svg")


@dataclass(frozen=True, order=True)
class PersonaError:
    """One problem in a persona file; ``str()`` is ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class PersonaInvalid(ValueError):
    """A persona file has errors; ``errors`` lists every one."""

    def __init__(self, errors: Sequence[PersonaError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def format_path(path: Path_) -> str:
    """``("voice", "emergency", "pl", 0)`` -> ``voice.emergency.pl[0]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(file)"


def example_text(example: str) -> str:
    """The plain text of an example: ``[Lipowa 5](address)`` -> ``Lipowa 5``."""
    return _ANNOTATION.sub(lambda m: m.group("text"), example)


def normalize_example(example: str) -> str:
    """Key for duplicate detection: annotation removed, case-folded, spaces collapsed."""
    return " ".join(example_text(example).casefold().split()).strip(" .!?¡¿")


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return "text"


def _luminance(color: str) -> float:
    hex_ = color[1:]
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _is_emoji(text: str) -> bool:
    if not 1 <= len(text) <= 12 or any(c.isspace() or c.isascii() and c.isalnum() for c in text):
        return False
    return any(unicodedata.category(c) == "So" for c in text)


class _Checker:
    """Walks the parsed data, records errors and builds the model pieces."""

    def __init__(self, source: Source, file: str, expected_id: Optional[str], base_dir: Optional[Path]):
        self.source = source
        self.file = file
        self.expected_id = expected_id
        self.base_dir = base_dir
        self.errors: list[PersonaError] = [
            PersonaError(file, p.line, format_path(p.path), p.message) for p in source.problems
        ]
        self.langs: tuple[str, ...] = ()
        # normalized example -> (intent name, line) per language, for duplicate detection
        self.seen_examples: dict[tuple[str, str], tuple[str, int]] = {}

    # --- reporting ---------------------------------------------------------------------
    def error(self, path: Path_, message: str, line: Optional[int] = None) -> None:
        line = self.source.line_of(path) if line is None else line
        self.errors.append(PersonaError(self.file, line, format_path(path), message))

    # --- generic shapes ----------------------------------------------------------------
    def mapping(self, path: Path_, value: Any) -> Optional[dict[str, Any]]:
        if isinstance(value, dict):
            return value
        self.error(path, f"expected a mapping (key: value lines), got {_kind_of(value)}")
        return None

    def sequence(self, path: Path_, value: Any) -> Optional[list[Any]]:
        if isinstance(value, list):
            return value
        self.error(path, f"expected a list ('- item' lines or [a, b]), got {_kind_of(value)}")
        return None

    def text(self, path: Path_, value: Any, *, max_chars: int = MAX_TEXT_CHARS) -> Optional[str]:
        if not isinstance(value, str):
            self.error(path, f"expected text, got {_kind_of(value)}")
            return None
        text = value.strip()
        if not text:
            self.error(path, "must not be empty")
            return None
        if len(text) > max_chars:
            self.error(path, f"too long ({len(text)} characters, at most {max_chars})")
            return None
        return text

    def fields(
        self,
        path: Path_,
        data: dict[str, Any],
        known: Sequence[str],
        optional: Sequence[str] = (),
        *,
        what: str = "field",
    ) -> None:
        """Report unknown and missing keys of ``data``."""
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                self.error(path + (key,), f"unknown {what} {key!r}; {hint}expected one of: {', '.join(known)}")
        for key in known:
            if key not in data and key not in optional:
                self.error(path + (key,), f"missing {what} {key!r}", line=self.source.line_of(path))

    def ident(self, path: Path_, value: Any, what: str) -> Optional[str]:
        text = self.text(path, value, max_chars=64)
        if text is not None and not _IDENT.fullmatch(text):
            self.error(
                path,
                f"{what} {text!r} must be lower-case letters, digits and single underscores, "
                "starting with a letter",
            )
            return None
        return text

    # --- per-language values -----------------------------------------------------------
    def lang_keys(self, path: Path_, data: dict[str, Any]) -> list[str]:
        """Check the language keys of a per-language mapping; return the usable ones."""
        usable = []
        for lang in data:
            if lang not in LANGUAGES:
                self.error(path + (lang,), f"unknown language code {lang!r}; supported: {', '.join(LANGUAGES)}")
            elif self.langs and lang not in self.langs:
                self.error(
                    path + (lang,),
                    f"language {lang!r} is not in languages [{', '.join(self.langs)}]; add it there or remove this",
                )
            else:
                usable.append(lang)
        for lang in self.langs:
            if lang not in data:
                self.error(path + (lang,), f"missing language {lang!r}", line=self.source.line_of(path))
        return usable

    def lang_text(self, path: Path_, value: Any) -> Optional[dict[str, str]]:
        data = self.mapping(path, value)
        if data is None:
            return None
        result: dict[str, str] = {}
        for lang in self.lang_keys(path, data):
            text = self.text(path + (lang,), data[lang])
            if text is not None:
                self.plain(path + (lang,), text)
                result[lang] = text
        return result

    def lang_list(
        self,
        path: Path_,
        value: Any,
        *,
        min_items: int,
        max_items: Optional[int] = None,
        item: Callable[[Path_, str], Optional[str]],
    ) -> Optional[dict[str, tuple[str, ...]]]:
        data = self.mapping(path, value)
        if data is None:
            return None
        result: dict[str, tuple[str, ...]] = {}
        for lang in self.lang_keys(path, data):
            items = self.sequence(path + (lang,), data[lang])
            if items is None:
                continue
            if len(items) < min_items:
                self.error(path + (lang,), f"needs at least {min_items} (has {len(items)})")
            if max_items is not None and len(items) > max_items:
                self.error(path + (lang,), f"allows at most {max_items} (has {len(items)})")
            checked = [item(path + (lang, i), v) for i, v in enumerate(items)]
            result[lang] = tuple(c for c in checked if c is not None)
        return result

    # --- texts ---------------------------------------------------------------------------
    def plain(self, path: Path_, text: str, allowed: Sequence[str] = ()) -> None:
        """A reply or label: no placeholders except ``allowed`` (Rasa fills ``{slot}``)."""
        rest = text
        for placeholder in allowed:
            rest = rest.replace(placeholder, "")
        if _PLACEHOLDER.search(rest):
            extra = f" except {', '.join(allowed)}" if allowed else ""
            self.error(path, f"curly braces are not allowed in this text{extra} (plain text only)")

    def reply(self, path: Path_, value: Any) -> Optional[str]:
        text = self.text(path, value)
        if text is not None:
            self.plain(path, text)
        return text

    def example(self, path: Path_, value: Any) -> Optional[str]:
        text = self.text(path, value, max_chars=MAX_EXAMPLE_CHARS)
        if text is None:
            return None
        if "\n" in text:
            self.error(path, "an example must be one line")
            return None
        ok = True
        for match in _ANNOTATION.finditer(text):
            entity = match.group("entity")
            if entity is None:
                self.error(path, "only [text](entity) annotations are allowed, not {...} or [...] forms")
                ok = False
            elif match.group("value") is not None:
                self.error(path, f"entity values ({match.group(0)}) are not allowed; write [text]({entity.strip()})")
                ok = False
            elif entity.strip() not in ANNOTATABLE_ENTITIES:
                self.error(
                    path,
                    f"unknown entity {entity.strip()!r} in {match.group(0)!r}; "
                    f"allowed: {', '.join(ANNOTATABLE_ENTITIES)}",
                )
                ok = False
        if not normalize_example(text):
            self.error(path, "an example needs some words")
            ok = False
        return text if ok else None

    def keyword(self, path: Path_, value: Any) -> Optional[str]:
        text = self.text(path, value, max_chars=60)
        if text is not None and ("\n" in text or _ANNOTATION.search(text)):
            self.error(path, "a cue is one plain word or short phrase")
            return None
        return text

    def unique_examples(self, intent: str, path: Path_, raw: Any) -> None:
        """Each example belongs to one intent and appears once (per language)."""
        for lang, items in (raw.items() if isinstance(raw, dict) else ()):
            if lang not in LANGUAGES or not isinstance(items, list):
                continue
            for index, value in enumerate(items):
                if not isinstance(value, str) or not normalize_example(value):
                    continue
                key = (lang, normalize_example(value))
                line = self.source.line_of(path + (lang, index))
                if key in self.seen_examples:
                    other, other_line = self.seen_examples[key]
                    where = "this intent" if other == intent else other
                    self.error(
                        path + (lang, index),
                        f"duplicate example {value.strip()!r} (already in {where} at line {other_line})",
                    )
                else:
                    self.seen_examples[key] = (intent, line)

    # --- sections ------------------------------------------------------------------------
    def check(self) -> Optional[Persona]:
        data = self.source.data
        if data is None:
            self.error((), "the file is empty; a persona needs id, kind, languages, ...")
            return None
        if not isinstance(data, dict):
            self.error((), f"a persona file must be a mapping of fields (id: ..., kind: ...), got {_kind_of(data)}")
            return None
        self.fields((), data, TOP_FIELDS, OPTIONAL_TOP_FIELDS)

        persona_id = self.check_id(data.get("id")) if "id" in data else None
        kind = self.check_kind(data.get("kind")) if "kind" in data else None
        self.langs = self.check_languages(data.get("languages")) if "languages" in data else ()
        country = self.check_country(data.get("country")) if "country" in data else None
        override = self.check_emergency(data, country)
        display = self.check_display(data.get("display")) if "display" in data else None
        catalogue = self.check_catalogue(data.get("catalogue"), kind)
        cover = self.check_cover(data.get("cover")) if "cover" in data else None
        code, risk_cues = self.check_code(data.get("code")) if "code" in data else (None, None)
        voice = self.check_voice(data.get("voice")) if "voice" in data else None
        hosts = self.check_hosts(data.get("hosts")) if data.get("hosts") is not None else ()
        self.check_discretion(data)
        self.check_todo((), data)

        if self.errors:
            return None
        assert persona_id and kind and country and display is not None and catalogue is not None
        assert cover is not None and code is not None and risk_cues is not None and voice is not None
        return Persona(
            id=persona_id,
            kind=kind,
            languages=self.langs,
            country=country,
            display=display,
            catalogue=catalogue,
            cover=cover,
            code=code,
            voice=voice,
            risk_cues=risk_cues,
            emergency_number_override=override,
            hosts=hosts,
        )

    def check_todo(self, path: Path_, value: Any) -> None:
        """Every text still holding the ``TODO`` that ``popbot persona new`` wrote."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.check_todo(path + (key,), item)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.check_todo(path + (index,), item)
        elif isinstance(value, str) and TODO_MARK in value:
            self.error(path, f"{TODO_MARK}: write this (the # comment beside it shows an example)")

    def check_discretion(self, data: dict[str, Any]) -> None:
        """No text the persona shows or says carries safety vocabulary (docs/design.md, invariant
        7), except the ``emergency`` voice line, which must be unmistakable."""
        for path, lang, text in _said_texts(data):
            found = hits(text, safety_words(lang))
            if found:
                words = ", ".join(repr(w) for w in found)
                self.error(
                    path,
                    f"gives the disguise away: contains {words} (safety words, "
                    "core/persona/discretion_words.yml); only the emergency line may; say it in the persona's words",
                )

    def check_id(self, value: Any) -> Optional[str]:
        persona_id = self.ident(("id",), value, "id")
        if persona_id is None:
            return None
        if persona_id == NO_PERSONA:
            self.error(("id",), f"{NO_PERSONA!r} is reserved for the bot without a persona")
            return None
        if self.expected_id is not None and persona_id != self.expected_id:
            self.error(("id",), f"id {persona_id!r} must equal the file name ({self.expected_id}.yml)")
            return None
        return persona_id

    def check_hosts(self, value: Any) -> tuple[str, ...]:
        """Host names the persona's web front-end is served on (nothing else is served there)."""
        items = self.sequence(("hosts",), value)
        if items is None:
            return ()
        hosts: list[str] = []
        for index, item in enumerate(items):
            path: Path_ = ("hosts", index)
            host = self.text(path, item, max_chars=253)
            if host is None:
                continue
            if not _HOST.match(host):
                self.error(path, f"{host!r} must be a host name in lowercase, like shop.example.pl (no https://, port or path)")
            elif host in hosts:
                self.error(path, f"host {host!r} is listed twice")
            else:
                hosts.append(host)
        return tuple(hosts)

    def check_kind(self, value: Any) -> Optional[str]:
        kind = self.text(("kind",), value)
        if kind is not None and kind not in KINDS:
            self.error(("kind",), f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
            return None
        return kind

    def check_languages(self, value: Any) -> tuple[str, ...]:
        items = self.sequence(("languages",), value)
        if items is None:
            return ()
        if not items:
            self.error(("languages",), "list at least one language; the first is the default")
        langs: list[str] = []
        for index, item in enumerate(items):
            path: Path_ = ("languages", index)
            lang = self.text(path, item)
            if lang is None:
                continue
            if lang not in LANGUAGES:
                self.error(path, f"unknown language code {lang!r}; supported: {', '.join(LANGUAGES)}")
            elif lang in langs:
                self.error(path, f"language {lang!r} is listed twice")
            else:
                langs.append(lang)
        return tuple(langs)

    def check_country(self, value: Any) -> Optional[str]:
        country = self.text(("country",), value)
        if country is None:
            return None
        if not re.fullmatch(r"[A-Z]{2}", country) or pycountry.countries.get(alpha_2=country) is None:
            hint = f" (write {country.upper()!r})" if country.upper() != country else ""
            self.error(("country",), f"{country!r} is not an ISO 3166-1 alpha-2 country code{hint}")
            return None
        return country

    def check_emergency(self, data: dict[str, Any], country: Optional[str]) -> Optional[str]:
        override = None
        if data.get("emergency_number") is not None:
            override = self.text(("emergency_number",), data["emergency_number"])
            if override is not None and not _DIGITS.fullmatch(override):
                self.error(("emergency_number",), "must be the digits of a short number, e.g. \"112\"")
                return None
        if country is None:
            return override
        try:
            emergency_number(country, override)
        except UnknownEmergencyNumber as exc:
            self.error(("emergency_number",) if override else ("country",), str(exc))
        return override

    def check_display(self, value: Any) -> Optional[Display]:
        path: Path_ = ("display",)
        data = self.mapping(path, value)
        if data is None:
            return None
        self.fields(path, data, DISPLAY_FIELDS, OPTIONAL_DISPLAY_FIELDS)
        name = self.text(path + ("name",), data.get("name"), max_chars=60) if "name" in data else None
        if name is not None:
            self.plain(path + ("name",), name)
        tagline = self.lang_text(path + ("tagline",), data.get("tagline")) if "tagline" in data else None
        colors = self.check_colors(data.get("colors")) if "colors" in data else None
        exit_url = self.check_exit_url(data.get("exit_url")) if "exit_url" in data else None
        favicon = self.check_favicon(data.get("favicon")) if "favicon" in data else None
        extras = self.check_display_extras(data)
        if None in (name, tagline, colors, exit_url, favicon, extras):
            return None
        return Display(name=name, tagline=tagline, colors=colors, exit_url=exit_url, favicon=favicon, **extras)  # type: ignore[arg-type]

    def check_display_extras(self, data: dict[str, Any]) -> Optional[dict[str, Any]]:
        """The optional page texts: banner, free-delivery threshold and currency, footer, exit."""
        path: Path_ = ("display",)
        extras: dict[str, Any] = {}
        ok = True
        if data.get("banner") is not None:
            extras["banner"] = self.lang_text(path + ("banner",), data["banner"])
            ok = ok and extras["banner"] is not None
        if data.get("free_delivery_from") is not None:
            text = self.text(path + ("free_delivery_from",), data["free_delivery_from"], max_chars=12)
            if text is not None and _PRICE.fullmatch(text):
                extras["free_delivery_from"] = Decimal(text)
            else:
                if text is not None:
                    self.error(path + ("free_delivery_from",), f"{text!r} is not an amount; write e.g. \"150\"")
                ok = False
        if data.get("currency") is not None:
            currency = self.text(path + ("currency",), data["currency"], max_chars=3)
            if currency is None or not re.fullmatch(r"[A-Z]{3}", currency) or pycountry.currencies.get(alpha_3=currency) is None:
                if currency is not None:
                    self.error(path + ("currency",), f"{currency!r} is not an ISO 4217 currency code (e.g. PLN, EUR)")
                ok = False
            else:
                extras["currency"] = currency
        if "free_delivery_from" in extras and "currency" not in extras and data.get("currency") is None:
            self.error(path + ("currency",), "free_delivery_from needs a currency (e.g. currency: PLN)",
                       line=self.source.line_of(path + ("free_delivery_from",)))
            ok = False
        if data.get("footer") is not None:
            extras["footer"] = self.lang_list(
                path + ("footer",), data["footer"], min_items=1, max_items=MAX_FOOTER_LINES, item=self.reply
            )
            ok = ok and extras["footer"] is not None
        if data.get("exit") is not None:
            extras["exit"] = self.check_exit(data["exit"])
            ok = ok and extras["exit"] is not None
        return extras if ok else None

    def check_exit(self, value: Any) -> Optional[ExitControl]:
        path: Path_ = ("display", "exit")
        data = self.mapping(path, value)
        if data is None:
            return None
        self.fields(path, data, EXIT_FIELDS, EXIT_FIELDS)
        icon = DEFAULT_EXIT_ICON
        if data.get("icon") is not None:
            icon = self.text(path + ("icon",), data["icon"], max_chars=4)
            if icon is not None and any(c.isalnum() for c in icon):
                self.error(path + ("icon",), f"{icon!r}: an icon is one symbol (✕, ×, ←), not letters")
                icon = None
        label = None
        if data.get("label") is not None:
            label = self.lang_text(path + ("label",), data["label"])
            for lang, text in (label or {}).items():
                if len(text) > 30:
                    self.error(path + ("label", lang), f"too long ({len(text)} characters, at most 30): a short word like 'Close'")
                    label = None
        if icon is None or (data.get("label") is not None and label is None):
            return None
        return ExitControl(icon=icon, label=label)

    def check_colors(self, value: Any) -> Optional[Colors]:
        path: Path_ = ("display", "colors")
        data = self.mapping(path, value)
        if data is None:
            return None
        self.fields(path, data, COLOR_NAMES, what="colour")
        colors: dict[str, str] = {}
        for name in COLOR_NAMES:
            if name not in data:
                continue
            text = self.text(path + (name,), data[name])
            if text is None:
                continue
            if not _COLOR.fullmatch(text):
                self.error(path + (name,), f"{text!r} is not a colour; write #rrggbb, e.g. #5b7f3a")
                continue
            colors[name] = text.lower()
        if "text" in colors and "background" in colors:
            ratio = contrast_ratio(colors["text"], colors["background"])
            if ratio < MIN_TEXT_CONTRAST:
                self.error(
                    path + ("text",),
                    f"text on background has contrast {ratio:.1f}:1; at least {MIN_TEXT_CONTRAST}:1 "
                    "is needed to read it",
                )
                return None
        if len(colors) != len(COLOR_NAMES):
            return None
        return Colors(**colors)

    def check_exit_url(self, value: Any) -> Optional[str]:
        path: Path_ = ("display", "exit_url")
        url = self.text(path, value, max_chars=500)
        if url is None:
            return None
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname or parts.username or parts.password or " " in url:
            self.error(path, f"{url!r} must be a plain https:// address of an ordinary site")
            return None
        return url

    def check_favicon(self, value: Any) -> Optional[str]:
        path: Path_ = ("display", "favicon")
        favicon = self.text(path, value, max_chars=200)
        if favicon is None:
            return None
        if _is_emoji(favicon):
            return favicon
        rel = favicon.removeprefix("personas/")
        if not rel.startswith("assets/") or ".." in Path(rel).parts or not rel.lower().endswith(_FAVICON_SUFFIXES):
            self.error(path, "write an emoji or a path under personas/assets/ (.png, .ico or .svg)")
            return None
        if self.base_dir is not None and not (self.base_dir / rel).is_file():
            self.error(path, f"file {rel} not found next to the persona file")
            return None
        return rel

    def check_catalogue(self, value: Any, kind: Optional[str]) -> Optional[tuple[CatalogueItem, ...]]:
        if value is None:
            return ()
        items = self.sequence(("catalogue",), value)
        if items is None:
            return None
        result: list[CatalogueItem] = []
        seen: dict[str, int] = {}
        ok = True
        for index, raw in enumerate(items):
            item = self.check_item(("catalogue", index), raw, kind, seen)
            if item is None:
                ok = False
            else:
                result.append(item)
        return tuple(result) if ok else None

    def check_item(
        self, path: Path_, value: Any, kind: Optional[str], seen: dict[str, int]
    ) -> Optional[CatalogueItem]:
        data = self.mapping(path, value)
        if data is None:
            return None
        optional = ("size",) if kind == "shop" else ("price", "currency", "size")
        self.fields(path, data, ITEM_FIELDS, optional)
        item_id = None
        if "id" in data:
            item_id = self.text(path + ("id",), data["id"], max_chars=64)
            if item_id is not None and not _ITEM_ID.fullmatch(item_id):
                self.error(path + ("id",), f"{item_id!r}: use lower-case letters, digits and hyphens")
                item_id = None
            elif item_id is not None and item_id in seen:
                self.error(path + ("id",), f"item id {item_id!r} is already used at line {seen[item_id]}")
                item_id = None
            elif item_id is not None:
                seen[item_id] = self.source.line_of(path + ("id",))
        name = self.lang_text(path + ("name",), data.get("name")) if "name" in data else None
        description = (
            self.lang_text(path + ("description",), data.get("description")) if "description" in data else None
        )
        price = currency = size = None
        ok = True
        if data.get("price") is not None:
            text = self.text(path + ("price",), data["price"], max_chars=12)
            if text is None or not _PRICE.fullmatch(text):
                if text is not None:
                    self.error(path + ("price",), f"{text!r} is not a price; write e.g. \"34.90\"")
                ok = False
            else:
                price = Decimal(text)
            if "currency" not in data and kind != "shop":
                self.error(path + ("currency",), "a price needs a currency", line=self.source.line_of(path))
                ok = False
        if data.get("currency") is not None:
            currency = self.text(path + ("currency",), data["currency"], max_chars=3)
            if currency is not None and (
                not re.fullmatch(r"[A-Z]{3}", currency) or pycountry.currencies.get(alpha_3=currency) is None
            ):
                self.error(path + ("currency",), f"{currency!r} is not an ISO 4217 currency code (e.g. PLN, EUR)")
                currency = None
            if currency is None:
                ok = False
            elif "price" not in data:
                if kind != "shop":  # for a shop the missing price is reported already
                    self.error(path + ("price",), "a currency needs a price", line=self.source.line_of(path))
                ok = False
        if data.get("size") is not None:
            size = self.text(path + ("size",), data["size"], max_chars=40)
            ok = ok and size is not None
        if not ok or item_id is None or name is None or description is None:
            return None
        return CatalogueItem(
            id=item_id, name=name, description=description, price=price, currency=currency, size=size
        )

    def check_cover(self, value: Any) -> Optional[tuple[CoverIntent, ...]]:
        items = self.sequence(("cover",), value)
        if items is None:
            return None
        if not items:
            self.error(("cover",), "declare at least one cover intent (what ordinary visitors ask)")
            return None
        reserved = set(CODE_NAMES) | set(ORDINARY_INTENTS) | set(SAFETY_INTENTS)
        result: list[CoverIntent] = []
        names: dict[str, int] = {}
        ok = True
        for index, raw in enumerate(items):
            path: Path_ = ("cover", index)
            data = self.mapping(path, raw)
            if data is None:
                ok = False
                continue
            self.fields(path, data, COVER_FIELDS)
            name = self.ident(path + ("name",), data.get("name"), "cover name") if "name" in data else None
            if name in reserved:
                self.error(path + ("name",), f"{name!r} is a shared or code intent name; choose another")
                name = None
            elif name is not None and name in names:
                self.error(path + ("name",), f"cover name {name!r} is already used at line {names[name]}")
                name = None
            elif name is not None:
                names[name] = self.source.line_of(path + ("name",))
            examples = replies = None
            if "examples" in data:
                examples = self.lang_list(
                    path + ("examples",), data["examples"], min_items=MIN_COVER_EXAMPLES, item=self.example
                )
                if examples is not None:
                    self.unique_examples(f"cover {name or index}", path + ("examples",), data["examples"])
            if "replies" in data:
                replies = self.lang_list(path + ("replies",), data["replies"], min_items=1, item=self.reply)
            if name is None or examples is None or replies is None:
                ok = False
                continue
            result.append(CoverIntent(name=name, examples=examples, replies=replies))
        return tuple(result) if ok else None

    def check_code(self, value: Any) -> tuple[Optional[dict[str, CodeSignal]], Optional[dict[str, Any]]]:
        path: Path_ = ("code",)
        data = self.mapping(path, value)
        if data is None:
            return None, None
        known = (*CODE_NAMES, "risk_cues")
        optional = tuple(n for n in known if n not in REQUIRED_CODE_NAMES)
        self.fields(path, data, known, optional, what="code signal")
        signals: dict[str, CodeSignal] = {}
        ok = True
        for name in CODE_NAMES:
            if name not in data:
                continue
            spath = path + (name,)
            sdata = self.mapping(spath, data[name])
            if sdata is None:
                ok = False
                continue
            self.fields(spath, sdata, ("examples",))
            if "examples" not in sdata:
                ok = False
                continue
            minimum = MIN_CLEAN_CHAT_EXAMPLES if name == "clean_chat" else MIN_CODE_EXAMPLES
            examples = self.lang_list(spath + ("examples",), sdata["examples"], min_items=minimum, item=self.example)
            if examples is None:
                ok = False
                continue
            self.unique_examples(f"code {name}", spath + ("examples",), sdata["examples"])
            signals[name] = CodeSignal(name=name, examples=examples)
        risk_cues = self.check_risk_cues(data.get("risk_cues"))
        return (signals if ok else None), risk_cues

    def check_risk_cues(self, value: Any) -> Optional[dict[str, Any]]:
        if value is None:
            return {}
        path: Path_ = ("code", "risk_cues")
        data = self.mapping(path, value)
        if data is None:
            return None
        result: dict[str, Any] = {}
        for risk, by_lang in data.items():
            if self.ident(path + (risk,), risk, "risk name") is None:
                continue
            cues = self.lang_list(path + (risk,), by_lang, min_items=1, item=self.keyword)
            if cues is not None:
                result[risk] = cues
        return result

    def check_voice(self, value: Any) -> Optional[dict[str, Any]]:
        path: Path_ = ("voice",)
        data = self.mapping(path, value)
        if data is None:
            return None
        keys = (*VOICE_KEYS, *ACTION_VOICE_KEYS)
        self.fields(path, data, keys, what="voice key")
        result: dict[str, Any] = {}
        for key in keys:
            if key not in data:
                continue
            kpath = path + (key,)
            required = (EMERGENCY_PLACEHOLDER,) if key == "emergency" else ACTION_VOICE_KEYS.get(key, ())
            allowed = (*required, *ACTION_VOICE_OPTIONAL.get(key, ()))

            def variation(p: Path_, v: Any, allowed: Sequence[str] = allowed, required: Sequence[str] = required,
                          key: str = key) -> Optional[str]:
                text = self.text(p, v)
                if text is None:
                    return None
                self.plain(p, text, allowed)
                for placeholder in required:
                    if placeholder not in text:
                        when = "the build fills in the number" if key == "emergency" else "the action fills it in"
                        self.error(p, f"must contain {placeholder}; {when}")
                return text

            most = MAX_VOICE_VARIATIONS if key in FREE_VARIATION_KEYS else 1
            texts = self.lang_list(kpath, data[key], min_items=1, max_items=most, item=variation)
            if texts is not None:
                result[key] = texts
        return result


def _said_texts(data: dict[str, Any]) -> Iterable[tuple[Path_, str, str]]:
    """``(path, lang, text)`` of every text a visitor can read: display name and tagline, the
    catalogue, cover replies and voice lines except ``emergency`` (raw data; bad shapes skipped)."""

    def per_lang(path: Path_, value: Any, default_lang: str = "") -> Iterable[tuple[Path_, str, str]]:
        if isinstance(value, str):
            yield path, default_lang, value
        elif isinstance(value, dict):
            for lang, item in value.items():
                if isinstance(item, str):
                    yield path + (lang,), lang, item
                elif isinstance(item, list):
                    for index, text in enumerate(item):
                        if isinstance(text, str):
                            yield path + (lang, index), lang, text

    display = data.get("display") if isinstance(data.get("display"), dict) else {}
    langs = data.get("languages") if isinstance(data.get("languages"), list) else []
    for lang in langs if isinstance(display.get("name"), str) else ():
        yield ("display", "name"), str(lang), display["name"]
    for key in ("tagline", "banner", "footer"):
        yield from per_lang(("display", key), display.get(key))
    if isinstance(display.get("exit"), dict):
        yield from per_lang(("display", "exit", "label"), display["exit"].get("label"))
    for index, item in enumerate(data.get("catalogue") if isinstance(data.get("catalogue"), list) else ()):
        if isinstance(item, dict):
            for key in ("name", "description"):
                yield from per_lang(("catalogue", index, key), item.get(key))
    for index, intent in enumerate(data.get("cover") if isinstance(data.get("cover"), list) else ()):
        if isinstance(intent, dict):
            yield from per_lang(("cover", index, "replies"), intent.get("replies"))
    voice = data.get("voice") if isinstance(data.get("voice"), dict) else {}
    for key, value in voice.items():
        if key != "emergency":
            yield from per_lang(("voice", key), value)


def check_text(
    text: str, file: str, *, expected_id: Optional[str] = None, base_dir: Optional[Path] = None
) -> tuple[Optional[Persona], list[PersonaError]]:
    """Check persona YAML ``text``; return the persona (None on any error) and every error."""
    try:
        source = read_source(text)
    except YamlSyntaxError as exc:
        return None, [PersonaError(file, exc.line, "(yaml)", f"malformed YAML: {exc.message}")]
    checker = _Checker(source, file, expected_id, base_dir)
    persona = checker.check()
    errors = sorted(set(checker.errors), key=lambda e: (e.line, e.field, e.message))
    return (persona if not errors else None), errors


def display_name(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_file(path: Path | str) -> tuple[Optional[Persona], list[PersonaError]]:
    """Check one persona file (its id must equal its file name)."""
    path = Path(path)
    name = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [PersonaError(name, 1, "(file)", f"cannot read: {exc}")]
    if path.suffix != ".yml":
        return None, [PersonaError(name, 1, "(file)", "a persona file must be named <id>.yml")]
    persona, errors = check_text(text, name, expected_id=path.stem, base_dir=path.parent)
    if persona is not None:
        persona = _with_source(persona, path)
    return persona, errors


def _with_source(persona: Persona, path: Path) -> Persona:
    return replace(persona, source=path)


def validate_file(path: Path | str) -> list[PersonaError]:
    """Every error of one persona file (empty when it is valid)."""
    return check_file(path)[1]


def validate_files(paths: Iterable[Path | str]) -> list[PersonaError]:
    """Every error of several persona files."""
    errors: list[PersonaError] = []
    for path in paths:
        errors.extend(validate_file(path))
    return errors


def load_persona(path: Path | str) -> Persona:
    """The persona in ``path``; raises :class:`PersonaInvalid` listing every error."""
    persona, errors = check_file(path)
    if errors or persona is None:
        raise PersonaInvalid(errors)
    return persona


def persona_files(directory: Path | str) -> list[Path]:
    """The persona files of a directory (``*.yml``), sorted by name."""
    return sorted(p for p in Path(directory).glob("*.yml") if p.is_file())


def load_all(directory: Path | str) -> list[Persona]:
    """Every persona in ``directory``, sorted by id; raises :class:`PersonaInvalid` on any error."""
    personas: list[Persona] = []
    errors: list[PersonaError] = []
    for path in persona_files(directory):
        persona, file_errors = check_file(path)
        errors.extend(file_errors)
        if persona is not None:
            personas.append(persona)
    errors.extend(_shared_hosts(personas))
    if errors:
        raise PersonaInvalid(errors)
    return sorted(personas, key=lambda p: p.id)


def _shared_hosts(personas: Sequence[Persona]) -> list[PersonaError]:
    """A host serves one persona only: a host listed by two personas is an error in the second."""
    owner: dict[str, str] = {}
    errors: list[PersonaError] = []
    for persona in personas:
        for host in persona.hosts:
            if host in owner:
                where = display_name(persona.source) if persona.source else persona.id
                errors.append(PersonaError(where, 0, "hosts", f"host {host!r} already serves persona {owner[host]!r}"))
            else:
                owner[host] = persona.id
    return errors
