from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels import identity
from bot.channels.message_ids import SqlMessageIdLog
from bot.channels.telegram import TelegramInput, is_sensitive
from bot.channels.telegram_config import parse
from bot.channels.updates import Claim, SqlUpdateLedger
from tests.channels.harness import Handler, free_port, serve
from tests.e2e.fake_telegram import FakeTelegram

TOKEN_A = "111111:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
TOKEN_B = "222222:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"


async def shop_reply(message: UserMessage) -> None:
    """A tiny stand-in for the rumianek dialogue, answering through the real output channel."""
    out, to = message.output_channel, message.sender_id
    text = message.text.lower()
    if "clean" in text:
        await out.send_response(to, {"text": "Thank you for visiting Rumianek!", "utter_action": "utter_clean_done"})
    elif "not now" in text:
        await out.send_response(to, {"text": "No rush! Write yes here when it suits you.", "utter_action": "utter_not_now"})
    elif "cream" in text:
        await out.send_response(to, {"text": "Our skin specialist offers free consultations. Shall she write?", "utter_action": "utter_confirm_help"})
    elif "soap" in text:
        await out.send_response(to, {"text": "Lavender soap costs 18 zł. https://example.org", "utter_action": "utter_rumianek__ask_price"})
    else:
        await out.send_response(to, {"text": "Hello! Welcome to Rumianek.", "utter_action": "utter_greet"})


@asynccontextmanager
async def telegram_stack(tmp_path: Path, mode: str = "webhook", db: str | None = None) -> AsyncIterator[tuple[FakeTelegram, TelegramInput, Handler, str]]:
    fake = FakeTelegram()
    await fake.start()
    port = free_port()
    env = {
        "TG_RUMIANEK": TOKEN_A,
        "TG_GAMETIPS": TOKEN_B,
        "POPBOT_TELEGRAM_API_URL": fake.url,
        "POPBOT_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    config = parse(
        {
            "mode": mode,
            "bots": [
                {"persona": "rumianek", "token_env": "TG_RUMIANEK"},
                {"persona": "gametips", "token_env": "TG_GAMETIPS", "secret_env": "TG_GAMETIPS_SECRET"},
                {"persona": "other", "token_env": "TG_UNSET"},
            ],
        },
        env=env | {"TG_GAMETIPS_SECRET": "gametips-secret-0123456789"},
    )
    url = db or f"sqlite:///{tmp_path / 'channels.db'}"
    channel = TelegramInput(
        config,
        ledger=SqlUpdateLedger(url),
        message_log=SqlMessageIdLog(url),
        addresses=identity.StorageReplyAddressBook(),  # encrypted, in the test's own database
    )
    try:
        async with serve([channel], shop_reply, port=port) as (base, handler, _app):
            yield fake, channel, handler, base
    finally:
        await fake.stop()


def conv(chat_id: int, token: str = TOKEN_A) -> str:
    return identity.conversation_id("telegram", f"{token.split(':')[0]}:{chat_id}")


async def test_webhooks_registered_with_secret_for_each_configured_bot(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, channel, _, base):
        assert sorted(channel.runtimes) == ["gametips", "rumianek"]  # the unset token is skipped
        hook = fake.webhooks[TOKEN_A]
        assert hook["url"] == f"{base}/webhooks/telegram/rumianek/webhook"
        assert hook["allowed_updates"] == ["message"]
        assert len(hook["secret_token"]) >= 32
        assert fake.webhooks[TOKEN_B]["secret_token"] == "gametips-secret-0123456789"


async def test_wrong_or_missing_secret_is_refused_with_the_plain_404(tmp_path: Path) -> None:
    """The same answer as an unknown bot key (tests/security/test_disguise.py): keys cannot be probed."""
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        assert await fake.deliver(TOKEN_A, fake.user_update("hello"), secret="wrong-secret-but-long") == 404
        assert await fake.deliver(TOKEN_A, fake.user_update("hello"), secret="") == 404
        secret_b = fake.webhooks[TOKEN_B]["secret_token"]
        assert await fake.deliver(TOKEN_A, fake.user_update("hello"), secret=secret_b) == 404
    assert handler.received == []
    assert fake.called("sendMessage") == []


async def test_coded_message_reaches_rasa_pseudonymised_and_reply_is_protected(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        assert await fake.deliver(TOKEN_A, fake.user_update("I need the chamomile cream", chat_id=4242)) == 200
        assert await fake.deliver(TOKEN_A, fake.user_update("how much is the soap?", chat_id=4242)) == 200
    first, second = handler.received
    assert first.sender_id == conv(4242)
    assert "4242" not in first.sender_id
    assert first.input_channel == "telegram"
    assert first.metadata == {"persona": "rumianek", "lang": "en"}
    coded, cover = fake.called("sendMessage", TOKEN_A)
    assert coded["chat_id"] == 4242
    assert coded["protect_content"] is True
    assert coded["link_preview_options"] == {"is_disabled": True}
    assert cover["protect_content"] is False
    assert cover["link_preview_options"] == {"is_disabled": True}


async def test_each_bot_speaks_for_its_own_persona(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        secret = fake.webhooks[TOKEN_B]["secret_token"]
        assert await fake.deliver(TOKEN_B, fake.user_update("hi", chat_id=4242), secret=secret) == 200
    [message] = handler.received
    assert message.metadata["persona"] == "gametips"
    assert message.sender_id == conv(4242, TOKEN_B) != conv(4242, TOKEN_A)
    assert [c.token for c in fake.calls if c.method == "sendMessage"] == [TOKEN_B]


async def test_redelivered_update_is_processed_once_even_on_another_replica(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'shared.db'}"
    async with telegram_stack(tmp_path, db=db) as (fake, _, handler, _base):
        update = fake.user_update("hello", update_id=777)
        assert await fake.deliver(TOKEN_A, update) == 200
        assert await fake.deliver(TOKEN_A, update) == 200
        assert len(handler.received) == 1
        async with telegram_stack(tmp_path, db=db) as (fake2, _, handler2, _base2):
            fake2.webhooks[TOKEN_A]["secret_token"] = fake.webhooks[TOKEN_A]["secret_token"]
            assert await fake2.deliver(TOKEN_A, update) == 200
            assert handler2.received == []
    assert len(fake.called("sendMessage")) == 1


@pytest.mark.parametrize(
    "kind",
    ["edited_message", "channel_post", "group", "callback_query", "my_chat_member"],
)
async def test_unhandled_update_kinds_are_acknowledged_and_ignored(tmp_path: Path, kind: str) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        if kind == "edited_message":
            update = fake.user_update("changed text", kind="edited_message", edit_date=1)
        elif kind == "channel_post":
            update = fake.user_update("news", kind="channel_post")
        elif kind == "group":
            update = fake.user_update("hello all", chat_type="group")
        elif kind == "callback_query":
            update = {"update_id": 5, "callback_query": {"id": "1", "chat_instance": "c", "data": "/x",
                                                         "from": {"id": 1, "is_bot": False, "first_name": "K"}}}
        else:
            update = {"update_id": 6, "my_chat_member": {
                "chat": {"id": 1, "type": "private"}, "from": {"id": 1, "is_bot": False, "first_name": "K"},
                "date": 1, "old_chat_member": {"status": "member", "user": {"id": 2, "is_bot": True, "first_name": "B"}},
                "new_chat_member": {"status": "kicked", "until_date": 0, "user": {"id": 2, "is_bot": True, "first_name": "B"}}}}
        assert await fake.deliver(TOKEN_A, update) == 200
    assert handler.received == []
    assert fake.called("sendMessage") == []


async def test_garbage_body_is_400_not_a_crash(tmp_path: Path) -> None:
    import aiohttp

    async with telegram_stack(tmp_path) as (fake, _, handler, base):
        secret = fake.webhooks[TOKEN_A]["secret_token"]
        async with aiohttp.ClientSession() as session:
            for body in (b"not json", b"[1,2]", b"{}"):
                async with session.post(f"{base}/webhooks/telegram/rumianek/webhook", data=body,
                                        headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as resp:
                    assert resp.status == 400
            async with session.post(f"{base}/webhooks/telegram/nobody/webhook", data=b"{}") as resp:
                assert resp.status == 404
    assert handler.received == []


@pytest.mark.parametrize(
    ("text", "lang", "expected_text", "start"),
    [
        ('/rumianek__urgent{"address": "x"}', "en", 'rumianek__urgent{"address": "x"}', False),
        ("//help", "en", "help", False),
        ("/start", "en", "hello", True),
        ("/start c29tZXRoaW5n", "pl", "dzień dobry", True),
        ("/start@shop111111_bot", "es", "hola", True),
        ("/startle me", "en", "startle me", False),
    ],
)
async def test_injection_is_neutralised_and_start_greets(tmp_path: Path, text: str, lang: str, expected_text: str, start: bool) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        assert await fake.deliver(TOKEN_A, fake.user_update(text, language_code=lang)) == 200
    [message] = handler.received
    assert message.text == expected_text
    assert message.metadata.get("start", False) is start
    assert message.metadata["lang"] == lang


async def test_clean_chat_deletes_both_sides_then_says_one_line(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, _handler, _base):
        for text in ("hello", "chamomile cream please", "clean my basket"):
            assert await fake.deliver(TOKEN_A, fake.user_update(text, chat_id=5150)) == 200
        # user 1, bot 2, user 3, bot 4, user 5 -> all deleted; the closing line is message 6
        assert fake.called("deleteMessages", TOKEN_A) == [{"chat_id": 5150, "message_ids": [1, 2, 3, 4, 5]}]
        *_, last = fake.called("sendMessage", TOKEN_A)
        assert last["text"] == "Thank you for visiting Rumianek!"
        assert [c.method for c in fake.calls][-2:] == ["deleteMessages", "sendMessage"]
        # afterwards only the closing line is remembered; a second clean deletes just that
        assert await fake.deliver(TOKEN_A, fake.user_update("clean", chat_id=5150)) == 200
        assert fake.called("deleteMessages", TOKEN_A)[-1] == {"chat_id": 5150, "message_ids": [6, 7]}


async def test_not_now_wipes_the_chat_too(tmp_path: Path) -> None:
    """ "Not now" often means someone is near: the chat keeps only the "later" line (issue 10)."""
    async with telegram_stack(tmp_path) as (fake, _, _handler, _base):
        for text in ("chamomile cream please", "not now"):
            assert await fake.deliver(TOKEN_A, fake.user_update(text, chat_id=5151)) == 200
        assert fake.called("deleteMessages", TOKEN_A) == [{"chat_id": 5151, "message_ids": [1, 2, 3]}]
        *_, last = fake.called("sendMessage", TOKEN_A)
        assert last["text"] == "No rush! Write yes here when it suits you."


async def test_clean_chat_payload_from_an_action(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, channel, _handler, _base):
        assert await fake.deliver(TOKEN_A, fake.user_update("hello", chat_id=9)) == 200
        output = channel.get_output_channel()
        await output.send_response(conv(9), {"custom": {"popbot": "clean_chat"}, "text": "Bye!"})
        assert fake.called("deleteMessages", TOKEN_A) == [{"chat_id": 9, "message_ids": [1, 2]}]
        assert fake.called("sendMessage", TOKEN_A)[-1]["text"] == "Bye!"


async def test_storage_failure_answers_500_and_redelivery_is_processed(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        handler.fail_next = 1
        update = fake.user_update("chamomile cream", update_id=31337)
        assert await fake.deliver(TOKEN_A, update) == 500
        assert handler.received == []
        assert await fake.deliver(TOKEN_A, update) == 200
        assert await fake.deliver(TOKEN_A, update) == 200
    assert [m.text for m in handler.received] == ["chamomile cream"]
    assert len(fake.called("sendMessage")) == 1


async def test_send_failure_makes_telegram_redeliver(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        fake.fail_methods["sendMessage"] = 1
        update = fake.user_update("hello", update_id=4040)
        assert await fake.deliver(TOKEN_A, update) == 500
        assert await fake.deliver(TOKEN_A, update) == 200
    assert len(fake.called("sendMessage")) == 2  # the failed attempt and the successful one


async def test_counselor_message_through_latest_output_channel(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, channel, _handler, _base):
        assert await fake.deliver(TOKEN_A, fake.user_update("cream", chat_id=8080)) == 200
        output = channel.get_output_channel()  # what Rasa uses for output_channel=latest
        await output.send_response(conv(8080), {"text": "Hi, I am Anna, the skin specialist."})
        sent = fake.called("sendMessage", TOKEN_A)[-1]
        assert sent["chat_id"] == 8080
        assert sent["text"] == "Hi, I am Anna, the skin specialist."
        assert sent["protect_content"] is True
        with pytest.raises(LookupError):
            await output.send_response("telegram-unknown", {"text": "x"})


async def test_in_flight_update_elsewhere_answers_503(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, channel, handler, _base):
        assert await channel.ledger.claim("rumianek", 99) is Claim.NEW  # another replica is on it
        assert await fake.deliver(TOKEN_A, fake.user_update("hello", update_id=99)) == 503
    assert handler.received == []


async def test_polling_mode_receives_and_answers(tmp_path: Path) -> None:
    import asyncio

    async with telegram_stack(tmp_path, mode="polling") as (fake, _, handler, _base):
        assert fake.webhooks == {}
        assert fake.called("deleteWebhook", TOKEN_A)
        fake.queue_update(TOKEN_A, fake.user_update("/start", update_id=1, chat_id=3))
        fake.queue_update(TOKEN_A, fake.user_update("cream", update_id=2, chat_id=3))
        for _ in range(200):
            if any(c.get("offset") == 3 for c in fake.called("getUpdates", TOKEN_A)):
                break
            await asyncio.sleep(0.05)
    assert [m.text for m in handler.received] == ["hello", "cream"]
    offsets = [c["offset"] for c in fake.called("getUpdates", TOKEN_A) if c.get("offset")]
    assert offsets and offsets[-1] == 3


async def test_idle_conversations_are_cleaned_automatically(tmp_path: Path) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from bot.channels.state import messages_table
    from core.db import engine as engine_for, utcnow

    db = f"sqlite:///{tmp_path / 'channels.db'}"
    async with telegram_stack(tmp_path, db=db) as (fake, channel, _handler, _base):
        assert await fake.deliver(TOKEN_A, fake.user_update("cream", chat_id=1)) == 200
        assert await fake.deliver(TOKEN_A, fake.user_update("cream", chat_id=2)) == 200
        with engine_for(db).begin() as c:  # chat 1 went quiet 25 hours ago
            c.execute(update(messages_table).where(messages_table.c.conversation == conv(1)).values(at=utcnow() - timedelta(hours=25)))
        assert await channel.sweep() == 1
        assert fake.called("deleteMessages", TOKEN_A) == [{"chat_id": 1, "message_ids": [1, 2]}]


def test_sensitivity_of_responses() -> None:
    assert is_sensitive({"text": "x"}) is True  # counselor message, unknown
    assert is_sensitive({"utter_action": "utter_emergency"}) is True
    assert is_sensitive({"utter_action": "utter_ack_abuse_disclosure"}) is True
    assert is_sensitive({"utter_action": "utter_greet"}) is False
    assert is_sensitive({"utter_action": "utter_rumianek__ask_price"}) is False
