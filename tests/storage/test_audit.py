"""Hash-chained audit log: verification names edited/deleted/reordered entries; no forks."""
from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from bot.storage import audit, db
from bot.storage.audit import AuditProblem
from bot.storage.runtime import Storage


def _fill(storage: Storage, n: int = 5) -> None:
    for i in range(1, n + 1):
        audit.record_access(f"counselor{i}", "read", f"conv-{i}", f"case {i}", storage=storage)


def test_intact_chain_verifies(storage: Storage) -> None:
    _fill(storage)
    entries = audit.entries(storage)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == db.GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:]))
    assert audit.head(storage) == (5, entries[-1].hash)
    assert audit.verify(storage) == []


def test_edit_detected(storage: Storage) -> None:
    _fill(storage)
    with storage.engine.begin() as conn:
        conn.execute(sa.update(db.audit_log).where(db.audit_log.c.seq == 3).values(actor="somebody else"))
    assert audit.verify(storage) == [AuditProblem(3, "edited", "content does not match its hash")]


def test_delete_detected(storage: Storage) -> None:
    _fill(storage)
    with storage.engine.begin() as conn:
        conn.execute(sa.delete(db.audit_log).where(db.audit_log.c.seq == 2))
    problems = audit.verify(storage)
    assert problems == [AuditProblem(2, "deleted", "missing from the chain")]


def test_tail_delete_detected(storage: Storage) -> None:
    _fill(storage)
    with storage.engine.begin() as conn:
        conn.execute(sa.delete(db.audit_log).where(db.audit_log.c.seq >= 4))
    assert audit.verify(storage) == [
        AuditProblem(4, "deleted", "missing from the end of the chain"),
        AuditProblem(5, "deleted", "missing from the end of the chain"),
    ]


def test_reorder_detected(storage: Storage) -> None:
    _fill(storage)
    cols = [c for c in db.audit_log.c if c.name != "id"]
    with storage.engine.begin() as conn:
        rows = {r.seq: r for r in conn.execute(sa.select(db.audit_log))}
        two, four = rows[2], rows[4]
        conn.execute(sa.update(db.audit_log).where(db.audit_log.c.id == two.id).values({c.name: four._mapping[c.name] for c in cols}).values(seq=-1))
        conn.execute(sa.update(db.audit_log).where(db.audit_log.c.id == four.id).values({c.name: two._mapping[c.name] for c in cols}))
        conn.execute(sa.update(db.audit_log).where(db.audit_log.c.id == two.id).values(seq=4))
    problems = audit.verify(storage)
    assert problems == [
        AuditProblem(2, "reordered", "stored after entry 4"),
        AuditProblem(3, "reordered", "stored after entry 4"),
    ]


def test_forged_entry_without_key_detected(storage: Storage) -> None:
    """Someone with DB access recomputes a plain SHA-256: fails, the chain is keyed."""
    import hashlib

    _fill(storage, 1)
    with storage.engine.begin() as conn:
        conn.execute(
            sa.update(db.audit_log).where(db.audit_log.c.seq == 1).values(
                reason="nothing", hash=hashlib.sha256(b"forged").hexdigest()
            )
        )
        conn.execute(sa.update(db.audit_head).values(hash=hashlib.sha256(b"forged").hexdigest()))
    assert [(p.seq, p.kind) for p in audit.verify(storage)] == [(1, "edited")]


def test_bad_input_refused(storage: Storage) -> None:
    with pytest.raises(ValueError, match="audit action must be one of"):
        audit.record_access("a", "peek", "conv", "why", storage=storage)
    with pytest.raises(ValueError, match="audit actor must be a non-empty string"):
        audit.record_access("", "read", "conv", "why", storage=storage)


def test_concurrent_appends_do_not_fork(storage: Storage, settings) -> None:
    from bot.storage.runtime import Storage as StorageClass

    writers, per_writer = 6, 15
    errors: list[BaseException] = []
    barrier = threading.Barrier(writers)

    def work(index: int) -> None:
        engine = db.make_engine(str(storage.engine.url.render_as_string(hide_password=False)))
        own = StorageClass(engine=engine, keys=storage.keys, settings=settings)
        try:
            barrier.wait()
            for j in range(per_writer):
                audit.record_access(f"w{index}", "read", f"conv-{index}-{j}", "load", storage=own)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    entries = audit.entries(storage)
    assert [e.seq for e in entries] == list(range(1, writers * per_writer + 1))
    assert audit.verify(storage) == []
