"""Storage fails (PostgreSQL read-only): the child still gets every reply, once; nothing is lost."""
from __future__ import annotations

import json
from pathlib import Path

import aiohttp
from rasa.core.channels.channel import UserMessage

from bot.channels import identity, sessions
from bot.channels.message_ids import SqlMessageIdLog
from bot.channels.replies import SqlReplyLedger
from bot.channels.telegram import TelegramInput
from bot.channels.updates import SqlUpdateLedger
from bot.channels.web import WebInput
from bot.storage.spool import Spool
from tests.channels.harness import free_port, one_bot_config, serve
from tests.e2e.fake_telegram import FakeTelegram
from tests.faults.conftest import RasaOrderHandler, Stores

EMERGENCY = "Call 112 now if you are in danger."
SENDER = "s3ss10n-faults-abcdefghijklmnopqrstu"
TOKEN = "333333:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"


async def emergency_reply(message: UserMessage) -> None:
    """Two replies, as the safety layer answers: an acknowledgement and the emergency number."""
    await message.output_channel.send_response(message.sender_id, {"text": "I hear you.", "utter_action": "utter_ack"})
    await message.output_channel.send_response(message.sender_id, {"text": EMERGENCY, "utter_action": "utter_emergency"})


async def user_texts(stores: Stores, conversation: str) -> list[str]:
    tracker = await stores.tracker_store(writable=True).retrieve(conversation)
    return [] if tracker is None else [e.text for e in tracker.events if e.type_name == "user"]


async def test_web_delivers_replies_when_the_database_is_read_only_and_stores_the_message_later(
    stores: Stores, tmp_path: Path
) -> None:
    spool = Spool(tmp_path / "spool", stores.writable.keys)
    channel = WebInput(shop=False, spool=spool, retry_every=0)
    handler = RasaOrderHandler(stores.tracker_store(writable=False), emergency_reply)
    sender = sessions.issue()
    conversation = identity.conversation_id("web", sender)
    async with serve([channel], emergency_reply, on_new_message=handler) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "my dad hits me", "metadata": {"persona": "rumianek"}}
            async with session.post(f"{base}/webhooks/web/webhook", data=json.dumps(payload)) as resp:
                assert resp.status == 200
                assert await resp.json() == [{"text": "I hear you."}, {"text": EMERGENCY}]
        # nothing stored yet, but kept: encrypted in the spool
        assert await user_texts(stores, conversation) == []
        assert spool.count() == 1
        [entry_file] = list((tmp_path / "spool").iterdir())
        raw = entry_file.read_bytes()
        assert b"dad" not in raw and conversation.encode() not in raw
        assert entry_file.stat().st_mode & 0o077 == 0
        # still read-only: the retry keeps the entry
        assert await channel.retry_spooled(handler) == 0
        assert spool.count() == 1
        # the database recovers: the retry stores the message exactly once
        handler.store = stores.tracker_store(writable=True)
        assert await channel.retry_spooled(handler) == 1
        assert await channel.retry_spooled(handler) == 0
    assert spool.count() == 0
    assert await user_texts(stores, conversation) == ["my dad hits me"]


async def test_web_the_next_message_of_a_conversation_stores_its_spooled_one_first(stores: Stores, tmp_path: Path) -> None:
    """A spooled message keeps its place: once the database works, the conversation's next message
    on this replica first stores the spooled one (the background retry would come later)."""
    spool = Spool(tmp_path / "spool", stores.writable.keys)
    channel = WebInput(shop=False, spool=spool, retry_every=0)
    handler = RasaOrderHandler(stores.tracker_store(writable=False), emergency_reply)
    sender, other = sessions.issue(), sessions.issue()
    async with serve([channel], emergency_reply, on_new_message=handler) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            for who, text in ((sender, "my dad hits me"), (other, "hello"), ("db up", ""), (sender, "he is home now")):
                if who == "db up":
                    handler.store = stores.tracker_store(writable=True)
                    continue
                payload = {"sender": who, "message": text, "metadata": {"persona": "rumianek"}}
                async with session.post(f"{base}/webhooks/web/webhook", data=json.dumps(payload)) as resp:
                    assert resp.status == 200
                    assert await resp.json() == [{"text": "I hear you."}, {"text": EMERGENCY}]
        assert spool.count() == 1  # the other conversation's entry waits for the background retry
        assert await channel.retry_spooled(handler) == 1
    assert await user_texts(stores, identity.conversation_id("web", sender)) == ["my dad hits me", "he is home now"]
    assert await user_texts(stores, identity.conversation_id("web", other)) == ["hello"]


async def test_web_answers_503_with_the_replies_when_the_spool_fails_too(stores: Stores, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")  # the spool cannot create its directory here
    channel = WebInput(shop=False, spool=Spool(blocked / "spool", stores.writable.keys), retry_every=0)
    handler = RasaOrderHandler(stores.tracker_store(writable=False), emergency_reply)
    async with serve([channel], emergency_reply, on_new_message=handler) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            payload = {"sender": SENDER, "message": "help", "metadata": {"persona": "rumianek"}}
            async with session.post(f"{base}/webhooks/web/webhook", data=json.dumps(payload)) as resp:
                assert resp.status == 503
                body = await resp.json()
    assert body["replies"] == [{"text": "I hear you."}, {"text": EMERGENCY}]


async def test_telegram_redelivery_after_a_failed_save_sends_each_reply_once_across_replicas(
    stores: Stores, tmp_path: Path
) -> None:
    """Replica A answers and fails to save (500: Telegram redelivers); replica A again and then
    replica B get the redelivery and must not repeat "call 112"; once the database works the
    message is stored and acknowledged."""
    fake = FakeTelegram()
    await fake.start()
    shared = f"sqlite:///{tmp_path / 'shared-ledgers.db'}"  # ledgers stay writable (Redis in production)

    def replica() -> tuple[TelegramInput, int]:
        port = free_port()
        config = one_bot_config(fake.url, TOKEN, port)
        return TelegramInput(
            config, ledger=SqlUpdateLedger(shared), message_log=SqlMessageIdLog(shared),
            addresses=identity.MemoryReplyAddressBook(), replies=SqlReplyLedger(shared),
        ), port

    handler = RasaOrderHandler(stores.tracker_store(writable=False), emergency_reply)
    update = fake.user_update("my dad hits me", chat_id=5151, update_id=9001)
    try:
        channel_a, port_a = replica()
        async with serve([channel_a], emergency_reply, port=port_a, on_new_message=handler):
            assert await fake.deliver(TOKEN, update) == 500
            assert await fake.deliver(TOKEN, update) == 500
        channel_b, port_b = replica()
        async with serve([channel_b], emergency_reply, port=port_b, on_new_message=handler):
            assert await fake.deliver(TOKEN, update) == 500
            handler.store = stores.tracker_store(writable=True)
            assert await fake.deliver(TOKEN, update) == 200
            assert await fake.deliver(TOKEN, update) == 200  # done: a duplicate
    finally:
        await fake.stop()
    sent = [call["text"] for call in fake.called("sendMessage", TOKEN)]
    assert sent == ["I hear you.", EMERGENCY]
    conversation = identity.conversation_id("telegram", f"333333:5151")
    assert await user_texts(stores, conversation) == ["my dad hits me"]


async def test_telegram_emergency_reply_goes_out_when_every_database_write_fails(stores: Stores, tmp_path: Path) -> None:
    """Embedded case: the ledgers live in the same (read-only) database; the reply still goes out
    and the redelivery to this process does not repeat it."""
    fake = FakeTelegram()
    await fake.start()
    port = free_port()
    config = one_bot_config(fake.url, TOKEN, port)
    read_only_url = stores.read_only.engine.url.render_as_string(hide_password=False)
    channel = TelegramInput(
        config, ledger=SqlUpdateLedger(read_only_url), message_log=SqlMessageIdLog(read_only_url),
        addresses=identity.StorageReplyAddressBook(), replies=SqlReplyLedger(read_only_url),
    )
    handler = RasaOrderHandler(stores.tracker_store(writable=False), emergency_reply)
    update = fake.user_update("my dad hits me", chat_id=5252, update_id=9002)
    try:
        async with serve([channel], emergency_reply, port=port, on_new_message=handler):
            assert await fake.deliver(TOKEN, update) == 500
            assert await fake.deliver(TOKEN, update) == 500
    finally:
        await fake.stop()
    assert [call["text"] for call in fake.called("sendMessage", TOKEN)] == ["I hear you.", EMERGENCY]
