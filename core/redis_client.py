"""Redis clients that ride out a Redis restart or a moment of unreachability.

Every popbot Redis client is made here. A command that fails with a connection error or a
timeout (the connection the restart broke, or Redis not answering for a moment) is sent again on
a fresh connection, up to :data:`RETRIES` times with a backoff of 50 ms doubling to 500 ms (about
1.5 s in all), instead of failing the message it serves; only then does the caller see the error
(the channels answer 5xx, the platform sends again). A command runs at most once on the server
unless the connection broke after Redis ran it and before the answer came back; the callers'
scripts are safe to run twice (``core.locks``).
"""
from __future__ import annotations

from typing import Any

#: Retries after the first attempt, and the backoff (seconds) between them.
RETRIES, BACKOFF_BASE, BACKOFF_CAP = 5, 0.05, 0.5
CONNECT_TIMEOUT = 2.0


def _options(retry_class: Any) -> dict[str, Any]:
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError, TimeoutError

    return {
        "retry": retry_class(ExponentialBackoff(cap=BACKOFF_CAP, base=BACKOFF_BASE), RETRIES),
        "retry_on_error": [ConnectionError, TimeoutError],
        "socket_connect_timeout": CONNECT_TIMEOUT,
    }


def async_redis(url: str, **options: Any) -> Any:
    """A ``redis.asyncio.Redis`` for ``url`` that retries on connection errors (``options`` win)."""
    import redis.asyncio as redis_asyncio
    from redis.asyncio.retry import Retry

    return redis_asyncio.from_url(url, **{**_options(Retry), **options})


def sync_redis(url: str, **options: Any) -> Any:
    """A ``redis.Redis`` for ``url`` that retries on connection errors (``options`` win)."""
    import redis
    from redis.retry import Retry

    return redis.Redis.from_url(url, **{**_options(Retry), **options})
