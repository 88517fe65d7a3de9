"""Issue 10, gap 1: a counselor who DISCONNECTS is noticed like one who stays silent. The holder
is present while their console event stream is connected (heartbeat rows in the database, so
every replica's timers see them); a real SSE client on a real socket connects, then goes away:
past POPBOT_HANDOFF_ALERT_SECONDS an alert (reason ``disconnected``), past the requeue time the
conversation is back in the queue and the child gets the persona's please-wait line."""
from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from bot.console import sessions
from bot.handoff import delivery, presence, service
from bot.handoff.model import Actor
from tests.console.conftest import waiting

CID = "web:presence01"


def _until(check: Any, what: str, seconds: float = 30.0) -> None:
    """Wait for the server side (a hang guard, not a latency check)."""
    give_up = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < give_up, what
        time.sleep(0.05)


def _kinds(handoff: Any) -> list[tuple[str, str | None]]:
    return [(e.kind, e.detail.get("reason")) for e in service.events_since(handoff) if e.conversation_id == CID]


def test_a_holder_whose_stream_disconnects_is_alerted_on_then_requeued_with_please_wait(
    served: str, people: dict, handoff: Any, clock: Any, merged_domain: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(presence, "HEARTBEAT", 0.1)  # beats often, so a moved clock is caught up at once
    settings = handoff.storage.settings
    counselor = people["counselor"]
    waiting(handoff, CID, persona="rumianek", lang="pl")
    service.claim(handoff, Actor(counselor.username, "counselor"), CID)
    worker = delivery.Deliverer(handoff)
    worker.voice = delivery.voice_of(merged_domain)
    assert not presence.is_present(handoff, counselor.username)  # no stream yet

    cookie = {"cookie": f"{sessions.COOKIE}={counselor.client.cookies[sessions.COOKIE]}"}
    with httpx.stream("GET", served + "/events", headers=cookie, timeout=30) as reply:
        lines = reply.iter_lines()
        assert next(lines).startswith("retry:")  # the stream is open
        assert presence.is_present(handoff, counselor.username)
        clock.advance(settings.handoff_requeue_seconds + 60)  # long, but connected the whole time
        time.sleep(0.5)  # a few heartbeats at the new time
        assert presence.is_present(handoff, counselor.username)
        assert worker.check_timers() == []  # connected and nobody waits for an answer: nothing
    # the client went away: the server closes the follower's row
    _until(lambda: not presence.is_present(handoff, counselor.username), "the disconnect was not noticed")

    clock.advance(settings.handoff_alert_seconds - 5)
    assert worker.check_timers() == []  # not yet
    clock.advance(10)
    assert worker.check_timers() == [CID]
    assert worker.check_timers() == []  # one alert
    assert _kinds(handoff)[-1] == ("alert", "disconnected")
    assert service.entry(handoff, Actor(counselor.username, "counselor"), CID).state == "held"
    clock.advance(settings.handoff_requeue_seconds - settings.handoff_alert_seconds)
    assert worker.check_timers() == [CID]
    entry = service.entry(handoff, Actor(counselor.username, "counselor"), CID)
    assert (entry.state, entry.holder) == ("waiting", None)
    assert ("requeued", "disconnected") in _kinds(handoff)

    sent: list[tuple[str, str]] = []

    async def web(conversation: str, text: str) -> None:
        sent.append((conversation, text))

    worker.senders["web"] = web
    import asyncio

    assert asyncio.run(worker.deliver_pending()) == 1
    wait_line = delivery.voice_of(merged_domain)("rumianek", "pl", "utter_please_wait")
    assert wait_line and sent == [(CID, wait_line)]  # the persona's line, in Polish


def test_a_crashed_follower_expires_and_a_reply_counts_as_being_there(handoff: Any, people: dict, clock: Any) -> None:
    """No clean disconnect (a crashed browser or replica): the row expires TTL after its last beat.
    A reply proves the holder is there, so the away time restarts from it."""
    counselor = people["counselor"]
    waiting(handoff, CID)
    anna = Actor(counselor.username, "counselor")
    service.claim(handoff, anna, CID)
    presence.beat(handoff, "crashed-follower", counselor.username, "console")
    worker = delivery.Deliverer(handoff)
    clock.advance(presence.TTL - 1)
    assert presence.is_present(handoff, counselor.username)
    clock.advance(2)
    assert not presence.is_present(handoff, counselor.username)
    settings = handoff.storage.settings
    clock.advance(settings.handoff_alert_seconds - presence.TTL - 5)
    service.reply(handoff, anna, CID, "jestem tu")
    clock.advance(settings.handoff_alert_seconds - 1)
    assert worker.check_timers() == []  # away counted from the reply, not from the last beat
    clock.advance(2)
    assert worker.check_timers() == [CID] and _kinds(handoff)[-1] == ("alert", "disconnected")
