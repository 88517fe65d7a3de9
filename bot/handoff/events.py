"""The live event log: content-free rows in ``popbot_handoff_events`` (the source of truth) and
a Redis pub/sub nudge carrying only the new id (a hint across replicas).

A subscriber replays everything after the last id it saw (:func:`since`), then waits for a
nudge or polls (:func:`follow`). On PostgreSQL every insert takes a transaction-level advisory
lock first, so ids commit in increasing order and "id > last" never skips a late commit.
"""
from __future__ import annotations

import asyncio
import json
import logging
import zlib
from contextlib import contextmanager
from typing import Any, AsyncIterator, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.handoff import tables
from bot.handoff.model import Context, Event
from bot.handoff.nudge import NudgeListener
from core.logs import exception_summary

logger = logging.getLogger(__name__)

EVENT_KINDS = frozenset({
    "queued", "claimed", "message", "reply", "sent", "delivered", "not_delivered_yet", "delivery_failed", "priority_raised",
    "alert", "transferred", "released", "reassigned", "requeued", "returned", "closed", "left", "note",
})
_LOCK_ID = zlib.crc32(b"popbot-handoff-events")
_ev = tables.events


def emit(conn: Connection, at: float, kind: str, conversation_id: str, actor: str | None = None, **detail: Any) -> int:
    """Append one event inside the caller's transaction; returns its id."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown handoff event kind {kind!r}")
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
    result = conn.execute(
        sa.insert(_ev).values(
            at=at, kind=kind, conversation_id=conversation_id, actor=actor,
            detail=json.dumps(detail, sort_keys=True, separators=(",", ":")),
        )
    )
    return int(result.inserted_primary_key[0])


@contextmanager
def transaction(ctx: Context) -> Iterator[tuple[Connection, list[int]]]:
    """A transaction and a list the body appends event ids to; nudges after the commit."""
    ids: list[int] = []
    with ctx.storage.engine.begin() as conn:
        yield conn, ids
    if ids and ctx.nudge is not None:
        try:
            ctx.nudge.publish(max(ids))
        except Exception as exc:  # a lost nudge only delays subscribers until their next poll
            logger.warning("handoff: nudge not published: %s", exception_summary(exc))


def _event(row: Any) -> Event:
    return Event(row.id, row.at, row.kind, row.conversation_id, row.actor, json.loads(row.detail))


def since(ctx: Context, after_id: int = 0, *, limit: int = 500, conversation_id: str | None = None) -> list[Event]:
    """Events with id > ``after_id``, oldest first (at most ``limit``)."""
    query = sa.select(_ev).where(_ev.c.id > after_id).order_by(_ev.c.id).limit(limit)
    if conversation_id is not None:
        query = query.where(_ev.c.conversation_id == conversation_id)
    with ctx.storage.engine.connect() as conn:
        return [_event(row) for row in conn.execute(query)]


def last_id(ctx: Context) -> int:
    with ctx.storage.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(_ev.c.id), 0))).scalar_one())


async def follow(
    ctx: Context, after_id: int = 0, *, poll: float = 0.25, redis_url: str | None = None, fallback: float = 2.0,
) -> AsyncIterator[Event]:
    """Replay events after ``after_id``, then yield new ones as they commit (never ends, never raises).

    With ``redis_url`` (default: the settings') it wakes on the nudge and still reads the table
    every ``fallback`` seconds in case a nudge was lost (every ``poll`` while Redis is away);
    without Redis it polls every ``poll``. A failed read (database restarting, a lock timeout) is
    logged and retried with backoff: the subscriber is never silently dead.
    """
    url = redis_url if redis_url is not None else ctx.storage.settings.redis_url
    wake = asyncio.Event()
    listener: NudgeListener | None = None
    task: asyncio.Task[None] | None = None
    if url:
        listener = NudgeListener(url, wake)
        task = asyncio.create_task(listener.run())
        await listener.ready(timeout=max(poll, 2.0))
    last = after_id
    failures = 0
    try:
        while True:
            wake.clear()
            try:
                batch = await asyncio.to_thread(since, ctx, last)
            except Exception as exc:
                failures += 1
                if failures == 1:
                    logger.warning("handoff: reading events failed, retrying: %s", exception_summary(exc))
                await asyncio.sleep(min(5.0, poll * 2 ** min(failures, 6)))
                continue
            if failures:
                logger.info("handoff: reading events works again after %d failed reads", failures)
                failures = 0
            for event in batch:
                last = event.id
                yield event
            if batch:
                continue
            wait = fallback if listener is not None and listener.connected else poll
            try:
                await asyncio.wait_for(wake.wait(), timeout=wait)
            except asyncio.TimeoutError:
                pass
    finally:
        if task is not None:
            task.cancel()
