"""ConversationLockStore: the lock store Rasa builds from endpoints.yml, on the real Redis; the
guard that refuses Rasa's racy Redis lock store."""
from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.storage.lock_store import LOCK_STORE_TYPE, ConversationLockStore
from bot.storage.rasa_guards import StorageGuardError, check_endpoints
from core import PROJECT_ROOT
from core.locks import LocalConversationLocks, RedisConversationLocks
from core.settings import ConfigError

URL = "redis://127.0.0.1:6379/0"


def test_rasa_builds_it_from_the_repository_endpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.core.utils import AvailableEndpoints

    monkeypatch.setenv("POPBOT_ACTIONS_URL", "http://127.0.0.1:9/webhook")
    monkeypatch.delenv("POPBOT_REDIS_URL", raising=False)
    endpoints = AvailableEndpoints.read_endpoints(str(PROJECT_ROOT / "endpoints.yml"))
    store = LockStore.create(endpoints.lock_store)
    assert isinstance(store, ConversationLockStore)
    assert isinstance(store.locks, LocalConversationLocks) and not store.distributed
    monkeypatch.setenv("POPBOT_REDIS_URL", URL)
    store = LockStore.create(endpoints.lock_store)
    assert isinstance(store.locks, RedisConversationLocks) and store.distributed


def test_it_takes_no_fields_and_production_needs_redis(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="takes no fields"):
        ConversationLockStore(EndpointConfig(url="redis", type=LOCK_STORE_TYPE))
    monkeypatch.setenv("POPBOT_MODE", "production")
    monkeypatch.setenv("POPBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.delenv("POPBOT_REDIS_URL", raising=False)
    with pytest.raises(ConfigError, match="POPBOT_REDIS_URL"):
        ConversationLockStore(EndpointConfig(type=LOCK_STORE_TYPE))


@pytest.mark.redis
async def test_two_replicas_stores_serve_one_conversation_in_turn() -> None:
    prefix = f"popbot-test:{uuid.uuid4().hex[:12]}"
    first = ConversationLockStore(redis_url=URL, prefix=prefix)
    second = ConversationLockStore(redis_url=URL, prefix=prefix)
    order: list[str] = []

    async def turn(store: ConversationLockStore, name: str) -> None:
        async with store.lock("conversation-a") as ticket_lock:
            assert ticket_lock.conversation_id == "conversation-a"
            order.append(f"{name} in")
            await asyncio.sleep(0.05)
            order.append(f"{name} out")

    one = asyncio.create_task(turn(first, "first"))
    while not order:
        await asyncio.sleep(0.005)
    await asyncio.gather(one, turn(second, "second"))
    assert order == ["first in", "first out", "second in", "second out"]
    await first.close()
    await second.close()


async def test_an_unreachable_redis_is_a_lock_error_before_the_turn_and_turn_errors_pass_through() -> None:
    from rasa.core.lock_store import LockError

    down = ConversationLockStore(redis_url="redis://127.0.0.1:1/0")  # nothing listens on port 1
    with pytest.raises(LockError, match="unavailable"):
        async with down.lock("conversation-a"):
            raise AssertionError("the turn must not start")
    local = ConversationLockStore()
    with pytest.raises(ValueError, match="from the turn"):
        async with local.lock("conversation-a"):
            raise ValueError("from the turn")


def test_the_guard_refuses_rasas_redis_and_in_memory_lock_stores(tmp_path: Path) -> None:
    check_endpoints(PROJECT_ROOT / "endpoints.yml")
    check_endpoints(PROJECT_ROOT / "docker" / "endpoints.production.yml")
    endpoints = tmp_path / "endpoints.yml"
    tracker = "tracker_store:\n  type: bot.storage.tracker_store.EncryptedTrackerStore\n"
    endpoints.write_text(tracker + "lock_store:\n  type: redis\n  url: localhost\n")
    with pytest.raises(StorageGuardError, match="rasa#9213"):
        check_endpoints(endpoints)
    endpoints.write_text(tracker + "lock_store:\n  type: in_memory\n")
    with pytest.raises(StorageGuardError, match="lock_store.type is 'in_memory'"):
        check_endpoints(endpoints)
    endpoints.write_text(tracker)
    with pytest.raises(StorageGuardError, match="lock_store.type is None"):
        check_endpoints(endpoints)
