"""Recognise a redelivered Telegram ``update_id``, across replicas and restarts.

An update is *claimed* before processing, *completed* after, *released* if processing failed
(so the platform's redelivery is processed). A claim that is still being processed elsewhere is
``IN_FLIGHT``: answer non-2xx so Telegram retries later; a claim whose holder died is taken
over once its lease has expired, so a crash never loses a message (docs/design.md, invariant 6).
"""
from __future__ import annotations

import asyncio
import enum
from datetime import timedelta
from typing import Protocol

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.channels.state import updates_table
from core.db import as_aware, engine as engine_for, utcnow

#: How long a processing claim blocks others; longer than any message handling.
LEASE = timedelta(seconds=120)
#: Telegram keeps undelivered updates for 24 hours; remember ids for twice that.
KEEP = timedelta(hours=48)


class Claim(enum.Enum):
    NEW = "new"
    DUPLICATE = "duplicate"
    IN_FLIGHT = "in_flight"


class UpdateLedger(Protocol):
    async def claim(self, bot: str, update_id: int) -> Claim: ...

    async def complete(self, bot: str, update_id: int) -> None: ...

    async def release(self, bot: str, update_id: int) -> None: ...


class SqlUpdateLedger:
    """Ledger in the popbot database (SQLite or PostgreSQL)."""

    def __init__(self, database_url: str) -> None:
        self._engine = engine_for(database_url)

    async def claim(self, bot: str, update_id: int) -> Claim:
        return await asyncio.to_thread(self._claim, bot, update_id)

    async def complete(self, bot: str, update_id: int) -> None:
        await asyncio.to_thread(self._set_done, bot, update_id)

    async def release(self, bot: str, update_id: int) -> None:
        await asyncio.to_thread(self._release, bot, update_id)

    def _claim(self, bot: str, update_id: int) -> Claim:
        now = utcnow()
        key = and_(updates_table.c.bot == bot, updates_table.c.update_id == update_id)
        try:
            with self._engine.begin() as conn:
                conn.execute(
                    insert(updates_table).values(bot=bot, update_id=update_id, state="processing", claimed_at=now)
                )
            self._prune_sometimes(update_id)
            return Claim.NEW
        except IntegrityError:
            pass
        with self._engine.begin() as conn:
            row = conn.execute(select(updates_table.c.state, updates_table.c.claimed_at).where(key)).first()
            if row is None:  # released between our insert and select: try once more
                return self._claim(bot, update_id)
            if row.state == "done":
                return Claim.DUPLICATE
            if as_aware(row.claimed_at) > now - LEASE:
                return Claim.IN_FLIGHT
            taken = conn.execute(
                update(updates_table)
                .where(key, updates_table.c.state == "processing", updates_table.c.claimed_at == row.claimed_at)
                .values(claimed_at=now)
            )
            return Claim.NEW if taken.rowcount == 1 else Claim.IN_FLIGHT

    def _set_done(self, bot: str, update_id: int) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                update(updates_table)
                .where(updates_table.c.bot == bot, updates_table.c.update_id == update_id)
                .values(state="done", claimed_at=utcnow())
            )

    def _release(self, bot: str, update_id: int) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                delete(updates_table).where(
                    updates_table.c.bot == bot,
                    updates_table.c.update_id == update_id,
                    updates_table.c.state == "processing",
                )
            )

    def _prune_sometimes(self, update_id: int) -> None:
        if update_id % 64:
            return
        with self._engine.begin() as conn:
            conn.execute(delete(updates_table).where(updates_table.c.claimed_at < utcnow() - KEEP))


class RedisUpdateLedger:
    """Ledger in Redis: one key per update, expiring on its own."""

    def __init__(self, redis_url: str) -> None:
        from core.redis_client import async_redis

        self._redis = async_redis(redis_url)

    @staticmethod
    def _key(bot: str, update_id: int) -> str:
        return f"popbot:tg:update:{bot}:{update_id}"

    async def claim(self, bot: str, update_id: int) -> Claim:
        key = self._key(bot, update_id)
        if await self._redis.set(key, b"processing", nx=True, ex=int(LEASE.total_seconds())):
            return Claim.NEW
        state = await self._redis.get(key)
        if state is None:  # the lease just expired: take it over
            return await self.claim(bot, update_id)
        return Claim.DUPLICATE if state == b"done" else Claim.IN_FLIGHT

    async def complete(self, bot: str, update_id: int) -> None:
        await self._redis.set(self._key(bot, update_id), b"done", ex=int(KEEP.total_seconds()))

    async def release(self, bot: str, update_id: int) -> None:
        key = self._key(bot, update_id)
        if await self._redis.get(key) == b"processing":
            await self._redis.delete(key)

    async def close(self) -> None:
        await self._redis.close()
