"""The permission matrix: every console route × every role and no session → allowed or refused,
asserted against an explicit table (a new route without a row here fails the test)."""
from __future__ import annotations

import pytest
import yaml

from bot.console import accounts, permissions
from bot.console.app import ROUTES
from bot.console.permissions import Facts, RulesError
from tests.console.conftest import new_client, page_csrf

ROLES = ("counselor", "supervisor", "admin")
A, R = "allowed", "refused"
#: (method, path) -> outcome for counselor, supervisor, admin. "login" rows are the sign-in
#: steps (a signed-in session is sent away from them), "public" rows answer everyone.
MATRIX: dict[tuple[str, str], tuple[str, str, str] | str] = {
    ("GET", "/health"): "public",
    ("GET", "/login"): "public",
    ("POST", "/login"): "public",
    ("GET", "/login/continue"): "public",
    ("GET", "/login/totp"): "login",
    ("POST", "/login/totp"): "login",
    ("GET", "/login/enrol"): "login",
    ("POST", "/login/enrol"): "login",
    ("GET", "/login/password"): "login",
    ("POST", "/login/password"): "login",
    ("POST", "/logout"): (A, A, A),
    ("GET", "/"): (A, A, A),
    ("GET", "/dashboard"): (A, A, A),
    ("POST", "/settings/language"): (A, A, A),
    ("GET", "/admin"): (R, R, A),
    ("POST", "/admin/accounts"): (R, R, A),
    ("POST", "/admin/accounts/{account_id:int}/{what}"): (R, R, A),
    ("GET", "/queue"): (A, A, R),
    ("GET", "/queue/rows"): (A, A, R),
    ("GET", "/events"): (A, A, R),
    ("GET", "/supervisor"): (R, A, R),
    ("POST", "/supervisor/surge"): (R, A, R),
    # conversation routes: on a conversation held by counselor-one (claim: a waiting one)
    ("GET", "/conversations/{cid}"): (A, R, R),
    ("GET", "/conversations/{cid}/transcript"): (A, R, R),
    ("POST", "/conversations/{cid}/claim"): (A, A, R),
    ("POST", "/conversations/{cid}/reply"): (A, R, R),
    ("POST", "/conversations/{cid}/referral"): (A, R, R),
    ("POST", "/conversations/{cid}/notes"): (A, R, R),
    ("POST", "/conversations/{cid}/transfer"): (A, R, R),
    ("POST", "/conversations/{cid}/return"): (A, R, R),
    ("POST", "/conversations/{cid}/close"): (A, R, R),
    ("POST", "/conversations/{cid}/reassign"): (R, A, R),
    ("POST", "/conversations/{cid}/monitor"): (R, A, R),
}
#: Form fields every POST of the matrix sends (each route reads the ones it needs).
FORM = {"lang": "en", "duty_hours": "Mo 08:00-16:00", "time_zone": "UTC", "role": "counselor", "text": "hello",
        "note": "handover note", "to_role": "supervisor", "outcome": "resolved", "to_user": "supervisor-one",
        "reason": "checking on a silent chat", "place": "Kraków", "index": "0"}


def _concrete(path: str, target_id: int, cid: str = "web:nobody") -> str:
    return path.replace("{account_id:int}", str(target_id)).replace("{what}", "duty").replace("{cid}", cid)


def _conversation(app, path: str) -> str:  # type: ignore[no-untyped-def]
    """A fresh conversation for one request: waiting for a claim, else held by counselor-one."""
    import uuid

    from bot.handoff import service
    from bot.handoff.model import Actor
    from tests.console.conftest import waiting

    cid = f"web:{uuid.uuid4().hex[:12]}"
    waiting(app.state.handoff, cid)
    if not path.endswith("/claim"):
        service.claim(app.state.handoff, Actor("counselor-one", "counselor"), cid)
    return cid


def test_every_route_has_a_row_in_the_matrix() -> None:
    assert sorted((m, r.path) for r in ROUTES for m in r.methods) == sorted(MATRIX)


def _outcome_without_session(client, method: str, path: str) -> str:  # type: ignore[no-untyped-def]
    reply = client.request(method, _concrete(path, 1), data={} if method == "POST" else None)
    if reply.status_code >= 500:
        return "error"
    if MATRIX[(method, path)] == "public":
        return "answered"
    if method == "GET":
        return "to-login" if reply.status_code == 303 and reply.headers["location"] == "/login" else f"served {reply.status_code}"
    if reply.status_code == 303 and reply.headers["location"] == "/login":
        return "to-login"
    return "refused" if reply.status_code == 401 else f"served {reply.status_code}"


def test_every_route_without_a_session(app) -> None:
    client = new_client(app)
    seen = {key: _outcome_without_session(client, *key) for key in sorted(MATRIX)}
    expected = {key: ("answered" if MATRIX[key] == "public" else "to-login" if key[0] == "GET" else "refused") for key in MATRIX}
    expected[("POST", "/logout")] = "to-login"  # nothing to end: back to the login form
    assert seen == expected


def _outcome_for(app, client, console, role: str, method: str, path: str) -> str:  # type: ignore[no-untyped-def]
    cid = _conversation(app, path) if "{cid}" in path else "web:nobody"
    target = _concrete(path, accounts.by_username(console, "counselor-one").id, cid)
    data = None
    if method == "POST":
        data = {"csrf": page_csrf(client), **FORM, "username": f"x{role}{len(path)}"}
    if path == "/events":  # an endless stream: asked on a real socket, the status is the outcome
        import httpx

        from bot.console.sessions import COOKIE

        with httpx.stream("GET", app.state.served + target, headers={"cookie": f"{COOKIE}={client.cookies[COOKIE]}"}) as reply:
            return A if reply.status_code == 200 else R if reply.status_code == 403 else f"status {reply.status_code}"
    reply = client.request(method, target, data=data)
    if reply.status_code >= 500:
        return "error"
    if MATRIX[(method, path)] == "public":
        return "answered"
    if MATRIX[(method, path)] == "login":
        # a signed-in session is at no login step: sent to its own page, never served
        return "login-step" if reply.status_code in (303, 401) else f"served {reply.status_code}"
    if path == "/logout":
        ended = client.get("/dashboard").headers.get("location") == "/login"
        return A if reply.status_code == 303 and ended else R
    if reply.status_code == 403:
        return R
    if reply.status_code in (200, 303) and reply.headers.get("location") != "/login":
        return A
    return f"status {reply.status_code}"


@pytest.mark.parametrize("role", ROLES)
def test_every_route_for_each_role(app, served, console, people, role: str) -> None:
    app.state.served = served
    client = people[role].client
    keys = sorted(k for k in MATRIX if k != ("POST", "/logout")) + [("POST", "/logout")]  # logout last
    seen = {key: _outcome_for(app, client, console, role, *key) for key in keys}
    expected = {
        key: {"public": "answered", "login": "login-step"}.get(MATRIX[key]) if isinstance(MATRIX[key], str) else MATRIX[key][ROLES.index(role)]
        for key in keys
    }
    assert seen == expected


#: Service reads behind the pages, per role (counselor, supervisor, admin): the dashboard's
#: content-free statistics, and the queue (which names conversations).
SERVICE_MATRIX: dict[str, tuple[str, str, str]] = {"statistics": (A, A, A), "queue": (A, A, R)}


@pytest.mark.parametrize("role", ROLES)
def test_service_reads_for_each_role(handoff, people, role: str) -> None:
    from bot.handoff import service
    from bot.handoff.errors import NotAllowed
    from bot.handoff.model import Actor

    seen = {}
    for name in SERVICE_MATRIX:
        try:
            getattr(service, name)(handoff, Actor(f"{role}-one", role))
            seen[name] = A
        except NotAllowed:
            seen[name] = R
    assert seen == {name: outcomes[ROLES.index(role)] for name, outcomes in SERVICE_MATRIX.items()}
    page = people[role].client.get("/dashboard").text  # the dashboard draws what the service allows
    assert ('id="by_signal"' in page) == (SERVICE_MATRIX["statistics"][ROLES.index(role)] == A)


def test_conditions_combine_per_object() -> None:
    class Acc:
        def __init__(self, username: str, role: str) -> None:
            self.username, self.role = username, role

    counselor, other, supervisor, admin = Acc("c1", "counselor"), Acc("c2", "counselor"), Acc("s1", "supervisor"), Acc("a1", "admin")
    held = Facts(holder="c1", state="held")
    assert permissions.allowed("reply", counselor, held)
    assert not permissions.allowed("reply", other, held)
    assert not permissions.allowed("reply", supervisor, held)
    assert not permissions.allowed("reply", counselor, Facts(holder="c1", state="closed"))
    assert permissions.allowed("claim", other, Facts(state="waiting"))
    assert not permissions.allowed("claim", other, held)
    assert not permissions.allowed("claim", admin, Facts(state="waiting"))
    assert not permissions.allowed("break_glass_read", supervisor, Facts(holder="c1", state="held"))
    assert permissions.allowed("break_glass_read", supervisor, Facts(holder="c1", state="held", reason="child at risk, holder ill"))
    assert not permissions.allowed("break_glass_read", counselor, Facts(reason="child at risk, holder ill"))
    assert permissions.allowed("see_platform_id", supervisor) and not permissions.allowed("see_platform_id", counselor, held)
    assert permissions.allowed("see_location", counselor, held) and not permissions.allowed("see_location", other, held)
    assert not permissions.allowed("unlisted_action", admin)
    assert not permissions.allowed("view_queue", None)


def test_a_malformed_rules_file_is_refused_with_its_entry_named() -> None:
    with pytest.raises(RulesError, match=r"claim\[0\]\[0\]: unknown condition 'is_boss'"):
        permissions.parse(yaml.safe_load("claim: [[is_boss]]"))
    with pytest.raises(RulesError, match="reply"):
        permissions.parse({"reply": []})
    assert permissions.parse(yaml.safe_load(permissions.RULES_FILE.read_text()))  # the shipped file is valid


def test_a_rules_file_error_names_its_line(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules_file = tmp_path / "permissions.yml"
    rules_file.write_text("view_home: [[is_admin]]\nclaim:\n  - [is_counselor]\n  - [is_boss]\nreply: []\n", encoding="utf-8")
    monkeypatch.setattr(permissions, "RULES_FILE", rules_file)
    permissions.rules.cache_clear()
    try:
        with pytest.raises(RulesError) as raised:
            permissions.rules()
    finally:
        permissions.rules.cache_clear()
    assert str(raised.value).splitlines() == [
        f"{rules_file}:4: claim[1][0]: unknown condition 'is_boss'; expected one of: {', '.join(permissions.CONDITIONS)}",
        f"{rules_file}:5: reply: needs at least 1 (has 0)",
    ]
