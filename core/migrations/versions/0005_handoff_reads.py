"""The last audited transcript read per person, conversation and console view (no content): a
live refresh inside the window is not audited again (bot/handoff/tables.py ``reads``).

Revision ID: handoff_reads
Revises: handoff
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "handoff_reads"
down_revision = "handoff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("popbot_handoff_reads"):  # made by create_all (legacy)
        return
    op.create_table(
        "popbot_handoff_reads",
        sa.Column("actor", sa.String(64), primary_key=True),
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("view", sa.String(64), primary_key=True),
        sa.Column("audited_at", sa.Float, nullable=False),
    )
    op.create_index("ix_popbot_handoff_reads_audited_at", "popbot_handoff_reads", ["audited_at"])


def downgrade() -> None:
    op.drop_index("ix_popbot_handoff_reads_audited_at", "popbot_handoff_reads")
    op.drop_table("popbot_handoff_reads")
