"""Run a real Sanic server in the test's event loop, with channel blueprints and an in-test
message handler in place of Rasa's agent (no trained model needed)."""
from __future__ import annotations

import socket
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Awaitable, Callable

from rasa.core.agent import Agent
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from sanic import Sanic

DOMAIN = Domain.from_dict(
    {
        "slots": {
            "left": {"type": "bool", "influence_conversation": False, "mappings": [{"type": "custom"}]},
            "media_received": {"type": "text", "influence_conversation": False, "mappings": [{"type": "custom"}]},
        }
    }
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


Reply = Callable[[UserMessage], Awaitable[None]]


@dataclass
class Handler:
    """Stands in for ``agent.handle_message``: stores the message in a real tracker, then
    lets ``reply`` answer through the message's real output channel."""

    agent: Agent
    reply: Reply
    received: list[UserMessage] = field(default_factory=list)
    fail_next: int = 0
    fail_with: Callable[[], BaseException] = lambda: RuntimeError("simulated storage failure")

    async def __call__(self, message: UserMessage) -> None:
        if self.fail_next:
            self.fail_next -= 1
            raise self.fail_with()
        self.received.append(message)
        async with self.agent.lock_store.lock(message.sender_id):
            tracker = await self.agent.tracker_store.get_or_create_tracker(message.sender_id)
            tracker.update(
                UserUttered(message.text, input_channel=message.input_channel, metadata=message.metadata)
            )
            await self.agent.tracker_store.save(tracker)
        await self.reply(message)


def make_agent() -> Agent:
    return Agent(domain=DOMAIN, tracker_store=InMemoryTrackerStore(DOMAIN), lock_store=InMemoryLockStore())


@asynccontextmanager
async def serve(
    channels: list[InputChannel],
    reply: Reply,
    port: int | None = None,
    on_new_message: Callable[[UserMessage], Awaitable[Any]] | None = None,
) -> AsyncIterator[tuple[str, Handler, Sanic]]:
    """Serve ``channels`` on a free port; yields (base URL, handler, app). ``on_new_message``
    replaces the handler the channels call (e.g. one that processes in Rasa's order)."""
    Sanic.test_mode = True  # several apps per process (Sanic's touch-up must not re-patch)
    app = Sanic(f"popbot_test_{uuid.uuid4().hex[:8]}")
    agent = make_agent()
    app.ctx.agent = agent
    handler = Handler(agent, reply)
    for channel in channels:
        app.blueprint(channel.blueprint(on_new_message or handler), url_prefix=f"/webhooks/{channel.url_prefix()}")
    app.ctx.input_channels = channels
    port = port or free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}", handler, app
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


def one_bot_config(api_url: str, token: str, port: int, persona: str = "rumianek") -> Any:
    """A Telegram channel configuration: one bot of ``persona`` in webhook mode, its Bot API at
    ``api_url`` (the fake), its webhook on this machine's ``port``."""
    from bot.channels.telegram_config import parse

    return parse(
        {"mode": "webhook", "bots": [{"persona": persona, "token_env": "TG"}]},
        env={"TG": token, "POPBOT_TELEGRAM_API_URL": api_url, "POPBOT_PUBLIC_URL": f"http://127.0.0.1:{port}"},
    )
