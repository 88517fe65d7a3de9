"""Logging for every popbot process: nothing a child wrote, and no platform id, reaches a log.

:func:`configure` (called once at the start of every process, before Rasa is imported if possible):

* one stderr handler with a :class:`RedactionFilter` and a redacting formatter;
* a log-record factory that redacts *every* record at creation, whatever handler later emits it
  (Rasa and python-telegram-bot add their own handlers): debug records of third-party loggers
  (Rasa, rasa_sdk, Sanic, python-telegram-bot, httpx... they carry message text and ids at debug)
  are reduced to their logger name; every message and traceback is scrubbed of digit runs that
  look like platform ids or phone numbers, e-mail addresses and bot tokens;
* structlog (Rasa's structured events carry ``text``, ``parse_data``, slot values...) is
  configured to keep only the event name: every other key is dropped before rendering, and
  Rasa's own ``configure_structlog`` is replaced so it cannot undo this;
* in records of third-party loggers every quoted span is withheld (Rasa logs e.g.
  ``An exception occured while handling user message '<text>'`` at ERROR);
* noisy loggers that print URLs with tokens (httpx) or payloads are set to WARNING.

Our own code never passes content to a logger; this is the safety net, not the policy.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from typing import Any, Callable, TextIO

#: Packages whose modules follow popbot's never-log-content rule; debug records are kept.
OWN_PACKAGES = ("bot", "actions", "nlu", "referrals", "bench", "__main__")
#: Loggers forced to at least WARNING (they log URLs with tokens or payloads at INFO).
QUIET_LOGGERS = (
    "alembic", "httpx", "httpcore", "urllib3", "telegram.ext", "sanic.access", "asyncio", "apscheduler",
    "rasa_sdk.executor",  # one "Registered function" line per action on every start
)
#: structlog keys that may be rendered (everything else is dropped).
STRUCTLOG_KEYS = ("event", "log_level", "level", "event_key", "timestamp")

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}\b"), "[redacted-token]"),
    (re.compile(r"bot\d+:[A-Za-z0-9_-]+"), "bot[redacted-token]"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "[redacted-email]"),
    (re.compile(r"(?<![\w.])\+?\d(?:[\s\-().]?\d){6,}(?![\w])"), "[redacted-number]"),
)

#: Quoted spans in third-party messages: Rasa quotes user text ("Received user message '...'").
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.){1,2000}'" + r'|"(?:[^"\\\n]|\\.){1,2000}"')

_installed_factory: Callable[..., logging.LogRecord] | None = None
_base_factory = logging.getLogRecordFactory()


def redact(text: str) -> str:
    """``text`` with ids, phone numbers, e-mail addresses and tokens replaced."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _unquote(text: str) -> str:
    """Third-party messages with quoted spans: the spans are withheld."""
    return _QUOTED.sub("'[withheld]'", text)


def _own(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in OWN_PACKAGES)


def _sanitise(record: logging.LogRecord) -> None:
    if getattr(record, "_popbot_redacted", False):
        return
    if record.levelno < logging.INFO and not _own(record.name):
        record.msg, record.args = f"[{record.name} debug record suppressed]", ()
        record.exc_info, record.exc_text, record.stack_info = None, None, None
    else:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not leak its args
            message = f"[unformattable record from {record.name}]"
        third_party = not _own(record.name)
        record.msg, record.args = redact(_unquote(message) if third_party else message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(_unquote(record.exc_text) if third_party else record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
    record._popbot_redacted = True  # type: ignore[attr-defined]


def _factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    _sanitise(record)
    return record


class RedactionFilter(logging.Filter):
    """Handler filter: sanitises records that did not come through popbot's record factory."""

    def filter(self, record: logging.LogRecord) -> bool:
        _sanitise(record)
        return True


class RedactingFormatter(logging.Formatter):
    """Formatter that sanitises the record (message, traceback) before formatting it."""

    def format(self, record: logging.LogRecord) -> str:
        _sanitise(record)
        return super().format(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        return redact(super().formatException(ei))


def _drop_content(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    dropped = sorted(k for k in event_dict if k not in STRUCTLOG_KEYS)
    kept = {k: event_dict[k] for k in STRUCTLOG_KEYS if k in event_dict}
    kept["event"] = redact(str(kept.get("event", "")))
    if dropped:
        kept["event"] = f"{kept['event']} (fields withheld: {', '.join(dropped)})"
    return kept


def _render_event(_logger: Any, _method: str, event_dict: dict[str, Any]) -> str:
    return str(event_dict.get("event", ""))


def configure_structlog(log_level: int | None = None) -> None:
    """structlog that renders only event names, through stdlib logging (and our filters)."""
    import structlog

    level = logging.getLogger().level if log_level is None else log_level
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            _drop_content,
            _render_event,
        ],
        context_class=dict,
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(max(level, logging.INFO)),
        cache_logger_on_first_use=False,
    )


def configure(level: int | str | None = None, *, stream: TextIO | None = None, patch_rasa_now: bool = False) -> None:
    """Set up logging for this process (idempotent). Level: ``level`` or ``POPBOT_LOG_LEVEL``."""
    global _installed_factory
    if level is None:
        from core.settings import load_settings

        level = load_settings().log_level
    numeric = logging.getLevelName(level.upper()) if isinstance(level, str) else int(level)
    if not isinstance(numeric, int):
        raise ValueError(f"unknown log level {level!r}")
    if logging.getLogRecordFactory() is not _factory:
        logging.setLogRecordFactory(_factory)
    _installed_factory = _factory

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_popbot", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler._popbot = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactionFilter())
    for other in root.handlers:  # handlers installed before us get the filter too
        if not any(isinstance(f, RedactionFilter) for f in other.filters):
            other.addFilter(RedactionFilter())
    root.addHandler(handler)
    root.setLevel(numeric)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.WARNING))
    configure_structlog(numeric)
    from core.rasa_compat import patch_structlog

    patch_structlog(import_now=patch_rasa_now)


def exception_summary(exc: BaseException, frames: int = 6) -> str:
    """``KeyError at bot/x.py:12 in f <- ...``: the type and where, never the message.

    For logging failures on paths that handle a child's message: an exception's text may carry
    content (Rasa puts user text into some of them), so only its type and frames are logged.
    """
    import traceback

    tb = traceback.extract_tb(exc.__traceback__)[-frames:]
    where = " <- ".join(f"{os.path.basename(f.filename)}:{f.lineno} in {f.name}" for f in reversed(tb))
    return f"{type(exc).__name__} at {where}" if where else type(exc).__name__
