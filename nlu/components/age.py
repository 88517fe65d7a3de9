"""Find the age a child states about themselves ("I'm 12", "mam 12 lat", "tengo 12 años").

Emits the entity ``age`` (whole years, as text) that fills the slot ``age``: the counselor sees it
in the console and the referral action ranks services by it. The rules are in ``nlu.age``; the
value is never logged (the tracker store that keeps the slot is encrypted).
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.age import find_age
from nlu.components.base import PopbotComponent, with_entities


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class AgeExtractor(PopbotComponent):
    """Adds ``age`` when the text states the writer's own age."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = find_age(message.get(TEXT) or "")
            if found is not None:
                start, end, age = found
                with_entities(message, [{"entity": "age", "value": str(age), "start": start, "end": end,
                                         "confidence": 1.0, "extractor": "AgeExtractor"}], replace="age")
        return messages
