"""Rate limits per conversation and per client address on the web webhook, the socket and
``/leave``: shared across replicas on Redis, a shop-voice "please wait a moment" when over, and
open (per replica) while Redis is down."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels import sessions
from bot.channels.ratelimit import MemoryCounter, RateLimiter, RedisCounter, Rule
from bot.channels.web import WebInput
from bot.web.i18n import strings
from tests.channels.conftest import _isolated_keys  # noqa: F401
from tests.channels.harness import free_port, serve

SECRET = b"s" * 32


async def echo(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "ok")


def limiter(message: str = "3/minute", address: str = "100/minute", counter: object | None = None) -> RateLimiter:
    rules = {"message": Rule.parse(message), "address": Rule.parse(address)}
    return RateLimiter(rules, counter or MemoryCounter(), SECRET)  # type: ignore[arg-type]


def test_rule_syntax() -> None:
    assert Rule.parse("30/minute") == Rule(30, 60)
    assert Rule.parse(" 5 / second ") == Rule(5, 1)
    for bad in ("30", "0/minute", "x/minute", "30/day", "30/minute\n5/second"):
        with pytest.raises(ValueError, match="30/minute"):
            Rule.parse(bad)


def test_bad_setting_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POPBOT_WEB_RATE_MESSAGE", "lots")
    with pytest.raises(ValueError, match="POPBOT_WEB_RATE_MESSAGE"):
        WebInput.from_credentials({})


async def test_memory_counter_windows() -> None:
    now = [1000.0]
    counter = MemoryCounter(clock=lambda: now[0])
    assert [await counter.hit("k", 60) for _ in range(3)] == [1, 2, 3]
    now[0] += 60
    assert await counter.hit("k", 60) == 1


def _post(session: aiohttp.ClientSession, url: str, payload: object) -> aiohttp.client._RequestContextManager:
    return session.post(url, data=json.dumps(payload), headers={"Content-Type": "application/json"})


async def test_conversation_over_its_limit_gets_please_wait_in_the_shop_voice() -> None:
    channel = WebInput(shop=False, retry_every=0, limiter=limiter(message="3/minute"))
    child, other = sessions.issue(), sessions.issue()
    async with serve([channel], echo) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            statuses = []
            for i in range(5):
                payload = {"sender": child, "message": f"m{i}", "metadata": {"lang": "pl"}}
                async with _post(session, f"{base}/webhooks/web/webhook", payload) as resp:
                    statuses.append(resp.status)
                    last = await resp.json()
                    retry_after = resp.headers.get("Retry-After")
            # another conversation from the same address is not held back by the first
            async with _post(session, f"{base}/webhooks/web/webhook", {"sender": other, "message": "hi"}) as resp:
                assert resp.status == 200
    assert statuses == [200, 200, 200, 429, 429]
    assert last["replies"] == [{"text": strings("pl")["busy"]}]
    assert retry_after == "60"
    assert [m.text for m in handler.received] == ["m0", "m1", "m2", "hi"]


async def test_address_limit_covers_webhook_socket_and_leave() -> None:
    channel = WebInput(shop=False, retry_every=0, limiter=limiter(address="4/minute"))
    async with serve([channel], echo) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            for _ in range(4):  # new sessions each time: only the address limit applies
                async with _post(session, f"{base}/webhooks/web/webhook", {"message": "hi"}) as resp:
                    assert resp.status == 200
            async with _post(session, f"{base}/webhooks/web/webhook", {"message": "hi"}) as resp:
                assert resp.status == 429
            async with _post(session, f"{base}/webhooks/web/leave", {}) as resp:
                assert resp.status == 429
            async with session.ws_connect(f"{base}/webhooks/web/ws", origin=base) as ws:
                await ws.send_str(json.dumps({"type": "hello", "sender": sessions.issue()}))
                frame = await ws.receive(timeout=5)
    assert frame.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert ws.close_code == 1013
    assert len(handler.received) == 4


async def test_forwarded_address_is_used_only_behind_configured_proxies() -> None:
    channel = WebInput(shop=False, retry_every=0, limiter=limiter(address="2/minute"), forwarded_hops=1)
    async with serve([channel], echo) as (base, _, _app):
        async with aiohttp.ClientSession() as session:
            codes = []
            for client in ("10.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.1"):
                # a client-supplied entry on the left is ignored; the proxy's entry (rightmost) counts
                headers = {"Content-Type": "application/json", "X-Forwarded-For": f"6.6.6.6, {client}"}
                async with session.post(f"{base}/webhooks/web/webhook", data=b'{"message": "hi"}', headers=headers) as resp:
                    codes.append(resp.status)
    assert codes == [200, 200, 200, 200, 429]


# --- Redis: shared by replicas, open while down ---------------------------------------------------

@pytest.fixture
def redis_server() -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """A throwaway redis-server on a free port (never the shared one)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="popbot-redis-"))
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_port(port)
    try:
        yield f"redis://127.0.0.1:{port}/0", proc, workdir
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_port(port: int) -> None:
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


async def test_two_replicas_share_the_limit_on_redis(redis_server: tuple[str, subprocess.Popen[bytes], Path]) -> None:
    url, _, _ = redis_server
    a = WebInput(shop=False, retry_every=0, limiter=limiter(message="3/minute", counter=RedisCounter(url)))
    b = WebInput(shop=False, retry_every=0, limiter=limiter(message="3/minute", counter=RedisCounter(url)))
    child = sessions.issue()
    async with serve([a], echo) as (base_a, _, _app), serve([b], echo) as (base_b, _, _app_b):
        async with aiohttp.ClientSession() as session:
            codes = []
            for i, base in enumerate([base_a, base_b, base_a, base_b, base_a]):
                async with _post(session, f"{base}/webhooks/web/webhook", {"sender": child, "message": f"m{i}"}) as resp:
                    codes.append(resp.status)
    assert codes == [200, 200, 200, 429, 429]


async def test_redis_down_fails_open_to_a_per_replica_count(redis_server: tuple[str, subprocess.Popen[bytes], Path]) -> None:
    url, proc, _ = redis_server
    counter = RedisCounter(url)
    channel = WebInput(shop=False, retry_every=0, limiter=limiter(message="3/minute", counter=counter))
    child = sessions.issue()
    async with serve([channel], echo) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            async with _post(session, f"{base}/webhooks/web/webhook", {"sender": child, "message": "before"}) as resp:
                assert resp.status == 200
            proc.kill()
            proc.wait()
            codes = []
            for i in range(4):  # Redis is gone: the child is still answered, up to the per-replica limit
                async with _post(session, f"{base}/webhooks/web/webhook", {"sender": child, "message": f"m{i}"}) as resp:
                    codes.append(resp.status)
                    body = await resp.json()
    assert codes == [200, 200, 200, 429]
    assert body["replies"][0]["text"] == strings("en")["busy"]
    assert [m.text for m in handler.received] == ["before", "m0", "m1", "m2"]
    await counter.close()
