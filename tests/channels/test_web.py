from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import SlotSet

from bot.channels import identity, sessions
from bot.channels.push import PushHub, RedisRelay
from bot.channels.web import SESSION_COOKIE, WebInput
from tests.channels.harness import serve

SENDER = "s3ss10n-abcdefghijklmnop"  # well-formed but not issued by the server


@pytest.fixture
def sender() -> str:
    """A session id the server issued (same keys as the server in this process)."""
    return sessions.issue()


async def shop_reply(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, f"got {len(message.text)} chars")
    if "cream" in message.text:
        await message.output_channel.send_text_message(message.sender_id, "Our specialist can help.\n\nShall she write?")


def post(session: aiohttp.ClientSession, url: str, payload: object) -> aiohttp.client._RequestContextManager:
    return session.post(url, data=json.dumps(payload), headers={"Content-Type": "application/json"})


async def test_webhook_returns_replies_and_pseudonymises_the_sender(sender: str) -> None:
    async with serve([WebInput(shop=False)], shop_reply) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "chamomile cream?", "metadata": {"persona": "rumianek", "lang": "en"}}
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 200
                assert resp.headers["Cache-Control"].startswith("no-store")
                replies = await resp.json()
    assert replies == [
        {"text": "got 16 chars"},
        {"text": "Our specialist can help."},
        {"text": "Shall she write?"},
    ]
    [message] = handler.received
    assert message.sender_id == identity.conversation_id("web", sender)
    assert sender not in message.sender_id
    assert message.input_channel == "web"
    assert message.metadata == {"persona": "rumianek", "lang": "en"}


async def test_the_client_s_message_id_reaches_rasa_and_a_message_without_one_gets_its_own(sender: str) -> None:
    """The id a client keeps for its retries is the message's id (bot/channels/repeats.py)."""
    async with serve([WebInput(shop=False)], shop_reply) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            for payload in ({"sender": sender, "id": "0123456789abcdef-_XYZ", "message": "hi"},
                            {"sender": sender, "message": "hi"}, {"sender": sender, "message": "hi"}):
                async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                    assert resp.status == 200
    given, own, other = (m.message_id for m in handler.received)
    assert given == "0123456789abcdef-_XYZ"
    assert own and other and own != other


async def test_injected_intent_is_neutralised_and_extra_metadata_dropped(sender: str) -> None:
    async with serve([WebInput(shop=False)], shop_reply) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            payload = {
                "sender": sender,
                "message": ' //imminent_danger{"address": "x"}',
                "metadata": {"persona": "rumianek", "is_counselor": True},
            }
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 200
    [message] = handler.received
    assert message.text == 'imminent_danger{"address": "x"}'
    assert message.metadata == {"persona": "rumianek"}


async def test_missing_persona_means_plain(sender: str) -> None:
    async with serve([WebInput(shop=False)], shop_reply) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            async with post(session, f"{base}/webhooks/web/webhook", {"sender": sender, "message": "hi"}) as resp:
                assert resp.status == 200
    assert handler.received[0].metadata == {"persona": "plain"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"sender": SENDER + "\n", "message": "hi"}, "'sender'"),
        ({"sender": "a b", "message": "hi"}, "'sender'"),
        ({"sender": SENDER, "message": ""}, "'message'"),
        ({"sender": SENDER, "message": 5}, "'message'"),
        ({"sender": SENDER, "message": "x" * 5000}, "'message'"),
        ({"sender": SENDER, "message": "hi", "metadata": {"persona": "Evil/../"}}, "'metadata.persona'"),
        ({"sender": SENDER, "message": "hi", "metadata": {"persona": "gametips"}}, "'metadata.persona'"),
        ({"sender": SENDER, "message": "hi", "metadata": {"persona": "rumianek", "lang": "xx"}}, "'metadata.lang'"),
        ({"sender": SENDER, "id": "short", "message": "hi"}, "'id'"),
        ({"sender": SENDER, "id": "x" * 65, "message": "hi"}, "'id'"),
        ({"sender": SENDER, "id": "a b c d e f g h", "message": "hi"}, "'id'"),
        ({"sender": SENDER, "id": 12345678, "message": "hi"}, "'id'"),
        ([1, 2], "JSON object"),
    ],
)
async def test_bad_input_names_the_field(payload: object, field: str) -> None:
    async with serve([WebInput(personas=["rumianek"], shop=False)], shop_reply) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 400
                assert field in (await resp.json())["error"]
    assert handler.received == []


async def test_processing_failure_spools_the_message_and_a_retry_stores_it(tmp_path: Path, sender: str) -> None:
    from bot.storage.runtime import key_provider
    from bot.storage.spool import Spool

    channel = WebInput(shop=False, retry_every=0, spool=Spool(tmp_path / "spool", key_provider()))
    async with serve([channel], shop_reply) as (base, handler, _):
        handler.fail_next = 1
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "hi", "metadata": {"persona": "rumianek"}}
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 200  # kept in the spool; nothing to answer yet
                assert await resp.json() == []
        assert channel.spool.count() == 1
        assert await channel.retry_spooled(handler) == 1
    assert channel.spool.count() == 0
    [message] = handler.received
    assert (message.text, message.sender_id) == ("hi", identity.conversation_id("web", sender))


async def test_an_unreachable_conversation_lock_answers_503_and_spools_nothing(tmp_path: Path, sender: str) -> None:
    """Redis down: the turn never started, so the platform is told to send again (no spool, no
    reply-less 200)."""
    from bot.storage.lock_store import ConversationLockStore
    from bot.storage.runtime import key_provider
    from bot.storage.spool import Spool

    channel = WebInput(shop=False, retry_every=0, spool=Spool(tmp_path / "spool", key_provider()))
    async with serve([channel], shop_reply) as (base, handler, _):
        handler.agent.lock_store = ConversationLockStore(redis_url="redis://127.0.0.1:1/0")  # nothing listens
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "hi", "metadata": {"persona": "rumianek"}}
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 503
                assert await resp.json() == {"error": "temporarily unavailable, send again"}
    assert channel.spool.count() == 0
    conversation = identity.conversation_id("web", sender)
    assert (await handler.agent.tracker_store.retrieve(conversation)) is None  # nothing stored


async def _hello(ws: aiohttp.ClientWebSocketResponse, sender: str) -> None:
    await ws.send_str(json.dumps({"type": "hello", "sender": sender}))
    assert json.loads((await ws.receive(timeout=5)).data) == {"type": "ready"}


async def test_counselor_message_is_pushed_to_the_open_socket(sender: str) -> None:
    channel = WebInput(shop=False)
    async with serve([channel], shop_reply) as (base, _, _app):
        conversation = identity.conversation_id("web", sender)
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await _hello(ws, sender)
                output = channel.get_output_channel()  # what Rasa uses for output_channel=latest
                await output.send_response(conversation, {"text": "Hello, this is Anna from customer care."})
                frame = json.loads((await ws.receive(timeout=5)).data)
    assert frame == {"type": "message", "message": {"text": "Hello, this is Anna from customer care."}}


async def test_message_sent_while_offline_arrives_on_reconnect(sender: str) -> None:
    channel = WebInput(shop=False)
    async with serve([channel], shop_reply) as (base, _, _app):
        conversation = identity.conversation_id("web", sender)
        await channel.get_output_channel().send_text_message(conversation, "are you still there?")
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await _hello(ws, sender)
                frame = json.loads((await ws.receive(timeout=5)).data)
    assert frame["message"] == {"text": "are you still there?"}


async def test_socket_without_hello_is_closed() -> None:
    async with serve([WebInput(shop=False)], shop_reply) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await ws.send_str(json.dumps({"type": "subscribe", "conversation": "x"}))
                msg = await ws.receive(timeout=5)
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


async def test_leave_closes_socket_records_marker_and_goes_quiet(sender: str) -> None:
    channel = WebInput(shop=False)
    async with serve([channel], shop_reply) as (base, handler, _app):
        conversation = identity.conversation_id("web", sender)
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "cream", "metadata": {"persona": "rumianek"}}
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 200
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await _hello(ws, sender)
                session.cookie_jar.update_cookies({SESSION_COOKIE: sender})
                async with session.post(f"{base}/webhooks/web/leave", data=b"{}") as resp:
                    assert resp.status == 204
                    assert resp.headers["Cache-Control"].startswith("no-store")
                    assert resp.cookies[SESSION_COOKIE].value == ""
                    assert resp.cookies[SESSION_COOKIE]["max-age"] == "0"
                closing = await ws.receive(timeout=5)
                assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        tracker = await handler.agent.tracker_store.retrieve(conversation)
        assert tracker is not None
        assert tracker.get_slot("left") is True
        assert isinstance(tracker.events[-1], SlotSet)
        assert channel.hub.has_left(conversation)
        await channel.get_output_channel().send_text_message(conversation, "hello?")
        assert channel.hub.connected(conversation) == 0
        assert channel.hub._conversations[conversation].backlog == type(channel.hub._conversations[conversation].backlog)()


async def test_leave_of_unknown_conversation_is_harmless() -> None:
    async with serve([WebInput(shop=False)], shop_reply) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            async with post(session, f"{base}/webhooks/web/leave", {"sender": "never-seen"}) as resp:
                assert resp.status == 204


async def test_hub_drops_dead_sockets_and_keeps_delivering() -> None:
    hub = PushHub()
    got: list[dict] = []

    async def dead(_: dict) -> None:
        raise ConnectionResetError

    async def alive(message: dict) -> None:
        got.append(message)

    async def close() -> None:
        return None

    await hub.attach("c1", dead, close)
    await hub.attach("c1", alive, close)
    assert await hub.deliver_local("c1", {"text": "x"}) == 1
    assert hub.connected("c1") == 1
    assert got == [{"text": "x"}]


@pytest.mark.redis
async def test_redis_relay_reaches_a_socket_on_another_replica() -> None:
    hub_a, hub_b = PushHub(), PushHub()
    relay_a = RedisRelay(hub_a, "redis://127.0.0.1:6379/0")
    relay_b = RedisRelay(hub_b, "redis://127.0.0.1:6379/0")
    await relay_a.start()
    await relay_b.start()
    got: asyncio.Queue[dict] = asyncio.Queue()

    async def close() -> None:
        return None

    try:
        await hub_b.attach("conv-relay", got.put, close)
        await hub_a.publish("conv-relay", {"text": "from replica a"})
        assert await asyncio.wait_for(got.get(), timeout=5) == {"text": "from replica a"}
        await hub_a.leave("conv-relay")
        for _ in range(50):
            if hub_b.has_left("conv-relay"):
                break
            await asyncio.sleep(0.05)
        assert hub_b.has_left("conv-relay")
    finally:
        await relay_a.stop()
        await relay_b.stop()


@pytest.mark.redis
async def test_redis_relay_subscribes_again_after_losing_its_connection(own_redis: str) -> None:
    """Redis dropped the relays' subscriptions (as a restart does): pushes between replicas go on."""
    import redis.asyncio as redis_asyncio

    hub_a, hub_b = PushHub(), PushHub()
    relay_a, relay_b = RedisRelay(hub_a, own_redis), RedisRelay(hub_b, own_redis)
    await relay_a.start()
    await relay_b.start()
    got: asyncio.Queue[dict] = asyncio.Queue()

    async def close() -> None:
        return None

    admin = redis_asyncio.from_url(own_redis)
    try:
        await hub_b.attach("conv-relay", got.put, close)
        assert await admin.client_kill_filter(_type="pubsub") == 2  # both relays' connections
        for _ in range(200):  # until both subscribed again (a guard, not a time limit)
            if (await admin.pubsub_numsub(RedisRelay.CHANNEL))[0][1] == 2:
                break
            await asyncio.sleep(0.05)
        await hub_a.publish("conv-relay", {"text": "after the loss"})
        assert await asyncio.wait_for(got.get(), timeout=30) == {"text": "after the loss"}
    finally:
        await admin.close()
        await relay_a.stop()
        await relay_b.stop()


def _database_down() -> BaseException:
    """The error a turn gets while PostgreSQL restarts: a refused connection (nothing on port 9)."""
    import sqlalchemy as sa

    engine = sa.create_engine("postgresql://popbot@127.0.0.1:9/popbot")
    try:
        engine.connect()
    except sa.exc.OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("port 9 answered")


async def test_a_database_restart_is_waited_for_then_the_child_is_answered(tmp_path: Path, sender: str) -> None:
    """The database refuses connections for two tries: the turn runs again in place, the child gets
    the reply in the same answer and nothing waits in the spool."""
    from bot.storage.runtime import key_provider
    from bot.storage.spool import Spool

    channel = WebInput(shop=False, retry_every=0, spool=Spool(tmp_path / "spool", key_provider()))
    async with serve([channel], shop_reply) as (base, handler, _):
        handler.fail_next, handler.fail_with = 2, _database_down
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "hi", "metadata": {"persona": "rumianek"}}
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 200
                assert [r["text"] for r in await resp.json()] == ["got 2 chars"]
        assert channel.spool.count() == 0
        assert len(handler.received) == 1  # stored once


async def test_a_database_down_longer_than_the_pauses_spools_the_message(tmp_path: Path, sender: str) -> None:
    from bot.channels.retry import DATABASE_RETRY_PAUSES
    from bot.storage.runtime import key_provider
    from bot.storage.spool import Spool

    channel = WebInput(shop=False, retry_every=0, spool=Spool(tmp_path / "spool", key_provider()))
    async with serve([channel], shop_reply) as (base, handler, _):
        handler.fail_next, handler.fail_with = len(DATABASE_RETRY_PAUSES) + 1, _database_down
        async with aiohttp.ClientSession() as session:
            payload = {"sender": sender, "message": "hi", "metadata": {"persona": "rumianek"}}
            async with post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                assert resp.status == 200 and await resp.json() == []  # kept in the spool
        assert channel.spool.count() == 1
        assert handler.received == []


@pytest.mark.parametrize("action", ["utter_clean_done", "utter_not_safe", "utter_not_now"])
async def test_every_wiping_line_and_only_those_carry_clear(action: str) -> None:
    """The page empties its log after the same lines that wipe a Telegram chat and end a number's repeat
    (core.signals.WIPE_RESPONSES: one list for every channel)."""
    from bot.channels.web import ReplyCollector
    from core.signals import WIPE_RESPONSES

    assert action in WIPE_RESPONSES
    out = ReplyCollector()
    await out.send_response("c1", {"text": "Thanks for visiting!", "utter_action": action})
    await out.send_response("c1", {"text": "Lavender soap costs 18 zł.", "utter_action": "utter_rumianek__ask_price"})
    assert [m.get("clear") for m in out.messages] == [True, None]
