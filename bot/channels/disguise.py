"""The disguise at the public doors of the Rasa server: a host shows its shop and nothing else.

Installed on the Rasa app by the channels (``install``). For a request from outside:

* each persona is bound to its host names (``hosts:`` in the persona file); on such a host ``/``
  redirects to ``/shop/<persona>/``, only that persona's shop and chat are served, and the chat
  takes only that persona; personas without ``hosts`` are served only on hosts no persona lists;
* the public routes are the shop pages, the web chat (webhook, socket, quick exit) and the
  Telegram webhooks; **everything else** — ``/``, ``/version``, Rasa's API without its token,
  other personas' shops, unknown paths and methods, Sanic's own 404 and 405 — gets the same
  plain 404 page (:func:`not_found`: no-store, strict CSP, no name of the framework or a persona).

A request is *internal* when it comes from loopback, to a loopback host name, without proxy
headers: ``popbot run`` and the health checks on the same machine; those see the server as is
(Rasa's API still needs its token). A request carrying the API token is passed to Rasa.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
from typing import Any, Callable, Mapping, Optional

from sanic import response
from sanic.exceptions import MethodNotSupported, NotFound
from sanic.request import Request
from sanic.response import HTTPResponse

_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0;padding:4rem 1.5rem;background:#fbf8f1;color:#2d2a26;"
    "text-align:center}h1{font-size:1.6rem;font-weight:600}p{color:#5c5852}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
NOT_FOUND_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    f"<title>Page not found</title><style>{_STYLE}</style></head>"
    "<body><h1>Page not found</h1><p>Sorry, this page does not exist or has moved.</p></body></html>"
)
NOT_FOUND_HEADERS = {
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; frame-ancestors 'none'; base-uri 'none'",
}
_WEB_ROUTES = {"/webhooks/web/webhook": "POST", "/webhooks/web/leave": "POST", "/webhooks/web/ws": "GET"}
_SHOP = re.compile(r"/shop/([a-z][a-z0-9_]{0,63})/")
_TELEGRAM = re.compile(r"/webhooks/telegram/[A-Za-z0-9_]{1,64}/webhook\Z")
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
_PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host")

HostMap = Mapping[str, str]


def not_found() -> HTTPResponse:
    """The one plain 404 every door answers with."""
    return response.html(NOT_FOUND_PAGE, status=404, headers=NOT_FOUND_HEADERS)


def host_of(request: Request) -> str:
    """The request's host name: lower case, without port or trailing dot."""
    host = (request.headers.get("host") or "").strip().lower()
    if host.startswith("["):  # [::1]:5005
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0].rstrip(".") if ":" in host else host.rstrip(".")


def is_internal(request: Request) -> bool:
    """From loopback, to a loopback host name, through no proxy."""
    if any(request.headers.get(h) for h in _PROXY_HEADERS):
        return False
    try:
        peer = ipaddress.ip_address((request.conn_info.client_ip if request.conn_info else "") or "")
    except ValueError:
        return False
    return peer.is_loopback and host_of(request) in _LOOPBACK_NAMES


class Doors:
    """Which persona a host serves, and whether a request may reach a route."""

    def __init__(self, hosts: Optional[HostMap] = None, token: Optional[Callable[[], Optional[str]]] = None) -> None:
        self._hosts = dict(hosts) if hosts is not None else None
        self._token = token or _rasa_token

    @property
    def hosts(self) -> HostMap:
        """Host name -> persona id, from the persona files (``hosts:``) unless given."""
        if self._hosts is None:
            from core.persona import project_personas

            self._hosts = {host: p.id for p in project_personas().values() for host in p.hosts}
        return self._hosts

    def bound_persona(self, request: Request) -> Optional[str]:
        """The persona the request's host is bound to, if any."""
        return self.hosts.get(host_of(request))

    def serves(self, request: Request, persona: str) -> bool:
        """True if ``persona`` may be shown on the request's host."""
        if not self.hosts or is_internal(request):
            return True
        bound = self.bound_persona(request)
        if bound is not None:
            return persona == bound
        return persona not in set(self.hosts.values())

    def _has_token(self, request: Request) -> bool:
        offered = request.args.get("token")
        if not offered:  # a child's request: no settings read (they were re-read on every message)
            return False
        expected = self._token()
        return bool(expected) and hmac.compare_digest(offered.encode(), expected.encode())  # type: ignore[union-attr]

    def screen(self, request: Request) -> Optional[HTTPResponse]:
        """None to let the request through, else the answer (the plain 404, or ``/`` -> shop)."""
        if is_internal(request) or self._has_token(request):
            return None
        path, method = request.path, request.method
        if path == "/" and method in ("GET", "HEAD"):
            bound = self.bound_persona(request)
            return response.redirect(f"/shop/{bound}/", status=302, headers={"Cache-Control": "no-store"}) if bound else not_found()
        if _WEB_ROUTES.get(path) == method:  # the chat checks its persona against the host itself
            return None
        shop = _SHOP.match(path)
        if shop and method in ("GET", "HEAD"):
            return None if self.serves(request, shop.group(1)) else not_found()
        if method == "POST" and _TELEGRAM.match(path):
            return None
        return not_found()


def _rasa_token() -> Optional[str]:
    from core.settings import ConfigError, load_settings

    try:
        return load_settings().required_secret("rasa_token")
    except ConfigError:
        return None


def install(app: Any, doors: Doors) -> None:
    """Screen every request of ``app`` (once per app) and answer Sanic's 404/405 with the plain page."""
    if getattr(app.ctx, "popbot_doors", None) is not None:
        return
    app.ctx.popbot_doors = doors

    async def screen(request: Request) -> Optional[HTTPResponse]:
        return doors.screen(request)

    async def plain_not_found(_request: Request, _exc: Exception) -> HTTPResponse:
        return not_found()

    app.register_middleware(screen, "request")
    app.error_handler.add(NotFound, plain_not_found)
    app.error_handler.add(MethodNotSupported, plain_not_found)
