"""Referral directory: HSDS subset + helpline extensions.

Revision ID: referrals_0001
Revises:
Create Date: 2026-11-28
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "referrals_0001"
down_revision = None
branch_labels = ("referrals",)
depends_on = None

P = "referral_"


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=False)


def upgrade() -> None:
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


def downgrade() -> None:
    for name in ("meta", "service_at_location", "location", "service_area", "schedule", "channel",
                 "service", "organization"):
        op.drop_table(f"{P}{name}")
