"""PostgreSQL goes down in the middle of a turn and comes back (a throwaway cluster of the test's
own, never the shared server): the turn runs again in place on every channel (bot/channels/retry.py)
— the child is answered once, the message is stored once and in its place among the conversation's
messages, nothing waits in the spool."""
from __future__ import annotations

import asyncio
import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels import identity, retry, sessions
from bot.channels.message_ids import SqlMessageIdLog
from bot.channels.replies import SqlReplyLedger
from bot.channels.telegram import TelegramInput
from bot.channels.updates import SqlUpdateLedger
from bot.channels.web import WebInput
from bot.storage.runtime import Storage, open_storage
from bot.storage.spool import Spool
from bot.storage.tracker_store import EncryptedTrackerStore
from tests.channels.conftest import _isolated_keys  # noqa: F401 - keys of the test's own
from tests.channels.harness import DOMAIN, free_port, one_bot_config, serve
from tests.e2e.fake_telegram import FakeTelegram
from tests.faults.conftest import RasaOrderHandler

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")), reason="no PostgreSQL server binaries"),
]
TOKEN = "555555:EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE"
#: Longer than the production pauses, so a slow (shared) machine restarting PostgreSQL never runs
#: out of passes: the test is about running again in place, not about how fast PostgreSQL starts.
PAUSES = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from bench.cluster_bench import ThrowawayPostgres

    workdir = Path(tempfile.mkdtemp(prefix="popbot-db-restart-test-"))
    workdir.chmod(0o755)  # the cluster runs as the postgres user
    pg = ThrowawayPostgres(workdir)
    pg.url = pg.start()
    try:
        yield pg
    finally:
        pg.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def storage(cluster: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Storage]:
    monkeypatch.setattr(retry, "DATABASE_RETRY_PAUSES", PAUSES)
    opened = open_storage(database_url=cluster.url)
    try:
        yield opened
    finally:
        opened.close()


async def user_texts(storage: Storage, conversation: str) -> list[str]:
    tracker = await EncryptedTrackerStore(domain=DOMAIN, storage=storage).retrieve_full_tracker(conversation)
    return [] if tracker is None else [e.text for e in tracker.events if e.type_name == "user"]


class DownAfterReplying:
    """Answers like the dialogue; on the first pass of ``trigger`` PostgreSQL stops right after the
    replies were computed and before the save (a restart at the worst moment), and a thread starts
    it again once the failed pass has been seen."""

    def __init__(self, cluster: Any, trigger: str) -> None:
        self.cluster, self.trigger, self.fired = cluster, trigger, False
        self.restarted: asyncio.Future[None] | None = None

    async def __call__(self, message: UserMessage) -> None:
        await message.output_channel.send_response(message.sender_id, {"text": f"about {message.text}"})
        if message.text == self.trigger and not self.fired:
            self.fired = True
            await asyncio.to_thread(self.cluster.stop)
            self.restarted = asyncio.ensure_future(self._later())

    async def _later(self) -> None:
        await asyncio.sleep(0.3)  # the save and the first pass fail first
        await asyncio.to_thread(self.cluster.start_again)


async def test_web_a_restart_between_the_replies_and_the_save_keeps_the_message_in_its_place(
    storage: Storage, cluster: Any, tmp_path: Path
) -> None:
    """Before, the message was spooled (answered, stored after the database came back), so the next
    message of the conversation was stored first: the cluster bench's "out of order"."""
    down = DownAfterReplying(cluster, "first")
    handler = RasaOrderHandler(EncryptedTrackerStore(domain=DOMAIN, storage=storage), down)
    channel = WebInput(shop=False, retry_every=0, spool=Spool(tmp_path / "spool", storage.keys))
    sender = sessions.issue()
    answers = []
    async with serve([channel], down, on_new_message=handler) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            for text in ("first", "second"):
                payload = {"sender": sender, "id": f"{text}-message-id", "message": text, "metadata": {"persona": "rumianek"}}
                async with session.post(f"{base}/webhooks/web/webhook", data=json.dumps(payload)) as resp:
                    answers.append((resp.status, await resp.json()))
    assert down.restarted is not None
    await down.restarted
    assert answers == [(200, [{"text": "about first"}]), (200, [{"text": "about second"}])]
    assert channel.spool.count() == 0
    assert await user_texts(storage, identity.conversation_id("web", sender)) == ["first", "second"]


async def test_telegram_an_update_that_meets_a_database_restart_runs_again_in_place(
    storage: Storage, cluster: Any, tmp_path: Path
) -> None:
    """The same for Telegram: 200 instead of a 500 and a redelivery minutes later; the reply the
    first pass sent is not sent again; stored once, before the chat's next message."""
    fake = FakeTelegram()
    await fake.start()
    port = free_port()
    config = one_bot_config(fake.url, TOKEN, port)
    ledgers = f"sqlite:///{tmp_path / 'ledgers.db'}"  # Redis in production; not what is restarted here
    channel = TelegramInput(
        config, ledger=SqlUpdateLedger(ledgers), message_log=SqlMessageIdLog(ledgers),
        addresses=identity.MemoryReplyAddressBook(), replies=SqlReplyLedger(ledgers),
    )
    down = DownAfterReplying(cluster, "first")
    handler = RasaOrderHandler(EncryptedTrackerStore(domain=DOMAIN, storage=storage), down)
    chat = random.randrange(10**6, 10**9)
    try:
        async with serve([channel], down, port=port, on_new_message=handler):
            assert await fake.deliver(TOKEN, fake.user_update("first", chat_id=chat)) == 200
            assert await fake.deliver(TOKEN, fake.user_update("second", chat_id=chat)) == 200
    finally:
        await fake.stop()
    assert down.restarted is not None
    await down.restarted
    assert [c["text"] for c in fake.called("sendMessage", TOKEN)] == ["about first", "about second"]
    assert await user_texts(storage, identity.conversation_id("telegram", f"555555:{chat}")) == ["first", "second"]
