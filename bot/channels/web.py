"""The web input channel: JSON webhook, push socket and quick exit for the disguise front-end.

Routes (Rasa mounts the blueprint at ``/webhooks/web``):

* ``POST /webhooks/web/webhook`` ``{"sender", "id", "message", "metadata": {"persona", "lang"}}`` ->
  ``200`` and the JSON list of the bot's replies ``[{"text": ...}, ...]``. ``id`` is the message's
  own random id (8-64 of ``A-Z a-z 0-9 _ -``), chosen by the client and sent again with every retry
  of that message: a message whose id the conversation already stored is answered with the
  replies it got and not processed again (``bot.channels.repeats``), so a retry by the client or a
  re-sent POST by the proxy is stored once. Without ``id`` every request is a new message;
* ``GET  /webhooks/web/ws`` WebSocket: the browser says ``{"type": "hello", "sender": ...}``
  and then receives ``{"type": "message", "message": {...}}`` pushes (counselor replies);
* ``POST /webhooks/web/leave`` ``{"sender"}``: quick exit — sockets closed, nothing more is
  pushed, a ``SlotSet("left", True)`` event is recorded for the counselor, the session cookie
  is cleared;
* ``/shop/<persona>/...``: the disguise front-end (``bot.channels.shop``), added by this channel.

A turn that fails because the database cannot be reached (a PostgreSQL restart) or because
another turn of the conversation saved first runs again in place after short pauses
(``bot.channels.retry``, shared with Telegram). When saving still fails after the replies were
computed (database read-only, or down for longer), the replies are still returned and the message
is put in the encrypted spool (``bot.storage.spool``); a background task stores it when the
database works again (docs/design.md, invariants 5 and 6), and so does the conversation's next
message on this replica before it is processed, so that the spooled one keeps its place.

The browser's session id (``sender``) is a secret bearer value issued and signed by the server
(``bot.channels.sessions``); Rasa only ever sees its keyed pseudonym
(``bot.channels.identity.conversation_id("web", sender)``). A request may omit ``sender`` and
rely on the session cookie set by the shop pages. An id the server did not sign starts a new
conversation (the answer sets a new session cookie); an id that is not even well-formed is a
400. Bodies over 64 KB are refused with 413 by the server itself (``bot.channels.guards``); the
push socket accepts only pages of this host (``Origin``) and the quick exit refuses cross-site
requests (403).
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections import Counter
from typing import Any, Awaitable, Callable, Iterable, Mapping

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel, UserMessage
from rasa.core.lock_store import LockError
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import identity, sessions
from bot.channels.disguise import Doors, install as install_doors, not_found
from bot.channels.guards import BodyTooLarge, client_address, cross_site, read_body, same_origin
from bot.channels.ratelimit import MemoryCounter, RateLimiter, RedisCounter, Rule
from bot.channels.push import PushHub
from bot.channels.retry import NotYet, run_again_while_unreachable, worth_running_again
from bot.storage.spool import Spool
from core.text import clean, neutralise
from core.rasa_compat import channel_blueprint
from core.settings import load_settings
from core.signals import LANGUAGES, NO_PERSONA, WIPE_RESPONSES
from bot.web.i18n import strings
from core.logs import exception_summary

logger = logging.getLogger(__name__)

KIND = "web"
SESSION_COOKIE = sessions.COOKIE
MAX_MESSAGE_CHARS = 4096
#: What the counselor is told about a message the child can no longer receive.
QUICK_EXIT = "the child left the chat (quick exit)"
_SENDER = re.compile(r"[A-Za-z0-9_.:\-]{1,128}\Z")
#: A message's client-chosen id (the widget: 32 random hex digits).
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_\-]{8,64}\Z")
_PERSONA = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")
#: A counselor message's id as the widget echoes it (``tables.messages.ref``: 32 hex digits).
_REF = re.compile(r"[0-9a-f]{32}\Z")
NO_STORE = {
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

LeaveRecorder = Callable[[Request, str], Awaitable[None]]


class BadRequest(ValueError):
    """A client error; the message names the field and never echoes its value."""


class WebOutput(OutputChannel):
    """Pushes bot/counselor messages to the browsers attached to a conversation."""

    def __init__(self, hub: PushHub) -> None:
        self.hub = hub

    @classmethod
    def name(cls) -> str:
        return KIND

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.hub.publish(recipient_id, {"text": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.hub.publish(recipient_id, {"text": text, "buttons": _clean_buttons(buttons)})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.hub.publish(recipient_id, {"image": image})

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self.hub.publish(recipient_id, {"custom": json_message})


class ReplyCollector(CollectingOutputChannel):
    """Collects one message's replies and marks the first part of a line of ``core.signals.WIPE_RESPONSES`` with
    ``"clear": True`` (Rasa's collector drops the action name the dialogue passes along)."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        before = len(self.messages)
        await super().send_text_message(recipient_id, text, **kwargs)
        self._mark(before, kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        before = len(self.messages)
        await super().send_text_with_buttons(recipient_id, text, buttons, **kwargs)
        self._mark(before, kwargs)

    def _mark(self, before: int, kwargs: Mapping[str, Any]) -> None:
        if kwargs.get("utter_action") in WIPE_RESPONSES and len(self.messages) > before:
            self.messages[before]["clear"] = True


async def record_left_in_tracker(request: Request, conversation_id: str) -> None:
    """Append ``SlotSet("left", True)`` to the conversation (if it exists) under its lock."""
    from rasa.shared.core.events import SlotSet

    agent = getattr(request.app.ctx, "agent", None)
    if agent is None or agent.tracker_store is None:
        raise RuntimeError("the Rasa agent is not ready")
    async with agent.lock_store.lock(conversation_id):
        tracker = await agent.tracker_store.retrieve(conversation_id)
        if tracker is None:
            return
        tracker.update(SlotSet("left", True))
        await agent.tracker_store.save(tracker)


class WebInput(InputChannel):
    """Rasa input channel ``web`` (configured in ``credentials.yml``)."""

    def __init__(
        self,
        personas: Iterable[str] | None = None,
        default_persona: str = NO_PERSONA,
        hub: PushHub | None = None,
        leave_recorder: LeaveRecorder = record_left_in_tracker,
        shop: bool = True,
        redis_url: str | None = None,
        spool: Spool | None = None,
        retry_every: float = 5.0,
        limiter: RateLimiter | None = None,
        forwarded_hops: int | None = None,
        doors: Doors | None = None,
    ) -> None:
        self.personas = frozenset(personas) if personas is not None else None
        self.default_persona = default_persona
        self.hub = hub or PushHub()
        self.leave_recorder = leave_recorder
        self.shop = shop
        self.redis_url = redis_url
        self._spool = spool
        self.retry_every = retry_every
        self._retrying = asyncio.Lock()
        #: Conversations with messages in this replica's spool (their next message waits for them).
        self._spooled: Counter[str] = Counter()
        self._spool_failure: BaseException | None = None  # what stopped the last spool retry
        self._limiter = limiter
        self.forwarded_hops = forwarded_hops
        self.doors = doors or Doors()

    @property
    def limiter(self) -> RateLimiter:
        """Rate limits per conversation (``message``) and per client address (``address``):
        ``POPBOT_WEB_RATE_*``, on Redis when ``POPBOT_REDIS_URL`` is set (``bot.channels.ratelimit``)."""
        if self._limiter is None:
            self._limiter = default_limiter(self.redis_url)
        return self._limiter

    def _address(self, request: Request) -> str:
        hops = self.forwarded_hops if self.forwarded_hops is not None else load_settings().forwarded_hops
        return client_address(request, hops)

    @property
    def spool(self) -> Spool:
        """Where messages that could not be stored wait (``var/spool/web``), opened on first use."""
        if self._spool is None:
            from bot.storage.runtime import key_provider

            self._spool = Spool(load_settings().var_dir / "spool" / KIND, key_provider())
        return self._spool

    async def retry_spooled(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]], conversation: str | None = None
    ) -> int:
        """Store spooled messages again (only ``conversation``'s, if given), oldest first; stops at
        the first failure. Returns how many were stored. Their replies were delivered when they
        arrived and are discarded."""
        stored = 0
        async with self._retrying:
            self._spool_failure = None
            try:
                entries = await asyncio.to_thread(self.spool.pending)
            except Exception as exc:
                logger.error("web channel: the spool cannot be read: %s", exception_summary(exc))
                return 0
            self._spooled = Counter(str(entry.record["sender"]) for entry in entries)  # a restart's entries too
            for entry in entries:
                record = entry.record
                if conversation is not None and record["sender"] != conversation:
                    continue
                message = UserMessage(
                    record["text"], CollectingOutputChannel(), record["sender"], input_channel=KIND,
                    message_id=record["message_id"], metadata=record["metadata"],
                )
                try:
                    await on_new_message(message)
                except Exception as exc:
                    logger.warning("web channel: a spooled message still cannot be stored: %s", exception_summary(exc))
                    self._spool_failure = exc
                    break
                self.spool.remove(entry)
                self._spooled[record["sender"]] -= 1
                stored += 1
        if stored:
            logger.info("web channel: stored %d spooled message(s)", stored)
        return stored

    @classmethod
    def name(cls) -> str:
        return KIND

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> "WebInput":
        """The channel of ``credentials.yml``; it serves the personas of ``POPBOT_PERSONAS``
        (default: every persona file in ``personas/``)."""
        from core.persona import served_personas

        credentials = dict(credentials or {})
        where = "credentials.yml: bot.channels.web.WebInput"
        if "personas" in credentials:
            raise ValueError(f"{where}: 'personas' is not read here any more; every persona in personas/ "
                             "is served, or the ones POPBOT_PERSONAS lists")
        unknown = set(credentials) - {"default_persona", "shop"}
        if unknown:
            raise ValueError(f"{where}: unknown setting(s) {sorted(unknown)}")
        settings = load_settings()
        rules = _rules(settings.web_rate_message, settings.web_rate_address)  # bad values refuse to start
        return cls(
            personas=list(served_personas()),
            default_persona=str(credentials.get("default_persona", NO_PERSONA)),
            shop=bool(credentials.get("shop", True)),
            redis_url=settings.redis_url,
            limiter=default_limiter(settings.redis_url, rules),
            forwarded_hops=settings.forwarded_hops,
        )

    def get_output_channel(self) -> OutputChannel:
        return WebOutput(self.hub)

    async def deliver_counselor_message(self, conversation_id: str, text: str, ref: str | None = None) -> None:
        """A counselor's message (bot.handoff.delivery) to the child's widget, with its id ``ref``:
        the widget confirms it over its socket (``{"type": "ack", "id": ref}``, then it counts as
        delivered) and drops a repeat; what is not confirmed is pushed again when the widget
        reconnects. Raises after a quick exit so the counselor is told (the page kept nothing)."""
        if self.hub.has_left(conversation_id):
            raise LookupError(QUICK_EXIT)
        await self.hub.publish(conversation_id, {"text": text} if ref is None else {"text": text, "id": ref})

    async def _acknowledged(self, conversation_id: str, frame: Any) -> None:
        """A frame from the widget: ``{"type": "ack", "id": REF}`` confirms a counselor message of
        this conversation (anything else is ignored: the socket is push-only otherwise)."""
        try:
            data = json.loads(frame)
        except (TypeError, ValueError, RecursionError):
            return
        if not isinstance(data, dict) or data.get("type") != "ack" or not isinstance(data.get("id"), str):
            return
        if not _REF.match(data["id"]):
            return
        from bot.handoff import delivery

        try:
            await asyncio.to_thread(delivery.worker().acknowledge, conversation_id, data["id"])
        except Exception as exc:  # not recorded: the widget gets it again on reconnect, drops the repeat
            logger.error("web channel: a delivery confirmation was not recorded: %s", exception_summary(exc))

    async def _abandon(self, conversation_id: str) -> None:
        """Quick exit: counselor messages the widget had not confirmed never will be; the counselor
        is told they were not delivered."""
        from bot.handoff import delivery

        try:
            await asyncio.to_thread(delivery.worker().abandon, conversation_id, KIND, QUICK_EXIT)
        except Exception as exc:  # they are reported "not received yet" by the timer instead
            logger.error("web channel: unconfirmed messages not marked failed on leave: %s", exception_summary(exc))

    async def _redeliver(self, conversation_id: str, send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        """Counselor messages not confirmed yet go out again on a (re)connected socket."""
        from bot.handoff import delivery

        try:
            due = await asyncio.to_thread(delivery.worker().unconfirmed, conversation_id, KIND)
        except Exception as exc:  # the next reconnect tries again; the counselor sees "not delivered yet"
            logger.error("web channel: unconfirmed counselor messages not looked up: %s", exception_summary(exc))
            return
        for ref, text in due:
            await send({"text": text, "id": ref})

    # --- request parsing ----------------------------------------------------------------------
    def _sender(self, request: Request, payload: Mapping[str, Any]) -> str | None:
        """The session id of the request if the server signed it, else None; a malformed id
        (wrong characters, a trailing newline, too long) is a BadRequest."""
        sender = payload.get("sender")
        if sender is None:
            sender = request.cookies.get(SESSION_COOKIE)
            if sender is None:
                return None
        if not isinstance(sender, str) or not _SENDER.match(sender):
            raise BadRequest("field 'sender' must be 1-128 characters of A-Z a-z 0-9 _ . : -")
        if not sessions.verify(sender):
            logger.info("web channel: a session id the server did not issue; starting a new session")
            return None
        return sender

    def _metadata(self, payload: Mapping[str, Any], default_persona: str | None = None) -> dict[str, Any]:
        raw = payload.get("metadata") or {}
        if not isinstance(raw, Mapping):
            raise BadRequest("field 'metadata' must be an object")
        persona = raw.get("persona", default_persona or self.default_persona)
        if not isinstance(persona, str) or not _PERSONA.match(persona):
            raise BadRequest("field 'metadata.persona' must be a persona id")
        if self.personas is not None and persona not in self.personas and persona != self.default_persona:
            raise BadRequest("field 'metadata.persona' names a persona this channel does not serve")
        metadata: dict[str, Any] = {"persona": persona}
        lang = raw.get("lang")
        if lang is not None:
            if lang not in LANGUAGES:
                raise BadRequest(f"field 'metadata.lang' must be one of {', '.join(LANGUAGES)}")
            metadata["lang"] = lang
        return metadata

    @staticmethod
    def _message_id(payload: Mapping[str, Any]) -> str:
        """The message's own id (kept by the client's retries), or a new one if it sent none."""
        given = payload.get("id")
        if given is None:
            return uuid.uuid4().hex
        if not isinstance(given, str) or not _MESSAGE_ID.match(given):
            raise BadRequest("field 'id' must be 8-64 characters of A-Z a-z 0-9 _ -")
        return given

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return self._metadata(_json_body(request.body or b""))

    async def _answer_unsaved(self, message: UserMessage, replies: list[dict[str, Any]]) -> HTTPResponse:
        """Saving failed after the replies were computed: the child gets them anyway (an
        emergency number above all) and the message waits in the spool. Only if the spool fails
        too is the answer 503 ("send again"), still carrying the replies."""
        record = {
            "sender": message.sender_id, "text": message.text, "metadata": message.metadata,
            "message_id": message.message_id,
        }
        try:
            await asyncio.to_thread(self.spool.put, record)
        except Exception as exc:
            logger.error("web channel: the message could not be spooled either: %s", exception_summary(exc))
            body = {"error": "temporarily unavailable, send again", "replies": replies}
            return response.json(body, status=503, headers=NO_STORE)
        self._spooled[message.sender_id] += 1
        return response.json(replies, headers=NO_STORE)

    async def _within_limits(self, request: Request, session: str | None) -> bool:
        """Count the request against the client address and, for a known session, against its
        conversation; False once either is over its limit."""
        if not await self.limiter.allow("address", self._address(request)):
            return False
        return session is None or await self.limiter.allow("message", session)

    async def _converse(
        self, sender: str, text: str, metadata: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message_id: str | None = None,
    ) -> HTTPResponse:
        """Process one message of session ``sender``; the answer carries the bot's replies. Every
        pass (and the spooled copy) carries the same ``message_id``, so the message is stored once."""
        message_id = message_id or uuid.uuid4().hex
        text = neutralise(clean(text))
        if not text.strip():
            return response.json([], headers=NO_STORE)
        conversation = identity.conversation_id(KIND, sender)
        if self._spooled[conversation] > 0:  # its earlier messages are stored first, so they keep their place
            await self._store_earlier(conversation, on_new_message)
        passes: list[tuple[UserMessage, CollectingOutputChannel]] = []

        async def turn() -> None:  # a fresh collector per pass: the answer carries the last pass's replies
            collector = ReplyCollector()
            message = UserMessage(text, collector, conversation, input_channel=KIND,
                                  message_id=message_id, metadata=metadata)
            passes.append((message, collector))
            await on_new_message(message)

        try:
            await run_again_while_unreachable(turn, "web channel")
        except LockError as exc:  # not processed at all (Redis down): nothing to spool, send again
            logger.error("web channel: the conversation lock is unavailable: %s", exception_summary(exc))
            return response.json({"error": "temporarily unavailable, send again"}, status=503, headers=NO_STORE)
        except Exception as exc:
            logger.error("web channel: processing a message failed: %s", exception_summary(exc))
            message, collector = passes[-1]
            return await self._answer_unsaved(message, _replies(collector))
        return response.json(_replies(passes[-1][1]), headers=NO_STORE)

    async def _store_earlier(self, conversation: str, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Store the conversation's spooled messages before its next one, waiting for the database
        as a turn does while it is unreachable; if they still cannot be stored, the next message
        goes ahead (if it cannot be stored either, it is spooled after them; if it can, it is kept
        and only its place among the conversation's messages is lost)."""
        async def earlier() -> None:
            await self.retry_spooled(on_new_message, conversation)
            failure = self._spool_failure
            if self._spooled[conversation] > 0 and failure is not None and worth_running_again(failure):
                raise NotYet("the conversation's spooled messages are not stored yet")

        try:
            await run_again_while_unreachable(earlier, "web channel (spooled messages first)")
        except Exception as exc:
            logger.warning("web channel: a spooled message is stored after a later one: %s", exception_summary(exc))

    # --- blueprint ----------------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        extra = []
        if self.shop:
            from bot.channels.shop import shop_blueprint

            extra.append(shop_blueprint(self))
        channel = self
        bp = channel_blueprint("popbot_web", extra=extra, on_register=lambda app: install_doors(app, channel.doors))

        @bp.listener("after_server_start")
        async def _start_relay(app: Any, _loop: Any) -> None:
            if channel.redis_url and channel.hub.relay is None:
                from bot.channels.push import RedisRelay

                relay = RedisRelay(channel.hub, channel.redis_url)
                await relay.start()
                app.ctx.popbot_web_relay = relay

            if channel.retry_every > 0:
                app.ctx.popbot_web_retry = asyncio.create_task(_retry_forever())
            from bot.handoff import delivery

            delivery.register(KIND, channel.deliver_counselor_message, lock=delivery.agent_lock(app), acked=True)

        async def _retry_forever() -> None:
            while True:
                await asyncio.sleep(channel.retry_every)
                try:
                    if channel.spool.count():
                        await channel.retry_spooled(on_new_message)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    logger.error("web channel: spool retry failed: %s", exception_summary(exc))

        @bp.listener("before_server_stop")
        async def _stop_relay(app: Any, _loop: Any) -> None:
            from bot.handoff import delivery

            await delivery.unregister(KIND)
            retry = getattr(app.ctx, "popbot_web_retry", None)
            if retry is not None:
                retry.cancel()
            relay = getattr(app.ctx, "popbot_web_relay", None)
            if relay is not None:
                await relay.stop()

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"}, headers=NO_STORE)

        @bp.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> HTTPResponse:
            try:
                payload = _json_body(await read_body(request))
                sender = channel._sender(request, payload)
                metadata = channel._metadata(payload, channel.doors.bound_persona(request))
                message_id = channel._message_id(payload)
                text = payload.get("message")
                if not isinstance(text, str) or not text.strip():
                    raise BadRequest("field 'message' must be a non-empty string")
                if len(text) > MAX_MESSAGE_CHARS:
                    raise BadRequest(f"field 'message' is longer than {MAX_MESSAGE_CHARS} characters")
            except BodyTooLarge as exc:
                return response.json({"error": str(exc)}, status=413, headers=NO_STORE)
            except BadRequest as exc:
                return response.json({"error": str(exc)}, status=400, headers=NO_STORE)
            if not channel.doors.serves(request, metadata["persona"]):
                return not_found()  # another persona's chat is not on this host
            if not await channel._within_limits(request, sender):
                return _busy(channel.limiter, metadata.get("lang", "en"))
            issued = sender is None
            if sender is None:
                sender = sessions.issue()
            resp = await channel._converse(sender, text, metadata, on_new_message, message_id)
            if issued:
                sessions.set_cookie(request, resp, sender)
            return resp

        @bp.route("/leave", methods=["POST"], stream=True)
        async def leave(request: Request) -> HTTPResponse:
            if cross_site(request):
                return response.json({"error": "cross-site request refused"}, status=403, headers=NO_STORE)
            if not await channel._within_limits(request, None):
                return _busy(channel.limiter, "en")
            try:
                sender = channel._sender(request, _json_body(await read_body(request), allow_empty=True))
            except BodyTooLarge as exc:
                return response.json({"error": str(exc)}, status=413, headers=NO_STORE)
            except BadRequest as exc:
                return response.json({"error": str(exc)}, status=400, headers=NO_STORE)
            status = 204
            if sender is not None:  # an id the server never issued has nothing to leave
                conversation = identity.conversation_id(KIND, sender)
                await channel.hub.leave(conversation)
                await channel._abandon(conversation)
                try:
                    await channel.leave_recorder(request, conversation)
                except Exception as exc:
                    logger.error("web channel: could not record the 'left' marker: %s", exception_summary(exc))
                    status = 503
            resp = response.empty(status=status, headers=NO_STORE)
            sessions.clear_cookie(resp)
            return resp

        @bp.websocket("/ws")
        async def socket(request: Request, ws: Any) -> None:
            if not same_origin(request):  # another site's page must not read a child's pushes
                await ws.close(code=1008)
                return
            if not await channel._within_limits(request, None):
                await ws.close(code=1013)  # "try again later": the page reconnects with backoff
                return
            try:
                hello = json.loads(await asyncio.wait_for(ws.recv(), timeout=15))
                if not isinstance(hello, dict) or hello.get("type") != "hello":
                    raise BadRequest("first frame must be {'type': 'hello'}")
                sender = channel._sender(request, hello)
            except (asyncio.TimeoutError, ValueError, TypeError, RecursionError):
                await ws.close(code=1008)
                return
            if sender is None:
                await ws.close(code=1008)
                return
            conversation = identity.conversation_id(KIND, sender)

            async def send(message: dict[str, Any]) -> None:
                await ws.send(json.dumps({"type": "message", "message": message}))

            async def close() -> None:
                await ws.close(code=1000)

            await ws.send(json.dumps({"type": "ready"}))
            detach = await channel.hub.attach(conversation, send, close)
            try:
                await channel._redeliver(conversation, send)
                while True:  # the widget only confirms pushes; reading also notices the close
                    frame = await ws.recv()
                    if frame is None:
                        break
                    await channel._acknowledged(conversation, frame)
            except Exception:
                pass
            finally:
                detach()

        return bp


def _rules(message: str, address: str) -> dict[str, Rule]:
    try:
        return {"message": Rule.parse(message), "address": Rule.parse(address)}
    except ValueError as exc:
        raise ValueError(f"POPBOT_WEB_RATE_MESSAGE / POPBOT_WEB_RATE_ADDRESS: {exc}") from None


def default_limiter(redis_url: str | None, rules: dict[str, Rule] | None = None) -> RateLimiter:
    """The limiter of the settings: Redis-backed (shared by replicas) or in-process."""
    from bot.storage.runtime import key_provider

    if rules is None:
        settings = load_settings()
        rules = _rules(settings.web_rate_message, settings.web_rate_address)
    counter = RedisCounter(redis_url) if redis_url else MemoryCounter()
    return RateLimiter(rules, counter, key_provider().secret("rate-limit"))


def _busy(limiter: RateLimiter, lang: str) -> HTTPResponse:
    """Over a rate limit: 429 with a shop-voice "please wait a moment" line the page shows."""
    headers = {**NO_STORE, "Retry-After": str(limiter.retry_after("address"))}
    body = {"error": "too many requests, wait a moment", "replies": [{"text": strings(lang)["busy"]}]}
    return response.json(body, status=429, headers=headers)


def _json_body(body: bytes, allow_empty: bool = False) -> dict[str, Any]:
    if not body.strip():
        if allow_empty:
            return {}
        raise BadRequest("the request body must be a JSON object")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise BadRequest("the request body is not valid JSON (or nested too deeply)") from exc
    if not isinstance(payload, dict):
        raise BadRequest("the request body must be a JSON object")
    return payload


def _replies(collector: CollectingOutputChannel) -> list[dict[str, Any]]:
    """The replies as the page gets them, without the recipient id; ``"clear": true``
    (:class:`ReplyCollector`) on a line before which the page empties its chat log."""
    return [{k: v for k, v in m.items() if k != "recipient_id"} for m in collector.messages]


def _clean_buttons(buttons: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Buttons as title + neutralised payload (a payload is sent back as user text)."""
    return [
        {"title": str(b.get("title", "")), "payload": neutralise(str(b.get("payload", b.get("title", ""))))}
        for b in buttons
    ]
