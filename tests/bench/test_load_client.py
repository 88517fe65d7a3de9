"""The cluster bench's default load generator (aiohttp) through the shared retrying client,
against the same real flaky server as the httpx test (tests/bench/test_post_retrying.py)."""
from __future__ import annotations

from typing import Any

import aiohttp

from bench import cluster_bench
from bench.cluster_bench import Sent, post_retrying
from tests.bench.test_post_retrying import flaky_server  # noqa: F401 - fixture


async def test_aiohttp_session_retries_5xx_like_httpx(flaky_server: tuple[str, list[dict[str, Any]]]) -> None:  # noqa: F811
    url, received = flaky_server
    item = Sent(conversation=0, number=0, text="hello")
    seen: list[int] = []
    async with cluster_bench.http_client(4) as client:
        assert isinstance(client, aiohttp.ClientSession)  # the default
        response = await post_retrying(client, url, {"sender": "s", "message": "hello"}, item, 0.0,
                                       seen=lambda r: seen.append(r.status_code))
    assert response is not None and response.json() == [{"text": "a"}, {"text": "b"}]
    assert received == [{"sender": "s", "message": "hello"}] * 3
    assert seen == [503, 503, 200]
    assert (item.attempts, item.kinds, item.ok) == (3, ["503 proxy", "503 replica"], True)


async def test_a_refused_connection_is_recorded_and_retried(monkeypatch: Any) -> None:
    monkeypatch.setattr(cluster_bench, "RETRY_FOR", 0.0)  # give up after the first failure
    monkeypatch.setattr(cluster_bench, "RETRY_START", 0.0)
    item = Sent(conversation=0, number=0, text="hello")
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with cluster_bench.http_client(2) as client:
        response = await post_retrying(client, f"http://127.0.0.1:{port}/", {"m": 1}, item, 0.0)
    assert response is None and not item.ok
    assert item.kinds == ["ClientConnectorError"]
