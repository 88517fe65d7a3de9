"""The whole local stack, as `make run` starts it: chat CLI, API authentication, emergency
replies with the action server down, and the canary search for plaintext (docs/design.md, invariants 1, 4, 5)."""
from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import E2E_RASA_TOKEN, wait_for_webhook

pytestmark = pytest.mark.e2e


def _web(base: str, sender: str, text: str, persona: str | None = None, lang: str | None = None) -> list[dict]:
    metadata = {k: v for k, v in {"persona": persona, "lang": lang}.items() if v}
    response = httpx.post(f"{base}/webhooks/web/webhook", json={"sender": sender, "message": text, "metadata": metadata}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_popbot_chat_reads_stdin_lines_and_prints_each_reply(rasa_server: str) -> None:
    lines = "hello\nhow much is the lavender soap?\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "chat", "--persona", "rumianek", "--lang", "en", "--url", rasa_server],
        input=lines, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    replies = [line for line in done.stdout.splitlines() if line.startswith("bot> ")]
    assert len(replies) >= 2
    assert "14.90" in done.stdout or "14,90" in done.stdout  # the soap's price, from the persona file


def test_popbot_chat_says_clearly_when_no_bot_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "chat", "--url", "http://127.0.0.1:9"],
        input="hi\n", capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert "nothing answered at http://127.0.0.1:9" in done.stderr  # names the server it tried


def test_rasa_http_api_refuses_requests_without_the_token(rasa_server: str) -> None:
    sender = f"api-{uuid.uuid4().hex}"
    _web(rasa_server, sender, "hello")
    url = f"{rasa_server}/conversations/{sender}/tracker"
    assert httpx.get(url, timeout=30).status_code == 401
    assert httpx.get(url, params={"token": "wrong-token"}, timeout=30).status_code == 401
    assert httpx.get(f"{rasa_server}/status", timeout=30).status_code == 401
    assert httpx.get(url, params={"token": E2E_RASA_TOKEN}, timeout=30).status_code == 200


def test_emergency_reply_reaches_the_child_with_the_action_server_stopped(stack: Any, rasa_server: str) -> None:
    stack.stop_one("action server")
    try:
        plain = _web(rasa_server, f"e-{uuid.uuid4().hex}", "he is kicking my door in and he has a knife, help")
        assert plain and "112" in plain[0]["text"]
        coded = _web(rasa_server, f"e-{uuid.uuid4().hex}", "moja skora krwawi, potrzebuje kremu dzis wieczorem, ekspresowo", persona="rumianek", lang="pl")
        assert coded and "112" in coded[0]["text"]
    finally:
        stack.start_one("action server")


def test_canary_no_plaintext_in_database_files_logs_or_var(stack: Any, rasa_server: str, fake_telegram: Any, session_var: Path) -> None:
    from tests.e2e.fake_telegram import E2E_TOKENS
    from tests.storage.canary_scan import needles

    canary = f"canary{uuid.uuid4().hex[:12]}"
    address = f"ul. Kanarkowa {uuid.uuid4().int % 900 + 100}/7, Kraków"
    platform_id = 700000000 + uuid.uuid4().int % 99999999
    web_sender = httpx.get(f"{rasa_server}/shop/rumianek/", timeout=30).cookies["shop_session"]  # server-issued
    _web(rasa_server, web_sender, f"my dad hits me {canary}")
    _web(rasa_server, web_sender, f"please send the chamomile cream to {address}", persona="rumianek", lang="en")
    token = E2E_TOKENS["rumianek"]
    update = fake_telegram.user_update(f"my skin is bad {canary} since march", chat_id=platform_id)
    assert fake_telegram.deliver(token, update) == 200
    assert fake_telegram.deliver(token, fake_telegram.user_update(f"order to {address}", chat_id=platform_id)) == 200

    # Flush: stop the Rasa server so SQLite's WAL and every log are on disk, then look at every byte.
    stack.stop_one("rasa server")
    try:
        secrets = needles(canary, address, str(platform_id), web_sender)
        files = [p for p in session_var.rglob("*") if p.is_file()]
        assert any(p.name.startswith("popbot.db") for p in files), "the stack wrote no database"
        assert any(p.suffix == ".log" for p in files)
        for path in files:
            data = path.read_bytes()
            for needle in secrets:
                assert needle not in data, f"plaintext found in {path.relative_to(session_var)}"
    finally:
        fake_telegram.fake.webhooks.pop(token, None)  # registered again once the bot is ready
        stack.start_one("rasa server")
        wait_for_webhook(fake_telegram)
