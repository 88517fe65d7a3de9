"""The console's content-free event log (logins, account changes, break-glass, monitor)."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.console.tables import events

#: Events an entry may record.
EVENTS = frozenset({
    "login", "login_failed", "locked", "logout", "enrolled", "recovery_used", "password_changed",
    "account_added", "account_disabled", "account_enabled", "password_reset", "totp_reset",
    "role_changed", "duty_changed", "break_glass", "monitor",
})


@dataclass(frozen=True)
class Event:
    at: float
    actor: str
    event: str
    target: str
    detail: str


def record(conn: Connection, at: float, actor: str, event: str, target: str = "", detail: str = "") -> None:
    """Append one event inside the caller's transaction."""
    if event not in EVENTS:
        raise ValueError(f"unknown console event {event!r}")
    conn.execute(sa.insert(events).values(at=at, actor=actor[:64], event=event, target=target[:255], detail=detail[:2000]))


def recent(conn: Connection, *, kinds: set[str] | None = None, limit: int = 100) -> list[Event]:
    query = sa.select(events).order_by(events.c.id.desc()).limit(limit)
    if kinds:
        query = query.where(events.c.event.in_(sorted(kinds)))
    return [Event(r.at, r.actor, r.event, r.target, r.detail) for r in conn.execute(query)]
