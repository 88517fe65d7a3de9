"""``ConversationLockStore``: Rasa's lock store backed by :mod:`core.locks`.

Configured in ``endpoints.yml`` (both the embedded and the production file)::

    lock_store:
      type: bot.storage.lock_store.ConversationLockStore

With ``POPBOT_REDIS_URL`` set the lock is the fair, owner-checked Redis lock shared by every
replica; without it (one process) an in-process FIFO lock. Rasa takes it around every message of
every channel (``Agent.handle_message``), every API call that changes a tracker and every
reminder; popbot code that changes a tracker outside a turn (the web channel's "left" marker, the
handoff relay) takes it through ``agent.lock_store.lock(conversation_id)`` as well.
Rasa's ``type: redis`` store is refused (bot.storage.rasa_guards): two replicas can hold it at
once (rasa#9213).
"""
from __future__ import annotations

from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any, AsyncIterator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, LockStore

from core.locks import LockTimeout, conversation_locks
from core.settings import ConfigError, load_settings

LOCK_STORE_TYPE = "bot.storage.lock_store.ConversationLockStore"


class ConversationLockStore(LockStore):
    """One turn per conversation at a time across replicas, in arrival order."""

    def __init__(self, endpoint_config: Any = None, redis_url: Optional[str] = None, **options: Any) -> None:
        extra = dict(getattr(endpoint_config, "kwargs", None) or {})
        if getattr(endpoint_config, "url", None) or extra:
            raise ConfigError(
                "endpoints.yml lock_store: ConversationLockStore takes no fields; "
                "Redis is POPBOT_REDIS_URL"
            )
        settings = load_settings()
        url = redis_url or settings.redis_url
        if settings.production and not url:
            raise ConfigError("production mode needs POPBOT_REDIS_URL for the conversation lock")
        self.locks = conversation_locks(url, **options)
        self.distributed = bool(url)
        super().__init__()

    @asynccontextmanager
    async def lock(
        self, conversation_id: Text, lock_lifetime: float = 0, wait_time_in_seconds: float = 0
    ) -> AsyncIterator[TicketLock]:
        """The caller's turn of ``conversation_id`` (Rasa's arguments are ignored: the lease is
        renewed while held, waiting is polled with backoff). Failing to take the lock (timeout,
        Redis unreachable) raises Rasa's ``LockError`` before the turn starts; channels answer 5xx
        so the platform sends again (nothing was processed, nothing is lost)."""
        async with AsyncExitStack() as stack:
            try:
                await stack.enter_async_context(self.locks.hold(conversation_id))
            except LockTimeout as exc:
                raise LockError(str(exc)) from None
            except Exception as exc:  # Redis unreachable: the turn never started
                raise LockError(f"conversation lock unavailable ({type(exc).__name__})") from None
            yield TicketLock(conversation_id)

    async def close(self) -> None:
        await self.locks.close()
