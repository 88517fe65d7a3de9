"""The queue, the conversation a counselor holds and the supervisor's view, through the real
pages and forms, on the real handoff service (SQLite; audited reads asserted)."""
from __future__ import annotations

import re

import pytest

from bot.console import accounts, casework, events
from bot.handoff import service
from bot.handoff.model import Actor
from bot.storage import audit
from referrals.store import DirectoryStore
from tests.console.conftest import page_csrf, waiting

CANARY = "canary-7c2f my stepfather hits me"


def _audits(handoff) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.actor, e.action) for e in audit.entries(handoff.storage)]


def test_queue_lists_urgent_first_with_sla_colours_and_no_text(app, people, handoff, clock) -> None:
    waiting(handoff, "web:normal01", says=CANARY)
    clock.advance(60)
    waiting(handoff, "web:urgent01", signal="urgent", urgent=True, persona="gametips", lang="es")
    clock.advance(90)
    client = people["counselor"].client
    page = client.get("/queue").text
    rows = re.findall(r'<tr class="(sla-\w+)( urgent)?">', page)
    assert rows == [("sla-warn", " urgent"), ("sla-ok", "")]  # urgent first: 1.5 of 2 min; normal: 2.5 of 10
    assert page.index("gametips") < page.index("rumianek")
    for path in ("/queue", "/queue/rows", "/dashboard", "/supervisor"):
        for person in people.values():
            assert CANARY not in person.client.get(path).text, path
    looks = audit.entries(handoff.storage)  # listing opens no conversation: who looked, once a minute
    assert {(e.action, e.conversation_id) for e in looks} == {("queue", "*")}
    assert sorted(e.actor for e in looks) == sorted({e.actor for e in looks})
    clock.advance(60)
    assert 'class="sla-late urgent"' in client.get("/queue/rows").text


def test_claim_read_reply_note_return_through_the_pages(app, people, handoff, clock) -> None:
    waiting(handoff, "web:child001", says=CANARY)
    client = people["counselor"].client
    csrf = page_csrf(client, "/queue")
    claimed = client.post("/conversations/web%3Achild001/claim", data={"csrf": csrf})
    assert claimed.status_code == 303 and claimed.headers["location"] == "/conversations/web%3Achild001"
    page = client.get("/conversations/web%3Achild001").text
    assert CANARY in page and "help_request" in page
    assert 'id="written-before"' not in page
    assert client.post("/conversations/web%3Achild001/reply", data={"csrf": csrf, "text": "Cześć, tu Ola."}).status_code == 303
    assert client.post("/conversations/web%3Achild001/notes", data={"csrf": csrf, "text": "note-canary-91"}).status_code == 303
    page = client.get("/conversations/web%3Achild001").text
    assert "Cześć, tu Ola." in page and "note-canary-91" in page and "sending…" in page
    assert client.post("/conversations/web%3Achild001/reply", data={"csrf": csrf, "text": ""}).status_code == 400
    assert client.post("/conversations/web%3Achild001/return", data={"csrf": csrf}).headers["location"] == "/queue"
    assert service.entry(handoff, Actor("counselor-one", "counselor"), "web:child001").state == "returned"
    assert client.get("/conversations/web%3Achild001").status_code == 403  # no longer the holder
    assert [a for _, a in _audits(handoff)] == ["queue", "claim", "read", "reply", "note", "read", "return", "queue"]


def test_others_cannot_claim_twice_read_or_act_on_it(app, console, clock, people, handoff) -> None:
    from tests.console.conftest import enrolled, login

    other = login(app, clock, enrolled(console, clock, "counselor-two", "counselor"))
    waiting(handoff, "web:child002", says=CANARY)
    mine = people["counselor"].client
    assert mine.post("/conversations/web%3Achild002/claim", data={"csrf": page_csrf(mine, "/queue")}).status_code == 303
    csrf = page_csrf(other, "/queue")
    assert other.post("/conversations/web%3Achild002/claim", data={"csrf": csrf}).status_code == 409
    refused = other.get("/conversations/web%3Achild002")
    assert refused.status_code == 403 and CANARY not in refused.text
    for what, data in (("reply", {"text": "x"}), ("notes", {"text": "x"}), ("return", {}), ("close", {"outcome": "resolved"}),
                       ("transfer", {"note": "n", "to_role": "supervisor"})):
        assert other.post(f"/conversations/web%3Achild002/{what}", data={"csrf": csrf, **data}).status_code == 403, what
    assert other.get("/conversations/web%3Anosuchid").status_code == 404


def test_transfer_carries_the_note_and_close_takes_outcome_and_categories(app, people, handoff) -> None:
    waiting(handoff, "web:child003", says=CANARY)
    counselor, supervisor = people["counselor"].client, people["supervisor"].client
    csrf = page_csrf(counselor, "/queue")
    counselor.post("/conversations/web%3Achild003/claim", data={"csrf": csrf})
    moved = counselor.post("/conversations/web%3Achild003/transfer",
                           data={"csrf": csrf, "to_user": "supervisor-one", "note": "handover-canary: talk about school"})
    assert moved.status_code == 303
    page = supervisor.get("/conversations/web%3Achild003").text
    assert "handover-canary: talk about school" in page and CANARY in page
    assert counselor.get("/conversations/web%3Achild003").status_code == 403
    csrf = page_csrf(supervisor, "/supervisor")
    closed = supervisor.post("/conversations/web%3Achild003/close",
                             data={"csrf": csrf, "outcome": "referred", "category": ["abuse_disclosure", "bullying"]})
    assert closed.status_code == 303
    entry = service.queue(handoff, Actor("supervisor-one", "supervisor"), states=("closed",))[0]
    assert (entry.outcome, entry.categories) == ("referred", ("abuse_disclosure", "bullying"))
    dashboard = supervisor.get("/dashboard").text
    assert 'id="by_outcome"' in dashboard and "referred" in dashboard and "<svg" in dashboard


def test_written_before_banner_and_identifiers_masked_by_role(app, people, handoff) -> None:
    waiting(handoff, "web:repeat01")
    sup = Actor("supervisor-one", "supervisor")
    service.claim(handoff, sup, "web:repeat01")
    service.close(handoff, sup, "web:repeat01", outcome="resolved")
    waiting(handoff, "web:repeat01", says=CANARY)
    counselor = people["counselor"].client
    counselor.post("/conversations/web%3Arepeat01/claim", data={"csrf": page_csrf(counselor, "/queue")})
    page = counselor.get("/conversations/web%3Arepeat01").text
    assert 'id="written-before"' in page and "(2 times)" in page
    assert re.search(r'id="child-id">web:…<', page)  # a counselor sees a tag, not the pseudonym
    service.transfer(handoff, Actor("counselor-one", "counselor"), "web:repeat01", note="over to you", to_user="supervisor-one")
    page = people["supervisor"].client.get("/conversations/web%3Arepeat01").text
    assert 'id="child-id">web:repeat01<' in page


def test_ready_replies_are_the_persona_voice_in_the_child_language(app, people, handoff) -> None:
    from core.persona import persona_by_id

    waiting(handoff, "web:canned01", lang="es")
    client = people["counselor"].client
    client.post("/conversations/web%3Acanned01/claim", data={"csrf": page_csrf(client, "/queue")})
    page = client.get("/conversations/web%3Acanned01").text
    rumianek = persona_by_id("rumianek")
    assert rumianek is not None
    for key in ("help_accepted", "please_wait"):
        spanish = rumianek.voice_texts(key, "es")[0]
        assert str(escape(spanish)) in page and str(escape(rumianek.voice_texts(key, "pl")[0])) not in page
    assert "{emergency_number}" not in page and "112" in page  # Poland's number filled in
    assert casework.canned_replies("plain", "en") == []


def escape(text: str) -> str:
    from markupsafe import escape as markup_escape

    return str(markup_escape(text))


def test_referral_cards_in_cover_voice_are_sent_as_the_reply(app, people, handoff, tmp_path) -> None:
    store = DirectoryStore(f"sqlite:///{tmp_path / 'directory.db'}")
    store.ensure_seeded()
    app.state.directory = lambda: store
    waiting(handoff, "web:referral", lang="pl")
    client = people["counselor"].client
    csrf = page_csrf(client, "/queue")
    client.post("/conversations/web%3Areferral/claim", data={"csrf": csrf})
    page = client.get("/conversations/web%3Areferral?place=Krak%C3%B3w").text
    cards = re.findall(r'<p class="card-text">(.*?)</p>', page, re.S)
    assert cards and "116" in cards[0] and "Apteka partnerska" in cards[0]  # rumianek's cover line, exact number
    assert client.post("/conversations/web%3Areferral/referral", data={"csrf": csrf, "place": "Kraków", "index": "0"}).status_code == 303
    transcript = service.transcript(handoff, Actor("counselor-one", "counselor"), "web:referral")
    assert transcript.messages[-1].author == "counselor" and "Apteka partnerska" in transcript.messages[-1].text
    assert client.post("/conversations/web%3Areferral/referral", data={"csrf": csrf, "place": "Kraków", "index": "9"}).status_code == 400


def test_supervisor_sees_holders_silent_alerts_reassigns_and_reads_with_a_reason(app, console, people, handoff, clock) -> None:
    from bot.handoff import bot_side

    waiting(handoff, "web:silent01")
    service.claim(handoff, Actor("counselor-one", "counselor"), "web:silent01")
    bot_side.record_child_message(handoff, "web:silent01", CANARY, signal="distress", urgent=False)
    clock.advance(casework.SILENT_MINUTES * 60 + 61)
    supervisor = people["supervisor"].client
    page = supervisor.get("/supervisor").text
    assert "Silent for 6 min" in page and "counselor-one" in page and CANARY not in page
    csrf = page_csrf(supervisor, "/supervisor")
    short = supervisor.post("/conversations/web%3Asilent01/monitor", data={"csrf": csrf, "reason": "because"})
    assert short.status_code == 403 and CANARY not in short.text
    read = supervisor.post("/conversations/web%3Asilent01/monitor", data={"csrf": csrf, "reason": "holder silent 6 min, checking"})
    assert read.status_code == 200 and CANARY in read.text and "Read-only view" in read.text and 'id="reply-form"' not in read.text
    admin_page = people["admin"].client.get("/admin").text
    assert "holder silent 6 min, checking" in admin_page and "break_glass" in admin_page
    with console.engine.connect() as conn:
        assert [e.detail for e in events.recent(conn, kinds={"break_glass"})] == ["holder silent 6 min, checking"]
    assert ("supervisor-one", "read") in _audits(handoff)
    moved = supervisor.post("/conversations/web%3Asilent01/reassign", data={"csrf": csrf, "to_user": "supervisor-one"})
    assert moved.status_code == 303
    assert service.entry(handoff, Actor("supervisor-one", "supervisor"), "web:silent01").holder == "supervisor-one"


def test_surge_shares_waiting_conversations_among_counselors_on_duty(app, console, people, handoff, clock) -> None:
    from tests.console.conftest import enrolled

    enrolled(console, clock, "counselor-two", "counselor")
    enrolled(console, clock, "counselor-off", "counselor")
    for name in ("counselor-one", "counselor-two"):
        accounts.set_duty_hours(console, accounts.by_username(console, name).id, "24/7", "UTC", actor="test")
    for n in range(3):
        waiting(handoff, f"web:surge{n:03d}", urgent=n == 2, signal="urgent" if n == 2 else "help_request")
    supervisor = people["supervisor"].client
    reply = supervisor.post("/supervisor/surge", data={"csrf": page_csrf(supervisor, "/supervisor")})
    assert reply.status_code == 200 and "3 conversations assigned." in reply.text
    held = {e.conversation_id: e.holder for e in service.queue(handoff, Actor("supervisor-one", "supervisor"))}
    assert held["web:surge002"] == "counselor-one"  # urgent first, to the least busy (then by name)
    assert sorted(held.values()) == ["counselor-one", "counselor-one", "counselor-two"]
    page = people["counselor"].client.get("/conversations/web%3Asurge002").text
    assert "Assigned by" in page  # the handover note travels


@pytest.mark.parametrize("role", ["counselor", "supervisor", "admin"])
def test_dashboard_charts_count_every_state(app, people, handoff, role: str) -> None:
    waiting(handoff, "web:dash0001", persona="gametips", lang="en")
    waiting(handoff, "web:dash0002", says=CANARY)
    page = people[role].client.get("/dashboard").text
    for key in ("by_signal", "by_persona", "by_language", "waiting_times", "by_outcome"):
        assert f'id="{key}"' in page
    assert "<svg" in page and "gametips" in page and CANARY not in page
    assert "dash0001" not in page and "dash0002" not in page  # counts only, no conversation ids
    assert "Your role does not see the charts." not in page


def _known(page: str, field: str) -> str:
    found = re.search(rf'<dd id="child-{field}" aria-labelledby="child-{field}-l">(.*?)</dd>', page, re.S)
    assert found, field
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def _slots(handoff, cid: str, **values: str) -> None:  # type: ignore[no-untyped-def]
    from bot.storage import eventlog

    with handoff.storage.engine.begin() as conn:
        eventlog.append_events(conn, handoff.storage.data_keys, cid, 0, [
            {"event": "slot", "timestamp": handoff.now() - 30, "name": name, "value": value} for name, value in values.items()
        ])


def test_conversation_shows_the_childs_location_age_and_language_to_the_holder_and_supervisor(app, people, handoff) -> None:
    waiting(handoff, "web:known01")
    _slots(handoff, "web:known01", location="Kraków", country="PL", age="13", lang="pl")
    client = people["counselor"].client
    client.post("/conversations/web%3Aknown01/claim", data={"csrf": page_csrf(client, "/queue")})
    page = client.get("/conversations/web%3Aknown01").text
    assert (_known(page, "location"), _known(page, "age"), _known(page, "lang")) == ("Kraków, PL", "13", "pl")
    assert '<dt id="child-location-l">Child&#39;s location</dt>' in page and '<dt id="child-age-l">Child&#39;s age</dt>' in page
    assert _audits(handoff)[-1] == ("counselor-one", "read")
    supervisor = people["supervisor"].client
    read = supervisor.post("/conversations/web%3Aknown01/monitor",
                           data={"csrf": page_csrf(supervisor, "/supervisor"), "reason": "holder silent, checking"}).text
    assert _known(read, "location") == "Kraków, PL"
    assert _audits(handoff)[-1] == ("supervisor-one", "read")


def test_conversation_masks_the_location_for_a_role_the_rules_refuse(app, people, handoff, monkeypatch) -> None:
    from bot.console import permissions

    shipped = permissions.rules()
    monkeypatch.setattr(permissions, "rules", lambda: {**shipped, "see_location": [frozenset({"is_supervisor"})]})
    waiting(handoff, "web:known02")
    _slots(handoff, "web:known02", location="Kraków", country="PL", age="13")
    client = people["counselor"].client
    client.post("/conversations/web%3Aknown02/claim", data={"csrf": page_csrf(client, "/queue")})
    page = client.get("/conversations/web%3Aknown02").text
    assert _known(page, "location") == "hidden for your role" and "Kraków" not in page
    assert _known(page, "age") == "13"
    supervisor = people["supervisor"].client
    read = supervisor.post("/conversations/web%3Aknown02/monitor",
                           data={"csrf": page_csrf(supervisor, "/supervisor"), "reason": "holder silent, checking"}).text
    assert _known(read, "location") == "Kraków, PL"


def test_conversation_says_not_known_without_slots(app, people, handoff) -> None:
    waiting(handoff, "web:known03")
    client = people["counselor"].client
    client.post("/conversations/web%3Aknown03/claim", data={"csrf": page_csrf(client, "/queue")})
    page = client.get("/conversations/web%3Aknown03").text
    assert (_known(page, "location"), _known(page, "age"), _known(page, "lang")) == ("not known", "not known", "pl")


def test_live_refreshes_audit_one_read_per_session_and_window(app, console, people, handoff, clock) -> None:
    from tests.console.conftest import login

    waiting(handoff, "web:refresh01", says=CANARY)
    client = people["counselor"].client
    assert client.post("/conversations/web%3Arefresh01/claim", data={"csrf": page_csrf(client, "/queue")}).status_code == 303
    reads = lambda: sum(1 for _, a in _audits(handoff) if a == "read")  # noqa: E731
    assert CANARY in client.get("/conversations/web%3Arefresh01").text and reads() == 1  # the view: audited
    for _ in range(3):  # live refreshes inside the window
        assert CANARY in client.get("/conversations/web%3Arefresh01/transcript").text
    assert reads() == 1
    clock.advance(console.settings.console_read_audit_minutes * 60 + 1)
    assert CANARY in client.get("/conversations/web%3Arefresh01/transcript").text and reads() == 2
    again = login(app, clock, people["counselor"])  # a second console session of the same person
    assert CANARY in again.get("/conversations/web%3Arefresh01/transcript").text and reads() == 3
