"""Live events: a subscriber replays from the table, then is woken by new commits (polling
without Redis; the Redis nudge with it — real Redis at 127.0.0.1:6379)."""
from __future__ import annotations

import asyncio

import pytest

from bot.handoff import bot_side, events, service
from bot.handoff.model import Actor, Context

REDIS = "redis://127.0.0.1:6379/0"
pytestmark = pytest.mark.asyncio


async def test_follow_replays_then_polls_for_new_commits(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    stream = service.follow(ctx, 0, poll=0.05, redis_url="")
    assert (await stream.__anext__()).kind == "queued"
    pending = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.1)
    assert not pending.done()  # nothing new yet
    await asyncio.to_thread(service.claim, ctx, people["anna"], waiting)
    claimed = await pending
    assert (claimed.kind, claimed.actor) == ("claimed", "anna")
    await stream.aclose()


async def test_redis_nudge_wakes_a_subscriber_that_would_not_poll(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    ctx.nudge = events.RedisNudge(REDIS)
    stream = service.follow(ctx, service.last_event_id(ctx), redis_url=REDIS, fallback=3600)
    pending = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.2)  # the subscriber is waiting on the nudge now
    assert not pending.done()
    await asyncio.to_thread(service.claim, ctx, people["anna"], waiting)
    assert (await pending).kind == "claimed"
    await stream.aclose()


async def test_a_reconnecting_subscriber_misses_nothing(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    seen = [e.id for e in service.events_since(ctx)]
    service.claim(ctx, people["anna"], waiting)  # happens while "disconnected"
    bot_side.record_child_message(ctx, waiting, "text", signal="none", urgent=False)
    stream = service.follow(ctx, seen[-1], poll=0.05, redis_url="")
    assert [(await stream.__anext__()).kind for _ in range(2)] == ["claimed", "message"]
    await stream.aclose()
