"""Counselor messages through the child's real channel, once: the web widget's push socket and
Telegram (python-telegram-bot against the fake Bot API, ``protect_content``); a delivery failure
comes back to the counselor as an event; the bot is silent while held and normal after return.
The trained model answers (action server stopped)."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import aiohttp
import pytest

from bot.channels import identity, sessions
from bot.channels.message_ids import SqlMessageIdLog
from bot.channels.telegram import TelegramInput
from bot.channels.telegram_config import parse
from bot.channels.updates import SqlUpdateLedger
from bot.channels.web import WebInput
from bot.handoff import service
from bot.handoff.model import Actor, Context
from bot.storage import runtime
from bot.storage.runtime import Storage
from tests.channels.harness import free_port, serve
from tests.e2e.fake_telegram import FakeTelegram
from tests.handoff.test_bot_side import anna, bot, ctx, store  # noqa: F401 - fixtures

pytestmark = pytest.mark.asyncio
TOKEN = "333333:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"


@pytest.fixture(autouse=True)
def _process_storage(store: Storage) -> Iterator[None]:  # noqa: F811
    """The delivery worker of the server uses the process storage: the test's database."""
    runtime.set_storage(store)
    yield
    runtime.set_storage(None)


async def until(check: Callable[[], Any], rounds: int = 400) -> Any:
    for _ in range(rounds):
        found = check()
        if found:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached")


def kinds(ctx: Context, conversation: str) -> list[str]:  # noqa: F811
    return [e.kind for e in service.events_since(ctx) if e.conversation_id == conversation]


async def post(session: aiohttp.ClientSession, base: str, text: str, sender: str) -> list[dict[str, Any]]:
    payload = {"sender": sender, "message": text, "metadata": {"persona": "rumianek", "lang": "es"}}
    async with session.post(f"{base}/webhooks/web/webhook", data=json.dumps(payload),
                            headers={"Content-Type": "application/json"}) as resp:
        assert resp.status == 200
        return list(await resp.json())


async def test_web_widget_live_exchange_once_then_back_to_the_bot(bot: Any, ctx: Context, anna: Actor) -> None:  # noqa: F811
    sender = sessions.issue()  # the widget's session, as the shop page issues it
    conversation = identity.conversation_id("web", sender)
    async with serve([WebInput(shop=False)], lambda m: asyncio.sleep(0), on_new_message=bot.handle_message) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            first = await post(session, base, "mi padrastro me pega cuando mi madre no está", sender)
            assert first  # acknowledged, and "shall I pass you over?" in Spanish
            assert await post(session, base, "sí, por favor", sender)  # yes: queued
            assert service.entry(ctx, anna, conversation).state == "waiting"
            service.claim(ctx, anna, conversation)
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await ws.send_str(json.dumps({"type": "hello", "sender": sender}))
                assert json.loads((await ws.receive(timeout=10)).data) == {"type": "ready"}
                sent = service.reply(ctx, anna, conversation, "Hola, soy Ana de la tienda. ¿Cómo estás?")
                frame = json.loads((await ws.receive(timeout=10)).data)
                ref = frame["message"]["id"]
                assert frame == {"type": "message", "message": {"text": "Hola, soy Ana de la tienda. ¿Cómo estás?", "id": ref}}
                await until(lambda: "sent" in kinds(ctx, conversation))  # reached the widget's socket ...
                assert "delivered" not in kinds(ctx, conversation)  # ... but only the widget's ack is delivery
                await ws.send_str(json.dumps({"type": "ack", "id": ref}))  # as shop.js does once shown
                await until(lambda: "delivered" in kinds(ctx, conversation))
                assert await post(session, base, "estoy en mi cuarto", sender) == []  # silent while held
                await asyncio.sleep(0.3)  # the worker polls every 0.1 s: a second push would be here now
                with pytest.raises(asyncio.TimeoutError):
                    await ws.receive(timeout=0.2)  # never twice
            line = [m for m in service.transcript(ctx, anna, conversation).messages if m.id == sent.id]
            assert line[0].delivery == "delivered" and line[0].actor == "anna"
            service.return_to_bot(ctx, anna, conversation)
            after = await post(session, base, "hola", sender)
            assert after and all("entend" not in r.get("text", "") for r in after)  # a greeting, not "I didn't understand"
    assert kinds(ctx, conversation).count("delivered") == 1


async def hello(ws: Any, sender: str) -> None:
    await ws.send_str(json.dumps({"type": "hello", "sender": sender}))
    assert json.loads((await ws.receive(timeout=10)).data) == {"type": "ready"}


def delivery_of(ctx: Context, anna: Actor, conversation: str, message_id: str) -> str | None:  # noqa: F811
    return [m for m in service.transcript(ctx, anna, conversation).messages if m.id == message_id][0].delivery


async def test_web_unconfirmed_message_is_reported_then_pushed_again_on_reconnect_until_confirmed(
    bot: Any, ctx: Context, anna: Actor,  # noqa: F811
) -> None:
    """Issue 10, gap 2: "delivered" means the child's widget confirmed it. A push whose ack never
    came (the page went away) is reported to the counselor as not delivered yet and pushed again
    with the same id when the widget reconnects (shop.js shows an id once); after the ack it is
    delivered and never pushed again."""
    from bot.handoff import delivery

    sender = sessions.issue()
    conversation = identity.conversation_id("web", sender)
    text = "¿Sigues ahí? Soy Ana."
    async with serve([WebInput(shop=False)], lambda m: asyncio.sleep(0), on_new_message=bot.handle_message) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            await post(session, base, "mi padrastro me pega cuando mi madre no está", sender)
            await post(session, base, "sí, por favor", sender)
            service.claim(ctx, anna, conversation)
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await hello(ws, sender)
                sent = service.reply(ctx, anna, conversation, text)
                first = json.loads((await ws.receive(timeout=10)).data)["message"]
                assert first["text"] == text
                await until(lambda: delivery_of(ctx, anna, conversation, sent.id) == "sent")
            # the page closed before confirming: after the timeout the counselor is told
            worker = delivery.worker()
            worker.ack_timeout = 0.2
            await asyncio.sleep(0.3)
            assert await asyncio.to_thread(worker.report_unconfirmed) == 1
            assert delivery_of(ctx, anna, conversation, sent.id) == "unconfirmed"
            late = [e for e in service.events_since(ctx) if e.kind == "not_delivered_yet"]
            assert len(late) == 1 and late[0].conversation_id == conversation and text not in repr(late)
            assert "delivered" not in kinds(ctx, conversation)
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await hello(ws, sender)
                again = json.loads((await ws.receive(timeout=10)).data)["message"]
                assert again == first  # the same id: the widget drops it if it did show it
                await ws.send_str(json.dumps({"type": "ack", "id": "0" * 32}))  # not this conversation's: ignored
                await ws.send_str("not json")  # ignored, the socket stays
                await ws.send_str(json.dumps({"type": "ack", "id": again["id"]}))
                await until(lambda: delivery_of(ctx, anna, conversation, sent.id) == "delivered")
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await hello(ws, sender)
                with pytest.raises(asyncio.TimeoutError):
                    await ws.receive(timeout=0.5)  # confirmed: never pushed again
    assert kinds(ctx, conversation).count("delivered") == 1


async def test_a_push_the_widget_never_confirmed_fails_at_the_quick_exit(bot: Any, ctx: Context, anna: Actor) -> None:  # noqa: F811
    """After the quick exit the page can no longer confirm: the counselor is told at once."""
    sender = sessions.issue()
    conversation = identity.conversation_id("web", sender)
    async with serve([WebInput(shop=False)], lambda m: asyncio.sleep(0), on_new_message=bot.handle_message) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            await post(session, base, "mi padrastro me pega cuando mi madre no está", sender)
            await post(session, base, "sí, por favor", sender)
            service.claim(ctx, anna, conversation)
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await hello(ws, sender)
                sent = service.reply(ctx, anna, conversation, "¿Estás bien?")
                assert json.loads((await ws.receive(timeout=10)).data)["message"]["text"] == "¿Estás bien?"
                await until(lambda: delivery_of(ctx, anna, conversation, sent.id) == "sent")
                async with session.post(f"{base}/webhooks/web/leave", data=json.dumps({"sender": sender}),
                                        headers={"Content-Type": "application/json"}) as resp:
                    assert resp.status in (204, 503)
            assert delivery_of(ctx, anna, conversation, sent.id) == "failed"
    failed = [e for e in service.events_since(ctx) if e.kind == "delivery_failed"]
    assert [e.detail["reason"] for e in failed] == ["the child left the chat (quick exit)"]


async def test_web_delivery_after_quick_exit_is_reported_to_the_counselor(bot: Any, ctx: Context, anna: Actor) -> None:  # noqa: F811
    sender = sessions.issue()  # the widget's session, as the shop page issues it
    conversation = identity.conversation_id("web", sender)
    async with serve([WebInput(shop=False)], lambda m: asyncio.sleep(0), on_new_message=bot.handle_message) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            await post(session, base, "mi padrastro me pega cuando mi madre no está", sender)
            await post(session, base, "sí, por favor", sender)
            service.claim(ctx, anna, conversation)
            async with session.post(f"{base}/webhooks/web/leave", data=json.dumps({"sender": sender}),
                                    headers={"Content-Type": "application/json"}) as resp:
                assert resp.status in (204, 503)
            service.reply(ctx, anna, conversation, "¿sigues ahí?")
            await until(lambda: "delivery_failed" in kinds(ctx, conversation))
    failed = [e for e in service.events_since(ctx) if e.kind == "delivery_failed"]
    assert failed[0].detail["reason"] == "the child left the chat (quick exit)"
    assert "sigues" not in repr(failed)


async def test_telegram_counselor_message_protected_once_and_failure_reported(
    bot: Any, ctx: Context, anna: Actor, tmp_path: Path,  # noqa: F811
) -> None:
    fake = FakeTelegram()
    await fake.start()
    port = free_port()
    config = parse({"mode": "webhook", "bots": [{"persona": "rumianek", "token_env": "TG"}]},
                   env={"TG": TOKEN, "POPBOT_TELEGRAM_API_URL": fake.url, "POPBOT_PUBLIC_URL": f"http://127.0.0.1:{port}"})
    url = str(ctx.storage.engine.url)
    channel = TelegramInput(config, ledger=SqlUpdateLedger(url), message_log=SqlMessageIdLog(url),
                            addresses=identity.StorageReplyAddressBook())
    conversation = identity.conversation_id("telegram", f"{TOKEN.split(':')[0]}:4242")
    try:
        async with serve([channel], lambda m: asyncio.sleep(0), port=port, on_new_message=bot.handle_message):
            assert await fake.deliver(TOKEN, fake.user_update("ojczym mnie bije jak mama jest w pracy", language_code="pl")) == 200
            assert await fake.deliver(TOKEN, fake.user_update("tak", language_code="pl")) == 200
            assert service.entry(ctx, anna, conversation).state == "waiting"
            service.claim(ctx, anna, conversation)
            before = len(fake.called("sendMessage"))
            assert await fake.deliver(TOKEN, fake.user_update("jestem sama w pokoju", language_code="pl")) == 200
            assert len(fake.called("sendMessage")) == before  # silent while held
            service.reply(ctx, anna, conversation, "Cześć, tu Ola z Rumianka.")
            await until(lambda: "delivered" in kinds(ctx, conversation))
            mine = [p for p in fake.called("sendMessage") if p.get("text") == "Cześć, tu Ola z Rumianka."]
            assert len(mine) == 1 and str(mine[0]["protect_content"]).lower() == "true"
            fake.fail_methods["sendMessage"] = 1
            service.reply(ctx, anna, conversation, "Jesteś tam?")
            await until(lambda: "delivery_failed" in kinds(ctx, conversation))
            await asyncio.sleep(0.3)
            assert not [p for p in fake.called("sendMessage") if p.get("text") == "Jesteś tam?" and p is not None][1:]
    finally:
        await fake.stop()
    failed = [e for e in service.events_since(ctx) if e.kind == "delivery_failed"]
    assert len(failed) == 1 and failed[0].detail["reason"]
