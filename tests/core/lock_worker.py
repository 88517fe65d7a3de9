"""A process that handles "messages" of one conversation under :mod:`core.locks` (tests only).

``python -m tests.core.lock_worker REDIS_URL PREFIX NAME``: takes message numbers from the Redis
list ``PREFIX:inbox:NAME`` (``-1`` stops it), handles each concurrently in its own task under the
conversation lock, and inside the lock records the number in ``PREFIX:done``; a second holder
inside at the same time is recorded in ``PREFIX:overlaps``.
"""
from __future__ import annotations

import asyncio
import sys

import redis.asyncio as redis_asyncio

from core.locks import RedisConversationLocks


async def handle(locks: RedisConversationLocks, client: redis_asyncio.Redis, prefix: str, number: int) -> None:
    async with locks.hold("conversation-a"):
        if await client.incr(f"{prefix}:inside") != 1:
            await client.rpush(f"{prefix}:overlaps", number)
        await asyncio.sleep(0.01)  # a turn that takes a while: others must wait, not interleave
        await client.rpush(f"{prefix}:done", number)
        await client.decr(f"{prefix}:inside")


async def main(url: str, prefix: str, name: str) -> None:
    client = redis_asyncio.from_url(url)
    locks = RedisConversationLocks.from_url(url, prefix=f"{prefix}:lock")
    tasks = []
    await client.rpush(f"{prefix}:ready", name)
    while True:
        _, raw = await client.blpop(f"{prefix}:inbox:{name}")
        number = int(raw)
        if number < 0:
            break
        tasks.append(asyncio.create_task(handle(locks, client, prefix, number)))
    await asyncio.gather(*tasks)
    await locks.close()
    await client.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
