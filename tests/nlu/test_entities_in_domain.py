"""Every entity the NLU pipeline puts on a message is declared in the domain (issue 13): Rasa
warns about undeclared ones and policies never see them."""
from __future__ import annotations

from typing import Any, Optional

import pytest

from core.text import neutralise

#: Lines that make the pipeline emit each kind of entity it knows (refusal, place, risk, duration, address).
LINES = [
    ("I'd rather not say where I live", "en", "rumianek"),
    ("wolę nie mówić, gdzie mieszkam", "pl", "rumianek"),
    ("prefiero no decirlo", "es", "rumianek"),
    ("I live in Leeds", "en", None),
    ("my dad hits me every day for two weeks now", "en", None),
    ("please come to 17 Birch Avenue, Derby", "en", "rumianek"),
]


async def _entities(agent: Any, text: str, lang: str, persona: Optional[str]) -> set[str]:
    from rasa.core.channels.channel import UserMessage

    metadata = {"lang": lang, **({"persona": persona} if persona else {})}
    data = await agent.processor.parse_message(UserMessage(neutralise(text), metadata=metadata))
    return {e["entity"] for e in data.get("entities") or []}


@pytest.mark.parametrize("text,lang,persona", LINES)
async def test_every_entity_the_pipeline_emits_is_in_the_domain(
    agent: Any, merged_domain: Any, text: str, lang: str, persona: Optional[str]
) -> None:
    emitted = await _entities(agent, text, lang, persona)
    assert emitted, text
    assert emitted <= set(merged_domain.entities), sorted(emitted - set(merged_domain.entities))


async def test_a_refusal_carries_the_location_refused_entity(agent: Any) -> None:
    assert "location_refused" in await _entities(agent, "I'd rather not say where I live", "en", "rumianek")
