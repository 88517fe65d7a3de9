"""Rate limits at the web channel's doors, per conversation and per client address.

A rule is ``N/second|minute|hour`` (fixed windows). With ``POPBOT_REDIS_URL`` the counters live
in Redis (one atomic Lua script: ``INCR`` + ``PEXPIRE``), so every replica counts against the same
limit; without it they live in the process. Keys are keyed hashes (HMAC with the key provider's
``rate-limit`` secret): no client address or session id is stored or logged.

When Redis fails, the limiter **fails open to the process**: it counts in memory on each replica
until Redis answers again, so a Redis outage never refuses a child's message (the emergency path)
while a flood is still bounded per replica (SECURITY.md).
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol

from core.logs import exception_summary

logger = logging.getLogger(__name__)

_UNITS = {"second": 1, "minute": 60, "hour": 3600}
_RULE = re.compile(r"\s*(\d{1,9})\s*/\s*(second|minute|hour)\s*\Z")
#: Atomic fixed-window counter: the first hit of a window sets its expiry.
_LUA = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
"""


@dataclass(frozen=True)
class Rule:
    """At most ``limit`` hits per ``window`` seconds."""

    limit: int
    window: int

    @classmethod
    def parse(cls, text: str) -> "Rule":
        """``"30/minute"`` -> ``Rule(30, 60)``; raises ValueError naming the expected form."""
        match = _RULE.match(text or "")
        if not match or int(match.group(1)) < 1:
            raise ValueError(f"a rate limit must look like '30/minute' (N/second|minute|hour), got {text!r}")
        return cls(int(match.group(1)), _UNITS[match.group(2)])


class Counter(Protocol):
    async def hit(self, key: str, window: int) -> int:
        """Count one hit of ``key`` in the current ``window``; returns the count so far."""


class MemoryCounter:
    """Fixed-window counters in this process (bounded: old windows are dropped)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self._window_of: dict[str, int] = {}

    async def hit(self, key: str, window: int) -> int:
        index = int(self._clock() // window)
        with self._lock:
            if self._window_of.get(key) != index:
                self._window_of[key] = index
                self._counts[key] = 0
            self._counts[key] += 1
            if len(self._counts) > 100_000:
                self._prune(window, index)
            return self._counts[key]

    def _prune(self, window: int, index: int) -> None:
        for stale in [k for k, w in self._window_of.items() if w != index]:
            self._window_of.pop(stale, None)
            self._counts.pop(stale, None)


class RedisCounter:
    """Counters shared by every replica; falls back to ``fallback`` while Redis fails."""

    def __init__(self, redis_url: str, fallback: MemoryCounter | None = None, clock: Callable[[], float] = time.time) -> None:
        import redis.asyncio as redis_asyncio

        self._redis = redis_asyncio.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._script = self._redis.register_script(_LUA)
        self._fallback = fallback or MemoryCounter()
        self._clock = clock
        self._failing = False

    async def hit(self, key: str, window: int) -> int:
        index = int(self._clock() // window)
        try:
            count = int(await self._script(keys=[f"popbot:rl:{key}:{index}"], args=[window * 1000 + 1000]))
        except Exception as exc:  # fail open to the process: never refuse a child because Redis is down
            if not self._failing:
                logger.error("rate limits: Redis unavailable, counting per replica: %s", exception_summary(exc))
                self._failing = True
            return await self._fallback.hit(key, window)
        if self._failing:
            logger.info("rate limits: Redis answers again")
            self._failing = False
        return count

    async def close(self) -> None:
        await self._redis.close()


class RateLimiter:
    """Named rules over one counter; ``allow("message", session)`` is False once over the limit."""

    def __init__(self, rules: dict[str, Rule], counter: Counter, secret: bytes) -> None:
        self.rules = dict(rules)
        self._counter = counter
        self._secret = secret

    def _key(self, rule: str, subject: str) -> str:
        digest = hmac.new(self._secret, f"{rule}\x00{subject}".encode("utf-8", "surrogatepass"), hashlib.sha256)
        return f"{rule}:{digest.hexdigest()[:32]}"

    async def allow(self, rule: str, subject: str) -> bool:
        """Count a hit of ``subject`` (a session id, a client address) under ``rule``."""
        found = self.rules[rule]
        return await self._counter.hit(self._key(rule, subject), found.window) <= found.limit

    def retry_after(self, rule: str) -> int:
        """Seconds a client is told to wait (the rule's window)."""
        return self.rules[rule].window
