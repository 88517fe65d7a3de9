"""Persona display fields: banner, free-delivery threshold, currency, footer lines, exit control."""
from __future__ import annotations

from decimal import Decimal

import pytest

from bot.channels.shop import render_page
from bot.persona.catalogue import display_data
from core.persona import load_persona, persona_by_id
from core.persona.schema import DEFAULT_EXIT_ICON
from core.persona.validate import check_text

from .conftest import TEASHOP, line_of

EXTRAS = '''  favicon: "🍵"
  free_delivery_from: "99.50"
  currency: PLN
  banner: {en: "Blended by hand every Monday", pl: "Mieszane ręcznie w każdy poniedziałek"}
  footer:
    en: ["Teashop Ltd, ul. Długa 1, Kraków", "Terms of sale"]
    pl: ["Teashop sp. z o.o., ul. Długa 1, Kraków", "Regulamin"]
  exit: {icon: "×", label: {en: "Close", pl: "Zamknij"}}
'''


def check(text: str) -> tuple:
    return check_text(text, "teashop.yml", expected_id="teashop")


def test_the_fields_are_optional_and_default_to_an_ordinary_close() -> None:
    display = load_persona(TEASHOP).display
    assert (display.banner, display.free_delivery_from, display.currency, display.footer) == (None, None, None, None)
    assert (display.exit.icon, display.exit.label) == (DEFAULT_EXIT_ICON, None)
    view = display_data(load_persona(TEASHOP), "en")
    assert (view.banner, view.footer, view.exit_icon, view.exit_label) == ("", (), "✕", "")


def test_the_fields_are_read_and_shown_in_the_language(teashop_text: str) -> None:
    persona, errors = check(teashop_text.replace('  favicon: "🍵"\n', EXTRAS))
    assert errors == []
    assert persona.display.free_delivery_from == Decimal("99.50") and persona.display.currency == "PLN"
    view = display_data(persona, "pl", "Darmowa dostawa od {amount}")
    assert view.banner == "Darmowa dostawa od 99,50\xa0zł · Mieszane ręcznie w każdy poniedziałek"
    assert view.footer == ("Teashop sp. z o.o., ul. Długa 1, Kraków", "Regulamin")
    assert (view.exit_icon, view.exit_label) == ("×", "Zamknij")
    page = render_page(view, "", base="/shop/teashop", nonce="n", title="t")
    assert '<p class="banner">Darmowa dostawa od 99,50\xa0zł · Mieszane' in page
    assert "<p>Regulamin</p>" in page
    assert 'aria-label="Zamknij"' in page and '<span class="exit-label">Zamknij</span>' in page


@pytest.mark.parametrize(
    ("replace", "with_", "field", "message"),
    [
        ('  currency: PLN\n  banner', "  banner", "display.currency", "free_delivery_from needs a currency"),
        ('"99.50"', '"lots"', "display.free_delivery_from", "is not an amount"),
        ("currency: PLN\n  banner", "currency: XYZ\n  banner", "display.currency", "ISO 4217"),
        ('icon: "×"', 'icon: "EXIT"', "display.exit.icon", "an icon is one symbol"),
        ('label: {en: "Close"', 'label: {en: "Leave this page now, quickly, press Shift"', "display.exit.label.en", "at most 30"),
        ('Blended by hand every Monday', 'Safe tea', "display.banner.en", "gives the disguise away"),
        ('"Terms of sale"', '"Report abuse"', "display.footer.en[1]", "gives the disguise away"),
    ],
)
def test_bad_display_fields_name_the_field(teashop_text: str, replace: str, with_: str, field: str, message: str) -> None:
    text = teashop_text.replace('  favicon: "🍵"\n', EXTRAS).replace(replace, with_, 1)
    persona, errors = check(text)
    assert persona is None
    assert [(e.field, message in e.message) for e in errors] == [(field, True)], errors


def test_shipped_personas_take_their_banner_from_the_file() -> None:
    rumianek = display_data(persona_by_id("rumianek"), "en")
    assert rumianek.banner == "Free delivery from PLN150.00 · Handmade in small batches"
    gametips = display_data(persona_by_id("gametips"), "en")
    assert gametips.banner == "New guides every week · Free for players"
    assert gametips.exit_icon == "✕"
