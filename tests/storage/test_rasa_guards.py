"""rasa_guards: no silent in-memory fallback, no swallowed save errors."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa
from rasa.core.agent import Agent
from rasa.core.tracker_store import (
    FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore, TrackerStore,
)
from rasa.utils.endpoints import EndpointConfig

from bot.storage import rasa_guards
from bot.storage.rasa_guards import StorageGuardError, check_endpoints
from bot.storage.runtime import Storage
from bot.storage.tracker_store import EncryptedTrackerStore

from tests.storage.helpers import DOMAIN, conversation_events, tracker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def guarded() -> Iterator[None]:
    rasa_guards.install()
    try:
        yield
    finally:
        rasa_guards.uninstall()


def test_unguarded_rasa_falls_back_silently() -> None:
    """The behaviour the guards exist for (if Rasa ever changes this, revisit the guards)."""
    with pytest.warns(UserWarning, match="Using `InMemoryTrackerStore` instead"):
        store = TrackerStore.create(EndpointConfig(type="bot.storage.no_such_module.Store"), DOMAIN)
    assert isinstance(store, InMemoryTrackerStore)
    assert isinstance(Agent(domain=DOMAIN).tracker_store, FailSafeTrackerStore)


def test_unloadable_store_type_refuses(guarded: None) -> None:
    with pytest.raises(StorageGuardError, match="cannot be loaded.*refusing to fall back to memory"):
        TrackerStore.create(EndpointConfig(type="bot.storage.no_such_module.Store"), DOMAIN)


def test_agent_refuses_other_stores(guarded: None, tmp_path: Path) -> None:
    with pytest.raises(StorageGuardError, match="tracker store is none, not EncryptedTrackerStore"):
        Agent(domain=DOMAIN)
    with pytest.raises(StorageGuardError, match="InMemoryTrackerStore, not EncryptedTrackerStore"):
        Agent(domain=DOMAIN, tracker_store=InMemoryTrackerStore(DOMAIN))
    sql = SQLTrackerStore(DOMAIN, db=str(tmp_path / "rasa.db"))
    with pytest.raises(StorageGuardError, match="SQLTrackerStore"):
        Agent(domain=DOMAIN, tracker_store=sql)


def test_endpoints_store_is_loaded_through_rasa(guarded: None, storage: Storage) -> None:
    store = TrackerStore.create(
        EndpointConfig(type=rasa_guards.TRACKER_STORE_TYPE, url=str(storage.engine.url.render_as_string(hide_password=False))),
        DOMAIN,
    )
    inner = rasa_guards.require_encrypted(store)
    assert isinstance(inner, EncryptedTrackerStore)
    agent = Agent(domain=DOMAIN, tracker_store=store)
    assert agent.tracker_store is inner
    inner.storage.close()


async def test_failed_save_raises_with_guard(guarded: None, storage: Storage) -> None:
    agent = Agent(domain=DOMAIN, tracker_store=EncryptedTrackerStore(domain=DOMAIN, storage=storage))
    with storage.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE popbot_events"))
    with pytest.raises(sa.exc.DBAPIError):
        await agent.tracker_store.save(tracker("conv-a", conversation_events("lost?")))


async def test_failed_save_is_swallowed_without_guard(storage: Storage) -> None:
    """Canary: unguarded, Rasa reports success for a save that stored nothing."""
    inner = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    agent = Agent(domain=DOMAIN, tracker_store=inner)
    assert isinstance(agent.tracker_store, FailSafeTrackerStore)
    with storage.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE popbot_events"))
    assert await agent.tracker_store.save(tracker("conv-a", conversation_events("lost?"))) is None
    with pytest.raises(sa.exc.DBAPIError):  # nothing was stored: the message would be lost
        await inner.retrieve("conv-a")


def test_check_endpoints(tmp_path: Path) -> None:
    check_endpoints(ROOT / "endpoints.yml")
    bad = tmp_path / "endpoints.yml"
    bad.write_text("tracker_store:\n  type: sql\n")
    with pytest.raises(StorageGuardError, match=r"tracker_store.type is 'sql'"):
        check_endpoints(bad)
    with pytest.raises(StorageGuardError, match="not found"):
        check_endpoints(tmp_path / "absent.yml")
    bad.write_text(f"tracker_store:\n  type: {rasa_guards.TRACKER_STORE_TYPE}\nevent_broker:\n  type: pika\n")
    with pytest.raises(StorageGuardError, match="event_broker"):
        check_endpoints(bad)
