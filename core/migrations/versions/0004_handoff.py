"""The handoff tables: queue/state per conversation (no text), encrypted handoff messages and
notes, the content-free live event log (bot/handoff/tables.py).

Revision ID: handoff
Revises: channel_replies
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "handoff"
down_revision = "channel_replies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("popbot_handoff_conversations"):  # made by create_all (legacy)
        return
    op.create_table(
        "popbot_handoff_conversations",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("persona", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("signal", sa.String(32), nullable=False),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("priority", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("holder", sa.String(64), nullable=True),
        sa.Column("target_role", sa.String(16), nullable=True),
        sa.Column("handover_note", sa.LargeBinary, nullable=True),
        sa.Column("entered_at", sa.Float, nullable=False),
        sa.Column("claimed_at", sa.Float, nullable=True),
        sa.Column("last_child_at", sa.Float, nullable=True),
        sa.Column("last_counselor_at", sa.Float, nullable=True),
        sa.Column("alerted_at", sa.Float, nullable=True),
        sa.Column("episodes", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("categories", sa.String(255), nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_popbot_handoff_conversations_state", "popbot_handoff_conversations", ["state"])
    op.create_table(
        "popbot_handoff_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("ref", sa.String(32), nullable=False, unique=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(64), nullable=True),
        sa.Column("signal", sa.String(32), nullable=True),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("delivery", sa.String(16), nullable=True),
        sa.Column("channel", sa.String(16), nullable=True),
        sa.Column("delivered_at", sa.Float, nullable=True),
    )
    op.create_index("ix_popbot_handoff_messages_conversation_id", "popbot_handoff_messages", ["conversation_id"])
    op.create_index("ix_popbot_handoff_messages_delivery", "popbot_handoff_messages", ["delivery"])
    op.create_table(
        "popbot_handoff_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("ref", sa.String(32), nullable=False, unique=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_popbot_handoff_notes_conversation_id", "popbot_handoff_notes", ["conversation_id"])
    op.create_table(
        "popbot_handoff_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("actor", sa.String(64), nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_popbot_handoff_events_conversation_id", "popbot_handoff_events", ["conversation_id"])


def downgrade() -> None:
    for name in ("popbot_handoff_events", "popbot_handoff_notes", "popbot_handoff_messages", "popbot_handoff_conversations"):
        op.drop_table(name)
