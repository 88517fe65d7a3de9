"""What a disguise front-end shows for a persona in a language (name, look, catalogue).

Only cover data: nothing here hints at the persona's purpose (no code, no voice).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

from babel.numbers import format_currency

from core.persona.schema import Persona


@dataclass(frozen=True)
class ItemView:
    id: str
    name: str
    description: str
    price: Optional[str]  # formatted for the language, e.g. "34,90 zł"
    size: Optional[str]


@dataclass(frozen=True)
class DisplayView:
    persona: str
    kind: str
    lang: str  # the language the texts are in (the requested one or the persona's default)
    languages: tuple[str, ...]
    name: str
    tagline: str
    colors: dict[str, str]
    exit_url: str
    favicon: str
    favicon_is_emoji: bool
    catalogue: tuple[ItemView, ...]
    #: The line above the page ("Free delivery from 150,00 zł · Handmade ..."), "" for none.
    banner: str = ""
    #: Footer / legal lines; empty: the front-end's default line.
    footer: tuple[str, ...] = ()
    exit_icon: str = "✕"
    #: Visible text beside the exit icon ("" : the icon alone).
    exit_label: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def format_price(item_price: Any, currency: Optional[str], lang: str) -> Optional[str]:
    """``Decimal("34.90"), "PLN", "pl"`` -> ``"34,90 zł"``."""
    if item_price is None or currency is None:
        return None
    return str(format_currency(item_price, currency, locale=lang))


def banner_text(persona: Persona, lang: str, free_delivery: str) -> str:
    """The persona's banner in ``lang``: the free-delivery threshold (``free_delivery`` is the
    page's "Free delivery from {amount}") and the banner text, joined by " · "."""
    display = persona.display
    parts = []
    if display.free_delivery_from is not None and display.currency is not None:
        amount = format_price(display.free_delivery_from, display.currency, lang)
        parts.append(free_delivery.format(amount=amount))
    if display.banner:
        parts.append(persona.text(display.banner, lang))
    return " · ".join(parts)


def display_data(persona: Persona, lang: str, free_delivery: str = "Free delivery from {amount}") -> DisplayView:
    """The persona's front-end data in ``lang`` (default language if it does not speak it)."""
    shown = persona.language_for(lang)
    items = tuple(
        ItemView(
            id=item.id,
            name=persona.text(item.name, shown),
            description=persona.text(item.description, shown),
            price=format_price(item.price, item.currency, shown),
            size=item.size,
        )
        for item in persona.catalogue
    )
    colors = persona.display.colors
    return DisplayView(
        persona=persona.id,
        kind=persona.kind,
        lang=shown,
        languages=persona.languages,
        name=persona.display.name,
        tagline=persona.text(persona.display.tagline, shown),
        colors={
            "primary": colors.primary,
            "accent": colors.accent,
            "background": colors.background,
            "text": colors.text,
        },
        exit_url=persona.display.exit_url,
        favicon=persona.display.favicon,
        favicon_is_emoji=persona.display.favicon_is_emoji,
        catalogue=items,
        banner=banner_text(persona, shown, free_delivery),
        footer=persona.texts(persona.display.footer, shown) if persona.display.footer else (),
        exit_icon=persona.display.exit.icon,
        exit_label=persona.text(persona.display.exit.label, shown) if persona.display.exit.label else "",
    )
