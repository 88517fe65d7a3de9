"""Master key rotation: new version, every data key rewrapped, old versions retired.

Resumable by construction: data keys are rewrapped in small committed batches and an old
version is retired only once no row uses it (the database refuses to delete a key-version row
that a conversation still references), and only then is its key material destroyed. Running
:func:`rotate` again after an interruption finishes the started rotation instead of starting a
new one. Nothing becomes unreadable at any point.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import sqlalchemy as sa

from bot.storage import crypto, db
from bot.storage.errors import KeyConfigError, StorageError
from bot.storage.runtime import Storage

_conv, _kv = db.conversations, db.key_versions


@dataclass
class RotationReport:
    current_version: int
    started_new: bool
    rewrapped: int = 0
    retired: list[int] = field(default_factory=list)
    #: Versions the provider cannot destroy itself (environment keys): remove them by hand.
    retire_manually: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class KeyStatus:
    provider: str
    generated: bool
    available_versions: list[int]
    registered_versions: list[int]
    current_version: int
    conversations_per_version: dict[int, int]

    @property
    def rotation_pending(self) -> bool:
        old_rows = any(v < self.current_version and n for v, n in self.conversations_per_version.items())
        old_versions = any(v < self.current_version for v in self.registered_versions)
        return old_rows or old_versions


def status(store: Storage) -> KeyStatus:
    """Versions available, registered and in use (no secret is returned)."""
    store.keys.reload()
    with store.engine.connect() as conn:
        registered = sorted(conn.execute(sa.select(_kv.c.version)).scalars())
        counts = dict(
            conn.execute(sa.select(_conv.c.key_version, sa.func.count()).group_by(_conv.c.key_version)).all()
        )
    return KeyStatus(
        provider=store.keys.name,
        generated=store.keys.generated,
        available_versions=store.keys.versions(),
        registered_versions=registered,
        current_version=max(registered) if registered else 0,
        conversations_per_version={int(v): int(n) for v, n in counts.items()},
    )


def _rewrap_batch(store: Storage, current: int, batch_size: int) -> int:
    with store.engine.begin() as conn:
        rows = conn.execute(
            sa.select(_conv.c.conversation_id, _conv.c.key_version, _conv.c.wrapped_key)
            .where(_conv.c.key_version < current)
            .order_by(_conv.c.conversation_id)
            .limit(batch_size)
        ).all()
        for row in rows:
            aad = crypto.data_key_aad(row.conversation_id)
            data_key = store.keys.unwrap(row.key_version, bytes(row.wrapped_key), aad)
            _, blob = store.keys.wrap(data_key, aad, version=current)
            conn.execute(
                sa.update(_conv)
                .where(
                    _conv.c.conversation_id == row.conversation_id,
                    _conv.c.key_version == row.key_version,
                )
                .values(key_version=current, wrapped_key=blob)
            )
    return len(rows)


def _retire_registered(store: Storage, current: int) -> list[int]:
    """Delete old key-version rows no conversation uses; returns the versions deleted."""
    retired = []
    with store.engine.connect() as conn:
        old = list(conn.execute(sa.select(_kv.c.version).where(_kv.c.version < current)).scalars())
    for version in old:
        try:
            with store.engine.begin() as conn:
                conn.execute(sa.delete(_kv).where(_kv.c.version == version))
        except sa.exc.IntegrityError:
            continue  # a conversation was wrapped under it meanwhile: rewrap again
        retired.append(version)
    return retired


def rotate(
    store: Storage,
    *,
    batch_size: int = 200,
    on_batch: Callable[[int], None] | None = None,
    start_new: bool = True,
) -> RotationReport:
    """Rotate (or finish an interrupted rotation). ``on_batch(n)`` is called after each batch.

    ``start_new=False`` only finishes pending work (used after erasure when nothing is pending).
    """
    before = status(store)
    current = before.current_version
    pending_files = [v for v in store.keys.versions() if v < current and v not in before.registered_versions]
    report = RotationReport(current_version=current, started_new=False)
    if not before.rotation_pending and not pending_files and start_new:
        if store.keys.writable:
            new_version = store.keys.rotate()
        else:
            new_version = store.keys.current_version()
            if new_version <= current:
                store.keys.rotate()  # raises KeyConfigError with instructions
        with store.engine.begin() as conn:
            conn.execute(sa.insert(_kv).values(version=new_version, created_at=time.time()))
        current = report.current_version = new_version
        report.started_new = True

    for _attempt in range(100):
        while True:
            done = _rewrap_batch(store, current, batch_size)
            if not done:
                break
            report.rewrapped += done
            if on_batch is not None:
                on_batch(done)
        report.retired += _retire_registered(store, current)
        with store.engine.connect() as conn:
            remaining = conn.execute(sa.select(sa.func.count()).select_from(_kv).where(_kv.c.version < current)).scalar()
        if not remaining:
            break
    else:  # pragma: no cover - only under a sustained race with key-version writers
        raise StorageError("rotation could not retire old key versions; run `popbot keys rotate` again")

    for version in store.keys.versions():
        if version < current:
            if store.keys.retire(version):
                if version not in report.retired:
                    report.retired.append(version)
            else:
                report.retire_manually.append(version)
    report.retired.sort()
    return report


__all__ = ["rotate", "status", "RotationReport", "KeyStatus", "KeyConfigError"]
