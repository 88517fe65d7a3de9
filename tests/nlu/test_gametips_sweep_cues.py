"""Sweep gtn (session 22), cues.yml: the gametips code's "HP at zero" written with a digit, a weapon
that is not named, and "logging off" (the code table's not-safe phrase) — on synthetic rankings
through nlu.components.persona.PersonaContext (no trained model)."""
from __future__ import annotations

from typing import Any

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.persona import PersonaContext


@pytest.fixture(scope="module")
def component(tmp_path_factory: pytest.TempPathFactory) -> PersonaContext:
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    return PersonaContext(PersonaContext.get_default_config(), storage, Resource("persona_context"),
                          {"personas": ["gametips"]})


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]]) -> tuple[str, str, bool]:
    message = Message(data={
        TEXT: text, METADATA: {"persona": "gametips"}, ENTITIES: [{"entity": "lang", "value": "en"}],
        INTENT_RANKING_KEY: [{"name": name, "confidence": p} for name, p in ranking],
    })
    component.process([message])
    return message.get(INTENT)["name"], message.get("signal"), message.get("urgent")


@pytest.mark.parametrize("text", [
    "home level hp 0", "im at 0 hp on the home level", "my hp is at 0 on the home level",
    "the home level boss has a weapon", "home level boss got a weapon",
])
def test_the_coded_help_request_at_zero_hp_or_with_a_weapon_is_the_coded_urgent(component: PersonaContext,
                                                                                 text: str) -> None:
    """Read as the help code at 0.92 ("home level hp 0"), these drew the discreet question, not 999."""
    ranking = [("gametips__help_request", 0.92), ("gametips__urgent", 0.07), ("greet", 0.01)]
    assert seen(component, text, ranking) == ("urgent", "urgent", True)


@pytest.mark.parametrize("text", ["my character has 10 hp left", "is there a weapon that one shots the ender dragon",
                                  "my hp goes to zero every time i enter the boss room"])
def test_game_talk_with_hp_or_a_weapon_stays_cover(component: PersonaContext, text: str) -> None:
    ranking = [("gametips__ask_boss_tips", 0.6), ("gametips__urgent", 0.1), ("out_of_scope", 0.3)]
    assert seen(component, text, ranking)[1:] == ("none", False)


@pytest.mark.parametrize("text", ["logging off", "logging off, bye"])
def test_logging_off_read_as_a_goodbye_is_the_quiet_code(component: PersonaContext, text: str) -> None:
    ranking = [("goodbye", 0.72), ("gametips__not_safe", 0.24), ("out_of_scope", 0.04)]
    assert seen(component, text, ranking) == ("not_safe", "not_safe", False)
