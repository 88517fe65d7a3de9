"""Baseline of popbot's one history: the storage tables (key versions, conversations with wrapped
data keys, encrypted events, reply addresses, hash-chained audit log), the referral directory
and the channels' shared state (Telegram update ids, message ids for clean chat).

Databases created by the earlier separate histories (``storage_alembic_version``,
``referrals_alembic_version``) or by ``create_all`` already have some of these tables: each is
created only if missing, and ``core.db.migrate`` drops the old version tables afterwards.

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

P = "referral_"


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=False)


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("popbot_key_versions"):
        _storage()
    if _missing(f"{P}organization"):
        _referrals()
    if _missing("popbot_channel_updates"):
        _channels()


def _storage() -> None:
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


def _referrals() -> None:
    op.create_table(
        f"{P}organization",
        sa.Column("id", sa.String(64), primary_key=True),
        _text("name"), _text("description"), _text("email"), _text("website"),
    )
    op.create_table(
        f"{P}service",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("organization_id", sa.String(64), sa.ForeignKey(f"{P}organization.id"), nullable=False),
        _text("name"), _text("alternate_name"), _text("description"), _text("url"), _text("email"),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("minimum_age", sa.Integer(), nullable=True),
        sa.Column("maximum_age", sa.Integer(), nullable=True),
        _text("topics"), _text("languages"),
        sa.Column("free_of_charge", sa.Boolean(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("child_specific", sa.Boolean(), nullable=False),
        _text("source"),
        sa.Column("verified", sa.Date(), nullable=True),
        sa.Column("starter", sa.Boolean(), nullable=False),
    )
    op.create_table(
        f"{P}channel",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("service_id", sa.String(64), sa.ForeignKey(f"{P}service.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        _text("value"), _text("description"), _text("languages"),
    )
    op.create_index(f"ix_{P}channel_service_id", f"{P}channel", ["service_id"])
    op.create_table(
        f"{P}schedule",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("service_id", sa.String(64), sa.ForeignKey(f"{P}service.id"), nullable=False),
        sa.Column("channel_id", sa.String(64), sa.ForeignKey(f"{P}channel.id"), nullable=True),
        sa.Column("byday", sa.String(32), nullable=False),
        sa.Column("opens", sa.Integer(), nullable=False),
        sa.Column("closes", sa.Integer(), nullable=False),
        _text("description"),
    )
    op.create_index(f"ix_{P}schedule_service_id", f"{P}schedule", ["service_id"])
    op.create_table(
        f"{P}service_area",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("service_id", sa.String(64), sa.ForeignKey(f"{P}service.id"), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("admin1", sa.String(32), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("radius_km", sa.Float(), nullable=True),
        _text("name"), _text("description"),
    )
    op.create_index(f"ix_{P}service_area_service_id", f"{P}service_area", ["service_id"])
    op.create_index(f"ix_{P}service_area_country", f"{P}service_area", ["country"])
    op.create_table(
        f"{P}location",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("location_type", sa.String(16), nullable=False),
        _text("name"),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        _text("address_1"), _text("city"), _text("region"), _text("postal_code"),
        sa.Column("country", sa.String(2), nullable=False),
    )
    op.create_table(
        f"{P}service_at_location",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("service_id", sa.String(64), sa.ForeignKey(f"{P}service.id"), nullable=False),
        sa.Column("location_id", sa.String(64), sa.ForeignKey(f"{P}location.id"), nullable=False),
    )
    op.create_index(f"ix_{P}service_at_location_service_id", f"{P}service_at_location", ["service_id"])
    op.create_table(
        f"{P}meta",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )


def _channels() -> None:
    op.create_table(
        "popbot_channel_updates",
        sa.Column("bot", sa.String(64), primary_key=True),
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_popbot_channel_updates_claimed_at", "popbot_channel_updates", ["claimed_at"])
    op.create_table(
        "popbot_channel_messages",
        sa.Column("conversation", sa.String(64), primary_key=True),
        sa.Column("message_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_popbot_channel_messages_at", "popbot_channel_messages", ["at"])


def downgrade() -> None:
    op.drop_index("ix_popbot_channel_messages_at", "popbot_channel_messages")
    op.drop_table("popbot_channel_messages")
    op.drop_index("ix_popbot_channel_updates_claimed_at", "popbot_channel_updates")
    op.drop_table("popbot_channel_updates")
    for name in ("meta", "service_at_location", "location", "service_area", "schedule", "channel",
                 "service", "organization"):
        op.drop_table(f"{P}{name}")
    for table in (
        "popbot_audit_head", "popbot_audit_log", "popbot_reply_addresses", "popbot_events",
    ):
        op.drop_table(table)
    op.drop_index("ix_popbot_conversations_key_version", "popbot_conversations")
    op.drop_table("popbot_conversations")
    op.drop_table("popbot_key_versions")
