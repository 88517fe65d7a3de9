"""Landing page and dashboard (counts only, never text)."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, charts, permissions
from bot.console.web import Who, actor_of, console_of, guarded, handoff_of, render
from bot.handoff import service

#: Every state a handoff reaches after entering the queue (the dashboard counts them all).
COUNTED_STATES = ("waiting", "held", "returned", "closed")


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
    if permissions.allowed("view_queue", who.account):  # the service lists handoffs to these roles only
        ctx = handoff_of(request)
        figures, note = charts.charts(service.queue(ctx, actor_of(who), states=COUNTED_STATES), ctx.now()), ""
    return render(request, "dashboard.html", {
        "by_role": by_role, "charts": figures, "charts_note": note, "draw": charts.svg,
        "availability": accounts.availability(console_of(request)),
    }, who=who)
