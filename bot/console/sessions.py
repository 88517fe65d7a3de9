"""Server-side sessions: the cookie carries a random token, the table its SHA-256.

Each step of the login (password → enrolment / second factor → signed in) issues a new token
and deletes the old row, so a token seen before login is worthless after it. A session ends
after ``POPBOT_CONSOLE_IDLE_MINUTES`` without a request or ``POPBOT_CONSOLE_ABSOLUTE_HOURS``
after the password was checked, whichever comes first.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.console.context import Console
from bot.console.tables import sessions

STAGES = ("password", "enrol", "change", "full")
COOKIE = "__Host-popbot-console"
#: Pre-login cookie that binds the login form's CSRF token (double submit, keyed).
PRE_COOKIE = "__Host-popbot-pre"
#: A session that has not finished logging in lasts at most this long.
PRE_LOGIN_SECONDS = 10 * 60


@dataclass(frozen=True)
class Session:
    token: str
    account_id: int
    stage: str
    csrf: str
    created_at: float
    pending: bytes | None

    @property
    def view(self) -> str:
        """A stable digest of this session for records such as the audited-read mark (never the
        token, nor the hash the sessions table is keyed by)."""
        return hashlib.sha256(b"popbot/console/view\x00" + self.token.encode("ascii", "replace")).hexdigest()[:32]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def create(console: Console, account_id: int, stage: str, *, created_at: float | None = None, pending: bytes | None = None) -> Session:
    if stage not in STAGES:
        raise ValueError(f"unknown session stage {stage!r}")
    token, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), console.now()
    started = now if created_at is None else created_at
    with console.engine.begin() as conn:
        _purge(conn, console)  # expired rows of sessions nobody presents again (abandoned logins)
        conn.execute(sa.insert(sessions).values(
            id_hash=_hash(token), account_id=account_id, stage=stage, csrf=csrf, created_at=started,
            last_seen=now, pending=pending,
        ))
    return Session(token, account_id, stage, csrf, started, pending)


def load(console: Console, token: str | None, *, touch: bool = True) -> Session | None:
    """The live session of ``token`` (its idle clock restarted unless ``touch`` is False: a live
    stream checks its session without keeping an idle one alive), or None (expired rows deleted)."""
    if not token or len(token) > 128:
        return None
    now, settings = console.now(), console.settings
    with console.engine.begin() as conn:
        row = conn.execute(sa.select(sessions).where(sessions.c.id_hash == _hash(token))).first()
        if row is None:
            return None
        idle = settings.console_idle_minutes * 60
        absolute = settings.console_absolute_hours * 3600 if row.stage == "full" else PRE_LOGIN_SECONDS
        if now - row.last_seen > idle or now - row.created_at > absolute:
            conn.execute(sa.delete(sessions).where(sessions.c.id_hash == row.id_hash))
            return None
        if touch:
            conn.execute(sa.update(sessions).where(sessions.c.id_hash == row.id_hash).values(last_seen=now))
        return Session(token, row.account_id, row.stage, row.csrf, row.created_at, row.pending)


def advance(console: Console, old: Session, stage: str, *, pending: bytes | None = None) -> Session:
    """Move to the next login stage under a NEW token (the old one stops working)."""
    end(console, old.token)
    # the absolute timeout of a signed-in session starts when the login completes
    return create(console, old.account_id, stage, pending=pending)


def set_pending(console: Console, session: Session, pending: bytes) -> Session:
    """Keep a TOTP secret awaiting confirmation with the enrolment session."""
    with console.engine.begin() as conn:
        conn.execute(sa.update(sessions).where(sessions.c.id_hash == _hash(session.token)).values(pending=pending))
    return Session(session.token, session.account_id, session.stage, session.csrf, session.created_at, pending)


def end(console: Console, token: str) -> None:
    with console.engine.begin() as conn:
        conn.execute(sa.delete(sessions).where(sessions.c.id_hash == _hash(token)))


def _purge(conn: Connection, console: Console) -> int:
    """Delete every expired row (done whenever a session is created); returns how many."""
    now, settings = console.now(), console.settings
    return int(conn.execute(sa.delete(sessions).where(sa.or_(
        sessions.c.last_seen < now - settings.console_idle_minutes * 60,
        sa.and_(sessions.c.stage == "full", sessions.c.created_at < now - settings.console_absolute_hours * 3600),
        sa.and_(sessions.c.stage != "full", sessions.c.created_at < now - PRE_LOGIN_SECONDS),
    ))).rowcount)