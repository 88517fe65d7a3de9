"""Find the place a child names ("w Poznaniu", "near Lagos", "en Sevilla") for referrals.

Emits entities ``location`` (the place's name) and ``country`` (ISO 3166 alpha-2), which fill
the slots the referral and emergency actions read. Geocoding is offline
(``referrals.geo.find_place``); an ambiguous name is resolved towards the persona's country.
"""
from __future__ import annotations

from typing import Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.base import PopbotComponent, entity_value, with_entities


def _persona_countries() -> Dict[str, str]:
    from core.persona import project_personas

    return {pid: persona.country for pid, persona in project_personas().items()}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LocationExtractor(PopbotComponent):
    """Adds ``location`` and ``country`` entities when the text names a known place."""

    def setup(self, state: None) -> None:
        from referrals.geo import gazetteer

        gazetteer()  # build the index now, not on a child's first message
        self.countries = _persona_countries()

    def process(self, messages: List[Message]) -> List[Message]:
        from referrals.geo import find_place

        for message in messages:
            persona = entity_value(message, "persona")
            lang = entity_value(message, "lang")
            place = find_place(message.get(TEXT) or "", country_hint=self.countries.get(persona or ""), lang=lang)
            if place is None:
                continue
            found = [
                {"entity": "location", "value": place.name, "start": 0, "end": 0, "confidence": 1.0, "extractor": "LocationExtractor"},
                {"entity": "country", "value": place.country, "start": 0, "end": 0, "confidence": 1.0, "extractor": "LocationExtractor"},
            ]
            with_entities(message, found)
        return messages
