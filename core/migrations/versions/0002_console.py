"""The counselor console's own tables: accounts, recovery codes, sessions, login attempts,
events (bot/console/tables.py). No conversation content.

Revision ID: console
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "console"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database made by ``metadata.create_all`` (tests, older tools) may have them already.
    if sa.inspect(op.get_bind()).has_table("popbot_console_accounts"):
        return
    op.create_table(
        "popbot_console_accounts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(128), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("must_change_password", sa.Boolean, nullable=False),
        sa.Column("totp_secret", sa.LargeBinary, nullable=True),
        sa.Column("totp_enrolled", sa.Boolean, nullable=False),
        sa.Column("totp_last_step", sa.BigInteger, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.Float, nullable=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("duty_hours", sa.Text, nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "popbot_console_recovery_codes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "account_id", sa.Integer,
            sa.ForeignKey("popbot_console_accounts.id", name="fk_popbot_console_recovery_account", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("used_at", sa.Float, nullable=True),
    )
    op.create_index("ix_popbot_console_recovery_codes_account_id", "popbot_console_recovery_codes", ["account_id"])
    op.create_table(
        "popbot_console_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column(
            "account_id", sa.Integer,
            sa.ForeignKey("popbot_console_accounts.id", name="fk_popbot_console_sessions_account", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("last_seen", sa.Float, nullable=False),
        sa.Column("pending", sa.LargeBinary, nullable=True),
    )
    op.create_index("ix_popbot_console_sessions_account_id", "popbot_console_sessions", ["account_id"])
    op.create_table(
        "popbot_console_login_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("ix_popbot_console_login_attempts_source", "popbot_console_login_attempts", ["source"])
    op.create_index("ix_popbot_console_login_attempts_at", "popbot_console_login_attempts", ["at"])
    op.create_table(
        "popbot_console_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("event", sa.String(32), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_popbot_console_events_at", "popbot_console_events", ["at"])


def downgrade() -> None:
    for name in (
        "popbot_console_events", "popbot_console_login_attempts", "popbot_console_sessions",
        "popbot_console_recovery_codes", "popbot_console_accounts",
    ):
        op.drop_table(name)
