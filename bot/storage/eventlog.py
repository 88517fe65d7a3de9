"""Encrypted event rows: append a conversation's new events, load and authenticate them.

Event ``seq`` numbers are 0, 1, 2... per conversation; each ciphertext is bound to
(conversation, seq), so rows cannot be swapped, and a missing row is reported, never skipped.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.storage import crypto, db
from bot.storage.datakeys import DataKeys
from bot.storage.errors import ConversationErasedError, DecryptionError

SESSION_STARTED = "session_started"
_ev = db.events
#: How many rows after a user event are read to find the replies it got (a turn is far shorter).
TURN_ROWS = 200


def message_key(message_id: object) -> str | None:
    """The stored form of a user event's message id (a hash: the id is the client's choice), or
    None when there is none."""
    if not isinstance(message_id, str) or not message_id:
        return None
    return hashlib.sha256(b"popbot/message-id\x00" + message_id.encode("utf-8", "replace")).hexdigest()[:32]


def stored_position(conn: Connection, conversation_id: str) -> tuple[int | None, int | None]:
    """``(max seq, seq of the latest session_started)`` of a conversation (None if absent)."""
    row = conn.execute(
        sa.select(
            sa.func.max(_ev.c.seq),
            sa.func.max(sa.case((_ev.c.type_name == SESSION_STARTED, _ev.c.seq))),
        ).where(_ev.c.conversation_id == conversation_id)
    ).one()
    return row[0], row[1]


def append_events(
    conn: Connection, data_keys: DataKeys, conversation_id: str, first_seq: int, events: Sequence[dict[str, Any]]
) -> None:
    """Encrypt and insert ``events`` (Rasa event dicts) as seq ``first_seq``, ``first_seq + 1``..."""
    if not events:
        return
    key = data_keys.get_or_create(conn, conversation_id)
    rows = []
    for offset, event in enumerate(events):
        seq = first_seq + offset
        plaintext = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        rows.append(
            {
                "conversation_id": conversation_id,
                "seq": seq,
                "type_name": str(event.get("event", "unknown"))[:64],
                "timestamp": event.get("timestamp"),
                "data": crypto.encrypt(key, plaintext, crypto.event_aad(conversation_id, seq)),
                "message_key": message_key(event.get("message_id")) if event.get("event") == "user" else None,
            }
        )
    conn.execute(sa.insert(_ev), rows)


def turn_of_message(
    conn: Connection, data_keys: DataKeys, conversation_id: str, message_id: str
) -> list[dict[str, Any]] | None:
    """The stored events of the turn that processed ``message_id`` — its user event and what
    followed up to the next one — or None if no user event of the conversation has that id."""
    wanted = message_key(message_id)
    if wanted is None:
        return None
    first = conn.execute(
        sa.select(_ev.c.seq).where(_ev.c.conversation_id == conversation_id, _ev.c.message_key == wanted)
    ).scalar()
    if first is None:
        return None
    rows = conn.execute(
        sa.select(_ev.c.seq, _ev.c.data)
        .where(_ev.c.conversation_id == conversation_id, _ev.c.seq >= first, _ev.c.seq < first + TURN_ROWS)
        .order_by(_ev.c.seq)
    ).all()
    key = data_keys.lookup(conn, conversation_id)
    if key is None:
        raise ConversationErasedError("the conversation's data key is gone (erased)")
    turn: list[dict[str, Any]] = []
    for event in decrypt_rows(key, conversation_id, rows, expect_first=first):
        if turn and event.get("event") == "user":
            break
        turn.append(event)
    return turn


def load_events(
    conn: Connection, data_keys: DataKeys, conversation_id: str, *, all_sessions: bool
) -> list[dict[str, Any]] | None:
    """The decrypted events (all sessions, or from the latest ``session_started``), or None."""
    loaded = load_events_and_last_seq(conn, data_keys, conversation_id, all_sessions=all_sessions)
    return None if loaded is None else loaded[0]


def load_events_and_last_seq(
    conn: Connection, data_keys: DataKeys, conversation_id: str, *, all_sessions: bool
) -> tuple[list[dict[str, Any]], int] | None:
    """:func:`load_events` and the ``seq`` of the last stored row (read in the same statement)."""
    query = sa.select(_ev.c.seq, _ev.c.data).where(_ev.c.conversation_id == conversation_id)
    if not all_sessions:
        start = (
            sa.select(sa.func.coalesce(sa.func.max(_ev.c.seq), 0))
            .where(_ev.c.conversation_id == conversation_id, _ev.c.type_name == SESSION_STARTED)
            .scalar_subquery()
        )
        query = query.where(_ev.c.seq >= start)
    rows = conn.execute(query.order_by(_ev.c.seq)).all()
    if not rows:
        return None
    key = data_keys.lookup(conn, conversation_id)
    if key is None:
        raise ConversationErasedError(
            f"conversation has {len(rows)} stored event rows but no data key (erased); they are unreadable"
        )
    return decrypt_rows(key, conversation_id, rows, expect_first=0 if all_sessions else None), int(rows[-1].seq)


def decrypt_rows(
    key: bytes, conversation_id: str, rows: Iterable[Any], *, expect_first: int | None
) -> list[dict[str, Any]]:
    """Decrypt ``(seq, data)`` rows in seq order, checking that no row is missing."""
    result: list[dict[str, Any]] = []
    expected = expect_first
    for seq, blob in rows:
        if expected is not None and seq != expected:
            raise DecryptionError(f"event row {expected} of the conversation is missing (next stored is {seq})")
        plaintext = crypto.decrypt(key, blob, crypto.event_aad(conversation_id, seq), what=f"event row {seq}")
        try:
            result.append(json.loads(plaintext))
        except ValueError:  # authenticated but not JSON: written by something else
            raise DecryptionError(f"event row {seq}: decrypted content is not an event") from None
        expected = seq + 1
    return result
