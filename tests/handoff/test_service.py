"""The handoff service layer on real databases (SQLite and PostgreSQL): states, permissions,
audit in the same transaction, encrypted text, concurrent claims, events replayed by id."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.handoff import bot_side, service, tables
from bot.handoff.errors import BadInput, Conflict, NotAllowed, NotFound, UnknownActor
from bot.handoff.model import Actor, Context
from bot.storage import audit, conversations, eventlog
from tests.console.conftest import Clock

SECRET = "my stepfather hits me, canary-7f3a"


def _audit_actions(ctx: Context) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.conversation_id) for e in audit.entries(ctx.storage)]


def _kinds(ctx: Context, after: int = 0) -> list[str]:
    return [e.kind for e in service.events_since(ctx, after)]


def test_queue_claim_reply_return_each_audited_with_events(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    anna = people["anna"]
    [entry] = service.queue(ctx, anna)
    assert (entry.state, entry.persona, entry.lang, entry.signal, entry.holder, entry.episodes) == (
        "waiting", "rumianek", "pl", "help_request", None, 1)

    claimed = service.claim(ctx, anna, waiting)
    assert (claimed.state, claimed.holder) == ("held", "anna")
    sent = service.reply(ctx, anna, waiting, "Dzień dobry, tu Ola ze sklepu.")
    assert sent.delivery == "pending" and sent.author == "counselor"
    returned = service.return_to_bot(ctx, anna, waiting)
    assert (returned.state, returned.holder) == ("returned", None)
    assert service.queue(ctx, anna) == []

    assert _audit_actions(ctx) == [  # the look at the queue once (the second within the minute is not)
        ("anna", "queue", "*"), ("anna", "claim", waiting), ("anna", "reply", waiting), ("anna", "return", waiting)]
    assert [e.reason for e in audit.entries(ctx.storage)][1] == "handoff claim via console"
    assert audit.verify(ctx.storage) == []
    assert _kinds(ctx) == ["queued", "claimed", "reply", "returned"]


def test_re_entering_after_return_opens_a_new_episode(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    service.claim(ctx, people["anna"], waiting)
    service.close(ctx, people["anna"], waiting, outcome="referred", categories=["abuse_disclosure"])
    again = bot_side.enter_queue(ctx, waiting, channel="web", persona="rumianek", lang="pl", signal="urgent", urgent=True)
    assert (again.state, again.episodes, again.priority, again.outcome, again.categories) == ("waiting", 2, 1, None, ())


def test_permissions_are_checked_per_action(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    anna, ben, sue, adam = people["anna"], people["ben"], people["sue"], people["adam"]
    with pytest.raises(NotAllowed):
        service.queue(ctx, adam)  # admins manage accounts, not conversations
    with pytest.raises(NotAllowed):
        service.claim(ctx, adam, waiting)
    with pytest.raises(NotAllowed):
        service.transcript(ctx, anna, waiting)  # nobody reads before claiming
    service.claim(ctx, anna, waiting)
    for call in (
        lambda: service.reply(ctx, ben, waiting, "hi"),
        lambda: service.transcript(ctx, ben, waiting),
        lambda: service.add_note(ctx, ben, waiting, "x"),
        lambda: service.return_to_bot(ctx, ben, waiting),
        lambda: service.close(ctx, ben, waiting, outcome="resolved"),
        lambda: service.transfer(ctx, ben, waiting, note="n", to_role="supervisor"),
        lambda: service.reassign(ctx, ben, waiting, "ben"),
        lambda: service.transcript(ctx, sue, waiting, break_glass_reason="short"),
    ):
        with pytest.raises(NotAllowed):
            call()
    with pytest.raises(Conflict):
        service.claim(ctx, ben, waiting)
    # a supervisor may read with a typed reason (audited with it) and reassign
    service.transcript(ctx, sue, waiting, break_glass_reason="child at risk, holder unreachable")
    service.reassign(ctx, sue, waiting, "ben")
    assert service.entry(ctx, ben, waiting).holder == "ben"
    actions = [(e.actor, e.action) for e in audit.entries(ctx.storage)]
    assert actions == [("anna", "claim"), ("sue", "read"), ("sue", "reassign"), ("ben", "queue")]
    assert "break-glass: child at risk" in audit.entries(ctx.storage)[1].reason
    assert ("adam", "queue") not in actions and [a for a in actions if a[0] == "ben"] == [("ben", "queue")]  # refused: no entry


def test_bad_input_is_refused_with_nothing_changed(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    anna = people["anna"]
    service.claim(ctx, anna, waiting)
    for call, match in (
        (lambda: service.reply(ctx, anna, waiting, "   "), "empty"),
        (lambda: service.reply(ctx, anna, waiting, "x" * 5000), "longer"),
        (lambda: service.close(ctx, anna, waiting, outcome="done"), "outcome"),
        (lambda: service.close(ctx, anna, waiting, outcome="resolved", categories=["shoes"]), "categories"),
        (lambda: service.transfer(ctx, anna, waiting, note="n"), "exactly one"),
        (lambda: service.transfer(ctx, anna, waiting, note="n", to_user="nobody"), "account"),
        (lambda: service.transfer(ctx, anna, waiting, note="", to_role="supervisor"), "empty"),
    ):
        with pytest.raises(BadInput, match=match):
            call()
    with pytest.raises(NotFound):
        service.claim(ctx, anna, "web_unknown")
    with pytest.raises(UnknownActor):
        service.actor_for(ctx, "mallory")
    assert service.entry(ctx, anna, waiting).state == "held"
    assert _audit_actions(ctx) == [("anna", "claim", waiting), ("anna", "queue", waiting)]


def test_transfer_to_role_and_to_person_with_encrypted_note(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    anna, ben, sue = people["anna"], people["ben"], people["sue"]
    service.claim(ctx, anna, waiting)
    moved = service.transfer(ctx, anna, waiting, note="needs a supervisor: mentions police", to_role="supervisor")
    assert (moved.state, moved.holder, moved.target_role) == ("waiting", None, "supervisor")
    with pytest.raises(NotAllowed, match="supervisor"):
        service.claim(ctx, ben, waiting)
    taken = service.claim(ctx, sue, waiting)
    assert taken.handover_note == "needs a supervisor: mentions police"
    service.transfer(ctx, sue, waiting, note="back to you, calm now", to_user="anna")
    assert service.entry(ctx, anna, waiting).handover_note == "back to you, calm now"
    assert service.entry(ctx, sue, waiting).handover_note is None  # only its holder sees the note
    with ctx.storage.engine.connect() as conn:
        blob = conn.execute(sa.select(tables.conversations.c.handover_note)).scalar_one()
    assert b"calm now" not in bytes(blob)
    assert _kinds(ctx)[-3:] == ["transferred", "claimed", "transferred"]


def test_message_and_note_text_is_encrypted_at_rest(ctx: Context, people: dict[str, Actor], waiting: str, tmp_path: Path) -> None:
    anna = people["anna"]
    service.claim(ctx, anna, waiting)
    bot_side.record_child_message(ctx, waiting, SECRET, signal="abuse_disclosure", urgent=False)
    service.reply(ctx, anna, waiting, "reply canary-91c2")
    service.add_note(ctx, anna, waiting, "note canary-55d1")
    with ctx.storage.engine.connect() as conn:
        dumped = repr([conn.execute(sa.select(t)).all() for t in (tables.messages, tables.notes, tables.events, tables.conversations)])
    for canary in ("canary-7f3a", "canary-91c2", "canary-55d1", "stepfather"):
        assert canary not in dumped
    found = service.transcript(ctx, anna, waiting)
    assert [(m.author, m.text, m.signal) for m in found.messages] == [
        ("child", SECRET, "abuse_disclosure"), ("counselor", "reply canary-91c2", None)]
    assert [n.text for n in found.notes] == ["note canary-55d1"]
    if ctx.storage.engine.dialect.name == "sqlite":
        raw = Path(str(ctx.storage.engine.url.database)).read_bytes()
        assert b"canary-7f3a" not in raw and b"canary-55d1" not in raw


def test_transcript_merges_the_bot_part_from_the_tracker(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    with ctx.storage.engine.begin() as conn:
        eventlog.append_events(conn, ctx.storage.data_keys, waiting, 0, [
            {"event": "user", "timestamp": ctx.now() - 60, "text": "krem na problemy ze skórą",
             "parse_data": {"signal": "help_request", "urgent": False}},
            {"event": "bot", "timestamp": ctx.now() - 59, "text": "Czy mam poprosić specjalistkę?"},
        ])
    service.claim(ctx, people["anna"], waiting)
    lines = service.transcript(ctx, people["anna"], waiting).messages
    assert [(m.author, m.signal) for m in lines] == [("child", "help_request"), ("bot", None)]


def test_urgent_child_message_raises_priority_and_alerts(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    service.claim(ctx, people["anna"], waiting)
    mark = service.last_event_id(ctx)
    bot_side.record_child_message(ctx, waiting, "he is coming now", signal="imminent_danger", urgent=True)
    after = service.events_since(ctx, mark)
    assert [e.kind for e in after] == ["message", "priority_raised", "alert"]
    assert after[0].detail == {"message_id": after[0].detail["message_id"], "signal": "imminent_danger", "urgent": True}
    assert after[2].detail == {"reason": "urgent"}
    entry = service.entry(ctx, people["anna"], waiting)
    assert (entry.priority, entry.urgent) == (1, True)


def test_queue_orders_urgent_first_then_oldest(ctx: Context, people: dict[str, Actor], clock: Clock) -> None:
    for name, urgent in (("web_a", False), ("web_b", True), ("web_c", False)):
        bot_side.enter_queue(ctx, name, channel="web", persona="plain", lang="en", signal="help_request", urgent=urgent)
        clock.advance(5)
    assert [e.conversation_id for e in service.queue(ctx, people["anna"])] == ["web_b", "web_a", "web_c"]


def test_events_replay_after_an_id_and_carry_no_text(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    service.claim(ctx, people["anna"], waiting)
    first = service.events_since(ctx, 0)
    assert [e.id for e in first] == sorted(e.id for e in first)
    later = service.events_since(ctx, first[0].id)
    assert [e.id for e in later] == [e.id for e in first[1:]]
    bot_side.record_child_message(ctx, waiting, SECRET, signal="abuse_disclosure", urgent=False)
    assert "canary" not in repr(service.events_since(ctx, 0))


@pytest.mark.parametrize("claimers", [8])
def test_concurrent_claims_exactly_one_wins(ctx: Context, people: dict[str, Actor], waiting: str, claimers: int) -> None:
    """N threads (own connections) claim the same conversation at once: one wins, N-1 Conflict."""
    from bot.console import accounts
    from bot.console.context import Console

    actors = []
    for i in range(claimers):
        accounts.add_account(Console(ctx.storage), f"c{i}", "counselor", actor="test")
        actors.append(Actor(f"c{i}", "counselor"))
    start = threading.Barrier(claimers)
    results: list[str] = []
    lock = threading.Lock()

    def attempt(actor: Actor) -> None:
        start.wait()
        try:
            service.claim(ctx, actor, waiting)
            outcome = "won:" + actor.username
        except Conflict:
            outcome = "conflict"
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=attempt, args=(a,)) for a in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [r for r in results if r.startswith("won:")]
    assert len(winners) == 1 and results.count("conflict") == claimers - 1
    assert service.entry(ctx, people["anna"], waiting).holder == winners[0][4:]
    assert [e.action for e in audit.entries(ctx.storage)] == ["claim", "queue"]  # the losers changed nothing
    assert _kinds(ctx).count("claimed") == 1
    assert audit.verify(ctx.storage) == []


def _slots(ctx: Context, cid: str, **values: object) -> None:
    """Tracker slot events as the Rasa process stores them (encrypted event log)."""
    with ctx.storage.engine.begin() as conn:
        eventlog.append_events(conn, ctx.storage.data_keys, cid, 0, [
            {"event": "slot", "timestamp": ctx.now() - 30, "name": name, "value": value} for name, value in values.items()
        ])


def test_transcript_gives_the_childs_location_age_and_language_from_the_tracker(
    ctx: Context, people: dict[str, Actor], waiting: str,
) -> None:
    _slots(ctx, waiting, location="Kraków", country="PL", age="13", lang="pl", address="ignored")
    service.claim(ctx, people["anna"], waiting)
    mark = len(audit.entries(ctx.storage))
    child = service.transcript(ctx, people["anna"], waiting).child
    assert (child.location, child.country, child.age, child.lang, child.location_masked) == ("Kraków", "PL", "13", "pl", False)
    assert [(e.actor, e.action) for e in audit.entries(ctx.storage)[mark:]] == [("anna", "read")]
    sue = service.transcript(ctx, people["sue"], waiting, break_glass_reason="holder silent, checking").child
    assert (sue.location, sue.location_masked) == ("Kraków", False)


def test_transcript_masks_the_location_when_the_rules_say_so(
    ctx: Context, people: dict[str, Actor], waiting: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.console import permissions

    shipped = permissions.rules()
    monkeypatch.setattr(permissions, "rules", lambda: {**shipped, "see_location": [frozenset({"is_supervisor"})]})
    _slots(ctx, waiting, location="Kraków", country="PL", age="13")
    service.claim(ctx, people["anna"], waiting)
    child = service.transcript(ctx, people["anna"], waiting).child
    assert (child.location, child.country, child.age, child.location_masked) == (None, None, "13", True)
    assert "Kraków" not in repr(service.transcript(ctx, people["anna"], waiting))


def test_transcript_child_facts_unknown_and_forgotten_on_restart(ctx: Context, people: dict[str, Actor], waiting: str) -> None:
    with ctx.storage.engine.begin() as conn:
        eventlog.append_events(conn, ctx.storage.data_keys, waiting, 0, [
            {"event": "slot", "timestamp": ctx.now() - 40, "name": "location", "value": "Madrid"},
            {"event": "restart", "timestamp": ctx.now() - 35},
            {"event": "slot", "timestamp": ctx.now() - 30, "name": "age", "value": 12},
        ])
    service.claim(ctx, people["anna"], waiting)
    child = service.transcript(ctx, people["anna"], waiting).child
    assert (child.location, child.country, child.age, child.lang, child.location_masked) == (None, None, "12", None, False)


def _reads(ctx: Context, since: int) -> list[tuple[str, str]]:
    return [(e.actor, e.action) for e in audit.entries(ctx.storage)[since:] if e.action == "read"]


def test_a_refresh_inside_the_window_is_not_audited_again_a_view_always_is(
    ctx: Context, clock: Clock, people: dict[str, Actor], waiting: str,
) -> None:
    anna, window = people["anna"], ctx.storage.settings.console_read_audit_minutes * 60
    assert window > 0
    service.claim(ctx, anna, waiting)
    mark = len(audit.entries(ctx.storage))
    service.transcript(ctx, anna, waiting, view="view-a")  # opening the conversation: audited
    assert _reads(ctx, mark) == [("anna", "read")]
    clock.advance(window - 5)
    service.transcript(ctx, anna, waiting, view="view-a", refresh=True)  # live refresh in the window
    assert len(_reads(ctx, mark)) == 1
    service.transcript(ctx, anna, waiting, view="view-b", refresh=True)  # another console session
    assert len(_reads(ctx, mark)) == 2
    service.transcript(ctx, anna, waiting, view="view-a")  # opened again: at least once per view
    assert len(_reads(ctx, mark)) == 3
    clock.advance(window - 5)
    service.transcript(ctx, anna, waiting, view="view-a", refresh=True)
    assert len(_reads(ctx, mark)) == 3
    clock.advance(10)  # the window since the last audited read of view-a has passed
    service.transcript(ctx, anna, waiting, view="view-a", refresh=True)
    assert len(_reads(ctx, mark)) == 4
    service.transcript(ctx, anna, waiting)  # no view (the CLI): every read
    service.transcript(ctx, anna, waiting)
    assert len(_reads(ctx, mark)) == 6
    with ctx.storage.engine.connect() as conn:
        marks = conn.execute(sa.select(tables.reads)).all()
    # view-b's mark is older than the window: forgotten when anna's next read was audited
    assert [(m.actor, m.conversation_id, m.view) for m in marks] == [("anna", waiting, "view-a")]
    with ctx.storage.engine.begin() as conn:
        conversations.shred(conn, ctx.storage, waiting)  # what erasure and retention run
    with ctx.storage.engine.connect() as conn:
        assert conn.execute(sa.select(tables.reads)).all() == []  # erased with the conversation


def test_a_refresh_by_someone_who_may_not_read_is_refused_not_skipped(
    ctx: Context, people: dict[str, Actor], waiting: str,
) -> None:
    service.claim(ctx, people["anna"], waiting)
    service.transcript(ctx, people["anna"], waiting, view="view-a")
    with pytest.raises(NotAllowed):
        service.transcript(ctx, people["ben"], waiting, view="view-a", refresh=True)


def test_a_look_at_the_queue_is_audited_at_most_once_a_minute_per_person(
    ctx: Context, people: dict[str, Actor], waiting: str, clock: Clock,
) -> None:
    """SECURITY.md: every human access is audited. A listing shows no content, so it is recorded
    as who looked at the queue when (``queue``, conversation ``*``), not on every live refresh."""
    anna, sue = people["anna"], people["sue"]
    for _ in range(5):  # the page refreshes on every live event
        service.queue(ctx, anna)
    service.queue(ctx, sue)
    assert _audit_actions(ctx) == [("anna", "queue", "*"), ("sue", "queue", "*")]
    clock.advance(service.QUEUE_AUDIT_EVERY + 1)
    service.queue(ctx, anna)
    service.entry(ctx, anna, waiting)  # one conversation's row: recorded with its pseudonym
    service.entry(ctx, anna, waiting)
    assert _audit_actions(ctx)[2:] == [("anna", "queue", "*"), ("anna", "queue", waiting)]
    assert {e.reason for e in audit.entries(ctx.storage)} == {"handoff queue via console"}
    with pytest.raises(NotAllowed):
        service.queue(ctx, people["adam"])
    assert len(audit.entries(ctx.storage)) == 4  # a refused look leaves no entry
    assert audit.verify(ctx.storage) == []


def test_two_replicas_marking_the_same_read_at_once_both_succeed(ctx: Context, clock: Clock) -> None:
    """The read marks are upserts: a second transaction marking the same (actor, conversation,
    view) while the first is uncommitted waits for it, then updates, instead of failing."""
    from bot.handoff import records

    failures: list[BaseException] = []
    first = ctx.storage.engine.connect()
    tx = first.begin()
    records.mark_read_audited(first, "anna", "*", "queue:console", clock(), forget_before=clock() - 600)

    def second() -> None:
        try:
            with ctx.storage.engine.begin() as conn:
                records.mark_read_audited(conn, "anna", "*", "queue:console", clock() + 1, forget_before=clock() - 600)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    other = threading.Thread(target=second)
    other.start()
    other.join(timeout=1.0)  # it waits on the first transaction's row (PostgreSQL) or write lock (SQLite)
    tx.commit()
    first.close()
    other.join()
    assert failures == []
    with ctx.storage.engine.connect() as conn:
        marks = conn.execute(sa.select(tables.reads.c.audited_at)).scalars().all()
    assert marks == [clock() + 1]
