"""One database setup: one Alembic history creates exactly the tables the code declares."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from core import db

# Every module that declares tables on core.db.metadata.
import bot.channels.state  # noqa: F401,E402
import bot.console.tables  # noqa: F401,E402
import bot.handoff.tables  # noqa: F401,E402
import bot.storage.db  # noqa: F401,E402
import referrals.schema  # noqa: F401,E402


def owned_tables(engine: sa.engine.Engine) -> set[str]:
    return {t for t in sa.inspect(engine).get_table_names() if db.owned(t)}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'popbot.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_migrations_match_the_declared_tables(url: str) -> None:
    engine = db.make_engine(url)
    try:
        db.migrate(engine)
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"include_name": lambda n, t, p: t != "table" or db.owned(str(n))}),
                db.metadata,
            )
        assert diff == []
        assert owned_tables(engine) == set(db.metadata.tables)
        assert db.current_revision(engine) is not None
        assert "popbot_alembic_version" in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_migrate_is_idempotent_and_upgrades_legacy_databases(tmp_path: Path) -> None:
    """A database made by the earlier separate histories gets the one history without losing rows."""
    url = f"sqlite:///{tmp_path / 'legacy.db'}"
    legacy = db.make_engine(url)
    db.metadata.create_all(legacy)
    with legacy.begin() as conn:
        conn.execute(sa.text("CREATE TABLE storage_alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(sa.text("INSERT INTO storage_alembic_version VALUES ('0001')"))
        conn.execute(sa.insert(bot.storage.db.key_versions).values(version=1, created_at=1.0))
    legacy.dispose()

    engine = db.make_engine(url)
    try:
        db.migrate(engine)
        db.migrate(engine)
        names = set(sa.inspect(engine).get_table_names())
        assert "storage_alembic_version" not in names
        assert owned_tables(engine) == set(db.metadata.tables)
        with engine.connect() as conn:
            assert conn.execute(sa.select(bot.storage.db.key_versions.c.version)).scalars().all() == [1]
    finally:
        engine.dispose()


def test_unusable_urls_are_refused_clearly() -> None:
    with pytest.raises(db.DatabaseError, match="not a valid SQLAlchemy URL"):
        db.make_engine("not a url")
    with pytest.raises(db.DatabaseError, match="unsupported database backend 'mysql'"):
        db.make_engine("mysql://root@localhost/test")
    with pytest.raises(db.DatabaseError, match="in-memory SQLite"):
        db.make_engine("sqlite://")


def test_shared_engine_is_one_per_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    assert db.engine(url) is db.engine(url)
    assert owned_tables(db.engine(url)) == set(db.metadata.tables)
