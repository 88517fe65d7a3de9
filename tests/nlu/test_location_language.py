"""nlu.components.location.LocationExtractor: a place name alone does not change the reply language
(found by whole-conversation probing, issue 13: an English-speaking child answering "Valencia"
was asked "¿Te refieres a Valencia, en Venezuela?" and got the rest of the referral in Spanish)."""
from __future__ import annotations

from typing import Any

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.location import LocationExtractor


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> LocationExtractor:
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    return LocationExtractor(LocationExtractor.get_default_config(), storage, Resource("location"), None)


def entities(extractor: LocationExtractor, text: str, detected: str, hint: Any = None) -> dict[str, str]:
    """The entities after the extractor, the language detector having read ``text`` as ``detected``."""
    message = Message(data={
        TEXT: text, METADATA: {"lang": hint} if hint else {},
        ENTITIES: [{"entity": "lang", "value": detected, "extractor": "LanguageDetector"},
                   {"entity": "persona", "value": "plain"}],
    })
    extractor.process([message])
    return {e["entity"]: e["value"] for e in message.get(ENTITIES)}


@pytest.mark.parametrize("text", ["Valencia", "Valencia.", "Kraków!"])
def test_a_place_name_alone_drops_the_language_guessed_from_it(extractor: LocationExtractor, text: str) -> None:
    found = entities(extractor, text, "es")
    assert "lang" not in found  # the conversation's language (slot lang) stays
    assert "location" in found


def test_a_place_name_alone_takes_the_front_ends_language_hint(extractor: LocationExtractor) -> None:
    assert entities(extractor, "Valencia", "es", hint="en")["lang"] == "en"


@pytest.mark.parametrize("text, lang", [("vivo en Valencia", "es"), ("mieszkam w Krakowie", "pl")])
def test_a_sentence_keeps_its_detected_language(extractor: LocationExtractor, text: str, lang: str) -> None:
    found = entities(extractor, text, lang)
    assert found["lang"] == lang and "location" in found
