"""actions/handoff.py: what the silent handoff actions set (issue 13, whole-conversation probing)."""
from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionRememberOffer


def test_breaking_a_question_off_remembers_it_and_says_nothing() -> None:
    """After the quiet line that broke a question off, the question stays open as after "not now"
    (slot offer_postponed), so "I'm back" / "yes" later goes straight on; the quiet line before
    it stays the only reply."""
    tracker = Tracker("t", {"offer_postponed": False}, {"intent": {"name": "not_safe"}}, [], False, None, {}, "")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionRememberOffer().run(dispatcher, tracker, {}))
    assert events == [{"event": "slot", "timestamp": None, "name": "offer_postponed", "value": True}]
    assert dispatcher.messages == []
