"""Display data for the disguise front-ends."""
from __future__ import annotations

from core.persona import load_persona
from bot.persona.catalogue import display_data

from .conftest import TEASHOP


def test_display_in_a_spoken_language() -> None:
    view = display_data(load_persona(TEASHOP), "pl")
    assert view.lang == "pl"
    assert view.name == "Teashop"
    assert view.tagline == "Herbata liściasta z Krakowa"
    assert view.colors == {"primary": "#2f5d50", "accent": "#c9a227", "background": "#fdfaf3", "text": "#222222"}
    assert view.exit_url == "https://www.google.com/search?q=weather"
    assert view.favicon == "🍵" and view.favicon_is_emoji
    moon = view.catalogue[0]
    assert (moon.id, moon.name, moon.price, moon.size) == ("moon-tea", "Herbata księżycowa", "24,50\xa0zł", "100 g")


def test_other_language_falls_back_to_default() -> None:
    view = display_data(load_persona(TEASHOP), "es")
    assert view.lang == "en"
    assert view.tagline == "Loose-leaf tea from Kraków"
    assert view.catalogue[1].name == "Green tea"
    assert view.as_dict()["catalogue"][1]["size"] is None


def test_display_data_carries_no_code_or_voice() -> None:
    data = display_data(load_persona(TEASHOP), "en").as_dict()
    flat = repr(data)
    assert "moon tea express" not in flat.lower()
    assert "{emergency_number}" not in flat
    assert set(data) == {
        "persona", "kind", "lang", "languages", "name", "tagline", "colors", "exit_url", "favicon",
        "favicon_is_emoji", "catalogue", "banner", "footer", "exit_icon", "exit_label",
    }
