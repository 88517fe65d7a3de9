"""Liveness and readiness of a Rasa server process, on its own internal port.

``POPBOT_HEALTH_PORT`` (unset: no health server) serves, on ``POPBOT_HOST``:

* ``GET /live``  — 200 while the process runs and its event loop turns (a heartbeat older than
  :data:`STUCK_AFTER` seconds once the server started means a stuck loop: 503);
* ``GET /ready`` — 200 only once the model is loaded and the server accepts messages; 503 before
  (model loading), while stopping, and when the loop is stuck.

It starts before Rasa is imported, so orchestrators (Kubernetes probes, the compose health check,
``popbot run --replicas``) see "alive, not ready" during the model load. The port is never behind
the public proxy (which forwards only ``/shop/*`` and ``/webhooks/*`` to the Rasa port), and the
answers carry no content, no ids and no product name.
"""
from __future__ import annotations

import asyncio
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: Seconds without a heartbeat after which a started server counts as stuck.
STUCK_AFTER = 30.0
BEAT_EVERY = 1.0


class Health:
    """The process's health state, updated by Sanic listeners, read by the health server."""

    def __init__(self) -> None:
        self.ready = False
        self.last_beat: float | None = None  # None until the event loop is serving

    def alive(self) -> bool:
        return self.last_beat is None or time.monotonic() - self.last_beat < STUCK_AFTER

    def is_ready(self) -> bool:
        return self.ready and self.last_beat is not None and self.alive()

    async def started(self, app: Any, _loop: Any) -> None:
        """Sanic ``after_server_start``: ready when Rasa's agent has its model."""
        self.last_beat = time.monotonic()
        agent = getattr(app.ctx, "agent", None)
        self.ready = bool(agent is not None and agent.is_ready())
        app.ctx.popbot_heartbeat = asyncio.create_task(self._beat())

    async def stopping(self, app: Any, _loop: Any) -> None:
        """Sanic ``before_server_stop``: not ready any more (the proxy stops sending)."""
        self.ready = False
        beat = getattr(app.ctx, "popbot_heartbeat", None)
        if beat is not None:
            beat.cancel()

    async def _beat(self) -> None:
        while True:
            self.last_beat = time.monotonic()
            await asyncio.sleep(BEAT_EVERY)

    def listeners(self) -> list[tuple[Any, str]]:
        return [(self.started, "after_server_start"), (self.stopping, "before_server_stop")]


def serve(health: Health, host: str, port: int) -> ThreadingHTTPServer:
    """Start the health server on a daemon thread; returns it (``shutdown()`` stops it)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = ""
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            checks = {"/live": health.alive, "/ready": health.is_ready}
            check = checks.get(self.path)
            status = 404 if check is None else 200 if check() else 503
            body = b"" if check is None else (b"ok\n" if status == 200 else b"not ready\n")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:  # no access log (addresses, paths)
            return

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="popbot-health", daemon=True).start()
    return server
