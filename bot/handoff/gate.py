"""The handoff inside the Rasa process (never the action server), through two hooks that
``core.rasa_compat.install_message_hooks`` puts around Rasa's ``MessageProcessor``:

* :func:`gate` — before a message is processed: while a person holds the conversation the bot
  is silent. The message never reaches Rasa's dialogue (so neither a session expiry nor a
  ``/restart``-looking text can end the hold); it is classified by the same NLU and stored
  encrypted as a handoff message; an urgent signal raises the priority and alerts.
* :func:`before_send` — after an action's events were logged and before its replies are sent:
  when the bot is about to tell the child that someone will write (``PROMISES``), or it ran
  ``action_request_counselor`` (also when the action server is down: Rasa logs the action
  anyway), the conversation enters the queue first. If that fails, the reply is not sent and
  the channel reports the failure (web: spool and retry; Telegram: redelivery).

The handoff tables live in the tracker store's database (``EncryptedTrackerStore.storage``).
"""
from __future__ import annotations

from typing import Any

from bot.handoff import bot_side, delivery
from bot.handoff.model import Context
from core import rasa_compat
from core.signals import HELP_SIGNALS, NO_PERSONA

#: Replies that tell the child a person will write (or that accept the offer of one).
PROMISES = frozenset({"utter_help_accepted", "utter_offer_counselor", "utter_counselor_urgent", "utter_please_wait"})
QUEUE_ACTION = "action_request_counselor"

_contexts: dict[int, Context] = {}


def context_for(processor: Any) -> Context | None:
    """The handoff context on the processor's encrypted tracker store (None: no such store)."""
    store = getattr(rasa_compat.unwrap_store(processor.tracker_store), "storage", None)
    if store is None:
        return None
    delivery.use_domain(processor.domain)
    found = _contexts.get(id(store))
    if found is None or found.storage is not store:
        nudge = None
        if store.settings.redis_url:
            from bot.handoff.events import RedisNudge

            nudge = RedisNudge(store.settings.redis_url)
        found = _contexts[id(store)] = Context(store, nudge=nudge)
    return found


async def gate(processor: Any, message: Any) -> bool:
    """True (message taken over, bot silent) while a person holds the conversation."""
    ctx = context_for(processor)
    if ctx is None or not message.sender_id or bot_side.state_of(ctx, message.sender_id) != "held":
        return False
    parse = await processor.parse_message(message)
    bot_side.record_child_message(
        ctx, message.sender_id, message.text or "", signal=str(parse.get("signal") or "none"),
        urgent=bool(parse.get("urgent")),
    )
    return True


def _request(tracker: Any) -> tuple[str, bool]:
    """The signal that asked for help (latest help signal of the session) and urgency."""
    from rasa.shared.core.events import UserUttered

    urgent = bool((tracker.latest_message.parse_data or {}).get("urgent"))
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            parse = event.parse_data or {}
            if parse.get("signal") in HELP_SIGNALS:
                return str(parse["signal"]), urgent or bool(parse.get("urgent"))
    return "ask_human", urgent


async def before_send(processor: Any, events: list, tracker: Any) -> None:
    """Persist the queue entry before a promise that someone will write is sent."""
    from rasa.shared.core.events import BotUttered

    promised = any(isinstance(e, BotUttered) and (e.metadata or {}).get("utter_action") in PROMISES for e in events)
    if not promised and tracker.latest_action_name != QUEUE_ACTION:
        return
    ctx = context_for(processor)
    if ctx is None:
        return
    signal, urgent = _request(tracker)
    bot_side.enter_queue(
        ctx, tracker.sender_id, channel=str(tracker.get_latest_input_channel() or "unknown"),
        persona=str(tracker.get_slot("persona") or NO_PERSONA), lang=str(tracker.get_slot("lang") or "en"),
        signal=signal, urgent=urgent,
    )


def install() -> None:
    """Install both hooks into Rasa (idempotent)."""
    rasa_compat.install_message_hooks(gate, before_send)
