"""Trackers built from events with Rasa's own classes (no model needed)."""
from __future__ import annotations

import time
from typing import Sequence

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

DOMAIN = Domain.from_dict(
    {
        "intents": ["greet", "abuse_disclosure"],
        "entities": ["lang", "address"],
        "slots": {
            "lang": {"type": "text", "mappings": [{"type": "custom"}]},
            "address": {"type": "text", "mappings": [{"type": "custom"}]},
        },
        "responses": {"utter_greet": [{"text": "hi"}]},
    }
)


def conversation_events(text: str, *, address: str = "", at: float | None = None) -> list[Event]:
    """A session start, a user message carrying ``text``, slots and a bot reply."""
    at = time.time() if at is None else at
    events: list[Event] = [
        ActionExecuted("action_session_start", timestamp=at),
        SessionStarted(timestamp=at),
        ActionExecuted("action_listen", timestamp=at),
        UserUttered(
            text,
            {"name": "abuse_disclosure", "confidence": 0.97},
            [{"entity": "address", "value": address or text, "start": 0, "end": 3}],
            {"text": text, "intent": {"name": "abuse_disclosure", "confidence": 0.97}, "signal": "abuse_disclosure"},
            timestamp=at + 1,
            metadata={"persona": "rumianek", "note": text},
        ),
        SlotSet("lang", "pl", timestamp=at + 2),
        SlotSet("address", address or text, timestamp=at + 2),
        BotUttered(f"reply about {text}", {"custom": {"echo": text}}, timestamp=at + 3),
        ActionExecuted("action_listen", timestamp=at + 3),
    ]
    return events


def tracker(sender_id: str, events: Sequence[Event]) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender_id, list(events), DOMAIN.slots)


def dumped(t: DialogueStateTracker) -> list[dict]:
    return [e.as_dict() for e in t.events]
