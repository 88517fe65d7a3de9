"""Shared state of the channels that must survive restarts and be seen by every replica.

Two small tables (no message text, no platform ids: only conversation pseudonyms, update ids
and bare message ids) on the popbot database through SQLAlchemy, or Redis keys when
``POPBOT_REDIS_URL`` is set. Blocking database calls run in a worker thread.
"""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table, create_engine
from sqlalchemy.engine import Engine

metadata = MetaData()

updates_table = Table(
    "popbot_channel_updates",
    metadata,
    Column("bot", String(64), primary_key=True),
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("state", String(16), nullable=False),
    Column("claimed_at", DateTime(timezone=True), nullable=False, index=True),
)

messages_table = Table(
    "popbot_channel_messages",
    metadata,
    Column("conversation", String(64), primary_key=True),
    Column("message_id", BigInteger, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
)

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """One engine per database URL per process, with the channel tables created if missing."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            kwargs = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {"pool_pre_ping": True}
            engine = create_engine(url, future=True, **kwargs)
            metadata.create_all(engine, checkfirst=True)
            _engines[url] = engine
        return engine


def default_database_url() -> str:
    from bot.settings import load_settings

    return load_settings().database_url


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes for ``DateTime(timezone=True)``; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
