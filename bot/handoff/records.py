"""Rows to records, and the encrypted text of handoff messages, notes and handover notes
(AES-GCM under the conversation's data key, bound to the row's random ``ref``)."""
from __future__ import annotations

import uuid
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Row

from bot.handoff import tables
from bot.handoff.model import Child, Context, Message, Note, QueueEntry
from bot.storage import crypto

_m = tables.messages
_n = tables.notes


def _aad(kind: str, conversation_id: str, ref: str) -> bytes:
    return f"popbot/handoff/{kind}/v1\x00{conversation_id}\x00{ref}".encode("utf-8")


def _seal(conn: Connection, ctx: Context, kind: str, conversation_id: str, ref: str, text: str) -> bytes:
    key = ctx.storage.data_keys.get_or_create(conn, conversation_id)
    return crypto.encrypt(key, text.encode("utf-8"), _aad(kind, conversation_id, ref))


def _open(key: bytes | None, kind: str, conversation_id: str, ref: str, blob: bytes) -> str:
    if key is None:
        return ""  # erased: the text is gone everywhere
    return crypto.decrypt(key, blob, _aad(kind, conversation_id, ref), what=f"handoff {kind}").decode("utf-8")


def seal_note(conn: Connection, ctx: Context, conversation_id: str, text: str) -> bytes:
    """The handover note of a transfer, sealed to the conversation (ref: "handover")."""
    return _seal(conn, ctx, "handover", conversation_id, "handover", text)


def add_message(
    conn: Connection, ctx: Context, conversation_id: str, at: float, author: str, text: str, *,
    actor: str | None = None, delivery: str | None = None, channel: str | None = None,
    signal: str | None = None, urgent: bool = False, ref: str | None = None,
) -> int:
    ref = ref or uuid.uuid4().hex
    result = conn.execute(
        sa.insert(_m).values(
            conversation_id=conversation_id, ref=ref, at=at, author=author, actor=actor, signal=signal,
            urgent=urgent, data=_seal(conn, ctx, "message", conversation_id, ref, text), delivery=delivery,
            channel=channel,
        )
    )
    return int(result.inserted_primary_key[0])


def message_text(conn: Connection, ctx: Context, row: Row) -> str:
    key = ctx.storage.data_keys.lookup(conn, row.conversation_id)
    return _open(key, "message", row.conversation_id, row.ref, row.data)


def add_note(conn: Connection, ctx: Context, conversation_id: str, at: float, author: str, text: str) -> int:
    ref = uuid.uuid4().hex
    result = conn.execute(
        sa.insert(_n).values(conversation_id=conversation_id, ref=ref, at=at, author=author,
                             data=_seal(conn, ctx, "note", conversation_id, ref, text))
    )
    return int(result.inserted_primary_key[0])


def entry(row: Row, *, conn: Connection | None = None, ctx: Context | None = None, with_note: bool = False) -> QueueEntry:
    note = None
    if with_note and row.handover_note is not None and conn is not None and ctx is not None:
        key = ctx.storage.data_keys.lookup(conn, row.conversation_id)
        note = _open(key, "handover", row.conversation_id, "handover", row.handover_note) or None
    return QueueEntry(
        conversation_id=row.conversation_id, channel=row.channel, persona=row.persona, lang=row.lang,
        signal=row.signal, urgent=bool(row.urgent), priority=int(row.priority), state=row.state,
        holder=row.holder, target_role=row.target_role, handover_note=note, entered_at=row.entered_at,
        claimed_at=row.claimed_at, last_child_at=row.last_child_at, last_counselor_at=row.last_counselor_at,
        episodes=int(row.episodes), outcome=row.outcome,
        categories=tuple(c for c in row.categories.split(",") if c),
    )


def tracker_lines(tracked: Iterable[dict[str, Any]]) -> list[Message]:
    """The child's and the bot's lines from the (decrypted) tracker events."""
    lines: list[Message] = []
    for seq, event in enumerate(tracked):
        kind = event.get("event")
        if kind == "user":
            parse = event.get("parse_data") or {}
            lines.append(Message(f"t{seq}", float(event.get("timestamp") or 0.0), "child", None, str(event.get("text") or ""),
                                 parse.get("signal"), bool(parse.get("urgent"))))
        elif kind == "bot" and event.get("text"):
            lines.append(Message(f"t{seq}", float(event.get("timestamp") or 0.0), "bot", None, str(event["text"])))
        elif kind == "slot" and event.get("name") == "media_received" and event.get("value"):
            # media the bot could not read (bot/channels/telegram.py): its kind only, never the media
            what = str(event["value"]).replace("_", " ")
            lines.append(Message(f"t{seq}", float(event.get("timestamp") or 0.0), "child", None, f"[the child sent a {what}]"))
    return lines


CHILD_SLOTS = ("location", "country", "age", "lang")


def child_facts(tracked: Iterable[dict[str, Any]], *, see_location: bool) -> Child:
    """The latest value of each of ``CHILD_SLOTS`` in the (decrypted) tracker events (a
    ``restart`` forgets them); location and country left out unless ``see_location``."""
    known: dict[str, str | None] = {}
    for event in tracked:
        kind = event.get("event")
        if kind == "restart":
            known.clear()
        elif kind == "slot" and event.get("name") in CHILD_SLOTS:
            value = event.get("value")
            known[str(event["name"])] = None if value in (None, "", []) else str(value).strip()[:200] or None
    if not see_location:
        return Child(age=known.get("age"), lang=known.get("lang"), location_masked=True)
    return Child(location=known.get("location"), country=known.get("country"), age=known.get("age"), lang=known.get("lang"))


def handoff_lines(conn: Connection, key: bytes | None, conversation_id: str) -> list[Message]:
    rows = conn.execute(sa.select(_m).where(_m.c.conversation_id == conversation_id).order_by(_m.c.id)).all()
    return [
        Message(f"h{r.id}", r.at, r.author, r.actor, _open(key, "message", conversation_id, r.ref, r.data),
                r.signal, bool(r.urgent), r.delivery)
        for r in rows
    ]


def notes(conn: Connection, key: bytes | None, conversation_id: str) -> list[Note]:
    rows = conn.execute(sa.select(_n).where(_n.c.conversation_id == conversation_id).order_by(_n.c.id)).all()
    return [Note(r.id, r.at, r.author, _open(key, "note", conversation_id, r.ref, r.data)) for r in rows]


def read_audited_since(conn: Connection, actor: str, conversation_id: str, view: str, since: float) -> bool:
    """True when ``actor``'s read of the conversation in ``view`` was audited at or after ``since``."""
    r = tables.reads.c
    found = conn.execute(sa.select(r.audited_at).where(r.actor == actor, r.conversation_id == conversation_id,
                                                        r.view == view, r.audited_at >= since)).first()
    return found is not None


def mark_read_audited(conn: Connection, actor: str, conversation_id: str, view: str, at: float, *, forget_before: float) -> None:
    """Remember the audited read (and forget ``actor``'s marks older than ``forget_before``). An
    upsert: two replicas marking the same (actor, conversation, view) at once both succeed."""
    r = tables.reads.c
    conn.execute(sa.delete(tables.reads).where(r.actor == actor, r.audited_at < forget_before))
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(tables.reads)
    conn.execute(insert.values(actor=actor, conversation_id=conversation_id, view=view, audited_at=at).on_conflict_do_update(
        index_elements=["actor", "conversation_id", "view"], set_={"audited_at": at}))
