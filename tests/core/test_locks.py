"""core.locks on the real Redis (127.0.0.1:6379): one holder at a time across processes, in
arrival order, none lost; release only by the owner; expiry of a dead holder; renewal."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import uuid
from typing import AsyncIterator, Iterator

import pytest
import redis
import redis.asyncio as redis_asyncio

from core import PROJECT_ROOT
from core.locks import LocalConversationLocks, LockTimeout, RedisConversationLocks, conversation_locks, release

pytestmark = pytest.mark.redis
URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def prefix() -> Iterator[str]:
    """A key prefix of this test alone; every key under it is deleted afterwards."""
    name = f"popbot-test:{uuid.uuid4().hex[:12]}"
    yield name
    client = redis.Redis.from_url(URL)
    keys = list(client.scan_iter(f"{name}:*"))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
async def client() -> AsyncIterator[redis_asyncio.Redis]:
    connection = redis_asyncio.from_url(URL)
    yield connection
    await connection.close()


def _wait(predicate, what: str) -> None:  # type: ignore[no-untyped-def]
    """Poll ``predicate`` (a liveness guard for a hung helper process, not a timing assertion)."""
    deadline = time.monotonic() + 120
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.005)


def test_messages_sent_to_three_processes_are_handled_one_at_a_time_in_arrival_order(prefix: str) -> None:
    sync = redis.Redis.from_url(URL)
    names = ["a", "b", "c"]
    workers = [
        subprocess.Popen([sys.executable, "-m", "tests.core.lock_worker", URL, prefix, name], cwd=PROJECT_ROOT)
        for name in names
    ]
    try:
        _wait(lambda: sync.llen(f"{prefix}:ready") == len(names), "the worker processes")
        count = 30
        for number in range(count):
            # Message n arrives at process n % 3 only after message n-1 queued for the lock.
            sync.rpush(f"{prefix}:inbox:{names[number % 3]}", number)
            _wait(lambda: int(sync.get(f"{prefix}:lock:conversation-a:next") or 0) == number + 1, "the ticket")
        for name in names:
            sync.rpush(f"{prefix}:inbox:{name}", -1)
        for worker in workers:
            assert worker.wait(timeout=300) == 0
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    done = [int(n) for n in sync.lrange(f"{prefix}:done", 0, -1)]
    assert done == list(range(count))  # arrival order, none lost, none twice
    assert sync.lrange(f"{prefix}:overlaps", 0, -1) == []  # never two holders at once
    assert not sync.exists(f"{prefix}:lock:conversation-a:owner")
    sync.close()


async def test_only_the_owner_releases(prefix: str, client: redis_asyncio.Redis) -> None:
    locks = RedisConversationLocks(client, prefix=prefix, lease=0.3)
    first = await locks.acquire("c1")
    owner = f"{prefix}:c1:owner"
    await asyncio.sleep(0.5)  # first's lease expires (no renewal: acquire() alone does not renew)
    assert not await client.exists(owner)
    second = await locks.acquire("c1")
    assert await release(first) is False  # expired owner: cannot delete the new owner's key
    assert await client.get(owner) == second.local.token
    assert await release(second) is True
    assert not await client.exists(owner)


async def test_a_stranger_cannot_release_by_deleting_with_another_token(prefix: str, client: redis_asyncio.Redis) -> None:
    locks = RedisConversationLocks(client, prefix=prefix)
    held = await locks.acquire("c1")
    stranger = client.lock(f"{prefix}:c1:owner", timeout=10, thread_local=False)
    stranger.local.token = b"not-the-owner"
    assert await release(stranger) is False
    assert await client.get(f"{prefix}:c1:owner") == held.local.token
    assert await release(held) is True


async def test_a_dead_holder_expires_and_the_next_waiter_gets_the_turn(prefix: str, client: redis_asyncio.Redis) -> None:
    locks = RedisConversationLocks(client, prefix=prefix, lease=0.3)
    await locks.acquire("c1")  # never released nor renewed: its process "died"
    async with locks.hold("c1"):
        assert await client.exists(f"{prefix}:c1:owner")


async def test_a_dead_waiter_is_dropped_from_the_queue(prefix: str, client: redis_asyncio.Redis) -> None:
    locks = RedisConversationLocks(client, prefix=prefix, alive=0.2)
    keys = locks.keys("c1")
    await locks._enqueue(keys, "dead-waiter")  # queued, then its process died: never polls
    async with locks.hold("c1"):
        assert await client.zrange(keys["queue"], 0, -1) == []


async def test_a_long_turn_keeps_its_lock_by_renewal(prefix: str, client: redis_asyncio.Redis) -> None:
    locks = RedisConversationLocks(client, prefix=prefix, lease=0.3)
    order: list[str] = []

    async def turn(name: str, seconds: float) -> None:
        async with locks.hold("c1"):
            order.append(f"{name} in")
            await asyncio.sleep(seconds)
            order.append(f"{name} out")

    first = asyncio.create_task(turn("long", 1.2))  # four leases long
    while not order:
        await asyncio.sleep(0.01)
    await turn("next", 0)
    await first
    assert order == ["long in", "long out", "next in", "next out"]


async def test_a_renewer_stops_by_itself_once_its_lock_is_released(prefix: str, client: redis_asyncio.Redis) -> None:
    """Even if its cancellation never arrived, a renewer ends when the lock is gone."""
    locks = RedisConversationLocks(client, prefix=prefix, lease=0.3)
    held = await locks.acquire("c1")
    renewer = asyncio.create_task(locks._renew(held, asyncio.Event()))
    await asyncio.sleep(0.15)  # one renewal
    assert await release(held) is True
    await asyncio.wait_for(renewer, timeout=30)  # ends on the next round instead of looping forever
    assert not await client.exists(f"{prefix}:c1:owner")


async def test_waiting_longer_than_the_maximum_raises_and_leaves_the_queue(prefix: str, client: redis_asyncio.Redis) -> None:
    locks = RedisConversationLocks(client, prefix=prefix, max_wait=0.2)
    held = await locks.acquire("c1")
    with pytest.raises(LockTimeout):
        await locks.acquire("c1")
    assert await client.zcard(locks.keys("c1")["queue"]) == 0
    await release(held)


async def test_local_locks_are_fair_and_forget_idle_conversations() -> None:
    locks = LocalConversationLocks()
    order: list[int] = []

    async def turn(number: int) -> None:
        async with locks.hold("c1"):
            order.append(number)
            await asyncio.sleep(0)

    await asyncio.gather(*(turn(n) for n in range(20)))
    assert order == list(range(20))
    assert locks._locks == {} and locks._users == {}


def test_conversation_locks_chooses_redis_only_with_a_url() -> None:
    assert isinstance(conversation_locks(None), LocalConversationLocks)
    assert isinstance(conversation_locks(URL), RedisConversationLocks)


async def test_the_scripts_are_safe_to_run_twice(prefix: str, client: redis_asyncio.Redis) -> None:
    """A command retried after its answer was lost (core.redis_client) keeps the ticket and the turn."""
    locks = RedisConversationLocks(client, prefix=prefix)
    keys = locks.keys("c1")
    first, again = await locks._enqueue(keys, "token-a"), await locks._enqueue(keys, "token-a")
    assert first == again
    assert await locks._enqueue(keys, "token-b") == first + 1
    args = ["token-a", 10_000, 5_000, 60_000]
    try_keys = [keys["owner"], keys["queue"], keys["seen"]]
    assert await locks._scripts["try"](keys=try_keys, args=args) == 1
    assert await locks._scripts["try"](keys=try_keys, args=args) == 1  # the owner asking again
    assert await locks._scripts["try"](keys=try_keys, args=["token-b", 10_000, 5_000, 60_000]) == 0


async def test_a_lock_taken_while_redis_restarts_waits_for_it_instead_of_failing(own_redis_server) -> None:  # type: ignore[no-untyped-def]
    """Redis goes away and comes back: a turn that starts meanwhile gets its lock (retried on a new
    connection, core.redis_client), and the connections the restart broke are not errors either."""
    import threading

    locks = conversation_locks(own_redis_server.url)
    turns: list[str] = []
    async with locks.hold("c1"):
        turns.append("before")
    own_redis_server.stop()
    restart = threading.Thread(target=own_redis_server.start)
    restart.start()  # while the next turn already asks
    try:
        async with locks.hold("c1"):
            turns.append("c1 during the restart")
        async with locks.hold("c2"):
            turns.append("c2 after")
    finally:
        restart.join()
        await locks.close()
    assert turns == ["before", "c1 during the restart", "c2 after"]  # every turn got its lock, none raised
