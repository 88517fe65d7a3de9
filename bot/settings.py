"""Typed settings, read from the environment (``POPBOT_*``) once per process.

Two modes:
  * ``embedded`` (default): one machine, SQLite under ``var/``, in-memory lock store, keys
    generated on first run into ``var/keys/`` (never committed, never logged);
  * ``production``: every secret must come from the environment or a secret store; a missing
    or generated secret refuses to start (DESIGN.md invariant 4).
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from bot import PROJECT_ROOT


class ConfigError(RuntimeError):
    """The configuration is unusable; the message says what to set."""


@dataclass(frozen=True)
class Settings:
    mode: str = "embedded"
    var_dir: Path = PROJECT_ROOT / "var"
    database_url: str = ""
    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8000
    console_port: int = 8080
    host: str = "127.0.0.1"
    model_dir: Path = PROJECT_ROOT / "models"
    env: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def production(self) -> bool:
        return self.mode == "production"

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}/webhook"

    def secret(self, name: str) -> str | None:
        """A secret from the environment (``POPBOT_<NAME>``), never logged."""
        value = self.env.get(f"POPBOT_{name.upper()}")
        return value or None

    def required_secret(self, name: str) -> str:
        """A secret from ``POPBOT_<NAME>``; in embedded mode generated once into ``var/keys/``.

        Production mode never generates: a missing secret raises ConfigError.
        """
        value = self.secret(name)
        if value:
            return value
        if self.production:
            raise ConfigError(f"production mode needs POPBOT_{name.upper()} (no generated secrets)")
        path = self.var_dir / "keys" / name.lower()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
        return path.read_text().strip()


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from ``env`` (default: ``os.environ``); raises ConfigError if unusable."""
    env = dict(os.environ if env is None else env)
    mode = env.get("POPBOT_MODE", "embedded")
    if mode not in ("embedded", "production"):
        raise ConfigError(f"POPBOT_MODE must be 'embedded' or 'production', not {mode!r}")
    var_dir = Path(env.get("POPBOT_VAR_DIR", PROJECT_ROOT / "var")).resolve()
    database_url = env.get("POPBOT_DATABASE_URL", "")
    if not database_url:
        if mode == "production":
            raise ConfigError("production mode needs POPBOT_DATABASE_URL (e.g. postgresql://...)")
        database_url = f"sqlite:///{var_dir / 'popbot.db'}"

    def port(name: str, default: int) -> int:
        raw = env.get(f"POPBOT_{name}_PORT", str(default))
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"POPBOT_{name}_PORT must be a port number, not {raw!r}") from exc

    return Settings(
        mode=mode,
        var_dir=var_dir,
        database_url=database_url,
        rasa_port=port("RASA", 5005),
        actions_port=port("ACTIONS", 5055),
        web_port=port("WEB", 8000),
        console_port=port("CONSOLE", 8080),
        host=env.get("POPBOT_HOST", "127.0.0.1"),
        model_dir=Path(env.get("POPBOT_MODEL_DIR", PROJECT_ROOT / "models")).resolve(),
        env=env,
    )
