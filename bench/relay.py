"""What the relay benchmarks (``handoff``, ``console``) share: the trained model in a Rasa
``Agent`` with the encrypted tracker store and the handoff hooks, on a fresh SQLite file or a
fresh PostgreSQL schema; a counselor account ``bench`` holding one conversation; a plain one the
bot answers; the web widget's socket on the push hub fed by the real delivery worker.

    relay = await open_relay("handoff", database_url=..., redis_url=...)
    ... relay.say(relay.held, "text"), relay.received.get() ...
    await relay.close()
"""
from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOAL_SECONDS = 1.0
#: A relay with nothing arriving this long fails the run naming the arm, instead of hanging
#: (issue 10, gap 4: one run once hung at 0 % CPU).
STALL_SECONDS = 60.0
COVER = ("how much is the hand cream", "do you ship to Poland", "is your lip balm good for chapped lips")
CHILD = ("are you still there?", "he is shouting again", "i am in my room now", "ok")


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))]


@dataclass
class Relay:
    """One benchmark's world; ``received`` gets ``(perf_counter, text)`` per widget message."""

    tmp: Path
    url: str
    admin_url: str | None
    store: Any  # bot.storage.runtime.Storage
    agent: Any  # rasa.core.agent.Agent
    ctx: Any  # bot.handoff.model.Context
    counselor: Any  # bot.handoff.model.Actor
    held: str
    plain: str
    received: asyncio.Queue[tuple[float, str]]
    worker: Any  # bot.handoff.delivery.Deliverer

    async def say(self, sender: str, text: str) -> list[Any]:
        """The child (or a shopper) writes in the web widget of persona rumianek; the bot's replies."""
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        out = CollectingOutputChannel()
        await self.agent.handle_message(UserMessage(text, out, sender, input_channel="web",
                                                    metadata={"persona": "rumianek", "lang": "en"}))
        return out.messages

    async def close(self) -> None:
        await self.worker.stop()
        self.store.close()
        if self.admin_url:
            drop_schema(self.admin_url, self.url)
        shutil.rmtree(self.tmp, ignore_errors=True)


async def open_relay(name: str, *, database_url: str | None = None, redis_url: str | None = None) -> Relay:
    """Set up the world of benchmark ``name`` (PostgreSQL when ``database_url``, else SQLite)."""
    from core.rasa_compat import prepare_environment

    prepare_environment()
    from core.logs import configure

    configure(patch_rasa_now=True)
    from rasa.core.agent import Agent

    from bot.channels.web import WebInput
    from bot.console import accounts
    from bot.console.context import Console
    from bot.handoff import bot_side, delivery, gate, service
    from bot.handoff.model import Context
    from bot.handoff.nudge import nudge_for
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core import PROJECT_ROOT, paths
    from core.settings import load_settings

    tmp = Path(tempfile.mkdtemp(prefix=f"popbot-bench-{name}-"))
    url = schema_url(database_url, f"bench_{name}_") if database_url else f"sqlite:///{tmp / 'bench.db'}"
    env = {"POPBOT_VAR_DIR": str(tmp / "var")}
    if redis_url:
        env["POPBOT_REDIS_URL"] = redis_url
    store = open_storage(load_settings(env), database_url=url, provider=FileKeyProvider(tmp / "keys", generate=True))
    gate.install()
    agent = Agent.load(str(PROJECT_ROOT / "models" / f"{paths.MODEL_NAME}.tar.gz"),
                       tracker_store=EncryptedTrackerStore(storage=store))
    ctx = Context(store, nudge=nudge_for(redis_url))
    # the account is made directly (no argon2 cost matters here, it is not timed)
    accounts.add_account(Console(store), "bench", "counselor", actor="bench")
    counselor = service.actor_for(ctx, "bench", via="console")
    held = "web_" + uuid.uuid4().hex
    bot_side.enter_queue(ctx, held, channel="web", persona="rumianek", lang="en", signal="help_request", urgent=False)
    service.claim(ctx, counselor, held)

    web = WebInput(shop=False)
    received: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

    async def socket_send(message: dict[str, Any]) -> None:
        received.put_nowait((time.perf_counter(), str(message.get("text"))))

    async def socket_close() -> None:
        return None

    await web.hub.attach(held, socket_send, socket_close)
    worker = delivery.Deliverer(ctx, redis_url=redis_url or "")  # woken by the nudge, else polling
    worker.senders["web"] = web.deliver_counselor_message
    worker.start()
    return Relay(tmp, url, database_url, store, agent, ctx, counselor, held, "web_" + uuid.uuid4().hex, received, worker)


async def run_arms(arms: list[Any], rounds: int, results: dict[str, list[float]]) -> None:
    """Three warm-up rounds (discarded), then ``rounds`` rounds with the arms' order rotated."""
    for warm in range(3):
        for arm in arms:
            await arm(warm)
    for values in results.values():
        values.clear()
    for i in range(rounds):
        for arm in arms[i % len(arms):] + arms[: i % len(arms)]:
            await arm(i)


async def stalled(waiting: Any, arm: str, listener: "asyncio.Task[Any] | None" = None) -> Any:
    """``await waiting``, or fail naming the arm (and the subscriber's own error, if it died)."""
    try:
        return await asyncio.wait_for(waiting, timeout=STALL_SECONDS)
    except asyncio.TimeoutError:
        died = listener.exception() if listener is not None and listener.done() and not listener.cancelled() else None
        raise RuntimeError(f"{arm}: nothing arrived within {STALL_SECONDS:.0f} s"
                           + (f"; the subscriber died: {type(died).__name__}" if died else "")) from None


async def widget_receives(relay: Relay, text: str, arm: str) -> float:
    """When the child's widget socket received ``text`` (``perf_counter``); fails if it stalls."""
    while True:
        at, got = await stalled(relay.received.get(), arm)
        if got == text:
            return at


def schema_url(admin_url: str, prefix: str = "bench_") -> str:
    """A fresh PostgreSQL schema for this run (dropped at the end)."""
    import sqlalchemy as sa

    schema = prefix + uuid.uuid4().hex[:10]
    admin = sa.create_engine(admin_url, future=True)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    joiner = "&" if "?" in admin_url else "?"
    return f"{admin_url}{joiner}options=-csearch_path%3D{schema}"


def drop_schema(admin_url: str, url: str) -> None:
    """Drop the schema :func:`schema_url` made."""
    import sqlalchemy as sa

    schema = url.rsplit("%3D", 1)[1]
    admin = sa.create_engine(admin_url, future=True)
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
