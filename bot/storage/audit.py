"""Tamper-evident audit log: who read, exported or erased which conversation, when and why.

Entries are appended to ``popbot_audit_log`` with ``hash = HMAC-SHA256(audit key, seq, at, actor,
action, conversation, reason, prev_hash)`` chained through ``prev_hash``. The audit key is the
key provider's stable ``"audit"`` secret, so someone with database access alone cannot rewrite
the chain. Appends are serialised on the chain-head row (``SELECT ... FOR UPDATE`` on
PostgreSQL, a write lock taken by the first statement on SQLite), so concurrent writers cannot
fork the chain. Entries never hold content.
"""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.storage import db
from bot.storage.errors import AuditChainError
from bot.storage.runtime import Storage, storage as default_storage

#: Actions an entry may record (the handoff's counselor actions included, bot/handoff/service.py;
#: ``queue``: someone looked at the queue — no content, at most once a minute per person).
ACTIONS = frozenset({
    "read", "export", "erase",
    "claim", "reply", "transfer", "release", "return", "close", "note", "reassign", "queue",
})
_log, _head = db.audit_log, db.audit_head


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    conversation_id: str
    reason: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditProblem:
    """One finding of :func:`verify`: ``kind`` says what happened to entry ``seq``."""

    seq: int
    kind: Literal["edited", "deleted", "reordered", "head"]
    detail: str

    def __str__(self) -> str:
        return f"entry {self.seq}: {self.kind}: {self.detail}"


def _mac(key: bytes, seq: int, at: str, actor: str, action: str, conversation_id: str, reason: str, prev: str) -> str:
    message = json.dumps([seq, at, actor, action, conversation_id, reason, prev], ensure_ascii=False)
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def _check(field: str, value: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"audit {field} must be a non-empty string")
    if len(value) > limit:
        raise ValueError(f"audit {field} is longer than {limit} characters")
    return value.strip()


def append(conn: Connection, store: Storage, actor: str, action: str, conversation: str, reason: str) -> AuditEntry:
    """Append one entry inside the caller's transaction ``conn`` (locks the chain head)."""
    actor = _check("actor", actor, 255)
    conversation = _check("conversation", conversation, 255)
    reason = _check("reason", reason, 2000)
    if action not in ACTIONS:
        raise ValueError(f"audit action must be one of {sorted(ACTIONS)}, not {action!r}")
    if db.is_sqlite(conn):
        # The first statement writes, so SQLite takes its write lock before anything is read.
        conn.execute(sa.update(_head).where(_head.c.id == 1).values(seq=_head.c.seq))
    head = conn.execute(sa.select(_head.c.seq, _head.c.hash).where(_head.c.id == 1).with_for_update()).first()
    if head is None:
        raise AuditChainError("audit chain head row is missing; run `popbot audit verify`")
    seq = head.seq + 1
    at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    digest = _mac(store.keys.secret("audit"), seq, at, actor, action, conversation, reason, head.hash)
    conn.execute(
        sa.insert(_log).values(
            seq=seq, at=at, actor=actor, action=action, conversation_id=conversation,
            reason=reason, prev_hash=head.hash, hash=digest,
        )
    )
    conn.execute(sa.update(_head).where(_head.c.id == 1).values(seq=seq, hash=digest))
    return AuditEntry(seq, at, actor, action, conversation, reason, head.hash, digest)


def record_access(
    actor: str, action: str, conversation: str, reason: str, *, storage: Storage | None = None
) -> AuditEntry:
    """Append an audit entry in its own transaction and return it."""
    store = storage or default_storage()
    with store.engine.begin() as conn:
        return append(conn, store, actor, action, conversation, reason)


def entries(storage: Storage | None = None) -> list[AuditEntry]:
    """Every entry, in chain order."""
    store = storage or default_storage()
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(_log).order_by(_log.c.seq)).all()
    return [AuditEntry(r.seq, r.at, r.actor, r.action, r.conversation_id, r.reason, r.prev_hash, r.hash) for r in rows]


def head(storage: Storage | None = None) -> tuple[int, str]:
    """``(seq, hash)`` of the chain head; record it elsewhere to detect a rewritten tail later."""
    store = storage or default_storage()
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).first()
    if row is None:
        raise AuditChainError("audit chain head row is missing")
    return row.seq, row.hash


def verify(storage: Storage | None = None) -> list[AuditProblem]:
    """Check the whole chain; an empty list means intact. Each problem names its entry."""
    store = storage or default_storage()
    key = store.keys.secret("audit")
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(_log).order_by(_log.c.id)).all()
        head_row = conn.execute(sa.select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).first()
    problems: list[AuditProblem] = []

    # Reordering: insertion order (row id) must follow seq order.
    highest = 0
    for row in rows:
        if row.seq < highest:
            problems.append(AuditProblem(row.seq, "reordered", f"stored after entry {highest}"))
        highest = max(highest, row.seq)

    expected_seq, prev_hash = 1, db.GENESIS_HASH
    for row in sorted(rows, key=lambda r: r.seq):
        for missing in range(expected_seq, row.seq):
            problems.append(AuditProblem(missing, "deleted", "missing from the chain"))
        recomputed = _mac(key, row.seq, row.at, row.actor, row.action, row.conversation_id, row.reason, row.prev_hash)
        if not hmac.compare_digest(recomputed, row.hash):
            problems.append(AuditProblem(row.seq, "edited", "content does not match its hash"))
        elif row.prev_hash != prev_hash and expected_seq == row.seq:
            problems.append(AuditProblem(row.seq, "edited", "does not link to the previous entry"))
        expected_seq, prev_hash = row.seq + 1, row.hash

    last_seq = expected_seq - 1
    if head_row is None:
        problems.append(AuditProblem(last_seq, "head", "chain head row is missing"))
    elif head_row.seq > last_seq:
        for missing in range(last_seq + 1, head_row.seq + 1):
            problems.append(AuditProblem(missing, "deleted", "missing from the end of the chain"))
    elif head_row.seq != last_seq or head_row.hash != prev_hash:
        problems.append(AuditProblem(last_seq, "head", "chain head does not match the last entry"))
    return sorted(problems, key=lambda p: (p.seq, p.kind))
