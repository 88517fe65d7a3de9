"""Retention and erasure: crypto-shredded, unreadable from the DB and from a copy taken before."""
from __future__ import annotations

import shutil
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa


from bot.storage import audit, db, eventlog, reply_addresses
from bot.storage.conversations import erase_conversation, export_conversation, read_conversation
from bot.storage.datakeys import DataKeys
from bot.storage.errors import ConversationNotFoundError, DecryptionError, KeyUnavailableError
from bot.storage.keys import FileKeyProvider
from bot.storage.retention import run_retention
from bot.storage.runtime import Storage, open_storage
from bot.storage.tracker_store import EncryptedTrackerStore

from tests.storage.helpers import DOMAIN, conversation_events, tracker

DAY = 86400.0


def _sqlite_copy(storage: Storage, tmp_path: Path, name: str) -> str:
    """Copy the SQLite file (after a checkpoint, so the copy holds everything)."""
    with storage.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    source = Path(storage.engine.url.database)
    target = tmp_path / name
    shutil.copy(source, target)
    return str(target)


def _read_copy(copy_path: str, provider: FileKeyProvider, cid: str) -> list:
    engine = db.make_engine(f"sqlite:///{copy_path}")
    try:
        with engine.connect() as conn:
            return eventlog.load_events(conn, DataKeys(provider), cid, all_sessions=True)
    finally:
        engine.dispose()


async def test_retention_shreds_backdated_only(storage: Storage, tmp_path: Path, database_url: str) -> None:
    store = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    now = time.time()
    await store.save(tracker("old", conversation_events("old text", at=now - 100 * DAY)))
    await store.save(tracker("recent", conversation_events("recent text", at=now - 10 * DAY)))
    reply_addresses.remember("telegram", "old", '{"chat_id": 1}', storage=storage)
    copy = _sqlite_copy(storage, tmp_path, "before.db") if database_url.startswith("sqlite") else None
    if copy:
        assert _read_copy(copy, storage.keys, "old")  # the copy is readable while keys exist

    report = run_retention(storage, days=90, now=datetime.now(timezone.utc))
    assert report.erased == ["old"]
    assert report.rotation is not None and report.rotation.retired == [1]
    assert await store.retrieve_full_tracker("old") is None
    assert (await store.retrieve("recent")).latest_message.text == "recent text"
    assert reply_addresses.lookup("telegram", "old", storage=storage) is None
    with storage.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.events).where(db.events.c.conversation_id == "old")).scalar() == 0
    assert [(e.actor, e.action, e.conversation_id) for e in audit.entries(storage)] == [("popbot-retention", "erase", "old")]
    if copy:  # the copy still holds the wrapped key, but its master key version is destroyed
        with pytest.raises(KeyUnavailableError, match="version 1 is not available"):
            _read_copy(copy, storage.keys, "old")
    assert run_retention(storage, days=90).erased == []


async def test_erase_service_audited_and_copy_unreadable(storage: Storage, tmp_path: Path, database_url: str) -> None:
    store = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    await store.save(tracker("conv-x", conversation_events("erase me")))
    await store.save(tracker("conv-y", conversation_events("keep me")))
    events = read_conversation("anna", "conv-x", "case review #12", storage=storage)
    assert [e["text"] for e in events if e["event"] == "user"] == ["erase me"]
    exported = export_conversation("anna", "conv-x", "police request #7", storage=storage)
    assert exported["conversation"] == "conv-x" and exported["events"] == events
    copy = _sqlite_copy(storage, tmp_path, "before.db") if database_url.startswith("sqlite") else None

    report = erase_conversation("boss", "conv-x", "child asked", storage=storage)
    assert report.event_rows == 8 and report.rotation.retired == [1]
    assert await store.retrieve_full_tracker("conv-x") is None
    assert (await store.retrieve("conv-y")).latest_message.text == "keep me"
    with pytest.raises(ConversationNotFoundError):
        read_conversation("anna", "conv-x", "again", storage=storage)
    assert [(e.actor, e.action, e.reason) for e in audit.entries(storage)] == [
        ("anna", "read", "case review #12"), ("anna", "export", "police request #7"), ("boss", "erase", "child asked"),
    ]
    assert audit.verify(storage) == []
    if copy:
        with pytest.raises(KeyUnavailableError):
            _read_copy(copy, storage.keys, "conv-x")
    with pytest.raises(ValueError, match="reason must be a non-empty"):
        read_conversation("anna", "conv-y", " ", storage=storage)


async def test_sqlite_file_holds_no_erased_ciphertext(tmp_path: Path, settings) -> None:
    """secure_delete: the erased rows' bytes are not left behind in the file or WAL."""
    url = f"sqlite:///{tmp_path / 'shred.db'}"
    storage = open_storage(settings, database_url=url, provider=FileKeyProvider(tmp_path / "k", generate=True))
    store = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    await store.save(tracker("conv-x", conversation_events("x" * 50)))
    with storage.engine.connect() as conn:
        blobs = [bytes(b) for b in conn.execute(sa.select(db.events.c.data)).scalars()]
        wrapped = bytes(conn.execute(sa.select(db.conversations.c.wrapped_key)).scalar())
    erase_conversation("boss", "conv-x", "test", storage=storage)
    with storage.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    storage.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("shred.db*") if p.is_file())
    assert wrapped[13:29] not in raw
    assert all(blob[13:29] not in raw for blob in blobs)
