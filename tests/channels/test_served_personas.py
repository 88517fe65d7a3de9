"""One file is enough: every persona in personas/ is served (web front-end, web chat, Telegram bot)
unless POPBOT_PERSONAS lists a subset; an unlisted persona is neither served nor shown."""
from __future__ import annotations

import aiohttp
import pytest
import yaml
from rasa.core.channels.channel import UserMessage

from bot.channels.telegram_config import TelegramConfigError, parse
from bot.channels.web import WebInput
from bot.cli.main import main
from core import PROJECT_ROOT
from core.persona import project_personas, served_personas
from core.settings import ConfigError
from tests.channels.harness import serve

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CREDENTIALS = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8"))


async def noop(message: UserMessage) -> None:
    return None


def test_every_persona_file_is_served_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POPBOT_PERSONAS", raising=False)
    assert set(served_personas()) == set(project_personas()) >= {"rumianek", "gametips"}
    channel = WebInput.from_credentials(CREDENTIALS["bot.channels.web.WebInput"])
    assert channel.personas == frozenset(project_personas())


def test_the_partner_lists_a_subset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POPBOT_PERSONAS", " gametips, ")
    assert list(served_personas()) == ["gametips"]
    assert WebInput.from_credentials(CREDENTIALS["bot.channels.web.WebInput"]).personas == {"gametips"}


@pytest.mark.parametrize("value", ["bakery", "gametips,nobody"])
def test_an_unknown_persona_in_the_list_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("POPBOT_PERSONAS", value)
    with pytest.raises(ConfigError, match="POPBOT_PERSONAS names .*not a persona in personas/"):
        served_personas()


def test_a_malformed_list_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POPBOT_PERSONAS", "Rumianek!")
    with pytest.raises(ConfigError, match="POPBOT_PERSONAS"):
        served_personas()


def test_credentials_no_longer_list_personas() -> None:
    assert "personas" not in CREDENTIALS["bot.channels.web.WebInput"]
    assert "bots" not in CREDENTIALS["bot.channels.telegram.TelegramInput"]
    with pytest.raises(ValueError, match="POPBOT_PERSONAS"):
        WebInput.from_credentials({"personas": ["rumianek"]})


async def test_an_unlisted_persona_gets_no_page_and_no_chat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POPBOT_PERSONAS", "gametips")
    channel = WebInput.from_credentials({})
    async with serve([channel], noop) as (base, handler, _app), aiohttp.ClientSession() as session:
        async with session.get(f"{base}/shop/gametips/") as resp:
            assert resp.status == 200
        async with session.get(f"{base}/shop/rumianek/") as resp:
            assert resp.status == 404
        payload = {"sender": "s" * 32, "message": "hello", "metadata": {"persona": "rumianek"}}
        async with session.post(f"{base}/webhooks/web/webhook", json=payload) as resp:
            assert resp.status == 400
    assert handler.received == []


def test_telegram_has_one_bot_per_served_persona_by_default() -> None:
    telegram = CREDENTIALS["bot.channels.telegram.TelegramInput"]
    env = {"POPBOT_TELEGRAM_TOKEN_RUMIANEK": TOKEN, "POPBOT_TELEGRAM_TOKEN_BAKERY": TOKEN.replace("123456", "654321")}
    config = parse(telegram, env=env, personas=["bakery", "gametips", "rumianek"])
    assert [(b.persona, b.bot_id) for b in config.bots] == [("bakery", "654321"), ("rumianek", "123456")]
    # a persona that is not served has no bot, even with a token in the environment
    assert [b.persona for b in parse(telegram, env=env, personas=["gametips"]).bots] == []


def test_a_listed_telegram_bot_of_an_unserved_persona_is_refused() -> None:
    bots = {"bots": [{"persona": "rumianek", "token_env": "T"}]}
    with pytest.raises(TelegramConfigError, match="persona 'rumianek' is not served"):
        parse(bots, env={"T": TOKEN}, personas=["gametips"])


def test_popbot_run_refuses_an_unknown_persona(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POPBOT_PERSONAS", "rumianek,bakery")
    assert main(["run", "--no-console", "--no-actions"]) == 2
    out = capsys.readouterr().out
    assert "POPBOT_PERSONAS names bakery" in out
    assert "starting popbot" not in out


def test_popbot_run_prints_only_served_personas(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli.run import print_urls
    from core.settings import load_settings

    monkeypatch.setenv("POPBOT_PERSONAS", "gametips")
    print_urls(load_settings())
    out = capsys.readouterr().out
    assert "/shop/gametips/" in out and "--persona gametips" in out
    assert "rumianek" not in out
