"""Web chat sessions: ids the server issues and signs, never ids a client chose.

A session id is ``<token>.<mac>``: 32 random bytes and an HMAC-SHA256 over them keyed by the
key provider's stable ``"web-session"`` secret (derived like the pseudonym secret, so every
replica verifies what any replica issued). An id that is unsigned, signed by another key, or
cut short is not a session: the web channel starts a new conversation instead of continuing
someone else's (docs/design.md, invariant 9). The id travels in an HttpOnly, SameSite=Strict
session cookie and is never logged.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from sanic.request import Request
from sanic.response import HTTPResponse

COOKIE = "shop_session"
PURPOSE = "web-session"
_TOKEN_BYTES = 32
_PART = r"[A-Za-z0-9_-]{43}"
_FORMAT = re.compile(rf"{_PART}\.{_PART}\Z")


def _key() -> bytes:
    from bot.storage.runtime import key_provider

    return key_provider().secret(PURPOSE)


def _mac(key: bytes, token: str) -> str:
    digest = hmac.new(key, b"popbot/web-session/v1\x00" + token.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def issue(key: bytes | None = None) -> str:
    """A new signed session id (87 URL-safe characters)."""
    token = secrets.token_urlsafe(_TOKEN_BYTES)
    return f"{token}.{_mac(key or _key(), token)}"


def verify(value: object, key: bytes | None = None) -> bool:
    """True only for a session id this deployment issued (constant-time comparison)."""
    if not isinstance(value, str) or not _FORMAT.match(value):
        return False
    token, mac = value.split(".")
    return hmac.compare_digest(mac, _mac(key or _key(), token))


def set_cookie(request: Request, resp: HTTPResponse, session: str) -> None:
    """Put ``session`` in the browser's session cookie (no expiry: gone when the browser closes)."""
    resp.cookies[COOKIE] = session
    cookie = resp.cookies[COOKIE]
    cookie["path"] = "/"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    if request.headers.get("x-forwarded-proto", request.scheme) == "https":
        cookie["secure"] = True


def clear_cookie(resp: HTTPResponse) -> None:
    """Tell the browser to forget the session cookie (quick exit)."""
    resp.cookies[COOKIE] = ""
    resp.cookies[COOKIE]["max-age"] = 0
    resp.cookies[COOKIE]["path"] = "/"
    resp.cookies[COOKIE]["httponly"] = True
    resp.cookies[COOKIE]["samesite"] = "Strict"
