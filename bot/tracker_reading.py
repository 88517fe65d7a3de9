"""What the after-parse readings (``bot.open_question``, ``bot.adult_context``, ``bot.disclosure_context``) read of a
message's parse and of the conversation before it: one way to do each."""
from __future__ import annotations

from typing import Any, Optional


def parse_entity(parse: dict, name: str) -> Optional[str]:
    """The value of the parse's first entity ``name`` (as text), or None."""
    return next((str(e.get("value")) for e in parse.get("entities") or [] if e.get("entity") == name), None)


def session_events(tracker: Any) -> list:
    """The events of the tracker's current session (after its last ``SessionStarted``; all when there is none)."""
    from rasa.shared.core.events import SessionStarted

    events = list(tracker.events)
    for at in range(len(events) - 1, -1, -1):
        if isinstance(events[at], SessionStarted):
            return events[at + 1:]
    return events
