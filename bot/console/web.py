"""The web plumbing every console route shares: security headers on every response, the route
guard (session → stage → CSRF → permission), cookies and template rendering."""
from __future__ import annotations

import functools
import hmac
import inspect
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.console import accounts, i18n, permissions, sessions
from bot.console.accounts import Account
from bot.console.context import Console
from bot.console.sessions import COOKIE, Session
from bot.handoff.errors import BadInput, Conflict, HandoffError, NotAllowed, NotFound
from bot.handoff.model import Actor, Context as HandoffContext

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
TEMPLATES.env.filters["timestamp"] = lambda value: datetime.fromtimestamp(value, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"cache-control", b"no-store"),
    (b"pragma", b"no-cache"),
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own form
    # posts, which the CSRF origin check must refuse; nothing leaves the console either way.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"strict-transport-security", b"max-age=31536000"),
]
#: Where each unfinished login stage continues.
STAGE_PAGES = {"password": "/login/totp", "enrol": "/login/enrol", "change": "/login/password", "full": "/"}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class SecurityHeaders:
    """Pure ASGI middleware (streams, e.g. SSE, pass untouched) adding the headers above."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass(frozen=True)
class Who:
    """The signed-in person of a request (set by the guard)."""

    session: Session
    account: Account


def console_of(request: Request) -> Console:
    return request.app.state.console


def handoff_of(request: Request) -> HandoffContext:
    return request.app.state.handoff


def actor_of(who: Who) -> Actor:
    return Actor(who.account.username, who.account.role, "console")


#: How each handoff error answers a browser: status and message key.
HANDOFF_ERRORS: tuple[tuple[type[HandoffError], int, str], ...] = (
    (NotAllowed, 403, "forbidden"), (NotFound, 404, "not_found"), (Conflict, 409, "conflict"), (BadInput, 400, "bad_request"),
)


def handoff_refusal(request: Request, who: Who, exc: HandoffError) -> HTMLResponse:
    """The page for a refused handoff call (the error's message names no child and no text)."""
    for kind, status, key in HANDOFF_ERRORS:
        if isinstance(exc, kind):
            return render(request, "error.html", {"message_key": key, "detail": str(exc)}, status=status, who=who)
    return render(request, "error.html", {"message_key": "not_available"}, status=503, who=who)


def set_session_cookie(response: Response, session: Session) -> None:
    response.set_cookie(COOKIE, session.token, httponly=True, secure=True, samesite="strict", path="/")


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")


def render(request: Request, template: str, context: dict[str, Any] | None = None, *, status: int = 200, who: Who | None = None, lang: str | None = None) -> HTMLResponse:
    lang = who.account.lang if who else (lang or i18n.pick(request.headers.get("accept-language")))
    values = {
        "t": i18n.translator(lang), "lang": lang, "who": who, "csrf": who.session.csrf if who else "",
        "can": (lambda action, facts=permissions.Facts(): permissions.allowed(action, who.account if who else None, facts)),
        "langs": i18n.LANG_NAMES, "path": request.url.path,
    }
    values.update(context or {})
    return TEMPLATES.TemplateResponse(request, template, values, status_code=status)


def refuse(request: Request, who: Who | None, status: int = 403, key: str = "forbidden") -> HTMLResponse:
    return render(request, "error.html", {"message_key": key}, status=status, who=who)


def same_origin(request: Request) -> bool:
    """Origin (or Referer), when sent, must name this host (CSRF defence in depth)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def form_of(request: Request) -> dict[str, str]:
    """The form's text fields (first value of each); every value stays in :func:`form_list`."""
    form = await request.form()
    request.state.form = form
    return {k: v for k, v in form.items() if isinstance(v, str)}


def form_list(request: Request, name: str) -> list[str]:
    """Every text value of field ``name`` (checkbox groups) of a form read by :func:`form_of`."""
    form = getattr(request.state, "form", None)
    return [v for v in form.getlist(name) if isinstance(v, str)] if form is not None else []


def csrf_ok(request: Request, session: Session, form: dict[str, str]) -> bool:
    sent = request.headers.get("x-csrf-token") or form.get("csrf", "")
    return bool(sent) and hmac.compare_digest(sent, session.csrf) and same_origin(request)


Endpoint = Callable[..., Any]


def guarded(action: str | None, *, stage: str = "full") -> Callable[[Endpoint], Endpoint]:
    """Wrap an endpoint ``fn(request, who, form)``: a live session at ``stage``, an active account,
    a valid CSRF token on every state change and permission for ``action`` (None: any role)."""

    def wrap(fn: Endpoint) -> Endpoint:
        @functools.wraps(fn)
        async def endpoint(request: Request) -> Response:
            from starlette.concurrency import run_in_threadpool

            console = console_of(request)
            session = await run_in_threadpool(sessions.load, console, request.cookies.get(COOKIE))
            if session is None:
                if request.method in UNSAFE or request.headers.get("accept") == "text/event-stream":
                    return Response(status_code=401)
                return RedirectResponse("/login", status_code=303)
            if session.stage != stage:
                if request.method in UNSAFE:
                    return Response(status_code=401)
                return RedirectResponse(STAGE_PAGES[session.stage], status_code=303)
            account = await run_in_threadpool(accounts.get, console, session.account_id)
            if account.disabled:
                await run_in_threadpool(sessions.end, console, session.token)
                return RedirectResponse("/login", status_code=303)
            who = Who(session, account)
            form: dict[str, str] = {}
            if request.method in UNSAFE:
                form = await form_of(request)
                if not csrf_ok(request, session, form):
                    return refuse(request, who, 403, "bad_request")
            if action is not None and not permissions.needs_object(action) and not permissions.allowed(action, account):
                return refuse(request, who)
            if inspect.iscoroutinefunction(fn):
                return await fn(request, who, form)
            return await run_in_threadpool(fn, request, who, form)

        endpoint.action = action  # type: ignore[attr-defined]
        endpoint.stage = stage  # type: ignore[attr-defined]
        return endpoint

    return wrap
