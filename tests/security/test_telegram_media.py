"""Telegram beyond plain text (issue 12, part 4), with python-telegram-bot against the fake Bot
API: a caption is read as the message; media without text get a plain "text only" answer and
their kind is recorded (never the media); forwarded messages are flagged as someone else's."""
from __future__ import annotations

import json
from pathlib import Path

from rasa.shared.core.events import SlotSet

from bot.channels.telegram import MEDIA_SLOT, TEXT_ONLY
from tests.channels.conftest import _isolated_keys  # noqa: F401 - a database of the test's own
from tests.channels.test_telegram import TOKEN_A, conv, telegram_stack

PHOTO = [{"file_id": "AgACAgIAAxkBAAIBc2", "file_unique_id": "AQADm", "width": 90, "height": 90}]
VOICE = {"file_id": "AwACAgIAAxkBAAIBd", "file_unique_id": "AgADv", "duration": 3}
STICKER = {"file_id": "CAACAgIAAxkBAAIBe", "file_unique_id": "AgADs", "type": "regular",
           "width": 512, "height": 512, "is_animated": False, "is_video": False}
DOCUMENT = {"file_id": "BQACAgIAAxkBAAIBf", "file_unique_id": "AgADd", "file_name": "x.pdf"}


async def test_a_caption_is_processed_as_the_message(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        update = fake.user_update(None, chat_id=5001, photo=PHOTO, caption="my dad hits me, look at my arm")
        assert await fake.deliver(TOKEN_A, update) == 200
    [message] = handler.received
    assert message.text == "my dad hits me, look at my arm"
    assert message.sender_id == conv(5001)
    assert message.metadata == {"persona": "rumianek", "lang": "en", "caption": True}
    assert fake.called("getFile") == []  # the photo itself is never fetched


async def test_media_without_text_gets_text_only_once_and_its_kind_is_recorded(tmp_path: Path) -> None:
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        kinds = []
        for extra, lang in ((dict(photo=PHOTO), "pl"), (dict(voice=VOICE), "en"), (dict(sticker=STICKER), "es"),
                            (dict(document=DOCUMENT), "de")):
            update = fake.user_update(None, chat_id=5002, language_code=lang, **extra)
            assert await fake.deliver(TOKEN_A, update) == 200
            assert await fake.deliver(TOKEN_A, update) == 200  # a redelivery: nothing twice
            kinds.append(next(iter(extra)))
        tracker = await handler.agent.tracker_store.retrieve(conv(5002))
        sent = fake.called("sendMessage", TOKEN_A)
    assert handler.received == []  # nothing reached the NLU
    assert [m["text"] for m in sent] == [TEXT_ONLY["pl"], TEXT_ONLY["en"], TEXT_ONLY["es"], TEXT_ONLY["en"]]
    assert all(m["chat_id"] == 5002 and m["protect_content"] is False for m in sent)
    recorded = [e.value for e in tracker.events if isinstance(e, SlotSet) and e.key == MEDIA_SLOT]
    assert recorded == kinds
    assert "AgACAgIAAxkBAAIBc2" not in json.dumps([e.as_dict() for e in tracker.events])  # no file id kept
    assert fake.called("getFile") == []


async def test_forwarded_messages_are_flagged(tmp_path: Path) -> None:
    origin = {"type": "user", "date": 1700000000, "sender_user": {"id": 99, "is_bot": False, "first_name": "Dad"}}
    async with telegram_stack(tmp_path) as (fake, _, handler, _base):
        forwarded = fake.user_update("I will take all the pills tonight", chat_id=5003, forward_origin=origin)
        assert await fake.deliver(TOKEN_A, forwarded) == 200
        own = fake.user_update("hello", chat_id=5003)
        assert await fake.deliver(TOKEN_A, own) == 200
    first, second = handler.received
    assert first.metadata.get("forwarded") is True
    assert "forwarded" not in second.metadata


def test_the_counselor_transcript_shows_the_child_sent_a_photo() -> None:
    from bot.handoff.records import tracker_lines

    events = [
        {"event": "user", "text": "hello", "timestamp": 1.0, "parse_data": {"signal": "none"}},
        {"event": "slot", "name": MEDIA_SLOT, "value": "photo", "timestamp": 2.0},
        {"event": "slot", "name": MEDIA_SLOT, "value": "video_note", "timestamp": 3.0},
    ]
    lines = tracker_lines(events)
    assert [(m.author, m.text) for m in lines] == [
        ("child", "hello"), ("child", "[the child sent a photo]"), ("child", "[the child sent a video note]"),
    ]
