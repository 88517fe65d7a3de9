"""The message ids of a Telegram conversation (the child's and the bot's), without any text.

Clean chat and quick exit delete them (bots may delete both sides in a private chat within
48 hours). Only the conversation pseudonym, the bare integer id and when it was seen are kept.
"""
from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from bot.channels.state import messages_table
from core.db import as_aware, engine as engine_for, utcnow

#: Telegram lets a bot delete messages of a private chat for 48 hours; older ids are useless.
DELETABLE_FOR = timedelta(hours=48)


class MessageIdLog(Protocol):
    async def add(self, conversation: str, message_id: int) -> None: ...

    async def take(self, conversation: str) -> list[int]:
        """Every deletable id of the conversation, oldest first, forgetting them."""

    async def idle_since(self, older_than: datetime) -> list[str]:
        """Conversations whose newest message is older than ``older_than``."""


class SqlMessageIdLog:
    def __init__(self, database_url: str) -> None:
        self._engine = engine_for(database_url)

    async def add(self, conversation: str, message_id: int) -> None:
        await asyncio.to_thread(self._add, conversation, message_id)

    async def take(self, conversation: str) -> list[int]:
        return await asyncio.to_thread(self._take, conversation)

    async def idle_since(self, older_than: datetime) -> list[str]:
        return await asyncio.to_thread(self._idle, older_than)

    def _add(self, conversation: str, message_id: int) -> None:
        try:
            with self._engine.begin() as conn:
                conn.execute(insert(messages_table).values(conversation=conversation, message_id=message_id, at=utcnow()))
        except IntegrityError:  # redelivered update: already recorded
            pass

    def _take(self, conversation: str) -> list[int]:
        cutoff = utcnow() - DELETABLE_FOR
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(messages_table.c.message_id, messages_table.c.at)
                .where(messages_table.c.conversation == conversation)
                .order_by(messages_table.c.message_id)
            ).all()
            conn.execute(delete(messages_table).where(messages_table.c.conversation == conversation))
        return [row.message_id for row in rows if as_aware(row.at) > cutoff]

    def _idle(self, older_than: datetime) -> list[str]:
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(messages_table.c.conversation)
                .group_by(messages_table.c.conversation)
                .having(func.max(messages_table.c.at) < older_than)
            ).all()
        return [row.conversation for row in rows]


class RedisMessageIdLog:
    """One sorted set per conversation (score: when seen), expiring after 48 hours."""

    INDEX = "popbot:tg:msgs:index"

    def __init__(self, redis_url: str) -> None:
        from core.redis_client import async_redis

        self._redis = async_redis(redis_url)

    @staticmethod
    def _key(conversation: str) -> str:
        return f"popbot:tg:msgs:{conversation}"

    async def add(self, conversation: str, message_id: int) -> None:
        now = time.time()
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zadd(self._key(conversation), {str(message_id): now})
            pipe.expire(self._key(conversation), int(DELETABLE_FOR.total_seconds()))
            pipe.zadd(self.INDEX, {conversation: now})
            await pipe.execute()

    async def take(self, conversation: str) -> list[int]:
        key = self._key(conversation)
        cutoff = time.time() - DELETABLE_FOR.total_seconds()
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zrangebyscore(key, cutoff, "+inf")
            pipe.delete(key)
            pipe.zrem(self.INDEX, conversation)
            found, _, _ = await pipe.execute()
        return sorted(int(x) for x in found)

    async def idle_since(self, older_than: datetime) -> list[str]:
        found = await self._redis.zrangebyscore(self.INDEX, "-inf", f"({older_than.timestamp()}")
        return [x.decode() for x in found]

    async def close(self) -> None:
        await self._redis.close()
