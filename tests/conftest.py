"""Session-wide set-up: an isolated var/ directory, content-free logging, the trained model
loaded once, and (for end-to-end tests) the real stack started once."""
from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
import tempfile
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

# Before anything reads settings: tests never touch the developer's var/ (keys, database).
_SESSION_VAR = Path(tempfile.mkdtemp(prefix="popbot-test-var-"))
os.environ["POPBOT_VAR_DIR"] = str(_SESSION_VAR)
os.environ.pop("POPBOT_MODE", None)

from core.rasa_compat import prepare_environment  # noqa: E402

prepare_environment()

from bot.persona.build import assemble_domain  # noqa: E402
from core import PROJECT_ROOT, paths  # noqa: E402

MODEL = PROJECT_ROOT / "models" / f"{paths.MODEL_NAME}.tar.gz"


@pytest.fixture(scope="session")
def session_var() -> Path:
    return _SESSION_VAR


#: The PostgreSQL server the tests use for real (``.ci/run`` starts it).
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards.

    A missing server fails the test (never a skip): ``make test`` promises real PostgreSQL.
    """
    import uuid

    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL, future=True)
    try:
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.fail(f"PostgreSQL at 127.0.0.1:5432 (database test) is required: {exc.__class__.__name__}")
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The trained model (``make test`` trains it first; trains here if missing)."""
    if not MODEL.exists():
        from bot.cli.train import train_model

        train_model()
    return MODEL


@pytest.fixture(scope="session")
def event_loop() -> Iterator[asyncio.AbstractEventLoop]:
    from core.rasa_compat import restore_event_loop_policy

    restore_event_loop_policy()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()


@pytest.fixture(autouse=True)
def _default_event_loop_policy(event_loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """An in-process Sanic server switches to uvloop's policy; every test starts without it."""
    from core.rasa_compat import restore_event_loop_policy

    restore_event_loop_policy(event_loop)
    yield
    restore_event_loop_policy(event_loop)


@pytest.fixture(scope="session")
def agent(model_path: Path, session_var: Path) -> Any:
    """A Rasa Agent on the trained model with the encrypted tracker store (no action server)."""
    from core.logs import configure

    configure(patch_rasa_now=True)
    from rasa.core.agent import Agent

    from bot.storage.tracker_store import EncryptedTrackerStore

    store = EncryptedTrackerStore(url=f"sqlite:///{session_var / 'agent.db'}")
    return Agent.load(str(model_path), tracker_store=store)


@pytest.fixture(scope="session")
def merged_domain(session_var: Path) -> Any:
    """The domain exactly as trained (shared + languages + personas)."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(assemble_domain(session_var / "build")))


async def say(agent: Any, sender: str, text: str, persona: Optional[str] = None, lang: Optional[str] = None) -> list[str]:
    """Send ``text`` as the channels would; return the bot's reply texts."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from core.text import neutralise

    metadata: dict[str, Any] = {}
    if persona:
        metadata["persona"] = persona
    if lang:
        metadata["lang"] = lang
    output = CollectingOutputChannel()
    await agent.handle_message(UserMessage(neutralise(text), output, sender, metadata=metadata))
    return [m["text"] for m in output.messages if m.get("text")]


def variations(domain: Any, response: str, **slots: str) -> list[str]:
    """Texts of ``response`` whose conditions match ``slots`` exactly (as Rasa chooses)."""
    from rasa.core.nlg.generator import ResponseVariationFilter

    chosen = ResponseVariationFilter(domain.responses).responses_for_utter_action(response, "collector", slots)
    return [v["text"] for v in chosen if v.get("text")]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


#: The Rasa HTTP API token of the end-to-end stack (tests call the API with it).
E2E_RASA_TOKEN = "e2e-" + os.urandom(12).hex()


class OwnRedis:
    """A Redis server of one test's own (``redis-server`` on a free loopback port, no persistence),
    which the test may restart or cut off without touching the shared one on 6379."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        try:
            for _ in range(2000):  # a guard against a server that never starts
                try:
                    client.ping()
                    return
                except redis.ConnectionError:
                    time.sleep(0.01)
            raise RuntimeError("redis-server did not start")
        finally:
            client.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture
def own_redis_server(tmp_path: Path) -> Iterator[OwnRedis]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (make test-deps)")
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def own_redis(own_redis_server: OwnRedis) -> str:
    return own_redis_server.url


def wait_for_webhook(fake: Any, timeout: float = 60.0) -> None:
    """The Telegram channel registers its webhook just after the server answers: wait for it."""
    import time

    from tests.e2e.fake_telegram import E2E_TOKENS

    deadline = time.monotonic() + timeout
    while E2E_TOKENS["rumianek"] not in fake.fake.webhooks:
        if time.monotonic() > deadline:
            raise TimeoutError("the Telegram channel did not register its webhook")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def fake_telegram() -> Iterator[Any]:
    """The fake Telegram Bot API, on its own thread (it must answer while the server starts)."""
    from tests.e2e.fake_telegram import ThreadedFakeTelegram

    fake = ThreadedFakeTelegram()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def stack(model_path: Path, session_var: Path, fake_telegram: Any) -> Iterator[Any]:
    """The real stack (action server + ``python -m bot.server``), started once per session,
    with the web channel and a Telegram bot in webhook mode against the fake Bot API."""
    from core.settings import load_settings
    from bot.stack import Stack
    from tests.e2e.fake_telegram import E2E_TOKENS

    rasa_port, actions_port = free_port(), free_port()
    env = {
        "POPBOT_VAR_DIR": str(session_var),
        "POPBOT_RASA_PORT": str(rasa_port),
        "POPBOT_ACTIONS_PORT": str(actions_port),
        "POPBOT_CONSOLE_PORT": str(free_port()),
        "POPBOT_RASA_TOKEN": E2E_RASA_TOKEN,
        "POPBOT_PUBLIC_URL": f"http://127.0.0.1:{rasa_port}",
        "POPBOT_TELEGRAM_API_URL": fake_telegram.fake.url,
        "POPBOT_TELEGRAM_TOKEN_RUMIANEK": E2E_TOKENS["rumianek"],
        "POPBOT_LOG_LEVEL": "DEBUG",  # the canary test reads every log line at the most verbose level
    }
    settings = load_settings({**os.environ, **env})
    running = Stack(settings, env=env, log_dir=session_var / "logs")
    running.start()
    wait_for_webhook(fake_telegram)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def rasa_server(stack: Any) -> str:
    """Base URL of the running Rasa server."""
    return str(stack.settings.rasa_url)


@pytest.fixture(autouse=True)
def _fresh_storage_runtime() -> Iterator[None]:
    """Each test sees storage and keys for its own environment (no cache leaks across tests)."""
    yield
    from bot.storage.runtime import set_storage

    set_storage(None)
