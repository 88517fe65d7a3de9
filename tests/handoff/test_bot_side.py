"""The bot's side on the trained model, action server stopped (no action endpoint): queue entry
persisted before the child reads the promise, silence while held (also across a session expiry
and for a "/restart"-looking text), the child's lines stored and classified, urgent raises the
priority, return → the next answer is a normal one; silent-holder alert and requeue."""
from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.handoff import bot_side, delivery, gate, service
from bot.handoff.model import Actor, Context
from bot.storage.runtime import Storage
from core.text import neutralise
from tests.console.conftest import Clock

pytestmark = pytest.mark.asyncio


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Storage]:  # SQLite only here; the service tests cover PostgreSQL
    from tests.handoff.conftest import _open

    opened = _open(tmp_path, f"sqlite:///{tmp_path / 'bot.db'}")
    yield opened
    opened.close()


@pytest.fixture
def bot(agent: Any, store: Storage) -> Iterator[Any]:
    """A fresh agent on the session's model: its own encrypted store, NO action server."""
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core.rasa_compat import agent_sharing_model, uninstall_message_hooks

    gate.install()
    fresh = agent_sharing_model(agent, EncryptedTrackerStore(storage=store), None)
    yield fresh
    uninstall_message_hooks()


class Watching(CollectingOutputChannel):
    """Records the handoff state at the moment each reply is sent."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.states: list[tuple[str, str]] = []

    @classmethod
    def name(cls) -> str:
        return "web"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.states.append((str(message.get("utter_action")), bot_side.state_of(self.ctx, recipient_id)))
        await super().send_response(recipient_id, message)


async def say(bot: Any, ctx: Context, sender: str, text: str, persona: str, lang: str, *, raw: bool = False) -> tuple[list[str], Watching]:
    """Send as the web channel does (neutralised); ``raw`` skips that, as a careless channel would."""
    out = Watching(ctx)
    await bot.handle_message(UserMessage(text if raw else neutralise(text), out, sender, input_channel="web",
                                         metadata={"persona": persona, "lang": lang}))
    return [m["text"] for m in out.messages if m.get("text")], out


def new_sender() -> str:
    return "web_" + uuid.uuid4().hex


@pytest.fixture
def ctx(store: Storage) -> Context:
    return Context(store)


@pytest.fixture
def anna(ctx: Context) -> Actor:
    """A counselor on duty around the clock and signed in to the console."""
    from bot.console import accounts, sessions
    from bot.console.context import Console

    console = Console(ctx.storage)
    account, _ = accounts.add_account(console, "anna", "counselor", actor="test")
    accounts.set_duty_hours(console, account.id, "24/7", "Europe/Warsaw", actor="test")
    sessions.create(console, account.id, "full")
    return service.actor_for(ctx, "anna", via="console")


async def test_urgent_enters_the_queue_before_the_child_is_told_without_action_server(bot: Any, ctx: Context, anna: Actor) -> None:
    sender = new_sender()
    replies, out = await say(bot, ctx, sender, "czy możecie wysłać krem rumiankowy dzisiaj, skóra mnie strasznie piecze", "rumianek", "pl")
    assert any("112" in r for r in replies)
    assert ("utter_emergency", "bot") in out.states  # the emergency line first, at once
    promised = [state for action, state in out.states if action in gate.PROMISES]
    assert promised and set(promised) == {"waiting"}  # persisted before the promise was sent
    [entry] = service.queue(ctx, anna)
    assert (entry.conversation_id, entry.signal, entry.urgent, entry.persona, entry.lang, entry.channel) == (
        sender, "urgent", True, "rumianek", "pl", "web")


async def test_urgent_from_the_first_line_then_the_code_is_one_claimable_queue_entry(bot: Any, ctx: Context, anna: Actor) -> None:
    """A counselor requested twice in one conversation (an urgent disclosure, then the persona's
    urgent code; issue 9d): each reply gives the emergency number, the queue holds one urgent
    entry, queued once, that a counselor claims."""
    sender = new_sender()
    first, _ = await say(bot, ctx, sender, "i have the pills in front of me", "rumianek", "en")  # training line
    again, out = await say(bot, ctx, sender, "my skin is burning right now", "rumianek", "en")  # the persona's code
    assert any("112" in r for r in first) and any("112" in r for r in again)
    assert [state for action, state in out.states if action in gate.PROMISES] == ["waiting"]
    [entry] = service.queue(ctx, anna)
    assert (entry.conversation_id, entry.urgent, entry.state, entry.priority) == (sender, True, "waiting", 1)
    assert [e.kind for e in service.events_since(ctx, 0) if e.conversation_id == sender] == ["queued"]
    assert service.claim(ctx, anna, sender).holder == "anna"


async def test_accepting_the_offer_enters_the_queue(bot: Any, ctx: Context, anna: Actor) -> None:
    sender = new_sender()
    await say(bot, ctx, sender, "do you have something for bruises on my legs? they keep coming back", "rumianek", "en")
    assert bot_side.state_of(ctx, sender) == "bot"  # a question is not a request yet
    replies, out = await say(bot, ctx, sender, "yes please", "rumianek", "en")
    assert ("utter_help_accepted", "waiting") in out.states
    entry = service.queue(ctx, anna)[0]
    assert (entry.signal, entry.urgent, entry.lang) == ("help_request", False, "en")


async def test_silent_while_held_across_session_expiry_and_restart_then_normal_after_return(
    bot: Any, ctx: Context, anna: Actor, monkeypatch: pytest.MonkeyPatch,
) -> None:
    sender = new_sender()
    await say(bot, ctx, sender, "ojczym mnie bije jak mama jest w pracy", "rumianek", "pl")
    await say(bot, ctx, sender, "tak", "rumianek", "pl")
    service.claim(ctx, anna, sender)
    tracker_before = await bot.tracker_store.retrieve_full_tracker(sender)

    assert (await say(bot, ctx, sender, "halo? jest tu ktoś?", "rumianek", "pl"))[0] == []
    assert (await say(bot, ctx, sender, "/restart", "rumianek", "pl"))[0] == []
    assert (await say(bot, ctx, sender, "/restart", "rumianek", "pl", raw=True))[0] == []  # even un-neutralised
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3 * 86400)  # Rasa's session has expired
    assert (await say(bot, ctx, sender, "dzień dobry", "rumianek", "pl"))[0] == []
    assert (await say(bot, ctx, sender, "on jest w domu, boję się", "rumianek", "pl"))[0] == []

    after = await bot.tracker_store.retrieve_full_tracker(sender)
    assert len(after.events) == len(tracker_before.events)  # nothing reached Rasa's dialogue
    lines = [m for m in service.transcript(ctx, anna, sender).messages if m.id.startswith("h")]
    assert [m.text for m in lines] == ["halo? jest tu ktoś?", neutralise("/restart"), "/restart", "dzień dobry",
                                   "on jest w domu, boję się"]
    assert all(m.author == "child" and m.signal for m in lines)

    service.return_to_bot(ctx, anna, sender)
    replies, _ = await say(bot, ctx, sender, "dzień dobry", "rumianek", "pl")
    assert replies and not any(r in variations_of(bot, "utter_out_of_scope") for r in replies)


async def test_a_line_sent_again_while_held_is_recorded_once(bot: Any, ctx: Context, anna: Actor) -> None:
    """A retried or redelivered message (same message id) reaches the counselor once; another
    message with the same words is another line (bot.channels.repeats covers the tracker)."""
    sender = new_sender()
    await say(bot, ctx, sender, "my stepdad hits me when mum is at work", "plain", "en")
    await say(bot, ctx, sender, "yes please", "plain", "en")
    service.claim(ctx, anna, sender)
    for message_id in ("line-one-0001", "line-one-0001", "line-two-0002"):
        out = Watching(ctx)
        await bot.handle_message(UserMessage("are you there?", out, sender, input_channel="web", message_id=message_id,
                                             metadata={"persona": "plain", "lang": "en"}))
        assert out.messages == []  # silent while held
    lines = [m.text for m in service.transcript(ctx, anna, sender).messages if m.id.startswith("h") and m.author == "child"]
    assert lines == ["are you there?", "are you there?"]


def variations_of(bot: Any, response: str) -> set[str]:
    return {v.get("text") for v in bot.domain.responses.get(response, [])}


async def test_urgent_line_while_held_raises_priority_and_alerts(bot: Any, ctx: Context, anna: Actor) -> None:
    sender = new_sender()
    await say(bot, ctx, sender, "my stepdad hits me when mum is at work", "plain", "en")
    await say(bot, ctx, sender, "yes please", "plain", "en")
    service.claim(ctx, anna, sender)
    mark = service.last_event_id(ctx)
    assert (await say(bot, ctx, sender, "he has a knife and he is coming to my room now", "plain", "en"))[0] == []
    kinds = [e.kind for e in service.events_since(ctx, mark)]
    assert kinds == ["message", "priority_raised", "alert"]
    entry = service.entry(ctx, anna, sender)
    assert entry.urgent and entry.priority >= 1


async def test_silent_holder_alert_then_requeue_with_please_wait_in_cover_voice(bot: Any, ctx: Context, anna: Actor) -> None:
    sender = new_sender()
    clock = Clock()
    ctx.clock = clock
    first = await say(bot, ctx, sender, "ojczym mnie bije jak mama jest w pracy", "rumianek", "pl")
    second = await say(bot, ctx, sender, "tak", "rumianek", "pl")
    assert bot_side.state_of(ctx, sender) == "waiting", (first[0], second[0], second[1].states)
    service.claim(ctx, anna, sender)
    await say(bot, ctx, sender, "halo?", "rumianek", "pl")
    worker = delivery.Deliverer(ctx)
    settings = ctx.storage.settings
    clock.advance(settings.handoff_alert_seconds + 1)
    assert worker.check_timers() == [sender]
    assert worker.check_timers() == []  # one alert per wait
    clock.advance(settings.handoff_requeue_seconds)
    assert worker.check_timers() == [sender]
    entry = service.entry(ctx, anna, sender)
    assert (entry.state, entry.holder) == ("waiting", None)
    kinds = [e.kind for e in service.events_since(ctx)]
    assert [k for k in kinds if k in ("alert", "requeued")] == ["alert", "requeued"]
    sent: list[tuple[str, str]] = []

    async def web(conversation: str, text: str) -> None:
        sent.append((conversation, text))

    worker.senders["web"] = web
    assert await worker.deliver_pending() == 1
    wait_line = bot.domain.responses["utter_please_wait"]
    expected = [v["text"] for v in wait_line if {(c["name"], c["value"]) for c in v.get("condition", [])} == {("persona", "rumianek"), ("lang", "pl")}]
    assert sent == [(sender, expected[0])]
