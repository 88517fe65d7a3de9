"""The Telegram channel against a real ``rasa run`` and the fake Bot API.

Needs from ``tests/conftest.py``: ``rasa_server`` (webhook mode: ``POPBOT_PUBLIC_URL`` = the
server's URL, ``POPBOT_TELEGRAM_API_URL`` = the fake's URL, ``POPBOT_TELEGRAM_TOKEN_RUMIANEK`` =
``E2E_TOKENS["rumianek"]``) and ``fake_telegram`` (the ``ThreadedFakeTelegram`` it started).
"""
from __future__ import annotations

import pytest

from core import PROJECT_ROOT
from tests.e2e.fake_telegram import E2E_TOKENS, ThreadedFakeTelegram

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not any((PROJECT_ROOT / "models").glob("*.tar.gz")), reason="no trained model in models/"),
]
TOKEN = E2E_TOKENS["rumianek"]


def test_webhook_registered_and_secret_enforced(rasa_server: str, fake_telegram: ThreadedFakeTelegram) -> None:
    hook = fake_telegram.fake.webhooks[TOKEN]
    assert hook["url"] == f"{rasa_server}/webhooks/telegram/rumianek/webhook"
    assert fake_telegram.deliver(TOKEN, fake_telegram.user_update("hello", chat_id=61), secret="wrong-secret-xxxxxxxx") == 404


def test_coded_conversation_end_to_end_then_clean_chat(rasa_server: str, fake_telegram: ThreadedFakeTelegram) -> None:
    chat = 62
    before = len(fake_telegram.called("sendMessage", TOKEN))
    assert fake_telegram.deliver(TOKEN, fake_telegram.user_update("/start", chat_id=chat)) == 200
    assert fake_telegram.deliver(TOKEN, fake_telegram.user_update("I need the chamomile cream for my skin problems", chat_id=chat)) == 200
    sent = fake_telegram.called("sendMessage", TOKEN)[before:]
    assert sent and all(s["chat_id"] == chat for s in sent)
    assert all(s["link_preview_options"] == {"is_disabled": True} for s in sent)
    assert sent[-1]["protect_content"] is True  # the discreet confirmation is sensitive

    update = fake_telegram.user_update("please clear my basket", chat_id=chat)
    assert fake_telegram.deliver(TOKEN, update) == 200
    deleted = fake_telegram.called("deleteMessages", TOKEN)[-1]
    assert deleted["chat_id"] == chat
    assert update["message"]["message_id"] in deleted["message_ids"]
    assert len(deleted["message_ids"]) >= 5  # /start, its greeting, the code, its reply, the clean code


def test_duplicate_update_is_answered_once(rasa_server: str, fake_telegram: ThreadedFakeTelegram) -> None:
    update = fake_telegram.user_update("how much is the lavender soap?", chat_id=63)
    before = len(fake_telegram.called("sendMessage", TOKEN))
    assert fake_telegram.deliver(TOKEN, update) == 200
    after_first = len(fake_telegram.called("sendMessage", TOKEN))
    assert fake_telegram.deliver(TOKEN, update) == 200
    assert after_first > before
    assert len(fake_telegram.called("sendMessage", TOKEN)) == after_first
