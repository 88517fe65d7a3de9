"""Sign-in: password → (TOTP enrolment | second factor) → (own password) → signed in; sign-out.

Every step issues a new session id; the login form itself is protected by a keyed
double-submit token bound to a pre-login cookie.
"""
from __future__ import annotations

import hmac
import secrets

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.console import accounts, passwords, sessions, totp
from bot.console.accounts import Account, LoginOutcome
from bot.console.sessions import PRE_COOKIE, Session
from bot.console.web import (
    Who, clear_session_cookie, console_of, form_of, guarded, render, same_origin, set_session_cookie,
)


def next_stage(account: Account, factor_done: bool) -> str:
    """The login stage after the password (and after each later step)."""
    if not account.totp_enrolled:
        return "enrol"
    if not factor_done:
        return "password"
    if account.must_change_password:
        return "change"
    return "full"


def _login_token(request: Request, pre: str) -> str:
    return console_of(request).keys.mac("login", pre)


def _login_page(request: Request, error: str = "", status: int = 200) -> Response:
    pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    response = render(request, "login.html", {"error": error, "login_csrf": _login_token(request, pre)}, status=status)
    response.set_cookie(PRE_COOKIE, pre, httponly=True, secure=True, samesite="strict", path="/", max_age=3600)
    return response


async def login_form(request: Request) -> Response:
    return _login_page(request)


async def login(request: Request) -> Response:
    form = await form_of(request)
    pre = request.cookies.get(PRE_COOKIE, "")
    if not pre or not hmac.compare_digest(form.get("csrf", ""), _login_token(request, pre)) or not same_origin(request):
        return _login_page(request, "bad_request", 403)
    console = console_of(request)
    address = request.client.host if request.client else "unknown"
    outcome, account = await run_in_threadpool(
        accounts.check_password, console, form.get("username", ""), form.get("password", ""), address
    )
    if outcome is not LoginOutcome.OK or account is None:
        key = {"locked": "locked", "limited": "limited"}.get(outcome.value, "login_failed")
        return _login_page(request, key, 429 if outcome is LoginOutcome.LIMITED else 401)
    stage = next_stage(account, factor_done=False)
    session = await run_in_threadpool(sessions.create, console, account.id, stage)
    response = RedirectResponse("/login/continue", status_code=303)
    set_session_cookie(response, session)
    return response


def _advance(request: Request, who: Who, factor_done: bool) -> Session:
    console = console_of(request)
    account = accounts.get(console, who.account.id)
    return sessions.advance(console, who.session, next_stage(account, factor_done))


@guarded(None, stage="password")
def totp_form(request: Request, who: Who, form: dict[str, str]) -> Response:
    return render(request, "totp.html", {"error": ""}, who=who)


@guarded(None, stage="password")
def totp_submit(request: Request, who: Who, form: dict[str, str]) -> Response:
    console = console_of(request)
    outcome = accounts.check_second_factor(console, who.account.id, form.get("code", ""))
    if outcome is not LoginOutcome.OK:
        if outcome is LoginOutcome.LOCKED:
            sessions.end(console, who.session.token)
        key = "locked" if outcome is LoginOutcome.LOCKED else "totp_wrong"
        return render(request, "totp.html", {"error": key}, status=401, who=who)
    session = _advance(request, who, factor_done=True)
    response = RedirectResponse("/login/continue", status_code=303)
    set_session_cookie(response, session)
    return response


def _enrol_context(request: Request, who: Who, session: Session) -> dict[str, object]:
    console = console_of(request)
    secret = console.keys.open(session.pending, who.account.id) if session.pending else ""
    uri = totp.provisioning_uri(secret, who.account.username)
    return {"qr": totp.qr_svg(uri), "key": secret, "csrf": session.csrf}


@guarded(None, stage="enrol")
def enrol_form(request: Request, who: Who, form: dict[str, str]) -> Response:
    console = console_of(request)
    session = who.session
    if session.pending is None:
        session = sessions.set_pending(console, session, console.keys.seal(totp.new_secret(), who.account.id))
    return render(request, "enrol.html", {**_enrol_context(request, who, session), "error": ""}, who=who)


@guarded(None, stage="enrol")
def enrol_submit(request: Request, who: Who, form: dict[str, str]) -> Response:
    console = console_of(request)
    if who.session.pending is None:
        return RedirectResponse("/login/enrol", status_code=303)
    codes = accounts.complete_enrolment(console, who.account.id, who.session.pending, form.get("code", ""))
    if codes is None:
        context = {**_enrol_context(request, who, who.session), "error": "totp_wrong"}
        return render(request, "enrol.html", context, status=401, who=who)
    session = _advance(request, who, factor_done=True)
    response = render(request, "recovery.html", {"codes": codes}, who=who)
    set_session_cookie(response, session)
    return response


@guarded(None, stage="change")
def password_form(request: Request, who: Who, form: dict[str, str]) -> Response:
    return render(request, "password.html", {"error": ""}, who=who)


@guarded(None, stage="change")
def password_submit(request: Request, who: Who, form: dict[str, str]) -> Response:
    console = console_of(request)
    new, again = form.get("new_password", ""), form.get("repeat_password", "")
    error = "mismatch" if new != again else ""
    if not error:
        try:
            accounts.change_password(console, who.account.id, new)
        except passwords.PasswordPolicyError as exc:
            error = str(exc)
    if error:
        return render(request, "password.html", {"error": error}, status=400, who=who)
    session = _advance(request, who, factor_done=True)
    response = RedirectResponse("/login/continue", status_code=303)
    set_session_cookie(response, session)
    return response


async def login_continue(request: Request) -> Response:
    """After each step: go to the page of the session's stage (or sign in again)."""
    console = console_of(request)
    session = await run_in_threadpool(sessions.load, console, request.cookies.get(sessions.COOKIE))
    from bot.console.web import STAGE_PAGES

    return RedirectResponse(STAGE_PAGES[session.stage] if session else "/login", status_code=303)


async def logout(request: Request) -> Response:
    """End every session of the account (CSRF-checked when a session is live)."""
    console = console_of(request)
    session = await run_in_threadpool(sessions.load, console, request.cookies.get(sessions.COOKIE))
    if session is not None:
        form = await form_of(request)
        from bot.console.web import csrf_ok

        if not csrf_ok(request, session, form):
            return Response(status_code=403)

        def end_all() -> None:
            from bot.console import events

            with console.engine.begin() as conn:
                accounts.end_sessions(conn, session.account_id)
                account = accounts._row(conn, account_id=session.account_id)
                events.record(conn, console.now(), account.username, "logout", account.username)

        await run_in_threadpool(end_all)
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response)
    return response
