"""Configuration of the Telegram channel, read from ``credentials.yml`` and the environment.

Tokens and webhook secrets are never written in ``credentials.yml``: each bot names the
environment variables that hold them. A bot whose token variable is unset is skipped.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_CLEAN_ON = ("utter_clean_done", "utter_not_safe", "utter_not_now")
_PERSONA = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TOKEN = re.compile(r"^(\d+):[A-Za-z0-9_-]{20,}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
_SETTINGS = {"bots", "mode", "public_url_env", "api_url_env", "clean_on", "auto_clean_hours"}
_BOT_SETTINGS = {"persona", "token_env", "secret_env", "key"}
WHERE = "credentials.yml: bot.channels.telegram.TelegramInput"


class TelegramConfigError(ValueError):
    """``credentials.yml`` or the environment cannot configure the Telegram channel."""


@dataclass(frozen=True)
class BotConfig:
    key: str  # URL path segment and ledger namespace (never the token)
    persona: str
    token: str
    secret: str

    @property
    def bot_id(self) -> str:
        """The numeric bot id, which Telegram puts before the colon of the token (not secret)."""
        return self.token.split(":", 1)[0]

    def __repr__(self) -> str:  # never print the token or secret
        return f"BotConfig(key={self.key!r}, persona={self.persona!r})"


@dataclass(frozen=True)
class TelegramConfig:
    bots: tuple[BotConfig, ...]
    mode: str  # "webhook" | "polling"
    public_url: str | None
    api_url: str
    clean_on: frozenset[str]
    auto_clean_hours: float | None

    @property
    def base_url(self) -> str:
        """PTB's ``base_url``: the Bot API root followed by ``/bot`` (PTB appends the token)."""
        root = self.api_url.rstrip("/")
        return root if root.endswith("/bot") else f"{root}/bot"

    def webhook_url(self, bot: BotConfig) -> str:
        assert self.public_url
        return f"{self.public_url.rstrip('/')}/webhooks/telegram/{bot.key}/webhook"


def derived_secret(token: str) -> str:
    """A webhook secret only the token holder can compute; the same on every replica."""
    return hmac.new(token.encode(), b"popbot telegram webhook secret v1", hashlib.sha256).hexdigest()


def default_bots(personas: Sequence[str]) -> list[dict[str, str]]:
    """One bot per served persona, reading ``POPBOT_TELEGRAM_TOKEN_<ID>`` and
    ``POPBOT_TELEGRAM_SECRET_<ID>`` (what ``bots:`` means when ``credentials.yml`` omits it)."""
    return [
        {"persona": p, "token_env": f"POPBOT_TELEGRAM_TOKEN_{p.upper()}", "secret_env": f"POPBOT_TELEGRAM_SECRET_{p.upper()}"}
        for p in personas
    ]


def parse(
    credentials: Mapping[str, Any] | None,
    env: Mapping[str, str] | None = None,
    personas: Sequence[str] | None = None,
) -> TelegramConfig:
    """The channel's configuration. ``personas``: the served persona ids; without a ``bots:``
    list there is one bot per served persona, and a listed bot of another persona is an error."""
    env = os.environ if env is None else env
    settings = dict(credentials or {})
    unknown = set(settings) - _SETTINGS
    if unknown:
        raise TelegramConfigError(f"{WHERE}: unknown setting(s) {sorted(unknown)}")

    def env_name(holder: Mapping[str, Any], field: str, default: str | None, where: str) -> str | None:
        name = holder.get(field, default)
        if name is None:
            return None
        if not isinstance(name, str) or not _ENV_NAME.match(name):
            raise TelegramConfigError(f"{where}: '{field}' must name an environment variable (A-Z, 0-9, _)")
        return name

    public_env = env_name(settings, "public_url_env", "POPBOT_PUBLIC_URL", WHERE)
    api_env = env_name(settings, "api_url_env", "POPBOT_TELEGRAM_API_URL", WHERE)
    public_url = env.get(public_env) if public_env else None
    api_url = (env.get(api_env) if api_env else None) or DEFAULT_API_URL
    if not re.match(r"^https?://", api_url):
        raise TelegramConfigError(f"{WHERE}: ${api_env} must be an http(s) URL")
    if public_url and not public_url.startswith("https://") and not re.match(r"^http://(127\.0\.0\.1|localhost)[:/]", public_url):
        raise TelegramConfigError(f"{WHERE}: ${public_env} must be an https:// URL (Telegram only calls https webhooks)")

    mode = settings.get("mode", "auto")
    if mode not in ("auto", "webhook", "polling"):
        raise TelegramConfigError(f"{WHERE}: 'mode' must be auto, webhook or polling")
    if mode == "auto":
        mode = "webhook" if public_url else "polling"
    if mode == "webhook" and not public_url:
        raise TelegramConfigError(f"{WHERE}: webhook mode needs the public URL in ${public_env}")

    clean_on = settings.get("clean_on", list(DEFAULT_CLEAN_ON))
    if not isinstance(clean_on, list) or not all(isinstance(x, str) for x in clean_on):
        raise TelegramConfigError(f"{WHERE}: 'clean_on' must be a list of response names")
    auto_clean = settings.get("auto_clean_hours", 24)
    if auto_clean is not None and (not isinstance(auto_clean, (int, float)) or not 0 < auto_clean < 47):
        raise TelegramConfigError(f"{WHERE}: 'auto_clean_hours' must be between 0 and 47 (Telegram's limit is 48)")

    raw_bots = settings["bots"] if "bots" in settings else default_bots(personas or ())
    if not isinstance(raw_bots, list):
        raise TelegramConfigError(f"{WHERE}: 'bots' must be a list")
    bots: list[BotConfig] = []
    for index, raw in enumerate(raw_bots):
        where = f"{WHERE}: bots[{index}]"
        if not isinstance(raw, Mapping):
            raise TelegramConfigError(f"{where} must be a mapping")
        unknown = set(raw) - _BOT_SETTINGS
        if unknown:
            raise TelegramConfigError(f"{where}: unknown setting(s) {sorted(unknown)}")
        persona = raw.get("persona")
        if not isinstance(persona, str) or not _PERSONA.match(persona):
            raise TelegramConfigError(f"{where}: 'persona' must be a persona id")
        if personas is not None and persona not in personas:
            raise TelegramConfigError(f"{where}: persona {persona!r} is not served (POPBOT_PERSONAS)")
        key = raw.get("key", persona)
        if not isinstance(key, str) or not _PERSONA.match(key):
            raise TelegramConfigError(f"{where}: 'key' must be lowercase letters, digits and _")
        token_env = env_name(raw, "token_env", None, where)
        if token_env is None:
            raise TelegramConfigError(f"{where}: 'token_env' is required (the variable holding the token)")
        token = env.get(token_env, "").strip()
        if not token:
            continue
        if not _TOKEN.match(token):
            raise TelegramConfigError(f"{where}: ${token_env} does not look like a Telegram bot token")
        secret_env = env_name(raw, "secret_env", None, where)
        secret = (env.get(secret_env, "").strip() if secret_env else "") or derived_secret(token)
        if not _SECRET.match(secret):
            raise TelegramConfigError(f"{where}: ${secret_env} must be 16-256 characters of A-Z a-z 0-9 _ -")
        if any(b.key == key for b in bots):
            raise TelegramConfigError(f"{where}: key {key!r} is used twice")
        bots.append(BotConfig(key=key, persona=persona, token=token, secret=secret))
    return TelegramConfig(
        bots=tuple(bots),
        mode=mode,
        public_url=public_url or None,
        api_url=api_url,
        clean_on=frozenset(clean_on),
        auto_clean_hours=float(auto_clean) if auto_clean is not None else None,
    )
