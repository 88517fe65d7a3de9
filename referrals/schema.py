"""Database tables of the directory (SQLAlchemy Core). Every name starts with ``referral_`` so
the tables live beside the other modules' tables in the same database. popbot's one Alembic
history (``core/migrations``) creates exactly these (a test compares them)."""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, Date, Float, ForeignKey, Index, Integer, String, Table, Text,
)

from core.db import metadata

PREFIX = "referral_"

organization = Table(
    f"{PREFIX}organization", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("email", Text, nullable=False, default=""),
    Column("website", Text, nullable=False, default=""),
)

service = Table(
    f"{PREFIX}service", metadata,
    Column("id", String(64), primary_key=True),
    Column("organization_id", String(64), ForeignKey(f"{PREFIX}organization.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("alternate_name", Text, nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("email", Text, nullable=False, default=""),
    Column("status", String(32), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("time_zone", String(64), nullable=False),
    Column("minimum_age", Integer, nullable=True),
    Column("maximum_age", Integer, nullable=True),
    Column("topics", Text, nullable=False, default=""),
    Column("languages", Text, nullable=False, default=""),
    Column("free_of_charge", Boolean, nullable=False),
    Column("anonymous", Boolean, nullable=False),
    Column("child_specific", Boolean, nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("verified", Date, nullable=True),
    Column("starter", Boolean, nullable=False),
)

channel = Table(
    f"{PREFIX}channel", metadata,
    Column("id", String(64), primary_key=True),
    Column("service_id", String(64), ForeignKey(f"{PREFIX}service.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("languages", Text, nullable=False, default=""),
    Index(f"ix_{PREFIX}channel_service_id", "service_id"),
)

schedule = Table(
    f"{PREFIX}schedule", metadata,
    Column("id", String(64), primary_key=True),
    Column("service_id", String(64), ForeignKey(f"{PREFIX}service.id"), nullable=False),
    Column("channel_id", String(64), ForeignKey(f"{PREFIX}channel.id"), nullable=True),
    Column("byday", String(32), nullable=False),
    Column("opens", Integer, nullable=False),
    Column("closes", Integer, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Index(f"ix_{PREFIX}schedule_service_id", "service_id"),
)

service_area = Table(
    f"{PREFIX}service_area", metadata,
    Column("id", String(64), primary_key=True),
    Column("service_id", String(64), ForeignKey(f"{PREFIX}service.id"), nullable=False),
    Column("country", String(2), nullable=False),
    Column("admin1", String(32), nullable=True),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("radius_km", Float, nullable=True),
    Column("name", Text, nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Index(f"ix_{PREFIX}service_area_service_id", "service_id"),
    Index(f"ix_{PREFIX}service_area_country", "country"),
)

location = Table(
    f"{PREFIX}location", metadata,
    Column("id", String(64), primary_key=True),
    Column("location_type", String(16), nullable=False),
    Column("name", Text, nullable=False, default=""),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("address_1", Text, nullable=False, default=""),
    Column("city", Text, nullable=False, default=""),
    Column("region", Text, nullable=False, default=""),
    Column("postal_code", Text, nullable=False, default=""),
    Column("country", String(2), nullable=False, default=""),
)

service_at_location = Table(
    f"{PREFIX}service_at_location", metadata,
    Column("id", String(64), primary_key=True),
    Column("service_id", String(64), ForeignKey(f"{PREFIX}service.id"), nullable=False),
    Column("location_id", String(64), ForeignKey(f"{PREFIX}location.id"), nullable=False),
    Index(f"ix_{PREFIX}service_at_location_service_id", "service_id"),
)

#: One row ``("generation", n)``: bumped by every write so caches know to reload.
meta = Table(
    f"{PREFIX}meta", metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Integer, nullable=False),
)

#: Children first: the order in which rows are deleted.
DELETE_ORDER = (schedule, channel, service_area, service_at_location, service, location, organization)
