"""The counselor actions, one function each: permission check (``bot/console/permissions.yml``),
the change, the audit entry (``bot.storage.audit``) and the live event, in ONE transaction.

A conversation row is locked before it is read (``SELECT ... FOR UPDATE`` on PostgreSQL; on
SQLite the first statement writes, which takes the database write lock), and every state change
is a conditional UPDATE on the state read, so of two counselors claiming at once exactly one
wins, also across replicas. Contract: /work/briefs/handoff-api.md and docs/handoff.md.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from bot.console.permissions import Facts, allowed
from bot.handoff import events, records, stats, tables
from bot.handoff.errors import BadInput, Conflict, NotAllowed, NotFound, UnknownActor
from bot.handoff.model import (
    MAX_NOTE, MAX_TEXT, OUTCOMES, ROLES, Actor, Context, Event, Message, Note, QueueEntry, Transcript,
)
from bot.storage import audit, eventlog
from core.signals import SIGNALS

_c = tables.conversations
_m = tables.messages
_n = tables.notes


# -- helpers ----------------------------------------------------------------------------------
def actor_for(ctx: Context, username: str, via: str = "cli") -> Actor:
    """The enabled console account ``username`` as an :class:`Actor`."""
    from bot.console import accounts
    from bot.console.context import Console

    try:
        account = accounts.by_username(Console(ctx.storage, clock=ctx.clock), username)
    except accounts.AccountError:
        raise UnknownActor("no console account with this username (popbot counselors add)") from None
    if account.disabled:
        raise UnknownActor("this console account is disabled")
    return Actor(account.username, account.role, via)


def _text(value: str, what: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadInput(f"{what} must not be empty")
    if len(value) > limit:
        raise BadInput(f"{what} is longer than {limit} characters")
    return value.strip()


def _row(conn: Connection, conversation_id: str, *, lock: bool = True) -> Row:
    if lock and conn.dialect.name == "sqlite":  # write first: SQLite's write lock before reading
        conn.execute(sa.update(_c).where(_c.c.conversation_id == conversation_id).values(state=_c.c.state))
    query = sa.select(_c).where(_c.c.conversation_id == conversation_id)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound("no handoff for this conversation")
    return row


def _check(action: str, actor: Actor, row: Row, reason: str = "") -> None:
    if not allowed(action, actor, Facts(holder=row.holder, state=row.state, reason=reason)):
        raise NotAllowed(f"{actor.role} {actor.username!r} may not {action.replace('_', ' ')} this conversation now")


def _change(conn: Connection, row: Row, at: float, **values: Any) -> None:
    """Conditional UPDATE on the state (and holder) read under the lock; Conflict if it moved."""
    done = conn.execute(
        sa.update(_c)
        .where(_c.c.conversation_id == row.conversation_id, _c.c.state == row.state,
               _c.c.holder.is_(None) if row.holder is None else _c.c.holder == row.holder)
        .values(updated_at=at, **values)
    ).rowcount
    if done != 1:
        raise Conflict("the conversation changed meanwhile; reload it")


def _audit(conn: Connection, ctx: Context, actor: Actor, action: str, conversation_id: str, detail: str = "") -> None:
    reason = f"handoff {action} via {actor.via}" + (f": {detail}" if detail else "")
    audit.append(conn, ctx.storage, actor.username, action, conversation_id, reason)


def _account_role(conn: Connection, username: str) -> str:
    from bot.console.tables import accounts

    found = conn.execute(sa.select(accounts.c.role, accounts.c.disabled).where(accounts.c.username == username)).first()
    if found is None or found.disabled or found.role not in ROLES:
        raise BadInput("no enabled counselor or supervisor account with this username")
    return str(found.role)


# -- reads ------------------------------------------------------------------------------------
#: A look at the queue is audited at most once per this many seconds per person, channel (console,
#: cli) and what was looked at (remembered in ``popbot_handoff_reads``, so across replicas): a
#: live page refreshes on every event.
QUEUE_AUDIT_EVERY = 60.0
#: The audit entry's conversation for a look at the whole queue.
WHOLE_QUEUE = "*"


def _audit_look(conn: Connection, ctx: Context, actor: Actor, what: str) -> None:
    """Audit ``queue`` (who looked at the queue, when; no content) unless done within the minute."""
    now, view = ctx.now(), f"queue:{actor.via}"
    if records.read_audited_since(conn, actor.username, what, view, now - QUEUE_AUDIT_EVERY):
        return
    _audit(conn, ctx, actor, "queue", what)
    keep = max(ctx.storage.settings.console_read_audit_minutes * 60, QUEUE_AUDIT_EVERY)  # transcript marks too
    records.mark_read_audited(conn, actor.username, what, view, now, forget_before=now - keep)


def queue(ctx: Context, actor: Actor, *, states: Sequence[str] = ("waiting", "held")) -> list[QueueEntry]:
    """The queue, most urgent first then oldest. It opens no conversation, but who looked at it
    when is audited (``queue``, conversation ``*``), at most once a minute per person."""
    if not allowed("view_queue", actor):
        raise NotAllowed(f"{actor.role} {actor.username!r} may not view the queue")
    with ctx.storage.engine.begin() as conn:
        rows = conn.execute(
            sa.select(_c).where(_c.c.state.in_(list(states))).order_by(_c.c.priority.desc(), _c.c.entered_at)
        ).all()
        _audit_look(conn, ctx, actor, WHOLE_QUEUE)
    return [records.entry(row) for row in rows]


def statistics(ctx: Context, actor: Actor, *, since: float | None = None) -> stats.Statistics:
    """Counts only (by signal, persona, language, outcome; waiting times) of every handoff that
    entered the queue, for whoever ``view_statistics`` allows. Not audited: it opens no
    conversation and returns no text and no ids."""
    if not allowed("view_statistics", actor):
        raise NotAllowed(f"{actor.role} {actor.username!r} may not view the statistics")
    with ctx.storage.engine.connect() as conn:
        return stats.load(conn, ctx.now(), since=since)


def entry(ctx: Context, actor: Actor, conversation_id: str) -> QueueEntry:
    """One queue entry (the handover note only for its holder); audited like :func:`queue`."""
    if not allowed("view_queue", actor):
        raise NotAllowed(f"{actor.role} {actor.username!r} may not view the queue")
    with ctx.storage.engine.begin() as conn:
        row = _row(conn, conversation_id, lock=False)
        found = records.entry(row, conn=conn, ctx=ctx, with_note=row.holder == actor.username)
        _audit_look(conn, ctx, actor, conversation_id)
        return found


def transcript(
    ctx: Context, actor: Actor, conversation_id: str, *, break_glass_reason: str | None = None,
    view: str | None = None, refresh: bool = False,
) -> Transcript:
    """The whole conversation (bot part, handoff messages), the notes and what the bot knows of
    the child (location only with ``see_location``); audited ``read``.

    Every read is audited, except a ``refresh`` (a live update) of a ``view`` (a console
    session's digest) whose read was audited less than ``POPBOT_CONSOLE_READ_AUDIT_MINUTES`` ago:
    one audited read per (actor, conversation, view) per window, and at least one per view (the
    caller opens a view with ``refresh=False``). Break-glass reads are always audited."""
    with events.transaction(ctx) as (conn, _ids):
        row = _row(conn, conversation_id)
        if break_glass_reason is None:
            _check("read_conversation", actor, row)
            _audit_read(conn, ctx, actor, conversation_id, view, refresh)
        else:
            _check("break_glass_read", actor, row, break_glass_reason)
            _audit(conn, ctx, actor, "read", conversation_id, f"break-glass: {break_glass_reason.strip()[:1800]}")
        key = ctx.storage.data_keys.lookup(conn, conversation_id)
        tracked = eventlog.load_events(conn, ctx.storage.data_keys, conversation_id, all_sessions=True) or []
        lines = [*records.tracker_lines(tracked), *records.handoff_lines(conn, key, conversation_id)]
        notes = records.notes(conn, key, conversation_id)
        see_location = allowed("see_location", actor, Facts(holder=row.holder, state=row.state))
        return Transcript(records.entry(row, conn=conn, ctx=ctx, with_note=True), sorted(lines, key=lambda m: m.at), notes,
                          records.child_facts(tracked, see_location=see_location))


def _audit_read(conn: Connection, ctx: Context, actor: Actor, conversation_id: str, view: str | None, refresh: bool) -> None:
    now, window = ctx.now(), ctx.storage.settings.console_read_audit_minutes * 60
    if view is None:
        _audit(conn, ctx, actor, "read", conversation_id)
        return
    if refresh and window and records.read_audited_since(conn, actor.username, conversation_id, view, now - window):
        return
    _audit(conn, ctx, actor, "read", conversation_id)
    records.mark_read_audited(conn, actor.username, conversation_id, view, now, forget_before=now - max(window, 60))


def events_since(ctx: Context, after_id: int = 0, *, limit: int = 500) -> list[Event]:
    """Content-free events after ``after_id`` (replay for a reconnecting subscriber)."""
    return events.since(ctx, after_id, limit=limit)


def last_event_id(ctx: Context) -> int:
    return events.last_id(ctx)


follow = events.follow


# -- actions ----------------------------------------------------------------------------------
def claim(ctx: Context, actor: Actor, conversation_id: str) -> QueueEntry:
    """Take a waiting conversation; of concurrent claimers exactly one wins (others: Conflict)."""
    now = ctx.now()
    with events.transaction(ctx) as (conn, ids):
        row = _row(conn, conversation_id)
        if row.state != "waiting":
            raise Conflict("the conversation is not waiting (someone else claimed it, or it is closed)")
        _check("claim", actor, row)
        if row.target_role and row.target_role != actor.role:
            raise NotAllowed(f"this conversation was transferred to a {row.target_role}")
        _change(conn, row, now, state="held", holder=actor.username, claimed_at=now, target_role=None, alerted_at=None)
        _audit(conn, ctx, actor, "claim", conversation_id)
        ids.append(events.emit(conn, now, "claimed", conversation_id, actor.username))
        return records.entry(_row(conn, conversation_id, lock=False), conn=conn, ctx=ctx, with_note=True)


def reply(ctx: Context, actor: Actor, conversation_id: str, text: str) -> Message:
    """Store the holder's message (encrypted) for delivery through the child's channel."""
    text = _text(text, "reply", MAX_TEXT)
    now = ctx.now()
    with events.transaction(ctx) as (conn, ids):
        row = _row(conn, conversation_id)
        _check("reply", actor, row)
        message_id = records.add_message(
            conn, ctx, conversation_id, now, "counselor", text, actor=actor.username, delivery="pending", channel=row.channel,
        )
        _change(conn, row, now, last_counselor_at=now, alerted_at=None)
        _audit(conn, ctx, actor, "reply", conversation_id)
        ids.append(events.emit(conn, now, "reply", conversation_id, actor.username, message_id=message_id))
    return Message(f"h{message_id}", now, "counselor", actor.username, text, delivery="pending")


def transfer(
    ctx: Context, actor: Actor, conversation_id: str, *, note: str, to_user: str | None = None, to_role: str | None = None,
) -> QueueEntry:
    """Hand over to a person (held by them at once) or a role (waiting, claimable by that role)."""
    note = _text(note, "handover note", MAX_NOTE)
    if (to_user is None) == (to_role is None):
        raise BadInput("transfer needs exactly one of to_user or to_role")
    if to_role is not None and to_role not in ROLES:
        raise BadInput(f"role must be one of {list(ROLES)}")
    now = ctx.now()
    with events.transaction(ctx) as (conn, ids):
        row = _row(conn, conversation_id)
        _check("transfer", actor, row)
        sealed = records.seal_note(conn, ctx, conversation_id, note)
        if to_user is not None:
            _account_role(conn, to_user)
            if to_user == actor.username:
                raise BadInput("cannot transfer a conversation to yourself")
            _change(conn, row, now, holder=to_user, claimed_at=now, handover_note=sealed, target_role=None, alerted_at=None)
            target = {"to_user": to_user}
        else:
            _change(conn, row, now, state="waiting", holder=None, claimed_at=None, handover_note=sealed,
                    target_role=to_role, alerted_at=None)
            target = {"to_role": str(to_role)}
        _audit(conn, ctx, actor, "transfer", conversation_id, f"to {next(iter(target.values()))}")
        ids.append(events.emit(conn, now, "transferred", conversation_id, actor.username, **target))
        return records.entry(_row(conn, conversation_id, lock=False))


def release(ctx: Context, actor: Actor, conversation_id: str) -> QueueEntry:
    """The holder puts the conversation back in the queue (same priority)."""
    return _leave_hold(ctx, actor, conversation_id, "release", "released", state="waiting", claimed_at=None)


def return_to_bot(ctx: Context, actor: Actor, conversation_id: str) -> QueueEntry:
    """The bot answers the child's next message normally."""
    return _leave_hold(ctx, actor, conversation_id, "return_to_bot", "returned", state="returned")


def close(ctx: Context, actor: Actor, conversation_id: str, *, outcome: str, categories: Iterable[str] = ()) -> QueueEntry:
    """Close with an outcome (``OUTCOMES``) and categories (signal names)."""
    if outcome not in OUTCOMES:
        raise BadInput(f"outcome must be one of {list(OUTCOMES)}")
    chosen = tuple(dict.fromkeys(categories))
    unknown = [c for c in chosen if c not in SIGNALS]
    if unknown:
        raise BadInput(f"unknown categories {unknown}; use signal names {list(SIGNALS)}")
    return _leave_hold(ctx, actor, conversation_id, "close", "closed", state="closed", outcome=outcome,
                       categories=",".join(chosen))


def _leave_hold(ctx: Context, actor: Actor, conversation_id: str, action: str, kind: str, **values: Any) -> QueueEntry:
    now = ctx.now()
    audit_action = {"return_to_bot": "return"}.get(action, action)
    with events.transaction(ctx) as (conn, ids):
        row = _row(conn, conversation_id)
        _check(action, actor, row)
        _change(conn, row, now, holder=None, target_role=None, alerted_at=None, **values)
        detail = {"outcome": values["outcome"]} if "outcome" in values else {}
        _audit(conn, ctx, actor, audit_action, conversation_id, values.get("outcome", ""))
        ids.append(events.emit(conn, now, kind, conversation_id, actor.username, **detail))
        return records.entry(_row(conn, conversation_id, lock=False))


def add_note(ctx: Context, actor: Actor, conversation_id: str, text: str) -> Note:
    """An encrypted case note on the conversation (holder only)."""
    text = _text(text, "note", MAX_NOTE)
    now = ctx.now()
    with events.transaction(ctx) as (conn, ids):
        row = _row(conn, conversation_id)
        _check("add_note", actor, row)
        note_id = records.add_note(conn, ctx, conversation_id, now, actor.username, text)
        _audit(conn, ctx, actor, "note", conversation_id)
        ids.append(events.emit(conn, now, "note", conversation_id, actor.username, note_id=note_id))
    return Note(note_id, now, actor.username, text)


def reassign(ctx: Context, actor: Actor, conversation_id: str, to_user: str) -> QueueEntry:
    """A supervisor moves a held conversation to another person."""
    now = ctx.now()
    with events.transaction(ctx) as (conn, ids):
        row = _row(conn, conversation_id)
        _check("reassign", actor, row)
        _account_role(conn, to_user)
        _change(conn, row, now, holder=to_user, claimed_at=now, alerted_at=None)
        _audit(conn, ctx, actor, "reassign", conversation_id, f"to {to_user}")
        ids.append(events.emit(conn, now, "reassigned", conversation_id, actor.username, to_user=to_user))
        return records.entry(_row(conn, conversation_id, lock=False))
