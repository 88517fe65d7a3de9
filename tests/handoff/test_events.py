"""Live events: a subscriber replays from the table, then is woken by new commits (polling
without Redis; the Redis nudge with it — real Redis at 127.0.0.1:6379)."""
from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.handoff import bot_side, delivery, events, nudge, service
from bot.handoff.model import Actor, Context
from tests.channels.harness import free_port

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
    ctx.nudge = nudge.RedisNudge(REDIS)
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


# --- issue 10 gap 4: a Redis restart or a failed read never leaves a subscriber deaf ---------------

class PrivateRedis:
    """A throwaway redis-server on a free port (never the shared one) that can be restarted."""

    def __init__(self, workdir: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (make test-deps)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.args = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", str(workdir)]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


async def test_a_redis_restart_mid_follow_does_not_leave_the_subscriber_deaf(
    ctx: Context, people: dict[str, Actor], waiting: str, private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture,
) -> None:
    """The bench hang: before the fix the listener died with the first connection error and a
    subscriber that relies on the nudge (long fallback) never woke again."""
    ctx.nudge = nudge.RedisNudge(private_redis.url)
    stream = service.follow(ctx, service.last_event_id(ctx), redis_url=private_redis.url, fallback=3600)
    pending = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.2)
    assert not pending.done()
    private_redis.stop()  # Redis restarts while the subscriber waits
    await asyncio.sleep(0.5)
    private_redis.start()
    await asyncio.sleep(3.0)  # the listener reconnects (backoff from 0.2 s) and re-subscribes
    assert not pending.done()  # nothing was committed meanwhile
    await asyncio.to_thread(service.claim, ctx, people["anna"], waiting)  # the first nudge after the restart
    claimed = await asyncio.wait_for(pending, timeout=30)  # a hang guard, not a performance limit
    assert claimed.kind == "claimed"
    assert caplog.text.count("event nudge listener lost Redis") == 1  # the outage is visible, once
    await stream.aclose()


async def test_a_failed_read_is_retried_and_the_subscriber_goes_on(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    """A read that fails (here the table is really missing for a moment) is logged and retried;
    before the fix the exception ended the subscriber, and a console stream sent keep-alives only."""
    stream = service.follow(ctx, service.last_event_id(ctx), poll=0.05, redis_url="")
    pending = asyncio.ensure_future(stream.__anext__())
    await asyncio.sleep(0.1)
    with ctx.storage.engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE popbot_handoff_events RENAME TO popbot_handoff_events_away"))
    await asyncio.sleep(0.5)  # the subscriber's reads fail now
    assert not pending.done()
    with ctx.storage.engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE popbot_handoff_events_away RENAME TO popbot_handoff_events"))
    await asyncio.to_thread(service.claim, ctx, people["anna"], waiting)
    assert (await asyncio.wait_for(pending, timeout=30)).kind == "claimed"
    await stream.aclose()


async def test_the_delivery_worker_wakes_on_the_nudge_not_by_polling(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    """Gap 3: with Redis the worker sleeps until a commit's nudge (its safety-net poll is set to an
    hour here, so only the nudge can deliver the reply)."""
    ctx.nudge = nudge.RedisNudge(REDIS)
    service.claim(ctx, people["anna"], waiting)
    sent: asyncio.Queue[str] = asyncio.Queue()

    async def web(conversation: str, text: str) -> None:
        sent.put_nowait(text)

    worker = delivery.Deliverer(ctx, redis_url=REDIS, slow_poll=3600, timers_every=3600)
    worker.senders["web"] = web
    worker.start()
    try:
        for _ in range(100):
            if worker.listener is not None and worker.listener.connected:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # the first pass (nothing pending) is over; the worker sleeps
        assert sent.empty()
        await asyncio.to_thread(service.reply, ctx, people["anna"], waiting, "hello from the console")
        assert await asyncio.wait_for(sent.get(), timeout=30) == "hello from the console"
    finally:
        await worker.stop()
