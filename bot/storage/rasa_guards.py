"""Make Rasa fail closed about conversation storage (DESIGN.md invariants 4 and 6).

Rasa 3.6 silently replaces a custom tracker store it cannot import by an ``InMemoryTrackerStore``
(``_load_from_module_name_in_endpoint_config``) and wraps every store in a
``FailSafeTrackerStore`` that logs save errors and keeps the conversation only in memory.
:func:`install` patches both, before Rasa builds its agent:

* a tracker store type that cannot be loaded raises :class:`StorageGuardError`;
* ``Agent`` refuses any tracker store that is not an :class:`EncryptedTrackerStore`
  (so a missing/typo'd ``endpoints.yml`` stops the server instead of storing in memory);
* Rasa's ``configure_structlog`` is replaced by ``bot.logs.configure_structlog``;
* the agent uses the store directly (no ``FailSafeTrackerStore``): a failed save raises out of
  ``MessageProcessor.handle_message`` and the input channel answers non-2xx, so the platform
  redelivers the message.

Call order in ``bot.server`` (before ``rasa.run``/``rasa.__main__.main``)::

    from bot.storage import rasa_guards
    rasa_guards.install()
    rasa_guards.check_endpoints("endpoints.yml")   # optional early, clear failure

:func:`install` is idempotent.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from bot.settings import ConfigError

TRACKER_STORE_TYPE = "bot.storage.tracker_store.EncryptedTrackerStore"
_installed = False
_originals: dict[str, Any] = {}


class StorageGuardError(ConfigError):
    """Rasa would store conversations somewhere other than the encrypted store."""


def _unwrap(store: Any) -> Any:
    from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore

    while isinstance(store, (AwaitableTrackerStore, FailSafeTrackerStore)):
        store = store._tracker_store
    return store


def require_encrypted(store: Any) -> Any:
    """Return the EncryptedTrackerStore inside ``store``; raise StorageGuardError otherwise."""
    from bot.storage.tracker_store import EncryptedTrackerStore

    inner = _unwrap(store)
    if not isinstance(inner, EncryptedTrackerStore):
        found = "none" if store is None else type(inner).__name__
        raise StorageGuardError(
            f"refusing to start: the tracker store is {found}, not EncryptedTrackerStore. "
            f"Set `tracker_store: type: {TRACKER_STORE_TYPE}` in endpoints.yml and pass "
            "--endpoints endpoints.yml"
        )
    return inner


def install() -> None:
    """Patch Rasa (idempotent): no in-memory fallback, no swallowed save errors."""
    global _installed
    if _installed:
        return
    import rasa.core.tracker_store as rasa_tracker_store
    from rasa.core.agent import Agent
    from rasa.shared.core.domain import Domain

    def load_custom_store(domain: Domain, store: Any, event_broker: Any = None) -> Any:
        import rasa.shared.utils.common

        try:
            cls = rasa.shared.utils.common.class_from_module_path(store.type)
        except (AttributeError, ImportError) as exc:
            raise StorageGuardError(
                f"endpoints.yml tracker_store.type {store.type!r} cannot be loaded "
                f"({exc.__class__.__name__}); refusing to fall back to memory"
            ) from exc
        return cls(host=store.url, domain=domain, event_broker=event_broker, **store.kwargs)

    def create_tracker_store(store: Optional[Any], domain: Domain) -> Any:
        inner = require_encrypted(store)
        inner.domain = domain
        return inner

    _originals["load"] = rasa_tracker_store._load_from_module_name_in_endpoint_config
    _originals["create"] = Agent.__dict__["_create_tracker_store"]
    rasa_tracker_store._load_from_module_name_in_endpoint_config = load_custom_store
    Agent._create_tracker_store = staticmethod(create_tracker_store)
    from bot.logs import patch_rasa

    patch_rasa()  # Rasa's configure_structlog would render message text: use popbot's
    _installed = True


def uninstall() -> None:
    """Undo :func:`install` (tests only; a server never uninstalls)."""
    global _installed
    if not _installed:
        return
    import rasa.core.tracker_store as rasa_tracker_store
    from rasa.core.agent import Agent

    rasa_tracker_store._load_from_module_name_in_endpoint_config = _originals.pop("load")
    Agent._create_tracker_store = _originals.pop("create")
    _installed = False


def check_endpoints(path: str | Path) -> None:
    """Fail early with a clear message unless ``path`` configures the encrypted tracker store."""
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
