"""Counselor accounts: one service function per state change, each writing its event row.

Passwords are argon2id; the second factor (TOTP) is mandatory and enrolled at first login;
resetting a password never removes it. Disabling an account, resetting its password or its
second factor ends all its sessions.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from bot.console import duty, events, passwords, totp
from bot.console.context import Console
from bot.console.tables import accounts, login_attempts, recovery_codes, sessions

ROLES = ("counselor", "supervisor", "admin")
LANGS = ("en", "pl", "es")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
#: Consecutive failures (password or second factor) before the account is locked.
LOCK_AFTER = 5
LOCK_SECONDS = 15 * 60
#: Attempts per client address in the window before further attempts are refused.
RATE_LIMIT = 30
RATE_WINDOW = 10 * 60


class AccountError(ValueError):
    """A bad request about an account; the message is safe to show."""


class LoginOutcome(Enum):
    OK = "ok"
    BAD = "bad"  # unknown user, wrong password, disabled: one answer for all
    LOCKED = "locked"
    LIMITED = "limited"


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    disabled: bool
    totp_enrolled: bool
    must_change_password: bool
    lang: str
    #: Weekly shifts in the referral hours syntax (``Mo-Fr 08:00-16:00``), "" when none.
    duty_hours: str
    time_zone: str
    locked_until: float | None

    @classmethod
    def of(cls, row: Row) -> "Account":
        return cls(
            row.id, row.username, row.display_name, row.role, bool(row.disabled), bool(row.totp_enrolled),
            bool(row.must_change_password), row.lang, duty.stored_hours(row.duty_hours), row.time_zone,
            row.locked_until,
        )


def _username(value: str) -> str:
    value = (value or "").strip().lower()
    if not USERNAME.match(value):
        raise AccountError("username: 2-63 characters, lower-case letters, digits, '.', '_' or '-'")
    return value


def _role(value: str) -> str:
    if value not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    return value


def _row(conn: Connection, *, username: str | None = None, account_id: int | None = None) -> Row:
    query = sa.select(accounts)
    query = query.where(accounts.c.username == username) if username is not None else query.where(accounts.c.id == account_id)
    row = conn.execute(query).first()
    if row is None:
        raise AccountError("no such account")
    return row


def get(console: Console, account_id: int) -> Account:
    with console.engine.connect() as conn:
        return Account.of(_row(conn, account_id=account_id))


def by_username(console: Console, username: str) -> Account:
    with console.engine.connect() as conn:
        return Account.of(_row(conn, username=_username(username)))


def list_accounts(console: Console) -> list[Account]:
    with console.engine.connect() as conn:
        return [Account.of(r) for r in conn.execute(sa.select(accounts).order_by(accounts.c.username))]


def end_sessions(conn: Connection, account_id: int) -> None:
    conn.execute(sa.delete(sessions).where(sessions.c.account_id == account_id))


def add_account(console: Console, username: str, role: str, *, actor: str, display_name: str = "", lang: str = "en") -> tuple[Account, str]:
    """Create an account with a one-time password (returned once, never stored in clear)."""
    username, role = _username(username), _role(role)
    if lang not in LANGS:
        raise AccountError(f"language must be one of {', '.join(LANGS)}")
    secret = passwords.one_time_password()
    with console.engine.begin() as conn:
        if conn.execute(sa.select(accounts.c.id).where(accounts.c.username == username)).first():
            raise AccountError("an account with that username exists")
        conn.execute(sa.insert(accounts).values(
            username=username, display_name=(display_name.strip() or username)[:128], role=role,
            password_hash=passwords.hash_password(secret), must_change_password=True, totp_secret=None,
            totp_enrolled=False, totp_last_step=0, disabled=False, failed_logins=0, locked_until=None,
            lang=lang, duty_hours="", time_zone="UTC", created_at=console.now(),
        ))
        events.record(conn, console.now(), actor, "account_added", username, role)
        return Account.of(_row(conn, username=username)), secret


def ensure_first_admin(console: Console) -> tuple[str, str] | None:
    """On an empty account table, create ``admin`` with a one-time password: ``(user, password)``
    to print once. Returns None when any account exists (never a default password)."""
    with console.engine.connect() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(accounts)).scalar_one():
            return None
    try:
        _, secret = add_account(console, "admin", "admin", actor="popbot run", display_name="Administrator")
    except (AccountError, sa.exc.IntegrityError):  # another process created it first
        return None
    return "admin", secret


def set_disabled(console: Console, username: str, disabled: bool, *, actor: str) -> Account:
    with console.engine.begin() as conn:
        row = _row(conn, username=_username(username))
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(disabled=disabled))
        if disabled:
            end_sessions(conn, row.id)
        events.record(conn, console.now(), actor, "account_disabled" if disabled else "account_enabled", row.username)
        return Account.of(_row(conn, account_id=row.id))


def reset_password(console: Console, username: str, *, actor: str) -> str:
    """A new one-time password (returned once); the second factor stays as it was."""
    secret = passwords.one_time_password()
    with console.engine.begin() as conn:
        row = _row(conn, username=_username(username))
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(
            password_hash=passwords.hash_password(secret), must_change_password=True, failed_logins=0, locked_until=None,
        ))
        end_sessions(conn, row.id)
        events.record(conn, console.now(), actor, "password_reset", row.username)
    return secret


def reset_2fa(console: Console, username: str, *, actor: str) -> None:
    """Forget the TOTP secret and recovery codes: the next login enrols a new one."""
    with console.engine.begin() as conn:
        row = _row(conn, username=_username(username))
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(totp_secret=None, totp_enrolled=False))
        conn.execute(sa.delete(recovery_codes).where(recovery_codes.c.account_id == row.id))
        end_sessions(conn, row.id)
        events.record(conn, console.now(), actor, "totp_reset", row.username)


def set_role(console: Console, account_id: int, role: str, *, actor: str) -> None:
    role = _role(role)
    with console.engine.begin() as conn:
        row = _row(conn, account_id=account_id)
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(role=role))
        end_sessions(conn, row.id)  # permissions changed: sign in again
        events.record(conn, console.now(), actor, "role_changed", row.username, role)


def set_duty_hours(console: Console, account_id: int, hours: str, time_zone: str, *, actor: str) -> None:
    """On-duty shifts (``Mo-Fr 08:00-16:00; Sa 10:00-14:00``, "" for none) in an IANA zone."""
    try:
        text, zone = duty.normalise(hours, time_zone)
    except ValueError as exc:
        raise AccountError(f"on-duty hours: {exc}") from exc
    with console.engine.begin() as conn:
        row = _row(conn, account_id=account_id)
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(duty_hours=text, time_zone=zone))
        events.record(conn, console.now(), actor, "duty_changed", row.username, f"{text} {zone}".strip())


def set_lang(console: Console, account_id: int, lang: str) -> None:
    if lang not in LANGS:
        raise AccountError(f"language must be one of {', '.join(LANGS)}")
    with console.engine.begin() as conn:
        conn.execute(sa.update(accounts).where(accounts.c.id == account_id).values(lang=lang))


# --- login ------------------------------------------------------------------------------------

def _source(console: Console, address: str) -> str:
    return console.keys.mac("login-source", address)[:64]


def _rate_limited(conn: Connection, console: Console, source: str) -> bool:
    now = console.now()
    conn.execute(sa.delete(login_attempts).where(login_attempts.c.at < now - RATE_WINDOW))
    count = conn.execute(
        sa.select(sa.func.count()).select_from(login_attempts).where(login_attempts.c.source == source)
    ).scalar_one()
    conn.execute(sa.insert(login_attempts).values(source=source, at=now))
    return count >= RATE_LIMIT


def _fail(conn: Connection, console: Console, row: Row) -> LoginOutcome:
    failed = row.failed_logins + 1
    values: dict[str, Any] = {"failed_logins": failed}
    outcome = LoginOutcome.BAD
    if failed >= LOCK_AFTER:
        values.update(failed_logins=0, locked_until=console.now() + LOCK_SECONDS)
        events.record(conn, console.now(), row.username, "locked", row.username)
        outcome = LoginOutcome.LOCKED
    else:
        events.record(conn, console.now(), row.username, "login_failed", row.username)
    conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(**values))
    return outcome


def _locked(console: Console, row: Row) -> bool:
    return row.locked_until is not None and row.locked_until > console.now()


def check_password(console: Console, username: str, password: str, address: str) -> tuple[LoginOutcome, Account | None]:
    """First factor. Unknown user, wrong password and disabled account look the same."""
    with console.engine.begin() as conn:
        if _rate_limited(conn, console, _source(console, address)):
            return LoginOutcome.LIMITED, None
        name = (username or "").strip().lower()
        row = conn.execute(sa.select(accounts).where(accounts.c.username == name)).first()
        if row is not None and _locked(console, row):
            passwords.verify(None, password)  # same work as a real check
            return LoginOutcome.LOCKED, None
        ok, new_hash = passwords.verify(row.password_hash if row is not None else None, password)
        if row is None:
            return LoginOutcome.BAD, None
        if not ok or row.disabled:
            return (_fail(conn, console, row) if not row.disabled else LoginOutcome.BAD), None
        if new_hash:
            conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(password_hash=new_hash))
        return LoginOutcome.OK, Account.of(row)


def check_second_factor(console: Console, account_id: int, code: str) -> LoginOutcome:
    """A TOTP code (each usable once) or an unused recovery code (then spent)."""
    with console.engine.begin() as conn:
        row = _row(conn, account_id=account_id)
        if row.disabled or not row.totp_enrolled or row.totp_secret is None:
            return LoginOutcome.BAD
        if _locked(console, row):
            return LoginOutcome.LOCKED
        secret = console.keys.open(row.totp_secret, row.id)
        step = totp.matching_step(secret, code, row.totp_last_step, console.now())
        if step is not None:
            conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(totp_last_step=step, failed_logins=0))
            events.record(conn, console.now(), row.username, "login", row.username, "totp")
            return LoginOutcome.OK
        digest = console.keys.mac("recovery", str(row.id), totp.normalise_recovery(code))
        spent = conn.execute(
            sa.update(recovery_codes)
            .where(recovery_codes.c.account_id == row.id, recovery_codes.c.code_hash == digest, recovery_codes.c.used_at.is_(None))
            .values(used_at=console.now())
        ).rowcount
        if spent == 1:
            conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(failed_logins=0))
            events.record(conn, console.now(), row.username, "recovery_used", row.username)
            return LoginOutcome.OK
        return _fail(conn, console, row)


def complete_enrolment(console: Console, account_id: int, sealed_secret: bytes, code: str) -> list[str] | None:
    """Confirm a pending TOTP secret with one code; returns fresh recovery codes (shown once)."""
    with console.engine.begin() as conn:
        row = _row(conn, account_id=account_id)
        secret = console.keys.open(sealed_secret, row.id)
        step = totp.matching_step(secret, code, row.totp_last_step, console.now())
        if step is None:
            _fail(conn, console, row)
            return None
        codes = totp.recovery_codes()
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(
            totp_secret=sealed_secret, totp_enrolled=True, totp_last_step=step, failed_logins=0,
        ))
        conn.execute(sa.delete(recovery_codes).where(recovery_codes.c.account_id == row.id))
        conn.execute(sa.insert(recovery_codes), [
            {"account_id": row.id, "code_hash": console.keys.mac("recovery", str(row.id), totp.normalise_recovery(c)), "used_at": None}
            for c in codes
        ])
        events.record(conn, console.now(), row.username, "enrolled", row.username)
        return codes


def change_password(console: Console, account_id: int, new_password: str) -> None:
    with console.engine.begin() as conn:
        row = _row(conn, account_id=account_id)
        passwords.check_policy(new_password, row.username)
        ok, _ = passwords.verify(row.password_hash, new_password)
        if ok:
            raise passwords.PasswordPolicyError("must differ from the current password")
        conn.execute(sa.update(accounts).where(accounts.c.id == row.id).values(
            password_hash=passwords.hash_password(new_password), must_change_password=False,
        ))
        events.record(conn, console.now(), row.username, "password_changed", row.username)


def fingerprint(username: str) -> str:
    """A short non-identifying tag for logs (never the username itself)."""
    return hashlib.sha256(username.encode()).hexdigest()[:8]


def availability(console: Console, at: float | None = None) -> duty.Availability:
    """Who is on duty now (counselors and supervisors), else when the next shift starts."""
    return duty.availability(list_accounts(console), console.now() if at is None else at)
