"""Who is writing, as the rest of popbot may know it: pseudonyms and reply addresses.

Every channel turns a platform id into a keyed pseudonym (``bot.storage.pseudonyms``) before
it reaches Rasa (docs/design.md, invariant 1). The platform address needed to answer later (a Telegram
chat id) is kept encrypted by ``bot.storage.reply_addresses``. This module is the channels' only
door to both, so a change in storage touches one file.
"""
from __future__ import annotations

import asyncio
import json
from typing import Any, Mapping, Protocol


class ReplyAddressBook(Protocol):
    """Keeps the (encrypted) platform address of a conversation."""

    async def remember(self, kind: str, conversation_id: str, address: Mapping[str, Any]) -> None:
        """Store ``address`` for ``conversation_id``; raises if it could not be stored."""

    async def lookup(self, kind: str, conversation_id: str) -> dict[str, Any] | None:
        """The address stored for ``conversation_id``, or None."""


def conversation_id(kind: str, platform_id: str) -> str:
    """The pseudonym Rasa sees for ``platform_id`` on channel ``kind``."""
    from bot.storage.pseudonyms import pseudonymize

    return pseudonymize(kind, platform_id)


class StorageReplyAddressBook:
    """``ReplyAddressBook`` on ``bot.storage.reply_addresses`` (encrypted at rest)."""

    async def remember(self, kind: str, conversation_id: str, address: Mapping[str, Any]) -> None:
        from bot.storage import reply_addresses

        await asyncio.to_thread(
            reply_addresses.remember, kind, conversation_id, json.dumps(dict(address), sort_keys=True)
        )

    async def lookup(self, kind: str, conversation_id: str) -> dict[str, Any] | None:
        from bot.storage import reply_addresses

        raw = await asyncio.to_thread(reply_addresses.lookup, kind, conversation_id)
        return None if raw is None else json.loads(raw)


class MemoryReplyAddressBook:
    """In-process address book for tests and single-process development only."""

    def __init__(self) -> None:
        self._addresses: dict[tuple[str, str], dict[str, Any]] = {}

    async def remember(self, kind: str, conversation_id: str, address: Mapping[str, Any]) -> None:
        self._addresses[(kind, conversation_id)] = dict(address)

    async def lookup(self, kind: str, conversation_id: str) -> dict[str, Any] | None:
        found = self._addresses.get((kind, conversation_id))
        return None if found is None else dict(found)
