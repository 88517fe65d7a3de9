"""Password hashing with argon2id (argon2-cffi), rehash on login, one-time passwords."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: argon2id with argon2-cffi's RFC 9106 "low memory" profile (t=3, m=64 MiB, p=4).
HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4, hash_len=32, salt_len=16, type=Type.ID)
MIN_LENGTH = 12
MAX_LENGTH = 256
#: A hash computed on first use, checked when the username is unknown (same time either way).
_DUMMY: str | None = None


def _dummy() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = HASHER.hash(secrets.token_urlsafe(16))
    return _DUMMY


class PasswordPolicyError(ValueError):
    """The new password is not acceptable; the message says why."""


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify(stored: str | None, password: str) -> tuple[bool, str | None]:
    """``(matches, new_hash)``: ``new_hash`` is set when the stored hash used older parameters."""
    if len(password) > MAX_LENGTH:
        return False, None
    try:
        HASHER.verify(stored or _dummy(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if stored is None:
        return False, None
    return True, HASHER.hash(password) if HASHER.check_needs_rehash(stored) else None


def check_policy(password: str, username: str) -> None:
    """ASVS 2.1: at least 12 characters, at most 256, not the username."""
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError(f"at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise PasswordPolicyError(f"at most {MAX_LENGTH} characters")
    if username.lower() in password.lower():
        raise PasswordPolicyError("must not contain the username")


def one_time_password() -> str:
    """A random password shown once (the account must replace it at first login)."""
    return "-".join(secrets.token_urlsafe(6) for _ in range(3))
