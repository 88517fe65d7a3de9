"""Two console replicas (real ``python -m bot.console`` processes under uvicorn) on one PostgreSQL
and one Redis: what a counselor does through replica A reaches a live subscriber on replica B,
and a reconnect to B with ``Last-Event-ID`` replays what was missed meanwhile."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from bot.console import accounts, sessions
from bot.console.context import Console
from bot.handoff import bot_side
from bot.handoff.model import Context
from bot.stack import Process, Stack
from bot.storage import runtime
from bot.storage.keys import FileKeyProvider
from bot.storage.runtime import Storage, open_storage
from core.settings import load_settings
from tests.conftest import free_port
from tests.console.conftest import sse_frames

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

REDIS_URL = "redis://127.0.0.1:6379/0"
CANARY = "canary-replica-3f9a he took my phone"


@pytest.fixture
def shared(tmp_path: Path, pg_url: str) -> Iterator[Storage]:
    """The storage both replicas use (keys generated once here, in the shared var dir)."""
    env = {"POPBOT_VAR_DIR": str(tmp_path / "var"), "POPBOT_DATABASE_URL": pg_url, "POPBOT_REDIS_URL": REDIS_URL}
    store = open_storage(load_settings(env), database_url=pg_url,
                         provider=FileKeyProvider(tmp_path / "var" / "keys", generate=True))
    runtime.set_storage(store)
    yield store
    runtime.set_storage(None)
    store.close()


@pytest.fixture
def replicas(shared: Storage, tmp_path: Path, pg_url: str) -> Iterator[dict[str, str]]:
    """Replicas ``a`` and ``b``: base URLs."""
    urls, processes = {}, []
    for name in ("a", "b"):
        port = free_port()
        urls[name] = f"http://127.0.0.1:{port}"
        processes.append(Process(f"console {name}", [sys.executable, "-m", "bot.console"], f"{urls[name]}/health",
                                 env={"POPBOT_CONSOLE_PORT": str(port)}))
    stack = Stack(shared.settings, env={
        "POPBOT_HOST": "127.0.0.1", "POPBOT_VAR_DIR": str(shared.settings.var_dir), "POPBOT_DATABASE_URL": pg_url,
        "POPBOT_REDIS_URL": REDIS_URL, "POPBOT_MODE": "embedded",
    }, log_dir=tmp_path / "logs", processes=processes)
    stack.start()
    try:
        yield urls
    finally:
        stack.stop()
    for log in (tmp_path / "logs").glob("*.log"):
        assert CANARY.encode() not in log.read_bytes(), log.name


def _post(base: str, session: sessions.Session, path: str, **form: str) -> httpx.Response:
    return httpx.post(base + path, data={"csrf": session.csrf, **form}, timeout=30,
                      headers={"cookie": f"{sessions.COOKIE}={session.token}", "origin": base})


def test_an_action_on_replica_a_reaches_a_subscriber_on_b_and_a_reconnect_replays(
    shared: Storage, replicas: dict[str, str],
) -> None:
    a, b = replicas["a"], replicas["b"]
    console = Console(shared)
    account, _ = accounts.add_account(console, "anna", "counselor", actor="test")
    session = sessions.create(console, account.id, "full")  # signed in: the sign-in is tested elsewhere
    ctx = Context(shared)
    cid = "web_replica0123456789abcdef01234567"
    bot_side.enter_queue(ctx, cid, channel="web", persona="rumianek", lang="pl", signal="help_request", urgent=False)
    url = f"/conversations/{cid}"

    def act_on_a() -> None:
        assert _post(a, session, url + "/claim").status_code == 303
        assert _post(a, session, url + "/reply", text="Dzień dobry, tu Ola.").status_code == 303

    live = sse_frames(b + "/events", session.token, 2, on_open=act_on_a, forbidden=CANARY)
    assert [(e["kind"], e["conversation"]) for e in live] == [("claimed", cid), ("reply", cid)]

    # B's subscriber is gone; meanwhile the child writes and the counselor answers through A
    bot_side.record_child_message(ctx, cid, CANARY, signal="help_request", urgent=False)
    assert _post(a, session, url + "/notes", text="note written on A").status_code == 303
    missed = sse_frames(b + "/events", session.token, 2, headers={"Last-Event-ID": str(live[-1]["id"])}, forbidden=CANARY)
    assert [(e["kind"], e["conversation"]) for e in missed] == [("message", cid), ("note", cid)]
    assert live[-1]["id"] < missed[0]["id"] < missed[1]["id"]
    # what the page on B fetches on those events shows what was written through A and the bot side
    cookie = {"cookie": f"{sessions.COOKIE}={session.token}"}
    transcript = httpx.get(b + url + "/transcript", headers=cookie, timeout=30)
    assert transcript.status_code == 200
    assert "Dzień dobry, tu Ola." in transcript.text and CANARY in transcript.text
