"""Rasa ↔ action server authentication with the shared secret ``POPBOT_ACTIONS_SECRET``.

The action server receives whole plaintext trackers, so both directions are checked
(docs/design.md, invariant 9):

* **the action server proves itself first**: before every call Rasa sends a fresh random nonce to
  ``GET /popbot/challenge`` and expects ``HMAC(secret, "server" || nonce)`` back. An impostor that
  bound the port while the real server was down cannot answer, and receives no tracker;
* **every call is signed**: ``X-Popbot-Signature: t=<unix time>,s=<HMAC(secret, "request" || t || body)>``;
  the action server refuses (401) a missing, wrong or older-than-5-minutes signature. The secret
  itself never travels.

The secret is generated into ``var/keys/actions_secret`` in embedded mode and required in
production (``core.settings.Settings.required_secret``).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from typing import Any, Optional

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Popbot-Signature"
CHALLENGE_PATH = "/popbot/challenge"
#: Signatures older (or newer) than this are refused.
MAX_SKEW_SECONDS = 300
#: Paths the action server answers without a signature (readiness only, no content).
OPEN_PATHS = frozenset({"/health", CHALLENGE_PATH})


class ActionServerNotAuthentic(RuntimeError):
    """The endpoint did not prove it knows the shared secret; nothing was sent to it."""


def _mac(secret: str, *parts: bytes) -> str:
    return hmac.new(secret.encode(), b"\x00".join(parts), hashlib.sha256).hexdigest()


def server_proof(secret: str, nonce: str) -> str:
    return _mac(secret, b"server", nonce.encode())


def sign(secret: str, body: bytes, now: Optional[float] = None) -> str:
    stamp = str(int(now if now is not None else time.time()))
    return f"t={stamp},s={_mac(secret, b'request', stamp.encode(), body)}"


def verify(secret: str, header: str, body: bytes, now: Optional[float] = None) -> bool:
    """True if ``header`` is a fresh signature of ``body`` under ``secret``."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        stamp = int(fields["t"])
        offered = fields["s"]
    except (ValueError, KeyError):
        return False
    if abs((now if now is not None else time.time()) - stamp) > MAX_SKEW_SECONDS:
        return False
    return hmac.compare_digest(offered, _mac(secret, b"request", str(stamp).encode(), body))


# --- action server side ------------------------------------------------------------------------
def protect(app: Any, secret: str) -> None:
    """Make a rasa_sdk Sanic app answer only signed requests (and the challenge)."""
    from sanic import response

    @app.middleware("request")
    async def _authenticate(request: Any) -> Any:
        if request.path == CHALLENGE_PATH:
            nonce = request.args.get("nonce", "")
            if not 16 <= len(nonce) <= 128:
                return response.json({"error": "bad nonce"}, status=400)
            return response.json({"proof": server_proof(secret, nonce)})
        if request.path in OPEN_PATHS:
            return None
        if not verify(secret, request.headers.get(SIGNATURE_HEADER, ""), request.body or b""):
            logger.warning("action server: refused an unauthenticated request")
            return response.json({"error": "unauthorized"}, status=401)
        return None


# --- Rasa side ---------------------------------------------------------------------------------
def authenticated_endpoint(endpoint: Any, secret: str) -> Any:
    """``endpoint`` (Rasa's ``EndpointConfig`` of the action server) as one that verifies the
    server and signs every request. Rasa uses the returned object like the original."""
    from rasa.utils.endpoints import EndpointConfig

    class AuthenticatedActionEndpoint(EndpointConfig):
        async def verify_server(self) -> None:
            nonce = secrets.token_urlsafe(24)
            base = self.url[: -len("/webhook")] if self.url.endswith("/webhook") else self.url.rstrip("/")
            probe = EndpointConfig(url=base + CHALLENGE_PATH)
            try:
                answer = await probe.request(method="get", content_type=None, params={"nonce": nonce}, timeout=10)
            except Exception as exc:
                raise ActionServerNotAuthentic(f"the action server did not answer the challenge ({type(exc).__name__})") from None
            proof = answer.get("proof") if isinstance(answer, dict) else None
            if not isinstance(proof, str) or not hmac.compare_digest(proof, server_proof(secret, nonce)):
                logger.error("the action endpoint failed the authentication check; nothing was sent to it")
                raise ActionServerNotAuthentic("the action endpoint failed the authentication check")

        async def request(
            self, method: str = "post", subpath: Optional[str] = None, content_type: Optional[str] = "application/json",
            compress: bool = False, **kwargs: Any,
        ) -> Optional[Any]:
            await self.verify_server()
            if "json" in kwargs:
                body = json.dumps(kwargs.pop("json")).encode()
            else:
                body = kwargs.pop("data", b"") or b""
            headers = dict(kwargs.pop("headers", {}) or {})
            headers[SIGNATURE_HEADER] = sign(secret, body)
            return await super().request(method, subpath, content_type, compress, data=body, headers=headers, **kwargs)

    if endpoint is None:
        return None
    return AuthenticatedActionEndpoint(
        url=endpoint.url, params=endpoint.params, headers=endpoint.headers, basic_auth=endpoint.basic_auth,
        token=endpoint.token, token_name=endpoint.token_name, cafile=endpoint.cafile,
        **({"type": endpoint.type} if endpoint.type else {}), **endpoint.kwargs,
    )
