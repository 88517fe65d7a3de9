"""Configuration of the Telegram channel, read from ``credentials.yml`` and the environment.

Tokens and webhook secrets are never written in ``credentials.yml``: each bot names the
environment variables that hold them. A bot whose token variable is unset is skipped.
The section's shape is a declarative schema (:class:`TelegramSettings`, checked by
:mod:`core.yamlcheck`); the token, secret and URLs read from the environment are checked in code.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Mapping, Optional, Sequence

import yaml

from core.paths import CREDENTIALS
from core.settings import load_settings
from core.yamlcheck import OneOf, Path_, Source, Strict, Text, YamlSyntaxError, check_model, format_path, read_source

DEFAULT_API_URL = "https://api.telegram.org"
_PERSONA = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TOKEN = re.compile(r"^(\d+):[A-Za-z0-9_-]{20,}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
MODES = ("auto", "webhook", "polling")
SECTION = "bot.channels.telegram.TelegramInput"


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


class EnvName(Text):
    """The name of an environment variable (never its value)."""

    max_chars = 128

    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if _ENV_NAME.match(text) else ["must name an environment variable (A-Z, 0-9, _)"]


class Ident(Text):
    """A persona id or a bot key: lowercase letters, digits and ``_``."""

    max_chars = 64

    @classmethod
    def check(cls, text: str) -> list[str]:
        return [] if _PERSONA.match(text) else [f"{text!r} must be lowercase letters, digits and _ (a persona id)"]


class Mode(OneOf):
    choices, refusal = MODES, "{value!r} must be one of: {choices}"


class Hours(Text):
    """``auto_clean_hours``: a number of hours under Telegram's 48-hour limit."""

    @classmethod
    def validate(cls, value: Any) -> Any:
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        return super().validate(str(value) if numeric else value)

    @classmethod
    def check(cls, text: str) -> list[str]:
        try:
            hours = float(text)
        except ValueError:
            hours = -1.0
        return [] if 0 < hours < 47 else ["must be between 0 and 47 (Telegram's limit is 48)"]

    @classmethod
    def convert(cls, text: str) -> float:
        return float(text)


class BotSpec(Strict):
    """One bot of ``bots:``: its persona, URL key and the variables holding its secrets."""

    key_name = "setting"

    persona: Ident
    key: Optional[Ident] = None
    token_env: EnvName
    secret_env: Optional[EnvName] = None


class TelegramSettings(Strict):
    """The ``bot.channels.telegram.TelegramInput`` section of ``credentials.yml``."""

    key_name = "setting"

    mode: Mode = Mode("auto")
    public_url_env: Optional[EnvName] = EnvName("POPBOT_PUBLIC_URL")
    api_url_env: Optional[EnvName] = EnvName("POPBOT_TELEGRAM_API_URL")
    auto_clean_hours: Optional[Hours] = 24.0  # type: ignore[assignment]
    bots: Optional[List[BotSpec]] = None


def section_source(credentials: Mapping[str, Any], path: Path = CREDENTIALS, section: str = SECTION) -> Source:
    """``credentials`` (as Rasa read them) with the lines of ``section`` in the file at ``path``
    when that file holds these very settings; without lines otherwise."""
    source = Source(data=dict(credentials))
    try:
        text = path.read_text(encoding="utf-8")
        same = (yaml.safe_load(text) or {}).get(section) == credentials
        read = read_source(text) if same else None
    except (OSError, yaml.YAMLError, YamlSyntaxError, AttributeError):
        return source
    if read is not None:
        source.lines.update({sub[1:]: line for sub, line in read.lines.items() if sub[:1] == (section,)})
        source.lines[()] = read.lines.get((section,), 1)
    return source


def _where(path: Path_, source: Source) -> str:
    """``credentials.yml:12: bot.channels.telegram.TelegramInput.bots[0].persona`` (no line when
    the settings did not come from the repository's file)."""
    line = f":{source.line_of(path)}" if source.lines else ""
    return f"{CREDENTIALS.name}{line}: {format_path((SECTION, *path))}"


def parse(
    credentials: Mapping[str, Any] | None,
    env: Mapping[str, str] | None = None,
    personas: Sequence[str] | None = None,
    source: Source | None = None,
) -> TelegramConfig:
    """The channel's configuration. ``personas``: the served persona ids; without a ``bots:``
    list there is one bot per served persona, and a listed bot of another persona is an error.
    ``source``: the settings with their lines in ``credentials.yml`` (:func:`section_source`).
    The shape is :class:`TelegramSettings`; what depends on the environment is checked here."""
    env = load_settings().env if env is None else env
    source = source if source is not None else Source(data=dict(credentials or {}))
    if "clean_on" in source.data:
        raise TelegramConfigError(
            f"{_where(('clean_on',), source)}: no longer a setting: every channel wipes the chat after the "
            "same lines (core.signals.WIPE_RESPONSES); remove it")
    spec, found = check_model(TelegramSettings, source)
    if spec is None or found:
        raise TelegramConfigError("\n".join(f"{_where(p.path, source)}: {p.message}" for p in found))

    public_env, api_env = spec.public_url_env, spec.api_url_env
    public_url = env.get(public_env) if public_env else None
    api_url = (env.get(api_env) if api_env else None) or DEFAULT_API_URL
    if not re.match(r"^https?://", api_url):
        raise TelegramConfigError(f"{_where(('api_url_env',), source)}: ${api_env} must be an http(s) URL")
    if public_url and not public_url.startswith("https://") and not re.match(r"^http://(127\.0\.0\.1|localhost)[:/]", public_url):
        raise TelegramConfigError(
            f"{_where(('public_url_env',), source)}: ${public_env} must be an https:// URL (Telegram only calls https webhooks)")
    mode = str(spec.mode)
    if mode == "auto":
        mode = "webhook" if public_url else "polling"
    if mode == "webhook" and not public_url:
        raise TelegramConfigError(f"{_where(('mode',), source)}: webhook mode needs the public URL in ${public_env}")

    raw_bots = spec.bots if spec.bots is not None else [BotSpec.validate(b) for b in default_bots(personas or ())]
    bots: list[BotConfig] = []
    for index, raw in enumerate(raw_bots):
        where = _where(("bots", index), source)  # without ``bots:``, the one-per-persona default
        persona = str(raw.persona)
        if personas is not None and persona not in personas:
            raise TelegramConfigError(f"{where}.persona: persona {persona!r} is not served (POPBOT_PERSONAS)")
        key = str(raw.key or persona)
        token = env.get(raw.token_env, "").strip()
        if not token:
            continue
        if not _TOKEN.match(token):
            raise TelegramConfigError(f"{where}.token_env: ${raw.token_env} does not look like a Telegram bot token")
        secret = (env.get(raw.secret_env, "").strip() if raw.secret_env else "") or derived_secret(token)
        if not _SECRET.match(secret):
            raise TelegramConfigError(f"{where}.secret_env: ${raw.secret_env} must be 16-256 characters of A-Z a-z 0-9 _ -")
        if any(b.key == key for b in bots):
            raise TelegramConfigError(f"{where}.key: key {key!r} is used twice")
        bots.append(BotConfig(key=key, persona=persona, token=token, secret=secret))
    return TelegramConfig(
        bots=tuple(bots),
        mode=mode,
        public_url=public_url or None,
        api_url=api_url,
        auto_clean_hours=spec.auto_clean_hours,
    )
