"""The Telegram reply ledger: which replies of an update were already sent (no text).

Revision ID: channel_replies
Revises: console
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "channel_replies"
down_revision = "console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("popbot_channel_replies"):  # made by create_all (legacy)
        return
    op.create_table(
        "popbot_channel_replies",
        sa.Column("bot", sa.String(64), primary_key=True),
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_popbot_channel_replies_sent_at", "popbot_channel_replies", ["sent_at"])


def downgrade() -> None:
    op.drop_index("ix_popbot_channel_replies_sent_at", "popbot_channel_replies")
    op.drop_table("popbot_channel_replies")
