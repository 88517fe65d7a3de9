"""One database setup for every table the project owns: the engine factory, the shared
:data:`metadata`, and one Alembic history (``core/migrations``, version table
``popbot_alembic_version``).

* :func:`engine` — one engine per URL per process (SQLite file or PostgreSQL), with popbot's
  connection settings (SQLite: WAL, foreign keys, ``secure_delete``, a busy timeout);
* :func:`migrate` — bring the schema to the newest revision; safe to call from several processes
  at once (PostgreSQL advisory lock, a file lock for SQLite) and cheap to call again;
* :data:`metadata` — every package defines its tables on it (``bot.storage.db``,
  ``bot.channels.state``, ``referrals.schema``, ``bot.handoff.tables``, ``bot.console.tables``);
  the migration drift test compares it with the migrated database.

Only non-content columns are ever in clear; content columns are AES-GCM blobs (bot.storage).
"""
from __future__ import annotations

import contextlib
import os
import threading
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from core.filelock import file_lock

VERSION_TABLE = "popbot_alembic_version"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Table name prefixes the project owns (other tables in the database are not ours to compare).
OWN_PREFIXES = ("popbot_", "referral_")
#: Version tables of the separate histories before there was one (dropped after upgrading).
LEGACY_VERSION_TABLES = ("storage_alembic_version", "referrals_alembic_version")

metadata = sa.MetaData()

_engines: dict[str, Engine] = {}
_migrated: set[str] = set()
_lock = threading.Lock()


class DatabaseError(RuntimeError):
    """The database URL or schema is unusable; the message says why (never a password)."""


def is_sqlite(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "sqlite"


def owned(name: str) -> bool:
    """True for a table name the project declares (its version table is Alembic's)."""
    return name.startswith(OWN_PREFIXES) and name != VERSION_TABLE


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes for ``DateTime(timezone=True)``; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA secure_delete=ON",  # deleted rows are overwritten, not left in free pages
        "PRAGMA busy_timeout=30000",
        "PRAGMA synchronous=NORMAL",
    ):
        cursor.execute(pragma)
    cursor.close()


def make_engine(url: str) -> Engine:
    """A new engine for ``url`` (SQLite file or PostgreSQL). Prefer :func:`engine` (shared)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise DatabaseError("database URL is not a valid SQLAlchemy URL") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise DatabaseError("an in-memory SQLite database cannot be shared; use a file")
        path = Path(parsed.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # SQLite gives its -wal/-shm files the same mode
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        created = sa.create_engine(
            parsed, future=True, poolclass=sa.pool.QueuePool, pool_size=5, max_overflow=10,
            connect_args={"check_same_thread": False},
        )
        sa.event.listen(created, "connect", _sqlite_pragmas)
        return created
    if backend == "postgresql":
        return sa.create_engine(parsed, future=True, pool_pre_ping=True, pool_size=10, max_overflow=20)
    raise DatabaseError(f"unsupported database backend {backend!r} (sqlite or postgresql)")


def engine(url: str) -> Engine:
    """The process's engine for ``url`` (created on first use, migrated to the newest revision)."""
    with _lock:
        found = _engines.get(url)
        if found is None:
            found = _engines[url] = make_engine(url)
    migrate(found)
    return found


@contextlib.contextmanager
def _migration_lock(bind: Engine) -> Iterator[None]:
    """Serialise migrations between processes: advisory lock (PostgreSQL), file lock (SQLite)."""
    if bind.dialect.name == "postgresql":
        lock_id = zlib.crc32(b"popbot-migrations")
        with bind.connect() as conn:
            conn.execute(sa.text("SELECT pg_advisory_lock(:id)"), {"id": lock_id})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:id)"), {"id": lock_id})
                conn.commit()
        return
    with file_lock(f"{bind.url.database}.migrate-lock"):
        yield


def _key(bind: Engine) -> str:
    # the search_path option distinguishes PostgreSQL schemas on one server (tests)
    return f"{bind.url.render_as_string(hide_password=True)}|{bind.url.query}|{id(bind)}"


def migrate(bind: Engine) -> None:
    """Bring the schema to the newest revision (idempotent; concurrent callers wait)."""
    key = _key(bind)
    if key in _migrated:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with _migration_lock(bind):
            with bind.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                inspector = sa.inspect(conn)
                for legacy in LEGACY_VERSION_TABLES:
                    if inspector.has_table(legacy):
                        conn.execute(sa.text(f"DROP TABLE {legacy}"))
    except sa.exc.SQLAlchemyError as exc:
        raise DatabaseError(f"migrating the database failed: {exc.__class__.__name__}") from exc
    _migrated.add(key)


def current_revision(bind: Engine | Connection) -> str | None:
    """The revision the database is at (None before the first migration)."""
    from alembic.runtime.migration import MigrationContext

    def read(conn: Connection) -> str | None:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()

    if isinstance(bind, Connection):
        return read(bind)
    with bind.connect() as conn:
        return read(conn)
