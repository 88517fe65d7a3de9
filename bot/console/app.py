"""The console's ASGI application: :func:`create_app` builds it from a storage context.

Every route is listed in :data:`ROUTES` with the permission action it needs (None: public or a
login step); the permission-matrix test walks this list, so a route cannot be added unchecked.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bot.console.context import Console
from bot.console.views import admin, auth, conversations, home, live, supervisor
from bot.console.web import HERE, SecurityHeaders
from bot.handoff.model import Context as HandoffContext
from bot.storage.runtime import Storage
from referrals.routing import default_store
from referrals.store import DirectoryStore


@dataclass(frozen=True)
class RouteSpec:
    path: str
    methods: tuple[str, ...]
    endpoint: Callable[..., Any]

    @property
    def action(self) -> str | None:
        return getattr(self.endpoint, "action", None)

    @property
    def stage(self) -> str | None:
        return getattr(self.endpoint, "stage", None)


async def health(request: Request) -> Response:
    return PlainTextResponse("ok")


ROUTES: list[RouteSpec] = [
    RouteSpec("/health", ("GET",), health),
    RouteSpec("/login", ("GET",), auth.login_form),
    RouteSpec("/login", ("POST",), auth.login),
    RouteSpec("/login/continue", ("GET",), auth.login_continue),
    RouteSpec("/login/totp", ("GET",), auth.totp_form),
    RouteSpec("/login/totp", ("POST",), auth.totp_submit),
    RouteSpec("/login/enrol", ("GET",), auth.enrol_form),
    RouteSpec("/login/enrol", ("POST",), auth.enrol_submit),
    RouteSpec("/login/password", ("GET",), auth.password_form),
    RouteSpec("/login/password", ("POST",), auth.password_submit),
    RouteSpec("/logout", ("POST",), auth.logout),
    RouteSpec("/", ("GET",), home.home),
    RouteSpec("/dashboard", ("GET",), home.dashboard),
    RouteSpec("/settings/language", ("POST",), admin.change_language),
    RouteSpec("/admin", ("GET",), admin.admin_page),
    RouteSpec("/admin/accounts", ("POST",), admin.add_account),
    RouteSpec("/admin/accounts/{account_id:int}/{what}", ("POST",), admin.account_action),
    RouteSpec("/queue", ("GET",), conversations.queue_page),
    RouteSpec("/queue/rows", ("GET",), conversations.queue_rows),
    RouteSpec("/events", ("GET",), live.events),
    RouteSpec("/conversations/{cid}", ("GET",), conversations.conversation_page),
    RouteSpec("/conversations/{cid}/transcript", ("GET",), conversations.transcript_part),
    RouteSpec("/conversations/{cid}/claim", ("POST",), conversations.claim),
    RouteSpec("/conversations/{cid}/reply", ("POST",), conversations.reply),
    RouteSpec("/conversations/{cid}/referral", ("POST",), conversations.send_referral),
    RouteSpec("/conversations/{cid}/notes", ("POST",), conversations.add_note),
    RouteSpec("/conversations/{cid}/transfer", ("POST",), conversations.transfer),
    RouteSpec("/conversations/{cid}/return", ("POST",), conversations.return_to_bot),
    RouteSpec("/conversations/{cid}/close", ("POST",), conversations.close),
    RouteSpec("/conversations/{cid}/reassign", ("POST",), supervisor.reassign),
    RouteSpec("/conversations/{cid}/monitor", ("POST",), supervisor.monitor),
    RouteSpec("/supervisor", ("GET",), supervisor.supervisor_page),
    RouteSpec("/supervisor/surge", ("POST",), supervisor.surge),
]


def handoff_context(storage: Storage, clock: Callable[[], float]) -> HandoffContext:
    """The handoff service's context: same storage and clock, the Redis nudge when configured."""
    return HandoffContext.of(storage, clock)


def create_app(
    storage: Storage, *, clock: Callable[[], float] | None = None, extra: list[RouteSpec] | None = None,
    directory: Callable[[], DirectoryStore] = default_store,
) -> Starlette:
    console = Console(storage) if clock is None else Console(storage, clock=clock)
    specs = ROUTES + list(extra or [])
    routes: list[Any] = [Route(s.path, s.endpoint, methods=list(s.methods)) for s in specs]
    routes.append(Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"))
    app = Starlette(routes=routes)
    app.state.console = console
    app.state.handoff = handoff_context(storage, console.clock)
    app.state.directory = directory  # the referral directory, opened on first use
    app.state.pages = {s.path for s in specs if "GET" in s.methods}
    app.add_middleware(SecurityHeaders)
    return app
