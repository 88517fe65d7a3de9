from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.channels.telegram_config import SECTION, TelegramConfigError, derived_secret, parse, section_source
from core import PROJECT_ROOT

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
        ({"tokens": 1}, {}, "TelegramInput.tokens: unknown setting 'tokens'"),
        ({"bots": [{"persona": "rumianek", "token": TOKEN}]}, {}, "bots[0].token: unknown setting 'token'; did you mean 'token_env'?"),
        ({"bots": [{"persona": "rumianek"}]}, {}, "bots[0].token_env: missing setting 'token_env'"),
        ({"bots": [{"persona": "rumianek", "token_env": "T"}]}, {"T": "nonsense"}, "bots[0].token_env: $T does not look like a Telegram bot token"),
        ({"mode": "webhook"}, {}, "webhook mode needs the public URL"),
        ({}, {"POPBOT_PUBLIC_URL": "http://shop.example.org"}, "must be an https:// URL"),
        ({"auto_clean_hours": 60}, {}, "auto_clean_hours: must be between 0 and 47"),
        ({"mode": "push"}, {}, "TelegramInput.mode: 'push' must be one of: auto, webhook, polling"),
        ({"clean_on": ["utter_x"]}, {}, "TelegramInput.clean_on: no longer a setting"),
        ({"bots": [{"persona": "rumianek", "token_env": "lower"}]}, {}, "bots[0].token_env: must name an environment variable"),
        ({"bots": [{"persona": "Rumianek!", "token_env": "T"}]}, {}, "bots[0].persona: 'Rumianek!' must be lowercase letters"),
    ],
)
def test_bad_configuration_names_the_field(settings: dict, env: dict, message: str) -> None:
    with pytest.raises(TelegramConfigError) as excinfo:
        parse(settings, env=env)
    assert message in str(excinfo.value)
    assert "credentials.yml: bot.channels.telegram.TelegramInput" in str(excinfo.value)


def test_a_nested_error_in_the_file_names_its_line(tmp_path: Path) -> None:
    text = (PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8")
    text = text.replace("  # bots:\n  #   - persona: rumianek\n  #     token_env: MY_RUMIANEK_TOKEN\n",
                        "  bots:\n    - persona: rumianek\n      token_env: my_token\n")
    path = tmp_path / "credentials.yml"
    path.write_text(text, encoding="utf-8")
    settings = yaml.safe_load(text)[SECTION]
    line = text.splitlines().index("      token_env: my_token") + 1
    with pytest.raises(TelegramConfigError) as excinfo:
        parse(settings, env={}, source=section_source(settings, path))
    assert str(excinfo.value) == (f"credentials.yml:{line}: {SECTION}.bots[0].token_env: "
                                  "must name an environment variable (A-Z, 0-9, _)")
    other = {**settings, "mode": "push"}  # not what the file holds: no line rather than a wrong one
    with pytest.raises(TelegramConfigError, match=rf"^credentials\.yml: {re.escape(SECTION)}\.mode: 'push'"):
        parse(other, env={}, source=section_source(other, path))


def test_api_url_of_a_local_bot_api_server() -> None:
    config = parse({}, env={"POPBOT_TELEGRAM_API_URL": "http://127.0.0.1:8081/"})
    assert config.base_url == "http://127.0.0.1:8081/bot"
