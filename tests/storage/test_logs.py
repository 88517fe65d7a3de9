"""core.logs: redaction of records from any logger and any handler; structlog keeps only names."""
from __future__ import annotations

import io
import logging

import pytest
import structlog

from core import logs


@pytest.fixture
def stream():
    out = io.StringIO()
    logs.configure("DEBUG", stream=out)
    yield out
    logs.configure("WARNING", stream=io.StringIO())


def test_redact_patterns() -> None:
    assert logs.redact("chat 123456789 ok") == "chat [redacted-number] ok"
    assert logs.redact("call +48 601-234-567") == "call [redacted-number]"
    assert logs.redact("mail jan.kowalski@example.pl") == "mail [redacted-email]"
    assert logs.redact("https://api.telegram.org/bot123456:AAAbbbCCCdddEEEfffGGGhhhIIIjjjKKKlll/send") == (
        "https://api.telegram.org/bot[redacted-token]/send"
    )
    assert logs.redact("loaded 12 personas in 3.5 s") == "loaded 12 personas in 3.5 s"


def test_third_party_debug_suppressed_own_debug_kept(stream: io.StringIO) -> None:
    logging.getLogger("rasa.core.processor").debug("Received user message 'secret words'")
    logging.getLogger("bot.storage.x").debug("own debug %d", 5)
    text = stream.getvalue()
    assert "secret words" not in text and "[rasa.core.processor debug record suppressed]" in text
    assert "own debug 5" in text


def test_handlers_added_later_get_redacted_records() -> None:
    logs.configure("INFO", stream=io.StringIO())
    late = io.StringIO()
    handler = logging.StreamHandler(late)  # e.g. coloredlogs installed by Rasa after us
    logging.getLogger().addHandler(handler)
    try:
        logging.getLogger("telegram.ext").error("update from 555666777 failed")
        logging.getLogger("rasa.core").debug("text: secret words")
    finally:
        logging.getLogger().removeHandler(handler)
        logs.configure("WARNING", stream=io.StringIO())
    assert "555666777" not in late.getvalue() and "[redacted-number]" in late.getvalue()
    assert "secret words" not in late.getvalue()


def test_structlog_fields_withheld(stream: io.StringIO) -> None:
    structlog.get_logger("rasa.core.processor").info("processor.message", text="secret words", sender_id="123456789")
    structlog.get_logger("rasa.core.processor").debug("processor.debug", text="secret debug")
    text = stream.getvalue()
    assert "processor.message (fields withheld: sender_id, text)" in text
    assert "secret" not in text and "123456789" not in text


def test_rasa_configure_structlog_is_replaced() -> None:
    import rasa.utils.log_utils as log_utils

    from bot.storage import rasa_guards

    rasa_guards.install()
    try:
        assert log_utils.configure_structlog is logs.configure_structlog
    finally:
        rasa_guards.uninstall()


def test_exceptions_redacted(stream: io.StringIO) -> None:
    try:
        raise RuntimeError("chat 998877665 broke")
    except RuntimeError:
        logging.getLogger("sanic.error").exception("handler failed")
    assert "998877665" not in stream.getvalue() and "handler failed" in stream.getvalue()


def test_quoted_text_in_third_party_records_withheld(stream: io.StringIO) -> None:
    logging.getLogger("rasa.core.channels.rest").error(
        "An exception occured while handling user message 'mama mnie bije'."
    )
    logging.getLogger("bot.channels.web").info("persona 'rumianek' loaded")
    text = stream.getvalue()
    assert "mama mnie bije" not in text and "user message '[withheld]'" in text
    assert "persona 'rumianek' loaded" in text


def test_exception_summary_names_type_and_place_never_the_message() -> None:
    from core.logs import exception_summary

    def parse(text: str) -> None:
        raise ValueError(f"could not parse {text!r}")

    try:
        parse("canary-text-4711 my dad hits me")
    except ValueError as exc:
        summary = exception_summary(exc)
    assert summary.startswith("ValueError at test_logs.py:")
    assert "in parse" in summary
    assert "canary" not in summary and "dad" not in summary
