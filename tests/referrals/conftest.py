"""Fixtures of the referral tests: real SQLite files and a real PostgreSQL schema per run."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text

from referrals.store import DirectoryStore

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def starter_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DirectoryStore]:
    """A SQLite store holding only the starter data (read-only for the tests)."""
    path = tmp_path_factory.mktemp("starter") / "directory.db"
    store = DirectoryStore(f"sqlite:///{path}")
    assert store.ensure_seeded() is True
    yield store
    store.dispose()


@pytest.fixture()
def sqlite_store(tmp_path: Path) -> Iterator[DirectoryStore]:
    store = DirectoryStore(f"sqlite:///{tmp_path / 'directory.db'}")
    yield store
    store.dispose()


@pytest.fixture()
def pg_store() -> Iterator[DirectoryStore]:
    """A store in a fresh PostgreSQL schema, dropped afterwards."""
    schema = f"referrals_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, future=True)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # pragma: no cover - no server
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is not available: {exc.__class__.__name__}")
    engine = create_engine(PG_URL, future=True, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield DirectoryStore(engine=engine)
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
