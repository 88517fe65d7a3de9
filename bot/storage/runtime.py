"""The process-wide storage context: engine + key provider, opened once, fail closed.

``storage()`` opens the database named by the settings (``POPBOT_DATABASE_URL``, default
``var/popbot.db``), runs migrations, registers the key provider's newest master key version and
checks that every master key version the database uses is available. Tests build their own
:class:`Storage` with :func:`open_storage` and install it with :func:`set_storage`.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from core.settings import Settings, load_settings
from bot.storage import db
from core import db as core_db
from bot.storage.datakeys import DataKeys
from bot.storage.errors import KeyConfigError
from bot.storage.keys import MasterKeyProvider, load_key_provider


@dataclass
class Storage:
    """Everything the storage services need; one per process (or per test)."""

    engine: Engine
    keys: MasterKeyProvider
    settings: Settings
    data_keys: DataKeys = field(init=False)

    def __post_init__(self) -> None:
        self.data_keys = DataKeys(self.keys)

    def close(self) -> None:
        self.engine.dispose()


def register_key_versions(engine: Engine, provider: MasterKeyProvider) -> None:
    """Record the provider's newest version in the DB; refuse if the DB needs an absent version."""
    provider.reload()
    available = set(provider.versions())
    with engine.begin() as conn:
        registered = {v for (v,) in conn.execute(sa.select(db.key_versions.c.version))}
        newest = provider.current_version()
        if not registered or newest > max(registered):
            conn.execute(sa.insert(db.key_versions), [{"version": newest, "created_at": time.time()}])
            registered.add(newest)
        in_use = {v for (v,) in conn.execute(sa.select(db.conversations.c.key_version).distinct())}
    missing = sorted((registered | in_use) - available)
    if missing:
        raise KeyConfigError(
            f"the database uses master key version(s) {missing}, which the key provider "
            f"({provider.name}) does not have; restore them or point POPBOT_* key settings at "
            "the right keys"
        )


def open_storage(
    settings: Settings | None = None,
    *,
    database_url: str | None = None,
    provider: MasterKeyProvider | None = None,
) -> Storage:
    """Open (and migrate) the database; raises KeyConfigError/ConfigError if unusable."""
    settings = settings or load_settings()
    provider = provider or load_key_provider(settings)
    engine = core_db.make_engine(database_url or settings.database_url)
    core_db.migrate(engine)
    register_key_versions(engine, provider)
    return Storage(engine=engine, keys=provider, settings=settings)


_lock = threading.Lock()
_storage: Storage | None = None
_provider: MasterKeyProvider | None = None


def storage() -> Storage:
    """This process's storage, opened on first use."""
    global _storage
    with _lock:
        if _storage is None:
            _storage = open_storage(provider=_provider)
        return _storage


def key_provider() -> MasterKeyProvider:
    """This process's key provider, loaded on first use (no database needed)."""
    global _provider
    with _lock:
        if _storage is not None:
            return _storage.keys
        if _provider is None:
            _provider = load_key_provider(load_settings())
        return _provider


def set_storage(value: Storage | None) -> None:
    """Install ``value`` as this process's storage (tests, or an embedding server)."""
    global _storage, _provider
    with _lock:
        _storage = value
        _provider = value.keys if value is not None else None
