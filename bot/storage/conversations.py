"""The only doors through which a person reads, exports or erases a conversation.

Each service function writes its audit entry (``bot.storage.audit``) in the same transaction
as the access it records: no audit entry, no access.

Erasure is crypto-shredding: the wrapped data key row is deleted first (content unreadable at
once), then the event rows and the reply address. Then, by default, the master key is rotated
and the old version retired, so a copy of the database taken before the erasure is unreadable
too (its copy of the wrapped key needs the destroyed master key version).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.storage import audit, db, eventlog
from bot.storage.errors import ConversationNotFoundError, KeyConfigError
from bot.storage.rotation import RotationReport, rotate
from bot.storage.runtime import Storage, storage as default_storage


@dataclass(frozen=True)
class ErasureReport:
    conversation_id: str
    event_rows: int
    rotation: RotationReport | None
    #: Why the master key was not rotated (read-only provider: rotate by hand), if so.
    rotation_skipped: str | None = None


def _exists(conn: Connection, conversation: str) -> bool:
    for table, column in ((db.conversations, db.conversations.c.conversation_id), (db.events, db.events.c.conversation_id)):
        if conn.execute(sa.select(sa.literal(1)).select_from(table).where(column == conversation).limit(1)).first():
            return True
    return False


def read_conversation(actor: str, conversation: str, reason: str, *, storage: Storage | None = None) -> list[dict[str, Any]]:
    """The decrypted events of every session of ``conversation``; audited as ``read``."""
    store = storage or default_storage()
    with store.engine.begin() as conn:
        if not _exists(conn, conversation):
            raise ConversationNotFoundError("no conversation with this id is stored")
        audit.append(conn, store, actor, "read", conversation, reason)
        return eventlog.load_events(conn, store.data_keys, conversation, all_sessions=True) or []


def export_conversation(actor: str, conversation: str, reason: str, *, storage: Storage | None = None) -> dict[str, Any]:
    """A JSON-ready export ``{"conversation", "exported_at", "exported_by", "events"}``; audited."""
    store = storage or default_storage()
    with store.engine.begin() as conn:
        if not _exists(conn, conversation):
            raise ConversationNotFoundError("no conversation with this id is stored")
        entry = audit.append(conn, store, actor, "export", conversation, reason)
        events = eventlog.load_events(conn, store.data_keys, conversation, all_sessions=True) or []
    return {"conversation": conversation, "exported_at": entry.at, "exported_by": entry.actor, "events": events}


def shred(conn: Connection, store: Storage, conversation: str) -> int:
    """Delete the data key, then the events, reply address and handoff rows; returns the event rows deleted."""
    conn.execute(sa.delete(db.conversations).where(db.conversations.c.conversation_id == conversation))
    deleted = conn.execute(sa.delete(db.events).where(db.events.c.conversation_id == conversation)).rowcount
    conn.execute(sa.delete(db.reply_addresses).where(db.reply_addresses.c.pseudonym == conversation))
    from bot.handoff import tables as handoff  # its message/note text is under the same data key

    for table in (handoff.messages, handoff.notes, handoff.events, handoff.reads, handoff.conversations):
        conn.execute(sa.delete(table).where(table.c.conversation_id == conversation))
    store.data_keys.forget(conversation)
    return int(deleted or 0)


def erase_conversation(
    actor: str, conversation: str, reason: str, *, storage: Storage | None = None, rotate_keys: bool = True
) -> ErasureReport:
    """Crypto-shred and delete ``conversation``; audited as ``erase``.

    With ``rotate_keys`` (default) the master key is rotated afterwards so that copies of the
    database taken before are unreadable too (see module docstring).
    """
    store = storage or default_storage()
    with store.engine.begin() as conn:
        if not _exists(conn, conversation):
            raise ConversationNotFoundError("no conversation with this id is stored")
        audit.append(conn, store, actor, "erase", conversation, reason)
        rows = shred(conn, store, conversation)
    if not rotate_keys:
        return ErasureReport(conversation, rows, None)
    try:
        return ErasureReport(conversation, rows, rotate(store))
    except KeyConfigError as exc:
        return ErasureReport(conversation, rows, None, rotation_skipped=str(exc))
