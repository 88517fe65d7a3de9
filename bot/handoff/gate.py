"""The handoff inside the Rasa process (never the action server), through two hooks that
``core.rasa_compat.install_message_hooks`` puts around Rasa's ``MessageProcessor``:

* :func:`gate` — before a message is processed (after ``bot.channels.repeats.gate``, which answers
  a message the conversation already stored with its stored replies): while a person holds the conversation the bot
  is silent. The message never reaches Rasa's dialogue (so neither a session expiry nor a
  ``/restart``-looking text can end the hold); it is classified by the same NLU and stored
  encrypted as a handoff message; an urgent signal raises the priority and alerts.
* :func:`before_send` — after an action's events were logged and before its replies are sent:
  when the bot is about to tell the child that someone will write (``PROMISES``), or it ran
  ``action_request_counselor`` (also when the action server is down: Rasa logs the action
  anyway), the conversation enters the queue first. If that fails, the reply is not sent and
  the channel reports the failure (web: spool and retry; Telegram: redelivery). When nobody is
  on duty and signed in (``availability``), the promise is replaced by "nobody now, back at …",
  the referral of the persona's country and, if urgent, the emergency number. When the bot
  says ``utter_not_now`` (the child put the offer off), a conversation still waiting leaves the
  queue (``bot_side.put_off``): nobody writes to a child who said "not now". While the child
  waits, ordinary talk (:func:`is_small_talk`: "hello??", "thanks", "ok", a line the bot did not
  understand, or a question the classifier took for the shop's — "what happens now?"
  drew the who-we-are line, "how long will it take?" the delivery times) is answered with the
  promise again (``utter_please_wait``), or "nobody now, back at …" when nobody is on duty, never
  with the shop's greeting or menu as if the request were forgotten; and the bot's question whether
  a person should write (``OFFERS``, after a new disclosure) becomes the promise: one is coming. A
  waiting child's "no" to that promise, answered with the shop's cover line (``REFUSED``: the dialogue took
  it for a no to the offer), is not now: the not_now line, and the conversation leaves the queue.
  A bare "whats the number" right after the bot's quiet line, answered with small talk or a cover line, gets the
  no_number line (:func:`number_after_quiet_line`): no number while someone may be reading.

:func:`install` also puts :func:`_after_parse` after the NLU: ``bot.open_question`` (an answer read with the bot's
open question: "why?" to "which city?"), ``bot.fault_context`` (the fault question with its reason after a disclosure),
then ``bot.adult_context`` (a shop errand read as the urgent code after an
adult customer's line: the urgent discreet question), ``bot.disclosure_context``, ``bot.changed_mind`` (a change of
mind after a no, a denial after a joke) and ``bot.plain_openers`` ("may I tell you something?"); no database work.
``before_send`` also lets ``bot.changed_mind`` and ``bot.age_context`` say a reply in other words (no plain
acknowledgement inside a persona; the offer asked again after a no in its own words; an age after a disclosure heard).

The handoff tables live in the tracker store's database (``EncryptedTrackerStore.storage``).

Both hooks run on the Rasa server's event loop for every message, so their database work (and
the Redis nudge of a commit) runs in a worker thread (``asyncio.to_thread``), as the tracker
store's does: one hop per hook (the hold look-up; the queue entry with the availability check
and the "nobody now" lines, or the waiting look-up of a turn of small talk or an offer), plus one
for a held conversation's line after it was classified (and one when an offer was not replaced
because the child does not wait, before the queue step of the same turn, if any).
The transactions are those of :mod:`bot.handoff.bot_side`; an exception in the thread leaves
the hook as before, so a queue entry that cannot be stored still stops the promise.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import re
from typing import Any, Callable

# OFFERS: the bot's questions whether a person should write; while the child already waits for one (a
# new disclosure, "co mam robić?" read as distress after the urgent reply), the promise is said instead
from actions.referral import OFFERS
from actions.repeat import NO_NUMBER, NUMBER_KEY
from bot import (adult_context, age_context, changed_mind, disclosure_context, fault_context, offline_actions,
                 open_question, plain_openers)
from bot.channels import repeats
from bot.handoff import availability, bot_side, delivery
from bot.handoff.model import Context
from core import PROJECT_ROOT, rasa_compat
from core.safety import Phrases, made_of
from core.text import fold
from core.signals import HELP_SIGNALS, NO_PERSONA, PERSONA_SEPARATOR
from nlu.quiet import load_phrases

log = logging.getLogger(__name__)

#: Replies that tell the child a person will write (or accept the offer of one). The offer itself
#: (``utter_offer_counselor``, "shall I pass you over?") is a question: only "yes" queues.
PROMISES = frozenset({"utter_help_accepted", "utter_counselor_urgent", "utter_please_wait"})
QUEUE_ACTION = "action_request_counselor"
#: What a promise becomes when nobody answers now (bot/handoff/availability.py).
NOBODY = "utter_nobody_now"
#: The child put the offer off ("not now"): a waiting conversation leaves the queue.
LATER = "utter_not_now"
#: Replies that only make conversation: alone, while the child waits, they become the promise again
#: (so do the personas' cover answers, :func:`is_small_talk`).
SMALL_TALK = frozenset({"utter_greet", "utter_thanks", "utter_out_of_scope", "utter_back_to_shop"})
WAIT = "utter_please_wait"
#: The shop's cover line that answers a "no": from a waiting child it means not now (:func:`before_send`).
REFUSED = "utter_back_to_shop"
#: The bot's quiet lines: the child said it is not safe, someone may be reading (:func:`number_after_quiet_line`).
QUIET_LINES = frozenset({"utter_not_safe", "utter_clean_done"})

_contexts: dict[int, Context] = {}


def context_for(processor: Any) -> Context | None:
    """The handoff context on the processor's encrypted tracker store (None: no such store)."""
    store = getattr(rasa_compat.unwrap_store(processor.tracker_store), "storage", None)
    if store is None:
        return None
    delivery.use_domain(processor.domain)
    found = _contexts.get(id(store))
    if found is None or found.storage is not store:
        found = _contexts[id(store)] = Context.of(store)
    return found


async def gate(processor: Any, message: Any) -> bool:
    """True (message taken over, bot silent) while a person holds the conversation."""
    ctx = context_for(processor)
    if ctx is None or not message.sender_id:
        return False
    if await asyncio.to_thread(bot_side.state_of, ctx, message.sender_id) != "held":
        return False
    parse = await processor.parse_message(message)
    await asyncio.to_thread(
        bot_side.record_child_message, ctx, message.sender_id, message.text or "",
        signal=str(parse.get("signal") or "none"), urgent=bool(parse.get("urgent")),
        message_id=message.message_id,  # a repeat is recorded once
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
    """Persist the queue entry before a promise that someone will write is sent; when nobody
    answers now, the promise becomes "nobody now, back at …" + referral (+ emergency number)."""
    from rasa.shared.core.events import BotUttered

    if offline_actions.fill_in(events, tracker, processor.domain):
        return  # "what was the number again?" with the action server down (bot/offline_actions.py)
    # "is it my fault because …" with no disclosure before it: the shop's "not sure I understood" (bot/fault_context.py)
    fault_context.without_disclosure(events, tracker, lambda *said: delivery.voice_of(processor.domain)(*said))
    # a change of mind after a no: no plain acknowledgement inside a persona; a yes right after the no asks the offer
    # again in the offer's words, not "sorry, I didn't understand" (bot/changed_mind.py)
    changed_mind.in_voice(events, tracker, lambda *said: delivery.voice_of(processor.domain)(*said))
    # "no thanks, how much is shipping?" to the discreet question: the no's line before the shop's answer (s36)
    open_question.back_to_shop_first(events, tracker, lambda *said: delivery.voice_of(processor.domain)(*said))
    # "im 9" after a disclosure in the plain bot is heard, not met with the same offer word for word (bot/age_context.py)
    age_context.age_heard(events, tracker, lambda *said: delivery.voice_of(processor.domain)(*said))
    said = [e for e in events if isinstance(e, BotUttered)]
    if number_after_quiet_line(said, tracker) and not await _person_coming(processor, tracker):
        persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
        text = delivery.speak(persona, lang, NO_NUMBER)
        if text:
            _say_instead(events, said, NO_NUMBER, [text])
            return
    if _is_refusal(said, tracker) and await _while_waiting(processor, events, said, tracker, _not_now_lines):
        return  # "nie chcę" to the promise: not now, out of the queue
    if said and all(is_small_talk((e.metadata or {}).get("utter_action")) for e in said):
        await _while_waiting(processor, events, said, tracker)
        return
    offers = [e for e in said if (e.metadata or {}).get("utter_action") in OFFERS]
    if offers and await _while_waiting(processor, events, offers, tracker):
        return  # a person is already coming: the question became the promise
    if any((e.metadata or {}).get("utter_action") == LATER for e in said):
        ctx = context_for(processor)
        if ctx is not None:
            await asyncio.to_thread(bot_side.put_off, ctx, tracker.sender_id)
        return
    promises = [e for e in said if (e.metadata or {}).get("utter_action") in PROMISES]
    if not promises and tracker.latest_action_name != QUEUE_ACTION:
        return
    ctx = context_for(processor)
    if ctx is None:
        return
    signal, urgent = _request(tracker)
    persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
    lines = await asyncio.to_thread(
        _enter_queue, ctx, tracker.sender_id, channel=str(tracker.get_latest_input_channel() or "unknown"),
        persona=persona, lang=lang, signal=signal, urgent=urgent, promised=bool(promises),
        emergency_said=_said_this_turn(tracker, "utter_emergency"),
    )
    if lines is None:
        return
    _say_instead(events, promises, NOBODY, lines)


def is_small_talk(response: str | None) -> bool:
    """A reply that only makes conversation: ``SMALL_TALK`` or a persona's cover answer
    (``utter_<persona>__…``: products, prices, delivery)."""
    return bool(response) and (response in SMALL_TALK or PERSONA_SEPARATOR in str(response))


@functools.lru_cache(maxsize=1)
def _bare_number_words() -> Phrases:
    return load_phrases(PROJECT_ROOT / "nlu" / "safety" / "cues.yml", "number_bare")


def number_after_quiet_line(said: list, tracker: Any) -> bool:
    """The child asks for "the number" in so many words (``number_bare`` in nlu/safety/cues.yml: "whats the
    number", "dame el numero", "podaj numer") right after the bot's quiet line (``QUIET_LINES``: the child said it
    is not safe), the message was read as ordinary talk and the bot is about to answer with small talk or a cover
    line alone: the no_number line instead, in every persona (s28, blind 9: "gtg someone is here", then "whats the
    number" drew the game's "I only know about games"). No number is said while someone may be reading, and none
    was said since the quiet line (actions/repeat.py, the wipe). A help signal keeps its reply; so does a chat where a
    person may be on the way (:func:`_person_coming`, checked by the caller)."""
    if not said or not all(is_small_talk((e.metadata or {}).get("utter_action")) for e in said):
        return False
    parse = tracker.latest_message.parse_data or {}
    if parse.get("signal") not in (None, "none") or _line_before_message(tracker) not in QUIET_LINES:
        return False
    lang = str(tracker.get_slot("lang") or "") or None
    return made_of(fold(tracker.latest_message.text or ""), lang, _bare_number_words())


async def _person_coming(processor: Any, tracker: Any) -> bool:
    """Whether a person may be on the way: the bot promised one or said the waiting line in this chat (``PROMISES``,
    ``NOBODY``, the queue action) or the conversation waits in the queue. Then a bare "whats the number" after the
    quiet line keeps its answer while waiting ("a person is coming", :func:`_while_waiting`), never no_number
    (review s28: "i want to kill myself tonight", "someone is coming cant talk", "whats the number")."""
    from rasa.shared.core.events import ActionExecuted, BotUttered

    for event in tracker.events:
        if isinstance(event, BotUttered) and (event.metadata or {}).get("utter_action") in PROMISES | {NOBODY}:
            return True
        if isinstance(event, ActionExecuted) and event.action_name == QUEUE_ACTION:
            return True
    ctx = context_for(processor)
    if ctx is None:
        return False
    return await asyncio.to_thread(bot_side.waiting_request, ctx, tracker.sender_id) is not None


def _is_refusal(said: list, tracker: Any) -> bool:
    """The bot answers a "no" (intent ``deny``) to the promise with the shop's cover line alone
    (``utter_back_to_shop``): the child's previous line from the bot was the promise (``WAIT``: an offer
    said as the promise, :func:`_while_waiting`). A "no" to anything else while waiting ("no i cant"
    after the emergency number, "no" to "which city?", "no quiero eso" after the privacy answer) keeps
    the promise."""
    return (len(said) == 1 and (said[0].metadata or {}).get("utter_action") == REFUSED
            and (tracker.latest_message.intent or {}).get("name") == "deny"
            and _says_not_wanting(fold(tracker.latest_message.text or ""))
            and _line_before_message(tracker) == WAIT)


def _says_not_wanting(folded: str) -> bool:
    """A bare "no" or words of not wanting it any more: only these take a waiting child out of the queue ("no
    im still here", "no, nadie ha venido", "nie, nikt nie przyszedł" read as "no" keep the promise)."""
    return _BARE_NO.fullmatch(folded.strip(" .!?")) is not None or _NOT_WANTING.search(folded) is not None


_BARE_NO = re.compile(r"(no+|nie|nope|nah|no thanks|no gracias|nie dzieki|nie dziekuje)")
#: Words of not wanting it any more (the review of s22).
_NOT_WANTING = re.compile(r"\b(nie chce|nie chcem|no quiero|ya no quiero|dont want|don t want|do not want|dont wanna"
                          r"|changed my mind|zmienil[ae]m zdanie|cambie de opinion|he cambiado de opinion)\b")


def _line_before_message(tracker: Any) -> str | None:
    """The response name of the bot's last line before the child's latest message (None: none)."""
    from rasa.shared.core.events import BotUttered, UserUttered

    seen_message = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen_message = True
        elif seen_message and isinstance(event, BotUttered):
            return (event.metadata or {}).get("utter_action")
    return None


def _not_now_lines(ctx: Context, conversation_id: str, persona: str, lang: str) -> tuple[str, list[str]] | None:
    """In a worker thread, for a waiting child's "no" ("nie chcę", "jednak nie chcę, zmieniłam zdanie"; the
    offer was shown as the promise, :func:`_while_waiting`, so the dialogue took the "no" for one to the
    offer and answered with the shop): None unless the conversation waits for a person; else it leaves the
    queue (an urgent one stays, ``bot_side.put_off``) and the not_now line in the persona's voice, as after
    "no" to the promise itself (nlu/dialogue/rules.yml)."""
    if bot_side.waiting_request(ctx, conversation_id) is None:
        return None
    text = delivery.speak(persona, lang, LATER)
    if not text:
        return None
    bot_side.put_off(ctx, conversation_id)
    return LATER, [text]


def _say_instead(events: list, replies: list, key: str, lines: list[str]) -> None:
    """The first of ``replies`` says ``lines`` as response ``key``; the others are not sent. The
    tracker holds the same event, so the transcript shows what was said."""
    first, *rest = replies
    first.text = "\n\n".join(lines)
    first.metadata = {**(first.metadata or {}), "utter_action": key, **(_numbers(lines) if key == NOBODY else {})}
    for extra in rest:
        events.remove(extra)


def _numbers(nobody_lines: list[str]) -> dict[str, list[str]]:
    """The metadata that marks the referral (and emergency number) after the "nobody now" line, so
    "what was the number again?" says them again (actions/repeat.py)."""
    return {NUMBER_KEY: nobody_lines[1:]} if len(nobody_lines) > 1 else {}


async def _while_waiting(processor: Any, events: list, said: list, tracker: Any,
                         lines_of: Callable[[Context, str, str, str], tuple[str, list[str]] | None] | None = None
                         ) -> bool:
    """Small talk of a waiting child (or the question whether a person should write): the promise
    again, or "nobody now, back at …" (+ referral); ``lines_of`` (default :func:`_waiting_lines`) may
    say something else (:func:`_not_now_lines`). True if ``said`` was replaced (the child waited)."""
    ctx = context_for(processor)
    if ctx is None:
        return False
    persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
    lines = await asyncio.to_thread(lines_of or _waiting_lines, ctx, tracker.sender_id, persona, lang)
    if lines is None:
        return False
    _say_instead(events, said, *lines)
    return True


def _waiting_lines(ctx: Context, conversation_id: str, persona: str, lang: str) -> tuple[str, list[str]] | None:
    """In a worker thread: None unless the conversation waits for a person; else the response key
    and the lines that say so (when nobody answers now: the referral again and, if the request
    was urgent, the emergency number again)."""
    request = bot_side.waiting_request(ctx, conversation_id)
    if request is None:
        return None
    found = availability.status(ctx)
    if not found.available:
        signal, urgent = request
        return NOBODY, availability.nobody_lines(ctx, found, persona=persona, lang=lang, signal=signal,
                                                 urgent=urgent, emergency_said=False)
    text = delivery.speak(persona, lang, WAIT)
    return (WAIT, [text]) if text else None


def _enter_queue(ctx: Context, conversation_id: str, *, channel: str, persona: str, lang: str, signal: str,
                 urgent: bool, promised: bool, emergency_said: bool) -> list[str] | None:
    """In a worker thread: the queue entry (its own transaction, committed before anything is
    said), then, if a promise is about to be sent, who answers now. Returns the "nobody now"
    lines that replace the promise, or None (no promise, or someone answers)."""
    bot_side.enter_queue(ctx, conversation_id, channel=channel, persona=persona, lang=lang, signal=signal,
                         urgent=urgent)
    if not promised:
        return None
    found = availability.status(ctx)
    if found.available:
        return None
    return availability.nobody_lines(ctx, found, persona=persona, lang=lang, signal=signal, urgent=urgent,
                                     emergency_said=emergency_said)


def _said_this_turn(tracker: Any, response: str) -> bool:
    from rasa.shared.core.events import BotUttered, UserUttered

    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get("utter_action") == response:
            return True
    return False


async def _gates(processor: Any, message: Any) -> bool:
    """A message already processed is answered again with its stored replies (bot.channels.repeats,
    before anything else: a retried message is never recorded twice), then the hold."""
    return await repeats.gate(processor, message) or await gate(processor, message)


async def _after_parse(processor: Any, message: Any, tracker: Any, parse: dict) -> None:
    """The after-parse hook (``core.rasa_compat.install_message_hooks``): the readings with the conversation, in
    order — the open question's (``bot.open_question.read_with_open_question``), the fault question after a disclosure
    (``bot.fault_context.read_with_disclosure_before``: "is it my fault? he says i wind him up"), then the adult
    customer's context
    (``bot.adult_context.read_with_adult_context``), then the disclosure before it
    (``bot.disclosure_context.read_with_disclosure``: "hes coming up the stairs" after "my stepdad hits me"). Each
    changes the parse in place; an error in one leaves the parse as that step found it and the next still runs (the
    message is never lost for it; only the error's kind is logged)."""
    for name, step in (("the open question", open_question.read_with_open_question),
                       ("the fault question after a disclosure", fault_context.read_with_disclosure_before),
                       ("the adult context", adult_context.read_with_adult_context),
                       ("the disclosure before", disclosure_context.read_with_disclosure),
                       ("what came before", changed_mind.read_with_what_came_before),
                       ("the plain opener", plain_openers.read_opener)):
        try:
            step(parse, tracker)
        except Exception as exc:  # never break the conversation
            log.error("reading with %s failed: %s", name, exc.__class__.__name__)


def install() -> None:
    """Install both hooks into Rasa (idempotent), and the readings with the conversation after the NLU
    (:func:`_after_parse`: "why?" to "which city?", "to drugie" to "Boston in the US?"; "no thanks, just send it
    express" after "a present for my wife")."""
    rasa_compat.install_message_hooks(_gates, before_send, _after_parse)
