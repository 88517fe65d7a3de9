"""The handoff hooks (bot/handoff/gate.py) run on the Rasa server's event loop for every message:
their database work must run in a worker thread, never on the loop's thread (issue 9, "blocking
database calls on the event loop"). Each database function is wrapped to record the thread it
ran on; the hooks run inside the test's running loop. Real storage (SQLite / PostgreSQL), no model.
"""
from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any, Callable

import pytest
from rasa.shared.core.events import BotUttered, UserUttered

from bot.handoff import availability, bot_side, delivery, gate, service
from bot.handoff.bot_side import state_of as state_now  # unwrapped: the test's own checks
from bot.handoff.model import Actor, Context
from bot.storage.runtime import Storage

pytestmark = pytest.mark.asyncio


class Processor:
    """What the hooks use of Rasa's ``MessageProcessor``."""

    def __init__(self, storage: Storage) -> None:
        self.tracker_store = SimpleNamespace(storage=storage)
        self.domain = None
        self.parsed = 0

    async def parse_message(self, message: Any) -> dict[str, Any]:
        self.parsed += 1
        return {"signal": "urgent", "urgent": True}


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """name -> the thread ids each database function of the hooks ran on."""
    ran: dict[str, list[int]] = {}

    def watch(owner: Any, name: str, result: Callable[..., Any] | None = None) -> None:
        original = getattr(owner, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            ran.setdefault(name, []).append(threading.get_ident())
            return result(*args, **kwargs) if result else original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapped)

    for name in ("state_of", "record_child_message", "enter_queue", "put_off"):
        watch(bot_side, name)
    watch(availability, "status")
    # the referral routing is not what is tested here: the lines are fixed
    watch(availability, "nobody_lines", lambda *a, **k: ["nobody now"])
    monkeypatch.setattr(delivery, "use_domain", lambda domain: None)
    monkeypatch.setattr(gate, "_contexts", {})
    return ran


def _tracker(sender: str, action: str) -> Any:
    return SimpleNamespace(
        sender_id=sender, latest_action_name=action,
        latest_message=SimpleNamespace(parse_data={"signal": "help_request", "urgent": False}),
        events=[UserUttered("-", parse_data={"signal": "help_request"})],
        get_slot={"persona": "rumianek", "lang": "en"}.get, get_latest_input_channel=lambda: "web",
    )


def _message(sender: str, message_id: str) -> Any:
    return SimpleNamespace(sender_id=sender, text="-", message_id=message_id)


async def test_hooks_do_their_database_work_off_the_event_loop(
    store: Storage, ctx: Context, people: dict[str, Actor], threads: dict[str, list[int]],
) -> None:
    loop_thread = threading.get_ident()
    processor = Processor(store)
    sender = "web_" + "1" * 32

    assert await gate.gate(processor, _message(sender, "m1")) is False  # not held: Rasa answers
    events = [BotUttered("someone will write", metadata={"utter_action": "utter_help_accepted"})]
    await gate.before_send(processor, events, _tracker(sender, "utter_help_accepted"))
    assert events[0].text == "nobody now"  # nobody signed in: the promise was replaced
    assert state_now(ctx, sender) == "waiting"

    events = [BotUttered("later then", metadata={"utter_action": gate.LATER})]
    await gate.before_send(processor, events, _tracker(sender, "utter_not_now"))
    assert state_now(ctx, sender) == "bot"

    await gate.before_send(processor, [], _tracker(sender, gate.QUEUE_ACTION))  # the action alone queues
    service.claim(ctx, people["anna"], sender)
    assert await gate.gate(processor, _message(sender, "m2")) is True  # held: taken over, recorded
    assert processor.parsed == 1
    entry = service.queue(ctx, people["anna"])[0]
    assert (entry.state, entry.urgent) == ("held", True)

    assert set(threads) == {"state_of", "record_child_message", "enter_queue", "put_off", "status", "nobody_lines"}
    on_loop = sorted(name for name, ids in threads.items() if loop_thread in ids)
    assert on_loop == [], f"database work on the event loop's thread: {on_loop}"


async def test_a_failed_queue_entry_still_stops_the_promise(
    store: Storage, threads: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("database gone")

    monkeypatch.setattr(bot_side, "enter_queue", broken)
    events = [BotUttered("someone will write", metadata={"utter_action": "utter_help_accepted"})]
    with pytest.raises(RuntimeError):
        await gate.before_send(Processor(store), events, _tracker("web_" + "2" * 32, "utter_help_accepted"))
