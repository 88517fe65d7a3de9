"""Authenticated encryption of conversation content (AES-256-GCM, 96-bit random nonces).

Every ciphertext is ``FORMAT || nonce(12) || ciphertext+tag`` and is bound by associated data
to where it belongs (conversation and event index), so a row copied to another row or another
conversation fails to decrypt instead of yielding the wrong plaintext.
"""
from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.storage.errors import DecryptionError

#: Length of a data or master key in bytes (AES-256).
KEY_BYTES = 32
#: Length of a GCM nonce in bytes (96 bits, random per encryption).
NONCE_BYTES = 12
#: First byte of every ciphertext blob; bump when the layout changes.
FORMAT_V1 = b"\x01"
_TAG_BYTES = 16


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt ``plaintext`` under ``key``, bound to ``aad``."""
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_V1 + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def decrypt(key: bytes, blob: bytes, aad: bytes, *, what: str = "ciphertext") -> bytes:
    """Decrypt a blob from :func:`encrypt`; raises :class:`DecryptionError` naming ``what``."""
    blob = bytes(blob)
    if len(blob) < 1 + NONCE_BYTES + _TAG_BYTES:
        raise DecryptionError(f"{what}: truncated ({len(blob)} bytes)")
    if blob[:1] != FORMAT_V1:
        raise DecryptionError(f"{what}: unknown format byte {blob[0]:#04x}")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise DecryptionError(
            f"{what}: authentication failed (wrong key, or the row was tampered with, "
            "swapped or truncated)"
        ) from None


def event_aad(conversation_id: str, seq: int) -> bytes:
    """Associated data of event ``seq`` of ``conversation_id``."""
    return b"popbot/event/v1\x00" + conversation_id.encode("utf-8") + b"\x00" + str(seq).encode()


def data_key_aad(conversation_id: str) -> bytes:
    """Associated data of the wrapped data key of ``conversation_id``."""
    return b"popbot/data-key/v1\x00" + conversation_id.encode("utf-8")


def reply_address_aad(pseudonym: str) -> bytes:
    """Associated data of the encrypted reply address of ``pseudonym``."""
    return b"popbot/reply-address/v1\x00" + pseudonym.encode("utf-8")
