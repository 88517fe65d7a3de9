"""``popbot chat`` tells the truth: the server's own message, the server it reached, its port."""
from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels.web import WebInput
from bot.cli.chat import converse
from bot.cli.main import build_parser
from tests.channels.harness import free_port, serve


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POPBOT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("POPBOT_MODE", raising=False)
    monkeypatch.delenv("POPBOT_REDIS_URL", raising=False)


async def answer(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "We have lavender soap.")


def _chat(base: str, persona: str, out: io.StringIO, err: io.StringIO) -> int:
    return converse(["hello"], base_url=base, metadata={"persona": persona}, out=out, err=err)


async def test_the_servers_400_is_shown_with_the_server_it_reached() -> None:
    async with serve([WebInput(personas=["rumianek"], shop=False)], answer) as (base, handler, _app):
        out, err = io.StringIO(), io.StringIO()
        assert await asyncio.to_thread(_chat, base, "bakery", out, err) == 1
        refused = err.getvalue()
        assert await asyncio.to_thread(_chat, base, "rumianek", out, io.StringIO()) == 0
    assert f"the bot at {base} refused the message: HTTP 400" in refused
    assert "names a persona this channel does not serve" in refused
    assert "is `make run` running" not in refused
    assert out.getvalue() == "bot> We have lavender soap.\n"
    assert len(handler.received) == 1


def test_nothing_listening_names_the_address_tried() -> None:
    base, err = f"http://127.0.0.1:{free_port()}", io.StringIO()
    assert _chat(base, "rumianek", io.StringIO(), err) == 1
    assert f"nothing answered at {base}" in err.getvalue() and "POPBOT_RASA_PORT" in err.getvalue()


def test_help_shows_the_port_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POPBOT_RASA_PORT", "6123")
    parser = build_parser()
    chat = parser._subparsers._group_actions[0].choices["chat"]  # type: ignore[union-attr]
    assert "http://127.0.0.1:6123" in chat.format_help()
