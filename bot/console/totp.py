"""Mandatory second factor: TOTP (RFC 6238, pyotp) with single-use codes, and recovery codes."""
from __future__ import annotations

import hmac
import secrets
import time

import pyotp
import segno

STEP = 30
ISSUER = "popbot console"
RECOVERY_COUNT = 10


def new_secret() -> str:
    return pyotp.random_base32(length=32)


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret, interval=STEP).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as inline SVG markup (made offline, no image request)."""
    return segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff", title="TOTP QR code")


def matching_step(secret: str, code: str, last_step: int, now: float | None = None) -> int | None:
    """The time step ``code`` belongs to (current ±1) if it is newer than ``last_step``.

    A code of an already used step (or an older one) is refused: each code works once."""
    code = code.strip().replace(" ", "")
    if not (len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret, interval=STEP)
    current = int((time.time() if now is None else now) // STEP)
    for step in (current - 1, current, current + 1):
        if step > last_step and hmac.compare_digest(totp.at(step * STEP), code):
            return step
    return None


def recovery_codes() -> list[str]:
    """Ten fresh recovery codes (60 random bits each), shown once."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return ["-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3)) for _ in range(RECOVERY_COUNT)]


def normalise_recovery(code: str) -> str:
    return code.strip().lower().replace(" ", "")
