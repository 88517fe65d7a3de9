"""Handoff relay latencies against a plain bot reply measured in the same run.

    python -m bench handoff [--rounds 60] [--database-url URL] [--redis-url URL]

The trained model (``models/popbot.tar.gz``) is loaded once into a Rasa ``Agent`` with the
``EncryptedTrackerStore`` on a fresh SQLite file (or a fresh PostgreSQL schema) and popbot's
handoff hooks installed (``bot.handoff.gate``), as ``bot.server`` runs them. No action server.

Arms, interleaved round by round (order rotated, so machine noise hits all alike):

* ``bot_reply`` (baseline) — a cover question in a conversation the bot answers:
  ``agent.handle_message`` → replies returned;
* ``child_to_subscriber`` — a child writes in a conversation a counselor holds: from the start of
  ``agent.handle_message`` until a subscriber running ``service.follow`` (as the console's SSE
  does: table replay + Redis nudge with ``--redis-url``, else 0.25 s polling) yields the
  ``message`` event;
* ``counselor_to_child`` — ``service.reply`` (as the console calls it, in a worker thread) until
  the web widget's socket on the push hub receives the text, through the real delivery worker
  (``bot.handoff.delivery``: woken by the Redis nudge with ``--redis-url``, else polling every
  0.1 s) and ``WebInput.deliver_counselor_message``.

A relay that stalls (no event or push within ``STALL_SECONDS``) fails the run with the arm named
(exit 2) instead of hanging: one run once hung at 0 % CPU (issue 10, gap 4 — a subscriber that
died with a failed read, or a nudge listener deaf after a Redis restart; both fixed in
``bot.handoff.events``).

Prints p50/p95/max per arm and each relay's p95 ÷ the baseline's p95; goal p95 ≤ 1 s each
(docs/design.md, "Budgets"). Exit 0 unless the run failed (2) or ``--strict`` and a goal is missed.
"""
from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

GOAL_SECONDS = 1.0
STALL_SECONDS = 60.0
PG_SCHEMA_PREFIX = "bench_handoff_"
COVER = ("how much is the hand cream", "do you ship to Poland", "is your lip balm good for chapped lips")
CHILD = ("are you still there?", "he is shouting again", "i am in my room now", "ok")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))]


async def _run(args: argparse.Namespace) -> dict[str, list[float]]:
    from core.rasa_compat import prepare_environment

    prepare_environment()
    from core.logs import configure

    configure(patch_rasa_now=True)
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.channels.web import WebInput
    from bot.console import accounts
    from bot.console.context import Console
    from bot.handoff import bot_side, delivery, events, gate, service
    from bot.handoff.model import Context
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core import PROJECT_ROOT, paths
    from core.settings import load_settings

    tmp = Path(tempfile.mkdtemp(prefix="popbot-bench-handoff-"))
    url = _schema_url(args.database_url) if args.database_url else f"sqlite:///{tmp / 'bench.db'}"
    env = {"POPBOT_VAR_DIR": str(tmp / "var")}
    if args.redis_url:
        env["POPBOT_REDIS_URL"] = args.redis_url
    store = open_storage(load_settings(env), database_url=url, provider=FileKeyProvider(tmp / "keys", generate=True))
    gate.install()
    agent = Agent.load(str(PROJECT_ROOT / "models" / f"{paths.MODEL_NAME}.tar.gz"),
                       tracker_store=EncryptedTrackerStore(storage=store))
    nudge = events.RedisNudge(args.redis_url) if args.redis_url else None
    ctx = Context(store, nudge=nudge)
    # the account is made directly (no argon2 cost matters here, it is not timed)
    accounts.add_account(Console(store), "bench", "counselor", actor="bench")
    counselor = service.actor_for(ctx, "bench", via="console")

    async def say(sender: str, text: str) -> list[Any]:
        out = CollectingOutputChannel()
        await agent.handle_message(UserMessage(text, out, sender, input_channel="web",
                                               metadata={"persona": "rumianek", "lang": "en"}))
        return out.messages

    held = "web_" + uuid.uuid4().hex
    bot_side.enter_queue(ctx, held, channel="web", persona="rumianek", lang="en", signal="help_request", urgent=False)
    service.claim(ctx, counselor, held)
    plain = "web_" + uuid.uuid4().hex

    web = WebInput(shop=False)
    received: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

    async def socket_send(message: dict[str, Any]) -> None:
        received.put_nowait((time.perf_counter(), str(message.get("text"))))

    async def socket_close() -> None:
        return None

    await web.hub.attach(held, socket_send, socket_close)
    worker = delivery.Deliverer(ctx, redis_url=args.redis_url or "")
    worker.senders["web"] = web.deliver_counselor_message
    worker.start()

    seen: asyncio.Queue[tuple[float, Any]] = asyncio.Queue()

    async def subscriber() -> None:
        async for event in events.follow(ctx, events.last_id(ctx), redis_url=args.redis_url or ""):
            seen.put_nowait((time.perf_counter(), event))

    listener = asyncio.create_task(subscriber())
    await asyncio.sleep(0.5)
    results: dict[str, list[float]] = {"bot_reply": [], "child_to_subscriber": [], "counselor_to_child": []}

    async def bot_reply(i: int) -> None:
        start = time.perf_counter()
        replies = await say(plain, COVER[i % len(COVER)])
        assert replies, "the bot did not answer"
        results["bot_reply"].append(time.perf_counter() - start)

    async def child_to_subscriber(i: int) -> None:
        start = time.perf_counter()
        assert await say(held, CHILD[i % len(CHILD)]) == []
        while True:
            at, event = await _stalled(seen.get(), "child_to_subscriber", listener)
            if event.kind == "message" and event.conversation_id == held:
                results["child_to_subscriber"].append(at - start)
                return

    async def counselor_to_child(i: int) -> None:
        text = f"reply {i} {uuid.uuid4().hex[:6]}"
        start = time.perf_counter()
        await asyncio.to_thread(service.reply, ctx, counselor, held, text)
        while True:
            at, got = await _stalled(received.get(), "counselor_to_child", listener)
            if got == text:
                results["counselor_to_child"].append(at - start)
                return

    arms = [bot_reply, child_to_subscriber, counselor_to_child]
    for warm in range(3):
        for arm in arms:
            await arm(warm)
    for key in results:
        results[key].clear()
    for i in range(args.rounds):
        order = arms[i % 3:] + arms[: i % 3]
        for arm in order:
            await arm(i)
    listener.cancel()
    await worker.stop()
    await asyncio.gather(listener, return_exceptions=True)
    store.close()
    if args.database_url:
        _drop_schema(args.database_url, url)
    shutil.rmtree(tmp, ignore_errors=True)
    return results


async def _stalled(waiting: Any, arm: str, listener: "asyncio.Task[None]") -> Any:
    """``await waiting``, or fail naming the arm (and the subscriber's own error, if it died)."""
    try:
        return await asyncio.wait_for(waiting, timeout=STALL_SECONDS)
    except asyncio.TimeoutError:
        died = listener.exception() if listener.done() and not listener.cancelled() else None
        raise RuntimeError(f"{arm}: nothing arrived within {STALL_SECONDS:.0f} s"
                           + (f"; the subscriber died: {type(died).__name__}" if died else "")) from None


def _schema_url(admin_url: str) -> str:
    """A fresh PostgreSQL schema for this run (dropped at the end)."""
    import sqlalchemy as sa

    schema = PG_SCHEMA_PREFIX + uuid.uuid4().hex[:10]
    admin = sa.create_engine(admin_url, future=True)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    joiner = "&" if "?" in admin_url else "?"
    return f"{admin_url}{joiner}options=-csearch_path%3D{schema}"


def _drop_schema(admin_url: str, url: str) -> None:
    import sqlalchemy as sa

    schema = url.rsplit("%3D", 1)[1]
    admin = sa.create_engine(admin_url, future=True)
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench handoff", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; a fresh schema is made and dropped")
    parser.add_argument("--redis-url", default=None, help="wake subscribers with the Redis nudge (else polling)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a p95 misses the 1 s goal")
    args = parser.parse_args(argv)
    try:
        results = asyncio.run(_run(args))
    except Exception as exc:  # the run itself failed
        print(f"bench handoff: failed: {type(exc).__name__}: {exc}")
        return 2
    base = _pct(results["bot_reply"], 0.95)
    print(f"handoff relay, {args.rounds} rounds, {'PostgreSQL' if args.database_url else 'SQLite'}, "
          f"subscriber and delivery worker wake-up: {'Redis nudge' if args.redis_url else 'polling 0.25 s / 0.1 s'}")
    print(f"{'arm':<22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95 / bot p95':>14} {'goal':>8}")
    missed = False
    for name, values in results.items():
        p50, p95 = statistics.median(values), _pct(values, 0.95)
        goal = "" if name == "bot_reply" else ("ok" if p95 <= GOAL_SECONDS else "MISSED")
        missed |= goal == "MISSED"
        print(f"{name:<22} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {max(values) * 1000:8.1f} {p95 / base:14.2f} {goal:>8}")
    return 1 if args.strict and missed else 0
