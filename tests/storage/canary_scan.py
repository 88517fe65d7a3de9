"""Reusable canary search: the forms a secret can take in bytes, and a PostgreSQL dump.

For the full-server canary: run the server with ``POPBOT_VAR_DIR`` and ``POPBOT_DATABASE_URL``
pointing at a temporary directory / schema, send messages carrying unique canaries, then search
``needles(...)`` in every file under the var dir (``popbot.db``, ``-wal``, ``-shm``), in
``postgres_dump(engine)`` and in the captured stdout/stderr of every process.
"""
from __future__ import annotations

import json
import subprocess

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.storage import db


def needles(*values: str) -> list[bytes]:
    found: list[bytes] = []
    for value in values:
        found += [value.encode("utf-8"), json.dumps(value).strip('"').encode(), value.encode("utf-16-le")]
    return found


def postgres_dump(engine: Engine) -> bytes:
    """Every row of every storage table as text, plus a pg_dump of the test schema."""
    parts: list[bytes] = []
    with engine.connect() as conn:
        schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
        for table in db.metadata.sorted_tables:
            for row in conn.execute(sa.text(f"SELECT t::text FROM {table.name} t")).scalars():
                parts.append(row.encode("utf-8"))
            for row in conn.execute(sa.select(table)).all():
                parts.extend(bytes(v) for v in row if isinstance(v, (bytes, memoryview)))
    assert parts, "no rows dumped"
    dump = subprocess.run(
        ["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-n", schema, "--data-only"],
        check=True, capture_output=True,
    ).stdout
    assert b"popbot_events" in dump
    return b"\n".join(parts) + dump
