"""Console fixtures: a real database (SQLite file; PostgreSQL where marked), file keys, the
Starlette app driven over HTTPS by its test client, a clock the tests move, and signed-in
accounts of every role."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyotp
import pytest
from starlette.testclient import TestClient

from bot.console import accounts, passwords, sessions
from bot.console.app import create_app
from bot.console.context import Console
from bot.storage import runtime
from bot.storage.keys import FileKeyProvider
from bot.storage.runtime import Storage, open_storage
from core.settings import load_settings

PASSWORD = "correct horse battery staple"
BASE = "https://testserver"


class Clock:
    """Wall time that only moves when a test says so (no sleeping in unit tests)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Person:
    username: str
    role: str
    secret: str  # TOTP secret
    recovery: list[str]
    client: TestClient | None = None

    def code(self, clock: Clock) -> str:
        return pyotp.TOTP(self.secret).at(clock())


#: argon2id at test strength: the production parameters cost ~1 s per hash on a busy 2-core
#: machine. test_passwords_are_argon2id_and_rehashed... checks the production parameters.
FAST_HASHER = passwords.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=passwords.Type.ID)
PRODUCTION_HASHER = passwords.HASHER


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", FAST_HASHER)
    monkeypatch.setattr(passwords, "_DUMMY", FAST_HASHER.hash("dummy password"))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def console_storage(tmp_path: Path) -> Iterator[Storage]:
    settings = load_settings({"POPBOT_VAR_DIR": str(tmp_path / "var")})
    store = open_storage(settings, database_url=f"sqlite:///{tmp_path / 'console.db'}",
                         provider=FileKeyProvider(tmp_path / "keys", generate=True))
    runtime.set_storage(store)
    yield store
    runtime.set_storage(None)
    store.close()


@pytest.fixture
def console(console_storage: Storage, clock: Clock) -> Console:
    return Console(console_storage, clock=clock)


@pytest.fixture
def app(console_storage: Storage, clock: Clock):  # type: ignore[no-untyped-def]
    return create_app(console_storage, clock=clock)


def new_client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, base_url=BASE, follow_redirects=False)


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def enrolled(console: Console, clock: Clock, username: str, role: str) -> Person:
    """An account that has enrolled TOTP and chosen its own password (via the service functions)."""
    account, _ = accounts.add_account(console, username, role, actor="test")
    secret = pyotp.random_base32()
    codes = accounts.complete_enrolment(console, account.id, console.keys.seal(secret, account.id), pyotp.TOTP(secret).at(clock()))
    assert codes is not None
    accounts.change_password(console, account.id, PASSWORD)
    clock.advance(30)  # the enrolment code's step is spent
    return Person(username, role, secret, codes)


def login(app, clock: Clock, person: Person) -> TestClient:  # type: ignore[no-untyped-def]
    """Password then TOTP through the real forms; returns the signed-in client."""
    client = new_client(app)
    page = client.get("/login")
    reply = client.post("/login", data={"username": person.username, "password": PASSWORD, "csrf": csrf_of(page.text)})
    assert reply.status_code == 303, reply.text
    page = client.get("/login/totp")
    reply = client.post("/login/totp", data={"code": person.code(clock), "csrf": csrf_of(page.text)})
    assert reply.status_code == 303 and reply.headers["location"] == "/login/continue", reply.text
    clock.advance(30)
    person.client = client
    return client


@pytest.fixture
def people(console: Console, clock: Clock, app) -> dict[str, Person]:  # type: ignore[no-untyped-def]
    """One signed-in person per role."""
    found = {}
    for role in accounts.ROLES:
        person = enrolled(console, clock, f"{role}-one", role)
        login(app, clock, person)
        found[role] = person
    return found


def sse_frames(url: str, token: str, count: int, *, headers: dict[str, str] | None = None, on_open=None,  # type: ignore[no-untyped-def]
               forbidden: str | None = None, give_up_after: float = 180.0) -> list[dict]:
    """The first ``count`` events of the console's SSE stream at ``url`` (a real socket, the
    session cookie ``token``), each ``{"id": ..., **data}``; ``on_open()`` runs once the stream
    is open; no line may contain ``forbidden``. Keep-alives would hold a stream open forever, so
    a stream that has not brought them after ``give_up_after`` seconds fails (a hang guard, not
    a latency check)."""
    import json

    import httpx

    give_up = time.monotonic() + give_up_after
    found: list[dict] = []
    with httpx.stream("GET", url, headers={"cookie": f"{sessions.COOKIE}={token}", **(headers or {})}, timeout=30) as reply:
        assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/event-stream")
        assert reply.headers["cache-control"] == "no-store"
        event: dict = {}
        for line in reply.iter_lines():
            assert time.monotonic() < give_up, f"only {len(found)} of {count} events arrived: {found}"
            assert forbidden is None or forbidden not in line
            if line.startswith("retry:") and on_open is not None:
                on_open()
            if line.startswith("id: "):
                event["id"] = int(line[4:])
            elif line.startswith("data: "):
                event.update(json.loads(line[6:]))
            elif line == "" and event:
                found.append(event)
                event = {}
                if len(found) == count:
                    break
    return found


def page_csrf(client: TestClient, path: str = "/dashboard") -> str:
    return csrf_of(client.get(path).text)


__all__ = ["Clock", "Person", "PASSWORD", "csrf_of", "enrolled", "login", "new_client", "page_csrf", "sessions", "sse_frames"]


@pytest.fixture
def handoff(app):  # type: ignore[no-untyped-def]
    """The handoff context the console app uses (same storage and clock)."""
    return app.state.handoff


def waiting(ctx, cid: str, *, signal: str = "help_request", urgent: bool = False, persona: str = "rumianek",  # type: ignore[no-untyped-def]
            lang: str = "pl", says: str | None = None):
    """A conversation put in the queue by the bot side (as the Rasa process does), optionally with
    a line of the child stored while it waits."""
    from bot.handoff import bot_side

    entry = bot_side.enter_queue(ctx, cid, channel="web", persona=persona, lang=lang, signal=signal, urgent=urgent)
    if says is not None:
        bot_side.record_child_message(ctx, cid, says, signal=signal, urgent=urgent)
    return entry


@pytest.fixture
def served(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The same app on a real socket (uvicorn on a free port): streams (SSE) need one, the test
    client buffers whole bodies. Yields the base URL."""
    import threading

    import uvicorn

    from tests.conftest import free_port

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning", lifespan="off",
                                          access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the console did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=10)
