"""Live updates: server-sent events carry the handoff's event ids and no content; a reconnect
with Last-Event-ID replays what was missed; no session, no stream."""
from __future__ import annotations

from bot.console import sessions
from bot.console.views import live
from tests.console.conftest import new_client, sse_frames, waiting

CANARY = "canary-live-5d1e my dad locked me in"


def _frames(base: str, person, path: str, count: int, headers: dict[str, str] | None = None, on_open=None) -> list[dict]:  # type: ignore[no-untyped-def]
    """The first ``count`` events of the stream, read from a real socket with the person's cookie."""
    return sse_frames(base + path, person.client.cookies[sessions.COOKIE], count, headers=headers, on_open=on_open,
                      forbidden=CANARY)


def test_events_replay_after_an_id_and_carry_no_content(served, people, handoff) -> None:
    person = people["counselor"]
    waiting(handoff, "web:aaaa1111", says=CANARY)
    waiting(handoff, "web:bbbb2222", urgent=True, signal="urgent")
    frames = _frames(served, person, "/events?after=0", 3)
    assert [(f["kind"], f["topic"]) for f in frames] == [("queued", "queue"), ("message", "conversation"), ("queued", "queue")]
    assert frames[0]["conversation"] == "web:aaaa1111" and frames[0]["id"] < frames[1]["id"] < frames[2]["id"]
    # a reconnect sends Last-Event-ID: only what came after it, also when ?after= says otherwise
    again = _frames(served, person, "/events?after=0", 1, headers={"Last-Event-ID": str(frames[1]["id"])})
    assert again == [frames[2]]


def test_no_session_no_stream_and_admins_get_none(app, people) -> None:
    assert new_client(app).get("/events", headers={"accept": "text/event-stream"}).status_code == 401
    assert people["admin"].client.get("/events").status_code == 403


def test_resume_point() -> None:
    class Req:
        def __init__(self, headers: dict[str, str], query: dict[str, str]) -> None:
            self.headers, self.query_params = headers, query

    assert live.after_id(Req({"last-event-id": "12"}, {"after": "3"})) == 12  # type: ignore[arg-type]
    assert live.after_id(Req({}, {"after": "3"})) == 3  # type: ignore[arg-type]
    assert live.after_id(Req({"last-event-id": "x"}, {})) == -1  # type: ignore[arg-type]


def test_an_event_committed_while_connected_arrives(served, people, handoff) -> None:
    waiting(handoff, "web:before00")
    frames = _frames(served, people["supervisor"], "/events", 1, on_open=lambda: waiting(handoff, "web:after000"))
    assert [(f["kind"], f["conversation"]) for f in frames] == [("queued", "web:after000")]  # not the older one
