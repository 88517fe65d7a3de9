"""Relay latencies through the counselor console, against a plain bot reply in the same run.

    python -m bench console [--rounds 40] [--redis-url URL]

The trained model is loaded into a Rasa ``Agent`` with the encrypted tracker store and the
handoff hooks (``bot.handoff.gate``), as ``bot.server`` runs them; the console app
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
import shutil
import socket
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.handoff_bench import CHILD, COVER, GOAL_SECONDS, _pct


async def _run(args: argparse.Namespace) -> dict[str, list[float]]:
    from core.rasa_compat import prepare_environment

    prepare_environment()
    from core.logs import configure

    configure(patch_rasa_now=True)
    import httpx
    import uvicorn
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.channels.web import WebInput
    from bot.console import accounts, sessions
    from bot.console.app import create_app
    from bot.console.context import Console
    from bot.handoff import bot_side, delivery, gate, service
    from bot.handoff.model import Actor
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core import PROJECT_ROOT, paths
    from core.settings import load_settings

    tmp = Path(tempfile.mkdtemp(prefix="popbot-bench-console-"))
    env = {"POPBOT_VAR_DIR": str(tmp / "var")}
    if args.redis_url:
        env["POPBOT_REDIS_URL"] = args.redis_url
    store = open_storage(load_settings(env), database_url=f"sqlite:///{tmp / 'bench.db'}",
                         provider=FileKeyProvider(tmp / "keys", generate=True))
    gate.install()
    agent = Agent.load(str(PROJECT_ROOT / "models" / f"{paths.MODEL_NAME}.tar.gz"),
                       tracker_store=EncryptedTrackerStore(storage=store))
    app = create_app(store)
    ctx = app.state.handoff
    console = Console(store)
    # a signed-in session made directly: sign-in is not what is timed
    account, _ = accounts.add_account(console, "bench", "counselor", actor="bench")
    session = sessions.create(console, account.id, "full")

    with socket.socket() as probe:  # a free local port
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
                                          access_log=False))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    headers = {"cookie": f"{sessions.COOKIE}={session.token}", "origin": base}
    client = httpx.AsyncClient(base_url=base, headers=headers, timeout=30)

    async def say(sender: str, text: str) -> list[Any]:
        out = CollectingOutputChannel()
        await agent.handle_message(UserMessage(text, out, sender, input_channel="web",
                                               metadata={"persona": "rumianek", "lang": "en"}))
        return out.messages

    held = "web_" + uuid.uuid4().hex
    bot_side.enter_queue(ctx, held, channel="web", persona="rumianek", lang="en", signal="help_request", urgent=False)
    service.claim(ctx, Actor("bench", "counselor"), held)
    plain = "web_" + uuid.uuid4().hex

    web = WebInput(shop=False)
    received: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

    async def socket_send(message: dict[str, Any]) -> None:
        received.put_nowait((time.perf_counter(), str(message.get("text"))))

    async def socket_close() -> None:
        return None

    await web.hub.attach(held, socket_send, socket_close)
    worker = delivery.Deliverer(ctx)
    worker.senders["web"] = web.deliver_counselor_message
    worker.start()

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
        assert await say(plain, COVER[i % len(COVER)]), "the bot did not answer"
        results["bot_reply"].append(time.perf_counter() - start)

    async def child_to_screen(i: int) -> None:
        text = f"{CHILD[i % len(CHILD)]} {uuid.uuid4().hex[:6]}"
        start = time.perf_counter()
        assert await say(held, text) == []
        while True:
            event = await seen.get()
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
        while True:
            at, got = await received.get()
            if got == text:
                results["console_to_child"].append(at - start)
                return

    arms = [bot_reply, child_to_screen, console_to_child]
    for warm in range(3):
        for arm in arms:
            await arm(warm)
    for key in results:
        results[key].clear()
    for i in range(args.rounds):
        for arm in arms[i % 3:] + arms[: i % 3]:
            await arm(i)
    listener.cancel()
    await worker.stop()
    await asyncio.gather(listener, return_exceptions=True)
    await client.aclose()
    server.should_exit = True
    await serving
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench console", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--redis-url", default="", help="wake the SSE stream by the Redis nudge (else 0.25 s polling)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    try:
        results = asyncio.run(_run(args))
    except Exception as exc:  # noqa: BLE001 - a bench reports and exits
        print(f"console bench failed: {exc.__class__.__name__}: {exc}")
        return 2
    base = _pct(results["bot_reply"], 0.95)
    print(f"console relay latency, {args.rounds} rounds, {'Redis nudge' if args.redis_url else 'polling'}")
    missed = False
    for arm, values in results.items():
        p95 = _pct(values, 0.95)
        line = f"  {arm:17} p50 {_pct(values, 0.5) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms"
        if arm != "bot_reply":
            ok = p95 <= GOAL_SECONDS
            missed |= not ok
            line += f"  p95/baseline {p95 / base:5.2f}  goal p95 <= {GOAL_SECONDS:.0f} s: {'met' if ok else 'MISSED'}"
        print(line)
    return 1 if missed and args.strict else 0
