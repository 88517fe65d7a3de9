"""Initial storage schema: key versions, conversations (wrapped data keys), encrypted events,
reply addresses, hash-chained audit log and its head row.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "popbot_key_versions",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "popbot_conversations",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column(
            "key_version",
            sa.Integer,
            sa.ForeignKey("popbot_key_versions.version", name="fk_popbot_conversations_key_version"),
            nullable=False,
        ),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_popbot_conversations_key_version", "popbot_conversations", ["key_version"])
    op.create_table(
        "popbot_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("type_name", sa.String(64), nullable=False),
        sa.Column("timestamp", sa.Float),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("conversation_id", "seq", name="uq_popbot_events_conversation_seq"),
    )
    op.create_table(
        "popbot_reply_addresses",
        sa.Column("pseudonym", sa.String(255), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "popbot_audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    head = op.create_table(
        "popbot_audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64}])


def downgrade() -> None:
    for table in (
        "popbot_audit_head", "popbot_audit_log", "popbot_reply_addresses", "popbot_events",
    ):
        op.drop_table(table)
    op.drop_index("ix_popbot_conversations_key_version", "popbot_conversations")
    op.drop_table("popbot_conversations")
    op.drop_table("popbot_key_versions")
