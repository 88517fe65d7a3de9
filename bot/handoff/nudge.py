"""The Redis pub/sub hint that a handoff event was committed: :class:`RedisNudge` publishes the
new id (never content), :class:`NudgeListener` wakes a subscriber. A hint only — the event table
(:mod:`bot.handoff.events`) is the truth."""
from __future__ import annotations

import asyncio
import logging
from typing import Optional

from core.logs import exception_summary

logger = logging.getLogger(__name__)

CHANNEL = "popbot:handoff:events"


def nudge_for(redis_url: Optional[str]) -> Optional["RedisNudge"]:
    """A :class:`RedisNudge` on ``redis_url``, or None without Redis (one process: no hint needed)."""
    return RedisNudge(redis_url) if redis_url else None


class RedisNudge:
    """Publishes new event ids on :data:`CHANNEL` (synchronous client; ids only, no content).

    Bounded: a publish never blocks its caller (the commit's transaction helper; the bot's hooks
    run it in a worker thread) for more than a few seconds, and a pooled connection broken by a
    Redis restart is retried once on a new one, so the first nudge after a restart is not lost."""

    def __init__(self, redis_url: str, *, timeout: float = 2.0) -> None:
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        from core.redis_client import sync_redis

        # one retry only: a nudge is a hint, and its caller waits for it
        self._redis = sync_redis(redis_url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                 retry=Retry(NoBackoff(), 1))

    def publish(self, event_id: int) -> None:
        self._redis.publish(CHANNEL, str(event_id))


class NudgeListener:
    """Sets ``wake`` whenever a nudge arrives on :data:`CHANNEL`; never gives up.

    redis-py's asyncio pub/sub neither reconnects after Redis restarts nor notices a half-open
    socket (a read without timeout waits forever). So this listener reads with a timeout, PINGs a
    quiet connection every ``check`` seconds and treats a missing answer as a dead connection; on
    any failure it reconnects with backoff and re-subscribes. ``connected`` says whether nudges
    are arriving now (subscribers poll faster while they are not); ``wake`` is also set after
    every (re)subscription, so a subscriber re-reads the table for what it missed while deaf.
    """

    def __init__(self, redis_url: str, wake: asyncio.Event, *, check: float = 5.0, max_backoff: float = 5.0) -> None:
        self.url = redis_url
        self.wake = wake
        self.check = check
        self.max_backoff = max_backoff
        self.connected = False
        self.subscriptions = 0  # how many times it (re)subscribed (tests, diagnostics)
        self._ready = asyncio.Event()

    async def ready(self, timeout: float) -> bool:
        """Wait until the first subscription or the first failure (at most ``timeout`` s)."""
        try:
            await asyncio.wait_for(self._ready.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return self.connected

    async def run(self) -> None:
        backoff = 0.2
        while True:
            try:
                await self._session()
                backoff = 0.2
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis down, restarted, or silent: reconnect
                if self.connected or not self._ready.is_set():  # once per outage
                    logger.warning("handoff: event nudge listener lost Redis, reconnecting: %s", exception_summary(exc))
                self.connected = False
                self._ready.set()
                await asyncio.sleep(backoff)
                backoff = min(self.max_backoff, backoff * 2)

    async def _session(self) -> None:
        from core.redis_client import async_redis

        client = async_redis(self.url, socket_connect_timeout=self.check, socket_timeout=self.check)
        pubsub = client.pubsub()
        try:
            await pubsub.subscribe(CHANNEL)
            loop = asyncio.get_running_loop()
            heard = loop.time()
            pinged = False
            while True:
                item = await pubsub.get_message(timeout=self.check)
                now = loop.time()
                if item is None:
                    if now - heard < self.check:
                        continue
                    if pinged:
                        raise ConnectionError(f"no answer from Redis for {now - heard:.0f} s")
                    await pubsub.ping()
                    pinged = True
                    continue
                heard, pinged = now, False
                kind = item.get("type")
                if kind == "subscribe":
                    if not self.connected:
                        self.connected = True
                        self.subscriptions += 1
                        self._ready.set()
                        self.wake.set()  # re-read the table: commits while deaf had no nudge
                elif kind == "message":
                    self.wake.set()
        finally:  # ``connected`` stays as it was until run() has logged the loss
            try:
                await pubsub.close()
                await client.close()
            except Exception:  # the connection is already gone
                pass
