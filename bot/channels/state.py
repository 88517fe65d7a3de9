"""Shared state of the channels that must survive restarts and be seen by every replica.

Three small tables (no message text, no platform ids: only conversation pseudonyms, update ids
and bare message ids) in popbot's database (``core.db``), or Redis keys when
``POPBOT_REDIS_URL`` is set. Blocking database calls run in a worker thread.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table

from core.db import metadata

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

#: Which replies of a Telegram update were already sent (sequence numbers, never text), so a
#: redelivered update does not send "call 112" to the child a second time.
replies_table = Table(
    "popbot_channel_replies",
    metadata,
    Column("bot", String(64), primary_key=True),
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("sent_at", DateTime(timezone=True), nullable=False, index=True),
)
