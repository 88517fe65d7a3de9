"""Message handling end to end: tracker stores in the full message path; the local stack over HTTP.

    python -m bench message [--messages 225] [--database-url URL] [--think-ms 0] [--time-cap 120] [--strict]

Part 1 -- store within the full message path (in process). The trained model
(``models/popbot.tar.gz``) is loaded once into a Rasa ``Agent``; its tracker store is swapped
between (a) popbot's ``EncryptedTrackerStore`` and (b) Rasa's own ``SQLTrackerStore``, each on
its own fresh SQLite file (``--database-url postgresql://...``: each on its own fresh PostgreSQL
schema, dropped afterwards). Both stores are used directly, as ``bot.server`` does (no
``FailSafeTrackerStore`` wrapper), so a failed save is counted, not hidden. A batch is 10
concurrent conversations (``asyncio.gather`` over ``agent.handle_message``), each a scripted
6-10 message chat in the ``rumianek`` persona (cover talk, codes, plain safety messages; EN, PL,
ES); by default each conversation writes again as soon as it is answered (``--think-ms``).
Per-message latency is timed around ``handle_message``. Custom actions run against the REAL
action server of the stack started for part 2 (``bot.stack``), for both stores alike.
Budget: encrypted / Rasa <= 1.10 at p50 and p95.

Part 2 -- full local stack over HTTP. ``bot.stack.Stack`` (action server + ``python -m
bot.server``) on free loopback ports, POPBOT_VAR_DIR in a temp dir, the same scripts driven as 10
concurrent conversations through ``POST /webhooks/web/webhook`` with ``httpx.AsyncClient``.
Reports message -> reply p50/p95/p99 (budget p95 <= 60 ms on 2 cores) and the Rasa server's
resident memory (VmRSS/VmHWM of the server process and its children; budget <= 1.5 GB).
Baseline: our server has no plain Rasa REST channel to compare with, so the baseline is part 1's
in-process latency with the same store, scripts and concurrency; the ratio is the HTTP + web
channel overhead.

Interleaving: after warm-up, every round runs one batch of each arm -- rasa_sql (in process),
encrypted (in process), http (the stack) -- one after the other, the order rotated each round,
so machine noise (other work on the box) hits all three alike.

Bounded: message counts and a total time cap; loopback only; processes, temp dirs and
PostgreSQL schemas are removed at the end. Exit code 0 unless the run itself failed (2) or
``--strict`` and a budget is missed (1).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import tempfile
import threading
import time
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

RATIO_BUDGET = 1.10
HTTP_P95_BUDGET_MS = 60.0
RSS_BUDGET_BYTES = int(1.5 * 1024**3)
CONVERSATIONS = 10
PERSONA = "rumianek"
PG_SCHEMA_PREFIX = "bench_message_"

# Scripted chats: (lang, messages). Texts are in the style of tests/data (cover talk, the persona's
# code, plain disclosures), 6-10 messages each.
SCRIPTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("en", ("hi there", "got anything for super dry hands?", "how much is the hand cream",
            "do you ship to Poland", "does the hand cream have any nuts in it, i have an allergy",
            "ok thanks", "bye")),
    ("en", ("hello", "is your lip balm good for chapped lips", "hey do you still have chamomile cream in stock",
            "yes please", "I'm in Kraków", "thank you", "bye")),
    ("en", ("hi", "is this a helpline?", "my stepfather beats me up when hes had a few beers", "yes",
            "i live in Manchester", "i feel so alone and i cry every night", "thanks so much!!", "bye")),
    ("en", ("hey bot", "looking for a hand cream for my grandma's birthday",
            "kids at school keep beating me up and filming it", "yes", "can the chamomile cream arrive today?",
            "hes kicking my bedroom door help", "thanks", "bye", "ty ❤️")),
    ("pl", ("siemka co tam", "macie coś na strasznie przesuszone dłonie", "ile kosztuje krem do rąk",
            "czy wasz balsam jest dobry na spierzchnięte usta", "dzieki ogromne", "pa")),
    ("pl", ("hej", "szukam kremu do rąk na urodziny babci", "hej macie jeszcze krem rumiankowy na stanie", "tak",
            "jestem w Krakowie", "dziękuję", "pa")),
    ("pl", ("czesc", "dostaje w leb od ojczyma za kazda glupote", "tak", "mieszkam w Warszawie",
            "czuję się taka samotna i płaczę co noc", "on idzie po schodach i zaraz mi coś zrobi",
            "dziekuje bardzo za pomoc", "pa")),
    ("es", ("hola", "algo para manos resecas tenéis?", "cuánto cuesta la crema de manos",
            "vuestro bálsamo va bien para los labios cortados", "gracias", "adiós")),
    ("es", ("buenas", "busco una crema de manos para el cumpleaños de mi abuela",
            "hola os queda crema de manzanilla", "sí", "estoy en Madrid", "muchas gracias", "chao")),
    ("es", ("hola", "mi padre me da correazos cuando llega del trabajo", "sí por favor", "vivo en Sevilla",
            "en el insti no paran de pegarme y lo graban", "me siento muy sola y lloro todas las noches",
            "quiero pedir una crema de manzanilla a Calle Abedul 4, Burgos", "gracias", "adiós", "chao")),
)
MESSAGES_PER_BATCH = sum(len(s[1]) for s in SCRIPTS)  # 10 conversations, one script each


def _scripts_for(batch: int) -> list[tuple[str, tuple[str, ...]]]:
    """The 10 conversations of a batch (rotated so every slot sees every script)."""
    return [SCRIPTS[(c + batch) % len(SCRIPTS)] for c in range(CONVERSATIONS)]


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class Series:
    name: str
    times: list[float] = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0  # seconds spent in measured batches

    def pct(self, q: float) -> float:
        return _percentile(self.times, q) * 1000 if self.times else float("nan")

    def mean(self) -> float:
        return statistics.fmean(self.times) * 1000 if self.times else float("nan")

    def rate(self) -> float:
        return len(self.times) / self.wall if self.wall else float("nan")

    def line(self) -> str:
        return (f"p50 {self.pct(0.5):7.1f} ms  p95 {self.pct(0.95):7.1f} ms  p99 {self.pct(0.99):7.1f} ms"
                f"  mean {self.mean():6.1f} ms  ({len(self.times)} msgs, {self.rate():4.1f} msg/s, "
                f"{self.errors} errors)")


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# --- databases --------------------------------------------------------------------------------
class Databases:
    """One fresh database per use: SQLite files in ``workdir`` or PostgreSQL schemas (dropped)."""

    def __init__(self, admin_url: Optional[str], workdir: Path) -> None:
        self.admin_url = admin_url
        self.workdir = workdir
        self.schemas: list[str] = []
        self._admin: Any = None

    @property
    def kind(self) -> str:
        return "postgresql" if self.admin_url else "sqlite"

    def fresh(self, name: str) -> str:
        if not self.admin_url:
            return f"sqlite:///{self.workdir / (name + '.db')}"
        import sqlalchemy as sa

        if self._admin is None:
            self._admin = sa.create_engine(self.admin_url, future=True)
        schema = f"{PG_SCHEMA_PREFIX}{name}_{uuid.uuid4().hex[:10]}"
        with self._admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        self.schemas.append(schema)
        sep = "&" if "?" in self.admin_url else "?"
        return f"{self.admin_url}{sep}options=-csearch_path%3D{schema}"

    def drop_all(self) -> None:
        if self._admin is None:
            return
        import sqlalchemy as sa

        for schema in self.schemas:
            try:
                with self._admin.begin() as conn:
                    conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            except Exception as exc:  # noqa: BLE001 - report, keep cleaning up
                print(f"  warning: could not drop schema {schema}: {exc.__class__.__name__}")
        self.schemas.clear()
        self._admin.dispose()
        self._admin = None


# --- the stack (part 2, and the action server of part 1) -------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_stack(workdir: Path, database_url: Optional[str]) -> tuple[Any, threading.Thread, list[BaseException]]:
    """Start ``bot.stack.Stack`` in a thread (the model loads meanwhile in this process)."""
    from core.settings import load_settings
    from bot.stack import Stack

    env = {
        "POPBOT_VAR_DIR": str(workdir / "stack-var"),
        "POPBOT_HOST": "127.0.0.1",
        "POPBOT_RASA_PORT": str(_free_port()),
        "POPBOT_ACTIONS_PORT": str(_free_port()),
        "POPBOT_RASA_TOKEN": "bench-" + os.urandom(12).hex(),
        "POPBOT_MODE": "embedded",
        # many conversations from one address: the web rate limits must not be what it measures
        "POPBOT_WEB_RATE_MESSAGE": "1000000/minute", "POPBOT_WEB_RATE_ADDRESS": "1000000/minute",
    }
    if database_url:
        env["POPBOT_DATABASE_URL"] = database_url
    # no Telegram bots, no public URL, no Redis: only the web channel, loopback only
    for key in list(os.environ):
        if key.startswith("POPBOT_TELEGRAM_") or key in ("POPBOT_PUBLIC_URL", "POPBOT_REDIS_URL", "POPBOT_ACTIONS_URL",
                                                         "POPBOT_DATABASE_URL"):
            os.environ.pop(key)
    settings = load_settings({**os.environ, **env})
    stack = Stack(settings, env=env, log_dir=workdir / "stack-logs")
    failure: list[BaseException] = []

    def run() -> None:
        try:
            stack.start(timeout=240.0)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="bench-stack-start", daemon=True)
    thread.start()
    return stack, thread, failure


def _proc_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _memory(root: int) -> tuple[int, int, int]:
    """(VmRSS, VmHWM) summed over ``root`` and its descendants, in bytes, and the process count."""
    rss = hwm = count = 0
    for pid in _proc_tree(root):
        try:
            with open(f"/proc/{pid}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        count += 1
        rss += int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
        hwm += int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
    return rss, hwm, count


class MemorySampler:
    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-rss", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _memory(self.pid)[0])
            self._stop.wait(self.interval)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()


# --- part 1: in process -----------------------------------------------------------------------
#: seconds a simulated child waits between a reply and its next message (``--think-ms``); 0 =
#: closed loop, each conversation writes again as soon as it is answered.
THINK = {"seconds": 0.0}


async def _conversation(send: Callable[[str, str, str], Any], sender: str, lang: str,
                        texts: Sequence[str], series: Optional[Series]) -> None:
    import random

    for i, text in enumerate(texts):
        if i and THINK["seconds"]:
            await asyncio.sleep(THINK["seconds"] * random.uniform(0.5, 1.5))
        start = time.perf_counter()
        try:
            await send(sender, text, lang)
        except Exception:  # noqa: BLE001 - counted; the stores run unwrapped on purpose
            if series is not None:
                series.errors += 1
            continue
        if series is not None:
            series.times.append(time.perf_counter() - start)


async def _batch(send: Callable[[str, str, str], Any], tag: str, batch: int, series: Optional[Series],
                 limit: Optional[int] = None) -> None:
    start = time.perf_counter()
    await asyncio.gather(*(
        _conversation(send, f"bench-{tag}-{batch}-{c}-{uuid.uuid4().hex[:8]}", lang, texts[:limit], series)
        for c, (lang, texts) in enumerate(_scripts_for(batch))
    ))
    if series is not None:
        series.wall += time.perf_counter() - start


def _load_agent(actions_url: Optional[str]) -> Any:
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from core import PROJECT_ROOT, paths

    model = PROJECT_ROOT / "models" / f"{paths.MODEL_NAME}.tar.gz"
    if not model.exists():
        raise FileNotFoundError(f"{model} is missing (the benchmark never trains; run `popbot train` first)")
    endpoint = EndpointConfig(url=actions_url) if actions_url else None
    return Agent.load(str(model), action_endpoint=endpoint)


def _open_stores(agent: Any, dbs: Databases, workdir: Path) -> dict[str, Any]:
    from rasa.core.tracker_store import SQLTrackerStore

    from core.settings import load_settings
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from bot.storage.tracker_store import EncryptedTrackerStore

    enc_url, rasa_url = dbs.fresh("encrypted"), dbs.fresh("rasa_sql")
    settings = load_settings({"POPBOT_VAR_DIR": str(workdir / "var")})
    storage = open_storage(settings, database_url=enc_url, provider=FileKeyProvider(workdir / "keys", generate=True))
    if rasa_url.startswith("sqlite:///"):
        rasa_store = SQLTrackerStore(agent.domain, dialect="sqlite", db=rasa_url[len("sqlite:///"):])
    else:
        rasa_store = SQLTrackerStore(agent.domain, host=rasa_url)
    enc_store = EncryptedTrackerStore(domain=agent.domain, storage=storage)
    return {"encrypted": enc_store, "rasa_sql": rasa_store}


def _use_store(agent: Any, store: Any) -> None:
    """Point the agent (and its processor) at ``store`` directly, as bot.server's guards do."""
    agent.tracker_store = store
    agent.processor.tracker_store = store


def _in_process_senders(agent: Any, stores: dict[str, Any]) -> dict[str, Callable[[str, str, str], Any]]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from core.text import neutralise

    def sender_for(store: Any) -> Callable[[str, str, str], Any]:
        async def send(sender: str, text: str, lang: str) -> None:
            if agent.processor.tracker_store is not store:
                raise RuntimeError("store swapped during a batch")
            await agent.handle_message(UserMessage(
                neutralise(text), CollectingOutputChannel(), sender, input_channel="web",
                metadata={"persona": PERSONA, "lang": lang},
            ))
        return send

    return {name: sender_for(store) for name, store in stores.items()}


async def measure(agent: Any, stores: dict[str, Any], base_url: str, rounds: int, cap: float) -> dict[str, Series]:
    """Rounds of one batch per arm (rasa_sql, encrypted in process; http), order rotated each round."""
    import httpx

    limits = httpx.Limits(max_connections=CONVERSATIONS * 2, max_keepalive_connections=CONVERSATIONS * 2)
    from http.cookiejar import CookieJar, DefaultCookiePolicy

    no_jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))  # one client, many conversations
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits, trust_env=False, cookies=no_jar) as client:

        issued: dict[str, str] = {}  # bench name -> session id the server issued (first answer's cookie)

        async def http_send(sender: str, text: str, lang: str) -> None:
            payload = {"message": text, "metadata": {"persona": PERSONA, "lang": lang}}
            if sender in issued:
                payload["sender"] = issued[sender]
            response = await client.post("/webhooks/web/webhook", json=payload)
            if response.status_code != 200 or not isinstance(response.json(), list):
                raise RuntimeError(f"status {response.status_code}")
            if "shop_session" in response.cookies:
                issued[sender] = response.cookies["shop_session"]

        sends = {**_in_process_senders(agent, stores), "http": http_send}
        arms = list(sends)
        series = {name: Series(name) for name in arms}

        async def run(name: str, tag: str, batch: int, target: Optional[Series], limit: Optional[int] = None) -> None:
            if name in stores:
                _use_store(agent, stores[name])
            await _batch(sends[name], tag, batch, target, limit)

        # warm-up: a full batch in process (model, action server), a short one on the other store,
        # a full batch over HTTP (the server's model)
        for i, name in enumerate(stores):
            await run(name, f"warm-{name}", 0, None, None if i == 0 else 3)
        await run("http", "warm-http", 0, None)
        deadline = time.monotonic() + cap
        for rnd in range(rounds):
            if time.monotonic() > deadline:
                print(f"  time cap reached after {rnd} round(s)")
                break
            k = rnd % len(arms)
            for name in arms[k:] + arms[:k]:
                await run(name, name, rnd + 1, series[name])
    return series


# --- main -------------------------------------------------------------------------------------
def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores usable, Python {platform.python_version()}, {_load()}"


def _load() -> str:
    """The 1-minute load average: other work on the machine inflates every absolute figure."""
    try:
        return f"load average {os.getloadavg()[0]:.2f}"
    except OSError:
        return "load average unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench message", description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=225,
                        help="measured messages per arm (each store in process, and over HTTP), rounded up "
                             f"to whole rounds of one {MESSAGES_PER_BATCH}-message batch per arm (default 225)")
    parser.add_argument("--database-url", help="admin URL of a PostgreSQL database, e.g. "
                        "postgresql://postgres@127.0.0.1:5432/test (each store and the stack get a fresh "
                        "schema, dropped afterwards); default: fresh SQLite files")
    parser.add_argument("--time-cap", type=float, default=120.0,
                        help="no new round starts after this many seconds of measuring (default 120)")
    parser.add_argument("--think-ms", type=float, default=0.0,
                        help="pause between a reply and the conversation's next message (default 0: each of "
                             "the 10 conversations writes again at once, i.e. the server is saturated)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = parser.parse_args(argv or [])
    if args.messages < 1:
        parser.error("--messages must be >= 1")
    if args.database_url and not args.database_url.startswith(("postgresql://", "postgresql+psycopg2://")):
        parser.error("--database-url must be a postgresql:// URL (SQLite is the default)")
    rounds = -(-args.messages // MESSAGES_PER_BATCH)
    THINK["seconds"] = max(0.0, args.think_ms) / 1000

    workdir = Path(tempfile.mkdtemp(prefix="popbot-bench-message-"))
    os.environ["POPBOT_VAR_DIR"] = str(workdir / "var")  # never the developer's var/
    from core.rasa_compat import prepare_environment

    prepare_environment()
    warnings.filterwarnings("ignore")
    import logging

    from core.logs import configure

    configure("WARNING", patch_rasa_now=True)
    for noisy in ("rasa", "rasa_sdk", "tensorflow", "absl", "sqlalchemy", "httpx", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.ERROR)

    started = time.monotonic()
    dbs = Databases(args.database_url, workdir)
    stack: Any = None
    enc_storage: Any = None
    stores: dict[str, Any] = {}
    status = 0
    try:
        stack_db = dbs.fresh("stack") if args.database_url else None
        stack, starter, failure = _start_stack(workdir, stack_db)
        print(f"message: {_machine()}; database {dbs.kind}; {CONVERSATIONS} concurrent conversations, "
              f"{MESSAGES_PER_BATCH} messages per batch, {rounds} round(s) of one batch per arm "
              f"(rasa_sql, encrypted in process; http), think time {args.think_ms:.0f} ms")
        t0 = time.monotonic()
        agent = _load_agent(stack.settings.actions_endpoint)
        print(f"  model loaded in process in {time.monotonic() - t0:.1f} s")
        starter.join(timeout=300)
        if failure or starter.is_alive():
            raise RuntimeError(f"the stack did not start: {failure[0] if failure else 'timeout'} "
                               f"(logs: {workdir / 'stack-logs'})")
        print(f"  stack up after {time.monotonic() - started:.1f} s (action server {stack.settings.actions_endpoint})")

        stores = _open_stores(agent, dbs, workdir)
        enc_storage = stores["encrypted"].storage
        server = stack.process("rasa server").popen
        actions = stack.process("action server").popen
        idle_rss, _, _ = _memory(server.pid)
        t0 = time.monotonic()
        with MemorySampler(server.pid) as sampler:
            times = asyncio.run(measure(agent, stores, stack.settings.rasa_url, rounds, args.time_cap))
        rss, hwm, nproc = _memory(server.pid)
        enc, base, http = times["encrypted"], times["rasa_sql"], times["http"]
        print(f"  measured {time.monotonic() - t0:.1f} s (warm-up included), {_load()}")

        # part 1
        print(f"part 1 -- store within the full message path (in-process Agent, custom actions on the real "
              f"action server, {dbs.kind})")
        print(f"  rasa SQLTrackerStore   {base.line()}")
        print(f"  EncryptedTrackerStore  {enc.line()}")
        r50, r95 = enc.pct(0.5) / base.pct(0.5), enc.pct(0.95) / base.pct(0.95)
        print(f"  ratio encrypted/rasa   p50 {r50:.3f}x {_verdict(r50 <= RATIO_BUDGET)}   "
              f"p95 {r95:.3f}x {_verdict(r95 <= RATIO_BUDGET)}   (budget <= {RATIO_BUDGET:.2f}x)   "
              f"[mean {enc.mean() / base.mean():.3f}x, throughput {enc.rate() / base.rate():.3f}x]")
        budgets = [r50 <= RATIO_BUDGET, r95 <= RATIO_BUDGET]
        if enc.errors or base.errors or not enc.times or not base.times:
            status = 2

        # part 2
        peak = max(sampler.peak, hwm)
        act_rss = _memory(actions.pid)[0]
        print(f"part 2 -- full local stack over HTTP (POST /webhooks/web/webhook, {dbs.kind})")
        print(f"  message -> reply       {http.line()}")
        p95_ok = http.pct(0.95) <= HTTP_P95_BUDGET_MS
        print(f"  p95 {http.pct(0.95):.1f} ms  {_verdict(p95_ok)}  (budget <= {HTTP_P95_BUDGET_MS:.0f} ms on 2 cores)")
        h50, h95 = http.pct(0.5) / enc.pct(0.5), http.pct(0.95) / enc.pct(0.95)
        print(f"  baseline: part 1's in-process Agent, same store/scripts/concurrency, same rounds (no plain "
              f"REST channel in our server): HTTP+channel overhead "
              f"p50 {h50:.3f}x ({http.pct(0.5) - enc.pct(0.5):+.1f} ms)  "
              f"p95 {h95:.3f}x ({http.pct(0.95) - enc.pct(0.95):+.1f} ms), "
              f"throughput {http.rate() / enc.rate():.3f}x")
        print("  (under this closed-loop load the in-process timer starts when a conversation's coroutine gets the "
              "event loop, the HTTP timer when the request is sent, so the p50 ratio includes queueing the "
              "in-process timer does not see; the throughput ratio is the fairer overhead figure)")
        mem_ok = peak <= RSS_BUDGET_BYTES
        mib = 1024 * 1024
        print(f"  rasa server memory ({nproc} process(es)): VmRSS idle {idle_rss / mib:.0f} MiB, "
              f"under load peak {sampler.peak / mib:.0f} MiB, end {rss / mib:.0f} MiB, VmHWM {hwm / mib:.0f} MiB  "
              f"{_verdict(mem_ok)} (budget <= 1536 MiB, checked on max(peak, VmHWM) = {peak / mib:.0f} MiB); "
              f"action server VmRSS {act_rss / mib:.0f} MiB")
        budgets += [p95_ok, mem_ok]
        if http.errors or not http.times:
            status = 2
        if status == 0 and args.strict and not all(budgets):
            status = 1
    except Exception as exc:  # noqa: BLE001 - report and clean up; exit 2
        print(f"message: benchmark failed: {exc.__class__.__name__}: {exc}")
        status = 2
    finally:
        if stack is not None:
            stack.stop()
        for store in stores.values():
            engine = getattr(store, "engine", None)
            if engine is not None:
                engine.dispose()
        if enc_storage is not None:
            enc_storage.close()
        dbs.drop_all()
        if status == 2 and stack is not None:
            for log in sorted((workdir / "stack-logs").glob("*.log")):
                tail = log.read_text(errors="replace").splitlines()[-15:]
                print(f"  --- {log.name} (last lines)\n    " + "\n    ".join(tail))
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"  total {time.monotonic() - started:.1f} s, {_load()} at the end")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
