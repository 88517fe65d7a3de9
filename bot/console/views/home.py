"""Landing page and dashboard (counts only, never text)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, charts, permissions
from bot.console.web import Who, actor_of, console_of, guarded, handoff_of, render
from bot.handoff import service


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
    figures, note = [], "charts_role"
    if permissions.allowed("view_statistics", who.account):
        figures, note = charts.charts(service.statistics(handoff_of(request), actor_of(who))), ""
    return render(request, "dashboard.html", {
        "by_role": by_role, "charts": figures, "charts_note": note, "draw": charts.svg,
        "availability": accounts.availability(console_of(request)),
    }, who=who)
