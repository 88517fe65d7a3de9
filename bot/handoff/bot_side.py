"""The bot's side of the handoff (Rasa process only, no permission check: the actor is the bot).

* :func:`enter_queue` — the conversation waits for a person (persisted before the child is told);
* :func:`state_of` — whether the bot must stay silent (``waiting`` is not silent: the bot still
  answers until someone claims; ``held`` is); :func:`waiting_request` — what a waiting one asked;
* :func:`record_child_message` — a child's line while a person is responsible: stored
  encrypted with its signal; an urgent signal raises the priority and alerts;
* :func:`put_off` — the child answered "not now" while still waiting (nobody has claimed yet,
  not urgent): the conversation leaves the queue (state ``bot``, event ``left`` with reason
  ``later``) until a later "yes" queues it again.
"""
from __future__ import annotations

import hashlib
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from bot.handoff import events, records, tables
from bot.handoff.model import ACTIVE_STATES, MAX_PRIORITY, Context, QueueEntry
from core.signals import LANGUAGES, SIGNALS

_c = tables.conversations


def state_of(ctx: Context, conversation_id: str) -> str:
    """The conversation's handoff state (``"bot"`` when it never entered the queue)."""
    with ctx.storage.engine.connect() as conn:
        state = conn.execute(sa.select(_c.c.state).where(_c.c.conversation_id == conversation_id)).scalar()
    return str(state or "bot")


def waiting_request(ctx: Context, conversation_id: str) -> tuple[str, bool] | None:
    """``(signal, urgent)`` of a conversation that waits for a person, else None."""
    with ctx.storage.engine.connect() as conn:
        row = conn.execute(sa.select(_c.c.signal, _c.c.urgent).where(
            _c.c.conversation_id == conversation_id, _c.c.state == "waiting")).first()
    return (str(row.signal), bool(row.urgent)) if row is not None else None


def _lock(conn: Connection, conversation_id: str) -> Any:
    if conn.dialect.name == "sqlite":
        conn.execute(sa.update(_c).where(_c.c.conversation_id == conversation_id).values(state=_c.c.state))
    return conn.execute(sa.select(_c).where(_c.c.conversation_id == conversation_id).with_for_update()).first()


def enter(
    conn: Connection, ctx: Context, ids: list[int], conversation_id: str, *, channel: str, persona: str, lang: str,
    signal: str, urgent: bool,
) -> QueueEntry:
    """:func:`enter_queue` inside the caller's transaction (event ids appended to ``ids``)."""
    if signal not in SIGNALS:
        raise ValueError(f"unknown signal {signal!r}")
    lang = lang if lang in LANGUAGES else "en"
    now = ctx.now()
    priority = 1 if urgent else 0
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(_c)
    conn.execute(insert.values(
        conversation_id=conversation_id, channel=channel[:16], persona=persona[:64], lang=lang, signal=signal,
        urgent=urgent, priority=priority, state="bot", entered_at=now, episodes=0, categories="", updated_at=now,
    ).on_conflict_do_nothing(index_elements=["conversation_id"]))
    row = _lock(conn, conversation_id)
    if row.state in ACTIVE_STATES:
        if urgent and not row.urgent:
            _raise(conn, ids, now, row, signal)
        return records.entry(_lock(conn, conversation_id))
    conn.execute(sa.update(_c).where(_c.c.conversation_id == conversation_id).values(
        channel=channel[:16], persona=persona[:64], lang=lang, signal=signal, urgent=urgent, priority=priority,
        state="waiting", holder=None, target_role=None, handover_note=None, entered_at=now, claimed_at=None,
        last_child_at=None, last_counselor_at=None, alerted_at=None, episodes=row.episodes + 1, outcome=None,
        categories="", updated_at=now,
    ))
    ids.append(events.emit(conn, now, "queued", conversation_id, None, signal=signal, urgent=urgent,
                           priority=priority, persona=persona[:64], lang=lang, channel=channel))
    return records.entry(_lock(conn, conversation_id))


def enter_queue(
    ctx: Context, conversation_id: str, *, channel: str, persona: str, lang: str, signal: str, urgent: bool,
) -> QueueEntry:
    """Put the conversation in the queue (or raise its priority if it is there already)."""
    with events.transaction(ctx) as (conn, ids):
        return enter(conn, ctx, ids, conversation_id, channel=channel, persona=persona, lang=lang,
                     signal=signal, urgent=urgent)


def _raise(conn: Connection, ids: list[int], now: float, row: Any, signal: str) -> None:
    priority = min(MAX_PRIORITY, max(int(row.priority), 0) + 1)
    conn.execute(sa.update(_c).where(_c.c.conversation_id == row.conversation_id).values(
        urgent=True, priority=priority, updated_at=now))
    ids.append(events.emit(conn, now, "priority_raised", row.conversation_id, None, priority=priority, signal=signal))
    ids.append(events.emit(conn, now, "alert", row.conversation_id, None, reason="urgent"))


def child_line_ref(conversation_id: str, message_id: str) -> str:
    """The ``ref`` of a child's line that came with the channel's ``message_id``: the same message
    sent again (a retry, a redelivery) has the same ref, so it is recorded once."""
    seed = f"popbot/child-line\x00{conversation_id}\x00{message_id}".encode("utf-8", "replace")
    return hashlib.sha256(seed).hexdigest()[:32]


def record_child_message(
    ctx: Context, conversation_id: str, text: str, *, signal: str, urgent: bool, message_id: str | None = None
) -> int:
    """Store a child's line while waiting/held (encrypted, with its signal); returns its id. A line
    with a ``message_id`` already recorded for the conversation is not recorded again (its id)."""
    now = ctx.now()
    ref = child_line_ref(conversation_id, message_id) if message_id else None
    with events.transaction(ctx) as (conn, ids):
        row = _lock(conn, conversation_id)
        if row is None or row.state not in ACTIVE_STATES:
            raise ValueError("the conversation is not waiting for or held by a person")
        if ref is not None:
            known = conn.execute(sa.select(tables.messages.c.id).where(tables.messages.c.ref == ref)).scalar()
            if known is not None:
                return int(known)
        line = records.add_message(conn, ctx, conversation_id, now, "child", text, signal=signal, urgent=urgent, ref=ref)
        conn.execute(sa.update(_c).where(_c.c.conversation_id == conversation_id).values(last_child_at=now, updated_at=now))
        ids.append(events.emit(conn, now, "message", conversation_id, None, message_id=line, signal=signal,
                               urgent=urgent))
        if urgent:
            _raise(conn, ids, now, row, signal)
    return line


def put_off(ctx: Context, conversation_id: str) -> bool:
    """A waiting conversation leaves the queue because the child said "not now" (True if it did;
    a held one stays with its counselor, who reads the child's line; an urgent one stays queued)."""
    with events.transaction(ctx) as (conn, ids):
        row = _lock(conn, conversation_id)
        if row is None or row.state != "waiting" or row.urgent:
            return False
        now = ctx.now()
        conn.execute(sa.update(_c).where(_c.c.conversation_id == conversation_id).values(
            state="bot", holder=None, target_role=None, updated_at=now))
        ids.append(events.emit(conn, now, "left", conversation_id, None, reason="later"))
    return True
