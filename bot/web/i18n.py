"""Interface strings of the front-end per language, from ``bot/web/strings/<lang>.yml`` (the
persona supplies its own content: name, banner, footer lines, exit label; ``free_delivery`` is
filled with the persona's threshold)."""
from __future__ import annotations

from pathlib import Path

from core.signals import LANGUAGES
from core.strings import load_strings

STRINGS: dict[str, dict[str, str]] = load_strings(Path(__file__).with_name("strings"), LANGUAGES)


def strings(lang: str) -> dict[str, str]:
    return STRINGS.get(lang, STRINGS["en"])
