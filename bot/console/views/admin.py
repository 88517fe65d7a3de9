"""Administration: accounts, roles, on-duty hours, and the log of break-glass/monitor reads."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, events, i18n
from bot.console.accounts import AccountError
from bot.console.web import Who, console_of, guarded, refuse, render


def _page(request: Request, who: Who, *, notice: str = "", secret: str = "", secret_user: str = "", error: str = "", status: int = 200) -> Response:
    console = console_of(request)
    with console.engine.connect() as conn:
        access = events.recent(conn, kinds={"break_glass", "monitor"}, limit=200)
        changes = events.recent(conn, kinds=set(events.EVENTS) - {"break_glass", "monitor"}, limit=50)
    return render(request, "admin.html", {
        "accounts": accounts.list_accounts(console), "roles": accounts.ROLES, "access": access, "changes": changes,
        "secret": secret, "secret_user": secret_user, "error": error, "notice": notice,
        "now": console.now(), "availability": accounts.availability(console),
    }, who=who, status=status)


@guarded("manage_accounts")
def admin_page(request: Request, who: Who, form: dict[str, str]) -> Response:
    return _page(request, who)


@guarded("manage_accounts")
def add_account(request: Request, who: Who, form: dict[str, str]) -> Response:
    try:
        account, secret = accounts.add_account(
            console_of(request), form.get("username", ""), form.get("role", ""), actor=who.account.username,
            display_name=form.get("display_name", ""), lang=form.get("lang", "en") if form.get("lang") in i18n.LANGS else "en",
        )
    except AccountError as exc:
        return _page(request, who, error=str(exc), status=400)
    return _page(request, who, secret=secret, secret_user=account.username)


def _target(request: Request, who: Who) -> accounts.Account | None:
    try:
        return accounts.get(console_of(request), int(request.path_params["account_id"]))
    except (AccountError, ValueError):
        return None


def _self_protect(who: Who, target: accounts.Account) -> bool:
    """An administrator cannot disable or demote their own account (no lock-out by mistake)."""
    return target.id == who.account.id


@guarded("manage_accounts")
def account_action(request: Request, who: Who, form: dict[str, str]) -> Response:
    console = console_of(request)
    target = _target(request, who)
    if target is None:
        return refuse(request, who, 404, "not_found")
    what = request.path_params["what"]
    actor = who.account.username
    try:
        if what in ("disable", "role") and _self_protect(who, target):
            return refuse(request, who)
        if what == "disable":
            accounts.set_disabled(console, target.username, True, actor=actor)
        elif what == "enable":
            accounts.set_disabled(console, target.username, False, actor=actor)
        elif what == "role":
            accounts.set_role(console, target.id, form.get("role", ""), actor=actor)
        elif what == "duty":
            accounts.set_duty_hours(console, target.id, form.get("duty_hours", ""), form.get("time_zone", ""), actor=actor)
        elif what == "reset-password":
            secret = accounts.reset_password(console, target.username, actor=actor)
            return _page(request, who, secret=secret, secret_user=target.username)
        elif what == "reset-2fa":
            accounts.reset_2fa(console, target.username, actor=actor)
        else:
            return refuse(request, who, 404, "not_found")
    except AccountError as exc:
        return _page(request, who, error=str(exc), status=400)
    return RedirectResponse("/admin", status_code=303)


@guarded("change_language")
def change_language(request: Request, who: Who, form: dict[str, str]) -> Response:
    lang = form.get("lang", "")
    if lang in i18n.LANGS:
        accounts.set_lang(console_of(request), who.account.id, lang)
    target = form.get("next", "/")
    return RedirectResponse(target if target.startswith("/") and not target.startswith("//") else "/", status_code=303)
