"""The disguise holds at every door (docs/design.md, invariant 10): a persona's host serves only
that persona; every other path, method, host or persona gets the same plain 404; nothing names the
framework or another persona; Telegram keys cannot be probed."""
from __future__ import annotations

import json
from pathlib import Path

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels.disguise import Doors
from bot.channels.web import WebInput
from tests.channels.conftest import _isolated_keys  # noqa: F401
from tests.channels.harness import serve
from tests.channels.test_telegram import TOKEN_A, telegram_stack

HOSTS = {"rumianek.test": "rumianek", "www.rumianek.test": "rumianek", "gametips.test": "gametips"}
#: Words that must never appear in a public 404.
TELLTALES = ("rasa", "sanic", "popbot", "rumianek", "gametips", "python", "webhook", "telegram")


async def echo(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "ok")


def channel() -> WebInput:
    return WebInput(personas=["rumianek", "gametips"], retry_every=0, doors=Doors(HOSTS))


async def _get(session: aiohttp.ClientSession, url: str, host: str, method: str = "GET", **kw: object) -> tuple[int, str, dict[str, str]]:
    async with session.request(method, url, headers={"Host": host, **kw.pop("headers", {})}, allow_redirects=False, **kw) as resp:  # type: ignore[arg-type]
        return resp.status, await resp.text(), dict(resp.headers)


def _is_plain_404(answer: tuple[int, str, dict[str, str]], reference: tuple[int, str, dict[str, str]]) -> None:
    status, body, headers = answer
    assert status == 404
    assert body == reference[1]
    assert headers["Cache-Control"].startswith("no-store")
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert headers["Content-Type"].startswith("text/html")
    assert not any(word in body.lower() for word in TELLTALES)


async def test_a_host_serves_its_persona_only_and_everything_else_is_the_same_plain_404() -> None:
    async with serve([channel()], echo) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            reference = await _get(session, f"{base}/no-such-page", "rumianek.test")
            _is_plain_404(reference, reference)
            # the persona's own host: root goes to the shop, the shop is there
            status, _, headers = await _get(session, f"{base}/", "rumianek.test")
            assert (status, headers["Location"]) == (302, "/shop/rumianek/")
            assert (await _get(session, f"{base}/shop/rumianek/", "www.rumianek.test"))[0] == 200
            assert (await _get(session, f"{base}/shop/gametips/", "gametips.test"))[0] == 200
            probes = [
                ("GET", "/shop/gametips/", "rumianek.test"),       # another persona on this host
                ("GET", "/shop/gametips/static/shop.css", "rumianek.test"),
                ("GET", "/shop/nosuchshop/", "rumianek.test"),      # no difference for unknown ones
                ("GET", "/shop/rumianek/p/no-such-item", "rumianek.test"),
                ("GET", "/shop/rumianek/", "unknown.test"),        # a host no persona lists
                ("GET", "/", "unknown.test"),
                ("GET", "/version", "rumianek.test"),
                ("GET", "/status", "rumianek.test"),
                ("GET", "/conversations/x/tracker", "rumianek.test"),
                ("GET", "/webhooks/web/", "rumianek.test"),
                ("GET", "/webhooks/telegram/", "rumianek.test"),
                ("GET", "/webhooks/web/webhook", "rumianek.test"),  # wrong method (Sanic's 405)
                ("POST", "/shop/rumianek/", "rumianek.test"),
                ("DELETE", "/", "rumianek.test"),
                ("GET", "/webhooks/rest/webhook", "rumianek.test"),
            ]
            for method, path, host in probes:
                _is_plain_404(await _get(session, f"{base}{path}", host, method), reference)


async def test_the_chat_on_a_persona_host_takes_only_that_persona() -> None:
    async with serve([channel()], echo) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            url = f"{base}/webhooks/web/webhook"
            body = json.dumps({"message": "hi"})
            status, _, _ = await _get(session, url, "rumianek.test", "POST", data=body)
            assert status == 200
            other = json.dumps({"message": "hi", "metadata": {"persona": "gametips"}})
            status, text, _ = await _get(session, url, "rumianek.test", "POST", data=other)
            assert status == 404 and "gametips" not in text
    [message] = handler.received
    assert message.metadata["persona"] == "rumianek"  # the host's persona, not the channel default


async def test_loopback_development_sees_every_shop() -> None:
    async with serve([channel()], echo) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            for persona in ("rumianek", "gametips"):
                async with session.get(f"{base}/shop/{persona}/") as resp:
                    assert resp.status == 200
            # through a proxy (forwarding headers) it is a public request again
            headers = {"X-Forwarded-For": "203.0.113.9"}
            async with session.get(f"{base}/shop/rumianek/", headers=headers) as resp:
                assert resp.status == 404


async def test_telegram_unknown_key_and_wrong_secret_look_the_same(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, base):
        secret = fake.webhooks[TOKEN_A]["secret_token"]
        update = json.dumps(fake.user_update("hi", chat_id=77, update_id=61)).encode()
        answers = []
        async with aiohttp.ClientSession() as session:
            for key, offered in (("rumianek", "wrong"), ("nosuchbot", "wrong"), ("nosuchbot", secret), ("rumianek", "")):
                async with session.post(f"{base}/webhooks/telegram/{key}/webhook", data=update,
                                        headers={"X-Telegram-Bot-Api-Secret-Token": offered}) as resp:
                    answers.append((resp.status, await resp.text(), resp.headers.get("Content-Type")))
            async with session.get(f"{base}/webhooks/telegram/") as resp:
                health = await resp.json()
    assert len(set(answers)) == 1 and answers[0][0] == 404
    assert handler.received == []
    assert "bots" not in health
