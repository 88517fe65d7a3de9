"""The handoff relay takes the conversation lock like every channel (real Redis lock store, the
trained model, real storage): a counselor's message and a child's message of the same held
conversation that arrive together are handled one at a time, in arrival order; while the lock
cannot be taken, the counselor's message waits (pending), it is never dropped or sent unlocked."""
from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest
import redis
import sqlalchemy as sa

from bot.handoff import bot_side, delivery, gate, service, tables
from bot.handoff.model import Actor, Context
from bot.storage.lock_store import ConversationLockStore
from bot.storage.runtime import Storage
from tests.handoff.test_bot_side import anna, ctx, new_sender, say  # noqa: F401 - fixtures

pytestmark = [pytest.mark.asyncio, pytest.mark.redis]
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Storage]:
    from tests.handoff.conftest import _open

    opened = _open(tmp_path, f"sqlite:///{tmp_path / 'relay.db'}")
    yield opened
    opened.close()


@pytest.fixture
def bot(agent: Any, store: Storage) -> Iterator[Any]:
    """A fresh agent on the session's model with popbot's Redis conversation lock (own prefix)."""
    from bot.storage.tracker_store import EncryptedTrackerStore
    from core.rasa_compat import agent_sharing_model, uninstall_message_hooks

    gate.install()
    fresh = agent_sharing_model(agent, EncryptedTrackerStore(storage=store), None)
    fresh.lock_store = ConversationLockStore(redis_url=REDIS_URL)
    fresh.lock_store.locks.prefix = f"popbot:test-relay:{uuid.uuid4().hex}"
    yield fresh
    uninstall_message_hooks()


async def _held(bot: Any, ctx: Context, anna: Actor) -> str:  # noqa: F811 - the fixture's value
    """A conversation that asked for a person and that anna holds."""
    sender = new_sender()
    await say(bot, ctx, sender, "ojczym mnie bije jak mama jest w pracy", "rumianek", "pl")
    await say(bot, ctx, sender, "tak", "rumianek", "pl")
    service.claim(ctx, anna, sender)
    assert bot_side.state_of(ctx, sender) == "held"
    return sender


def _queued(bot: Any, conversation: str) -> int:
    """How many callers have queued for the conversation's lock so far (tickets issued)."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        return int(client.get(bot.lock_store.locks.keys(conversation)["next"]) or 0)
    finally:
        client.close()


async def _until(condition: Any) -> None:
    for _ in range(3000):  # a guard against hanging, not a time limit on the behaviour
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never became true")


def _child_lines(ctx: Context, conversation: str) -> int:
    with ctx.storage.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(tables.messages).where(
            tables.messages.c.conversation_id == conversation, tables.messages.c.author == "child")).scalar())


def _worker(ctx: Context, bot: Any, sent: list[str], release: asyncio.Event) -> delivery.Deliverer:
    worker = delivery.Deliverer(ctx)
    worker.lock = bot.lock_store.lock

    async def web(conversation: str, text: str) -> None:
        sent.append(f"start {text}")
        await release.wait()
        sent.append(f"end {text}")

    worker.senders["web"] = web
    return worker


async def test_counselor_reply_first_then_the_child_waits_for_it(bot: Any, ctx: Context, anna: Actor) -> None:  # noqa: F811
    conversation = await _held(bot, ctx, anna)
    before = _queued(bot, conversation)
    service.reply(ctx, anna, conversation, "jestem tutaj")
    sent: list[str] = []
    release = asyncio.Event()
    relay = asyncio.create_task(_worker(ctx, bot, sent, release).deliver_pending())
    await _until(lambda: sent == ["start jestem tutaj"])
    lines = _child_lines(ctx, conversation)
    child = asyncio.create_task(say(bot, ctx, conversation, "halo?", "rumianek", "pl"))
    # The child's message arrived (queued for the lock) while the counselor's is being sent ...
    await _until(lambda: _queued(bot, conversation) >= before + 2 or _child_lines(ctx, conversation) > lines)
    await asyncio.sleep(0.2)
    assert _child_lines(ctx, conversation) == lines  # ... and waits: not handled during the send
    release.set()
    assert await relay == 1
    await child
    assert _child_lines(ctx, conversation) == lines + 1
    assert sent == ["start jestem tutaj", "end jestem tutaj"]
    kinds = [e.kind for e in service.events_since(ctx) if e.conversation_id == conversation]
    assert kinds[-2:] == ["delivered", "message"], kinds  # the counselor's message, then the child's line


async def test_child_message_first_then_the_counselor_reply_waits_for_it(bot: Any, ctx: Context, anna: Actor) -> None:  # noqa: F811
    conversation = await _held(bot, ctx, anna)
    lines = _child_lines(ctx, conversation)
    inside = asyncio.Event()
    go_on = asyncio.Event()
    parse = bot.processor.parse_message

    async def slow_parse(message: Any, *args: Any, **kwargs: Any) -> Any:
        """The child's turn (under the lock) pauses in its classification until told."""
        inside.set()
        await go_on.wait()
        return await parse(message, *args, **kwargs)

    bot.processor.parse_message = slow_parse
    child = asyncio.create_task(say(bot, ctx, conversation, "halo?", "rumianek", "pl"))
    await inside.wait()
    before = _queued(bot, conversation)
    service.reply(ctx, anna, conversation, "jestem tutaj")
    sent: list[str] = []
    release = asyncio.Event()
    release.set()
    relay = asyncio.create_task(_worker(ctx, bot, sent, release).deliver_pending())
    await _until(lambda: _queued(bot, conversation) > before or sent)
    await asyncio.sleep(0.2)
    assert sent == []  # the counselor's message waits for the child's turn
    go_on.set()
    await child
    assert _child_lines(ctx, conversation) == lines + 1
    assert await relay == 1
    assert sent == ["start jestem tutaj", "end jestem tutaj"]


async def test_without_the_lock_the_counselor_reply_waits_pending_and_is_sent_later(
    bot: Any, ctx: Context, anna: Actor,  # noqa: F811
) -> None:
    conversation = await _held(bot, ctx, anna)
    service.reply(ctx, anna, conversation, "jestem tutaj")
    sent: list[str] = []
    release = asyncio.Event()
    release.set()
    worker = _worker(ctx, bot, sent, release)
    unreachable = ConversationLockStore(redis_url="redis://127.0.0.1:9/0")  # nothing listens on port 9
    worker.lock = unreachable.lock
    assert await worker.deliver_pending() == 0
    assert sent == []
    with ctx.storage.engine.connect() as conn:
        assert conn.execute(sa.select(tables.messages.c.delivery).where(
            tables.messages.c.conversation_id == conversation, tables.messages.c.author == "counselor")).scalar() == "pending"
    await unreachable.close()
    worker.lock = bot.lock_store.lock
    assert await worker.deliver_pending() == 1
    assert sent == ["start jestem tutaj", "end jestem tutaj"]
