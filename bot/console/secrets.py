"""Keys the console derives from the key provider (never a secret of its own in configuration):
a MAC key for CSRF tokens, recovery codes and client-address hashes, and an AES-GCM key that
seals TOTP secrets at rest."""
from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.storage.keys import MasterKeyProvider

_AAD = b"popbot/console/totp\x00"


class ConsoleKeys:
    """The console's derived keys; one per application."""

    def __init__(self, provider: MasterKeyProvider) -> None:
        self._mac = provider.secret("console-mac")
        self._seal = AESGCM(hashlib.sha256(provider.secret("console-seal")).digest())

    def mac(self, *parts: str) -> str:
        message = "\x00".join(parts).encode("utf-8")
        return hmac.new(self._mac, message, hashlib.sha256).hexdigest()

    def seal(self, secret: str, account_id: int) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._seal.encrypt(nonce, secret.encode("ascii"), _AAD + str(account_id).encode())

    def open(self, blob: bytes, account_id: int) -> str:
        return self._seal.decrypt(blob[:12], blob[12:], _AAD + str(account_id).encode()).decode("ascii")
