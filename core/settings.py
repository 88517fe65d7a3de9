"""One typed settings model for every ``POPBOT_*`` environment variable, read once per process.

Two modes:
  * ``embedded`` (default): one machine, SQLite under ``var/``, in-memory locks, keys and secrets
    generated on first run into ``var/keys/`` (never committed, never logged);
  * ``production``: every secret must come from the environment or a secret store; a missing
    or generated secret refuses to start (docs/design.md, invariant 4).

The table of variables in the README is generated from :data:`VARIABLES`; a test keeps the two
in step. Secrets are :class:`pydantic.SecretStr`, so they never appear in a ``repr`` or a log.
"""
from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Any, Literal, Mapping, Optional

from pydantic import BaseModel, Field, SecretStr, ValidationError, validator

from core import PROJECT_ROOT

PREFIX = "POPBOT_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_PERSONA_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


class ConfigError(RuntimeError):
    """The configuration is unusable; the message says what to set."""


class Settings(BaseModel):
    """Every ``POPBOT_*`` variable: field ``log_level`` is read from ``POPBOT_LOG_LEVEL``."""

    mode: Literal["embedded", "production"] = Field("embedded", description="`embedded` (one machine, generated keys) or `production` (secrets from a store, PostgreSQL)")
    var_dir: Path = Field(PROJECT_ROOT / "var", description="runtime files: SQLite database, generated keys, logs, spool")
    model_dir: Path = Field(PROJECT_ROOT / "models", description="trained model archives")
    database_url: str = Field("", description="SQLAlchemy URL; default `sqlite:///$POPBOT_VAR_DIR/popbot.db`; required in production")
    redis_url: Optional[str] = Field(None, description="Redis for locks, rate limits, update ids and pub/sub across replicas (`redis://[:password@]host:6379/0`); unset: in-process / database")
    forwarded_hops: int = Field(0, ge=0, le=5, description="reverse proxies in front of the Rasa server; the client address is the `X-Forwarded-For` entry this many hops back (0: the peer address)")
    web_rate_message: str = Field("20/minute", description="messages per web conversation (`N/second`, `N/minute` or `N/hour`); over it the chat answers \"please wait a moment\"")
    web_rate_address: str = Field("240/minute", description="web chat requests (messages, chat sockets, quick exits) per client address")
    host: str = Field("127.0.0.1", description="interface the servers listen on")
    rasa_port: int = Field(5005, ge=1, le=65535, description="Rasa server (channels, shop front-ends, authenticated API)")
    actions_port: int = Field(5055, ge=1, le=65535, description="action server (loopback / internal network only)")
    health_port: Optional[int] = Field(None, ge=1, le=65535, description="internal liveness/readiness port of the Rasa server (`/live`, `/ready`; never behind the proxy); unset: none")
    console_port: int = Field(8080, ge=1, le=65535, description="counselor console")
    console_idle_minutes: int = Field(30, ge=1, le=24 * 60, description="a console session unused this long ends")
    console_absolute_hours: int = Field(12, ge=1, le=7 * 24, description="a console session ends this long after login, used or not")
    console_read_audit_minutes: int = Field(10, ge=0, le=24 * 60, description="a live refresh of a transcript already read in the same console session is audited again only after this long (opening the conversation always is; 0: every refresh)")
    handoff_alert_seconds: int = Field(180, ge=1, description="a held chat whose child waits this long for the counselor, or whose counselor has no console stream / `popbot handoff events --follow` open this long, raises an alert")
    handoff_requeue_seconds: int = Field(600, ge=1, description="after this long without a counselor answer (or with the counselor disconnected) the chat goes back to the queue and the child is asked to wait")
    actions_url: Optional[str] = Field(None, description="where Rasa calls the action server; default `http://$POPBOT_HOST:$POPBOT_ACTIONS_PORT/webhook`")
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING, ERROR (content is never logged at any level)")
    retention_days: int = Field(90, ge=0, description="conversations idle this long are crypto-shredded (0 disables)")
    keys_dir: Optional[Path] = Field(None, description="directory of master key files (default `$POPBOT_VAR_DIR/keys`, generated in embedded mode)")
    key_provider: Optional[str] = Field(None, description="`module:factory` of a KMS/Vault key adapter (bot/storage/kms.py)")
    master_keys: Optional[SecretStr] = Field(None, description="secret: `1:<base64>,2:<base64>` master key versions")
    pseudonym_key: Optional[SecretStr] = Field(None, description="secret: base64 key for pseudonyms and the audit chain")
    rasa_token: Optional[SecretStr] = Field(None, description="secret: token of the Rasa HTTP API (generated in embedded mode)")
    actions_secret: Optional[SecretStr] = Field(None, description="secret: shared secret authenticating Rasa and the action server to each other (HMAC, never sent; generated in embedded mode, required in production)")
    public_url: Optional[str] = Field(None, description="https base URL Telegram calls (webhook mode); unset: polling")
    telegram_api_url: Optional[str] = Field(None, description="Bot API root (default https://api.telegram.org)")
    personas: Optional[str] = Field(None, description="persona ids to serve, comma-separated (`rumianek,bakery`); unset: every persona in `personas/`; any other persona is neither served nor shown")
    #: The environment the settings were read from: the variables configuration files name
    #: (``credentials.yml``: ``token_env``, ``secret_env``, ...) are read here, nowhere else.
    env: Mapping[str, str] = Field(default_factory=dict, repr=False, exclude=True)

    class Config:
        allow_mutation = False
        extra = "forbid"

    @validator("log_level")
    def _level(cls, value: str) -> str:  # noqa: N805 - pydantic validator
        if value.upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.upper()

    @validator("personas")
    def _persona_list(cls, value: Optional[str]) -> Optional[str]:  # noqa: N805
        if value is None:
            return None
        ids = [part.strip() for part in value.split(",") if part.strip()]
        bad = [i for i in ids if not _PERSONA_ID.fullmatch(i)]
        if bad or not ids:
            raise ValueError("must be persona ids (lower-case letters, digits, _) separated by commas")
        return ",".join(dict.fromkeys(ids))

    @validator("var_dir", "model_dir")
    def _absolute(cls, value: Path) -> Path:  # noqa: N805
        return value.resolve()

    @property
    def production(self) -> bool:
        return self.mode == "production"

    @property
    def persona_ids(self) -> Optional[tuple[str, ...]]:
        """The personas the partner chose to serve (``POPBOT_PERSONAS``), or None for every one."""
        return tuple(self.personas.split(",")) if self.personas else None

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_endpoint(self) -> str:
        """The action server's webhook URL (``POPBOT_ACTIONS_URL`` or derived from host/port)."""
        return self.actions_url or f"http://{self.host}:{self.actions_port}/webhook"

    @property
    def console_url(self) -> str:
        return f"http://{self.host}:{self.console_port}"

    def required_secret(self, name: str) -> str:
        """The secret field ``name`` (``POPBOT_<NAME>``); in embedded mode generated once into
        ``var/keys/<name>``. Production mode never generates: a missing secret raises ConfigError."""
        value = getattr(self, name.lower(), None)
        if isinstance(value, SecretStr) and value.get_secret_value():
            return value.get_secret_value()
        if self.production:
            raise ConfigError(f"production mode needs {PREFIX}{name.upper()} (no generated secrets)")
        path = self.var_dir / "keys" / name.lower()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process generated it first
                return path.read_text().strip()
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
        return path.read_text().strip()


#: ``POPBOT_<NAME>`` -> field name, for every field read from the environment.
VARIABLES: dict[str, str] = {f"{PREFIX}{name.upper()}": name for name in Settings.__fields__ if name != "env"}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from ``env`` (default: ``os.environ``); raises ConfigError if unusable."""
    env = dict(os.environ if env is None else env)
    values: dict[str, Any] = {variable: env[variable] for variable in VARIABLES if env.get(variable, "") != ""}
    fields = {VARIABLES[variable]: value for variable, value in values.items()}
    try:
        settings = Settings(**fields, env=env)
    except ValidationError as exc:
        problems = "; ".join(
            f"{PREFIX}{str(error['loc'][0]).upper()}: {error['msg']}" for error in exc.errors()
        )
        raise ConfigError(problems) from None
    if not settings.database_url:
        if settings.production:
            raise ConfigError("production mode needs POPBOT_DATABASE_URL (e.g. postgresql://...)")
        # ``env`` is excluded from copies (it must not be dumped): carried over by hand
        settings = settings.copy(update={"database_url": f"sqlite:///{settings.var_dir / 'popbot.db'}", "env": env})
    return settings


def variables_table() -> str:
    """The Markdown table of every variable (what the README shows)."""
    rows = ["| variable | default | what it sets |", "|---|---|---|"]
    for variable, name in VARIABLES.items():
        field = Settings.__fields__[name]
        default = field.default
        if isinstance(default, Path):
            default = default.relative_to(PROJECT_ROOT) if default.is_relative_to(PROJECT_ROOT) else default
        shown = "" if default in (None, "") else f"`{default}`"
        rows.append(f"| `{variable}` | {shown} | {field.field_info.description} |")
    return "\n".join(rows)
