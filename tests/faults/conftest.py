"""Faults made real: a PostgreSQL schema whose sessions are read-only, and a handler that
processes a message in Rasa's order (replies are sent first, the tracker is saved last)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import UserUttered

from bot.storage.runtime import Storage, open_storage
from bot.storage.tracker_store import EncryptedTrackerStore
from core import db as core_db
from tests.channels.conftest import _isolated_keys  # noqa: F401 - keys of the test's own
from tests.channels.harness import DOMAIN, Reply


@dataclass
class Stores:
    """One schema, two ways in: ``writable`` and ``read_only`` (``default_transaction_read_only``)."""

    writable: Storage
    read_only: Storage

    def tracker_store(self, writable: bool) -> EncryptedTrackerStore:
        return EncryptedTrackerStore(domain=DOMAIN, storage=self.writable if writable else self.read_only)


@pytest.fixture
def stores(pg_url: str, tmp_path: Path) -> Iterator[Stores]:
    writable = open_storage(database_url=pg_url)
    read_only_engine = core_db.make_engine(pg_url + "%20-cdefault_transaction_read_only%3Don")
    read_only = Storage(engine=read_only_engine, keys=writable.keys, settings=writable.settings)
    try:
        yield Stores(writable, read_only)
    finally:
        writable.close()
        read_only.close()


@dataclass
class RasaOrderHandler:
    """Like ``MessageProcessor.handle_message``: read the tracker, answer through the message's
    output channel, then save (so a failing save comes after the replies were sent)."""

    store: EncryptedTrackerStore
    reply: Reply
    processed: list[str] = field(default_factory=list)

    async def __call__(self, message: UserMessage) -> None:
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, input_channel=message.input_channel, metadata=message.metadata))
        await self.reply(message)
        await self.store.save(tracker)
        self.processed.append(message.text)

