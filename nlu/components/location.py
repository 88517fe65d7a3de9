"""Find the place a child names ("w Poznaniu", "near Lagos", "en Sevilla") for referrals.

Emits entities ``location`` (the place's name), ``country`` (ISO 3166 alpha-2) and
``dial_first`` (that country's emergency number, ``core.emergency.dial_first``), which fill the
slots the referral and emergency actions read; the static emergency reply has one variation per
``dial_first`` value, so it states only the child's own country's number (action server or not). Geocoding is offline (``referrals.geo.locate``):
the persona's country, its continent and the child's language resolve a name several countries
share; the persona's catalogue names ("crema de manzanilla") are never a place. A name that stays
ambiguous ("Valencia" for an English-speaking child on a British persona) gives ``location``
only — no ``country``, so no emergency number is ever stated from a guess; the referral action
asks which one is meant.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from core.emergency import dial_first
from nlu.components.base import PopbotComponent, entity_value, with_entities

if TYPE_CHECKING:
    from referrals.geo import Located


def persona_countries() -> Dict[str, str]:
    from core.persona import project_personas

    return {pid: persona.country for pid, persona in project_personas().items()}


def persona_catalogues() -> Dict[str, tuple[str, ...]]:
    """Every catalogue name of every persona, in every language (never read as a place)."""
    from core.persona import project_personas

    return {pid: tuple(sorted({name for item in persona.catalogue for name in item.name.values()}))
            for pid, persona in project_personas().items()}


def locate_for_persona(text: str, persona: str, lang: Optional[str], countries: Dict[str, str],
                       catalogues: Dict[str, tuple[str, ...]], answer: bool = False) -> "Located":
    """The place ``text`` names, resolved by the persona's country; its catalogue names are no place.
    ``answer``: ``text`` is a short answer naming a place (``referrals.geo.locate``)."""
    from referrals.geo import locate

    return locate(text, country_hint=countries.get(persona), lang=lang, exclude=catalogues.get(persona, ()),
                  answer=answer)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LocationExtractor(PopbotComponent):
    """Adds ``location`` (and ``country`` unless ambiguous) when the text names a known place."""

    def setup(self, state: None) -> None:
        from referrals.geo import gazetteer

        gazetteer()  # build the index now, not on a child's first message
        self.countries = persona_countries()
        self.catalogues = persona_catalogues()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            persona = entity_value(message, "persona") or ""
            lang = entity_value(message, "lang")
            located = locate_for_persona(message.get(TEXT) or "", persona, lang, self.countries, self.catalogues)
            if located.place is None and not located.ambiguous:
                continue
            with_entities(message, location_entities(located))
        return messages


def location_entities(located: "Located") -> List[Dict[str, Any]]:
    """Entities ``location`` and, unless ambiguous, ``country`` and ``dial_first`` of a found place.
    An ambiguous name is kept as written ("Lérida", not the first candidate's "Lleida"): the
    referral action locates it again and asks about it."""
    name = located.place.name if located.place is not None else located.written
    found = [_entity("location", name)]
    if located.place is not None:
        found.append(_entity("country", located.place.country))
        number = dial_first(located.place.country)
        if number is not None:
            found.append(_entity("dial_first", number))
    return found


def _entity(name: str, value: str) -> Dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 0, "confidence": 1.0, "extractor": "LocationExtractor"}
