"""Database schema (SQLAlchemy Core), engine set-up and migrations of the storage package.

Only non-content columns are in clear: conversation pseudonyms, event type, event timestamp,
row ids, key versions, audit metadata. Every content column is an AES-GCM blob.
The schema is created by Alembic (``bot/storage/migrations``, version table
``storage_alembic_version``); :data:`metadata` mirrors it for queries and drift tests.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import zlib
from pathlib import Path
from typing import Any, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

VERSION_TABLE = "storage_alembic_version"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
GENESIS_HASH = "0" * 64

metadata = sa.MetaData()

key_versions = sa.Table(
    "popbot_key_versions",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

conversations = sa.Table(
    "popbot_conversations",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column(
        "key_version",
        sa.Integer,
        sa.ForeignKey("popbot_key_versions.version", name="fk_popbot_conversations_key_version"),
        nullable=False,
        index=True,
    ),
    sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

events = sa.Table(
    "popbot_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type_name", sa.String(64), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.UniqueConstraint("conversation_id", "seq", name="uq_popbot_events_conversation_seq"),
)

reply_addresses = sa.Table(
    "popbot_reply_addresses",
    metadata,
    sa.Column("pseudonym", sa.String(255), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
)

audit_log = sa.Table(
    "popbot_audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seq", sa.Integer, nullable=False, unique=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

audit_head = sa.Table(
    "popbot_audit_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)


def is_sqlite(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "sqlite"


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
    """An engine for ``url`` (SQLite file or PostgreSQL), with popbot's connection settings."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise ValueError("database URL is not a valid SQLAlchemy URL") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():  # SQLite gives its -wal/-shm files the same mode
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        engine = sa.create_engine(
            parsed, future=True, poolclass=sa.pool.QueuePool, pool_size=5, max_overflow=10,
            connect_args={"check_same_thread": False},
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    elif parsed.get_backend_name() == "postgresql":
        engine = sa.create_engine(parsed, future=True, pool_pre_ping=True, pool_size=10, max_overflow=20)
    else:
        raise ValueError(f"unsupported database backend {parsed.get_backend_name()!r} (sqlite or postgresql)")
    return engine


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection | None]:
    """Serialise migrations between processes: advisory lock (PostgreSQL), file lock (SQLite)."""
    if engine.dialect.name == "postgresql":
        lock_id = zlib.crc32(b"popbot-storage-migrations")
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_advisory_lock(:id)"), {"id": lock_id})
            conn.commit()
            try:
                yield conn
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:id)"), {"id": lock_id})
                conn.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield None
        return
    fd = os.open(f"{database}.migrate-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield None
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def migrate(engine: Engine) -> None:
    """Bring the storage schema to the newest Alembic revision (safe to call concurrently)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with _migration_lock(engine):
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
