"""EncryptedTrackerStore through Rasa's own DialogueStateTracker, on SQLite and PostgreSQL."""
from __future__ import annotations

import sqlalchemy as sa
import pytest
from rasa.shared.core.events import SessionStarted, ActionExecuted, UserUttered

from core.settings import ConfigError
from bot.storage import crypto, db
from bot.storage.errors import ConversationErasedError, DecryptionError, KeyConfigError
from bot.storage.keys import FileKeyProvider
from bot.storage.runtime import Storage, open_storage
from bot.storage.tracker_store import EncryptedTrackerStore

from tests.storage.helpers import DOMAIN, conversation_events, dumped, tracker


@pytest.fixture
def store(storage: Storage) -> EncryptedTrackerStore:
    return EncryptedTrackerStore(domain=DOMAIN, storage=storage)


async def test_roundtrip_latest_and_full(store: EncryptedTrackerStore) -> None:
    first = tracker("conv-a", conversation_events("first session text"))
    await store.save(first)
    loaded = await store.retrieve("conv-a")
    assert dumped(loaded) == dumped(first)[1:]  # latest session starts at session_started
    assert loaded.get_slot("lang") == "pl"
    assert loaded.latest_message.text == "first session text"

    # A second session, appended by saving the retrieved tracker (as Rasa's processor does).
    loaded.update(ActionExecuted("action_session_start"))
    loaded.update(SessionStarted())
    loaded.update(UserUttered("second session text", {"name": "greet", "confidence": 1.0}))
    await store.save(loaded)
    latest = await store.retrieve("conv-a")
    assert [e.as_dict()["event"] for e in latest.events] == ["session_started", "user"]
    assert latest.latest_message.text == "second session text"
    full = await store.retrieve_full_tracker("conv-a")
    assert dumped(full) == dumped(first) + [e.as_dict() for e in list(loaded.events)[-3:]]
    assert sorted(await store.keys()) == ["conv-a"]
    assert await store.exists("conv-a") and not await store.exists("conv-b")
    assert await store.retrieve("conv-b") is None

    # Saving the same tracker twice stores nothing twice.
    await store.save(latest)
    assert dumped(await store.retrieve_full_tracker("conv-a")) == dumped(full)


async def test_only_non_content_columns_in_clear(store: EncryptedTrackerStore, storage: Storage) -> None:
    await store.save(tracker("conv-a", conversation_events("tell nobody", address="Lipowa 5")))
    with storage.engine.connect() as conn:
        rows = conn.execute(sa.select(db.events)).all()
    assert [r.type_name for r in rows] == ["action", "session_started", "action", "user", "slot", "slot", "bot", "action"]
    assert [r.seq for r in rows] == list(range(8))
    for row in rows:
        assert b"tell nobody" not in bytes(row.data) and b"abuse_disclosure" not in bytes(row.data)


async def _tamper(storage: Storage, statement: str, **params: object) -> None:
    with storage.engine.begin() as conn:
        conn.execute(sa.text(statement), params)


async def test_swapped_rows_fail(store: EncryptedTrackerStore, storage: Storage) -> None:
    await store.save(tracker("conv-a", conversation_events("alpha")))
    await store.save(tracker("conv-b", conversation_events("beta")))
    with storage.engine.begin() as conn:
        get = lambda cid, seq: conn.execute(  # noqa: E731
            sa.select(db.events.c.data).where(db.events.c.conversation_id == cid, db.events.c.seq == seq)
        ).scalar()
        a3, a6, b3 = get("conv-a", 3), get("conv-a", 6), get("conv-b", 3)
        upd = sa.update(db.events)
        conn.execute(upd.where(db.events.c.conversation_id == "conv-a", db.events.c.seq == 3).values(data=a6))
        conn.execute(upd.where(db.events.c.conversation_id == "conv-a", db.events.c.seq == 6).values(data=a3))
    with pytest.raises(DecryptionError, match="event row 3: authentication failed"):
        await store.retrieve("conv-a")
    with storage.engine.begin() as conn:  # restore a, then copy b's row into a
        upd = sa.update(db.events)
        conn.execute(upd.where(db.events.c.conversation_id == "conv-a", db.events.c.seq == 3).values(data=b3))
        conn.execute(upd.where(db.events.c.conversation_id == "conv-a", db.events.c.seq == 6).values(data=a6))
    with pytest.raises(DecryptionError, match="event row 3"):
        await store.retrieve_full_tracker("conv-a")


async def test_truncated_and_deleted_rows_fail(store: EncryptedTrackerStore, storage: Storage) -> None:
    await store.save(tracker("conv-a", conversation_events("alpha")))
    with storage.engine.begin() as conn:
        data = conn.execute(sa.select(db.events.c.data).where(db.events.c.seq == 3)).scalar()
        conn.execute(sa.update(db.events).where(db.events.c.seq == 3).values(data=bytes(data)[: len(data) // 2]))
    with pytest.raises(DecryptionError, match="event row 3: authentication failed"):
        await store.retrieve("conv-a")
    with storage.engine.begin() as conn:
        conn.execute(sa.update(db.events).where(db.events.c.seq == 3).values(data=bytes(data)[:10]))
    with pytest.raises(DecryptionError, match="event row 3: truncated"):
        await store.retrieve("conv-a")
    with storage.engine.begin() as conn:
        conn.execute(sa.delete(db.events).where(db.events.c.seq == 3))
    with pytest.raises(DecryptionError, match="event row 3 of the conversation is missing"):
        await store.retrieve("conv-a")


async def test_wrong_master_key_and_erased_key_fail(store: EncryptedTrackerStore, storage: Storage, tmp_path, settings) -> None:
    await store.save(tracker("conv-a", conversation_events("alpha")))
    other_keys = FileKeyProvider(tmp_path / "other-keys", generate=True)
    other = Storage(engine=storage.engine, keys=other_keys, settings=settings)
    with pytest.raises(DecryptionError, match=r"data key \(master v1\): authentication failed"):
        await EncryptedTrackerStore(domain=DOMAIN, storage=other).retrieve("conv-a")
    with storage.engine.begin() as conn:
        conn.execute(sa.delete(db.conversations))
    storage.data_keys.forget("conv-a")
    with pytest.raises(ConversationErasedError, match="no data key"):
        await store.retrieve("conv-a")


async def test_data_key_swapped_between_conversations_fails(store: EncryptedTrackerStore, storage: Storage) -> None:
    await store.save(tracker("conv-a", conversation_events("alpha")))
    await store.save(tracker("conv-b", conversation_events("beta")))
    with storage.engine.begin() as conn:
        wrapped_b = conn.execute(
            sa.select(db.conversations.c.wrapped_key).where(db.conversations.c.conversation_id == "conv-b")
        ).scalar()
        conn.execute(
            sa.update(db.conversations).where(db.conversations.c.conversation_id == "conv-a").values(wrapped_key=wrapped_b)
        )
    storage.data_keys.forget("conv-a")
    with pytest.raises(DecryptionError, match="data key"):
        await store.retrieve("conv-a")


def test_database_needing_absent_key_refuses_to_open(storage: Storage, tmp_path, settings, database_url) -> None:
    with storage.engine.begin() as conn:
        conn.execute(sa.insert(db.key_versions).values(version=7, created_at=0.0))
    with pytest.raises(KeyConfigError, match=r"uses master key version\(s\) \[7\]"):
        open_storage(settings, database_url=database_url, provider=storage.keys)


def test_unknown_endpoint_field_and_event_broker_refused(storage: Storage) -> None:
    with pytest.raises(ConfigError, match=r"unknown field\(s\) \['dialect'\]"):
        EncryptedTrackerStore(domain=DOMAIN, storage=storage, dialect="sqlite")
    with pytest.raises(ConfigError, match="event broker"):
        EncryptedTrackerStore(domain=DOMAIN, storage=storage, event_broker=object())


async def test_database_work_runs_off_the_event_loop(store: EncryptedTrackerStore, monkeypatch) -> None:
    """A slow database must not block the loop that answers other children: every store call
    does its database work in a worker thread, never on the loop's own thread."""
    import threading

    loop_thread = threading.get_ident()
    seen: list[int] = []
    connect = store.storage.engine.connect
    begin = store.storage.engine.begin

    def record_connect(*args, **kwargs):
        seen.append(threading.get_ident())
        return connect(*args, **kwargs)

    def record_begin(*args, **kwargs):
        seen.append(threading.get_ident())
        return begin(*args, **kwargs)

    monkeypatch.setattr(store.storage.engine, "connect", record_connect)
    monkeypatch.setattr(store.storage.engine, "begin", record_begin)
    await store.save(tracker("conv-thread", conversation_events("hello")))
    assert await store.retrieve("conv-thread") is not None
    assert await store.retrieve_full_tracker("conv-thread") is not None
    assert await store.exists("conv-thread")
    assert "conv-thread" in await store.keys()
    assert len(seen) >= 5
    assert loop_thread not in seen


async def test_two_overlapping_turns_never_drop_one_turns_events(store: EncryptedTrackerStore) -> None:
    """Both turns loaded the conversation before either saved (the lock was lost): the second
    save refuses (nothing saved, the turn fails and is retried) instead of counting the first
    turn's rows as its own and silently skipping its own message."""
    from bot.storage.errors import ConcurrentSaveError

    await store.save(tracker("conv-a", conversation_events("first")))
    one, two = await store.retrieve("conv-a"), await store.retrieve("conv-a")
    one.update(UserUttered("from turn one", {"name": "greet", "confidence": 1.0}))
    two.update(UserUttered("from turn two", {"name": "greet", "confidence": 1.0}))
    await store.save(one)
    with pytest.raises(ConcurrentSaveError):
        await store.save(two)
    again = await store.retrieve("conv-a")  # the retried turn loads again and saves
    again.update(UserUttered("from turn two", {"name": "greet", "confidence": 1.0}))
    await store.save(again)
    await store.save(again)  # saving the same tracker again is still a no-op, not a conflict
    texts = [e.text for e in (await store.retrieve_full_tracker("conv-a")).events if isinstance(e, UserUttered)]
    assert texts == ["first", "from turn one", "from turn two"]


async def test_two_first_turns_of_a_new_conversation_never_drop_one(store: EncryptedTrackerStore) -> None:
    from bot.storage.errors import ConcurrentSaveError

    one, two = await store.create_tracker("conv-new"), await store.create_tracker("conv-new")
    one.update(UserUttered("one", {"name": "greet", "confidence": 1.0}))
    two.update(UserUttered("two", {"name": "greet", "confidence": 1.0}))
    await store.save(one)
    with pytest.raises(ConcurrentSaveError):
        await store.save(two)


async def test_a_user_message_id_is_stored_once_per_conversation_and_finds_its_turn(
    store: EncryptedTrackerStore, storage: Storage
) -> None:
    """The id's hash sits beside the user event (unique per conversation); a second user event
    with that id is refused even from a fresh load; ``turn_of_message`` returns that turn."""
    from rasa.shared.core.events import BotUttered

    from bot.storage.errors import ConcurrentSaveError

    first = await store.create_tracker("conv-a")
    first.update(UserUttered("hi", {"name": "greet", "confidence": 1.0}, message_id="m-0000000001"))
    first.update(ActionExecuted("utter_greet"))
    first.update(BotUttered("Hello!", metadata={"utter_action": "utter_greet"}))
    first.update(ActionExecuted("action_listen"))
    await store.save(first)
    assert await store.turn_of_message("conv-b", "m-0000000001") is None  # per conversation
    assert await store.turn_of_message("conv-a", "m-0000000002") is None
    turn = await store.turn_of_message("conv-a", "m-0000000001")
    assert [e["event"] for e in turn] == ["user", "action", "bot", "action"]
    assert (turn[0]["message_id"], turn[2]["text"]) == ("m-0000000001", "Hello!")

    again = await store.retrieve("conv-a")
    again.update(UserUttered("hi", {"name": "greet", "confidence": 1.0}, message_id="m-0000000001"))
    with pytest.raises(ConcurrentSaveError):
        await store.save(again)
    other = await store.retrieve("conv-a")
    other.update(UserUttered("hi", {"name": "greet", "confidence": 1.0}, message_id="m-0000000002"))
    await store.save(other)
    elsewhere = await store.create_tracker("conv-b")  # the same id in another conversation is another message
    elsewhere.update(UserUttered("hi", {"name": "greet", "confidence": 1.0}, message_id="m-0000000001"))
    await store.save(elsewhere)
    texts = [(e.text, e.message_id) for e in (await store.retrieve_full_tracker("conv-a")).events if isinstance(e, UserUttered)]
    assert texts == [("hi", "m-0000000001"), ("hi", "m-0000000002")]
    with storage.engine.connect() as conn:
        keys = conn.execute(sa.select(db.events.c.message_key).where(db.events.c.message_key.is_not(None))).scalars().all()
    assert len(keys) == 3 and all(len(k) == 32 and "m-00" not in k for k in keys)  # hashed, never the id
