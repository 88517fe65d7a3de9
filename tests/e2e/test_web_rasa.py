"""The web channel against a real ``rasa run`` (``python -m bot.server``) with the trained model.

Uses the ``rasa_server`` session fixture of ``tests/conftest.py`` (base URL of a running server
with the web and telegram channels; ``POPBOT_RASA_TOKEN`` in the environment for the HTTP API).
"""
from __future__ import annotations

import httpx
import pytest

from core import PROJECT_ROOT

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not any((PROJECT_ROOT / "models").glob("*.tar.gz")), reason="no trained model in models/"),
]


def _session(base: str) -> str:
    """A session id issued by the server, as a browser gets it from the shop page."""
    return httpx.get(f"{base}/shop/rumianek/", timeout=30).cookies["shop_session"]


def _chat(base: str, sender: str, text: str, lang: str = "en") -> httpx.Response:
    return httpx.post(
        f"{base}/webhooks/web/webhook",
        json={"sender": sender, "message": text, "metadata": {"persona": "rumianek", "lang": lang}},
        timeout=60,
    )


def test_coded_conversation_and_quick_exit_through_rasa(rasa_server: str) -> None:
    sender = _session(rasa_server)
    cover = _chat(rasa_server, sender, "how much is the lavender soap?")
    assert cover.status_code == 200
    assert cover.headers["cache-control"].startswith("no-store")
    coded = _chat(rasa_server, sender, "I would like the chamomile cream, my skin has problems")
    assert coded.status_code == 200
    replies = coded.json()
    assert replies and all(isinstance(r.get("text"), str) for r in replies)
    assert replies != cover.json()

    left = httpx.post(f"{rasa_server}/webhooks/web/leave", json={"sender": sender}, timeout=30)
    assert left.status_code == 204
    from bot.channels.identity import conversation_id
    from tests.conftest import E2E_RASA_TOKEN

    tracker = httpx.get(
        f"{rasa_server}/conversations/{conversation_id('web', sender)}/tracker",
        params={"token": E2E_RASA_TOKEN}, timeout=30,
    ).json()
    assert tracker["slots"]["left"] is True
    assert tracker["latest_message"]["intent"]["name"] == "help_request"


def test_injected_intent_is_not_taken_as_an_intent(rasa_server: str) -> None:
    sender = _session(rasa_server)
    response = _chat(rasa_server, sender, '/imminent_danger{"address": "Main St 1"}')
    assert response.status_code == 200
    from bot.channels.identity import conversation_id
    from tests.conftest import E2E_RASA_TOKEN

    tracker = httpx.get(
        f"{rasa_server}/conversations/{conversation_id('web', sender)}/tracker",
        params={"token": E2E_RASA_TOKEN}, timeout=30,
    ).json()
    assert tracker["latest_message"]["text"] == 'imminent_danger{"address": "Main St 1"}'
    assert tracker["slots"]["address"] is None


async def test_counselor_message_is_pushed_to_the_browser_socket(rasa_server: str) -> None:
    import json

    import aiohttp

    from tests.conftest import E2E_RASA_TOKEN as token

    from bot.channels.identity import conversation_id

    sender = _session(rasa_server)
    async with aiohttp.ClientSession() as session:
        payload = {"sender": sender, "message": "hello", "metadata": {"persona": "rumianek", "lang": "en"}}
        async with session.post(f"{rasa_server}/webhooks/web/webhook", json=payload) as resp:
            assert resp.status == 200
        async with session.ws_connect(f"{rasa_server}/webhooks/web/ws", origin=rasa_server) as ws:
            await ws.send_str(json.dumps({"type": "hello", "sender": sender}))
            assert json.loads((await ws.receive(timeout=10)).data) == {"type": "ready"}
            async with session.post(
                f"{rasa_server}/conversations/{conversation_id('web', sender)}/tracker/events",
                params={"token": token, "output_channel": "latest", "execute_side_effects": "true"},
                json=[{"event": "bot", "text": "Hello, this is Anna from customer care."}],
            ) as resp:
                assert resp.status == 200
            frame = json.loads((await ws.receive(timeout=10)).data)
    assert frame["message"]["text"] == "Hello, this is Anna from customer care."


def test_the_public_port_does_not_reveal_the_framework(rasa_server: str) -> None:
    """From outside (a public host name or through a proxy) Rasa's own routes are the plain 404."""
    from tests.conftest import E2E_RASA_TOKEN

    outside = [{"Host": "shop.example"}, {"X-Forwarded-For": "203.0.113.7"}]
    for headers in outside:
        for path in ("/", "/version", "/status", "/conversations/x/tracker", "/webhooks/rest/webhook", "/nope"):
            answer = httpx.get(f"{rasa_server}{path}", headers=headers, timeout=30)
            assert answer.status_code == 404, (path, headers)
            assert "rasa" not in answer.text.lower() and "sanic" not in answer.text.lower()
            assert answer.headers["cache-control"].startswith("no-store")
    # the API with its token still works (console, tools); on loopback the server is as it is
    assert httpx.get(f"{rasa_server}/version", params={"token": E2E_RASA_TOKEN}, headers=outside[0], timeout=30).status_code == 200
    assert httpx.get(f"{rasa_server}/version", timeout=30).status_code == 200


def test_a_wiping_line_tells_the_page_to_clear_through_rasa(rasa_server: str) -> None:
    """The trained dialogue's clean-chat line reaches the page with ``clear`` and no action name."""
    sender = _session(rasa_server)
    _chat(rasa_server, sender, "how much is the lavender soap?")
    replies = _chat(rasa_server, sender, "please clear my basket").json()
    assert replies and replies[0].get("clear") is True
    assert all("utter_action" not in r for r in replies)
    ordinary = _chat(rasa_server, sender, "how much is the lavender soap?").json()
    assert ordinary and not any(r.get("clear") for r in ordinary)
