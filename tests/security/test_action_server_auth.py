"""Rasa → action server is authenticated both ways (the real action server process)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
from aiohttp import web

from bot.actions_auth import CHALLENGE_PATH, SIGNATURE_HEADER, ActionServerNotAuthentic, authenticated_endpoint, sign
from core import PROJECT_ROOT
from core.settings import load_settings
from tests.channels.harness import free_port

SECRET = "actions-secret-" + os.urandom(8).hex()
CALL = {
    "next_action": "action_emergency_local",
    "sender_id": "web-test",
    "version": "3.6.2",
    "domain": {},
    "tracker": {
        "sender_id": "web-test", "slots": {"country": "US", "persona": "rumianek", "lang": "en"},
        "latest_message": {}, "events": [], "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": None,
    },
}


@pytest.fixture(scope="module")
def action_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    var = tmp_path_factory.mktemp("actions-var")
    env = {**os.environ, "POPBOT_VAR_DIR": str(var), "POPBOT_ACTIONS_PORT": str(port), "POPBOT_ACTIONS_SECRET": SECRET,
           "PYTHONHASHSEED": "0"}
    env.pop("POPBOT_MODE", None)
    proc = subprocess.Popen([sys.executable, "-m", "bot.actions_server"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, "the action server exited while starting"
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the action server did not start"
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _endpoint(url: str, secret: str = SECRET) -> Any:
    from rasa.utils.endpoints import EndpointConfig

    return authenticated_endpoint(EndpointConfig(url=f"{url}/webhook"), secret)


def test_unsigned_wrongly_signed_or_stale_calls_are_refused(action_server: str) -> None:
    import json

    body = json.dumps(CALL).encode()
    headers = {"Content-Type": "application/json"}
    for extra in (
        {},
        {SIGNATURE_HEADER: sign("another-secret", body)},
        {SIGNATURE_HEADER: sign(SECRET, body, now=time.time() - 3600)},
        {SIGNATURE_HEADER: sign(SECRET, body + b" ")},
        {SIGNATURE_HEADER: "t=1,s=00"},
    ):
        answer = httpx.post(f"{action_server}/webhook", content=body, headers={**headers, **extra}, timeout=10)
        assert answer.status_code == 401, extra
        assert "911" not in answer.text
    assert httpx.get(f"{action_server}/actions", timeout=10).status_code == 401


async def test_rasa_side_endpoint_verifies_the_server_and_signs(action_server: str) -> None:
    result = await _endpoint(action_server).request(json=CALL, method="post", timeout=30)
    # rumianek's own voice line (personas/rumianek.yml emergency_local) with the exact number, then (s34) the child
    # line of the country named, in the shop's referral_line voice
    texts = [r["text"] for r in result["responses"]]
    assert texts[0] == "Where you are, for a reaction this strong the number is 911 🌿"
    assert len(texts) == 2 and texts[1].startswith("Partner pharmacy — ")


async def test_an_impostor_on_the_port_receives_no_tracker() -> None:
    seen: list[tuple[str, str, bytes]] = []

    async def anything(request: web.Request) -> web.Response:
        seen.append((request.method, request.path, await request.read()))
        return web.json_response({"proof": "0" * 64, "events": [], "responses": []})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", anything)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        with pytest.raises(ActionServerNotAuthentic):
            await _endpoint(f"http://127.0.0.1:{port}").request(json=CALL, method="post", timeout=30)
    finally:
        await runner.cleanup()
    assert [(method, path) for method, path, _ in seen] == [("GET", CHALLENGE_PATH)]
    assert all(body == b"" for _, _, body in seen)


async def test_a_server_with_another_secret_receives_no_tracker(action_server: str) -> None:
    with pytest.raises(ActionServerNotAuthentic):
        await _endpoint(action_server, secret="not-the-servers-secret").request(json=CALL, method="post", timeout=30)


def test_production_refuses_to_start_without_the_secret(tmp_path: Path) -> None:
    from core.settings import ConfigError

    settings = load_settings({"POPBOT_MODE": "production", "POPBOT_DATABASE_URL": "postgresql://x@127.0.0.1/x",
                              "POPBOT_VAR_DIR": str(tmp_path)})
    with pytest.raises(ConfigError, match="POPBOT_ACTIONS_SECRET"):
        settings.required_secret("actions_secret")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBOT_")}
    env |= {"POPBOT_MODE": "production", "POPBOT_DATABASE_URL": "postgresql://x@127.0.0.1/x", "POPBOT_VAR_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bot.actions_server"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "POPBOT_ACTIONS_SECRET" in done.stderr

