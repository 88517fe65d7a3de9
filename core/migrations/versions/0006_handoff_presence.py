"""Who follows the handoff live: one heartbeat row per console event stream or CLI follower, with
an expiry (bot/handoff/tables.py ``presence``); a holder away past the alert time is alerted on,
then requeued. No content.

Revision ID: handoff_presence
Revises: handoff_reads
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "handoff_presence"
down_revision = "handoff_reads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("popbot_handoff_presence"):  # made by create_all (legacy)
        return
    op.create_table(
        "popbot_handoff_presence",
        sa.Column("token", sa.String(32), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("via", sa.String(16), nullable=False),
        sa.Column("since", sa.Float, nullable=False),
        sa.Column("seen_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_popbot_handoff_presence_username", "popbot_handoff_presence", ["username"])
    op.create_index("ix_popbot_handoff_presence_expires_at", "popbot_handoff_presence", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_popbot_handoff_presence_expires_at", "popbot_handoff_presence")
    op.drop_index("ix_popbot_handoff_presence_username", "popbot_handoff_presence")
    op.drop_table("popbot_handoff_presence")
