"""Landing page and dashboard (counts only, never text)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, charts, permissions
from bot.console.web import Who, console_of, guarded, render


@guarded("view_home")
def home(request: Request, who: Who, form: dict[str, str]) -> Response:
    for action, page in (("view_queue", "/queue"), ("manage_accounts", "/admin")):
        if permissions.allowed(action, who.account) and page in request.app.state.pages:
            return RedirectResponse(page, status_code=303)
    return RedirectResponse("/dashboard", status_code=303)


@guarded("view_dashboard")
def dashboard(request: Request, who: Who, form: dict[str, str]) -> Response:
    staff = accounts.list_accounts(console_of(request))
    by_role = {role: sum(1 for a in staff if a.role == role and not a.disabled) for role in accounts.ROLES}
    return render(request, "dashboard.html", {
        "by_role": by_role, "charts": [], "draw": charts.svg, "availability": accounts.availability(console_of(request)),
    }, who=who)
