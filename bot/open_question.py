"""Answers read with the question that is open (session 29).

The NLU reads one message: "why?", "po co ci to?", "to drugie", "el otro", "what does that mean", "can i talk to a
real person" alone have no open question, and the classifier reads them by their words ("why?" a yes at .71, "to
drugie" bullying .44, "el otro" the quiet code .42, "can i talk to a real person" asking for a person, which inside a
persona is its discreet question again). Some of them only make sense with the bot's last question. This module
reads them with it, after the NLU and before the dialogue sees the message (:func:`read_with_open_question`,
run by ``bot.handoff.gate``'s after-parse hook, installed with the handoff hooks; the tracker is in memory: no
database hop):

* a place question is open — "which city?" (``utter_ask_location``), "is now a good moment? which city?"
  (``utter_help_accepted``, where the persona's good-moment question asks the city: it has a ``why_accepted``
  line), "Boston in the United States?" or "Córdoba in Argentina or Mexico?" (asked by the referral action,
  slot ``place_options``) — and the message asks why the place is wanted (``nlu.open_answers.says_why``): it is
  unclear here (``out_of_scope``), so the referral action says why it asks and asks again (actions/referral.py);
* "Boston in the United States?" is open (two or more places of the name) and the message is "the other one"
  (``says_other_one``): unclear here too, and the referral action routes to the other place (or, with three or
  more, names the remaining ones);
* inside a persona, the offer of a person asked again is open (``utter_ask_again``) and the message asks what that
  means (``asks_what_it_means``): ``ask_repeat``, so the offer is said again (it drew the shop's cover line: a
  second unclear answer ends the offer);
* inside a persona, the offer of a person is open (``utter_confirm_help``, ``utter_offer_counselor``,
  ``utter_ask_again``) and the message asks what the offer is ("what's this about the specialist?", "a co to za
  konsultacja?": ``asks_about_offer``) and is read as ordinary talk or a signal the classifier is less than
  ``TENTATIVE_CONFIDENCE`` sure of: unclear (``out_of_scope``), so the offer is asked again (s28, read here since
  s30: with no offer open, "what is a consultation" keeps its reading — the code);
* inside a persona, a question whether a person should write is open (``utter_confirm_help``,
  ``utter_offer_counselor``, ``utter_ask_again``) and the message asks for a person in so many words
  (``asks_for_a_person``), read as ``ask_human``: a yes (``affirm``);
* the bot's last line put an offer off — the quiet line (``utter_not_safe``: "nvm wrong chat" → "Okay. Take care")
  or the not-now line (``utter_not_now``: "no rush, write yes when it suits you") — and the message, read as a yes,
  only takes note of it (``only_acknowledges``: "ok", "vale gracias", "dobra"): ``thanks``, so the innocuous
  thanks line answers and the offer stays remembered for a real "yes" (s33: the "ok" queued the child who had just
  broken off, in every persona and the plain bot).
* "which city?" or "is now a good moment? which city?" is open and the message only asks for a number to pass on
  ("que numero le doy a mi amiga?", "jaki numer mam dać bratu?": ``asks_number_to_pass_on``; in the shop the second
  read the catalogue question .47): the place not said, so a number asked (``inform_location``, a help signal kept),
  which the referral action routes on the persona's country (the plain bot, which has none, asks the city again;
  s33: it drew only "a specialist writes to you soon" and "which city?").
* in a shop persona with no question open, a message read as ordinary talk that only takes the product ("perfecto, me
  la llevo", "ok ill take it", "super, biorę": ``takes_product``): the shop's how-to-order answer
  (``<shop>__website_help``), s34 — it drew "no lo he pillado"; with the offer of a person open, a yes (``affirm``:
  "vale, me la llevo" to "shall our specialist write to you?" drew the price list).

Never a help signal lowered: only a message made of one of these closed vocabularies (no harm word, place, refusal
or quiet line can be in one: "why? because he hits me", "the other one is my dad who hits me" are no such shape),
never a message read as urgent, naming a place or refusing one, and never (but for the request for a person, read
as asking for one) a help signal the classifier is at least ``TENTATIVE_CONFIDENCE`` sure of. A line after the
question was answered, or in a new session, has no open question: main's reading. The emergency reply's own place
question ("Santiago in Chile?" after ``action_emergency_local``) is not read here: its rules take a yes, a no or a quiet
line only (nlu/dialogue/rules.yml).
"""
from __future__ import annotations

from typing import Any, Optional

from actions.referral import ALL_ASKED, NUMBER_ASKED, OPEN_ANSWER
from bot.tracker_reading import parse_entity, session_events
from core.persona import persona_by_id
from core.safety import TENTATIVE_CONFIDENCE, is_polite_no, opens_with_decline
from core.signals import HELP_SIGNALS, NO_PERSONA, PERSONA_SEPARATOR
from core.text import fold
from nlu.open_answers import (
    asks_about_offer, asks_for_a_person, asks_number_to_pass_on, asks_what_it_means, asks_what_offer_is,
    only_acknowledges,
    says_other_one, says_why, takes_product,
)

#: The open questions this module reads answers to.
PLACE = "place"                  # "which city?" (utter_ask_location)
GOOD_MOMENT = "good_moment"      # "is now a good moment? which city?" (utter_help_accepted, when it asks the city)
CONFIRM_PLACE = "confirm_place"  # "Boston in the United States?" (place_options, two or more places)
WHICH_ONE = "which_one"          # "Córdoba in Argentina or Mexico?" (place_options after "the other one")
OFFER = "offer"                  # "shall a person write to you?" (utter_confirm_help, utter_offer_counselor)
OFFER_AGAIN = "offer_again"      # the same, asked again (utter_ask_again)
PUT_OFF = "put_off"              # no question: the offer put off (utter_not_safe, utter_not_now)
PLACE_QUESTIONS = frozenset({PLACE, GOOD_MOMENT, CONFIRM_PLACE, WHICH_ONE})
OFFERS = frozenset({OFFER, OFFER_AGAIN})
#: The bot's answers to questions about this chat that leave the question before them open (the rules say it again
#: or keep it: nlu/dialogue/rules.yml).
KEEPS_OPEN = frozenset({"utter_privacy", "utter_not_your_fault", "utter_cost_free", "utter_cost_here"})
#: The bot's lines that put the offer of a person off (the quiet line, the not-now line): no question is open.
PUTTING_OFF = frozenset({"utter_not_safe", "utter_not_now"})
#: The action that asks which place is meant (and answers it).
REFERRAL = "action_offer_referral"
#: The parse key that says how the message was read (its value: one of the answer kinds below; ``NUMBER_ASKED`` is
#: read by the referral action too, actions/referral.py).
WHY_PLACE, OTHER_ONE, WHAT_IT_MEANS, PERSON_REQUEST = "why_place", "other_one", "what_it_means", "person_request"
ABOUT_OFFER = "about_offer"
WHAT_OFFER_IS = "what_offer_is"  # s35: "what is it exactly" to the offer: the persona's explanation again
#: The persona's code for help (its generic name): read again, the offer's explanation is said again.
CODE_FOR_HELP = "help_request"
ACKNOWLEDGED = "acknowledged"
TOOK_IT = "took_it"  # s34: "perfecto, me la llevo" with no question open
TOOK_OFFER = "took_offer"  # s34: "vale, me la llevo" to the offer of a person: a yes
DECLINED_FOR_SHOP = "declined_for_shop"  # s36: "no thanks, how much is shipping?" to the discreet question
#: The persona's line for a no to the offer of a person ("of course, anything from the shop?").
BACK_TO_SHOP = "utter_back_to_shop"
#: The open questions a number asked for answers (it says no place: the number of the persona's country).
_NUMBER_QUESTIONS = frozenset({PLACE, GOOD_MOMENT})
#: Entities the replaced reading brought (the cover voice of a help signal read in the code's words, a risk cue).
_READING_ENTITIES = frozenset({"voice", "risk", "duration"})


def open_question(tracker: Any) -> Optional[str]:
    """The bot's question still open when the child's next message comes: one of :data:`PLACE_QUESTIONS` or
    :data:`OFFERS`, :data:`PUT_OFF` when the bot's last line put the offer off (no question: the answer to an
    acknowledgment is read with it), or None. ``tracker`` holds the conversation up to the message (not the message itself)."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

    events = session_events(tracker)
    last_action: Optional[str] = None
    answered = False  # the bot said something after the child's last message
    for event in reversed(events):
        if isinstance(event, UserUttered):
            break
        answered = answered or isinstance(event, BotUttered)
        if isinstance(event, ActionExecuted) and last_action is None and event.action_name != "action_listen":
            last_action = event.action_name
    if not answered:
        return None
    # the last line, past the answers that keep the question before them open (privacy, fault, cost)
    said = [(e.metadata or {}).get("utter_action") for e in events if isinstance(e, BotUttered)]
    last_line = next((s for s in reversed(said) if s not in KEEPS_OPEN), None)
    options = tracker.get_slot("place_options") or []
    if options and last_action == REFERRAL:
        return WHICH_ONE if options[:1] == [ALL_ASKED] else CONFIRM_PLACE
    place_known = bool(tracker.get_slot("location"))
    if last_line == "utter_ask_location" and not place_known:
        return PLACE
    if last_line == "utter_help_accepted" and not place_known and _asks_city_when_accepted(tracker):
        return GOOD_MOMENT
    if last_line == "utter_ask_again":
        return OFFER_AGAIN
    if last_line in ("utter_confirm_help", "utter_offer_counselor"):
        return OFFER
    if last_line in PUTTING_OFF:
        return PUT_OFF
    return None


def _asks_city_when_accepted(tracker: Any) -> bool:
    """Whether the persona's good-moment question asks the city too: it has the ``why_accepted`` line (the plain bot
    does, actions/referral_words.yml; the game tips' asks no town)."""
    found = persona_by_id(tracker.get_slot("persona"))
    return found is None or "why_accepted" in found.voice


def _sure_help(parse: dict) -> bool:
    """A help signal the classifier is at least ``TENTATIVE_CONFIDENCE`` sure of."""
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    return parse.get("signal") in HELP_SIGNALS and confidence >= TENTATIVE_CONFIDENCE


def answer_to_open_question(parse: dict, tracker: Any) -> Optional[tuple[str, str]]:
    """``(answer kind, intent)`` when the parsed message answers the bot's open question in one of the shapes of
    ``nlu.open_answers`` (see the module docstring), else None (the parse stands)."""
    question = open_question(tracker)
    taken = _takes_product(parse, tracker, question)
    if taken is not None:
        return taken
    if question is None or parse.get("urgent"):
        return None
    if parse_entity(parse, "location") is not None or parse_entity(parse, "location_refused") is not None:
        return None  # "why? im in leeds anyway", "the other one, i dont want to say": the place reading stands
    text = str(parse.get("text") or "")
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    persona = parse_entity(parse, "persona") or tracker.get_slot("persona") or NO_PERSONA
    if question == PUT_OFF:
        acknowledges = (parse.get("intent") or {}).get("name") == "affirm" and only_acknowledges(text, lang)
        return (ACKNOWLEDGED, "thanks") if acknowledges else None
    if question in PLACE_QUESTIONS and not _sure_help(parse) and says_why(text, lang):
        return WHY_PLACE, "out_of_scope"
    if question == CONFIRM_PLACE and not _sure_help(parse) and says_other_one(text, lang):
        return OTHER_ONE, "out_of_scope"
    if question in _NUMBER_QUESTIONS and asks_number_to_pass_on(text, lang):
        return NUMBER_ASKED, "inform_location"
    if persona == NO_PERSONA or question not in OFFERS:
        return None
    if _declines_for_shop(parse, text):
        return DECLINED_FOR_SHOP, str((parse.get("intent") or {}).get("name"))
    if (parse.get("intent") or {}).get("name") in _PARTING_READINGS and is_polite_no(_folded(text)):
        # "nah thanks" to the Lantern Quest question read as a goodbye ("have fun out there!"): a no (s36)
        return DECLINED, "deny"
    if question == OFFER_AGAIN and not _sure_help(parse) and asks_what_it_means(text, lang):
        return WHAT_IT_MEANS, "ask_repeat"
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    if (parse.get("signal") == "none" or confidence < TENTATIVE_CONFIDENCE) and asks_about_offer(text, lang):
        return ABOUT_OFFER, "out_of_scope"
    if (parse.get("signal") == "none" or confidence < TENTATIVE_CONFIDENCE) and asks_what_offer_is(text, lang):
        # "what is it exactly" right after the Lantern Quest question ("Sorry, didn't get that!"): the offer asked
        # about with no word for it — read as the code, its explanation is said again (s35)
        return WHAT_OFFER_IS, CODE_FOR_HELP
    if parse.get("signal") == "ask_human" and asks_for_a_person(text, lang):
        return PERSON_REQUEST, "affirm"
    return None


#: Readings a bare polite no may take that are no answer ("nah thanks": a goodbye, thanks).
_PARTING_READINGS = frozenset({"goodbye", "thanks"})
DECLINED = "declined"


def _folded(text: str) -> str:
    """``text`` folded, without apostrophes ("no thank you", "nah thats ok")."""
    return fold(text).replace("'", "").replace("\u2019", "")


def _declines_for_shop(parse: dict, text: str) -> bool:
    """Whether the message, said to the offer of a person, opens with a polite no and is read as the persona's cover
    talk ("no thank you, I only need the cream. how much is shipping?", "no gracias, ¿enviáis a Portugal?": the shop's
    answer alone left the no unheard, s36). The reading stays; :func:`back_to_shop_first` says the no's line first."""
    intent = str((parse.get("intent") or {}).get("name") or "")
    return (PERSONA_SEPARATOR in intent and parse.get("signal") in (None, "none")
            and opens_with_decline(_folded(text)))


def back_to_shop_first(events: list, tracker: Any, speak: Any) -> bool:
    """Before the replies are sent: for a no said with a shop question (:data:`DECLINED_FOR_SHOP`), the persona's
    ``back_to_shop`` line goes before the shop's answer (both in the transcript). True if a line was added."""
    from rasa.shared.core.events import BotUttered

    if (tracker.latest_message.parse_data or {}).get(OPEN_ANSWER) != DECLINED_FOR_SHOP:
        return False
    said = [e for e in events if isinstance(e, BotUttered)]
    if not said or any((e.metadata or {}).get("utter_action") == BACK_TO_SHOP for e in said):
        return False
    persona, lang = str(tracker.get_slot("persona") or NO_PERSONA), str(tracker.get_slot("lang") or "en")
    text = speak(persona, lang, BACK_TO_SHOP)
    if not text:
        return False
    first = said[0]
    line = BotUttered(text, dict(first.data or {}), {**(first.metadata or {}), "utter_action": BACK_TO_SHOP},
                      timestamp=first.timestamp)
    events.insert(next(i for i, e in enumerate(events) if e is first), line)
    at = next((i for i, e in enumerate(tracker.events) if e is first), None)
    if at is not None:
        tracker.events.insert(at, line)
    return True


#: Readings "perfecto, me la llevo" may take when no question is open (a yes, a goodbye, not understood).
_TAKING_READINGS = frozenset({"affirm", "goodbye", "thanks", "out_of_scope"})
#: The shop's cover intent that says how to order (its generic name).
HOW_TO_ORDER = "website_help"


def _takes_product(parse: dict, tracker: Any, question: Optional[str]) -> Optional[tuple[str, str]]:
    """``(TOOK_IT, <shop>__website_help)`` when, in a shop persona with no question open, the message only takes the
    product (``nlu.open_answers.takes_product``: "perfecto, me la llevo" read as a yes .40 drew "no lo he pillado")
    and is read as ordinary talk: the shop says how to order (s34). With the offer of a person open, "vale, me la
    llevo" is a yes (``TOOK_OFFER``, ``affirm``: it drew the price list); with another question open, None."""
    if parse.get("urgent") or parse.get("signal") != "none" or question not in OFFERS | {None}:
        return None
    if question is None and (parse.get("intent") or {}).get("name") not in _TAKING_READINGS:
        return None  # "perfecto, me la llevo" read as the catalogue question is answered by it
    persona = parse_entity(parse, "persona") or tracker.get_slot("persona") or NO_PERSONA
    found = persona_by_id(persona) if persona != NO_PERSONA else None
    if found is None or found.kind != "shop":
        return None
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    if not takes_product(str(parse.get("text") or ""), lang):
        return None
    if question in OFFERS:
        # "vale, me la llevo" to "shall our specialist write to you?" (the catalogue question drew the price list):
        # taking what the shop offers is a yes
        return TOOK_OFFER, "affirm"
    return TOOK_IT, f"{persona}__{HOW_TO_ORDER}"


def read_with_open_question(parse: dict, tracker: Any) -> Optional[str]:
    """Read the parse with the open question (:func:`answer_to_open_question`): its intent becomes the answer's, its
    signal ``none``, not urgent, without the entities of the replaced reading; the parse says how it was read
    (``open_answer``); a number asked for keeps a help signal (the referral routes on it). The answer kind, or None
    (the parse unchanged)."""
    found = answer_to_open_question(parse, tracker)
    if found is None:
        return None
    kind, intent = found
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    parse["intent"] = {"name": intent, "confidence": confidence}
    if not (kind == NUMBER_ASKED and parse.get("signal") in HELP_SIGNALS):
        parse["signal"] = "none"
    parse["urgent"] = False
    parse["entities"] = [e for e in parse.get("entities") or [] if e.get("entity") not in _READING_ENTITIES]
    parse[OPEN_ANSWER] = kind
    return kind
