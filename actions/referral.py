"""``action_offer_referral``: offer the best one or two services for this child, in the child's
language, after the persona's ``utter_referral_intro``; ask once for the location if unknown.

Slots read: ``location`` (free text), ``location_refused``, ``country``, ``lang``, ``persona``,
``age``, ``place_options``. The topic comes from the latest help signal of the conversation (the
message that carried it may be before the location answer). Nothing of the child's text is logged.

No number from a guess: a place name that several countries share and that the persona's
country, continent and the child's language do not settle ("Valencia" for an English-speaking
child on a British persona, "Boston" on the plain bot, "Córdoba" for a Spanish-speaking child on
the Polish shop: ``referrals.geo``) is asked about once, in the persona's voice ("Valencia in
Spain?"): yes routes there, a new place or country in the answer ("no, in Venezuela", "la de
argentina", "the one in england") routes there, "the other one" / "la otra" / "ta druga" / "to drugie" routes
to the other candidate when there were two (with more, one question names the remaining countries: "Córdoba
in Argentina or Mexico?", which a yes or no does not answer), a no (or no answer) routes on
the persona's country only (the plain bot: a cover line); an unclear answer is asked again once,
then a cover line. "Why do you need to know?" to a place question is answered (voice line ``why_place`` /
``why_accepted``) and the question stays open. Inside a persona every referral line keeps the disguise (the persona's ``referral_line`` / ``referral_emergency``) while
the number itself is exact; all wording comes from YAML (``actions/wording.py``).
"""
from __future__ import annotations

import asyncio
import logging
import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Callable, Dict, Final, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.cost import FREE_KEY
from actions.repeat import LOCAL_EMERGENCY_KEY, NUMBER_KEY
from actions.wording import country_name, country_phrase, day_phrase, in_cover, line, words
from core import PROJECT_ROOT
from core.emergency import dial_first
from core.persona import persona_by_id
from core.signals import CODE_INTENTS, NO_PERSONA, PERSONA_SEPARATOR
from nlu.cues import cue_list
from nlu.open_answers import says_other_one, says_why
from referrals.geo import Located, Place, locate, place_named
from referrals.phones import display_phone
from referrals.routing import Referral, default_store, route
from referrals.store import DirectoryStore
from referrals.topics import EMERGENCY_SIGNALS, topics_for_signal

log = logging.getLogger(__name__)

MAX_REFERRALS: Final = 2
CHANNEL_LABELS: Final = {"sms": "SMS", "whatsapp": "WhatsApp", "telegram": "Telegram"}
#: A lone yes / no when no question of this action is pending: the replies of the general rules
#: (a lone "no" is ordinary talk, never the quiet line).
ANSWERS: Final = {"affirm": "utter_out_of_scope", "deny": "utter_back_to_shop", "not_safe": "utter_not_safe",
                  "not_now": "utter_not_now", "out_of_scope": "utter_out_of_scope"}
#: Questions about this chat answered before this action runs (nlu/dialogue/rules.yml): the question
#: of this action that was open is asked again.
ANSWERED_BEFORE: Final = frozenset({"ask_privacy", "ask_fault", "ask_cost"})
#: "What was the number again?" before a number was given (actions/repeat.py hands it over here).
ASK_NUMBER: Final = "ask_number"
#: Lines of those answers: they do not close the question that was open.
ANSWER_LINES: Final = frozenset({"utter_privacy", "utter_not_your_fault", "utter_cost_free", "utter_cost_here",
                                 "utter_please_wait", None})
#: ``place_options`` starts with this when the last question named every remaining country at once ("Córdoba in
#: Argentina or Mexico?", after "the other one" to a name of three or more places): a yes picks none of them.
ALL_ASKED: Final = "*"
#: At most this many countries are named in that question (the others still count when the child names them).
MAX_NAMED_COUNTRIES: Final = 3
#: The bot's questions whether a person should write (bot/handoff/gate.py ``OFFERS``).
OFFERS: Final = frozenset({"utter_offer_counselor", "utter_confirm_help", "utter_ask_again"})
#: Help signals whose acknowledgement is a line of its own (``utter_ack_<signal>``) said before a referral
#: that answers the same message (:func:`acknowledge_disclosure`); danger now has the emergency reply.
ACKNOWLEDGED: Final = frozenset({"abuse_disclosure", "self_harm", "bullying", "online_exploitation", "distress",
                                 "peer_help"})
#: The parse key ``bot.open_question`` says how a message was read with the bot's open question, and its value for a
#: number asked for to pass on while "which city?" (or the good-moment question that asks it) was open (s33).
OPEN_ANSWER: Final = "open_answer"
NUMBER_ASKED: Final = "number_asked"
#: Generated starter services (no operator name): said by kind ("Child helpline").
GENERIC_PREFIXES: Final = ("starter-emergency-", "starter-116111-")


def _details(r: Referral, lang: Optional[str], at: datetime) -> str:
    """``, free, open until 20:00`` in ``lang`` (empty when nothing is known)."""
    w = words(lang)
    parts: list[str] = []
    if r.service.free_of_charge:
        parts.append(w["free"])
    if r.hours_known:
        if r.open_now and r.closes_at is None:
            parts.append(w["always"])
        elif r.open_now and r.closes_at is not None:
            parts.append(w["open_until"].format(t=f"{r.closes_at:%H:%M}"))
        elif r.opens_at is not None:
            local_now = at.astimezone(r.opens_at.tzinfo)
            if r.opens_at.date() == local_now.date():
                parts.append(w["opens_today"].format(t=f"{r.opens_at:%H:%M}"))
            else:
                day = day_phrase(r.opens_at.date(), local_now.date(), lang)
                parts.append(w["opens_day"].format(d=day, t=f"{r.opens_at:%H:%M}"))
    return "".join(f", {p}" for p in parts)


def _contact(r: Referral) -> str:
    ch = r.channel
    if ch.type in ("phone", "sms") or (ch.type == "whatsapp" and not ch.value.startswith("https://")):
        contact = display_phone(ch.value, r.country or None)
    else:
        contact = ch.value
    return f"{CHANNEL_LABELS[ch.type]} {contact}" if ch.type in CHANNEL_LABELS else contact


_TOLL_FREE = re.compile(r"\(?\btoll[- ]free\b\)?", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\(\s*[;,]?\s*\)")
#: The directory's descriptive notes in English, in brackets after a name ("(psychological first aid, all
#: ages; not child-specific)"): a lower-case start; a name in brackets ("(Fundación ANAR)") is kept.
_ENGLISH_NOTE = re.compile(r"\s*\((?=[a-z])[^()]*\)")


def spoken_name(name: str, contact: str) -> str:
    """A service's name as said before its number: without that number ("Telefon Zaufania 116 111
    — 116 111" read twice) and without the directory's "(toll-free)" note (the line says "free" in
    the child's language); the name as it is if less than two words would be left ("Línea 102")."""
    digits = re.sub(r"\D", "", contact)
    spoken = name
    if len(digits) >= 3:
        number = r"\+?" + r"[\s\-./]*".join(digits)
        spoken = re.sub(rf"(?<!\d){number}(?!\d)", " ", spoken)
    spoken = _EMPTY_BRACKETS.sub(" ", _TOLL_FREE.sub(" ", spoken))
    spoken = " ".join(spoken.split()).strip(" -—,;:")
    if spoken.startswith("(") and spoken.endswith(")") and spoken.count("(") == 1:
        spoken = spoken[1:-1].strip()  # "116 111 (Fundación ANAR)"
    if len(spoken.split()) < 2:  # "Línea 102" is the name itself
        return name
    return spoken[:1].upper() + spoken[1:]


def referral_line(r: Referral, lang: Optional[str], at: datetime, persona: Optional[str] = None) -> str:
    """One referral: ``116 111 — Telefon zaufania..., bezpłatnie`` (plain) or, inside a persona,
    its cover line with the exact number (``Apteka partnerska — 116 111, bezpłatnie``)."""
    s = r.service
    if in_cover(persona):
        template = line("referral_emergency" if r.emergency else "referral_line", persona, lang)
        name = ""
    else:
        template = str(words(lang)["line"])
        kinds = words(lang)["kinds"]
        generic = s.starter and s.id.startswith(GENERIC_PREFIXES) and s.kind in kinds
        name = kinds[s.kind] if generic else spoken_name(s.alternate_name or s.name, r.channel.value)
        if lang != "en":  # an English note in a Spanish or Polish reply ("Línea de Seguridad (psychological …)")
            name = _ENGLISH_NOTE.sub("", name).strip() or name
    return template.format(name=name, contact=_contact(r), details=_details(r, lang, at))


def latest_help_signal(tracker: Tracker) -> tuple[Optional[str], bool]:
    """The most recent help signal and urgent flag: the latest message, else earlier messages."""
    messages = [tracker.latest_message or {}]
    messages += [e.get("parse_data") or {} for e in reversed(tracker.events or []) if e.get("event") == "user"]
    for message in messages:
        signal = message.get("signal")
        if signal and signal not in ("none", "not_safe"):
            return signal, bool(message.get("urgent")) or signal in EMERGENCY_SIGNALS
    return None, False


def acknowledge_disclosure(dispatcher: CollectingDispatcher, tracker: Tracker, intent: Optional[str]) -> bool:
    """ "Thank you for telling me" (``utter_ack_<signal>``; in cover voice the persona's line, domain
    conditions) when this very message both tells of harm and is the place answer: "a que numero llamo? mi
    padre me pega, estoy en Madrid" is the referral for Madrid (nlu/components/persona.py keeps the signal),
    and the disclosure in it was met by numbers only. Only when it is the first the child tells (no
    acknowledgement, offer or place question before: "yeah nobody is looking, im in Perth" answers one);
    never for danger now (the emergency reply says it first). Whether it was said."""
    message = tracker.latest_message or {}
    signal = message.get("signal")
    if intent != "inform_location" or signal not in ACKNOWLEDGED or message.get("urgent"):
        return False
    if any(a is not None and (a.startswith("utter_ack_") or a in OFFERS or a == "utter_ask_location")
           for a in _said(tracker)):
        return False
    dispatcher.utter_message(response=f"utter_ack_{signal}")
    return True


def was_urgent(tracker: Tracker) -> bool:
    """Whether a message of this conversation was urgent: the emergency number of the place named
    later comes first, even after calmer lines ("i took a bunch of pills", "i feel weird", "houston")."""
    messages = [tracker.latest_message or {}]
    messages += [e.get("parse_data") or {} for e in tracker.events or [] if e.get("event") == "user"]
    return any(m.get("urgent") or m.get("signal") in EMERGENCY_SIGNALS for m in messages)


def asked_for_location(tracker: Tracker) -> bool:
    return any(
        e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == "utter_ask_location"
        for e in tracker.events or []
    )


def _said(tracker: Tracker) -> list[Optional[str]]:
    """The response names of the bot's lines so far, oldest first."""
    return [(e.get("metadata") or {}).get("utter_action") for e in tracker.events or [] if e.get("event") == "bot"]


def offer_open_at_referral(tracker: Tracker) -> bool:
    """Whether the bot's last line (answers to questions about this chat aside) is a referral that
    came right after one of its questions whether a person should write (``OFFERS``): the place was
    said instead of an answer to that question, so it is still open."""
    said = [a for a in _said(tracker) if a not in ANSWER_LINES]
    return len(said) >= 2 and said[-1] == "utter_referral_intro" and said[-2] in OFFERS


def asking_for_location(tracker: Tracker) -> int:
    """How often "which city?" was asked when it is the bot's last line (else 0)."""
    said = _said(tracker)
    return said.count("utter_ask_location") if said and said[-1] == "utter_ask_location" else 0


#: :func:`shop_answer`: a cover intent ranked lower than this is no answer to the message.
SHOP_ANSWER_FLOOR: Final = 0.1


def shop_answer(tracker: Tracker) -> str:
    """The persona's own answer to the latest message: the response of its best-ranked cover intent
    (not a code, at least ``SHOP_ANSWER_FLOOR``), else the cover line for a message it did not understand."""
    for ranked in (tracker.latest_message or {}).get("intent_ranking") or []:
        persona, _, name = str(ranked.get("name") or "").partition(PERSONA_SEPARATOR)
        if name and name not in CODE_INTENTS and float(ranked.get("confidence") or 0) >= SHOP_ANSWER_FLOOR:
            return f"utter_{persona}{PERSONA_SEPARATOR}{name}"
    return "utter_out_of_scope"


def action_before_message(tracker: Tracker) -> Optional[str]:
    """The last action the bot ran before the child's latest message (not ``action_listen``)."""
    seen_message = False
    for e in reversed(tracker.events or []):
        if e.get("event") == "user":
            seen_message = True
        elif seen_message and e.get("event") == "action" and e.get("name") != "action_listen":
            return e.get("name")
    return None


def good_moment_pending(tracker: Tracker) -> bool:
    """The bot's last line asked "is now a good moment?" (``utter_help_accepted``)."""
    said = _said(tracker)
    return bool(said) and said[-1] == "utter_help_accepted"


#: The bot's questions whether a person should write, and "is now a good moment? which city?" that a yes to
#: the discreet confirmation gets (:func:`asks_place_after_yes`).
_ASKED: Final = frozenset({"utter_confirm_help", "utter_offer_counselor", "utter_help_accepted"})


def asks_place_after_yes(tracker: Tracker) -> bool:
    """Whether the latest message is a yes to the discreet confirmation (``utter_confirm_help``) given after a
    detour — the question asked again ("hmm nwm", then "no dobra, tak"), put off ("nie teraz", then "tak"), broken
    off or answered with a question — so it went to a person without "which city?", which a yes right after
    the confirmation gets (``utter_help_accepted``). The city is asked then (:class:`ActionOfferReferral`), unless
    the place is known, refused or was asked, or the conversation was urgent (the emergency reply asks it)."""
    if ((tracker.latest_message or {}).get("intent") or {}).get("name") != "affirm":
        return False
    asked = [a for a in _said(tracker) if a in _ASKED]
    if not asked or asked[-1] != "utter_confirm_help":
        return False
    known = any(tracker.get_slot(s) for s in ("location", "location_refused", "place_options"))
    return not (known or asked_for_location(tracker) or was_urgent(tracker))


def number_asked_unplaced(tracker: Tracker, home: Optional[str]) -> bool:
    """Whether the latest message asked for a number to pass on, naming no place, to the bot's question that asked the
    city (``bot.open_question`` read it: "que numero le doy a mi amiga?" to "is now a good moment? which city?"),
    inside a persona with a country: the child asked for a number, not twice for the city — the persona's country
    routes, as after a refusal (s33: it drew "a specialist writes to you soon" and "which city?" again, no number).
    The plain bot has no country to route on: the city is asked."""
    message = tracker.latest_message or {}
    return home is not None and message.get(OPEN_ANSWER) == NUMBER_ASKED and not tracker.get_slot("location")


def names_country(tracker: Tracker, persona: Optional[str], home: Optional[str], lang: Optional[str]) -> bool:
    """Whether a referral routed on the persona's country names that country: inside a persona, no place known (the
    child asked for a number without one, or would rather not say), and the child writes in a language that is not
    one of the country's (an English speaker on the Polish shop asking "a number for my friend" got "Partner pharmacy —
    116 111", Poland's child line, as if it were theirs; s34)."""
    from babel.languages import get_official_languages

    if home is None or not in_cover(persona) or not lang or tracker.get_slot("location") or tracker.get_slot("country"):
        return False
    return lang not in get_official_languages(home)


def last_action(tracker: Tracker) -> Optional[str]:
    """The name of the action that ran last (``action_listen`` after a message)."""
    return next((e.get("name") for e in reversed(tracker.events or []) if e.get("event") == "action"), None)


def persona_country(persona: Optional[str]) -> Optional[str]:
    """The country the persona's partner serves (its ``country:``), or None."""
    found = persona_by_id(persona)
    return found.country if found is not None else None


def _age(value: Any) -> Optional[int]:
    try:
        age = int(float(value))
    except (TypeError, ValueError):
        return None
    return age if 0 < age < 120 else None


def _option(value: str) -> tuple[str, str]:
    name, _, country = value.rpartition("|")
    return name, country


def _says_other_one(text: str, lang: Optional[str] = None) -> bool:
    """Whether ``text`` is "the other one" ("the other one", "nie, to drugie", "no, la otra", typos read through:
    ``nlu.open_answers.says_other_one``, the shape ``bot.open_question`` reads as unclear while this question is
    open)."""
    return says_other_one(text, lang)


def _says_why(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` asks why the bot wants to know ("why do you need to know?", "po co ci to?", "¿para qué?":
    ``nlu.open_answers.says_why``, the shape ``bot.open_question`` reads as unclear while a place question is
    open)."""
    return says_why(text, lang)


def locate_named(location: str, hint: Optional[str], persona: Optional[str], lang: Optional[str],
                 answer: bool = False, settled: bool = False) -> Located:
    """The place of the ``location`` slot (a name the extractor found, as written), or the
    candidates; the persona's catalogue names and the child helplines' names are never a place. ``answer``: ``location`` is a
    whole short answer to "which city?" instead; ``settled``: ``hint`` is a country the child
    named, not only the persona's (``referrals.geo.locate``)."""
    found = persona_by_id(persona)
    catalogue = tuple(n for item in found.catalogue for n in item.name.values()) if found else ()
    return locate(location, hint, lang, exclude=catalogue + helpline_names(), named=True, answer=answer,
                  settled=settled)


@lru_cache(maxsize=1)
def helpline_names() -> tuple[str, ...]:
    """The child helplines' names of the cues file, every language ("childline", "anar", "telefon zaufania"): never a
    place — "como contacto con anar" was read as the town of Anār in Iran and given Iran's number (review s31)."""
    by_lang = cue_list(PROJECT_ROOT / "nlu" / "safety" / "cues.yml", "helpline_names")
    return tuple(sorted({name for names in by_lang.values() for name in names}))


def place_in_answer(tracker: Tracker, hint: Optional[str], persona: Optional[str],
                    lang: Optional[str]) -> Optional[Located]:
    """The place a short answer to "which city or country?" (or a short message read as saying
    where the child is, intent ``inform_location``) names where the extractor, which sees neither
    the question nor the intent, asks for a cue or a capital letter: "chile", "en santiago"."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    unplaced = (asking_for_location(tracker) or good_moment_pending(tracker) or intent == "inform_location") \
        and not tracker.get_slot("location")
    if not (unplaced or tracker.get_slot("place_options")):  # (or "chile" to "Santiago in Chile?")
        return None
    located = locate_named((tracker.latest_message or {}).get("text") or "", hint, persona, lang, answer=True)
    return located if located.place is not None or located.ambiguous else None


def ask_which_place(dispatcher: CollectingDispatcher, located: Located, persona: Optional[str],
                    lang: Optional[str]) -> List[Dict[Text, Any]]:
    """ "Valencia in Spain?" in the persona's voice, about the first candidate; the candidates go to
    slot ``place_options`` (the answer is handled by :class:`ActionOfferReferral`)."""
    first = located.candidates[0]
    template = line("confirm_place", persona, lang)
    dispatcher.utter_message(text=template.format(place=first.name, country=country_phrase(first.country, lang)))
    return [SlotSet("place_options", [f"{p.name}|{p.country}" for p in located.candidates])]


class ActionOfferReferral(Action):
    """Offers referrals (max two), asks once for the location, or asks once which place is meant."""

    #: Tests set these; the action server uses popbot's database and the real clock.
    store: Optional[DirectoryStore] = None
    clock: Callable[[], datetime] = staticmethod(lambda: datetime.now(timezone.utc))

    def name(self) -> Text:
        return "action_offer_referral"

    @staticmethod
    def _ask_place(dispatcher: CollectingDispatcher, name: str, country: str, persona: Optional[str],
                   lang: Optional[str], countries: str = "") -> None:
        """ "Valencia in Spain?" in the persona's voice (``countries``: "Argentina or Mexico" instead)."""
        template = line("confirm_place", persona, lang)
        dispatcher.utter_message(text=template.format(place=name, country=countries or country_phrase(country, lang)))

    def _ask_options(self, dispatcher: CollectingDispatcher, options: List[str], persona: Optional[str],
                     lang: Optional[str]) -> None:
        """The open place question again: "Valencia in Spain?", or "Córdoba in Argentina or Mexico?" when it named
        every remaining country (:data:`ALL_ASKED`)."""
        if options[:1] == [ALL_ASKED]:
            # each remaining place by its own name (s28 review: "Santiago de los Caballeros in the Dominican
            # Republic, Santiago de Cuba in Cuba or Santiago de Compostela in Spain?"), joined as the persona's
            # question joins a place and its country
            template = line("confirm_place", persona, lang)
            head, _, tail = template.partition("{place}")
            joint = tail.partition("{country}")[0]
            named = [_option(o) for o in options[1:MAX_NAMED_COUNTRIES + 1]]
            last_name, last_country = named[-1]
            if len({n for n, _ in named}) == 1:  # one name for all: "Córdoba in Argentina or Mexico?"
                countries = [country_phrase(c, lang) for _, c in named]
                last = countries[-1] if len(countries) == 1 else \
                    f"{', '.join(countries[:-1])} {words(lang)['or_word']} {countries[-1]}"
                self._ask_place(dispatcher, last_name, "", persona, lang, countries=last)
                return
            first = [f"{n}{joint}{country_phrase(c, lang)}" for n, c in named[:-1]]
            if first:
                last_name = f"{', '.join(first)} {words(lang)['or_word']} {last_name}"
            self._ask_place(dispatcher, last_name, "", persona, lang, countries=country_phrase(last_country, lang))
        else:
            self._ask_place(dispatcher, *_option(options[0]), persona, lang)

    def _why(self, dispatcher: CollectingDispatcher, tracker: Tracker, options: List[str],
             persona: Optional[str], lang: Optional[str]) -> Optional[List[Dict[Text, Any]]]:
        """ "why do you need to know?" while a place question is open ("which city?", "Valencia in Spain?", or the
        good-moment question that asks the city too): why it is asked (voice line ``why_place`` / ``why_accepted``),
        then the question again, still open. None when no place question is open."""
        said = [a for a in _said(tracker) if a not in ANSWER_LINES]
        found = persona_by_id(persona)
        if options:
            key = "why_place"
        elif tracker.get_slot("location") or not said:
            return None
        elif said[-1] == "utter_help_accepted":
            key = "why_accepted"
        elif said[-1] == "utter_ask_location":
            key = "why_place"
        else:
            return None
        if found is not None and key not in found.voice:
            return None  # (a persona without the line: unclear, asked again — never a plain line in its chat)
        if options:
            dispatcher.utter_message(text=line(key, persona, lang))
            self._ask_options(dispatcher, options, persona, lang)
            return []
        dispatcher.utter_message(text=line(key, persona, lang))
        dispatcher.utter_message(response="utter_ask_location")
        return []

    def _ask_again(self, dispatcher: CollectingDispatcher, tracker: Tracker, options: List[str],
                   persona: Optional[str], lang: Optional[str]) -> List[Dict[Text, Any]]:
        """ "Valencia in Spain?" or "which city?" again when it was the open question (nothing otherwise)."""
        said = [a for a in _said(tracker) if a not in ANSWER_LINES]
        if options:
            self._ask_options(dispatcher, options, persona, lang)
        elif said and said[-1] == "utter_ask_location" and not tracker.get_slot("location"):
            dispatcher.utter_message(response="utter_ask_location")
        return []

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if last_action(tracker) == "action_request_counselor" and asks_place_after_yes(tracker):
            # the yes to the confirmation after a detour went to a person: "which city?" as after a yes right away
            dispatcher.utter_message(response="utter_ask_location")
            return []
        location = tracker.get_slot("location")
        refused = bool(tracker.get_slot("location_refused"))
        latest = {e.get("entity") for e in (tracker.latest_message or {}).get("entities") or []}
        refusal: List[Dict[Text, Any]] = []
        if "location_refused" in latest and "location" not in latest:
            # "I'd rather not say where" (nlu/quiet.py): route on the persona's country, never ask again
            refused, refusal = True, [SlotSet("location_refused", True)]
        persona = tracker.get_slot("persona")
        lang = tracker.get_slot("lang")
        home = persona_country(persona)
        hint = tracker.get_slot("country") or home
        options = tracker.get_slot("place_options") or []
        events: List[Dict[Text, Any]] = []
        where: Optional[Place | str] = None
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if (intent == "inform_location" and persona not in (None, NO_PERSONA) and not options
                and not asked_for_location(tracker) and latest_help_signal(tracker)[0] is None):
            # a shopper naming a place, no question of ours open and no help asked for ("estoy de
            # Erasmus en Cracovia, ¿enviáis a Polonia?", inform_location 0.42): answered as the shop; a
            # partner pharmacy's number for nobody who asked for help breaks the disguise
            dispatcher.utter_message(response=shop_answer(tracker))
            return []
        open_question = next((a for a in reversed(_said(tracker)) if a not in ANSWER_LINES), None)
        if refusal and open_question in OFFERS:
            # "no quiero decir dónde vivo" to "shall a person write to you?": no place is needed for that,
            # and it is no "no" (the "sí" after it was not understood): the question is asked again
            again = "utter_offer_counselor" if open_question == "utter_ask_again" else str(open_question)
            return refusal + [FollowupAction(again)]
        if intent in ANSWERED_BEFORE or intent == ASK_NUMBER:
            # "will you tell my parents?" / "is it my fault?" / "is it free?" while this action's question
            # is open: the answer was said before this action (nlu/dialogue/rules.yml); it is asked again.
            # So is "what was the number again?" before any number (actions/repeat.py: it waits for the place)
            return self._ask_again(dispatcher, tracker, options, persona, lang)
        said_text = (tracker.latest_message or {}).get("text") or ""
        if intent == "out_of_scope" and "location" not in latest and _says_why(said_text, lang):
            # "why do you need to know?" / "po co ci to?" to "which city?" (s28: it drew the shop's who-we-are line):
            # why the place is asked, in the persona's voice, and the question again, still open
            why = self._why(dispatcher, tracker, options, persona, lang)
            if why is not None:
                return why
        acknowledged = acknowledge_disclosure(dispatcher, tracker, intent)
        if refused and not refusal and ("location" in latest or intent == "inform_location"):
            # "fine. bristol" after "I'd rather not say where": the child names the place after all (it
            # was met by silence: routed as refused, the plain bot has no country to route on)
            refused = False
            events.append(SlotSet("location_refused", None))
        answered = None if refused or "location" in latest else place_in_answer(tracker, hint, persona, lang)
        after_request = action_before_message(tracker) == "action_request_counselor"
        if "location" in latest and intent == "out_of_scope" and (after_request or asking_for_location(tracker)):
            # "Galway" (out_of_scope 0.42), "w Lublinie" to "which city?" (out_of_scope .51, the place .44): the
            # place the extractor found answers
            intent = "inform_location"
        if answered is None and intent == "out_of_scope" and after_request:
            if good_moment_pending(tracker):
                # no place in an unclear answer to "is now a good moment? which city?": asked again
                # once, as before this action read it (the answers to utter_ask_again are rules,
                # nlu/dialogue/rules.yml)
                return [FollowupAction("utter_ask_again")]
            # after the promise ("a coach is on the way") nothing is open: an unclear line ("he keeps
            # killing me in fortnite lol") is not asked "shall I get a coach?" again, it is told one is coming
            dispatcher.utter_message(response="utter_please_wait")
            return []
        if answered is not None:  # "chile" to "which city or country?": the place, whatever the intent
            location, intent = answered.written, "inform_location"
            latest.add("location")
            events.append(SlotSet("location", location))
            if answered.place is not None:  # as the extractor's entities would have set them
                events += [SlotSet("country", answered.place.country),
                           SlotSet("dial_first", dial_first(answered.place.country))]
        if intent == "inform_location" and good_moment_pending(tracker):
            # the place answers "which city?" of "is now a good moment? which city?": the child had
            # already said yes to a person and waits in the queue, so the other half is the promise
            # (a "no" to it is "not now", nlu/dialogue/rules.yml), not "shall I pass you over?" again
            dispatcher.utter_message(response="utter_please_wait")
        if not options and intent == "affirm" and tracker.get_slot("offer_postponed"):
            # "yes" after the child put the offer of a person off ("not now"): it goes straight on
            # (the promise queues in the Rasa process, bot/handoff/gate.py)
            dispatcher.utter_message(response="utter_please_wait")
            return [FollowupAction("action_request_counselor")]
        asked = 0 if options or location or refused else asking_for_location(tracker)
        if asked and intent in ("affirm", "out_of_scope", "inform_age"):
            # no place in the answer to "which city?" ("yes", "what?", "im 12"): asked again once,
            # then a cover line
            dispatcher.utter_message(response="utter_ask_location" if asked < 2 else "utter_back_to_shop")
            return []
        if asked and intent == "deny":
            # "no" to "which city?" refuses it: the persona's country, never asked again
            refused, refusal = True, [SlotSet("location_refused", True)]
        elif not options and intent == "affirm" and tracker.get_slot("handoff"):
            # a lone yes once a person was asked for (the urgent reply, an accepted offer, "shall I
            # pass you over?" after the place): a person is coming (bot/handoff/gate.py keeps the
            # promise or says who answers when)
            dispatcher.utter_message(response="utter_please_wait")
            return []
        elif not options and intent == "affirm" and offer_open_at_referral(tracker):
            # "yes" after a referral that answered a place said instead of answering "shall a person write
            # to you?" ("my friend's dad hits him" → the offer; "he lives in london" → Childline; "yes"):
            # the yes answers the offer, still open (it drew "I'm not sure I can help with that one")
            dispatcher.utter_message(response="utter_please_wait")
            return [FollowupAction("action_request_counselor")]
        elif not options and intent in ANSWERS:
            # a lone yes / no after the referral: answered as anywhere else (nlu/dialogue/rules.yml)
            dispatcher.utter_message(response=ANSWERS[intent])
            return []
        named = "location" in latest  # this message names a place (nlu/components/location.py)
        all_asked = options[:1] == [ALL_ASKED]
        other_one = len(options) >= 2 and not all_asked and not named and _says_other_one(said_text, lang)
        if other_one and len(options) > 2:
            # "the other one" / "la otra" to "Córdoba in Spain?" when three or more places have the name (s28: the
            # same question came again): one question naming the remaining countries, "Córdoba in Argentina or
            # Mexico?"; a yes to it picks none of them (asked again once), a country or place does
            remaining = [ALL_ASKED, *options[1:]]
            self._ask_options(dispatcher, remaining, persona, lang)
            return events + [SlotSet("place_options", remaining), SlotSet("place_asked_again", None)]
        if all_asked and intent in ("affirm", "deny") and not named:
            # "yes" / "no" to "Córdoba in Argentina or Mexico?" names none of them: unclear (never a number from a guess)
            intent = "out_of_scope"
        if all_asked:
            options = options[1:]
        if other_one:
            # "the other one" / "la otra" to "Newcastle in the UK?" when there were two places of the
            # name: the second one (not the persona's country, which may be the one denied); a bare
            # "no" names no place: the persona's country / a cover line, below
            name, country = _option(options[1])
            where = place_named(name, country)
            if where is not None:
                events += [SlotSet("country", where.country), SlotSet("dial_first", dial_first(where.country))]
            events += [SlotSet("place_options", None), SlotSet("place_asked_again", None)]
            options = []
        if options and intent in ("out_of_scope", "inform_age") and not named:
            # an unclear answer to "Valencia in Spain?" (or only an age): asked again once, then a
            # cover line
            if not tracker.get_slot("place_asked_again"):
                self._ask_options(dispatcher, [ALL_ASKED, *options] if all_asked else options, persona, lang)
                return [SlotSet("place_asked_again", True)]
            dispatcher.utter_message(response="utter_back_to_shop")
            return [SlotSet("place_options", None), SlotSet("place_asked_again", None)]
        if options:
            events.append(SlotSet("place_asked_again", None))
        if options and refused:
            events.append(SlotSet("place_options", None))
        elif options and intent in ("not_safe", "not_now"):  # "wrong chat", "not now": drop the question
            dispatcher.utter_message(response=ANSWERS[intent])
            return [SlotSet("place_options", None), *events]
        elif options:  # the child answers "Valencia in Spain?"
            events.append(SlotSet("place_options", None))
            other = locate(location, home, lang, named=True).place if location and named else None
            if intent == "affirm" and (other is None or other.country == _option(options[0])[1]):
                name, country = _option(options[0])
                where = place_named(name, country)
                if where is not None:
                    events += [SlotSet("country", where.country), SlotSet("dial_first", dial_first(where.country))]
            elif location and named:
                # a new place named, also after "no" ("no, en España") or a yes that names another
                # country ("tak, w Kanadzie" to "Hamilton in the UK?"): try it (it is not asked
                # about again; still ambiguous: the persona's country); the country of one of the
                # options ("chile" to "Santiago in Chile?") is that option
                where = other
                chosen = [o for o in map(_option, options) if where is not None and where.kind == "country"
                          and o[1] == where.country]
                if chosen:
                    where = place_named(*chosen[0]) or where
            hint = home
        elif other_one:
            hint = home
        elif (not location and not refused and not asked_for_location(tracker)
              and not number_asked_unplaced(tracker, home)):
            dispatcher.utter_message(response="utter_ask_location")
            return []
        elif location and not refused:
            located = locate_named(location, hint, persona, lang, settled=bool(tracker.get_slot("country")))
            if located.ambiguous:
                return events + ask_which_place(dispatcher, located, persona, lang)
            where = located.place
        signal, urgent = latest_help_signal(tracker)
        urgent = urgent or was_urgent(tracker)
        at = self.clock()
        try:
            # the directory is a database: query it off the event loop
            referrals = await asyncio.to_thread(
                route,
                where if isinstance(where, (Place, str)) else None,
                age=_age(tracker.get_slot("age")), topics=topics_for_signal(signal), lang=lang, at=at,
                urgent=urgent, country_hint=hint, store=self.store or default_store(),
                limit=MAX_REFERRALS,
            )
        except Exception as exc:  # never break the conversation: the static replies still stand
            log.error("referral routing failed: %s", exc.__class__.__name__)
            referrals = []
        if not referrals:
            if asked or options or refusal or intent == "inform_age":
                # an answer to "which city?" / "Valencia in Spain?", "I'd rather not say where" or an age is
                # never met by silence (the plain bot: no country to route on)
                dispatcher.utter_message(response="utter_back_to_shop")
            return refusal + events
        dispatcher.utter_message(response="utter_referral_intro")
        abroad = home if where is None and names_country(tracker, persona, home, lang) else None
        for r in referrals[:MAX_REFERRALS]:
            # marked: "what was the number again?" says it again (actions/repeat.py)
            # and whether calling it is free ("is it free?", actions/cost.py)
            text = referral_line(r, lang, at, persona)
            if abroad is not None and r.country == abroad:
                text = str(words(lang)["in_country"]).format(line=text, country=country_name(abroad, lang))
            dispatcher.utter_message(text=text,
                                     **{NUMBER_KEY: True, FREE_KEY: bool(r.service.free_of_charge),
                                        **({LOCAL_EMERGENCY_KEY: True} if r.emergency else {})})
        if acknowledged:
            # the acknowledgement said a person can talk with the child: the offer follows as its own action,
            # so the answers to it are the offer's rules (nlu/dialogue/rules.yml)
            return refusal + events + [FollowupAction("utter_offer_counselor")]
        return refusal + events
