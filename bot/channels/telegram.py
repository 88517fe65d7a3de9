"""Telegram input/output channel on python-telegram-bot (Rasa's own connector is not used).

* Several bots, each bound to a persona (``credentials.yml``, tokens from the environment).
* Webhook mode: ``POST /webhooks/telegram/<key>/webhook``; the ``X-Telegram-Bot-Api-Secret-Token``
  header is compared in constant time (a wrong secret or an unknown key: the plain 404); updates
  are parsed with ``Update.de_json``; kinds we do not handle are acknowledged and ignored; a redelivered ``update_id`` is recognised
  across replicas (``bot.channels.updates``). Polling mode for local development.
* The chat id becomes a pseudonym before reaching Rasa; the reply address is kept encrypted.
* Text is neutralised (no ``/intent{json}``); ``/start [payload]`` becomes the persona greeting.
* A caption is the message's text. A photo, voice note, sticker, ... without one gets a plain
  "text only, please" and its *kind* is recorded in the tracker (slot ``media_received``; the
  media is never downloaded). A forwarded message carries ``metadata.forwarded`` (its words are
  someone else's: ``core.safety``, step 5).
* Replies that are not plain cover talk go out with ``protect_content``; no link previews ever.
* Clean chat: when the bot says a configured line (``utter_clean_done``, ``utter_not_safe``,
  ``utter_not_now``) or an action sends ``{"popbot": "clean_chat"}``, every recorded message of
  the chat (both sides) is deleted first, so the chat shows one innocuous line. Idle chats are cleaned automatically
  before Telegram's 48-hour limit.
* An update whose turn failed because the database could not be reached runs again in place
  after short pauses, like a web message (``bot.channels.retry``); a redelivered update that a
  replica already stored (it died before answering) is answered from the stored turn, not
  processed again (``bot.channels.repeats``, message id ``tg-<bot>-<update_id>``).
* Processing or storage failure answers 500 so Telegram redelivers (docs/design.md, invariant 6).
  The replies already sent are recorded per ``update_id`` (``bot.channels.replies``), so the
  redelivery does not send them again; a failing ledger, address book or message-id log never
  withholds a reply (invariant 5). Lone surrogates are replaced (``core.text.clean``); a body
  that is not an update (bad JSON, nested too deeply, ``update_id`` not an integer) is a 400.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Awaitable, Callable, Mapping

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, KeyboardButton, LinkPreviewOptions, ReplyKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.request import HTTPXRequest

from bot.channels import identity
from bot.channels.disguise import Doors, install as install_doors, not_found
from bot.channels.guards import BodyTooLarge, read_body
from core.rasa_compat import channel_blueprint
from core.db import utcnow
from bot.channels.message_ids import MessageIdLog, RedisMessageIdLog, SqlMessageIdLog
from bot.channels.telegram_config import BotConfig, TelegramConfig, parse, section_source
from bot.channels.updates import Claim, RedisUpdateLedger, SqlUpdateLedger, UpdateLedger
from bot.channels.replies import RedisReplyLedger, ReplyLedger, SqlReplyLedger
from bot.channels.retry import run_again_while_unreachable
from core.text import clean, neutralise
from core.settings import load_settings
from core.signals import LANGUAGES, PERSONA_SEPARATOR, WIPE_RESPONSES
from core.logs import exception_summary

logger = logging.getLogger(__name__)

KIND = "telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_TEXT = 4096
ALLOWED_UPDATES = ["message"]
#: What ``/start`` becomes: an ordinary greeting in the child's app language.
GREETINGS = {"en": "hello", "pl": "dzień dobry", "es": "hola"}
#: The answer to a photo, voice note, sticker, ... without text (plain shop talk, any persona).
TEXT_ONLY = {
    "en": "Sorry, I can only read text messages here. Could you write it?",
    "pl": "Przepraszam, tutaj mogę czytać tylko wiadomości tekstowe. Możesz to napisać?",
    "es": "Lo siento, aquí solo puedo leer mensajes de texto. ¿Puedes escribirlo?",
}
#: Media kinds recognised (the attribute of python-telegram-bot's ``Message``), in this order.
MEDIA_KINDS = ("photo", "video", "video_note", "voice", "audio", "sticker", "animation", "document", "location", "contact")
#: The tracker slot that records that media came (its kind only, never the media).
MEDIA_SLOT = "media_received"
_START = re.compile(r"^\s*/start(?:@[A-Za-z0-9_]+)?(?:\s.*)?$", re.DOTALL)
#: Responses that are ordinary cover talk (sent without protect_content). Everything else
#: — safety acknowledgements, counselor messages, anything unknown — counts as sensitive.
COVER_RESPONSES = frozenset(
    {
        "utter_greet",
        "utter_thanks",
        "utter_goodbye",
        "utter_out_of_scope",
        "utter_probe",
        "utter_back_to_shop",
        "utter_not_safe",
        "utter_clean_done",
    }
)
CLEAN_CHAT_PAYLOAD = {"popbot": "clean_chat"}
#: Compared against when the key is unknown, so both failures take the same path.
_NO_SECRET = "\x00" * 32

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
MediaRecorder = Callable[[str, str], Awaitable[None]]

# python-telegram-bot and httpx put the token (part of the URL) in their debug/info logs.
for _name in ("httpx", "httpcore", "telegram", "telegram.ext", "telegram._bot"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def is_sensitive(message: Mapping[str, Any]) -> bool:
    """True unless the message is a known cover response (persona cover answers included)."""
    action = message.get("utter_action")
    if not isinstance(action, str):
        return True
    return not (action in COVER_RESPONSES or PERSONA_SEPARATOR in action)


@dataclass
class BotRuntime:
    config: BotConfig
    bot: Bot
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


class TelegramOutput(OutputChannel):
    """Sends to a Telegram chat: bound to one chat for replies, or resolving the conversation's
    encrypted reply address when Rasa asks for the ``latest`` channel (counselor messages)."""

    def __init__(
        self, channel: "TelegramInput", bound: tuple[BotRuntime, int] | None = None, update_id: int | None = None
    ) -> None:
        self._channel = channel
        self._bound = bound
        self._update_id = update_id
        self._seq = 0

    @classmethod
    def name(cls) -> str:
        return KIND

    async def _target(self, recipient_id: str) -> tuple[BotRuntime, int]:
        if self._bound is not None:
            return self._bound
        found = await self._channel.resolve(recipient_id)
        if found is None:
            raise LookupError("no Telegram reply address for this conversation")
        return found

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if message.get("utter_action") in WIPE_RESPONSES or message.get("custom") == CLEAN_CHAT_PAYLOAD:
            await self._channel.clean(recipient_id, self._bound)
        if message.get("custom") == CLEAN_CHAT_PAYLOAD:
            message = {k: v for k, v in message.items() if k != "custom"}
        message.setdefault("popbot_sensitive", is_sensitive(message))
        await super().send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(recipient_id, text, kwargs.get("popbot_sensitive", True), None)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        keyboard = ReplyKeyboardMarkup(
            [[KeyboardButton(str(b.get("title", "")))] for b in buttons],
            one_time_keyboard=True,
            resize_keyboard=True,
        )
        await self._send(recipient_id, text, kwargs.get("popbot_sensitive", True), keyboard)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Custom payloads are instructions for channels, never shown to the child."""

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Images are not sent (a picture in the chat history is a trace)."""

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        """Attachments are not sent."""

    async def _send(self, recipient_id: str, text: str, sensitive: bool, markup: Any) -> None:
        runtime, chat_id = await self._target(recipient_id)
        chunks = [text[i : i + MAX_TEXT] for i in range(0, len(text), MAX_TEXT)] or [""]
        replies = self._channel.replies
        for index, chunk in enumerate(chunks):
            seq, self._seq = self._seq, self._seq + 1
            if self._update_id is not None and await replies.sent(runtime.config.key, self._update_id, seq):
                continue  # sent while processing an earlier delivery of this update
            try:
                sent = await runtime.bot.send_message(
                    chat_id,
                    chunk,
                    protect_content=sensitive,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                    reply_markup=markup if index == len(chunks) - 1 else None,
                )
            except Forbidden:  # the child blocked the bot: nothing to redeliver
                logger.info("telegram[%s]: the chat is closed to the bot", runtime.config.key)
                return
            if self._update_id is not None:
                await replies.record(runtime.config.key, self._update_id, seq)
            await self._channel.remember_message(recipient_id, sent.message_id)


class TelegramInput(InputChannel):
    """Rasa input channel ``telegram`` (configured in ``credentials.yml``)."""

    def __init__(
        self,
        config: TelegramConfig,
        ledger: UpdateLedger | None = None,
        message_log: MessageIdLog | None = None,
        addresses: identity.ReplyAddressBook | None = None,
        replies: ReplyLedger | None = None,
        media_recorder: MediaRecorder | None = None,
    ) -> None:
        self.config = config
        self._media_recorder = media_recorder
        self._app: Any = None
        self._ledger = ledger
        self._message_log = message_log
        self._replies = replies
        self.addresses: identity.ReplyAddressBook = addresses or identity.StorageReplyAddressBook()
        self.runtimes: dict[str, BotRuntime] = {}
        self._sweeper: asyncio.Task[None] | None = None

    @classmethod
    def name(cls) -> str:
        return KIND

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> "TelegramInput":
        from core.persona import served_personas

        settings = dict(credentials or {})
        env = load_settings().env  # the variables credentials.yml names (tokens, secrets, URLs)
        return cls(parse(settings, env, personas=list(served_personas()), source=section_source(settings)))

    # --- shared state (created lazily so configuration errors surface first) -------------------
    @property
    def ledger(self) -> UpdateLedger:
        if self._ledger is None:
            self._ledger, self._message_log = _default_backends(self._message_log)
        return self._ledger

    @property
    def message_log(self) -> MessageIdLog:
        if self._message_log is None:
            _, self._message_log = _default_backends(None)
        return self._message_log

    @property
    def replies(self) -> ReplyLedger:
        if self._replies is None:
            self._replies = _default_reply_ledger()
        return self._replies

    def get_output_channel(self) -> OutputChannel:
        return TelegramOutput(self)

    async def remember_message(self, conversation: str, message_id: int) -> None:
        """Record a message id for clean chat; a failure is logged, never stops a reply."""
        try:
            await self.message_log.add(conversation, message_id)
        except Exception as exc:
            logger.error("telegram: could not record a message id for clean chat: %s", exception_summary(exc))

    async def resolve(self, conversation: str) -> tuple[BotRuntime, int] | None:
        """The bot and chat id of a conversation, from its encrypted reply address."""
        address = await self.addresses.lookup(KIND, conversation)
        if not address:
            return None
        runtime = self.runtimes.get(str(address.get("bot")))
        if runtime is None:
            return None
        return runtime, int(address["chat"])

    async def clean(self, conversation: str, bound: tuple[BotRuntime, int] | None = None) -> int:
        """Delete every recorded message of the conversation (both sides); returns how many."""
        target = bound or await self.resolve(conversation)
        ids = await self.message_log.take(conversation)
        if target is None or not ids:
            return 0
        runtime, chat_id = target
        for start in range(0, len(ids), 100):  # deleteMessages takes at most 100 ids
            try:
                await runtime.bot.delete_messages(chat_id, ids[start : start + 100])
            except (BadRequest, Forbidden):
                logger.info("telegram[%s]: some messages could not be deleted", runtime.config.key)
        return len(ids)

    async def deliver_counselor_message(self, conversation: str, text: str) -> None:
        """A counselor's message (bot.handoff.delivery): always protect_content; raises if it
        cannot be sent (no address, the child blocked the bot) so the counselor is told."""
        target = await self.resolve(conversation)
        if target is None:
            raise LookupError("no Telegram reply address for this conversation")
        runtime, chat_id = target
        for start in range(0, len(text), MAX_TEXT):
            sent = await runtime.bot.send_message(
                chat_id, text[start : start + MAX_TEXT], protect_content=True,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
            await self.remember_message(conversation, sent.message_id)

    # --- lifecycle ------------------------------------------------------------------------------
    async def start(self, on_new_message: OnNewMessage) -> None:
        for bot_config in self.config.bots:
            bot = Bot(
                bot_config.token,
                base_url=self.config.base_url,
                request=HTTPXRequest(connection_pool_size=16, pool_timeout=10.0),
                get_updates_request=HTTPXRequest(read_timeout=40.0),
            )
            try:
                await bot.initialize()
                if self.config.mode == "webhook":
                    await bot.set_webhook(
                        self.config.webhook_url(bot_config),
                        secret_token=bot_config.secret,
                        allowed_updates=ALLOWED_UPDATES,
                    )
                else:
                    await bot.delete_webhook(drop_pending_updates=False)
            except TelegramError as exc:
                logger.error("telegram[%s]: could not start the bot (%s)", bot_config.key, type(exc).__name__)
                continue
            runtime = BotRuntime(bot_config, bot)
            self.runtimes[bot_config.key] = runtime
            if self.config.mode == "polling":
                runtime.tasks.append(asyncio.create_task(self._poll(runtime, on_new_message)))
            logger.info("telegram[%s]: started in %s mode", bot_config.key, self.config.mode)
        if self.config.auto_clean_hours and self.runtimes:
            self._sweeper = asyncio.create_task(self._sweep_forever())

    async def stop(self) -> None:
        tasks = [t for r in self.runtimes.values() for t in r.tasks]
        if self._sweeper is not None:
            tasks.append(self._sweeper)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for runtime in self.runtimes.values():
            try:
                await runtime.bot.shutdown()
            except TelegramError:
                pass
        self.runtimes.clear()

    # --- update handling ------------------------------------------------------------------------
    async def process(self, runtime: BotRuntime, update: Update, on_new_message: OnNewMessage) -> int:
        """Handle one update; returns the HTTP status to answer Telegram with.

        A failing update ledger does not stop the child's message: it is processed anyway (the
        reply ledger keeps a redelivery from repeating replies) — safety before deduplication.
        """
        key = runtime.config.key
        try:
            claim = await self.ledger.claim(key, update.update_id)
        except Exception as exc:
            logger.error("telegram[%s]: update ledger unavailable; processing anyway: %s", key, exception_summary(exc))
            claim = Claim.NEW
        if claim is Claim.DUPLICATE:
            return 200
        if claim is Claim.IN_FLIGHT:
            return 503
        try:  # the database restarting: run again in place first (replies already sent are skipped)
            await run_again_while_unreachable(lambda: self._handle(runtime, update, on_new_message), f"telegram[{key}]")
        except Exception as exc:
            logger.error("telegram[%s]: processing an update failed; Telegram will redeliver: %s", key, exception_summary(exc))
            try:
                await self.ledger.release(key, update.update_id)
            except Exception as exc:
                logger.error("telegram[%s]: could not release the update claim: %s", key, exception_summary(exc))
            return 500
        try:
            await self.ledger.complete(key, update.update_id)
        except Exception as exc:  # stored; a redelivery would only repeat known replies
            logger.error("telegram[%s]: could not mark the update done: %s", key, exception_summary(exc))
        return 200

    async def record_media(self, conversation: str, kind: str) -> None:
        """Record in the conversation that media of ``kind`` came (``SlotSet``, under its lock)."""
        if self._media_recorder is not None:
            await self._media_recorder(conversation, kind)
            return
        from rasa.shared.core.events import SlotSet

        agent = getattr(getattr(self._app, "ctx", None), "agent", None)
        if agent is None or agent.tracker_store is None:
            raise RuntimeError("the Rasa agent is not ready")
        async with agent.lock_store.lock(conversation):
            tracker = await agent.tracker_store.get_or_create_tracker(conversation)
            tracker.update(SlotSet(MEDIA_SLOT, kind))
            await agent.tracker_store.save(tracker)

    async def _answer_media(self, runtime: BotRuntime, update: Update, conversation: str, kind: str, lang: str) -> None:
        """Media without text: a plain "text only, please" and the kind recorded (never the media).
        A failed record is logged; the child still gets the answer."""
        try:
            await self.record_media(conversation, kind)
        except Exception as exc:
            logger.error("telegram[%s]: could not record a media message: %s", runtime.config.key, exception_summary(exc))
        output = TelegramOutput(self, (runtime, update.message.chat.id), update.update_id)  # type: ignore[union-attr]
        await output.send_response(conversation, {"text": TEXT_ONLY.get(lang, TEXT_ONLY["en"]), "utter_action": "utter_out_of_scope"})

    async def _handle(self, runtime: BotRuntime, update: Update, on_new_message: OnNewMessage) -> None:
        message = update.message
        if message is None or message.chat.type != "private":
            return  # edited messages, channel posts, groups: not handled
        body = message.text if message.text is not None else message.caption  # a caption is text
        kind = None if body is not None else next((k for k in MEDIA_KINDS if getattr(message, k, None)), None)
        if body is None and kind is None:
            return  # service messages: nothing the child wrote
        chat_id = message.chat.id
        conversation = identity.conversation_id(KIND, f"{runtime.config.bot_id}:{chat_id}")
        try:  # needed for counselor replies later; never a reason to withhold this answer
            await self.addresses.remember(KIND, conversation, {"bot": runtime.config.key, "chat": chat_id})
        except Exception as exc:
            logger.error("telegram[%s]: could not store the reply address: %s", runtime.config.key, exception_summary(exc))
        await self.remember_message(conversation, message.message_id)

        lang = (message.from_user.language_code or "")[:2].lower() if message.from_user else ""
        if body is None:
            await self._answer_media(runtime, update, conversation, str(kind), lang)
            return
        metadata: dict[str, Any] = {"persona": runtime.config.persona}
        if lang in LANGUAGES:
            metadata["lang"] = lang
        if message.forward_origin is not None:  # someone else's words (core.safety, step 5)
            metadata["forwarded"] = True
        if message.caption is not None and message.text is None:
            metadata["caption"] = True
        if message.text is not None and _START.match(message.text):  # the deep-link payload is ignored
            text = GREETINGS.get(lang, GREETINGS["en"])
            metadata["start"] = True
        else:
            text = neutralise(clean(body))
        if not text.strip():
            return
        await on_new_message(
            UserMessage(
                text,
                TelegramOutput(self, (runtime, chat_id), update.update_id),
                conversation,
                input_channel=KIND,
                message_id=f"tg-{runtime.config.bot_id}-{update.update_id}",
                metadata=metadata,
            )
        )

    async def _poll(self, runtime: BotRuntime, on_new_message: OnNewMessage) -> None:
        offset: int | None = None
        backoff = 1.0
        while True:
            try:
                updates = await runtime.bot.get_updates(offset=offset, timeout=25, allowed_updates=ALLOWED_UPDATES)
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except TelegramError as exc:
                logger.warning("telegram[%s]: polling failed (%s); retrying", runtime.config.key, type(exc).__name__)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 60.0)
                continue
            for update in updates:
                status = await self.process(runtime, update, on_new_message)
                if status != 200:  # not acknowledged: fetch it again after a pause
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, 60.0)
                    break
                offset = update.update_id + 1

    async def sweep(self) -> int:
        """Clean every conversation idle for ``auto_clean_hours``; returns how many were cleaned."""
        assert self.config.auto_clean_hours
        idle = await self.message_log.idle_since(utcnow() - timedelta(hours=self.config.auto_clean_hours))
        cleaned = 0
        for conversation in idle:
            if await self.clean(conversation):
                cleaned += 1
        return cleaned

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(600)
            try:
                await self.sweep()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.error("telegram: automatic clean-up failed; will retry: %s", exception_summary(exc))

    # --- Rasa blueprint -------------------------------------------------------------------------
    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        bp = channel_blueprint("popbot_telegram", extra=[], on_register=lambda app: install_doors(app, Doors()))
        channel = self

        @bp.listener("after_server_start")
        async def _start(app: Any, _loop: Any) -> None:
            channel._app = app
            await channel.start(on_new_message)
            from bot.handoff import delivery

            delivery.register(KIND, channel.deliver_counselor_message, lock=delivery.agent_lock(app))

        @bp.listener("before_server_stop")
        async def _stop(_app: Any, _loop: Any) -> None:
            from bot.handoff import delivery

            await delivery.unregister(KIND)
            await channel.stop()

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/<key:str>/webhook", methods=["POST"], stream=True)
        async def webhook(request: Request, key: str) -> HTTPResponse:
            runtime = channel.runtimes.get(key)
            offered = request.headers.get(SECRET_HEADER, "")
            secret = runtime.config.secret if runtime is not None else _NO_SECRET
            # an unknown key and a wrong secret get the same plain 404: which keys exist stays unknown
            if not hmac.compare_digest(offered.encode(), secret.encode()) or runtime is None:
                return not_found()
            try:
                body = await read_body(request)
            except BodyTooLarge as exc:
                return response.json({"error": str(exc)}, status=413)
            update = parse_update(body, runtime.bot)
            if update is None:
                return response.json({"error": "the body is not a Telegram update"}, status=400)
            status = await channel.process(runtime, update, on_new_message)
            return response.json({}, status=status)

        return bp


def parse_update(body: bytes, bot: Bot) -> Update | None:
    """The update in a webhook body, or None if it is not one (never raises): invalid or deeply
    nested JSON, an ``update_id`` that is not a non-negative 64-bit integer, a malformed message."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    if type(update_id) is not int or not 0 <= update_id < 2**63:
        return None
    message = data.get("message")
    if message is not None and not isinstance(message, dict):
        return None
    try:
        return Update.de_json(data, bot)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _default_reply_ledger() -> ReplyLedger:
    settings = load_settings()
    if settings.redis_url:
        return RedisReplyLedger(settings.redis_url)
    return SqlReplyLedger(settings.database_url)


def _default_backends(message_log: MessageIdLog | None) -> tuple[UpdateLedger, MessageIdLog]:
    """Redis when ``POPBOT_REDIS_URL`` is set, else the popbot database."""
    settings = load_settings()
    if settings.redis_url:
        return RedisUpdateLedger(settings.redis_url), message_log or RedisMessageIdLog(settings.redis_url)
    url = settings.database_url
    return SqlUpdateLedger(url), message_log or SqlMessageIdLog(url)


__all__ = ["TelegramInput", "TelegramOutput", "is_sensitive"]
