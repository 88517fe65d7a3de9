"""The handoff delivery worker's cost while nothing happens, and its reply latency: polling the
table (the baseline, as before issue 10 gap 3) against waking on the Redis nudge, same run.

    python -m bench handoff_idle [--seconds 20] [--rounds 20] [--database-url URL] [--redis-url URL]

Arms (each on its own fresh worker, same database, interleaved idle windows):

* ``poll`` (baseline) — ``Deliverer(redis_url="", poll=0.1, timers_every=1.0)``: reads the
  pending messages every 0.1 s and runs the timers every second (the worker before the nudge);
* ``nudge`` — ``Deliverer(redis_url=URL)`` (the defaults): sleeps until the event nudge, reads
  the table every 2 s as the safety net, timers every 5 s.

Measured: process CPU seconds (``time.process_time``, all threads) per idle minute, and the
latency from ``service.reply`` (in a worker thread, as the console calls it) to the sender being
called, p50/p95. Printed with the nudge ÷ poll ratio. Needs Redis (default 127.0.0.1:6379).
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

from bench.relay import drop_schema, pct, schema_url


async def _run(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    from bot.console import accounts
    from bot.console.context import Console
    from bot.handoff import bot_side, delivery, service
    from bot.handoff.nudge import RedisNudge
    from bot.handoff.model import Context
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from core.settings import load_settings

    tmp = Path(tempfile.mkdtemp(prefix="popbot-bench-idle-"))
    url = schema_url(args.database_url, "bench_idle_") if args.database_url else f"sqlite:///{tmp / 'bench.db'}"
    store = open_storage(load_settings({"POPBOT_VAR_DIR": str(tmp / "var")}), database_url=url,
                         provider=FileKeyProvider(tmp / "keys", generate=True))
    ctx = Context(store, nudge=RedisNudge(args.redis_url))
    accounts.add_account(Console(store), "bench", "counselor", actor="bench")
    counselor = service.actor_for(ctx, "bench", via="console")
    held = "web_" + uuid.uuid4().hex
    bot_side.enter_queue(ctx, held, channel="web", persona="rumianek", lang="en", signal="help_request", urgent=False)
    service.claim(ctx, counselor, held)

    received: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

    async def sender(conversation_id: str, text: str) -> None:
        received.put_nowait((time.perf_counter(), text))

    arms = {
        "poll": dict(redis_url="", poll=0.1, timers_every=1.0),
        "nudge": dict(redis_url=args.redis_url),
    }
    out: dict[str, dict[str, Any]] = {name: {"cpu": 0.0, "idle": 0.0, "latency": []} for name in arms}
    for window in range(2 * len(arms)):
        name = list(arms)[window % len(arms)]
        worker = delivery.Deliverer(ctx, **arms[name])
        worker.senders["web"] = sender
        worker.start()
        await asyncio.sleep(1.0)  # started (and subscribed)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        await asyncio.sleep(args.seconds / 2)
        out[name]["cpu"] += time.process_time() - cpu0
        out[name]["idle"] += time.perf_counter() - wall0
        for i in range(args.rounds // 2):
            text = f"bench {name} {window} {i}"
            start = time.perf_counter()
            await asyncio.to_thread(service.reply, ctx, counselor, held, text)
            while True:
                at, got = await asyncio.wait_for(received.get(), timeout=30)
                if got == text:
                    out[name]["latency"].append(at - start)
                    break
            await asyncio.sleep(0.05)
        await worker.stop()
    store.close()
    if args.database_url:
        drop_schema(args.database_url, url)
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench handoff_idle", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="idle seconds measured per arm")
    parser.add_argument("--rounds", type=int, default=20, help="replies timed per arm")
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; a fresh schema is made and dropped")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args(argv)
    from core.rasa_compat import prepare_environment

    prepare_environment()
    try:
        results = asyncio.run(_run(args))
    except Exception as exc:  # the run itself failed
        print(f"bench handoff_idle: failed: {type(exc).__name__}: {exc}")
        return 2
    print(f"handoff delivery worker, {'PostgreSQL' if args.database_url else 'SQLite'}, "
          f"{args.seconds:.0f} s idle and {args.rounds} replies per arm")
    print(f"{'arm':<8} {'CPU s/min idle':>15} {'reply p50 ms':>13} {'reply p95 ms':>13}")
    per_min = {}
    for name, found in results.items():
        per_min[name] = found["cpu"] / found["idle"] * 60
        lat = found["latency"]
        print(f"{name:<8} {per_min[name]:15.3f} {statistics.median(lat) * 1000:13.1f} {pct(lat, 0.95) * 1000:13.1f}")
    print(f"idle CPU nudge / poll: {per_min['nudge'] / per_min['poll']:.2f}")
    return 0
