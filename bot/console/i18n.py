"""Interface strings of the console in English, Polish and Spanish (one key set for all), from
``bot/console/strings/<lang>.yml`` — add a string to every language's file, not here."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from core.strings import load_strings

LANGS = ("en", "pl", "es")
LANG_NAMES = {"en": "English", "pl": "Polski", "es": "Español"}

STRINGS: dict[str, dict[str, str]] = load_strings(Path(__file__).with_name("strings"), LANGS)


def translator(lang: str) -> Callable[..., str]:
    table = STRINGS.get(lang, STRINGS["en"])

    def t(key: str, **values: str) -> str:
        text = table.get(key) or STRINGS["en"].get(key) or key
        return text.format(**values) if values else text

    return t


def pick(accept_language: str | None, wanted: str | None = None) -> str:
    """``wanted`` if supported, else the first supported language in Accept-Language, else en."""
    if wanted in LANGS:
        return str(wanted)
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"
