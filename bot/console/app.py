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
from bot.console.views import admin, auth, home
from bot.console.web import HERE, SecurityHeaders
from bot.storage.runtime import Storage


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
]


def create_app(storage: Storage, *, clock: Callable[[], float] | None = None, extra: list[RouteSpec] | None = None) -> Starlette:
    console = Console(storage) if clock is None else Console(storage, clock=clock)
    specs = ROUTES + list(extra or [])
    routes: list[Any] = [Route(s.path, s.endpoint, methods=list(s.methods)) for s in specs]
    routes.append(Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"))
    app = Starlette(routes=routes)
    app.state.console = console
    app.state.pages = {s.path for s in specs if "GET" in s.methods}
    app.add_middleware(SecurityHeaders)
    return app
