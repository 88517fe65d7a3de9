"""Scale-out: 1 and 2 Rasa replicas behind caddy, and faults under load.

    python -m bench cluster [--conversations 100] [--messages 10] [--half-messages 3] [--replicas 1,2]
                            [--no-faults] [--fault-seconds 120] [--time-cap 1500] [--out results] [--keep]

Everything runs on loopback, on servers this bench starts and removes: a throwaway PostgreSQL
cluster (``initdb``/``pg_ctl`` in a temp dir, as the ``postgres`` user), a throwaway Redis
(``redis-server`` without persistence), and ``bot.stack.Stack`` with N replicas behind Debian's
caddy (``popbot run --replicas N``'s topology, docker/Caddyfile's routing) plus the action
server. Never the shared PostgreSQL on 5432 or Redis on 6379.

For each replica count:
  1. saturated throughput: C conversations write at once, each its next message as soon as the
     previous is answered (closed loop), M messages each, through the proxy's web channel;
  2. latency at half that throughput: C x ``--half-messages`` messages sent open-loop at 0.5 x the
     saturated rate (each conversation's messages in order); message -> reply p50/p95;
  3. every conversation's stored user events (read back through the Rasa API) == what was sent.
Throughput ratio = 2 replicas / 1 replica, measured in the same run.

Faults (2 replicas, open loop at half the saturated rate for ~``--fault-seconds``): ``kill -9`` of replica 1 (the
supervisor restarts it, as ``popbot run`` does), the Redis server restarted, the PostgreSQL
server restarted (``pg_ctl restart -m fast``). The client retries on 5xx and on connection errors
with backoff (1 s doubling to 8 s, for up to 120 s), as Telegram redelivers a webhook. Reported:
user messages lost (sent, never stored), duplicates (stored more than once), requests that failed
at least once, seconds from each fault until the last failed attempt it caused, and seconds until
the killed replica is ready again.

Output: a table on stdout and ``results/cluster_bench.md``, a plot ``results/cluster_bench.png``
(throughput and p95 per second, fault moments marked), raw numbers ``results/cluster_bench.json``.
Absolute numbers depend on what else runs on the machine (the 1-minute load average is printed);
the ratio is measured in the same run. Bounded: fixed message counts and ``--time-cap``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Optional, Protocol

from bench.cpu import CpuMeter
from bench.cpu import render as render_cpu
from bench.message_bench import SCRIPTS, _free_port, _load, _machine, _memory, _percentile
from core import PROJECT_ROOT

PERSONA = "rumianek"
RATIO_BUDGET, P95_BUDGET_MS = 1.6, 150.0
RETRY_START, RETRY_MAX, RETRY_FOR = 1.0, 8.0, 120.0
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


# --- throwaway servers ------------------------------------------------------------------------
class ThrowawayPostgres:
    """A PostgreSQL cluster of our own in a temp dir, run as the ``postgres`` user."""

    def __init__(self, workdir: Path) -> None:
        if not PG_BIN:
            raise RuntimeError("no PostgreSQL server binaries under /usr/lib/postgresql")
        self.bin = PG_BIN[-1]
        self.dir = workdir / "pg"
        self.port = _free_port()

    def _as_postgres(self, *args: str) -> None:
        """PostgreSQL refuses to run as root: as root, run it as the ``postgres`` user."""
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        self.dir.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._as_postgres(str(self.bin / "initdb"), "-D", str(self.dir / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self._pg_ctl("start")
        self._as_postgres(str(self.bin / "createdb") if (self.bin / "createdb").exists() else "/usr/bin/createdb",
                          "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "bench")
        return f"postgresql://postgres@127.0.0.1:{self.port}/bench"

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-o", options, "-l",
                          str(self.dir / "log"), "-w", action, *extra)

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def pids(self) -> list[int]:
        """The postmaster (its backends are its children), or none while it is down."""
        try:
            return [int((self.dir / "data" / "postmaster.pid").read_text().split()[0])]
        except (OSError, ValueError, IndexError):
            return []

    def start_again(self) -> None:
        """Start the cluster after :meth:`stop` (returns once it accepts connections)."""
        self._pg_ctl("start")

    def stop(self) -> None:
        try:
            self._pg_ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass


class ThrowawayRedis:
    """A Redis server of our own on a free port, without persistence."""

    def __init__(self, workdir: Path) -> None:
        self.port = _free_port()
        self.dir = workdir
        self.popen: Optional[subprocess.Popen] = None

    def start(self) -> str:
        self.popen = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis(port=self.port)
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        client.close()
        return f"redis://127.0.0.1:{self.port}/0"

    def restart(self) -> None:
        self.stop()
        self.start()

    def pids(self) -> list[int]:
        return [self.popen.pid] if self.popen and self.popen.poll() is None else []

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.terminate()
            self.popen.wait(timeout=30)


# --- load ---------------------------------------------------------------------------------------
@dataclass
class Sent:
    conversation: int
    number: int
    text: str
    start: float = 0.0
    done: float = 0.0
    attempts: int = 0
    failures: list[float] = field(default_factory=list)  # when each failed attempt ended
    kinds: list[str] = field(default_factory=list)  # and why: HTTP status or exception name
    replies: int = 0  # bot messages in the final answer (0: stored later from the spool, no reply)
    ok: bool = False
    id: str = field(default_factory=lambda: uuid.uuid4().hex)  # the message's own id, kept by its retries


def _messages(conversations: int, messages: int) -> list[list[str]]:
    out = []
    for c in range(conversations):
        lang, script = SCRIPTS[c % len(SCRIPTS)]
        out.append([script[k % len(script)] for k in range(messages)])
    return out


class Attempted(Protocol):
    """What :func:`post_retrying` records on a message (:class:`Sent`, ``fault_bench.Message``)."""

    start: float
    done: float
    attempts: int
    failures: list[float]
    kinds: list[str]
    ok: bool


#: Load generator's HTTP client (``--client``): aiohttp costs the shared CPU less per request than
#: httpx (0.7 against 4-8.5 ms per message measured); the same client serves 1 and 2 replicas in a run.
CLIENTS = ("aiohttp", "httpx")
_CLIENT: list[str] = ["aiohttp"]


@asynccontextmanager
async def http_client(connections: int) -> AsyncIterator[Any]:
    """The ``--client`` session for ``connections`` concurrent requests, kept alive between them."""
    if _CLIENT[0] == "httpx":
        import httpx

        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(timeout=180, limits=limits) as client:
            yield client
    else:
        import aiohttp

        connector = aiohttp.TCPConnector(limit=connections)
        async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=180)) as client:
            yield client


@dataclass
class Answer:
    """An aiohttp answer read in full, with the attributes of an httpx response the benches use."""

    status_code: int
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


async def _post(client: Any, url: str, body: dict[str, Any]) -> Any:
    """POST ``body`` as JSON with an aiohttp session or an httpx client."""
    import aiohttp

    if isinstance(client, aiohttp.ClientSession):
        async with client.post(url, data=json.dumps(body), headers={"Content-Type": "application/json"}) as response:
            return Answer(response.status, await response.read())
    return await client.post(url, json=body)


async def post_retrying(client: Any, url: str, body: dict[str, Any], item: Attempted, t0: float,
                        seen: Optional[Callable[[Any], None]] = None) -> Optional[Any]:
    """POST ``body`` until the answer is below 500, retrying 5xx and connection errors like a
    platform's redelivery (pause doubling from RETRY_START to RETRY_MAX, for RETRY_FOR seconds).
    Every attempt is recorded in ``item`` (times from ``t0``); ``seen`` gets each response. The
    final response, or None when the client gave up. ``client``: an aiohttp session or an httpx client."""
    import aiohttp
    import httpx

    item.start = time.monotonic() - t0
    delay = RETRY_START
    final = None
    while True:
        item.attempts += 1
        try:
            response = await _post(client, url, body)
            if seen is not None:
                seen(response)
            if response.status_code < 500:
                item.ok = response.status_code == 200
                final = response
                break
            # the replicas answer 5xx with a JSON body; caddy's own 502/503 has none
            kind = f"{response.status_code} {'replica' if response.content else 'proxy'}"
        except (httpx.HTTPError, aiohttp.ClientError, asyncio.TimeoutError) as exc:
            kind = type(exc).__name__
        item.failures.append(time.monotonic() - t0)
        item.kinds.append(kind)
        if time.monotonic() - t0 - item.start > RETRY_FOR:
            break
        await asyncio.sleep(delay)
        delay = min(delay * 2, RETRY_MAX)
    item.done = time.monotonic() - t0
    return final


async def _send(client: Any, url: str, sender: str, lang: str, item: Sent, t0: float) -> None:
    """POST one message (:func:`post_retrying`: every attempt with the message's id, so the server
    stores it once, bot/channels/repeats.py); ``item.replies``: the bot messages answered."""
    body = {"sender": sender, "id": item.id, "message": item.text, "metadata": {"persona": PERSONA, "lang": lang}}
    response = await post_retrying(client, url, body, item, t0)
    if response is not None and item.ok:
        item.replies = len(response.json())


#: Session ids the replicas accept (server-issued and signed, bot.channels.sessions): one per
#: simulated conversation, signed with the cluster's keys (set in main).
_SESSIONS: dict[tuple[str, int], str] = {}
_SESSION_KEY: list[bytes] = []


def _sender(tag: str, conversation: int) -> str:
    from bot.channels import sessions

    return _SESSIONS.setdefault((tag, conversation), sessions.issue(key=_SESSION_KEY[0]))


def _lang(conversation: int) -> str:
    return SCRIPTS[conversation % len(SCRIPTS)][0]


async def closed_loop(proxy: str, tag: str, texts: list[list[str]]) -> tuple[list[Sent], float]:
    """Every conversation at once, each message as soon as the previous is answered."""
    items = [[Sent(c, k, t) for k, t in enumerate(conv)] for c, conv in enumerate(texts)]
    async with http_client(len(texts) + 10) as client:
        t0 = time.monotonic()

        async def conversation(c: int) -> None:
            for item in items[c]:
                await _send(client, f"{proxy}/webhooks/web/webhook", _sender(tag, c), _lang(c), item, t0)

        await asyncio.gather(*(conversation(c) for c in range(len(texts))))
        wall = time.monotonic() - t0
    return [i for conv in items for i in conv], wall


async def open_loop(proxy: str, tag: str, texts: list[list[str]], rate: float,
                    faults: Optional[list[tuple[float, str, Any]]] = None) -> tuple[list[Sent], float, list[tuple[float, str]]]:
    """Message n (round robin over conversations) is due at n / rate; a conversation's next
    message waits for its previous one (order within a conversation). Faults run at their times."""
    count = len(texts)
    items = [[Sent(c, k, t) for k, t in enumerate(conv)] for c, conv in enumerate(texts)]
    happened: list[tuple[float, str]] = []
    async with http_client(count + 10) as client:
        t0 = time.monotonic()

        async def conversation(c: int) -> None:
            for k, item in enumerate(items[c]):
                due = (k * count + c) / rate
                await asyncio.sleep(max(0.0, due - (time.monotonic() - t0)))
                await _send(client, f"{proxy}/webhooks/web/webhook", _sender(tag, c), _lang(c), item, t0)

        async def inject() -> None:
            for at, name, action in faults or []:
                await asyncio.sleep(max(0.0, at - (time.monotonic() - t0)))
                happened.append((time.monotonic() - t0, name))
                await asyncio.to_thread(action)

        await asyncio.gather(inject(), *(conversation(c) for c in range(count)))
        wall = time.monotonic() - t0
    return [i for conv in items for i in conv], wall, happened


def stored_check(rasa: str, token: str, keys: Any, tag: str, texts: list[list[str]]) -> dict[str, int]:
    """Compare each conversation's stored user messages (Rasa API) with what was sent."""
    import httpx

    from bot.storage.pseudonyms import pseudonym_with

    lost = duplicates = mismatched = 0
    for c, sent in enumerate(texts):
        conversation = pseudonym_with(keys, "web", _sender(tag, c))
        tracker = httpx.get(f"{rasa}/conversations/{conversation}/tracker", params={"token": token}, timeout=120).json()
        stored = [e["text"] for e in tracker.get("events", []) if e.get("event") == "user"]
        missing, extra = Counter(sent) - Counter(stored), Counter(stored) - Counter(sent)
        lost += sum(missing.values())
        duplicates += sum(extra.values())
        mismatched += int(stored != sent)
    return {"sent": sum(len(t) for t in texts), "lost": lost, "duplicates": duplicates, "conversations_out_of_order": mismatched}


# --- cluster ------------------------------------------------------------------------------------
class Cluster:
    def __init__(self, workdir: Path, replicas: int, database_url: str, redis_url: str, token: str) -> None:
        from bot.stack import Stack
        from core.settings import load_settings

        from bot.cluster import replicas as replica_list

        base = _port_block(2)
        self.var = workdir / f"var-{replicas}"
        self.env = {
            "POPBOT_VAR_DIR": str(self.var), "POPBOT_HOST": "127.0.0.1", "POPBOT_MODE": "embedded",
            "POPBOT_RASA_PORT": str(base), "POPBOT_HEALTH_PORT": str(base + 1),
            "POPBOT_ACTIONS_PORT": str(_free_port()), "POPBOT_RASA_TOKEN": token,
            "POPBOT_DATABASE_URL": database_url, "POPBOT_REDIS_URL": redis_url, "POPBOT_LOG_LEVEL": "WARNING",
            "POPBOT_KEYS_DIR": str(workdir / "keys"),
            # a throughput benchmark from one address: the web rate limits must not be what it measures
            "POPBOT_WEB_RATE_MESSAGE": "1000000/minute", "POPBOT_WEB_RATE_ADDRESS": "1000000/minute",
        }
        for key in list(os.environ):
            if key.startswith("POPBOT_TELEGRAM_") or key == "POPBOT_PUBLIC_URL":
                os.environ.pop(key)
        settings = load_settings({**os.environ, **self.env})
        self.proxy_port = _free_port()
        self.stack = Stack(settings, env=self.env, log_dir=self.var / "logs", with_console=False,
                           replicas=replicas, proxy_port=self.proxy_port)
        self.proxy = f"http://127.0.0.1:{self.proxy_port}"
        members = replica_list(settings, replicas)  # 127.0.0.1, 127.0.0.2, ... on the same ports
        self.rasa = [r.url for r in members]
        self.health = [r.health_url for r in members]
        self._supervising = threading.Event()

    def start(self) -> None:
        self.stack.start(timeout=600)

    def supervise(self) -> None:
        """Restart stopped processes (as ``popbot run`` does) until :meth:`stop`."""
        def loop() -> None:
            while not self._supervising.wait(0.5):
                self.stack.supervise()

        threading.Thread(target=loop, name="bench-supervise", daemon=True).start()

    def kill(self, name: str) -> None:
        proc = self.stack.process(name)
        assert proc.popen is not None
        os.killpg(proc.popen.pid, signal.SIGKILL)

    def replica_rss(self) -> list[int]:
        out = []
        for name in [p.name for p in self.stack.processes if p.name.startswith("rasa server")]:
            popen = self.stack.process(name).popen
            out.append(_memory(popen.pid)[0] if popen else 0)
        return out

    def pids(self, name: str) -> list[int]:
        popen = self.stack.process(name).popen
        return [popen.pid] if popen and popen.poll() is None else []

    def cpu_meter(self, pg: "ThrowawayPostgres", rd: "ThrowawayRedis") -> CpuMeter:
        """CPU per process group: each replica, the proxy, the action server, PostgreSQL, Redis,
        this process (the load generator)."""
        groups: dict[str, Callable[[], list[int]]] = {
            p.name.replace("rasa server", "replica"): (lambda n=p.name: self.pids(n)) for p in self.stack.processes
        }
        groups.update({"PostgreSQL": pg.pids, "Redis": rd.pids, "bench client": lambda: [os.getpid()]})
        return CpuMeter(groups, alone=frozenset({"bench client"}))

    def stop(self) -> None:
        self._supervising.set()
        self.stack.stop()


def _port_block(count: int) -> int:
    import socket

    for _ in range(200):
        base = _free_port()
        if base + count >= 65535:
            continue
        socks = []
        try:
            for port in range(base, base + count):
                sock = socket.socket()
                sock.bind(("127.0.0.1", port))
                socks.append(sock)
            return base
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    raise RuntimeError("no block of free ports")


def _wait_ready(url: str, since: float, cap: float = 600) -> Optional[float]:
    import httpx

    while time.monotonic() - since < cap:
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                return time.monotonic() - since
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    return None


# --- reporting ------------------------------------------------------------------------------------
def latencies(items: list[Sent]) -> dict[str, float]:
    times = [(i.done - i.start) * 1000 for i in items if i.ok]
    return {"p50_ms": _percentile(times, 0.5), "p95_ms": _percentile(times, 0.95), "messages": len(times)} if times else {}


def timeline(items: list[Sent], wall: float) -> list[dict[str, float]]:
    """Per second: replies completed and their p95 latency."""
    rows = []
    for second in range(int(wall) + 1):
        done = [(i.done - i.start) * 1000 for i in items if i.ok and second <= i.done < second + 1]
        rows.append({"t": second, "throughput": len(done), "p95_ms": _percentile(done, 0.95) if done else float("nan")})
    return rows


def fault_recovery(items: list[Sent], happened: list[tuple[float, str]]) -> list[dict[str, Any]]:
    out = []
    for index, (at, name) in enumerate(happened):
        until = happened[index + 1][0] if index + 1 < len(happened) else float("inf")
        failed = [f for i in items for f in i.failures if at <= f < until]
        kinds = Counter(k for i in items for f, k in zip(i.failures, i.kinds) if at <= f < until)
        # 200 without a reply: the message was spooled (stored later), the child got no answer
        unanswered = [i.done for i in items if i.ok and getattr(i, "replies", 1) == 0 and at <= i.done < until]
        degraded = failed + unanswered
        out.append({"fault": name, "at_s": round(at, 1), "failed_attempts": len(failed), "why": dict(kinds),
                    "spooled_without_reply": len(unanswered),
                    "seconds_to_full_service": round(max(degraded) - at, 1) if degraded else 0.0})
    return out


def plot(path: Path, series: dict[str, list[dict[str, float]]], happened: list[tuple[float, str]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, len(series), figsize=(6 * len(series), 6), squeeze=False)
    for column, (name, rows) in enumerate(series.items()):
        t = [r["t"] for r in rows]
        axes[0][column].plot(t, [r["throughput"] for r in rows])
        axes[0][column].set_title(name)
        axes[0][column].set_ylabel("replies / s")
        axes[1][column].plot(t, [r["p95_ms"] for r in rows], color="tab:red")
        axes[1][column].set_ylabel("p95 message -> reply (ms)")
        axes[1][column].set_xlabel("seconds")
        if name == "faults (2 replicas)":
            for at, fault in happened:
                for row in (0, 1):
                    axes[row][column].axvline(at, color="grey", linestyle="--")
                axes[0][column].annotate(fault, (at, 0), rotation=90, fontsize=7, va="bottom")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# --- main ---------------------------------------------------------------------------------------
def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--half-messages", type=int, default=3,
                        help="messages per conversation in the half-saturation latency run (bounds its length)")
    parser.add_argument("--replicas", default="1,2")
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument("--fault-seconds", type=float, default=120.0, help="length of the fault run")
    parser.add_argument("--time-cap", type=float, default=1500.0)
    parser.add_argument("--out", default=str(PROJECT_ROOT / "results"))
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (process logs) for inspection")
    parser.add_argument("--client", choices=CLIENTS, default=CLIENTS[0], help="the load generator's HTTP client")
    parser.add_argument("--render", metavar="JSON", help="run nothing: write cluster_bench.md into --out again from "
                        "a run's cluster_bench.json (the plot needs the run itself)")
    args = parser.parse_args(argv)
    if args.render:
        table = render(load_report(Path(args.render)))
        Path(args.out).mkdir(parents=True, exist_ok=True)
        (Path(args.out) / "cluster_bench.md").write_text(table)
        print(table)
        return 0
    _CLIENT[0] = args.client
    if shutil.which("caddy") is None or shutil.which("redis-server") is None or not PG_BIN:
        print("cluster bench: needs caddy, redis-server and PostgreSQL server binaries (make test-deps)")
        return 2
    from bot.storage.keys import FileKeyProvider

    counts = [int(n) for n in args.replicas.split(",")]
    texts = _messages(args.conversations, args.messages)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="popbot-cluster-bench-"))
    os.chmod(workdir, 0o755)
    pg, rd = ThrowawayPostgres(workdir), ThrowawayRedis(workdir)
    token = "bench-" + uuid.uuid4().hex
    started = time.monotonic()
    report: dict[str, Any] = {"machine": _machine(), "client": args.client,
                              "conversations": args.conversations, "messages": args.messages,
                              "half_messages": args.half_messages,
                              "runs": {}, "notes": []}
    series: dict[str, list[dict[str, float]]] = {}
    happened: list[tuple[float, str]] = []
    try:
        database_url, redis_url = pg.start(), rd.start()
        keys = FileKeyProvider(workdir / "keys", generate=True)
        from bot.channels.sessions import PURPOSE

        _SESSION_KEY[:] = [keys.secret(PURPOSE)]
        saturated: dict[int, float] = {}
        for replicas in counts:
            if time.monotonic() - started > args.time_cap:
                report["notes"].append(f"time cap reached before {replicas} replica(s)")
                break
            cluster = Cluster(workdir, replicas, database_url, redis_url, token)
            print(f"-- {replicas} replica(s): starting ({_load()})", flush=True)
            cluster.start()
            try:
                run: dict[str, Any] = {}
                asyncio.run(closed_loop(cluster.proxy, f"warm{replicas}", _messages(10, 2)))  # warm-up
                meter = cluster.cpu_meter(pg, rd)
                meter.start()
                items, wall = asyncio.run(closed_loop(cluster.proxy, f"sat{replicas}", texts))
                run["saturated_cpu_cores"] = meter.stop()
                saturated[replicas] = sum(i.ok for i in items) / wall
                run["saturated"] = {"msg_per_s": round(saturated[replicas], 2), "wall_s": round(wall, 1),
                                    "errors": sum(not i.ok for i in items), **latencies(items)}
                run["saturated_stored"] = stored_check(cluster.rasa[0], token, keys, f"sat{replicas}", texts)
                print(f"   saturated: {run['saturated']}  stored: {run['saturated_stored']}", flush=True)
                print(f"   CPU cores used while saturated: {render_cpu(run['saturated_cpu_cores'])}", flush=True)
                rate = saturated[replicas] / 2
                half_texts = _messages(args.conversations, args.half_messages)
                meter.start()
                items, wall, _ = asyncio.run(open_loop(cluster.proxy, f"half{replicas}", half_texts, rate))
                run["half_cpu_cores"] = meter.stop()
                run["half"] = {"rate_msg_per_s": round(rate, 2), "errors": sum(not i.ok for i in items), **latencies(items)}
                run["half_stored"] = stored_check(cluster.rasa[0], token, keys, f"half{replicas}", half_texts)
                run["replica_rss_mb"] = [round(r / 2**20) for r in cluster.replica_rss()]
                series[f"half saturation ({replicas} replica{'s' if replicas > 1 else ''})"] = timeline(items, wall)
                print(f"   half: {run['half']}  stored: {run['half_stored']}  rss MB: {run['replica_rss_mb']}", flush=True)
                if replicas == 2 and not args.no_faults:
                    run["faults"] = faults(cluster, pg, rd, token, keys, args.conversations, rate, args.fault_seconds,
                                           series, happened)
                    print(f"   faults: {run['faults']}", flush=True)
            finally:
                cluster.stop()
            report["runs"][replicas] = run
        if 1 in saturated and 2 in saturated:
            report["throughput_ratio_2_over_1"] = round(saturated[2] / saturated[1], 2)
    finally:
        rd.stop()
        pg.stop()
        if args.keep:
            print(f"kept {workdir} (logs under var-*/logs)")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report["load_after"] = _load()
    (out / "cluster_bench.json").write_text(json.dumps(report, indent=2, default=str))
    if series:
        plot(out / "cluster_bench.png", series, happened)
    table = render(report)
    (out / "cluster_bench.md").write_text(table)
    print(table)
    return 0


def faults(cluster: Cluster, pg: ThrowawayPostgres, rd: ThrowawayRedis, token: str, keys: Any,
           conversations: int, rate: float, seconds: float, series: dict[str, list[dict[str, float]]],
           happened: list[tuple[float, str]]) -> dict[str, Any]:
    """Open-loop load at ``rate`` (half saturation) over ~``seconds``, ``conversations`` at once,
    with a replica killed, then Redis and then PostgreSQL restarted."""
    per_conversation = max(2, round(rate * seconds / conversations))
    texts = _messages(conversations, per_conversation)
    seconds = conversations * per_conversation / rate
    back: dict[str, Any] = {}

    def kill() -> None:
        moment = time.monotonic()
        cluster.kill("rasa server 1")
        threading.Thread(target=lambda: back.update(replica_ready_again_s=_wait_ready(cluster.health[0], moment)),
                         daemon=True).start()

    plan = [(seconds * 0.15, "kill -9 replica 1", kill), (seconds * 0.45, "Redis restart", rd.restart),
            (seconds * 0.75, "PostgreSQL restart", pg.restart)]
    cluster.supervise()
    items, wall, done = asyncio.run(open_loop(cluster.proxy, "fault", texts, rate, plan))
    happened.extend(done)
    _wait_ready(cluster.health[0], time.monotonic())
    time.sleep(12)  # web spool retry (every 5 s) stores what was spooled during the faults
    result = {
        "rate_msg_per_s": round(rate, 2), "requests_failed_at_least_once": sum(bool(i.failures) for i in items),
        "given_up": sum(not i.ok for i in items), "answered_without_reply": sum(i.ok and not i.replies for i in items),
        **latencies(items),
        "stored": stored_check(cluster.rasa[1], token, keys, "fault", texts),
        "recovery": fault_recovery(items, done), **back,
    }
    series["faults (2 replicas)"] = timeline(items, wall)
    return result


#: Other work (cores, while saturated) above which the machine counts as shared in the report's header.
QUIET_OTHER_CORES = 0.25


def _load_value(text: str) -> Optional[float]:
    match = re.search(r"load average ([0-9.]+)", text or "")
    return float(match.group(1)) if match else None


def neighbours(report: dict[str, Any]) -> str:
    """The header's sentence about the rest of the machine, from what the run measured: the other
    work's CPU while saturated (``other``, bench/cpu.py) and the load average before and after."""
    others = [run["saturated_cpu_cores"].get("other", 0.0) for run in report["runs"].values()
              if "saturated_cpu_cores" in run]
    cores = re.search(r"(\d+) cores usable", report.get("machine", ""))
    of = f" of the {cores.group(1)} cores" if cores else ""
    if not others:
        return ("Absolute figures depend on what else ran on the machine (load averages above); the ratio is "
                "measured in the same run.")
    if max(others) >= QUIET_OTHER_CORES:
        return (f"Shared machine: other work took {min(others):.2f}-{max(others):.2f}{of} while saturated, so the "
                "absolute figures say as much about the neighbours as about popbot; the ratio is measured in the same run.")
    return (f"Otherwise quiet machine: other work took at most {max(others):.2f}{of} while saturated (the load "
            "average counts the bench's own processes); the ratio is measured in the same run.")


def _seconds(value: Optional[float]) -> str:
    return f"{value:.1f} s" if isinstance(value, (int, float)) else "? s (not ready within the wait)"


def load_report(path: Path) -> dict[str, Any]:
    """A report written by :func:`main` (``cluster_bench.json``), with the replica counts as ints again."""
    report = json.loads(Path(path).read_text())
    report["runs"] = {int(k): v for k, v in report.get("runs", {}).items()}
    return report


def render(report: dict[str, Any]) -> str:
    lines = [
        "# cluster bench", "",
        f"machine: {report['machine']}; after: {report.get('load_after', '')}. {neighbours(report)}",
        f"{report['conversations']} conversations x {report['messages']} messages through caddy (web channel) for the",
        f"saturated throughput; x {report.get('half_messages')} for the latency at half of it. Load generator: "
        f"{report.get('client', 'httpx')} (the same for every replica count).", "",
        "| replicas | saturated msg/s | p50 / p95 at half saturation (ms) | stored == sent | replica RSS (MB) |",
        "|---|---|---|---|---|",
    ]
    for replicas, run in report["runs"].items():
        sat, half = run.get("saturated", {}), run.get("half", {})
        ok = all(run.get(k, {}).get("lost", 1) == 0 and run.get(k, {}).get("duplicates", 1) == 0
                 for k in ("saturated_stored", "half_stored"))
        lines.append(
            f"| {replicas} | {sat.get('msg_per_s')} | {half.get('p50_ms', float('nan')):.0f} / {half.get('p95_ms', float('nan')):.0f}"
            f" | {'yes' if ok else 'NO'} ({run.get('half_stored')}) | {run.get('replica_rss_mb')} |"
        )
    if "throughput_ratio_2_over_1" in report:
        ratio = report["throughput_ratio_2_over_1"]
        lines += ["", f"throughput ratio 2 / 1 replicas: **{ratio}** (goal >= {RATIO_BUDGET})"]
    cpu = {replicas: run["saturated_cpu_cores"] for replicas, run in report["runs"].items() if "saturated_cpu_cores" in run}
    if cpu:
        lines += ["", "CPU cores used while saturated, per process group (CPU seconds / wall seconds; 'other' = "
                  "the machine's busy time outside these processes: other users' work):", ""]
        lines += [f"- {replicas} replica{'s' if str(replicas) != '1' else ''}: {render_cpu(cores)}" for replicas, cores in cpu.items()]
        lines += ["", "CPU per message (cores / saturated msg/s; not independent of the rest of the machine: it was "
                  "higher on a quiet machine than on a busy one, docs/deploy.md section 7):", ""]
        for replicas, cores in cpu.items():
            rate = report["runs"][replicas].get("saturated", {}).get("msg_per_s") or 0
            if rate:
                ours = sum(v for k, v in cores.items() if k not in ("machine", "other"))
                replica = sum(v for k, v in cores.items() if k.startswith("replica"))
                lines.append(f"- {replicas}: replicas {replica / rate * 1000:.1f} ms, all of the bench's processes "
                             f"(load generator included) {ours / rate * 1000:.1f} ms")
    fault = report["runs"].get(2, {}).get("faults")
    if fault:
        stored = fault["stored"]
        lines += ["", "## faults (2 replicas, retry-on-5xx client)", "",
                  f"rate {fault['rate_msg_per_s']} msg/s; lost **{stored['lost']}**, duplicates **{stored['duplicates']}**, "
                  f"conversations out of order {stored['conversations_out_of_order']}, requests that failed at least once "
                  f"{fault['requests_failed_at_least_once']}, given up {fault['given_up']}, answered 200 without a reply "
                  f"(message spooled, stored later) {fault['answered_without_reply']}; p50/p95 "
                  f"{fault.get('p50_ms', float('nan')):.0f}/{fault.get('p95_ms', float('nan')):.0f} ms; killed replica ready "
                  f"again after {_seconds(fault.get('replica_ready_again_s'))}", "",
                  "| fault | at (s) | failed attempts (why) | answered 200 without a reply (spooled) | seconds to full service |",
                  "|---|---|---|---|---|"]
        for row in fault["recovery"]:
            why = ", ".join(f"{k}: {v}" for k, v in row["why"].items())
            lines.append(f"| {row['fault']} | {row['at_s']} | {row['failed_attempts']} ({why}) | "
                         f"{row.get('spooled_without_reply', 0)} | {row['seconds_to_full_service']} |")
        lines += ["", "seconds to full service: from the fault to the last failed attempt or reply-less answer it caused"]
    lines += [""] + [f"note: {n}" for n in report["notes"]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
