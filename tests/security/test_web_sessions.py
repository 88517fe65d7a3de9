"""Web session identity: only ids the server issued and signed continue a conversation; the push
socket and the quick exit accept only this host's pages; bodies over 64 KB are refused."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels import identity, sessions
from bot.channels.guards import MAX_BODY
from bot.channels.web import SESSION_COOKIE, WebInput
from tests.channels.conftest import _isolated_keys  # noqa: F401
from tests.channels.harness import serve
from tests.channels.test_telegram import TOKEN_A, telegram_stack

#: What an attacker plants: long, well-formed, the right alphabet — but not signed.
PLANTED = "A" * 43 + "." + "B" * 43


async def echo(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "ok")


def _post(session: aiohttp.ClientSession, url: str, payload: object, **headers: str) -> aiohttp.client._RequestContextManager:
    return session.post(url, data=json.dumps(payload), headers={"Content-Type": "application/json", **headers})


def test_issued_ids_verify_and_forgeries_do_not() -> None:
    session = sessions.issue()
    assert sessions.verify(session) and len(session) >= 80
    token, mac = session.split(".")
    assert not sessions.verify(PLANTED)
    assert not sessions.verify(f"{token}.{'A' * 43}")
    assert not sessions.verify(sessions.issue(key=b"k" * 32))  # another deployment's key
    assert not sessions.verify(session + "\n")
    assert not sessions.verify(session[:-1])
    assert not sessions.verify(None)


@pytest.mark.parametrize("planted", [PLANTED, "a", sessions.issue(key=b"other-deployment" * 2)], ids=["unsigned", "one-char", "foreign"])
async def test_an_id_the_server_did_not_issue_starts_a_new_conversation(planted: str) -> None:
    async with serve([WebInput(shop=False, retry_every=0)], echo) as (base, handler, _):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with _post(session, f"{base}/webhooks/web/webhook", {"sender": planted, "message": "hi"}) as resp:
                assert resp.status == 200
                issued = resp.cookies[SESSION_COOKIE].value
            # the browser now holds the issued id: the next message continues that conversation
            async with _post(session, f"{base}/webhooks/web/webhook", {"message": "again"}) as resp:
                assert resp.status == 200
                assert SESSION_COOKIE not in resp.cookies
    first, second = handler.received
    assert sessions.verify(issued) and issued != planted
    assert first.sender_id == second.sender_id == identity.conversation_id("web", issued)
    assert first.sender_id != identity.conversation_id("web", planted)


async def test_a_planted_cookie_does_not_continue_anothers_conversation() -> None:
    victim = sessions.issue()
    async with serve([WebInput(shop=False, retry_every=0)], echo) as (base, handler, _):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with _post(session, f"{base}/webhooks/web/webhook", {"sender": victim, "message": "mine"}) as resp:
                assert resp.status == 200
                assert SESSION_COOKIE not in resp.cookies  # a valid id is kept, not reissued
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as attacker:
            attacker.cookie_jar.update_cookies({SESSION_COOKIE: victim[:-2] + "xx"})
            async with _post(attacker, f"{base}/webhooks/web/webhook", {"message": "theirs"}) as resp:
                assert resp.status == 200
    mine, theirs = handler.received
    assert mine.sender_id == identity.conversation_id("web", victim)
    assert theirs.sender_id != mine.sender_id


async def test_shop_page_replaces_a_planted_cookie_and_keeps_an_issued_one() -> None:
    async with serve([WebInput(personas=["rumianek"], retry_every=0)], echo) as (base, _, _app):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            session.cookie_jar.update_cookies({SESSION_COOKIE: PLANTED})
            async with session.get(f"{base}/shop/rumianek/") as resp:
                assert resp.status == 200
                issued = resp.cookies[SESSION_COOKIE].value
            assert sessions.verify(issued)
            async with session.get(f"{base}/shop/rumianek/") as resp:
                assert SESSION_COOKIE not in resp.cookies


@pytest.mark.parametrize("sender", ["abc\n", sessions.issue(key=b"x" * 32) + "\n", "a b", "x" * 129])
async def test_malformed_sender_is_refused(sender: str) -> None:
    async with serve([WebInput(shop=False, retry_every=0)], echo) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            async with _post(session, f"{base}/webhooks/web/webhook", {"sender": sender, "message": "hi"}) as resp:
                assert resp.status == 400
                assert "'sender'" in (await resp.json())["error"]
    assert handler.received == []


async def _socket_rejected(base: str, sender: str, origin: str | None) -> bool:
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{base}/webhooks/web/ws", origin=origin) as ws:
            await ws.send_str(json.dumps({"type": "hello", "sender": sender}))
            frame = await ws.receive(timeout=5)
            return frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)


async def test_socket_refuses_other_origins_and_unsigned_ids() -> None:
    channel = WebInput(shop=False, retry_every=0)
    victim = sessions.issue()
    conversation = identity.conversation_id("web", victim)
    async with serve([channel], echo) as (base, _, _app):
        assert await _socket_rejected(base, victim, "https://evil.example")
        assert await _socket_rejected(base, victim, None)
        assert await _socket_rejected(base, victim, "null")
        assert await _socket_rejected(base, PLANTED, base)
        assert channel.hub.connected(conversation) == 0
        # the child's own page is accepted and receives the counselor's push
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await ws.send_str(json.dumps({"type": "hello", "sender": victim}))
                assert json.loads((await ws.receive(timeout=5)).data) == {"type": "ready"}
                await channel.get_output_channel().send_text_message(conversation, "hello from Anna")
                frame = json.loads((await ws.receive(timeout=5)).data)
    assert frame == {"type": "message", "message": {"text": "hello from Anna"}}


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}, {"Sec-Fetch-Site": "same-site"}],
    ids=["origin", "fetch-site", "null-origin", "same-site"],
)
async def test_leave_refuses_cross_site_requests(headers: dict[str, str]) -> None:
    recorded: list[str] = []

    async def recorder(_request: object, conversation: str) -> None:
        recorded.append(conversation)

    channel = WebInput(shop=False, retry_every=0, leave_recorder=recorder)
    victim = sessions.issue()
    async with serve([channel], echo) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            async with _post(session, f"{base}/webhooks/web/leave", {"sender": victim}, **headers) as resp:
                assert resp.status == 403
            assert recorded == [] and not channel.hub.has_left(identity.conversation_id("web", victim))
            same = {"Origin": base, "Sec-Fetch-Site": "same-origin"}
            async with _post(session, f"{base}/webhooks/web/leave", {"sender": victim}, **same) as resp:
                assert resp.status == 204
    assert recorded == [identity.conversation_id("web", victim)]


async def test_leave_with_an_unissued_id_touches_no_conversation() -> None:
    recorded: list[str] = []

    async def recorder(_request: object, conversation: str) -> None:
        recorded.append(conversation)

    channel = WebInput(shop=False, retry_every=0, leave_recorder=recorder)
    async with serve([channel], echo) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            async with _post(session, f"{base}/webhooks/web/leave", {"sender": PLANTED}) as resp:
                assert resp.status == 204
    assert recorded == [] and not channel.hub.has_left(identity.conversation_id("web", PLANTED))


async def _chunks(size: int):  # type: ignore[no-untyped-def]
    sent = 0
    while sent < size:
        yield b" " * 4096
        sent += 4096
        await asyncio.sleep(0)


@pytest.mark.parametrize("route", ["webhook", "leave"])
@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_web_body_over_64_kb_is_413(route: str, chunked: bool) -> None:
    body = b'{"message": "hi"' + b" " * MAX_BODY + b"}"
    async with serve([WebInput(shop=False, retry_every=0)], echo) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            data = _chunks(MAX_BODY * 4) if chunked else body
            async with session.post(f"{base}/webhooks/web/{route}", data=data) as resp:
                assert resp.status == 413
            # just under the limit is still read
            ok = json.dumps({"message": "hi", "pad": " " * (MAX_BODY - 100)}).encode()
            async with session.post(f"{base}/webhooks/web/webhook", data=ok) as resp:
                assert resp.status == 200
    assert [m.text for m in handler.received] == ["hi"]


async def test_telegram_body_over_64_kb_is_413(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, base):
        secret = fake.webhooks[TOKEN_A]["secret_token"]
        update = fake.user_update("x" * 10, chat_id=77, update_id=51)
        update["message"]["padding"] = " " * MAX_BODY
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/webhooks/telegram/rumianek/webhook", data=json.dumps(update).encode(),
                                    headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as resp:
                assert resp.status == 413
    assert handler.received == []
