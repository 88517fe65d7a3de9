"""Per-conversation data keys: created on first write, stored only wrapped by a master key.

Unwrapped keys are cached in memory by ``(conversation, version, wrapped blob)``, so a
rewrapped or erased key is never served from a stale cache entry.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from bot.storage import crypto, db
from bot.storage.errors import StorageError
from bot.storage.keys import MasterKeyProvider


class DataKeys:
    """Creates, unwraps and caches conversation data keys."""

    def __init__(self, provider: MasterKeyProvider, cache_size: int = 4096) -> None:
        self._provider = provider
        self._cache: OrderedDict[tuple[str, int, bytes], bytes] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def unwrap(self, conversation_id: str, version: int, blob: bytes) -> bytes:
        blob = bytes(blob)
        cache_key = (conversation_id, version, blob)
        with self._lock:
            key = self._cache.get(cache_key)
            if key is not None:
                self._cache.move_to_end(cache_key)
                return key
        key = self._provider.unwrap(version, blob, crypto.data_key_aad(conversation_id))
        with self._lock:
            self._cache[cache_key] = key
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return key

    def forget(self, conversation_id: str) -> None:
        with self._lock:
            for cache_key in [k for k in self._cache if k[0] == conversation_id]:
                del self._cache[cache_key]

    def lookup(self, conn: Connection, conversation_id: str) -> bytes | None:
        """The data key of ``conversation_id``, or None if it has none (never had, or erased)."""
        row = conn.execute(
            sa.select(db.conversations.c.key_version, db.conversations.c.wrapped_key).where(
                db.conversations.c.conversation_id == conversation_id
            )
        ).first()
        if row is None:
            return None
        return self.unwrap(conversation_id, row.key_version, row.wrapped_key)

    def get_or_create(self, conn: Connection, conversation_id: str) -> bytes:
        """The data key of ``conversation_id``, created (and wrapped) if it has none yet."""
        key = self.lookup(conn, conversation_id)
        if key is not None:
            return key
        version = conn.execute(sa.select(sa.func.max(db.key_versions.c.version))).scalar()
        if version is None:
            raise StorageError("no master key version registered; open storage through bot.storage.runtime")
        new_key = crypto.new_key()
        version, blob = self._provider.wrap(new_key, crypto.data_key_aad(conversation_id), version=version)
        insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(db.conversations)
        conn.execute(
            insert.values(
                conversation_id=conversation_id, key_version=version, wrapped_key=blob, created_at=time.time()
            ).on_conflict_do_nothing(index_elements=["conversation_id"])
        )
        key = self.lookup(conn, conversation_id)
        if key is None:  # pragma: no cover - would need a concurrent erase between the two statements
            raise StorageError("data key vanished while it was being created; retry")
        return key
