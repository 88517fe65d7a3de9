"""Lines read with the disclosure before them (session 32).

The NLU reads one message. Some short lines only make sense with what the child told us earlier in the session, and
read alone they drew a wrong reply in whole conversations (issue 13):

* **an arrival after harm was told** — inside a persona, "hes coming up the stairs" alone is someone arriving: the
  persona's quiet code ("the cart will wait for you", core/safety.py is_covering_tracks: an unnamed "he" counts inside
  a persona). After "my stepdad hits me" or the persona's code it is the danger coming: danger now (intent and signal
  ``imminent_danger``, urgent; in cover voice where the conversation is). Only a bare arrival of an unnamed he / she /
  they (``someone_unnamed`` cues without "someone": "alguien", "ktoś" may be anyone) with an ``arriving`` cue, no
  putting-off, goodbye or pause word ("gtg hes coming" still hides), nobody named by relation ("my mum is coming" is
  the quiet line), in at most ``MAX_BARE_ARRIVAL_WORDS`` words; a phone taken ("they already took my phone") is no
  arrival here.
* **the phone already taken after a number to call** — "they already took my phone" after the self-harm reply was
  the quiet line ("see you next match"): after the bot gave a number to call, a message made only of
  ``phone_taken`` words is "I can't call" (intent ``cant_call``: a person writes here), with the help signal and
  urgency the session had. So it is after harm done to the child (never after self-harm) with no number given yet,
  when the NLU read it as a help signal or ordinary talk (s33: "they already took my phone, im on my friends" after
  "my parents said theyll kick me out" read self-harm, urgent at .66 with no self-harm word, and drew "put away what
  you might hurt yourself with"): the one urgent reading this module takes back, and only then — a message of
  ``phone_taken`` words holds no self-harm word; the session's urgency is kept. A quiet-line reading stays (someone
  may be there).
* **a friend's secret after a friend's story** — "she doesnt want anyone to know" after "my friend has bruises from
  her dad" was the same discreet question again (or, in the plain bot, the child's own self-harm line): after a
  ``peer_help`` signal, a message made only of ``friend_secret`` words asks what happens to what is written here
  (intent ``ask_privacy``; the rules answer it and keep the open question).
* **someone still around after harm** — "my uncle still comes over" after "i told my teacher and nothing happened"
  was ordinary talk (.93) and drew "Sorry, I didn't understand": after harm done to the child, a message made only
  of ``still_around`` words (a person of the child's life still comes over, still lives here) read as ordinary talk
  (not the quiet line) is the harm going on — the disclosure's signal, not urgent (s33).
* **refusing a person, wanting it to stop** — "i dont want a coach, i want it to stop" after a disclosure of harm was
  read as self-harm ("I'm glad you're here and writing") and the same offer was made again: after harm done to the
  child (never after self-harm), a message made only of ``want_it_to_stop`` words asks for what can make it stop —
  the referral (intent ``inform_location`` with the disclosure's signal: where the child is, then the number).

Each rule needs its closed vocabulary (nlu/safety/cues.yml; nothing else may be in the message), never lowers an
urgent reading (but the self-harm reading of the phone taken after harm, above), and leaves every line without that
history as the NLU read it. Run by ``bot.handoff.gate``'s
after-parse hook (the tracker is in memory: no database hop); the parse says which rule read it
(:data:`DISCLOSURE_CONTEXT`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final, Mapping, Optional, Sequence

from bot.tracker_reading import parse_entity, session_events
from core.safety import CODED_HELP, CODED_URGENT, MAX_BARE_ARRIVAL_WORDS, Phrases, has_word_cue, made_of
from core.signals import HELP_SIGNALS, NO_PERSONA, generic_name
from core.text import fold

#: The parse key that says which rule of this module read the message.
DISCLOSURE_CONTEXT: Final = "disclosure_context"
ARRIVAL, PHONE_TAKEN, FRIEND_SECRET, WANTS_IT_TO_STOP = "arrival", "phone_taken", "friend_secret", "want_it_to_stop"
STILL_AROUND = "still_around"
#: The disclosures a line read with harm told takes on as they are (a persona's code or danger now is a disclosure).
_DISCLOSURES: Final = frozenset({"abuse_disclosure", "bullying", "online_exploitation"})
#: Longer messages are never one of these lines.
MAX_LINE_WORDS: Final = 16
#: Signals of harm done to the child (a persona's code is one): not a friend's story, self-harm, a wish for a person.
HARM_SIGNALS: Final = frozenset({"abuse_disclosure", "imminent_danger", "online_exploitation", "bullying",
                                 "visit_request", "urgent", "help_request"})
#: Unnamed people who are not the danger told of ("someone", "alguien", "ktoś" may be anyone).
_ANYONE: Final = frozenset({"someone", "somebody", "someones", "sum1", "some1", "alguien", "ktos"})
#: A phone number in the bot's reply: three digits or more, spaces allowed ("0800 1111", "112").
_NUMBER = re.compile(r"\d[\d ]{1,}\d")
_APOSTROPHES = re.compile(r"['’`]")


def _said(text: str) -> str:
    """``text`` folded, apostrophes dropped ("doesn't" → "doesnt", "he's" → "hes")."""
    return _APOSTROPHES.sub("", fold(text))


@lru_cache(maxsize=1)
def _cues() -> Mapping[str, Any]:
    """The cue lists this module reads, folded (nlu/safety/cues.yml)."""
    from core import PROJECT_ROOT
    from nlu.cues import cue_list, load_cues

    path = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
    loaded = load_cues(path)

    def phrases(key: str) -> Phrases:
        lists = getattr(loaded, key)
        return Phrases({lang: tuple(sorted({_said(c) for c in p.cues})) for lang, p in lists.items()},
                       {lang: frozenset(_said(w) for w in p.fillers) for lang, p in lists.items()})

    def stripped(key: str) -> dict[str, list[str]]:
        return {lang: sorted({_said(c) for c in cues}) for lang, cues in cue_list(path, key).items()}

    def answer(key: str) -> dict[str, list[str]]:
        return {lang: sorted({_said(c) for c in p.cues}) for lang, p in getattr(loaded.answers, key).items()}

    return {
        FRIEND_SECRET: phrases("friend_secret"), PHONE_TAKEN: phrases("phone_taken"),
        WANTS_IT_TO_STOP: phrases("want_it_to_stop"), STILL_AROUND: phrases("still_around"),
        "arriving": stripped("arriving"), "someone": stripped("someone"), "unnamed": stripped("someone_unnamed"),
        "breaking": [stripped("postponing"), stripped("goodbyes"), stripped("farewells"), answer("hold"),
                     answer("later"), answer("cant_talk")],
        "harm": [stripped("harm"), stripped("done_to_me")],
    }


def _earlier_signals(tracker: Any) -> list[tuple[str, bool]]:
    """``(signal, urgent)`` of the child's earlier messages of the session, oldest first (read after the NLU, before
    the message is logged: every message of the tracker is an earlier one)."""
    from rasa.shared.core.events import UserUttered

    return [(str((e.parse_data or {}).get("signal") or "none"), bool((e.parse_data or {}).get("urgent")))
            for e in session_events(tracker) if isinstance(e, UserUttered)]


def _number_given(tracker: Any) -> bool:
    """Whether a reply of the bot earlier in the session held a number to call."""
    from rasa.shared.core.events import BotUttered

    return any(isinstance(e, BotUttered) and _NUMBER.search(e.text or "") for e in session_events(tracker))


def breaks_off(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` holds a word that breaks the talk off: putting off, a goodbye, a pause, "later", "I can't
    talk" ("gtg", "me tengo que ir", "muszę kończyć"; the ``breaking`` lists)."""
    said = _said(text)
    return any(has_word_cue(said, lang, c) for c in _cues()["breaking"])


def is_bare_unnamed_arrival(text: str, lang: Optional[str]) -> bool:
    """``text`` is only an unnamed he / she / they arriving ("hes coming up the stairs", "está subiendo él"... with an
    ``arriving`` cue), in at most ``MAX_BARE_ARRIVAL_WORDS`` words: nobody named by relation, nobody who may be anyone
    ("someone"), no putting-off, goodbye, pause or harm word."""
    cues = _cues()
    said = _said(text)
    tokens = re.findall(r"\w+", said)
    if not tokens or len(tokens) > MAX_BARE_ARRIVAL_WORDS or _ANYONE & set(tokens):
        return False
    if has_word_cue(said, lang, cues["someone"]) or not has_word_cue(said, lang, cues["unnamed"]):
        return False
    if not has_word_cue(said, lang, cues["arriving"]):
        return False
    return not any(has_word_cue(said, lang, c) for c in (*cues["breaking"], *cues["harm"]))


def reading_with_disclosure(parse: dict, tracker: Any) -> Optional[tuple[str, str, str, bool]]:
    """``(rule, intent, signal, urgent)`` when the parsed message is one of this module's lines after the history it
    needs (see the module docstring), else None (the parse stands)."""
    text = str(parse.get("text") or "")
    if len(text.split()) > MAX_LINE_WORDS:
        return None
    lang = parse_entity(parse, "lang") or tracker.get_slot("lang")
    persona = parse_entity(parse, "persona") or tracker.get_slot("persona") or NO_PERSONA
    said = _said(text)
    cues = _cues()
    earlier = _earlier_signals(tracker)
    signals = [s for s, _ in earlier if s in HELP_SIGNALS]
    harmed = [s for s in signals if s in HARM_SIGNALS]
    intent = generic_name(str((parse.get("intent") or {}).get("name") or ""))
    taken = made_of(said, lang, cues[PHONE_TAKEN], MAX_LINE_WORDS)
    # after harm told (never self-harm) and before any number, the phone taken read as a help signal or ordinary talk,
    # never as the quiet line (s33)
    taken_after_harm = taken and bool(harmed) and "self_harm" not in signals and parse.get("signal") != "not_safe"
    if parse.get("urgent") and not (taken_after_harm and parse.get("signal") == "self_harm"):
        return None
    if (persona != NO_PERSONA and parse.get("signal") == "not_safe" and harmed and not taken
            and is_bare_unnamed_arrival(text, lang)):
        return ARRIVAL, "imminent_danger", "imminent_danger", True
    if taken and (_number_given(tracker) or taken_after_harm):
        signal = signals[-1] if signals else "ask_human"
        return PHONE_TAKEN, "cant_call", signal, any(u for _, u in earlier)
    if signals and signals[-1] == "peer_help" and made_of(said, lang, cues[FRIEND_SECRET], MAX_LINE_WORDS):
        return FRIEND_SECRET, "ask_privacy", "none", False
    if harmed and parse.get("signal") == "none" and made_of(said, lang, cues[STILL_AROUND], MAX_LINE_WORDS):
        signal = harmed[-1] if harmed[-1] in _DISCLOSURES else "abuse_disclosure"
        return STILL_AROUND, signal, signal, False
    if (harmed and "self_harm" not in signals and intent not in (CODED_HELP, CODED_URGENT)
            and made_of(said, lang, cues[WANTS_IT_TO_STOP], MAX_LINE_WORDS)):
        signal = harmed[-1] if harmed[-1] not in (CODED_HELP, CODED_URGENT) else "abuse_disclosure"
        return WANTS_IT_TO_STOP, "inform_location", signal, False
    return None


def read_with_disclosure(parse: dict, tracker: Any) -> Optional[str]:
    """Read the parse with the disclosure before it (:func:`reading_with_disclosure`): its intent, signal and urgency
    become the rule's; the parse says which rule read it (:data:`DISCLOSURE_CONTEXT`). The rule, or None."""
    found = reading_with_disclosure(parse, tracker)
    if found is None:
        return None
    rule, intent, signal, urgent = found
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    parse["intent"] = {"name": intent, "confidence": confidence}
    parse["signal"] = signal
    parse["urgent"] = urgent
    parse[DISCLOSURE_CONTEXT] = rule
    return rule
