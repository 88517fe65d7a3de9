"""Keyed pseudonyms for platform ids: the only form in which a sender id reaches Rasa.

``pseudonymize("telegram", "123456789")`` is HMAC-SHA256 keyed by the provider's stable
``"pseudonym"`` secret over the kind and the id: stable across restarts and master-key
rotations, unlinkable without the key, 22 URL-safe characters (128 bits) prefixed by the kind.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re

from bot.storage.keys import MasterKeyProvider

_KIND = re.compile(r"^[a-z][a-z0-9_]{0,15}$")


def pseudonym_with(provider: MasterKeyProvider, kind: str, platform_id: str) -> str:
    """The pseudonym of ``platform_id`` of ``kind`` under ``provider``'s pseudonym secret."""
    if not _KIND.match(kind):
        raise ValueError("pseudonym kind must be 1-16 lowercase letters, digits or '_'")
    if not isinstance(platform_id, str) or not platform_id:
        raise ValueError("platform id must be a non-empty string")
    message = kind.encode() + b"\x00" + platform_id.encode("utf-8")
    digest = hmac.new(provider.secret("pseudonym"), message, hashlib.sha256).digest()[:16]
    return f"{kind}-{base64.urlsafe_b64encode(digest).rstrip(b'=').decode()}"


def pseudonymize(kind: str, platform_id: str) -> str:
    """The pseudonym of ``platform_id`` (e.g. a Telegram user id) of ``kind`` (e.g. ``"telegram"``).

    Uses this process's key provider (``bot.storage.runtime.key_provider()``).
    """
    from bot.storage.runtime import key_provider

    return pseudonym_with(key_provider(), kind, platform_id)
