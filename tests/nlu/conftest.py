"""Fixtures of the NLU tests: the persona context component on synthetic rankings (no trained model)."""
from __future__ import annotations

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

from nlu.components.persona import PersonaContext


@pytest.fixture(scope="module")
def component(tmp_path_factory: pytest.TempPathFactory) -> PersonaContext:
    """A PersonaContext that knows the project's two personas."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    return PersonaContext(PersonaContext.get_default_config(), storage, Resource("persona_context"),
                          {"personas": ["rumianek", "gametips"]})
