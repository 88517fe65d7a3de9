"""Malformed input is a 4xx, never a 500; text that cannot be stored is made storable."""
from __future__ import annotations

import json
from pathlib import Path

import aiohttp
import pytest
import sqlalchemy as sa
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import UserUttered

from bot.channels.state import updates_table
from bot.channels.web import WebInput
from bot.storage.runtime import open_storage
from bot.storage.tracker_store import EncryptedTrackerStore
from core import db as core_db
from tests.channels.conftest import _isolated_keys  # noqa: F401
from tests.channels.harness import DOMAIN, serve
from tests.channels.test_telegram import TOKEN_A, telegram_stack

SENDER = "s3ss10n-malformed-abcdefghijklmnopq"
DEEP = b"[" * 30_000 + b"]" * 30_000  # nested far past any parser limit, within the 64 KB body limit
#: JSON escapes of a lone high and a lone low surrogate (valid JSON, not valid Unicode text)
LONE = r"my dad \ud83d hits \ude00 me"


async def quiet(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, "ok")


async def test_web_deeply_nested_json_is_400() -> None:
    async with serve([WebInput(shop=False, retry_every=0)], quiet) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            for route in ("webhook", "leave"):
                async with session.post(f"{base}/webhooks/web/{route}", data=DEEP) as resp:
                    assert resp.status == 400, route
    assert handler.received == []


async def test_web_lone_surrogates_are_replaced_so_the_message_can_be_stored(tmp_path: Path) -> None:
    body = '{"sender": "%s", "message": "%s"}' % (SENDER, LONE)
    async with serve([WebInput(shop=False, retry_every=0)], quiet) as (base, handler, _):
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/webhooks/web/webhook", data=body.encode()) as resp:
                assert resp.status == 200
    [message] = handler.received
    assert message.text == "my dad \ufffd hits \ufffd me"
    await _stored(tmp_path, message)


async def _stored(tmp_path: Path, message: UserMessage) -> None:
    """The real encrypted store accepts the text (it refuses lone surrogates)."""
    storage = open_storage(database_url=f"sqlite:///{tmp_path / 'store.db'}")
    store = EncryptedTrackerStore(domain=DOMAIN, storage=storage)
    tracker = await store.get_or_create_tracker(message.sender_id)
    tracker.update(UserUttered(message.text))
    await store.save(tracker)
    assert [e.text for e in (await store.retrieve(message.sender_id)).events if e.type_name == "user"] == [message.text]
    storage.close()


async def test_telegram_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, base):
        update = json.dumps(fake.user_update("PLACEHOLDER", chat_id=77, update_id=31)).replace("PLACEHOLDER", LONE)
        secret = fake.webhooks[TOKEN_A]["secret_token"]
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/webhooks/telegram/rumianek/webhook", data=update.encode(),
                                    headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as resp:
                assert resp.status == 200
    [message] = handler.received
    assert message.text == "my dad \ufffd hits \ufffd me"
    await _stored(tmp_path, message)


@pytest.mark.parametrize(
    "body",
    [
        DEEP,
        b'{"update_id": "12", "message": {}}',
        b'{"update_id": 1.5}',
        b'{"update_id": true}',
        b'{"update_id": -4}',
        b'{"update_id": 99999999999999999999999}',
        b'{"update_id": [1]}',
        b'{"update_id": 41, "message": "hello"}',
        b'{"update_id": 42, "message": {"text": "no chat, no date"}}',
        b'{"update_id": 43, "message": {"message_id": "x", "date": "y", "chat": 5, "text": 7}}',
    ],
    ids=["deep", "string", "float", "bool", "negative", "huge", "list", "message-str", "no-chat", "wrong-types"],
)
async def test_telegram_malformed_update_is_400_and_leaves_no_ledger_row(tmp_path: Path, body: bytes) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    async with telegram_stack(tmp_path, db=db) as (fake, _, handler, base):
        secret = fake.webhooks[TOKEN_A]["secret_token"]
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/webhooks/telegram/rumianek/webhook", data=body,
                                    headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as resp:
                assert resp.status == 400
    assert handler.received == []
    with core_db.engine(db).connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(updates_table)).scalar() == 0
