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

A relay that stalls (no event or push within ``bench.relay.STALL_SECONDS``) fails the run with the
arm named (exit 2) instead of hanging: one run once hung at 0 % CPU (issue 10, gap 4 — a
subscriber that died with a failed read, or a nudge listener deaf after a Redis restart; both
fixed in ``bot.handoff.events``). The set-up is ``bench.relay`` (shared with the console bench).

Prints p50/p95/max per arm and each relay's p95 ÷ the baseline's p95; goal p95 ≤ 1 s each
(docs/design.md, "Budgets"). Exit 0 unless the run failed (2) or ``--strict`` and a goal is missed.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from typing import Any

from bench.relay import CHILD, COVER, GOAL_SECONDS, open_relay, pct, run_arms, stalled, widget_receives


async def _run(args: argparse.Namespace) -> dict[str, list[float]]:
    relay = await open_relay("handoff", database_url=args.database_url, redis_url=args.redis_url)
    from bot.handoff import events, service

    ctx, held = relay.ctx, relay.held
    seen: asyncio.Queue[tuple[float, Any]] = asyncio.Queue()

    async def subscriber() -> None:
        async for event in events.follow(ctx, events.last_id(ctx), redis_url=args.redis_url or ""):
            seen.put_nowait((time.perf_counter(), event))

    listener = asyncio.create_task(subscriber())
    await asyncio.sleep(0.5)
    results: dict[str, list[float]] = {"bot_reply": [], "child_to_subscriber": [], "counselor_to_child": []}

    async def bot_reply(i: int) -> None:
        start = time.perf_counter()
        replies = await relay.say(relay.plain, COVER[i % len(COVER)])
        assert replies, "the bot did not answer"
        results["bot_reply"].append(time.perf_counter() - start)

    async def child_to_subscriber(i: int) -> None:
        start = time.perf_counter()
        assert await relay.say(held, CHILD[i % len(CHILD)]) == []
        while True:
            at, event = await stalled(seen.get(), "child_to_subscriber", listener)
            if event.kind == "message" and event.conversation_id == held:
                results["child_to_subscriber"].append(at - start)
                return

    async def counselor_to_child(i: int) -> None:
        text = f"reply {i} {uuid.uuid4().hex[:6]}"
        start = time.perf_counter()
        await asyncio.to_thread(service.reply, ctx, relay.counselor, held, text)
        results["counselor_to_child"].append(await widget_receives(relay, text, "counselor_to_child") - start)

    await run_arms([bot_reply, child_to_subscriber, counselor_to_child], args.rounds, results)
    listener.cancel()
    await asyncio.gather(listener, return_exceptions=True)
    await relay.close()
    return results


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
    base = pct(results["bot_reply"], 0.95)
    print(f"handoff relay, {args.rounds} rounds, {'PostgreSQL' if args.database_url else 'SQLite'}, "
          f"subscriber and delivery worker wake-up: {'Redis nudge' if args.redis_url else 'polling 0.25 s / 0.1 s'}")
    print(f"{'arm':<22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95 / bot p95':>14} {'goal':>8}")
    missed = False
    for name, values in results.items():
        p50, p95 = statistics.median(values), pct(values, 0.95)
        goal = "" if name == "bot_reply" else ("ok" if p95 <= GOAL_SECONDS else "MISSED")
        missed |= goal == "MISSED"
        print(f"{name:<22} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {max(values) * 1000:8.1f} {p95 / base:14.2f} {goal:>8}")
    return 1 if args.strict and missed else 0
