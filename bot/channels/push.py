"""Push delivery to connected browsers, by conversation id.

A counselor's message reaches Rasa later (``POST /conversations/<id>/trigger_intent`` or
``.../tracker/events`` with ``output_channel=latest``); Rasa asks the web input channel for its
output channel, which publishes here. The hub hands the message to every browser socket attached
to that conversation, or keeps it briefly (in memory only) until the browser reconnects.

With several Rasa replicas the browser's socket may live on another replica: ``RedisRelay``
fans each message out over Redis pub/sub (transient, never persisted by Redis) so the replica
holding the socket delivers it.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Protocol
from core.logs import exception_summary

logger = logging.getLogger(__name__)

#: Seconds before subscribing again after the relay's Redis connection was lost (doubling).
RECONNECT_START, RECONNECT_MAX = 0.1, 2.0

Sink = Callable[[dict[str, Any]], Awaitable[None]]
Closer = Callable[[], Awaitable[None]]


@dataclass
class _Subscriber:
    send: Sink
    close: Closer


@dataclass
class _Conversation:
    subscribers: list[_Subscriber] = field(default_factory=list)
    backlog: deque[tuple[float, dict[str, Any]]] = field(default_factory=deque)
    left: bool = False
    touched: float = field(default_factory=time.monotonic)


class Relay(Protocol):
    """Carries a published message to every replica's hub (including this one)."""

    async def publish(self, conversation_id: str, message: dict[str, Any]) -> None: ...

    async def leave(self, conversation_id: str) -> None: ...


class PushHub:
    """In-process registry of browser sockets per conversation id."""

    def __init__(self, backlog_seconds: float = 600.0, backlog_max: int = 50) -> None:
        self._conversations: dict[str, _Conversation] = {}
        self._backlog_seconds = backlog_seconds
        self._backlog_max = backlog_max
        self.relay: Relay | None = None

    def _get(self, conversation_id: str) -> _Conversation:
        self._prune()
        conv = self._conversations.setdefault(conversation_id, _Conversation())
        conv.touched = time.monotonic()
        return conv

    def _prune(self) -> None:
        cutoff = time.monotonic() - self._backlog_seconds
        for key in [k for k, c in self._conversations.items() if not c.subscribers and c.touched < cutoff]:
            del self._conversations[key]

    def connected(self, conversation_id: str) -> int:
        """How many sockets are attached to ``conversation_id`` on this replica."""
        conv = self._conversations.get(conversation_id)
        return len(conv.subscribers) if conv else 0

    def has_left(self, conversation_id: str) -> bool:
        conv = self._conversations.get(conversation_id)
        return bool(conv and conv.left)

    async def attach(self, conversation_id: str, send: Sink, close: Closer) -> Callable[[], None]:
        """Attach a socket; deliver the backlog; return a function that detaches it."""
        conv = self._get(conversation_id)
        conv.left = False
        subscriber = _Subscriber(send, close)
        conv.subscribers.append(subscriber)
        cutoff = time.monotonic() - self._backlog_seconds
        while conv.backlog:
            at, message = conv.backlog.popleft()
            if at >= cutoff:
                await send(message)

        def detach() -> None:
            if subscriber in conv.subscribers:
                conv.subscribers.remove(subscriber)

        return detach

    async def publish(self, conversation_id: str, message: dict[str, Any]) -> None:
        """Deliver ``message`` through the relay if there is one, else locally."""
        if self.relay is not None:
            await self.relay.publish(conversation_id, message)
        else:
            await self.deliver_local(conversation_id, message)

    async def deliver_local(self, conversation_id: str, message: dict[str, Any]) -> int:
        """Send to the sockets attached here; keep in the backlog if none. Returns sockets reached."""
        conv = self._get(conversation_id)
        if conv.left:
            return 0
        delivered = 0
        for subscriber in list(conv.subscribers):
            try:
                await subscriber.send(message)
                delivered += 1
            except Exception:  # a dead socket must not stop delivery to the others
                logger.info("web push: dropping a closed socket")
                conv.subscribers.remove(subscriber)
        if not delivered and "id" not in message:
            # every replica keeps it briefly; the one the browser reconnects to delivers. A message
            # with an id (a counselor's) is kept in the database instead and pushed again on
            # reconnect until the widget confirms it (bot.handoff.delivery)
            conv.backlog.append((time.monotonic(), message))
            while len(conv.backlog) > self._backlog_max:
                conv.backlog.popleft()
        return delivered

    async def leave(self, conversation_id: str) -> None:
        """Quick exit: close every socket of the conversation and drop what was pending."""
        if self.relay is not None:
            await self.relay.leave(conversation_id)
        else:
            await self.leave_local(conversation_id)

    async def leave_local(self, conversation_id: str) -> None:
        conv = self._get(conversation_id)
        conv.left = True
        conv.backlog.clear()
        subscribers, conv.subscribers = conv.subscribers, []
        for subscriber in subscribers:
            try:
                await subscriber.close()
            except Exception:
                logger.info("web push: socket already closed on leave")


class RedisRelay:
    """Fans messages out to every replica over Redis pub/sub (``redis.asyncio``)."""

    CHANNEL = "popbot:web:push"

    def __init__(self, hub: PushHub, redis_url: str) -> None:
        from core.redis_client import async_redis

        self._hub = hub
        self._redis = async_redis(redis_url)
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._listen())
        await asyncio.wait_for(self._ready.wait(), timeout=10)
        self._hub.relay = self

    async def stop(self) -> None:
        self._hub.relay = None
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
        await self._redis.close()

    async def publish(self, conversation_id: str, message: dict[str, Any]) -> None:
        receivers = await self._redis.publish(
            self.CHANNEL, json.dumps({"c": conversation_id, "m": message})
        )
        if not receivers:  # nobody listening (not even us): keep it locally
            await self._hub.deliver_local(conversation_id, message)

    async def leave(self, conversation_id: str) -> None:
        await self._redis.publish(self.CHANNEL, json.dumps({"c": conversation_id, "leave": True}))

    async def _listen(self) -> None:
        """Relay pushes from Redis until stopped; a lost connection (Redis restarted) is opened
        again with backoff, so pushes between replicas do not stop for the replica's lifetime."""
        delay = RECONNECT_START
        while True:
            pubsub = self._redis.pubsub()
            try:
                await pubsub.subscribe(self.CHANNEL)
                self._ready.set()
                delay = RECONNECT_START
                async for item in pubsub.listen():
                    if item.get("type") == "message":
                        await self._relayed(item)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("web push: Redis connection lost (%s); subscribing again", type(exc).__name__)
            finally:
                try:
                    await pubsub.close()
                except Exception:  # the connection is gone already
                    pass
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX)

    async def _relayed(self, item: dict[str, Any]) -> None:
        try:
            payload = json.loads(item["data"])
            if payload.get("leave"):
                await self._hub.leave_local(payload["c"])
            else:
                await self._hub.deliver_local(payload["c"], payload["m"])
        except Exception as exc:
            logger.error("web push: could not deliver a relayed message: %s", exception_summary(exc))
