"""The benchmarks' retrying client (``bench.cluster_bench.post_retrying``, shared by the cluster
and fault runs) against a real HTTP server that fails twice: the proxy's bodiless 503, then a
replica's 503 with a JSON body, then the answer."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import httpx
import pytest

from bench.cluster_bench import Sent, post_retrying


@pytest.fixture
def flaky_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A server answering 503 (no body), 503 (JSON body), then 200 with the replies; the URL and
    the bodies it received."""
    received: list[dict[str, Any]] = []
    answers = [(503, b""), (503, b'{"error": "database unavailable"}'), (200, b'[{"text": "a"}, {"text": "b"}]')]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            status, body = answers[min(len(received), len(answers)) - 1]
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/webhooks/web/webhook", received
    server.shutdown()
    server.server_close()


async def test_retries_5xx_until_answered_and_records_each_attempt(flaky_server: tuple[str, list[dict[str, Any]]]) -> None:
    url, received = flaky_server
    item = Sent(conversation=0, number=0, text="hello")
    seen: list[int] = []
    async with httpx.AsyncClient(timeout=30) as client:
        response = await post_retrying(client, url, {"sender": "s", "message": "hello"}, item, 0.0,
                                       seen=lambda r: seen.append(r.status_code))
    assert response is not None and response.json() == [{"text": "a"}, {"text": "b"}]
    assert received == [{"sender": "s", "message": "hello"}] * 3  # the same body each time
    assert seen == [503, 503, 200]
    assert (item.attempts, item.kinds, item.ok) == (3, ["503 proxy", "503 replica"], True)
    assert len(item.failures) == 2 and item.start <= item.failures[0] <= item.failures[1] <= item.done
