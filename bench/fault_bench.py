"""Faults under load: does a child lose a message, miss the emergency number, or get it twice?

    python -m bench fault [--conversations 20] [--messages 6] [--rate 2.0] [--out results] [--keep]

Everything runs on loopback on servers this bench starts and removes (never the shared ones): a
throwaway PostgreSQL cluster and a throwaway Redis (``bench.cluster_bench``), and the production
topology of ``popbot run --replicas 1`` — a Rasa server behind caddy, the action server, both
supervised (a stopped process is restarted as ``popbot run`` does).

C conversations (default 20) write at once, open loop at ``--rate`` messages per second, each
conversation's messages in order; every third message says plainly that the child is in danger
(the answer must carry the emergency number). During the run, one after another:

  1. the action server is killed (``kill -9``; the supervisor restarts it);
  2. the database turns read-only for a while (``ALTER SYSTEM SET default_transaction_read_only``);
  3. PostgreSQL is restarted (``pg_ctl restart -m fast``);
  4. Redis is restarted.

The client behaves like the shop page and a platform's redelivery: an answer's replies are shown
even when its status is 5xx (the page does), then a 5xx or connection error is retried with backoff
(1 s doubling to 8 s, up to 120 s). Reported per fault and in total: **user messages lost** (sent,
never stored, read back through the Rasa API after the spool had time to store), **emergency
replies withheld** (a danger message whose answers never showed the number), **duplicate
replies** (a message whose replies were shown by more than one attempt) and **duplicates stored**,
requests that failed at least once, and **seconds to recover** (from each fault to the last failed
attempt it caused). Goals: 0, 0, 0, 0. Baseline in the same run: the same load without faults
first; the p95 message -> final answer under faults is printed as a ratio to it.

Output: the table on stdout and ``results/fault_bench.md``, raw numbers ``results/fault_bench.json``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from bench.cluster_bench import (
    Cluster, ThrowawayPostgres, ThrowawayRedis, _SESSION_KEY, _sender, fault_recovery, post_retrying, stored_check,
)
from bench.message_bench import _load, _machine, _percentile

#: What a child in danger says plainly (the safety layer answers with the emergency number).
DANGER = "he is kicking my door in and he has a knife, help"
EMERGENCY_NUMBER = "112"
ORDINARY = ("hi", "how much is the lavender soap?", "do you ship abroad?", "thanks", "what is in the chamomile cream?")
READ_ONLY_SECONDS = 8.0
#: How long the spools may take to store what they kept (then the rest counts as lost).
SPOOL_WAIT = 180.0
FAULTS = ("action server killed", "database read-only", "PostgreSQL restarted", "Redis restarted")


@dataclass
class Message:
    conversation: int
    number: int
    text: str
    danger: bool
    start: float = 0.0
    done: float = 0.0
    attempts: int = 0
    failures: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    shown: list[list[str]] = field(default_factory=list)  # the replies each attempt showed
    ok: bool = False
    id: str = field(default_factory=lambda: uuid.uuid4().hex)  # the message's own id, kept by its retries


def scripts(conversations: int, messages: int) -> list[list[tuple[str, bool]]]:
    """Per conversation: (text, is danger). Texts are numbered so a duplicate is visible."""
    out = []
    for c in range(conversations):
        conv = []
        for k in range(messages):
            danger = k % 3 == 1
            text = DANGER if danger else ORDINARY[(c + k) % len(ORDINARY)]
            conv.append((f"{text} ({c}.{k})", danger))
        out.append(conv)
    return out


def _replies(body: Any) -> list[str]:
    items = body if isinstance(body, list) else (body.get("replies") if isinstance(body, dict) else None)
    return [str(r.get("text")) for r in items or [] if isinstance(r, dict) and r.get("text")]


async def _send(client: Any, url: str, sender: str, item: Message, t0: float) -> None:
    """POST one message (``cluster_bench.post_retrying``), keeping the replies each attempt showed."""

    def show(response: Any) -> None:
        try:
            shown = _replies(response.json())
        except ValueError:
            shown = []
        if shown:
            item.shown.append(shown)

    await post_retrying(client, url, {"sender": sender, "id": item.id, "message": item.text}, item, t0, seen=show)


async def load(proxy: str, tag: str, plan: list[list[tuple[str, bool]]], rate: float,
               faults: list[tuple[float, str, Callable[[], None]]]) -> tuple[list[Message], list[tuple[float, str]]]:
    """Open loop: message n (round robin over conversations) is due at n / rate, each
    conversation in order; the faults run at their times (in a thread: they block)."""
    import httpx

    items = [[Message(c, k, text, danger) for k, (text, danger) in enumerate(conv)] for c, conv in enumerate(plan)]
    happened: list[tuple[float, str]] = []
    count = len(plan)
    limits = httpx.Limits(max_connections=count + 10, max_keepalive_connections=count + 10)
    async with httpx.AsyncClient(timeout=180, limits=limits) as client:
        t0 = time.monotonic()

        async def conversation(c: int) -> None:
            for k, item in enumerate(items[c]):
                await asyncio.sleep(max(0.0, (k * count + c) / rate - (time.monotonic() - t0)))
                await _send(client, f"{proxy}/webhooks/web/webhook", _sender(tag, c), item, t0)

        async def inject() -> None:
            for at, name, action in faults:
                await asyncio.sleep(max(0.0, at - (time.monotonic() - t0)))
                happened.append((time.monotonic() - t0, name))
                await asyncio.to_thread(action)

        await asyncio.gather(inject(), *(conversation(c) for c in range(count)))
    return [i for conv in items for i in conv], happened


def read_only(database_url: str, on: bool) -> None:
    """Make every new transaction of the cluster read-only (or writable again), live."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if on:
            conn.execute(sa.text("ALTER SYSTEM SET default_transaction_read_only = on"))
        else:
            conn.execute(sa.text("SET default_transaction_read_only = off"))
            conn.execute(sa.text("ALTER SYSTEM RESET default_transaction_read_only"))
        conn.execute(sa.text("SELECT pg_reload_conf()"))
    engine.dispose()


def spooled(var: Path) -> int:
    """Messages waiting in the replicas' encrypted spools (answered, not yet stored)."""
    return sum(1 for p in var.glob("replicas/*/spool/web/*") if p.is_file())


def wait_for_spool(var: Path, cap: float = SPOOL_WAIT) -> Optional[float]:
    """Wait until every spool is empty (the retry runs every 5 s); the time it was, or None."""
    deadline = time.monotonic() + cap
    while time.monotonic() < deadline:
        if spooled(var) == 0:
            time.sleep(1.0)  # an entry is removed right after its turn was stored
            if spooled(var) == 0:
                return time.monotonic()
        time.sleep(0.5)
    return None


def p95_ms(items: list[Message]) -> float:
    return round(_percentile([(i.done - i.start) * 1000 for i in items if i.ok], 0.95), 1)


def summarise(items: list[Message], happened: list[tuple[float, str]], stored: dict[str, int]) -> dict[str, Any]:
    danger = [i for i in items if i.danger]
    withheld = [i for i in danger if not any(EMERGENCY_NUMBER in text for shown in i.shown for text in shown)]
    return {
        "messages": len(items),
        "danger_messages": len(danger),
        "user_messages_lost": stored["lost"],
        "emergency_replies_withheld": len(withheld),
        "duplicate_replies": sum(len(i.shown) > 1 for i in items),
        "duplicates_stored": stored["duplicates"],
        "conversations_out_of_order": stored["conversations_out_of_order"],
        "requests_failed_at_least_once": sum(bool(i.failures) for i in items),
        "given_up": sum(not i.ok for i in items),
        "p95_ms": p95_ms(items),
        "recovery": fault_recovery(items, happened),  # type: ignore[arg-type]
    }


def run(conversations: int, messages: int, rate: float, workdir: Path) -> dict[str, Any]:
    """Start the servers, run the load with the four faults, read back; returns the summary."""
    from bot.storage.keys import FileKeyProvider
    from bot.channels.sessions import PURPOSE

    pg, rd = ThrowawayPostgres(workdir), ThrowawayRedis(workdir)
    token = "faults-" + uuid.uuid4().hex
    database_url, redis_url = pg.start(), rd.start()
    cluster: Optional[Cluster] = None
    try:
        keys = FileKeyProvider(workdir / "keys", generate=True)
        _SESSION_KEY[:] = [keys.secret(PURPOSE)]
        cluster = Cluster(workdir, 1, database_url, redis_url, token)
        cluster.start()
        cluster.supervise()
        plan = scripts(conversations, messages)
        seconds = conversations * messages / rate
        baseline, _ = asyncio.run(load(cluster.proxy, "baseline", plan, rate, []))

        def read_only_for_a_while() -> None:
            read_only(database_url, True)
            time.sleep(READ_ONLY_SECONDS)
            read_only(database_url, False)

        faults = [
            (seconds * 0.10, FAULTS[0], lambda: cluster.kill("action server")),  # type: ignore[union-attr]
            (seconds * 0.30, FAULTS[1], read_only_for_a_while),
            (seconds * 0.55, FAULTS[2], pg.restart),
            (seconds * 0.80, FAULTS[3], rd.restart),
        ]
        items, happened = asyncio.run(load(cluster.proxy, "faults", plan, rate, faults))
        ended = time.monotonic()
        drained = wait_for_spool(cluster.var)  # answered while the database failed: stored later
        texts = [[text for text, _ in conv] for conv in plan]
        stored = stored_check(cluster.rasa[0], token, keys, "faults", texts)
        summary = summarise(items, happened, stored)
        base_p95 = p95_ms(baseline)
        return {"conversations": conversations, "messages_each": messages, "rate_msg_per_s": rate,
                "spool_drained_s_after_load": None if drained is None else round(drained - ended, 1),
                "baseline_p95_ms": base_p95, "baseline_failed": sum(bool(i.failures) for i in baseline),
                "p95_ratio_faults_over_baseline": round(summary["p95_ms"] / base_p95, 2) if base_p95 else None,
                **summary}
    finally:
        if cluster is not None:
            cluster.stop()
        rd.stop()
        pg.stop()


def render(report: dict[str, Any]) -> str:
    lines = [
        f"# fault bench — {report['conversations']} concurrent conversations, {report['messages']} messages "
        f"({report['danger_messages']} in danger), {report['rate_msg_per_s']} msg/s",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
    ]
    for key, goal in (("user_messages_lost", 0), ("emergency_replies_withheld", 0), ("duplicate_replies", 0),
                      ("duplicates_stored", 0), ("conversations_out_of_order", 0),
                      ("requests_failed_at_least_once", "—"), ("given_up", 0)):
        lines.append(f"| {key.replace('_', ' ')} | {report[key]} | {goal} |")
    lines.append(f"| seconds after the load until the spools had stored everything | "
                 f"{report['spool_drained_s_after_load']} | — |")
    lines.append(f"| p95 message -> answer, ms (faults / baseline without faults) | {report['p95_ms']} / "
                 f"{report['baseline_p95_ms']} = {report['p95_ratio_faults_over_baseline']}x | — |")
    lines += ["", "| fault | at (s) | failed attempts | why | seconds to recover |", "|---|---|---|---|---|"]
    for row in report["recovery"]:
        lines.append(f"| {row['fault']} | {row['at_s']} | {row['failed_attempts']} | {row['why'] or '—'} | "
                     f"{row['seconds_to_full_service']} |")
    lines.append("")
    lines.append(f"machine: {report.get('machine', '')}; load average before/after: {report.get('load_before')} / "
                 f"{report.get('load_after')}")
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench faults", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--messages", type=int, default=6, help="messages per conversation")
    parser.add_argument("--rate", type=float, default=2.0, help="messages per second, all conversations together")
    parser.add_argument("--out", default="results")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="popbot-fault-bench-"))
    workdir.chmod(0o755)
    load_before = _load()
    try:
        report = run(args.conversations, args.messages, args.rate, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report.update(machine=_machine(), load_before=load_before, load_after=_load())
    (out / "fault_bench.json").write_text(json.dumps(report, indent=2, default=str))
    table = render(report)
    (out / "fault_bench.md").write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
