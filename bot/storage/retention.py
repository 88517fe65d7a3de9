"""Retention: conversations idle longer than ``retention_days`` are crypto-shredded and deleted.

A conversation's age is the time of its newest event (event timestamps are stored in clear),
or the creation of its data key if it has no event. ``retention_days`` comes from
``POPBOT_RETENTION_DAYS`` (default 90; ``0`` disables retention). Each erasure is audited with
actor ``popbot-retention``; afterwards the master key is rotated so pre-erasure copies of the
database become unreadable too (when the key provider can rotate; see SECURITY.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from bot.storage import audit, db
from bot.storage.conversations import shred
from bot.storage.errors import KeyConfigError
from bot.storage.rotation import RotationReport, rotate
from bot.storage.runtime import Storage

RETENTION_ACTOR = "popbot-retention"


@dataclass
class RetentionReport:
    cutoff: datetime | None
    erased: list[str] = field(default_factory=list)
    rotation: RotationReport | None = None
    #: Why the master key could not be rotated afterwards (read-only provider), if so.
    rotation_skipped: str | None = None


def expired(store: Storage, cutoff: datetime) -> list[str]:
    """Ids of conversations whose newest activity is before ``cutoff``."""
    limit = cutoff.timestamp()
    ev, conv = db.events, db.conversations
    with store.engine.connect() as conn:
        last_event = (
            sa.select(ev.c.conversation_id.label("cid"), sa.func.max(ev.c.timestamp).label("last"))
            .group_by(ev.c.conversation_id)
            .subquery()
        )
        with_key = conn.execute(
            sa.select(conv.c.conversation_id)
            .select_from(conv.outerjoin(last_event, last_event.c.cid == conv.c.conversation_id))
            .where(sa.func.coalesce(last_event.c.last, conv.c.created_at) < limit)
        ).scalars()
        orphans = conn.execute(  # events whose key is already gone (an interrupted erasure)
            sa.select(last_event.c.cid).where(
                ~sa.exists().where(conv.c.conversation_id == last_event.c.cid)
            )
        ).scalars()
        return sorted(set(with_key) | set(orphans))


def run_retention(
    store: Storage, *, days: int | None = None, now: datetime | None = None, rotate_keys: bool = True
) -> RetentionReport:
    """Erase every conversation idle for more than ``days`` (default: the setting)."""
    days = store.settings.retention_days if days is None else days
    if days == 0:
        return RetentionReport(cutoff=None)
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    report = RetentionReport(cutoff=now - timedelta(days=days))
    for conversation in expired(store, report.cutoff):
        with store.engine.begin() as conn:
            audit.append(conn, store, RETENTION_ACTOR, "erase", conversation, f"retention: idle over {days} days")
            shred(conn, store, conversation)
        report.erased.append(conversation)
    if report.erased and rotate_keys:
        try:
            report.rotation = rotate(store)
        except KeyConfigError as exc:
            report.rotation_skipped = str(exc)
    return report
