"""Fixtures of the referral tests: real SQLite files and a real PostgreSQL schema per run."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from referrals.store import DirectoryStore


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
def pg_store(pg_url: str) -> Iterator[DirectoryStore]:
    """A store in a fresh PostgreSQL schema, dropped afterwards."""
    store = DirectoryStore(pg_url)
    try:
        yield store
    finally:
        store.dispose()