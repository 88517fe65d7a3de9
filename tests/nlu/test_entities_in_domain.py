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


@pytest.mark.parametrize("persona", ["gametips", "rumianek", None])
async def test_not_saying_where_is_a_refusal_not_saying_what_he_did_is_a_disclosure(
    agent: Any, persona: Optional[str]
) -> None:
    from rasa.core.channels.channel import UserMessage

    async def parse(text: str) -> dict:
        metadata = {"lang": "en", **({"persona": persona} if persona else {})}
        return await agent.processor.parse_message(UserMessage(neutralise(text), metadata=metadata))

    where = await parse("I don't want to say where I am")
    assert "location_refused" in {e["entity"] for e in where["entities"]}
    assert where["signal"] == "none"
    what = await parse("I don't want to say what he did")
    assert what["signal"] == "abuse_disclosure"
    assert "location_refused" not in {e["entity"] for e in what["entities"]}
