"""Who is following the handoff live: a person is **present** while one of their followers — a
console event stream (``/events``) or ``popbot handoff events --follow`` — is connected.

Each follower keeps a heartbeat row in ``popbot_handoff_presence`` (random token, username, via,
last heartbeat, expiry): written every :data:`HEARTBEAT` seconds, expiring :data:`TTL` seconds
after the last one, and closed (expiry = now) when the follower disconnects cleanly. The rows
are in the database, so the timers of every replica (``bot.handoff.delivery``) see them; a
follower that crashed simply stops beating and expires. Content-free: no conversation, no text.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import AsyncIterator, Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from bot.handoff import tables
from bot.handoff.model import Context
from core.logs import exception_summary

logger = logging.getLogger(__name__)

#: Seconds between heartbeats of a connected follower.
HEARTBEAT = 10.0
#: A follower that stopped beating counts as gone this long after its last heartbeat.
TTL = 30.0
#: Closed and expired rows are deleted this long after they expired.
KEEP = 86400.0
_p = tables.presence


@dataclass(frozen=True)
class Seen:
    """A person's followers: ``present`` (one is connected now) and ``last`` (the latest heartbeat
    or disconnect of any of them; None: never connected)."""

    present: bool
    last: float | None


def beat(ctx: Context, token: str, username: str, via: str, *, ttl: float = TTL) -> None:
    """Record a heartbeat of follower ``token`` (the first one creates its row)."""
    now = ctx.now()
    with ctx.storage.engine.begin() as conn:
        insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(_p)
        conn.execute(insert.values(token=token, username=username[:64], via=via[:16], since=now, seen_at=now,
                                   expires_at=now + ttl)
                     .on_conflict_do_update(index_elements=["token"], set_={"seen_at": now, "expires_at": now + ttl},
                                            where=_p.c.expires_at > _p.c.seen_at))  # a closed row stays closed
        conn.execute(sa.delete(_p).where(_p.c.expires_at < now - KEEP))


def leave(ctx: Context, token: str) -> None:
    """Follower ``token`` disconnected: it stops counting now."""
    now = ctx.now()
    with ctx.storage.engine.begin() as conn:
        conn.execute(sa.update(_p).where(_p.c.token == token).values(seen_at=now, expires_at=now))


def seen(conn: Connection, usernames: Iterable[str], now: float) -> dict[str, Seen]:
    """Presence of each of ``usernames`` (absent and never seen when they have no row)."""
    wanted = sorted(set(usernames))
    found = {name: Seen(False, None) for name in wanted}
    if not wanted:
        return found
    rows = conn.execute(
        sa.select(_p.c.username, sa.func.max(_p.c.seen_at), sa.func.max(_p.c.expires_at))
        .where(_p.c.username.in_(wanted)).group_by(_p.c.username)
    ).all()
    for username, last, expires in rows:
        found[username] = Seen(bool(expires > now), float(last))
    return found


def is_present(ctx: Context, username: str) -> bool:
    with ctx.storage.engine.connect() as conn:
        return seen(conn, [username], ctx.now())[username].present


@asynccontextmanager
async def connected(ctx: Context, username: str, via: str, *, every: float | None = None) -> AsyncIterator[str]:
    """Keep ``username`` present while the body runs (a follower is connected); yields the token.

    A failed heartbeat is logged and retried at the next beat (the row expires meanwhile, which
    is the truth: nobody can tell whether the person is there). The disconnect is recorded
    synchronously, so it happens even when the body was cancelled (a closed HTTP stream)."""
    token = secrets.token_hex(16)
    interval = HEARTBEAT if every is None else every

    ttl = max(TTL, 3 * interval)

    async def heartbeat() -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await asyncio.to_thread(beat, ctx, token, username, via, ttl=ttl)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("handoff: presence heartbeat failed: %s", exception_summary(exc))

    await asyncio.to_thread(beat, ctx, token, username, via, ttl=ttl)  # present before the body runs
    task = asyncio.create_task(heartbeat())
    try:
        yield token
    finally:
        task.cancel()
        try:
            leave(ctx, token)
        except Exception as exc:  # the row expires by itself
            logger.warning("handoff: presence disconnect not recorded: %s", exception_summary(exc))
