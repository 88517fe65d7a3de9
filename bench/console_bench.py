"""Relay latencies through the counselor console, against a plain bot reply in the same run.

    python -m bench console [--rounds 40] [--database-url URL] [--redis-url URL]

The trained model is loaded into a Rasa ``Agent`` with the encrypted tracker store and the
handoff hooks (``bot.handoff.gate``), as ``bot.server`` runs them, on a fresh SQLite file or
PostgreSQL schema (``bench.relay``, shared with the ``handoff`` bench); the console app
(``bot.console.app.create_app``) is served by uvicorn on a free local port in the same process,
and read over HTTP as a browser does. No action server.

Arms, interleaved round by round (order rotated):

* ``bot_reply`` (baseline) — a cover question the bot answers (``agent.handle_message``);
* ``child_to_screen`` — a child writes in a held conversation: from the start of
  ``agent.handle_message`` until the console's ``/events`` stream has delivered the ``message``
  event AND ``GET /conversations/<id>/transcript`` (what the page fetches on that event) contains
  the text;
* ``console_to_child`` — ``POST /conversations/<id>/reply`` (CSRF token, same-origin) until the
  child's widget socket on the web channel's push hub receives the text, through the real
  delivery worker (``bot.handoff.delivery``).

Prints p50/p95/max per arm and each relay's p95 ÷ the baseline's p95; goal p95 ≤ 1 s each
(docs/design.md, "Budgets"). Exit 0 unless the run failed (2) or ``--strict`` and a goal is missed.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import socket
import time
import uuid
from typing import Any

from bench.relay import CHILD, COVER, GOAL_SECONDS, open_relay, pct, run_arms, stalled, widget_receives


async def _run(args: argparse.Namespace) -> dict[str, list[float]]:
    relay = await open_relay("console", database_url=args.database_url, redis_url=args.redis_url)
    import httpx
    import uvicorn

    from bot.console import accounts, sessions
    from bot.console.app import create_app
    from bot.console.context import Console

    app = create_app(relay.store)
    # a signed-in session of the counselor holding the conversation: sign-in is not what is timed
    session = sessions.create(Console(relay.store), accounts.by_username(Console(relay.store), "bench").id, "full")
    with socket.socket() as probe:  # a free local port
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
                                          access_log=False))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    client = httpx.AsyncClient(base_url=base, headers={"cookie": f"{sessions.COOKIE}={session.token}", "origin": base},
                               timeout=30)
    held = relay.held
    seen: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def stream() -> None:
        async with client.stream("GET", "/events") as reply:
            async for line in reply.aiter_lines():
                if line.startswith("data: "):
                    seen.put_nowait(json.loads(line[6:]))

    listener = asyncio.create_task(stream())
    await asyncio.sleep(0.5)
    url = "/conversations/" + held
    results: dict[str, list[float]] = {"bot_reply": [], "child_to_screen": [], "console_to_child": []}

    async def bot_reply(i: int) -> None:
        start = time.perf_counter()
        assert await relay.say(relay.plain, COVER[i % len(COVER)]), "the bot did not answer"
        results["bot_reply"].append(time.perf_counter() - start)

    async def child_to_screen(i: int) -> None:
        text = f"{CHILD[i % len(CHILD)]} {uuid.uuid4().hex[:6]}"
        start = time.perf_counter()
        assert await relay.say(held, text) == []
        while True:
            event = await stalled(seen.get(), "child_to_screen", listener)
            if event["kind"] == "message" and event["conversation"] == held:
                break
        page = await client.get(url + "/transcript")
        assert page.status_code == 200 and text in page.text, "the transcript does not show the child's line"
        results["child_to_screen"].append(time.perf_counter() - start)

    async def console_to_child(i: int) -> None:
        text = f"reply {i} {uuid.uuid4().hex[:6]}"
        start = time.perf_counter()
        sent = await client.post(url + "/reply", data={"csrf": session.csrf, "text": text})
        assert sent.status_code == 303, f"the console refused the reply: {sent.status_code}"
        results["console_to_child"].append(await widget_receives(relay, text, "console_to_child") - start)

    await run_arms([bot_reply, child_to_screen, console_to_child], args.rounds, results)
    listener.cancel()
    await asyncio.gather(listener, return_exceptions=True)
    await client.aclose()
    server.should_exit = True
    await serving
    await relay.close()
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench console", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; a fresh schema is made and dropped")
    parser.add_argument("--redis-url", default=None, help="wake the SSE stream by the Redis nudge (else 0.25 s polling)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    try:
        results = asyncio.run(_run(args))
    except Exception as exc:  # noqa: BLE001 - a bench reports and exits
        print(f"console bench failed: {exc.__class__.__name__}: {exc}")
        return 2
    base = pct(results["bot_reply"], 0.95)
    print(f"console relay latency, {args.rounds} rounds, {'PostgreSQL' if args.database_url else 'SQLite'}, "
          f"{'Redis nudge' if args.redis_url else 'polling'}")
    missed = False
    for arm, values in results.items():
        p95 = pct(values, 0.95)
        line = f"  {arm:17} p50 {pct(values, 0.5) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms"
        if arm != "bot_reply":
            ok = p95 <= GOAL_SECONDS
            missed |= not ok
            line += f"  p95/baseline {p95 / base:5.2f}  goal p95 <= {GOAL_SECONDS:.0f} s: {'met' if ok else 'MISSED'}"
        print(line)
    return 1 if missed and args.strict else 0
