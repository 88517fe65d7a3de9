"""The one settings model: every POPBOT_* variable typed, errors name the variable, no secret shown."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from core import PROJECT_ROOT
from core.settings import VARIABLES, ConfigError, load_settings, variables_table


def test_defaults_are_the_embedded_mode(tmp_path: Path) -> None:
    settings = load_settings({"POPBOT_VAR_DIR": str(tmp_path)})
    assert settings.mode == "embedded"
    assert not settings.production
    assert settings.database_url == f"sqlite:///{tmp_path / 'popbot.db'}"
    assert settings.redis_url is None
    assert (settings.rasa_port, settings.actions_port, settings.console_port) == (5005, 5055, 8080)
    assert settings.retention_days == 90
    assert settings.log_level == "INFO"
    assert settings.actions_endpoint == "http://127.0.0.1:5055/webhook"


def test_every_variable_is_read() -> None:
    env = {
        "POPBOT_MODE": "production",
        "POPBOT_DATABASE_URL": "postgresql://db/popbot",
        "POPBOT_REDIS_URL": "redis://cache:6379/0",
        "POPBOT_RASA_PORT": "6005",
        "POPBOT_ACTIONS_URL": "http://actions:5055/webhook",
        "POPBOT_RETENTION_DAYS": "30",
        "POPBOT_LOG_LEVEL": "warning",
        "POPBOT_RASA_TOKEN": "t0ken-value",
    }
    settings = load_settings(env)
    assert settings.production
    assert settings.database_url == "postgresql://db/popbot"
    assert settings.redis_url == "redis://cache:6379/0"
    assert settings.rasa_port == 6005
    assert settings.actions_endpoint == "http://actions:5055/webhook"
    assert settings.retention_days == 30
    assert settings.log_level == "WARNING"
    assert settings.required_secret("rasa_token") == "t0ken-value"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"POPBOT_MODE": "prod"}, "POPBOT_MODE"),
        ({"POPBOT_RASA_PORT": "http"}, "POPBOT_RASA_PORT"),
        ({"POPBOT_CONSOLE_PORT": "70000"}, "POPBOT_CONSOLE_PORT"),
        ({"POPBOT_RETENTION_DAYS": "soon"}, "POPBOT_RETENTION_DAYS"),
        ({"POPBOT_RETENTION_DAYS": "-1"}, "POPBOT_RETENTION_DAYS"),
        ({"POPBOT_LOG_LEVEL": "LOUD"}, "POPBOT_LOG_LEVEL"),
        ({"POPBOT_MODE": "production"}, "POPBOT_DATABASE_URL"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(env)


def test_secrets_never_appear_in_repr() -> None:
    settings = load_settings({"POPBOT_RASA_TOKEN": "s3cr3t-token", "POPBOT_MASTER_KEYS": "1:abcd", "POPBOT_PSEUDONYM_KEY": "k3y"})
    shown = repr(settings) + str(settings) + str(settings.dict())
    for secret in ("s3cr3t-token", "1:abcd", "k3y"):
        assert secret not in shown


def test_embedded_generates_a_secret_once_and_production_refuses(tmp_path: Path) -> None:
    embedded = load_settings({"POPBOT_VAR_DIR": str(tmp_path)})
    first = embedded.required_secret("rasa_token")
    assert len(first) >= 40
    assert embedded.required_secret("rasa_token") == first
    assert (tmp_path / "keys" / "rasa_token").stat().st_mode & 0o077 == 0
    production = load_settings({"POPBOT_MODE": "production", "POPBOT_DATABASE_URL": "postgresql://x/y", "POPBOT_VAR_DIR": str(tmp_path)})
    with pytest.raises(ConfigError, match="POPBOT_RASA_TOKEN"):
        production.required_secret("rasa_token")


def test_every_popbot_variable_in_the_code_is_in_the_model() -> None:
    """A variable read anywhere in the code is a field of the model (one place to look)."""
    used: set[str] = set()
    for package in ("core", "bot", "nlu", "actions", "referrals"):
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            used |= set(re.findall(r"\bPOPBOT_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8")))
    # Variables named per bot in credentials.yml (tokens, webhook secrets) are read by name.
    per_bot = {v for v in used if v.startswith(("POPBOT_TELEGRAM_TOKEN_", "POPBOT_TELEGRAM_SECRET_"))}
    assert sorted(used - per_bot - set(VARIABLES)) == []


def test_readme_lists_every_variable() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert variables_table() in readme, "regenerate the README table: python -c 'from core.settings import variables_table; print(variables_table())'"


def test_the_environment_is_kept_with_and_without_a_database_url(tmp_path: Path) -> None:
    """Configuration files name variables read from ``Settings.env`` (credentials.yml's tokens):
    the default SQLite URL is filled in on a copy, which must keep them (the embedded stack's
    Telegram channel failed to load without)."""
    embedded = load_settings({"POPBOT_VAR_DIR": str(tmp_path), "TG_TOKEN": "123:abc"})
    given = load_settings({"POPBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "TG_TOKEN": "123:abc"})
    assert embedded.database_url == f"sqlite:///{tmp_path / 'popbot.db'}"
    assert embedded.env["TG_TOKEN"] == given.env["TG_TOKEN"] == "123:abc"
    assert "TG_TOKEN" not in repr(embedded) and "env" not in embedded.dict()
