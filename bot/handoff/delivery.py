"""Counselor messages to the child's channel, once; silent-holder alerts and requeue (Rasa process).

Each input channel registers a :data:`Sender` for its kind when its server starts
(``register("web", ...)``). One worker per process then:

* takes each pending message with a conditional UPDATE (``pending`` → ``sending``), so of all
  replicas exactly one sends it; sends it under the conversation's lock (``lock``: Rasa's lock
  store, ``core.locks``), as every channel handles a child's message, so a counselor's message
  and a child's message of the same conversation are handled one at a time, in arrival order (if
  the lock cannot be taken, the message goes back to ``pending`` and waits); marks it
  ``delivered`` (event ``delivered``) or
  ``failed`` (event ``delivery_failed`` with the error class — never silently dropped). A
  message left ``sending`` by a crashed process is marked failed after ``STALE_SENDING``
  seconds and reported, never sent twice;
* checks held conversations whose child wrote last (``silent``) or whose holder follows nothing
  live (``disconnected``, ``bot.handoff.presence``): after ``POPBOT_HANDOFF_ALERT_SECONDS`` an
  ``alert``, after ``POPBOT_HANDOFF_REQUEUE_SECONDS`` back to the queue (``requeued``) and the
  child is told to wait, in the persona's voice (``utter_please_wait`` through the same
  delivery path).

It wakes on the Redis event nudge (a reply committed on any replica) and reads the table every
``slow_poll`` seconds as the safety net; without Redis, or while Redis is away, it polls every
``poll`` seconds. Database work runs in worker threads, off the Rasa event loop.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from typing import Any, AsyncContextManager, Awaitable, Callable

import sqlalchemy as sa

from bot.handoff import events, nudge, presence, records, tables
from bot.handoff.model import Context
from core.logs import exception_summary

logger = logging.getLogger(__name__)

#: ``await sender(conversation_id, text)`` delivers one message or raises; a channel registered
#: with ``acked=True`` is called ``sender(conversation_id, text, ref=REF)`` and the recipient
#: confirms ``REF`` later (:meth:`Deliverer.acknowledge`).
Sender = Callable[..., Awaitable[None]]
#: ``voice(persona, lang, response)`` -> the text of a response in that voice, or None.
Voice = Callable[[str, str, str], "str | None"]
#: ``async with lock(conversation_id):`` that conversation's turn (Rasa's ``lock_store.lock``).
Lock = Callable[[str], AsyncContextManager[Any]]
STALE_SENDING = 120.0
#: A message sent on an ``acked`` channel and not confirmed this long after is reported to the
#: counselor as not delivered yet (event ``not_delivered_yet``); it stays due for redelivery.
ACK_TIMEOUT = 30.0
#: Delivery states of a sent message whose recipient has not confirmed it yet (redelivered on
#: the recipient's next connection; "sending" too: its push may have found no socket).
UNCONFIRMED = ("sending", "sent", "unconfirmed")
_m = tables.messages
_c = tables.conversations


class Deliverer:
    """Delivers pending handoff messages through registered senders; runs the hold timers."""

    def __init__(
        self, ctx: Context | None = None, *, poll: float = 0.1, slow_poll: float = 2.0, timers_every: float = 5.0,
        redis_url: str | None = None,
    ) -> None:
        self._ctx = ctx
        self.senders: dict[str, Sender] = {}
        self.voice: Voice | None = None
        self.lock: Lock | None = None
        #: Channels whose recipient confirms each message (the web widget): "delivered" on its ack.
        self.acked: set[str] = set()
        self.ack_timeout = ACK_TIMEOUT
        self.poll = poll
        self.slow_poll = slow_poll
        self.timers_every = timers_every
        self._redis_url = redis_url
        self.listener: nudge.NudgeListener | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def ctx(self) -> Context:
        """The context given, or the process's (opened on first use, not at registration)."""
        if self._ctx is None:
            self._ctx = Context.default()
        return self._ctx

    # -- delivery ---------------------------------------------------------------------------
    def _take(self) -> list[tuple[int, str, str, str, str]]:
        """Claim pending messages for our channels: (id, conversation, channel, text, ref)."""
        taken = []
        with self.ctx.storage.engine.begin() as conn:
            rows = conn.execute(
                sa.select(_m).where(_m.c.delivery == "pending", _m.c.channel.in_(sorted(self.senders)))
                .order_by(_m.c.id).limit(20)
            ).all()
        for row in rows:
            with self.ctx.storage.engine.begin() as conn:
                won = conn.execute(
                    sa.update(_m).where(_m.c.id == row.id, _m.c.delivery == "pending")
                    .values(delivery="sending", delivered_at=self.ctx.now())
                ).rowcount
                if won == 1:
                    taken.append((row.id, row.conversation_id, row.channel, records.message_text(conn, self.ctx, row),
                                  row.ref))
        return taken

    def _finish(self, message_id: int, conversation_id: str, error: BaseException | None, *, acked: bool = False) -> None:
        """After the send: ``failed``, or ``delivered`` — or, on an ``acked`` channel, ``sent``
        (the recipient's ack makes it delivered; it may even have come first)."""
        now = self.ctx.now()
        state = "failed" if error else ("sent" if acked else "delivered")
        with events.transaction(self.ctx) as (conn, ids):
            done = conn.execute(sa.update(_m).where(_m.c.id == message_id, _m.c.delivery == "sending").values(
                delivery=state, delivered_at=now)).rowcount
            if done != 1:
                return  # acknowledged meanwhile
            if error is not None:
                ids.append(events.emit(conn, now, "delivery_failed", conversation_id, None, message_id=message_id,
                                       reason=_reason(error)))
            else:
                ids.append(events.emit(conn, now, state, conversation_id, None, message_id=message_id))

    def acknowledge(self, conversation_id: str, ref: str) -> bool:
        """The recipient confirms message ``ref`` of its conversation: ``delivered`` (once; an
        unknown ref, another conversation's or a repeated ack changes nothing)."""
        now = self.ctx.now()
        with events.transaction(self.ctx) as (conn, ids):
            row = conn.execute(sa.select(_m.c.id).where(
                _m.c.ref == ref, _m.c.conversation_id == conversation_id, _m.c.delivery.in_(UNCONFIRMED))).first()
            if row is None:
                return False
            done = conn.execute(sa.update(_m).where(_m.c.id == row.id, _m.c.delivery.in_(UNCONFIRMED)).values(
                delivery="delivered", delivered_at=now)).rowcount
            if done == 1:
                ids.append(events.emit(conn, now, "delivered", conversation_id, None, message_id=row.id))
            return done == 1

    def unconfirmed(self, conversation_id: str, channel: str) -> list[tuple[str, str]]:
        """(ref, text) of the conversation's messages sent on ``channel`` and not confirmed yet,
        oldest first: what a reconnecting recipient gets again (it drops what it already shows)."""
        with self.ctx.storage.engine.connect() as conn:
            rows = conn.execute(sa.select(_m).where(
                _m.c.conversation_id == conversation_id, _m.c.channel == channel, _m.c.delivery.in_(UNCONFIRMED),
            ).order_by(_m.c.id)).all()
            return [(row.ref, records.message_text(conn, self.ctx, row)) for row in rows]

    def abandon(self, conversation_id: str, channel: str, reason: str) -> int:
        """The recipient can no longer confirm (the child left with the quick exit): messages sent
        on ``channel`` and not confirmed become ``failed`` with ``reason`` for the counselor."""
        now = self.ctx.now()
        with events.transaction(self.ctx) as (conn, ids):
            rows = conn.execute(sa.select(_m.c.id).where(
                _m.c.conversation_id == conversation_id, _m.c.channel == channel,
                _m.c.delivery.in_(("sent", "unconfirmed")))).all()
            for (message_id,) in rows:
                if conn.execute(sa.update(_m).where(_m.c.id == message_id, _m.c.delivery.in_(("sent", "unconfirmed")))
                                .values(delivery="failed", delivered_at=now)).rowcount == 1:
                    ids.append(events.emit(conn, now, "delivery_failed", conversation_id, None, message_id=message_id,
                                           reason=reason))
        return len(ids)

    def report_unconfirmed(self) -> int:
        """Messages ``sent`` but not confirmed within ``ack_timeout``: ``unconfirmed`` and the
        counselor is told (event ``not_delivered_yet``), once; they stay due for redelivery."""
        cutoff = self.ctx.now() - self.ack_timeout
        with self.ctx.storage.engine.connect() as conn:
            late = conn.execute(sa.select(_m.c.id, _m.c.conversation_id).where(
                _m.c.delivery == "sent", _m.c.delivered_at <= cutoff)).all()
        reported = 0
        for message_id, conversation_id in late:
            now = self.ctx.now()
            with events.transaction(self.ctx) as (conn, ids):
                if conn.execute(sa.update(_m).where(_m.c.id == message_id, _m.c.delivery == "sent")
                                .values(delivery="unconfirmed")).rowcount == 1:
                    ids.append(events.emit(conn, now, "not_delivered_yet", conversation_id, None,
                                           message_id=message_id, reason="no confirmation from the child's chat"))
                    reported += 1
        return reported

    def _unclaim(self, message_ids: list[int]) -> None:
        """Messages taken but not sent (their conversation's lock was unavailable): pending again."""
        with self.ctx.storage.engine.begin() as conn:
            conn.execute(sa.update(_m).where(_m.c.id.in_(message_ids), _m.c.delivery == "sending")
                         .values(delivery="pending"))

    async def deliver_pending(self) -> int:
        """Send every pending message once, each under its conversation's lock; returns how many
        were attempted (sent or failed)."""
        if not self.senders:
            return 0
        taken = await asyncio.to_thread(self._take)  # database work off the event loop
        for index, (message_id, conversation_id, channel, text, ref) in enumerate(taken):
            async with AsyncExitStack() as stack:
                if self.lock is not None:
                    try:
                        await stack.enter_async_context(self.lock(conversation_id))
                    except Exception as exc:  # Redis unreachable, lock timeout: try again later, in order
                        logger.warning("handoff: conversation lock unavailable; counselor messages wait: %s",
                                       exception_summary(exc))
                        await asyncio.to_thread(self._unclaim, [m for m, *_ in taken[index:]])
                        return index
                error: BaseException | None = None
                try:
                    if channel in self.acked:
                        await self.senders[channel](conversation_id, text, ref=ref)
                    else:
                        await self.senders[channel](conversation_id, text)
                except Exception as exc:
                    logger.warning("handoff: a counselor message could not be delivered: %s", exception_summary(exc))
                    error = exc
                await asyncio.to_thread(self._finish, message_id, conversation_id, error, acked=channel in self.acked)
        return len(taken)

    def fail_stale(self) -> int:
        """Messages stuck in ``sending`` (a crashed sender): failed and reported, not resent."""
        cutoff = self.ctx.now() - STALE_SENDING
        with self.ctx.storage.engine.connect() as conn:
            stale = conn.execute(sa.select(_m.c.id, _m.c.conversation_id).where(
                _m.c.delivery == "sending", _m.c.delivered_at < cutoff)).all()
        for message_id, conversation_id in stale:
            self._finish(message_id, conversation_id, TimeoutError("interrupted while sending"))
        return len(stale)

    # -- timers -----------------------------------------------------------------------------
    def check_timers(self) -> list[str]:
        """Alert on, then requeue, held conversations whose child waits for an answer (``silent``)
        or whose holder follows nothing live (``disconnected``: no console stream or CLI follower,
        ``bot.handoff.presence``, since their last heartbeat, claim or reply)."""
        settings = self.ctx.storage.settings
        now = self.ctx.now()
        changed: list[str] = []
        with self.ctx.storage.engine.connect() as conn:
            rows = conn.execute(sa.select(_c).where(_c.c.state == "held")).all()
            seen = presence.seen(conn, (r.holder for r in rows if r.holder), now)
        for row in rows:
            overdue = _overdue(row, seen.get(row.holder or ""), now)
            if overdue is None:
                continue
            reason, waited = overdue
            if waited >= settings.handoff_requeue_seconds:
                if self._requeue(row, now, reason):
                    changed.append(row.conversation_id)
            elif waited >= settings.handoff_alert_seconds and row.alerted_at is None:
                with events.transaction(self.ctx) as (conn, ids):
                    done = conn.execute(sa.update(_c).where(
                        _c.c.conversation_id == row.conversation_id, _c.c.state == "held", _c.c.alerted_at.is_(None),
                    ).values(alerted_at=now)).rowcount
                    if done == 1:
                        ids.append(events.emit(conn, now, "alert", row.conversation_id, None, reason=reason,
                                               holder=row.holder))
                        changed.append(row.conversation_id)
        return changed

    def _requeue(self, row: sa.engine.Row, now: float, reason: str = "silent") -> bool:
        voice = self.voice or _voice
        text = voice(row.persona, row.lang, "utter_please_wait") if voice else None
        with events.transaction(self.ctx) as (conn, ids):
            done = conn.execute(sa.update(_c).where(
                _c.c.conversation_id == row.conversation_id, _c.c.state == "held", _c.c.holder == row.holder,
            ).values(state="waiting", holder=None, claimed_at=None, alerted_at=None, updated_at=now)).rowcount
            if done != 1:
                return False
            ids.append(events.emit(conn, now, "requeued", row.conversation_id, None, reason=reason, holder=row.holder))
            if text:
                message_id = records.add_message(conn, self.ctx, row.conversation_id, now, "bot", text,
                                                 delivery="pending", channel=row.channel)
                ids.append(events.emit(conn, now, "reply", row.conversation_id, None, message_id=message_id))
        return True

    # -- the worker -------------------------------------------------------------------------
    async def run(self) -> None:
        """Deliver and check timers until cancelled.

        With Redis (``POPBOT_REDIS_URL``) the worker sleeps until the event nudge that every
        commit publishes (a counselor's reply on any replica wakes it at once) and reads the
        table every ``slow_poll`` seconds as the safety net for a lost nudge; while Redis is away,
        and without Redis, it polls every ``poll`` seconds."""
        url = self._redis_url if self._redis_url is not None else self.ctx.storage.settings.redis_url
        wake = asyncio.Event()
        listener_task: asyncio.Task[None] | None = None
        if url:
            self.listener = nudge.NudgeListener(url, wake)
            listener_task = asyncio.create_task(self.listener.run())
            await self.listener.ready(timeout=2.0)
        loop = asyncio.get_running_loop()
        next_timers = 0.0
        try:
            while True:
                wake.clear()
                try:
                    sent = await self.deliver_pending()
                    if loop.time() >= next_timers:
                        next_timers = loop.time() + self.timers_every
                        await asyncio.to_thread(self._timers)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # the database may be down for a moment; keep going
                    logger.error("handoff: delivery worker: %s", exception_summary(exc))
                    sent = 0
                if sent:
                    continue
                nudged = self.listener is not None and self.listener.connected
                wait = min(self.slow_poll if nudged else self.poll, max(0.0, next_timers - loop.time()))
                try:
                    await asyncio.wait_for(wake.wait(), timeout=wait)
                except asyncio.TimeoutError:
                    pass
        finally:
            if listener_task is not None:
                listener_task.cancel()
                await asyncio.gather(listener_task, return_exceptions=True)
            self.listener = None

    def _timers(self) -> None:
        self.check_timers()
        self.fail_stale()
        self.report_unconfirmed()

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self.run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None


def _overdue(row: sa.engine.Row, holder: presence.Seen | None, now: float) -> tuple[str, float] | None:
    """Why and for how long a held conversation has been left: ``silent`` (the child wrote last
    and waits) or ``disconnected`` (the holder follows nothing live); None: neither."""
    answered = max(row.last_counselor_at or 0.0, row.claimed_at or 0.0)
    silent = now - row.last_child_at if row.last_child_at and row.last_child_at > answered else 0.0
    away = 0.0
    if holder is None or not holder.present:
        away = now - max(answered, holder.last if holder and holder.last else 0.0)
    if silent <= 0 and away <= 0:
        return None
    return ("silent", silent) if silent >= away else ("disconnected", away)


def _reason(error: BaseException) -> str:
    """A content-free reason for the counselor (the error class and, for lookups, its message)."""
    if isinstance(error, LookupError):
        return str(error)[:200]
    return type(error).__name__


_worker: Deliverer | None = None
_voice: Voice | None = None


def voice_of(domain: Any) -> Voice:
    """Speak responses (``utter_please_wait``) in a persona and language with ``domain``'s texts."""
    from rasa.core.nlg.generator import ResponseVariationFilter

    chooser = ResponseVariationFilter(domain.responses)

    def voice(persona: str, lang: str, response: str) -> str | None:
        if response not in domain.responses:
            return None
        found = chooser.responses_for_utter_action(response, "", {"persona": persona, "lang": lang})
        texts = [v["text"] for v in found if v.get("text")]
        return str(texts[0]) if texts else None

    return voice


def use_domain(domain: Any) -> None:
    """Speak timer lines (``utter_please_wait``) with the loaded model's responses (once)."""
    global _voice
    if _voice is None:
        _voice = voice_of(domain)


def speak(persona: str, lang: str, response: str) -> str | None:
    """``response`` in the persona's voice and language, with the loaded model's texts (None
    before :func:`use_domain` or for a response the domain lacks)."""
    return _voice(persona, lang, response) if _voice is not None else None


def worker() -> Deliverer:
    """This process's deliverer (created on first use, on the process storage)."""
    global _worker
    if _worker is None:
        _worker = Deliverer()
    return _worker


def register(kind: str, sender: Sender, voice: Voice | None = None, lock: Lock | None = None,
             *, acked: bool = False) -> Deliverer:
    """A channel offers delivery for ``kind``; starts the process's worker (in a running loop).
    ``lock``: the conversation lock every channel takes (:func:`agent_lock`); ``acked``: the
    recipient confirms each message (:meth:`Deliverer.acknowledge`), sent with its ``ref``."""
    found = worker()
    found.senders[kind] = sender
    if acked:
        found.acked.add(kind)
    else:
        found.acked.discard(kind)
    if voice is not None:
        found.voice = voice
    if lock is not None:
        found.lock = lock
    found.start()
    return found


def agent_lock(app: Any) -> Lock:
    """The conversation lock of the Rasa agent served by the Sanic ``app`` (looked up at each use:
    the agent is loaded after the channels start, and a new model replaces it)."""

    def lock(conversation_id: str) -> AsyncContextManager[Any]:
        agent = getattr(getattr(app, "ctx", None), "agent", None)
        if agent is None or agent.lock_store is None:
            raise RuntimeError("the Rasa agent is not ready")
        return agent.lock_store.lock(conversation_id)

    return lock


async def unregister(kind: str) -> None:
    """A channel stops; the worker stops with the last one."""
    global _worker
    if _worker is None:
        return
    _worker.senders.pop(kind, None)
    if not _worker.senders:
        await _worker.stop()
        _worker = None
