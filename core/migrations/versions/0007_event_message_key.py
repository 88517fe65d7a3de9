"""Each user event's message id, hashed, unique per conversation: a message retried by a client,
a proxy or a platform redelivery is stored at most once (bot/channels/repeats.py). No content.

Revision ID: event_message_key
Revises: handoff_presence
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "event_message_key"
down_revision = "handoff_presence"
branch_labels = None
depends_on = None

INDEX = "uq_popbot_events_conversation_message"


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "message_key" not in {c["name"] for c in inspector.get_columns("popbot_events")}:  # create_all (legacy)
        op.add_column("popbot_events", sa.Column("message_key", sa.String(32), nullable=True))
    if INDEX not in {i["name"] for i in inspector.get_indexes("popbot_events")}:
        op.create_index(INDEX, "popbot_events", ["conversation_id", "message_key"], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, "popbot_events")
    op.drop_column("popbot_events", "message_key")
