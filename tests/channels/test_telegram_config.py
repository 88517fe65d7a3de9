from __future__ import annotations

import pytest

from bot.channels.telegram_config import TelegramConfigError, derived_secret, parse

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_credentials_file_of_the_repository_parses() -> None:
    import yaml

    from core import PROJECT_ROOT

    settings = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text())["bot.channels.telegram.TelegramInput"]
    config = parse(settings, env={"POPBOT_TELEGRAM_TOKEN_RUMIANEK": TOKEN}, personas=["gametips", "rumianek"])
    assert [b.persona for b in config.bots] == ["rumianek"]
    assert config.mode == "polling"
    assert config.base_url == "https://api.telegram.org/bot"
    assert config.bots[0].secret == derived_secret(TOKEN)
    assert TOKEN not in repr(config)


@pytest.mark.parametrize(
    ("settings", "env", "message"),
    [
        ({"tokens": 1}, {}, "unknown setting(s) ['tokens']"),
        ({"bots": [{"persona": "rumianek", "token": TOKEN}]}, {}, "bots[0]: unknown setting(s) ['token']"),
        ({"bots": [{"persona": "rumianek"}]}, {}, "bots[0]: 'token_env' is required"),
        ({"bots": [{"persona": "rumianek", "token_env": "T"}]}, {"T": "nonsense"}, "does not look like a Telegram bot token"),
        ({"mode": "webhook"}, {}, "webhook mode needs the public URL"),
        ({}, {"POPBOT_PUBLIC_URL": "http://shop.example.org"}, "must be an https:// URL"),
        ({"auto_clean_hours": 60}, {}, "'auto_clean_hours' must be between 0 and 47"),
        ({"bots": [{"persona": "Rumianek!", "token_env": "T"}]}, {}, "'persona' must be a persona id"),
    ],
)
def test_bad_configuration_names_the_field(settings: dict, env: dict, message: str) -> None:
    with pytest.raises(TelegramConfigError) as excinfo:
        parse(settings, env=env)
    assert message in str(excinfo.value)
    assert "credentials.yml: bot.channels.telegram.TelegramInput" in str(excinfo.value)


def test_api_url_of_a_local_bot_api_server() -> None:
    config = parse({}, env={"POPBOT_TELEGRAM_API_URL": "http://127.0.0.1:8081/"})
    assert config.base_url == "http://127.0.0.1:8081/bot"
