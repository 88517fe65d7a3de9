"""Master key rotation: nothing becomes unreadable, interrupted rotations finish when rerun."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.storage import db, reply_addresses
from bot.storage.rotation import rotate, status
from bot.storage.runtime import Storage
from bot.storage.tracker_store import EncryptedTrackerStore

from tests.storage.helpers import DOMAIN, conversation_events, dumped, tracker


class Interrupted(Exception):
    pass


async def _fill(storage: Storage, n: int) -> EncryptedTrackerStore:
    store = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    for i in range(n):
        await store.save(tracker(f"conv-{i:03d}", conversation_events(f"text {i}")))
    return store


async def test_rotation_rewraps_everything_and_retires(storage: Storage, key_dir) -> None:
    store = await _fill(storage, 5)
    reply_addresses.remember("telegram", "conv-000", '{"chat_id": 42}', storage=storage)
    before = {f"conv-{i:03d}": dumped(await store.retrieve_full_tracker(f"conv-{i:03d}")) for i in range(5)}
    report = rotate(storage)
    assert report.started_new and report.current_version == 2
    assert report.rewrapped == 5 and report.retired == [1] and report.retire_manually == []
    assert not (key_dir / "master-000001.key").exists()
    state = status(storage)
    assert state.conversations_per_version == {2: 5}
    assert state.registered_versions == [2] and not state.rotation_pending
    storage.data_keys._cache.clear()
    for cid, events in before.items():
        assert dumped(await store.retrieve_full_tracker(cid)) == events
    assert reply_addresses.lookup("telegram", "conv-000", storage=storage) == '{"chat_id": 42}'
    # new conversations after rotation use the new version
    await store.save(tracker("conv-new", conversation_events("after")))
    assert status(storage).conversations_per_version == {2: 6}


async def test_interrupted_rotation_resumes(storage: Storage, key_dir) -> None:
    store = await _fill(storage, 7)
    calls = []

    def stop_after_first_batch(n: int) -> None:
        calls.append(n)
        raise Interrupted

    with pytest.raises(Interrupted):
        rotate(storage, batch_size=3, on_batch=stop_after_first_batch)
    midway = status(storage)
    assert midway.rotation_pending
    assert midway.conversations_per_version == {1: 4, 2: 3}
    assert (key_dir / "master-000001.key").exists() and (key_dir / "master-000002.key").exists()
    storage.data_keys._cache.clear()
    for i in range(7):  # everything readable midway
        assert (await store.retrieve(f"conv-{i:03d}")).latest_message.text == f"text {i}"
    # A conversation created midway uses the new version.
    await store.save(tracker("conv-mid", conversation_events("midway")))

    report = rotate(storage, batch_size=3)
    assert not report.started_new and report.current_version == 2  # finished, not restarted
    assert report.rewrapped == 4 and report.retired == [1]
    assert status(storage).conversations_per_version == {2: 8}
    storage.data_keys._cache.clear()
    for i in range(7):
        assert (await store.retrieve(f"conv-{i:03d}")).latest_message.text == f"text {i}"
    assert rotate(storage).current_version == 3  # the next run is a new rotation


async def test_interrupted_after_registry_retire_finishes_file_retire(storage: Storage, key_dir) -> None:
    await _fill(storage, 2)
    new = storage.keys.rotate()
    with storage.engine.begin() as conn:
        conn.execute(sa.insert(db.key_versions).values(version=new, created_at=0.0))
    # simulate: everything rewrapped and registry cleaned, but the old key file still there
    rotate(storage, start_new=False)
    assert not (key_dir / "master-000001.key").exists()
    assert status(storage).current_version == 2
