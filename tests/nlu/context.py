"""What the dialogue sees of one message after nlu.components.persona.PersonaContext (shared by the NLU tests)."""
from __future__ import annotations

from typing import Any

from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.persona import PersonaContext


def seen(component: PersonaContext, text: str, ranking: list[tuple[str, float]], lang: str,
         persona: str = "rumianek") -> tuple[str, str, bool, list[tuple[str, Any]]]:
    """Intent, signal, urgent flag and entities of ``text`` with the classifier's ``ranking``."""
    message = Message(data={
        TEXT: text, METADATA: {"persona": persona}, ENTITIES: [{"entity": "lang", "value": lang}],
        INTENT_RANKING_KEY: [{"name": name, "confidence": p} for name, p in ranking],
    })
    component.process([message])
    entities = [(e["entity"], e["value"]) for e in message.get(ENTITIES)]
    return message.get(INTENT)["name"], message.get("signal"), message.get("urgent"), entities


async def classified(agent: Any, persona: str, lang: str, text: str) -> Any:
    """The real classifier's reading (trained model and PersonaContext) of ``text``; persona "plain" or "-" is the
    plain bot."""
    from nlu.classifier import from_parse_data, parse_text

    who = None if persona in ("plain", "-") else persona
    return from_parse_data(text, await parse_text(agent, text, who, lang), lang)
