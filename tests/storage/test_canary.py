"""Canary: unique strings, a fake address and a fake platform id go through the store, the
reply-address book, the audited read and the logs; none of them appears in any byte of the
SQLite file (with WAL), the PostgreSQL rows, the var/ directory or the captured log output."""
from __future__ import annotations

import io
import json
import logging
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
import structlog

from core import logs
from bot.storage import db, reply_addresses
from bot.storage.conversations import export_conversation, read_conversation
from bot.storage.pseudonyms import pseudonymize
from bot.storage.runtime import Storage
from bot.storage.tracker_store import EncryptedTrackerStore

from tests.storage.canary_scan import needles as _needles, postgres_dump as _postgres_dump
from tests.storage.helpers import DOMAIN, conversation_events, tracker


@pytest.fixture
def captured_logs():
    stream = io.StringIO()
    logs.configure("DEBUG", stream=stream)
    try:
        yield stream
    finally:
        logs.configure("WARNING", stream=io.StringIO())


async def test_canary_leaves_no_trace(storage: Storage, database_url: str, tmp_path: Path, captured_logs: io.StringIO) -> None:
    token = uuid.uuid4().hex[:10]
    canary = f"kanarek-{token} mama mnie bije"
    address = f"ul. Żółwia {int(token, 16) % 97} m. 3, Kraków"
    platform_id = str(7_000_000_000 + int(token, 16) % 999_999_999)
    phone = "+48 601 234 567"

    holder = storage.engine.connect()  # an open connection keeps the SQLite WAL file on disk
    holder.execute(sa.text("SELECT 1"))
    holder.commit()
    conversation = pseudonymize("telegram", platform_id)
    store = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    events = conversation_events(f"{canary} {phone}", address=address)
    await store.save(tracker(conversation, events))
    reply_addresses.remember("telegram", conversation, json.dumps({"chat_id": int(platform_id)}), storage=storage)
    loaded = await store.retrieve_full_tracker(conversation)
    assert canary in loaded.latest_message.text
    assert json.loads(reply_addresses.lookup("telegram", conversation, storage=storage))["chat_id"] == int(platform_id)
    read = read_conversation("counselor", conversation, "canary test", storage=storage)
    assert any(canary in json.dumps(e, ensure_ascii=False) for e in read)
    export_conversation("counselor", conversation, "canary test", storage=storage)

    # What Rasa and python-telegram-bot do with content at debug/info, through real loggers.
    logging.getLogger("rasa.core.processor").debug("Received user message '%s' from %s", canary, platform_id)
    logging.getLogger("telegram.ext.Updater").debug("update %s", {"chat": {"id": platform_id}, "text": canary})
    logging.getLogger("rasa.core.channels.channel").warning("could not send to %s (%s)", platform_id, phone)
    structlog.get_logger("rasa.core.processor").info("processor.message.parse", parse_data_text=canary, sender_id=platform_id)
    structlog.get_logger("rasa.shared.core.events").debug("event.user", text=canary, address=address)
    try:
        raise ValueError(f"bad chat {platform_id}")
    except ValueError:
        logging.getLogger("rasa.core.agent").exception("handling failed")
    logging.getLogger("bot.storage").debug("stored %d events", len(events))

    needles = _needles(canary, token, address, "Żółwia", platform_id, phone, "601 234 567")

    log_text = captured_logs.getvalue().encode("utf-8")
    assert b"handling failed" in log_text and b"stored 8 events" in log_text  # logging did work
    assert [n for n in needles if n in log_text] == []

    if database_url.startswith("sqlite"):
        blobs = {p.name: p.read_bytes() for p in tmp_path.glob("popbot.db*") if p.is_file()}
        assert "popbot.db-wal" in blobs and blobs["popbot.db-wal"]  # the WAL is searched before checkpoint
        holder.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        blobs["after"] = b"".join(p.read_bytes() for p in tmp_path.glob("popbot.db*") if p.is_file())
        hits = [(name, n) for name, blob in blobs.items() for n in needles if n in blob]
        assert hits == []
    else:
        dump = _postgres_dump(storage.engine)
        assert [n for n in needles if n in dump] == []

    holder.close()
    var_bytes = b"".join(p.read_bytes() for p in (tmp_path / "var").rglob("*") if p.is_file())
    assert [n for n in needles if n in var_bytes] == []


async def test_search_method_finds_plaintext_in_rasa_sql_store(tmp_path: Path) -> None:
    """Control: the same search finds the canary in Rasa's own (plaintext) SQLTrackerStore."""
    from rasa.core.tracker_store import SQLTrackerStore

    canary = f"kanarek-{uuid.uuid4().hex[:10]}"
    store = SQLTrackerStore(DOMAIN, db=str(tmp_path / "rasa.db"))
    await store.save(tracker("someone", conversation_events(canary, address="ul. Żółwia 5")))
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("rasa.db*"))
    assert [n for n in _needles(canary, "Żółwia") if n in raw]
