"""Accounts and sign-in security: argon2id, mandatory TOTP (single use, recovery codes),
sessions (new id per step, idle/absolute expiry, logout and disable end all), CSRF, lockout,
rate limit, cookies and headers."""
from __future__ import annotations

import re

import pyotp
import pytest
import sqlalchemy as sa

from bot.console import accounts, passwords, sessions
from bot.console.accounts import LoginOutcome
from bot.console.tables import accounts as accounts_table, sessions as sessions_table
from bot.console.web import CSP, HERE
from tests.console.conftest import PASSWORD, PRODUCTION_HASHER, csrf_of, enrolled, login, new_client, page_csrf


def test_passwords_are_argon2id_and_rehashed_when_parameters_change(console, clock, monkeypatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", PRODUCTION_HASHER)
    person = enrolled(console, clock, "ana", "counselor")
    with console.engine.connect() as conn:
        stored = conn.execute(sa.select(accounts_table.c.password_hash).where(accounts_table.c.username == "ana")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    weak = passwords.PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=passwords.Type.ID).hash(PASSWORD)
    with console.engine.begin() as conn:
        conn.execute(sa.update(accounts_table).where(accounts_table.c.username == "ana").values(password_hash=weak))
    outcome, _ = accounts.check_password(console, person.username, PASSWORD, "1.2.3.4")
    assert outcome is LoginOutcome.OK
    with console.engine.connect() as conn:
        rehashed = conn.execute(sa.select(accounts_table.c.password_hash).where(accounts_table.c.username == "ana")).scalar_one()
    assert rehashed != weak and "m=65536,t=3,p=4" in rehashed


def test_first_login_enrols_totp_with_a_qr_code_then_asks_for_a_new_password(app, console, clock) -> None:
    _, one_time = accounts.add_account(console, "new.person", "counselor", actor="test")
    client = new_client(app)
    reply = client.post("/login", data={"username": "new.person", "password": one_time, "csrf": csrf_of(client.get("/login").text)})
    assert reply.status_code == 303
    assert client.get("/login/continue").headers["location"] == "/login/enrol"
    assert client.get("/dashboard").headers["location"] == "/login/enrol"  # nothing else before the 2nd factor
    page = client.get("/login/enrol")
    assert page.status_code == 200 and "<svg" in page.text
    secret = page.text.split('id="totp-key">')[1].split("<")[0]
    wrong = client.post("/login/enrol", data={"code": "000000", "csrf": csrf_of(page.text)})
    assert wrong.status_code == 401
    done = client.post("/login/enrol", data={"code": pyotp.TOTP(secret).at(clock()), "csrf": csrf_of(page.text)})
    assert done.status_code == 200
    codes = [c.split("<")[0] for c in done.text.split("<li><code>")[1:]]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/login/continue").headers["location"] == "/login/password"
    page = client.get("/login/password")
    short = client.post("/login/password", data={"new_password": "short", "repeat_password": "short", "csrf": csrf_of(page.text)})
    assert short.status_code == 400
    ok = client.post("/login/password", data={"new_password": PASSWORD, "repeat_password": PASSWORD, "csrf": csrf_of(page.text)})
    assert ok.status_code == 303
    assert client.get("/dashboard").status_code == 200
    # the one-time password is spent
    clock.advance(60)
    outcome, _ = accounts.check_password(console, "new.person", one_time, "5.6.7.8")
    assert outcome is LoginOutcome.BAD


def test_a_totp_code_works_once(app, console, clock) -> None:
    person = enrolled(console, clock, "bea", "counselor")
    code = person.code(clock)
    first, second = new_client(app), new_client(app)
    for client in (first, second):
        client.post("/login", data={"username": "bea", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    assert first.post("/login/totp", data={"code": code, "csrf": page_csrf(first, "/login/totp")}).status_code == 303
    replay = second.post("/login/totp", data={"code": code, "csrf": page_csrf(second, "/login/totp")})
    assert replay.status_code == 401 and "works once" in replay.text
    assert second.get("/dashboard").headers["location"] == "/login/totp"


def test_recovery_codes_sign_in_once_each(app, console, clock) -> None:
    person = enrolled(console, clock, "cid", "supervisor")
    client = new_client(app)
    client.post("/login", data={"username": "cid", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    assert client.post("/login/totp", data={"code": person.recovery[0].upper(), "csrf": page_csrf(client, "/login/totp")}).status_code == 303
    again = new_client(app)
    again.post("/login", data={"username": "cid", "password": PASSWORD, "csrf": csrf_of(again.get("/login").text)})
    assert again.post("/login/totp", data={"code": person.recovery[0], "csrf": page_csrf(again, "/login/totp")}).status_code == 401


def test_each_login_step_issues_a_new_session_id_and_cookies_are_host_locked(app, console, clock) -> None:
    person = enrolled(console, clock, "dan", "counselor")
    client = new_client(app)
    client.get("/login")
    reply = client.post("/login", data={"username": "dan", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    cookie = reply.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.COOKIE}=")
    for part in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
        assert part.lower() in cookie.lower()
    assert "domain=" not in cookie.lower()
    before = client.cookies.get(sessions.COOKIE)
    client.post("/login/totp", data={"code": person.code(clock), "csrf": page_csrf(client, "/login/totp")})
    after = client.cookies.get(sessions.COOKIE)
    assert before and after and before != after
    stale = new_client(app)
    stale.cookies.set(sessions.COOKIE, before)
    assert stale.get("/dashboard").headers["location"] == "/login"
    with console.engine.connect() as conn:
        stored = [r.id_hash for r in conn.execute(sa.select(sessions_table))]
    assert after not in stored and before not in stored  # only hashes are stored


def test_sessions_expire_when_idle_and_absolutely(app, console, clock) -> None:
    person = enrolled(console, clock, "eve", "counselor")
    client = login(app, clock, person)
    idle = console.settings.console_idle_minutes * 60
    clock.advance(idle - 60)
    assert client.get("/dashboard").status_code == 200  # used: idle clock restarts
    clock.advance(idle + 1)
    assert client.get("/dashboard").headers["location"] == "/login"
    client = login(app, clock, person)
    for _ in range(int(console.settings.console_absolute_hours * 3600 / (idle - 60)) + 1):
        clock.advance(idle - 60)
        if client.get("/dashboard").status_code != 200:
            break
    assert client.get("/dashboard").headers["location"] == "/login"


def test_expired_sessions_nobody_presents_again_are_deleted_at_the_next_login(console, clock) -> None:
    person = enrolled(console, clock, "ivy", "counselor")
    account_id = accounts.by_username(console, person.username).id
    abandoned = sessions.create(console, account_id, "password")  # a login left at the password step
    clock.advance(sessions.PRE_LOGIN_SECONDS + 1)
    kept = sessions.create(console, account_id, "password")
    with console.engine.connect() as conn:
        rows = conn.execute(sa.select(sessions_table.c.id_hash)).scalars().all()
    assert rows == [sessions._hash(kept.token)] and abandoned.token != kept.token


def test_logout_and_disabling_end_every_session(app, console, clock) -> None:
    person = enrolled(console, clock, "fay", "counselor")
    laptop, tablet = login(app, clock, person), login(app, clock, person)
    assert laptop.post("/logout", data={"csrf": page_csrf(laptop)}).status_code == 303
    assert tablet.get("/dashboard").headers["location"] == "/login"
    laptop, tablet = login(app, clock, person), login(app, clock, person)
    accounts.set_disabled(console, "fay", True, actor="test")
    assert laptop.get("/dashboard").headers["location"] == "/login"
    assert tablet.get("/dashboard").headers["location"] == "/login"
    client = new_client(app)
    reply = client.post("/login", data={"username": "fay", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    assert reply.status_code == 401


def test_password_reset_keeps_the_second_factor(app, console, clock) -> None:
    person = enrolled(console, clock, "gus", "counselor")
    one_time = accounts.reset_password(console, "gus", actor="test")
    client = new_client(app)
    client.post("/login", data={"username": "gus", "password": one_time, "csrf": csrf_of(client.get("/login").text)})
    assert client.get("/login/continue").headers["location"] == "/login/totp"
    assert client.get("/login/password").headers["location"] == "/login/totp"
    client.post("/login/totp", data={"code": person.code(clock), "csrf": page_csrf(client, "/login/totp")})
    assert client.get("/login/continue").headers["location"] == "/login/password"


def test_reset_2fa_makes_the_next_login_enrol_again(app, console, clock) -> None:
    enrolled(console, clock, "hal", "counselor")
    accounts.reset_2fa(console, "hal", actor="test")
    client = new_client(app)
    client.post("/login", data={"username": "hal", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    assert client.get("/login/continue").headers["location"] == "/login/enrol"


def test_csrf_is_required_on_every_state_change(app, console, clock, people) -> None:
    admin = people["admin"].client
    for data, headers in (({}, {}), ({"csrf": "forged"}, {}), ({"csrf": page_csrf(admin)}, {"origin": "https://evil.example"})):
        reply = admin.post("/admin/accounts", data={"username": "mallory", "role": "admin", **data}, headers=headers)
        assert reply.status_code == 403
    assert "mallory" not in [a.username for a in accounts.list_accounts(console)]
    fresh = new_client(app)
    fresh.get("/login")
    assert fresh.post("/login", data={"username": "admin-one", "password": PASSWORD}).status_code == 403
    reply = admin.post("/admin/accounts", data={"username": "zed", "role": "counselor", "csrf": page_csrf(admin)})
    assert reply.status_code == 200 and "zed" in [a.username for a in accounts.list_accounts(console)]
    # an htmx request may carry the token in a header instead
    reply = admin.post("/settings/language", data={"lang": "pl"}, headers={"X-CSRF-Token": page_csrf(admin)})
    assert reply.status_code == 303


def test_lockout_after_repeated_failures_then_unlock_after_the_period(app, console, clock) -> None:
    person = enrolled(console, clock, "ida", "counselor")
    for _ in range(accounts.LOCK_AFTER):
        outcome, _ = accounts.check_password(console, "ida", "wrong password!!", "9.9.9.9")
    assert outcome is LoginOutcome.LOCKED
    # even the right password is refused while locked, and the page says so
    client = new_client(app)
    reply = client.post("/login", data={"username": "ida", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    assert reply.status_code == 401 and "locked" in reply.text
    clock.advance(accounts.LOCK_SECONDS + 1)
    assert login(app, clock, person).get("/dashboard").status_code == 200


def test_wrong_totp_codes_count_towards_the_lockout(app, console, clock) -> None:
    enrolled(console, clock, "jo", "counselor")
    client = new_client(app)
    client.post("/login", data={"username": "jo", "password": PASSWORD, "csrf": csrf_of(client.get("/login").text)})
    for _ in range(accounts.LOCK_AFTER):
        reply = client.post("/login/totp", data={"code": "123456", "csrf": page_csrf(client, "/login/totp")})
    assert reply.status_code == 401 and "locked" in reply.text
    assert accounts.by_username(console, "jo").locked_until is not None


def test_login_attempts_are_rate_limited_per_source(console, clock) -> None:
    outcomes = [accounts.check_password(console, f"nobody{i}", "x" * 12, "7.7.7.7")[0] for i in range(accounts.RATE_LIMIT + 1)]
    assert outcomes[-1] is LoginOutcome.LIMITED and LoginOutcome.LIMITED not in outcomes[:-1]
    assert accounts.check_password(console, "nobody", "x" * 12, "8.8.8.8")[0] is LoginOutcome.BAD
    clock.advance(accounts.RATE_WINDOW + 1)
    assert accounts.check_password(console, "nobody", "x" * 12, "7.7.7.7")[0] is LoginOutcome.BAD


def test_every_response_has_no_store_and_a_strict_csp(app, people) -> None:
    anonymous = new_client(app)
    for client, path in ((anonymous, "/login"), (anonymous, "/health"), (anonymous, "/static/console.css"),
                         (people["admin"].client, "/admin"), (anonymous, "/nope")):
        reply = client.get(path)
        assert reply.headers["cache-control"] == "no-store"
        assert reply.headers["content-security-policy"] == CSP
        assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
        assert reply.headers["x-frame-options"] == "DENY"


def test_pages_carry_no_secrets_and_no_conversation_storage(app, console, clock, people) -> None:
    admin = people["admin"].client
    page = admin.get("/admin").text
    for person in people.values():
        assert person.secret not in page and not any(code in page for code in person.recovery)
    assert "$argon2" not in page and PASSWORD not in page
    script = (HERE / "static" / "console.js").read_text()
    assert "localStorage" not in script and "sessionStorage" not in script


def test_unknown_users_and_wrong_passwords_get_the_same_answer(app, console, clock) -> None:
    enrolled(console, clock, "kim", "counselor")
    answers = []
    for username in ("kim", "no-such-user"):
        client = new_client(app)
        reply = client.post("/login", data={"username": username, "password": "wrong password!!", "csrf": csrf_of(client.get("/login").text)})
        answers.append((reply.status_code, re.sub(r'value="[^"]*"', "", reply.text)))
    assert answers[0] == answers[1]


def test_first_admin_is_created_once_with_a_one_time_password(console) -> None:
    first = accounts.ensure_first_admin(console)
    assert first is not None and first[0] == "admin" and len(first[1]) >= 16
    assert accounts.ensure_first_admin(console) is None
    admin = accounts.by_username(console, "admin")
    assert admin.role == "admin" and admin.must_change_password and not admin.totp_enrolled


@pytest.mark.postgres
def test_accounts_and_sessions_on_postgresql(pg_url, tmp_path, clock) -> None:
    from bot.console.app import create_app
    from bot.console.context import Console
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from core.settings import load_settings

    store = open_storage(load_settings({"POPBOT_VAR_DIR": str(tmp_path / "var")}), database_url=pg_url,
                         provider=FileKeyProvider(tmp_path / "keys", generate=True))
    try:
        console = Console(store, clock=clock)
        person = enrolled(console, clock, "pat", "supervisor")
        client = login(create_app(store, clock=clock), clock, person)
        assert client.get("/dashboard").status_code == 200
    finally:
        store.close()
