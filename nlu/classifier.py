"""Classify texts into signals with the trained model — the engine behind ``popbot classify``
and ``popbot eval``, and the same NLU the running bot uses (persona context via metadata)."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from core.rasa_compat import prepare_environment
from core.text import neutralise

#: Entities that are bookkeeping, not content found in the text.
_INTERNAL_ENTITIES = frozenset({"persona", "lang", "voice"})


@dataclass(frozen=True)
class Classification:
    text: str
    signal: str
    urgent: bool
    confidence: float
    lang: Optional[str]
    intent: str
    entities: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "signal": self.signal,
            "urgent": self.urgent,
            "confidence": round(self.confidence, 4),
            "lang": self.lang,
            "intent": self.intent,
            "entities": self.entities,
        }


class Classifier:
    """Loads the model once; ``classify`` runs the full NLU pipeline on one text."""

    def __init__(self, model_path: Path) -> None:
        prepare_environment()
        from core.logs import configure

        configure(patch_rasa_now=True)
        from rasa.core.agent import Agent

        if not model_path.exists():
            raise FileNotFoundError(f"no trained model at {model_path}; run `make build` first")
        self._loop = asyncio.new_event_loop()
        self._agent = Agent.load(str(model_path))

    def close(self) -> None:
        self._loop.close()

    def __enter__(self) -> "Classifier":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def parse(self, text: str, persona: Optional[str] = None, lang: Optional[str] = None) -> dict:
        """Rasa parse data for ``text`` as the channels would send it."""
        return await parse_text(self._agent, text, persona, lang)

    def classify(self, text: str, persona: Optional[str] = None, lang: Optional[str] = None) -> Classification:
        data = self._loop.run_until_complete(self.parse(text, persona, lang))
        return from_parse_data(text, data, lang)


async def parse_text(agent: Any, text: str, persona: Optional[str] = None, lang: Optional[str] = None) -> dict:
    """Rasa parse data of a loaded ``agent`` for ``text`` as the channels would send it."""
    from rasa.core.channels.channel import UserMessage

    metadata: dict[str, Any] = {}
    if persona:
        metadata["persona"] = persona
    if lang:
        metadata["lang"] = lang
    assert agent.processor is not None
    return await agent.processor.parse_message(UserMessage(neutralise(text), metadata=metadata))


def from_parse_data(text: str, data: dict, lang_given: Optional[str] = None) -> Classification:
    """Turn Rasa parse data (with PersonaContext's fields) into a Classification."""
    entities = data.get("entities") or []
    detected = next((e["value"] for e in entities if e.get("entity") == "lang"), None)
    intent = data.get("intent") or {}
    return Classification(
        text=text,
        signal=data.get("signal", "none"),
        urgent=bool(data.get("urgent", False)),
        confidence=float(intent.get("confidence") or 0.0),
        lang=detected or lang_given,
        intent=intent.get("name") or "",
        entities=[
            {k: e[k] for k in ("entity", "value", "start", "end") if k in e}
            for e in entities
            if e.get("entity") not in _INTERNAL_ENTITIES
        ],
    )
