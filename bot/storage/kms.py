"""Adapter for an external key service (cloud KMS, HashiCorp Vault transit): the production way
to keep master keys off the application hosts.

Implement :class:`KeyWrapService` against your service and expose a factory; then set
``POPBOT_KEY_PROVIDER=yourpackage.module:create_provider``. popbot never sees the master key:

* ``encrypt(version, plaintext, context)`` / ``decrypt(version, ciphertext, context)`` wrap a
  32-byte data key; ``context`` must be bound as additional authenticated data (Vault transit:
  ``context``/``associated_data``; AWS KMS: ``EncryptionContext``; GCP KMS:
  ``additional_authenticated_data``);
* ``versions()`` / ``create_version()`` / ``destroy_version(version)`` map to key versions
  (Vault: ``rotate`` + ``min_decryption_version`` / trimming; KMS: key rotation plus
  one key per version, scheduled deletion);
* the pseudonym/audit secret (never rotated) comes from ``POPBOT_PSEUDONYM_KEY`` (a secret
  store injects it) — HMAC keys cannot live in a wrap-only service.

Example factory::

    def create_provider(settings):
        return ExternalKeyProvider(VaultTransit(...), pseudonym_key=settings.pseudonym_key.get_secret_value())

No network client ships with popbot; tests exercise the adapter with an in-process service.
"""
from __future__ import annotations

from typing import Protocol

from bot.storage.errors import KeyConfigError
from bot.storage.keys import _decode_key, _derive


class KeyWrapService(Protocol):
    """The calls popbot needs from a KMS/Vault; all may raise on network errors."""

    name: str

    def versions(self) -> list[int]:
        """Versions that can still decrypt, ascending."""

    def encrypt(self, version: int, plaintext: bytes, context: bytes) -> bytes:
        """Encrypt under ``version``, binding ``context``."""

    def decrypt(self, version: int, ciphertext: bytes, context: bytes) -> bytes:
        """Decrypt; must fail (raise) on a wrong context or ciphertext."""

    def create_version(self) -> int:
        """Create and return a new newest version."""

    def destroy_version(self, version: int) -> bool:
        """Destroy (or schedule destruction of) ``version``; False if only an operator can."""


class ExternalKeyProvider:
    """A :class:`bot.storage.keys.MasterKeyProvider` on top of a :class:`KeyWrapService`."""

    generated = False
    writable = True

    def __init__(self, service: KeyWrapService, *, pseudonym_key: str) -> None:
        self._service = service
        self.name = f"external:{service.name}"
        self._root = _decode_key(pseudonym_key, "POPBOT_PSEUDONYM_KEY")
        if not service.versions():
            raise KeyConfigError(f"{self.name}: the key service reports no key version")

    def current_version(self) -> int:
        return max(self._service.versions())

    def versions(self) -> list[int]:
        return sorted(self._service.versions())

    def wrap(self, data_key: bytes, context: bytes = b"", version: int | None = None) -> tuple[int, bytes]:
        version = self.current_version() if version is None else version
        return version, self._service.encrypt(version, data_key, context)

    def unwrap(self, version: int, blob: bytes, context: bytes = b"") -> bytes:
        from bot.storage.errors import DecryptionError, KeyUnavailableError

        if version not in self._service.versions():
            raise KeyUnavailableError(f"master key version {version} is not available from {self.name}")
        try:
            return self._service.decrypt(version, bytes(blob), context)
        except Exception as exc:  # the service's own error type; never echo its payload
            raise DecryptionError(f"data key (master v{version}): {self.name} refused to decrypt") from exc

    def rotate(self) -> int:
        return self._service.create_version()

    def retire(self, version: int) -> bool:
        return self._service.destroy_version(version)

    def secret(self, purpose: str) -> bytes:
        return _derive(self._root, purpose)

    def reload(self) -> None:
        """The service is asked on every call; nothing to reload."""
