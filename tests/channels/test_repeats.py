"""A message that comes again (the client retried, the proxy re-sent the POST, Telegram redelivered
after a 5xx) is stored once and answered with the same replies, on any replica
(bot/channels/repeats.py). Two "replicas" in this process: two channel instances, each with its
own Rasa agent on the trained model, its own engine on one PostgreSQL schema, and the Redis
conversation lock they share."""
from __future__ import annotations

import asyncio
import json
import random
import uuid
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any, AsyncIterator

import aiohttp
import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import identity, sessions
from bot.channels.message_ids import RedisMessageIdLog
from bot.channels.replies import RedisReplyLedger
from bot.channels.telegram import TelegramInput
from bot.channels.updates import RedisUpdateLedger
from bot.channels.web import WebInput
from bot.storage.lock_store import ConversationLockStore
from bot.storage.runtime import key_provider, open_storage
from bot.storage.spool import Spool
from bot.storage.tracker_store import EncryptedTrackerStore
from tests.channels.harness import free_port, one_bot_config, serve
from tests.e2e.fake_telegram import FakeTelegram

pytestmark = [pytest.mark.asyncio, pytest.mark.postgres, pytest.mark.redis]
REDIS_URL = "redis://127.0.0.1:6379/0"
TOKEN = "444444:DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD"


@pytest.fixture
async def replicas(agent: Any, pg_url: str) -> AsyncIterator[list[Any]]:
    """Two agents sharing the session's model, the PostgreSQL schema and one Redis lock prefix."""
    from bot.handoff import gate
    from core.rasa_compat import agent_sharing_model, uninstall_message_hooks

    gate.install()
    prefix = f"popbot:test-repeats:{uuid.uuid4().hex}"
    agents, storages = [], []
    for _ in range(2):
        storage = open_storage(database_url=pg_url)
        storages.append(storage)
        replica = agent_sharing_model(agent, EncryptedTrackerStore(storage=storage), None)
        replica.lock_store = ConversationLockStore(redis_url=REDIS_URL)
        replica.lock_store.locks.prefix = prefix
        agents.append(replica)
    try:
        yield agents
    finally:
        uninstall_message_hooks()
        for replica in agents:
            await replica.lock_store.close()
        for storage in storages:
            storage.close()


async def user_events(replica: Any, conversation: str) -> list[tuple[str, str | None]]:
    tracker = await replica.tracker_store.retrieve_full_tracker(conversation)
    return [] if tracker is None else [(e.text, e.message_id) for e in tracker.events if e.type_name == "user"]


async def web_replicas(agents: list[Any], stack: AsyncExitStack, spools: Path) -> list[str]:
    """Each agent behind a web channel of its own (spool under ``spools``); returns their URLs."""
    bases = []
    for number, replica in enumerate(agents):
        channel = WebInput(shop=False, retry_every=0, spool=Spool(spools / str(number), key_provider()))
        base, _, _ = await stack.enter_async_context(serve([channel], _unused, on_new_message=replica.handle_message))
        bases.append(base)
    return bases


def spooled(spools: Path) -> int:
    """Messages the replicas could not store (a repeat refused by the database would land here)."""
    return sum(1 for _ in spools.glob("*/*.msg"))


async def _unused(message: UserMessage) -> None:
    raise AssertionError("the agent answers, not the harness")


async def post(session: aiohttp.ClientSession, base: str, sender: str, text: str, message_id: str) -> tuple[int, Any]:
    body = {"sender": sender, "id": message_id, "message": text, "metadata": {"persona": "rumianek", "lang": "en"}}
    async with session.post(f"{base}/webhooks/web/webhook", data=json.dumps(body)) as resp:
        return resp.status, await resp.json()


async def test_a_web_message_sent_again_to_another_replica_is_stored_once_and_answered_alike(
    replicas: list[Any], tmp_path: Path
) -> None:
    sender = sessions.issue()
    conversation = identity.conversation_id("web", sender)
    first_id, second_id = uuid.uuid4().hex, uuid.uuid4().hex
    async with AsyncExitStack() as stack:
        a, b = await web_replicas(replicas, stack, tmp_path / "spool")
        async with aiohttp.ClientSession() as session:
            first = await post(session, a, sender, "how much is the lavender soap?", first_id)
            again = await post(session, b, sender, "how much is the lavender soap?", first_id)  # the retry
            again_a = await post(session, a, sender, "how much is the lavender soap?", first_id)
            other = await post(session, b, sender, "how much is the lavender soap?", second_id)  # asked twice
    assert first[0] == 200 and first[1], first
    assert again == first and again_a == first
    assert other[0] == 200
    assert spooled(tmp_path / "spool") == 0  # answered as a repeat, not refused and spooled
    events = await user_events(replicas[0], conversation)
    assert events == [("how much is the lavender soap?", first_id), ("how much is the lavender soap?", second_id)]


async def test_the_same_web_message_at_once_on_two_replicas_is_processed_once(replicas: list[Any], tmp_path: Path) -> None:
    """The copies queue for the conversation's lock; the second finds the first one's turn."""
    sender = sessions.issue()
    conversation = identity.conversation_id("web", sender)
    async with AsyncExitStack() as stack:
        a, b = await web_replicas(replicas, stack, tmp_path / "spool")
        async with aiohttp.ClientSession() as session:
            assert (await post(session, a, sender, "hi", uuid.uuid4().hex))[0] == 200
            message_id = uuid.uuid4().hex
            answers = await asyncio.gather(*(
                post(session, base, sender, "do you ship abroad?", message_id) for base in (a, b, a, b)
            ))
    assert {status for status, _ in answers} == {200}
    assert all(body == answers[0][1] for _, body in answers), answers
    assert answers[0][1]
    assert spooled(tmp_path / "spool") == 0
    texts = [text for text, _ in await user_events(replicas[1], conversation)]
    assert texts == ["hi", "do you ship abroad?"]


async def test_a_replica_that_stored_a_message_but_never_answered_leaves_the_retry_its_replies(
    replicas: list[Any], tmp_path: Path
) -> None:
    """Replica A processes and stores the message, and its answer is lost (killed before it left):
    the client's retry on replica B gets the replies A computed, and nothing is stored again."""
    sender = sessions.issue()
    conversation = identity.conversation_id("web", sender)
    message_id = uuid.uuid4().hex
    lost = CollectingOutputChannel()
    await replicas[0].handle_message(UserMessage(
        "what is in the chamomile cream?", lost, conversation, input_channel="web", message_id=message_id,
        metadata={"persona": "rumianek", "lang": "en"},
    ))
    computed = [{k: v for k, v in m.items() if k != "recipient_id"} for m in lost.messages]
    assert computed
    async with AsyncExitStack() as stack:
        _, b = await web_replicas(replicas, stack, tmp_path / "spool")
        async with aiohttp.ClientSession() as session:
            status, replies = await post(session, b, sender, "what is in the chamomile cream?", message_id)
    assert (status, replies) == (200, computed)
    assert spooled(tmp_path / "spool") == 0
    assert await user_events(replicas[1], conversation) == [("what is in the chamomile cream?", message_id)]


async def test_a_telegram_update_redelivered_after_a_5xx_to_another_replica_is_processed_once(replicas: list[Any]) -> None:
    """Replica A stores the update's turn and sends its replies, then fails before answering 200
    (Telegram redelivers); replica B gets the redelivery: nothing is stored again and no reply
    reaches the child twice (update, reply and message-id ledgers on the shared Redis)."""
    fake = FakeTelegram()
    await fake.start()
    update = fake.user_update("how much is the lavender soap?", chat_id=random.randrange(10**6, 10**9),
                              update_id=random.randrange(10**9, 10**12))
    conversation = identity.conversation_id("telegram", f"444444:{update['message']['chat']['id']}")
    served: list[TelegramInput] = []

    def died_after_storing(replica: Any) -> Any:
        async def handle(message: UserMessage) -> None:
            await replica.handle_message(message)
            raise RuntimeError("replica stopped after storing, before answering")  # Telegram sees a 5xx
        return handle

    try:
        async with AsyncExitStack() as stack:
            for number, replica in enumerate(replicas):
                port = free_port()
                config = one_bot_config(fake.url, TOKEN, port)
                channel = TelegramInput(
                    config, ledger=RedisUpdateLedger(REDIS_URL), message_log=RedisMessageIdLog(REDIS_URL),
                    addresses=identity.MemoryReplyAddressBook(), replies=RedisReplyLedger(REDIS_URL),
                )
                handler = died_after_storing(replica) if number == 0 else replica.handle_message
                await stack.enter_async_context(serve([channel], _unused, port=port, on_new_message=handler))
                served.append(channel)
                if number == 0:
                    assert await fake.deliver(TOKEN, update) == 500  # stored, then the 5xx
                    sent_by_a = [c["text"] for c in fake.called("sendMessage", TOKEN)]
                    assert sent_by_a
            assert await fake.deliver(TOKEN, update) == 200  # the redelivery, on replica B
            assert await fake.deliver(TOKEN, update) == 200  # and once more: a known duplicate
    finally:
        for channel in served:
            for backend in (channel.ledger, channel.message_log, channel.replies):
                await backend.close()  # type: ignore[attr-defined]
        await fake.stop()
    assert [c["text"] for c in fake.called("sendMessage", TOKEN)] == sent_by_a  # each reply once
    texts = [text for text, _ in await user_events(replicas[1], conversation)]
    assert texts == ["how much is the lavender soap?"]
