"""Fixtures: a real SQLite file and a real PostgreSQL schema, file keys in a temp directory."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from core.settings import Settings, load_settings
from bot.storage import runtime
from bot.storage.keys import FileKeyProvider
from bot.storage.runtime import Storage, open_storage

@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"POPBOT_VAR_DIR": str(tmp_path / "var")})


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'popbot.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'popbot.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def key_dir(tmp_path: Path) -> Path:
    return tmp_path / "var" / "keys"


@pytest.fixture
def storage(settings: Settings, database_url: str, key_dir: Path) -> Iterator[Storage]:
    store = open_storage(settings, database_url=database_url, provider=FileKeyProvider(key_dir, generate=True))
    runtime.set_storage(store)
    try:
        yield store
    finally:
        runtime.set_storage(None)
        store.close()
