"""Make Rasa fail closed about conversation storage (docs/design.md, invariants 4 and 6).

The patches themselves live in :mod:`core.rasa_compat`; this module is the storage policy:

* a tracker store type that cannot be loaded raises :class:`StorageGuardError`;
* ``Agent`` refuses any tracker store that is not an :class:`EncryptedTrackerStore`
  (so a missing/typo'd ``endpoints.yml`` stops the server instead of storing in memory);
* Rasa's ``configure_structlog`` is replaced by ``core.logs.configure_structlog``;
* the agent uses the store directly (no ``FailSafeTrackerStore``): a failed save raises out of
  ``MessageProcessor.handle_message`` and the input channel reacts (spool, non-2xx).

Call order in ``bot.server`` (before Rasa builds its agent)::

    from bot.storage import rasa_guards
    rasa_guards.install()
    rasa_guards.check_endpoints("endpoints.yml")   # optional early, clear failure

:func:`install` is idempotent.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from core import rasa_compat

TRACKER_STORE_TYPE = "bot.storage.tracker_store.EncryptedTrackerStore"
LOCK_STORE_TYPE = "bot.storage.lock_store.ConversationLockStore"
_HINT = (
    f"Set `tracker_store: type: {TRACKER_STORE_TYPE}` in endpoints.yml and pass --endpoints endpoints.yml"
)


#: Rasa would store conversations somewhere other than the encrypted store (a ConfigError).
StorageGuardError = rasa_compat.TrackerStoreGuardError


def require_encrypted(store: Any) -> Any:
    """Return the EncryptedTrackerStore inside ``store``; raise StorageGuardError otherwise."""
    from bot.storage.tracker_store import EncryptedTrackerStore

    return rasa_compat.require_store(store, EncryptedTrackerStore, _HINT)


def install() -> None:
    """Patch Rasa (idempotent): no in-memory fallback, no swallowed save errors, no content logs."""
    from bot.storage.tracker_store import EncryptedTrackerStore

    rasa_compat.check_versions()
    rasa_compat.patch_structlog()
    rasa_compat.guard_tracker_store(EncryptedTrackerStore, _HINT)


def uninstall() -> None:
    """Undo the tracker store guard (tests only; a server never uninstalls)."""
    rasa_compat.unguard_tracker_store()


def check_endpoints(path: str | Path) -> None:
    """Fail early with a clear message unless ``path`` configures the encrypted tracker store and
    popbot's conversation lock store."""
    import yaml

    path = Path(path)
    try:
        config = yaml.safe_load(path.read_text()) or {}
    except FileNotFoundError:
        raise StorageGuardError(f"{path}: not found; it must configure the tracker store") from None
    except yaml.YAMLError as exc:
        raise StorageGuardError(f"{path}: invalid YAML ({exc.__class__.__name__})") from None
    store = config.get("tracker_store") if isinstance(config, dict) else None
    found = store.get("type") if isinstance(store, dict) else None
    if found != TRACKER_STORE_TYPE:
        raise StorageGuardError(
            f"{path}: tracker_store.type is {found!r}; it must be {TRACKER_STORE_TYPE!r}"
        )
    if isinstance(config, dict) and config.get("event_broker"):
        raise StorageGuardError(f"{path}: event_broker would publish plaintext events; remove it")
    lock = config.get("lock_store") if isinstance(config, dict) else None
    found = lock.get("type") if isinstance(lock, dict) else None
    if found != LOCK_STORE_TYPE:
        why = " (Rasa's Redis lock store lets two replicas hold one conversation, rasa#9213)" if found == "redis" else ""
        raise StorageGuardError(f"{path}: lock_store.type is {found!r}; it must be {LOCK_STORE_TYPE!r}{why}")
