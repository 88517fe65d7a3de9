"""A message that comes again is answered again, never processed twice (docs/design.md, invariant 6).

Every channel gives a message an id that its retries keep: the web widget and any web client
send a random ``id`` with each message and send it again when they retry (a proxy that re-sent a
POST, a 5xx, a lost answer); Telegram's is ``tg-<bot>-<update_id>``. The tracker store keeps a hash
of that id on the user event with a unique index per conversation (``bot/storage/eventlog.py``),
written in the same transaction as the turn's events, so the record survives exactly what was
stored: a replica killed after the commit and before its answer left has stored the message
*and* its id; one killed before the commit has stored neither.

:func:`gate` runs first in Rasa's ``MessageProcessor.handle_message`` (under the conversation lock,
``core.rasa_compat.install_message_hooks``): when the conversation already holds a user event with
the message's id, the replies that turn stored are sent again through the message's output
channel (the web answer carries them; Telegram's reply ledger skips those already delivered) and
the message is not processed. Two copies that arrive at once queue for the same lock, so the
second one finds the first one's turn. Nothing here logs an id or a text.
"""
from __future__ import annotations

import logging
from typing import Any

from core import rasa_compat

logger = logging.getLogger(__name__)


def replies_of(turn: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages the bot sent in a stored turn (its user event first), as Rasa's output
    channels take them (``BotUttered.message()``), up to the turn's ``action_listen``."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import BotUttered, Event

    replies = []
    for data in turn[1:]:
        if data.get("event") == "action" and data.get("name") == ACTION_LISTEN_NAME:
            break
        if data.get("event") == "bot":
            event = Event.from_parameters(data)
            if isinstance(event, BotUttered):
                replies.append(event.message())
    return replies


async def gate(processor: Any, message: Any) -> bool:
    """True (not processed again) if the conversation already stored this message; its stored
    replies have then been sent again through the message's output channel."""
    store = rasa_compat.unwrap_store(processor.tracker_store)
    find = getattr(store, "turn_of_message", None)
    if find is None or not message.sender_id or not message.message_id:
        return False
    turn = await find(message.sender_id, message.message_id)
    if turn is None:
        return False
    logger.info("a message that was already processed came again; answered with the replies it got")
    for reply in replies_of(turn):
        await message.output_channel.send_response(message.sender_id, reply)
    return True
