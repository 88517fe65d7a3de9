"""The handoff hooks' database work on the event loop vs. in a worker thread (issue 9).

    python -m bench hooks [--conversations 10] [--messages 300] [--rounds 4] [--work-ms 8]
                          [--database-url postgresql://postgres@127.0.0.1:5432/test]

``bot.handoff.gate``'s hooks run on the Rasa server's event loop for every message: ``gate``
looks up the handoff state (and, while held, records the child's line), ``before_send`` stores
a queue entry and checks who answers now. This runs the real hooks on real storage (a fresh
SQLite file, or a fresh PostgreSQL schema) without a model: ``--conversations`` conversations at
once in a closed loop, each message = ``gate`` + ``--work-ms`` of CPU on the loop (standing for
NLU, policies and Rasa's bookkeeping) + ``before_send``; one conversation in ten is held by a
counselor (its lines are classified — the same CPU — and recorded); every sixth message of the
others is a promise (queue entry + availability; a counselor is on duty and signed in) and the
next one a "not now" (the conversation leaves the queue).

Arms, alternated round by round in one process (order rotated): ``loop`` — the hooks' database
functions called directly on the loop, as before issue 9 (``gate.asyncio.to_thread`` replaced by
a direct call); ``thread`` — as shipped (``asyncio.to_thread``). Per arm: messages/s, the loop
thread's CPU per message (``time.thread_time`` of the loop's thread), latency per message
p50/p95 (from the message's arrival — the previous answer — waiting for the loop included), and the event loop's lag (a 2 ms heartbeat's lateness, p99/max). Bounded: fixed counts.
"""
from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Optional

from bench.message_bench import _machine, _percentile

HELD_EVERY = 10  # one conversation in ten is held by a counselor
PROMISE_EVERY = 6  # every sixth message of the others is a promise, the next one "not now"


def _burn(ms: float) -> None:
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass


class _Processor:
    def __init__(self, storage: Any, work_ms: float) -> None:
        self.tracker_store = SimpleNamespace(storage=storage)
        self.domain = None
        self.work_ms = work_ms

    async def parse_message(self, message: Any) -> dict[str, Any]:
        _burn(self.work_ms)
        return {"signal": "none", "urgent": False}


def _tracker(sender: str, action: str) -> Any:
    from rasa.shared.core.events import UserUttered

    return SimpleNamespace(
        sender_id=sender, latest_action_name=action,
        latest_message=SimpleNamespace(parse_data={"signal": "help_request", "urgent": False}),
        events=[UserUttered("-", parse_data={"signal": "help_request"})],
        get_slot={"persona": "rumianek", "lang": "en"}.get, get_latest_input_channel=lambda: "web",
    )


async def _direct(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


async def _round(arm: str, processor: Any, conversations: list[str], held: set[str], messages: int) -> dict[str, Any]:
    from rasa.shared.core.events import BotUttered

    from bot.handoff import gate

    gate.asyncio = SimpleNamespace(to_thread=_direct) if arm == "loop" else asyncio  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    lags: list[float] = []
    latencies: list[float] = []
    left = [messages]
    stop = asyncio.Event()
    began = [time.perf_counter()]

    async def heartbeat() -> None:
        while not stop.is_set():
            due = loop.time() + 0.002
            await asyncio.sleep(0.002)
            lags.append(max(0.0, loop.time() - due))

    async def conversation(sender: str) -> None:
        n = 0
        start = began[0]  # every conversation's first message arrives when the round starts
        while left[0] > 0:
            left[0] -= 1
            n += 1
            message = SimpleNamespace(sender_id=sender, text="-", message_id=uuid.uuid4().hex)
            if not await gate.gate(processor, message):
                _burn(processor.work_ms)
                if n % PROMISE_EVERY == 0:
                    said, action = "utter_help_accepted", "utter_help_accepted"
                elif n % PROMISE_EVERY == 1 and n > 1:
                    said, action = gate.LATER, gate.LATER
                else:
                    said, action = "utter_chitchat", "utter_chitchat"
                events = [BotUttered("-", metadata={"utter_action": said})]
                await gate.before_send(processor, events, _tracker(sender, action))
            await asyncio.sleep(0)  # the reply goes out; the conversation writes again at once
            latencies.append(time.perf_counter() - start)  # from its arrival, waiting for the loop included
            start = time.perf_counter()

    beat = asyncio.create_task(heartbeat())
    cpu, wall = time.thread_time(), time.perf_counter()
    began[0] = wall
    await asyncio.gather(*(conversation(c) for c in conversations))
    cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
    stop.set()
    await beat
    gate.asyncio = asyncio  # type: ignore[attr-defined]
    return {"arm": arm, "messages": len(latencies), "wall": wall, "loop_cpu": cpu, "lat": latencies, "lag": lags}


def _summary(rounds: list[dict[str, Any]], arm: str) -> dict[str, float]:
    mine = [r for r in rounds if r["arm"] == arm]
    count = sum(r["messages"] for r in mine)
    lat = [x for r in mine for x in r["lat"]]
    lag = [x for r in mine for x in r["lag"]]
    return {
        "msg_per_s": count / sum(r["wall"] for r in mine),
        "loop_cpu_ms_per_msg": 1000 * sum(r["loop_cpu"] for r in mine) / count,
        "p50_ms": 1000 * _percentile(lat, 0.5), "p95_ms": 1000 * _percentile(lat, 0.95),
        "lag_p99_ms": 1000 * _percentile(lag, 0.99), "lag_max_ms": 1000 * max(lag),
        "per_round_msg_per_s": [r["messages"] / r["wall"] for r in mine],  # type: ignore[dict-item]
    }


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    from bench.relay import drop_schema, schema_url
    from bot.console import accounts, sessions
    from bot.console.context import Console
    from bot.handoff import bot_side, delivery, gate, service
    from bot.handoff.model import Context
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from core.settings import load_settings

    tmp = Path(tempfile.mkdtemp(prefix="popbot-bench-hooks-"))
    url = schema_url(args.database_url, "bench_hooks_") if args.database_url else f"sqlite:///{tmp / 'bench.db'}"
    store = open_storage(load_settings({"POPBOT_VAR_DIR": str(tmp / "var")}), database_url=url,
                         provider=FileKeyProvider(tmp / "keys", generate=True))
    try:
        delivery.use_domain = lambda domain: None  # no model: the timer lines are not spoken here
        ctx = Context(store)
        console = Console(store)
        account, _ = accounts.add_account(console, "bench", "counselor", actor="bench")
        accounts.set_duty_hours(console, account.id, "24/7", "Europe/Warsaw", actor="bench")
        sessions.create(console, account.id, "full")
        counselor = service.actor_for(ctx, "bench", via="console")
        conversations = ["web_" + uuid.uuid4().hex for _ in range(args.conversations)]
        held = set(conversations[::HELD_EVERY])
        for sender in held:
            bot_side.enter_queue(ctx, sender, channel="web", persona="rumianek", lang="en", signal="help_request",
                                 urgent=False)
            service.claim(ctx, counselor, sender)
        processor = _Processor(store, args.work_ms)
        rounds = []
        await _round("thread", processor, conversations, held, 60)  # warm-up, both arms
        await _round("loop", processor, conversations, held, 60)
        for i in range(args.rounds):
            for arm in (("loop", "thread") if i % 2 == 0 else ("thread", "loop")):
                rounds.append(await _round(arm, processor, conversations, held, args.messages))
        return {arm: _summary(rounds, arm) for arm in ("loop", "thread")}
    finally:
        store.close()
        if args.database_url:
            drop_schema(args.database_url, url)
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench hooks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=10)
    parser.add_argument("--messages", type=int, default=300, help="messages per round and arm")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per arm (alternated)")
    parser.add_argument("--work-ms", type=float, default=8.0, help="CPU on the loop per message besides the hooks")
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; a fresh schema is made and dropped")
    args = parser.parse_args(argv)
    from core.rasa_compat import prepare_environment

    prepare_environment()
    print(f"machine: {_machine()}")
    print(f"{args.conversations} conversations at once, {args.rounds} x {args.messages} messages per arm, "
          f"{args.work_ms:g} ms CPU per message besides the hooks, "
          f"{'PostgreSQL' if args.database_url else 'SQLite'}")
    result = asyncio.run(_run(args))
    print("| arm | msg/s | loop CPU ms/msg | p50 ms | p95 ms | loop lag p99 ms | lag max ms | msg/s per round |")
    print("|---|---|---|---|---|---|---|---|")
    for arm, s in result.items():
        rounds = " ".join(f"{x:.1f}" for x in s["per_round_msg_per_s"])  # type: ignore[union-attr]
        print(f"| {arm} | {s['msg_per_s']:.1f} | {s['loop_cpu_ms_per_msg']:.2f} | {s['p50_ms']:.1f} | {s['p95_ms']:.1f} "
              f"| {s['lag_p99_ms']:.1f} | {s['lag_max_ms']:.1f} | {rounds} |")
    print(f"after: {_machine().rsplit(', ', 1)[-1]}")
    return 0
