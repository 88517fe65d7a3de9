"""The console's own tables (migration ``console``): accounts, recovery codes, server-side
sessions, login attempts and a content-free event log. No conversation content lives here."""
from __future__ import annotations

import sqlalchemy as sa

from core.db import metadata

accounts = sa.Table(
    "popbot_console_accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("display_name", sa.String(128), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=False),
    # True until the account chose its own password (one-time passwords from the CLI).
    sa.Column("must_change_password", sa.Boolean, nullable=False),
    # AES-GCM blob of the TOTP secret (key from the key provider); NULL until enrolled.
    sa.Column("totp_secret", sa.LargeBinary, nullable=True),
    sa.Column("totp_enrolled", sa.Boolean, nullable=False),
    # Highest TOTP time step accepted: a code of that step or earlier is a replay.
    sa.Column("totp_last_step", sa.BigInteger, nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
    sa.Column("failed_logins", sa.Integer, nullable=False),
    sa.Column("locked_until", sa.Float, nullable=True),
    sa.Column("lang", sa.String(8), nullable=False),
    # JSON: {"mon": ["08:00", "16:00"], ...} in the account's time zone.
    sa.Column("duty_hours", sa.Text, nullable=False),
    sa.Column("time_zone", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

recovery_codes = sa.Table(
    "popbot_console_recovery_codes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "account_id", sa.Integer,
        sa.ForeignKey("popbot_console_accounts.id", name="fk_popbot_console_recovery_account", ondelete="CASCADE"),
        nullable=False, index=True,
    ),
    sa.Column("code_hash", sa.String(64), nullable=False),
    sa.Column("used_at", sa.Float, nullable=True),
)

sessions = sa.Table(
    "popbot_console_sessions",
    metadata,
    # SHA-256 of the cookie value: a database reader cannot use a session.
    sa.Column("id_hash", sa.String(64), primary_key=True),
    sa.Column(
        "account_id", sa.Integer,
        sa.ForeignKey("popbot_console_accounts.id", name="fk_popbot_console_sessions_account", ondelete="CASCADE"),
        nullable=False, index=True,
    ),
    # "password" (second factor next), "enrol" (TOTP enrolment next), "change" (new password
    # next), "full" (signed in).
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen", sa.Float, nullable=False),
    # Pending TOTP secret during enrolment (AES-GCM), never the enrolled one.
    sa.Column("pending", sa.LargeBinary, nullable=True),
)

login_attempts = sa.Table(
    "popbot_console_login_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # Keyed hash of the client address (rate limit per source without storing the address).
    sa.Column("source", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
)

events = sa.Table(
    "popbot_console_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("event", sa.String(32), nullable=False),
    sa.Column("target", sa.String(255), nullable=False),
    # Free text typed by a person (break-glass reason); never conversation content.
    sa.Column("detail", sa.Text, nullable=False),
)
