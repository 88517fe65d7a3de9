"""The storage package's exception tree: every lower-level failure is mapped to one of these."""
from __future__ import annotations

from core.settings import ConfigError


class StorageError(RuntimeError):
    """Base of every error raised by ``bot.storage``."""


class KeyConfigError(StorageError, ConfigError):
    """The key configuration is unusable (missing, malformed, generated in production)."""


class KeyUnavailableError(StorageError):
    """A master key version needed to unwrap a data key is not available (retired or missing)."""


class DecryptionError(StorageError):
    """A ciphertext did not authenticate: wrong key, tampered, swapped or truncated row.

    Never carries plaintext; never returned as wrong plaintext.
    """


class ConversationErasedError(StorageError):
    """Events exist for a conversation whose data key is gone (crypto-shredded)."""


class ConcurrentSaveError(StorageError):
    """Another turn saved the conversation after this tracker was loaded (two turns overlapped:
    the conversation lock was lost, e.g. Redis restarted). Nothing was saved; the caller fails the
    turn (web: the message is spooled and stored again later) instead of dropping its events."""


class ConversationNotFoundError(StorageError):
    """No conversation with this pseudonym is stored."""


class AuditChainError(StorageError):
    """The audit log could not be appended to or failed verification."""
