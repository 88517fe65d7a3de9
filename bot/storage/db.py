"""Database schema (SQLAlchemy Core), engine set-up and migrations of the storage package.

Only non-content columns are in clear: conversation pseudonyms, event type, event timestamp,
a hash of a user message's random id, row ids, key versions, audit metadata. Every content column is an AES-GCM blob.
The tables belong to :data:`core.db.metadata` and are created by popbot's one Alembic history
(``core/migrations``); engines come from :func:`core.db.engine`.
"""
from __future__ import annotations

import sqlalchemy as sa

from core.db import is_sqlite, make_engine, metadata

GENESIS_HASH = "0" * 64

key_versions = sa.Table(
    "popbot_key_versions",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

conversations = sa.Table(
    "popbot_conversations",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column(
        "key_version",
        sa.Integer,
        sa.ForeignKey("popbot_key_versions.version", name="fk_popbot_conversations_key_version"),
        nullable=False,
        index=True,
    ),
    sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

events = sa.Table(
    "popbot_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type_name", sa.String(64), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("data", sa.LargeBinary, nullable=False),
    # A user event's message id, hashed (``eventlog.message_key``; NULL for other events): one
    # message is stored at most once per conversation, whatever retried it (bot/channels/repeats.py).
    sa.Column("message_key", sa.String(32), nullable=True),
    sa.UniqueConstraint("conversation_id", "seq", name="uq_popbot_events_conversation_seq"),
    sa.Index("uq_popbot_events_conversation_message", "conversation_id", "message_key", unique=True),
)

reply_addresses = sa.Table(
    "popbot_reply_addresses",
    metadata,
    sa.Column("pseudonym", sa.String(255), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
)

audit_log = sa.Table(
    "popbot_audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.Integer, nullable=False, unique=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

audit_head = sa.Table(
    "popbot_audit_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)


__all__ = [
    "GENESIS_HASH", "audit_head", "audit_log", "conversations", "events", "is_sqlite", "key_versions",
    "make_engine", "metadata", "reply_addresses",
]
