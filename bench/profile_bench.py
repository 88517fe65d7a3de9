"""Where one message -> reply spends its time, at low load on 1 replica (production settings).

    python -m bench profile [--messages 60] [--out results]

Setup as ``bench/cluster_bench.py`` (its throwaway PostgreSQL and Redis, 1 Rasa replica behind
caddy, the action server, all on loopback). Messages are sent one at a time (no concurrency),
in the scripted chats of ``bench/message_bench.py``:

1. through the proxy and straight to the replica, alternately: the proxy's share is the
   difference of the medians;
2. in this process, to a Rasa ``Agent`` on the same model, database, Redis and action server,
   configured as ``bot.server`` configures it (encrypted tracker store, popbot's Redis
   conversation lock, the signed action endpoint, the handoff hooks), with a timer around each
   stage: the lock (waiting for it, releasing it), tracker load, tracker save, NLU, dialogue
   policy prediction, action-server round trips, the handoff hooks (queue/hold look-ups). What
   is left is Rasa's own bookkeeping (events, slot extraction, rules, output). The web channel's
   and HTTP's share is "straight to the replica" minus "in process".

Prints a table and writes ``results/profile_bench.{md,json}``. Bounded: fixed message count.
Medians per message; absolute figures depend on the machine's load (printed).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from bench.cluster_bench import PERSONA, Cluster, ThrowawayPostgres, ThrowawayRedis
from bench.message_bench import SCRIPTS, _load, _machine, _percentile
from core import PROJECT_ROOT

#: stage name -> durations (s) of the current message
_current: dict[str, list[float]] = defaultdict(list)


@contextmanager
def _timed(stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        _current[stage].append(time.perf_counter() - start)


def _wrap_async(owner: Any, name: str, stage: str) -> None:
    original = getattr(owner, name)

    async def timed(*args: Any, **kwargs: Any) -> Any:
        with _timed(stage):
            return await original(*args, **kwargs)

    setattr(owner, name, timed)


def _wrap_sync(owner: Any, name: str, stage: str) -> None:
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        with _timed(stage):
            return original(*args, **kwargs)

    setattr(owner, name, timed)


def instrument() -> None:
    """Timers around each stage of Rasa's and popbot's message path (this process only)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor

    import core.locks
    from bot.handoff import gate
    from bot.storage.tracker_store import EncryptedTrackerStore

    _wrap_async(core.locks.RedisConversationLocks, "acquire", "lock: wait + take")
    _wrap_async(core.locks, "release", "lock: release")
    _wrap_async(EncryptedTrackerStore, "retrieve", "tracker load")
    _wrap_async(EncryptedTrackerStore, "save", "tracker save")
    _wrap_sync(EncryptedTrackerStore, "save_sync", "tracker save: its database work (in a thread)")
    _wrap_sync(EncryptedTrackerStore, "_retrieve", "tracker load: its database work (in a thread)")
    _wrap_async(MessageProcessor, "parse_message", "NLU")
    _wrap_sync(MessageProcessor, "predict_next_with_tracker_if_should", "policy prediction")
    _wrap_async(RemoteAction, "run", "action server round trip")
    _wrap_async(gate, "gate", "handoff hooks")
    _wrap_async(gate, "before_send", "handoff hooks")


def in_process_agent(cluster: Cluster, redis_url: str) -> Any:
    """An Agent configured as ``bot.server`` configures it, on the cluster's model and services."""
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from bot.actions_auth import authenticated_endpoint
    from bot.handoff import gate
    from bot.storage import rasa_guards
    from bot.storage.lock_store import ConversationLockStore
    from bot.storage.runtime import open_storage
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core import paths, rasa_compat

    from core.logs import configure

    settings = cluster.stack.settings
    configure()  # popbot's logging (no message text), as bot.server
    rasa_guards.install()
    rasa_compat.check_action_responses_once()
    rasa_compat.run_graphs_without_dask()
    instrument()
    gate.install()
    endpoint = authenticated_endpoint(EndpointConfig(url=settings.actions_endpoint),
                                      settings.required_secret("actions_secret"))
    return Agent.load(str(PROJECT_ROOT / "models" / f"{paths.MODEL_NAME}.tar.gz"), action_endpoint=endpoint,
                      tracker_store=EncryptedTrackerStore(storage=open_storage(settings)),
                      lock_store=ConversationLockStore(redis_url=redis_url))


def _chats(count: int) -> list[tuple[str, str, str]]:
    """(conversation tag, lang, text) for ``count`` messages: scripted chats, 3 messages each."""
    out = []
    for n in range(count):
        lang, script = SCRIPTS[(n // 3) % len(SCRIPTS)]
        out.append((f"c{n // 3}", lang, script[n % 3]))
    return out


def over_http(cluster: Cluster, chats: list[tuple[str, str, str]], session: Callable[[str], str]) -> dict[str, list[float]]:
    """Each message alternately through the proxy and straight to the replica (its own chats)."""
    import httpx

    times: dict[str, list[float]] = {"proxy": [], "direct": []}
    with httpx.Client(timeout=120) as client:
        for n, (tag, lang, text) in enumerate(chats):
            for route, base in (("proxy", cluster.proxy), ("direct", cluster.rasa[0])):
                body = {"sender": session(f"{route}-{tag}"), "message": text, "metadata": {"persona": PERSONA, "lang": lang}}
                start = time.perf_counter()
                answer = client.post(f"{base}/webhooks/web/webhook", json=body)
                times[route].append(time.perf_counter() - start)
                if answer.status_code != 200 or not answer.json():
                    raise RuntimeError(f"{route}: message {n} answered {answer.status_code} without a reply")
    return times


async def in_process(agent: Any, chats: list[tuple[str, str, str]],
                     warm_up: list[tuple[str, str, str]]) -> list[dict[str, float]]:
    """One loop for all (the Redis clients belong to it): ``warm_up`` first, unmeasured."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from core.text import neutralise

    run = uuid.uuid4().hex[:8]
    rows = []
    for n, (tag, lang, text) in enumerate([*warm_up, *chats]):
        tag = f"w{tag}" if n < len(warm_up) else tag
        _current.clear()
        out = CollectingOutputChannel()
        start = time.perf_counter()
        await agent.handle_message(UserMessage(neutralise(text), out, f"web_profile{run}{tag}", input_channel="web",
                                               metadata={"persona": PERSONA, "lang": lang}))
        total = time.perf_counter() - start
        if not out.messages:
            raise RuntimeError("in process: a message got no reply")
        row = {stage: sum(values) for stage, values in _current.items()}
        row["action server calls"] = float(len(_current.get("action server round trip", [])))
        row["total"] = total
        if n >= len(warm_up):
            rows.append(row)
    return rows


def summarise(http: dict[str, list[float]], rows: list[dict[str, float]]) -> dict[str, Any]:
    stages = sorted({k for r in rows for k in r} - {"total", "action server calls"})
    parts = [s for s in stages if "(in a thread)" in s]  # already inside another stage's time
    median = {s: _percentile([r.get(s, 0.0) for r in rows], 0.5) * 1000 for s in stages}
    total = _percentile([r["total"] for r in rows], 0.5) * 1000
    # "other": per message, total minus the timed stages, then the median of that
    median["Rasa's own bookkeeping (rest)"] = _percentile(
        [r["total"] - sum(r.get(s, 0.0) for s in stages if s not in parts) for r in rows], 0.5) * 1000
    proxy, direct = (_percentile(http[k], 0.5) * 1000 for k in ("proxy", "direct"))
    return {
        "messages": len(rows), "in_process_total_ms": total, "stages_ms": median,
        "action_server_calls_per_message": _percentile([r["action server calls"] for r in rows], 0.5),
        "direct_p50_ms": direct, "proxy_p50_ms": proxy,
        "proxy_share_ms": proxy - direct, "web_channel_and_http_share_ms": direct - total,
    }


def render(summary: dict[str, Any], machine: str, load: str) -> str:
    lines = [
        "# one message -> reply, 1 replica, low load (one message at a time)", "",
        f"machine: {machine}; after: {load}. {summary['messages']} messages; medians per message.", "",
        "| stage | ms |", "|---|---|",
        f"| **through the proxy (caddy), total** | **{summary['proxy_p50_ms']:.1f}** |",
        f"| the proxy's share (proxy - straight to the replica) | {summary['proxy_share_ms']:.1f} |",
        f"| straight to the replica, total | {summary['direct_p50_ms']:.1f} |",
        f"| web channel + HTTP (straight - in process) | {summary['web_channel_and_http_share_ms']:.1f} |",
        f"| in process (Rasa agent), total | {summary['in_process_total_ms']:.1f} |",
    ]
    for stage, ms in sorted(summary["stages_ms"].items(), key=lambda item: -item[1]):
        lines.append(f"| - {stage} | {ms:.1f} |")
    lines += ["", f"action-server calls per message (median): {summary['action_server_calls_per_message']:.0f}"]
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=60)
    parser.add_argument("--out", default=str(PROJECT_ROOT / "results"))
    args = parser.parse_args(argv)
    if shutil.which("caddy") is None or shutil.which("redis-server") is None:
        print("profile bench: needs caddy, redis-server and PostgreSQL server binaries (make test-deps)")
        return 2
    from bench import cluster_bench
    from bot.channels import sessions
    from bot.storage.keys import FileKeyProvider

    workdir = Path(tempfile.mkdtemp(prefix="popbot-profile-bench-"))
    workdir.chmod(0o755)
    pg, rd = ThrowawayPostgres(workdir), ThrowawayRedis(workdir)
    cluster: Optional[Cluster] = None
    try:
        database_url, redis_url = pg.start(), rd.start()
        keys = FileKeyProvider(workdir / "keys", generate=True)
        cluster_bench._SESSION_KEY[:] = [keys.secret(sessions.PURPOSE)]
        cluster = Cluster(workdir, 1, database_url, redis_url, "bench-" + uuid.uuid4().hex)
        print(f"-- starting 1 replica ({_load()})", flush=True)
        cluster.start()
        chats = _chats(args.messages)
        over_http(cluster, _chats(6), lambda tag: cluster_bench._sender("warm", hash(tag)))  # warm-up
        http = over_http(cluster, chats, lambda tag: cluster_bench._sender("profile", hash(tag)))
        agent = in_process_agent(cluster, redis_url)
        rows = asyncio.run(in_process(agent, chats, warm_up=_chats(6)))
    finally:
        if cluster is not None:
            cluster.stop()
        rd.stop()
        pg.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    summary = summarise(http, rows)
    machine, load = _machine(), _load()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "profile_bench.json").write_text(json.dumps({"machine": machine, "load_after": load, **summary}, indent=2))
    table = render(summary, machine, load)
    (out / "profile_bench.md").write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
