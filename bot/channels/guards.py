"""Checks at the public doors of the channels: body size and where a browser request came from.

* ``read_body``: routes are registered with ``stream=True`` so the server itself refuses a body
  over :data:`MAX_BODY` (64 KB) — by its ``Content-Length`` before reading, or while reading a
  chunked body — instead of buffering up to Sanic's 100 MB default.
* ``same_origin`` / ``cross_site``: a browser names the page that sent a request (``Origin``,
  ``Sec-Fetch-Site``); the push socket and the quick exit accept only the persona's own pages.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from sanic.request import Request

#: Largest request body the channels read (a message is at most 4096 characters).
MAX_BODY = 64 * 1024


class BodyTooLarge(ValueError):
    """The request body is over the limit; answer 413."""


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The whole body of a streamed request, refusing more than ``limit`` bytes."""
    declared = (request.headers.get("content-length") or "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"the request body is larger than {limit // 1024} KB")
    if request.stream is None:  # not a streamed route: Sanic has read it already
        body = request.body or b""
        if len(body) > limit:
            raise BodyTooLarge(f"the request body is larger than {limit // 1024} KB")
        return body
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"the request body is larger than {limit // 1024} KB")
        chunks.append(chunk)
    return b"".join(chunks)


def _host(request: Request) -> str:
    return (request.headers.get("host") or "").strip().lower()


def same_origin(request: Request) -> bool:
    """True if the request's ``Origin`` is this host (scheme ignored: TLS ends at the proxy).
    A missing or ``null`` origin is not the same origin."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.netloc.lower() == _host(request)


def cross_site(request: Request) -> bool:
    """True if a browser says the request came from another site's page. Requests without the
    browser's headers (a non-browser client) are not cross-site."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return True
    return request.headers.get("origin") is not None and not same_origin(request)


def client_address(request: Request, forwarded_hops: int = 0) -> str:
    """The client's address: the peer, or with ``forwarded_hops`` trusted proxies in front, the
    ``X-Forwarded-For`` entry that many hops back (entries further left are client-supplied and
    never trusted). Used only as a rate-limit subject, never stored or logged in the clear."""
    peer = request.conn_info.client_ip if request.conn_info is not None else ""
    if forwarded_hops <= 0:
        return peer or "unknown"
    chain = [part.strip() for part in ",".join(request.headers.getall("x-forwarded-for", [])).split(",") if part.strip()]
    if len(chain) < forwarded_hops:
        return chain[0] if chain else (peer or "unknown")
    return chain[-forwarded_hops]
