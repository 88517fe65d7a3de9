"""Idempotent Telegram replies: remember which replies of an update were sent, across replicas.

Rasa sends a message's replies while it processes it, before the tracker is saved. When the save
then fails, the channel answers non-2xx and Telegram redelivers the update; processing it again
computes the same replies. The ledger records ``(bot, update_id, seq)`` after each reply was sent
(``seq`` = position of the reply in the update's answer, never its text), and a reply already
recorded is not sent again — so the child gets "call 112" once, not once per redelivery.

Every ledger also keeps an in-process record, so a redelivery to the same replica is recognised
even while the shared backend (the database or Redis) is failing.
"""
from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import timedelta
from typing import Protocol

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from bot.channels.state import replies_table
from core.db import engine as engine_for, utcnow
from core.logs import exception_summary

logger = logging.getLogger(__name__)

#: Telegram keeps undelivered updates for 24 hours; remember sent replies for twice that.
KEEP = timedelta(hours=48)
#: In-process entries kept (oldest forgotten first).
MEMORY_ENTRIES = 100_000


class ReplyLedger(Protocol):
    async def sent(self, bot: str, update_id: int, seq: int) -> bool:
        """True if reply ``seq`` of the update was already sent (by any replica)."""

    async def record(self, bot: str, update_id: int, seq: int) -> None:
        """Remember that reply ``seq`` of the update was sent; never raises."""


class _Memory:
    """A bounded in-process set of sent replies (the fallback while the shared store fails)."""

    def __init__(self, limit: int = MEMORY_ENTRIES) -> None:
        self._seen: OrderedDict[tuple[str, int, int], None] = OrderedDict()
        self._limit = limit

    def __contains__(self, key: tuple[str, int, int]) -> bool:
        return key in self._seen

    def add(self, key: tuple[str, int, int]) -> None:
        self._seen[key] = None
        self._seen.move_to_end(key)
        while len(self._seen) > self._limit:
            self._seen.popitem(last=False)


class _LedgerBase:
    def __init__(self) -> None:
        self._memory = _Memory()

    async def sent(self, bot: str, update_id: int, seq: int) -> bool:
        if (bot, update_id, seq) in self._memory:
            return True
        try:
            return await self._sent(bot, update_id, seq)
        except Exception as exc:  # the shared store is failing: send rather than withhold
            logger.warning("telegram reply ledger unavailable: %s", exception_summary(exc))
            return False

    async def record(self, bot: str, update_id: int, seq: int) -> None:
        self._memory.add((bot, update_id, seq))
        try:
            await self._record(bot, update_id, seq)
        except Exception as exc:
            logger.warning("telegram reply ledger: could not record a sent reply: %s", exception_summary(exc))

    async def _sent(self, bot: str, update_id: int, seq: int) -> bool:
        raise NotImplementedError

    async def _record(self, bot: str, update_id: int, seq: int) -> None:
        raise NotImplementedError


class SqlReplyLedger(_LedgerBase):
    """Ledger in the popbot database (table ``popbot_channel_replies``)."""

    def __init__(self, database_url: str) -> None:
        super().__init__()
        self._url = database_url

    async def _sent(self, bot: str, update_id: int, seq: int) -> bool:
        return await asyncio.to_thread(self._sent_sync, bot, update_id, seq)

    async def _record(self, bot: str, update_id: int, seq: int) -> None:
        await asyncio.to_thread(self._record_sync, bot, update_id, seq)

    def _sent_sync(self, bot: str, update_id: int, seq: int) -> bool:
        with engine_for(self._url).connect() as conn:
            row = conn.execute(
                select(replies_table.c.seq).where(
                    replies_table.c.bot == bot, replies_table.c.update_id == update_id, replies_table.c.seq == seq
                )
            ).first()
        return row is not None

    def _record_sync(self, bot: str, update_id: int, seq: int) -> None:
        engine = engine_for(self._url)
        try:
            with engine.begin() as conn:
                conn.execute(insert(replies_table).values(bot=bot, update_id=update_id, seq=seq, sent_at=utcnow()))
        except IntegrityError:
            return
        if update_id % 64 == 0 and seq == 0:
            with engine.begin() as conn:
                conn.execute(delete(replies_table).where(replies_table.c.sent_at < utcnow() - KEEP))


class RedisReplyLedger(_LedgerBase):
    """Ledger in Redis: one set of sent sequence numbers per update, expiring on its own."""

    def __init__(self, redis_url: str) -> None:
        super().__init__()
        from core.redis_client import async_redis

        self._redis = async_redis(redis_url)

    @staticmethod
    def _key(bot: str, update_id: int) -> str:
        return f"popbot:tg:sent:{bot}:{update_id}"

    async def _sent(self, bot: str, update_id: int, seq: int) -> bool:
        return bool(await self._redis.sismember(self._key(bot, update_id), str(seq)))

    async def _record(self, bot: str, update_id: int, seq: int) -> None:
        key = self._key(bot, update_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.sadd(key, str(seq))
            pipe.expire(key, int(KEEP.total_seconds()))
            await pipe.execute()

    async def close(self) -> None:
        await self._redis.close()
