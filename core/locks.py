"""Per-conversation locks: one turn of a conversation at a time, in arrival order, on every replica.

Two implementations of the same interface (``async with locks.hold(conversation_id): ...``):

* :class:`RedisConversationLocks` — shared by every process that uses the same Redis. Mutual
  exclusion is the owner key, taken atomically with ``SET key token NX PX lease`` and released
  or renewed only by its owner through redis-py's :class:`redis.asyncio.lock.Lock` (Lua
  compare-and-delete / compare-and-pexpire). Fairness is a ticket queue per conversation (a
  sorted set scored by an ``INCR`` counter): only the waiter at the head may take the owner key,
  and the head check and the ``SET NX`` run in one Lua script. A waiter that stops polling (its
  process died) is dropped from the queue after ``alive``; a holder that stops renewing loses the
  lock after ``lease``. While a turn runs, a task renews the lease every ``lease / 3``.
  Rasa's own ``RedisLockStore`` lacks both the atomic acquire and owner-only release (rasa#9213).
* :class:`LocalConversationLocks` — one process (embedded mode): an ``asyncio.Lock`` per
  conversation, which is FIFO-fair.

Conversation ids are pseudonyms (docs/design.md, invariant 1); nothing here logs them.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

logger = logging.getLogger(__name__)

#: Default owner-key lease (renewed while held), waiter liveness window and maximum wait, seconds.
LEASE, ALIVE, MAX_WAIT = 10.0, 5.0, 120.0


class LockTimeout(RuntimeError):
    """The conversation stayed locked longer than the maximum wait; the caller should answer 5xx
    so the platform redelivers (the message is not lost)."""


# Both scripts are safe to run twice (core.redis_client retries a command whose answer was lost):
# a token already queued keeps its ticket, a token that already owns the key has acquired.

# KEYS: queue (zset token -> ticket), seen (hash token -> ms deadline), counter.
# ARGV: token, alive ms, keep ms.  Returns the ticket number.
_ENQUEUE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local queued = redis.call('ZSCORE', KEYS[1], ARGV[1])
if queued then
  redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[2]))
  return tonumber(queued)
end
local ticket = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], ticket, ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[2]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
return ticket
"""

# KEYS: owner, queue, seen.  ARGV: token, lease ms, alive ms, keep ms.
# Returns 1 (acquired), 0 (wait), -1 (this waiter was dropped as dead: enqueue again).
_TRY = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return -1 end
redis.call('HSET', KEYS[3], ARGV[1], now + tonumber(ARGV[3]))
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
while true do
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if head == ARGV[1] then break end
  local seen = tonumber(redis.call('HGET', KEYS[3], head) or '0')
  if seen >= now then return 0 end
  redis.call('ZREM', KEYS[2], head)
  redis.call('HDEL', KEYS[3], head)
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  return 1
end
return 0
"""

# KEYS: queue, seen.  ARGV: token.  A waiter that gives up leaves the queue.
_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
"""


@dataclass
class RedisConversationLocks:
    """Fair distributed conversation locks on Redis (see the module docstring)."""

    redis: Any  # redis.asyncio.Redis
    prefix: str = "popbot:lock"
    lease: float = LEASE
    alive: float = ALIVE
    max_wait: float = MAX_WAIT
    poll_min: float = 0.002
    poll_max: float = 0.05
    _scripts: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def from_url(cls, url: str, **options: Any) -> "RedisConversationLocks":
        from core.redis_client import async_redis

        return cls(async_redis(url), **options)

    def __post_init__(self) -> None:
        for name, source in (("enqueue", _ENQUEUE), ("try", _TRY), ("leave", _LEAVE)):
            self._scripts[name] = self.redis.register_script(source)

    def keys(self, conversation_id: str) -> dict[str, str]:
        base = f"{self.prefix}:{conversation_id}"
        return {name: f"{base}:{name}" for name in ("owner", "queue", "seen", "next")}

    def _keep_ms(self) -> int:
        return int(max(self.max_wait, self.lease, self.alive) * 2000)

    async def _enqueue(self, keys: dict[str, str], token: str) -> int:
        return int(await self._scripts["enqueue"](
            keys=[keys["queue"], keys["seen"], keys["next"]],
            args=[token, int(self.alive * 1000), self._keep_ms()],
        ))

    async def acquire(self, conversation_id: str) -> Any:
        """Wait for this caller's turn; returns the held redis-py ``Lock`` (release it!)."""
        keys = self.keys(conversation_id)
        token = uuid.uuid4().hex
        await self._enqueue(keys, token)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.max_wait
        delay = self.poll_min
        try:
            while True:
                state = int(await self._scripts["try"](
                    keys=[keys["owner"], keys["queue"], keys["seen"]],
                    args=[token, int(self.lease * 1000), int(self.alive * 1000), self._keep_ms()],
                ))
                if state == 1:
                    lock = self.redis.lock(keys["owner"], timeout=self.lease, thread_local=False)
                    lock.local.token = token.encode()
                    return lock
                if state == -1:  # paused longer than `alive` and dropped: queue again at the back
                    await self._enqueue(keys, token)
                if loop.time() >= deadline:
                    raise LockTimeout(f"conversation still locked after {self.max_wait:.0f} s")
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.poll_max)
        except BaseException:
            await asyncio.shield(self._leave(keys, token))
            raise

    async def _leave(self, keys: dict[str, str], token: str) -> None:
        try:
            await self._scripts["leave"](keys=[keys["queue"], keys["seen"]], args=[token])
        except Exception as exc:  # the waiter entry then expires after `alive`
            logger.warning("lock queue entry not removed (%s)", type(exc).__name__)

    async def _renew(self, lock: Any, done: asyncio.Event) -> None:
        """Every ``lease / 3`` until ``done``: reset the owner key's expiry if still ours."""
        from redis.exceptions import LockError, LockNotOwnedError

        while not done.is_set():
            try:
                await asyncio.wait_for(done.wait(), self.lease / 3)
                return
            except asyncio.TimeoutError:
                pass
            try:
                await lock.reacquire()
            except LockNotOwnedError:
                logger.warning("conversation lock lost while held (lease expired or Redis restarted)")
                return
            except LockError:  # released meanwhile: nothing left to renew
                return
            except Exception as exc:
                logger.warning("conversation lock not renewed (%s); retrying", type(exc).__name__)

    @asynccontextmanager
    async def hold(self, conversation_id: str) -> AsyncIterator[None]:
        lock = await self.acquire(conversation_id)
        done = asyncio.Event()
        renewer = asyncio.create_task(self._renew(lock, done))
        try:
            yield
        finally:
            done.set()  # the renewer stops even if its cancellation were swallowed on the way
            renewer.cancel()
            await release(lock)

    async def close(self) -> None:
        await self.redis.close()


async def release(lock: Any) -> bool:
    """Release ``lock`` if this caller still owns it (never another owner's); True if it did."""
    from redis.exceptions import LockError

    try:
        await lock.release()
    except LockError:  # LockNotOwnedError included: the lease expired, another turn may run
        logger.warning("conversation lock had expired before its release")
        return False
    except Exception as exc:  # Redis unreachable: the lease expires on its own
        logger.warning("conversation lock not released (%s); it expires on its own", type(exc).__name__)
        return False
    return True


@dataclass
class LocalConversationLocks:
    """In-process conversation locks (one server process): ``asyncio.Lock`` is FIFO-fair."""

    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    _users: dict[str, int] = field(default_factory=dict)

    @asynccontextmanager
    async def hold(self, conversation_id: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(conversation_id, asyncio.Lock())
        self._users[conversation_id] = self._users.get(conversation_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[conversation_id] -= 1
            if not self._users[conversation_id]:
                del self._users[conversation_id], self._locks[conversation_id]

    async def close(self) -> None:
        return None


def conversation_locks(redis_url: str | None, **options: Any) -> RedisConversationLocks | LocalConversationLocks:
    """Redis locks when ``redis_url`` is set (several replicas), in-process locks otherwise."""
    return RedisConversationLocks.from_url(redis_url, **options) if redis_url else LocalConversationLocks()
