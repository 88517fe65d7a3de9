"""Handoff fixtures: real storage (SQLite file, or PostgreSQL via ``pg_url``), file keys, console
accounts of each role (fast test hashing), a clock the tests move, a conversation in the queue."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from bot.console import accounts, passwords
from bot.console.context import Console
from bot.handoff import bot_side, service
from bot.handoff.model import Actor, Context
from bot.storage import runtime
from bot.storage.keys import FileKeyProvider
from bot.storage.runtime import Storage, open_storage
from core.settings import load_settings
from tests.console.conftest import FAST_HASHER, Clock

CONVERSATION = "web_0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", FAST_HASHER)
    monkeypatch.setattr(passwords, "_DUMMY", FAST_HASHER.hash("dummy password"))


def _open(tmp_path: Path, url: str) -> Storage:
    settings = load_settings({"POPBOT_VAR_DIR": str(tmp_path / "var")})
    return open_storage(settings, database_url=url, provider=FileKeyProvider(tmp_path / "keys", generate=True))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    url = f"sqlite:///{tmp_path / 'handoff.db'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    opened = _open(tmp_path, url)
    runtime.set_storage(opened)
    yield opened
    runtime.set_storage(None)
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ctx(store: Storage, clock: Clock) -> Context:
    return Context(store, clock=clock)


@pytest.fixture
def people(ctx: Context) -> dict[str, Actor]:
    console = Console(ctx.storage, clock=ctx.clock)
    made = {}
    for username, role in (("anna", "counselor"), ("ben", "counselor"), ("sue", "supervisor"), ("adam", "admin")):
        accounts.add_account(console, username, role, actor="test")
        made[username] = service.actor_for(ctx, username, via="console")
    return made


@pytest.fixture
def waiting(ctx: Context) -> str:
    bot_side.enter_queue(ctx, CONVERSATION, channel="web", persona="rumianek", lang="pl", signal="help_request", urgent=False)
    return CONVERSATION
