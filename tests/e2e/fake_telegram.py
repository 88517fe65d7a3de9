"""A fake Telegram Bot API server (aiohttp) for tests: records every call, answers like
Telegram, queues updates for ``getUpdates`` and delivers them to a registered webhook.

Run it standalone for a local ``rasa run``: ``python -m tests.e2e.fake_telegram --port 8081``.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

#: Parameters PTB sends JSON-encoded in its form bodies.
_JSON_PARAMS = {
    "chat_id", "message_id", "message_ids", "protect_content", "link_preview_options", "reply_markup",
    "allowed_updates", "offset", "timeout", "limit", "drop_pending_updates", "max_connections",
    "disable_notification",
}


@dataclass
class Call:
    method: str
    token: str
    params: dict[str, Any]


@dataclass
class FakeTelegram:
    """The fake server; ``url`` is what to give PTB as the API root (``<url>/bot<token>/...``)."""

    calls: list[Call] = field(default_factory=list)
    webhooks: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_methods: dict[str, int] = field(default_factory=dict)
    _queues: dict[str, asyncio.Queue[dict[str, Any]]] = field(default_factory=lambda: defaultdict(asyncio.Queue))
    _message_ids: dict[int, itertools.count[int]] = field(default_factory=dict)
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _runner: web.AppRunner | None = None
    url: str = ""

    # --- server --------------------------------------------------------------------------------
    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        actual = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://{host}:{actual}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await _params(request)
        self.calls.append(Call(method, token, params))
        if self.fail_methods.get(method):
            self.fail_methods[method] -= 1
            return web.json_response({"ok": False, "error_code": 500, "description": "Internal Server Error"}, status=500)
        handler = getattr(self, f"_api_{method}", None)
        result = await handler(token, params) if handler else True
        return web.json_response({"ok": True, "result": result})

    # --- Bot API methods -----------------------------------------------------------------------
    async def _api_getMe(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        bot_id = int(token.split(":")[0])
        return {"id": bot_id, "is_bot": True, "first_name": "Shop", "username": f"shop{bot_id}_bot",
                "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}

    async def _api_sendMessage(self, token: str, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        bot = await self._api_getMe(token, {})
        return {
            "message_id": self.next_message_id(chat_id),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Kid"},
            "from": {k: bot[k] for k in ("id", "is_bot", "first_name", "username")},
            "text": params.get("text", ""),
        }

    async def _api_setWebhook(self, token: str, params: dict[str, Any]) -> bool:
        self.webhooks[token] = params
        return True

    async def _api_deleteWebhook(self, token: str, params: dict[str, Any]) -> bool:
        self.webhooks.pop(token, None)
        return True

    async def _api_getUpdates(self, token: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        queue = self._queues[token]
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        updates: list[dict[str, Any]] = []
        try:
            first = await asyncio.wait_for(queue.get(), timeout=min(max(timeout, 0.01), 0.5))  # short polls: stops fast
            updates.append(first)
        except asyncio.TimeoutError:
            return []
        while not queue.empty():
            updates.append(queue.get_nowait())
        keep = [u for u in updates if u["update_id"] >= offset]
        return keep

    # --- helpers for tests ---------------------------------------------------------------------
    def next_message_id(self, chat_id: int) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def user_update(
        self, text: str | None, chat_id: int = 4242, *, update_id: int | None = None,
        language_code: str = "en", kind: str = "message", chat_type: str = "private", **extra: Any,
    ) -> dict[str, Any]:
        """An update as Telegram sends it, with the next message id of the chat."""
        message: dict[str, Any] = {
            "message_id": self.next_message_id(chat_id),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, "first_name": "Kid"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Kid", "language_code": language_code},
            **extra,
        }
        if text is not None:
            message["text"] = text
        if kind == "channel_post":
            message["chat"] = {"id": -100 - chat_id, "type": "channel", "title": "news"}
            message.pop("from")
        return {"update_id": update_id if update_id is not None else next(self._update_ids), kind: message}

    def queue_update(self, token: str, update: dict[str, Any]) -> None:
        """Make ``update`` available to ``getUpdates`` (polling mode)."""
        self._queues[token].put_nowait(update)

    async def deliver(self, token: str, update: dict[str, Any], secret: str | None = None) -> int:
        """POST ``update`` to the bot's registered webhook as Telegram does; returns the status."""
        hook = self.webhooks[token]
        headers = {"Content-Type": "application/json"}
        secret = hook.get("secret_token") if secret is None else secret
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        async with aiohttp.ClientSession() as session:
            async with session.post(hook["url"], data=json.dumps(update), headers=headers) as resp:
                return resp.status

    def called(self, method: str, token: str | None = None) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method and (token is None or c.token == token)]


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        raw = await request.json()
        return dict(raw) if isinstance(raw, dict) else {}
    form = await request.post() if request.can_read_body else {}
    params: dict[str, Any] = {**request.query, **{k: v for k, v in form.items() if isinstance(v, str)}}
    for key in _JSON_PARAMS & params.keys():
        try:
            params[key] = json.loads(params[key])
        except (TypeError, ValueError):
            pass
    return params


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()

    async def run() -> None:
        fake = FakeTelegram()
        print(await fake.start(port=args.port), flush=True)
        await asyncio.Event().wait()

    asyncio.run(run())


if __name__ == "__main__":
    main()


#: Tokens the end-to-end stack uses (``rasa_server`` sets ``POPBOT_TELEGRAM_TOKEN_<PERSONA>``).
E2E_TOKENS = {
    "rumianek": "700001:E2E-rumianek-token-0000000000000",
    "gametips": "700002:E2E-gametips-token-0000000000000",
}


class ThreadedFakeTelegram:
    """The fake server on its own event loop in a thread, for a server started in a subprocess
    (the fake must answer ``getMe``/``setWebhook`` while the test process is busy starting it)."""

    def __init__(self) -> None:
        import threading

        self.fake = FakeTelegram()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def start(self) -> str:
        self._thread.start()
        return asyncio.run_coroutine_threadsafe(self.fake.start(), self._loop).result(timeout=10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.fake.stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def deliver(self, token: str, update: dict[str, Any], secret: str | None = None) -> int:
        return asyncio.run_coroutine_threadsafe(self.fake.deliver(token, update, secret), self._loop).result(timeout=120)

    def user_update(self, text: str | None, chat_id: int = 4242, **kwargs: Any) -> dict[str, Any]:
        return self.fake.user_update(text, chat_id, **kwargs)

    def called(self, method: str, token: str | None = None) -> list[dict[str, Any]]:
        return self.fake.called(method, token)
