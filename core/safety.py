"""The safety decisions, as pure functions on an intent ranking (no Rasa, no I/O).

Given the classifier's ranking of every intent, the persona the message was written in and the
folded text, :func:`decide` says which intent the dialogue sees, the message's ``signal`` and
whether it is ``urgent``:

  1. :func:`mask` — intents of other personas are dropped; if most of the probability mass was
     theirs (quiet codes such as "wrong chat" excepted: they mean the same everywhere), the
     message is another persona's talk → ``out_of_scope`` here. Code intents get their generic
     name (``rumianek__help_request`` → ``help_request``) and the ranking is renormalised;
  2. :func:`choose` — a greeting or thanks that carries a help request is the help request;
     a "no" (``deny``) is ordinary talk (after the discreet question the dialogue answers it
     with ``utter_back_to_shop``), but inside a persona a *putting off* "no" that covers the
     child's tracks ("never mind", "gotta go", a cue of ``postponing`` in
     ``nlu/safety/cues.yml``) is the persona's ``not_safe``, and so is a *goodbye* that breaks the
     talk off ("tengo que irme", "muszę lecieć", "gotta go, bye": a ``postponing`` cue outside a
     stock farewell such as "see you later" / "hasta luego", the ``farewells`` cues, which stay an
     ordinary goodbye); a *coded* ``peer_help`` is
     answered like ``help_request`` (its signal stays ``peer_help``); a help signal whose
     ranking holds an urgent intent (``imminent_danger``, ``self_harm_urgent``) at least
     ``URGENT_SHARE`` as confident is that urgent intent (:func:`escalate`: a missed emergency
     costs far more than an emergency line given to a child who already asked for help);
  2b. :func:`answer_to_question` — a message made only of "later" words ("not now", "maybe
     tomorrow": ``answers.later`` in the cues file) is the intent ``not_now``: after one of the
     bot's questions the dialogue answers "you can come back any time" and remembers the offer;
     anywhere else it is the quiet line. Inside a persona its signal is ``not_safe`` (the child
     cannot talk now), in the plain bot ``none``. A "not now" said with its reason ("ahora no que
     tengo a mi madre al lado", "nie teraz bo jestem w szkole": :func:`later_with_reason`, s27) is
     ``not_now`` too — a whitelist: it opens with a negated now, the rest is only a known reason (family
     present, busy, cannot talk), and the classifier read ordinary talk, a place, the quiet code or an
     unsure, non-urgent help signal (in the plain bot someone present keeps the quiet line); anything else
     ("luego se metió en mi cama", "ahora no, el de instagram me espera abajo") is left to the classifier.
     A message made only of "now I can" words
     (``answers.resume``) is a yes (``affirm``), whatever the classifier says; one made only of
     "what was the number again?" words (``answers.number``) is ``ask_number``, of "sorry, can you
     repeat?" words (``answers.repeat``) ``ask_repeat`` (signal none, actions/repeat.py), unless the
     classifier found a help signal it is sure of; one made only of "will you tell my parents?" /
     "is this secret?" words (``answers.privacy``) is ``ask_privacy``, of "is it free?" / "no tengo
     saldo" words (``answers.cost``) ``ask_cost`` (signal none), unless the classifier is sure it is
     urgent; one made only of "is it my fault?" words (``answers.fault``) is ``ask_fault`` (signal
     none), unless the classifier read a help signal; one made only of "is that abuse?" words
     (``answers.is_it_abuse``) is ``abuse_disclosure`` (inside a persona its discreet question in cover
     voice, the signal kept), unless the classifier read a help signal; asking for a person *later*
     ("can i talk tomorrow instead", read as ``ask_human``) is ``not_now`` like any "later"; inside a
     persona a bare "I can't talk" (``answers.cant_talk``: "no puedo hablar") read as ordinary talk,
     asking for a person or distress is the persona's ``not_safe``; a change of mind said with a no and no
     other "now I can" cue (``answers.mind_changed``: "no, i changed my mind") is ``deny``, not a
     resume, when read as ordinary talk; in the plain bot "how does this
     work?" (``answers.how_it_works``) is ``probe`` (what the chat is), inside a persona what_next; a
     bare Polish "no" (``answers.ambiguous``: "yeah" as often as "no", only when the message is known
     to be Polish) is unclear (``out_of_scope``) unless the classifier is sure of a signal; one made
     only of "I don't know" / "maybe" / "what?" / "może" words (``answers.unsure``) is unclear
     (``out_of_scope``) unless the classifier found a signal; in the plain bot "is it a real person or a bot?"
     (``answers.real_person``, with a word that asks whether) is ``probe`` (what the chat is; an open
     question stays open), not a yes to the offer of a person (s27);
  2c. :func:`is_covering_tracks` — a message that breaks the talk off (``postponing``: "nvm",
     "gtg"; or asks to wipe the chat, ``wipe_lines``: "delete everything", "borra todo") because
     someone is arriving (``arriving``: "mum's coming up the stairs", "my dad's just come in"), with
     no harm word, persona risk cue, danger cue or self-harm, is ``not_safe`` whatever the
     classifier says (it read the stairs as danger). "My dad is coming and he will hit me" keeps its
     emergency reply. Inside a persona that is its quiet code; in the plain bot (which has no quiet
     code the classifier could learn) only when the classifier read no disclosure (``none``,
     ``imminent_danger``, ``distress`` or ``ask_human``: "gtg someone's coming" drew the emergency
     line) in at most ``MAX_COVERING_WORDS`` words: "gtg, my stepdad's home, he touches me at night"
     stays the disclosure; over a reading of ordinary talk a "later" is no break-off ("my friends
     are coming over later": ``answers.later`` cues taken out before ``postponing`` is looked for); a
     pause that opens a short message naming who arrives ("espera viene alguien", "czekaj ktoś idzie",
     :func:`is_pause_as_someone_comes`) breaks the talk off too, and is the arrival itself ("hold on my sis is
     at th", cut off); someone named or a knock at the door at the end of a short message ("hold on someone's
     at the door", "un momento, llaman a la puerta": ``at_the_door``, ``knocking``) is an arrival whose door
     phrase is no harm word or danger cue; a goodbye word with someone named ("my dad just came in, bye":
     ``goodbyes``) breaks off like "gtg". Inside a persona its quiet code read over harm done to the child
     ("cancel the cream, he hit me again": ``done_to_me``) is the disclosure (s24);
  2d. :func:`near_miss` — ordinary talk the classifier is unsure of (``out_of_scope`` below
     ``NEAR_MISS_TOP``) with a help intent close behind it (at least ``NEAR_MISS_SHARE`` as
     confident) and words of harm done to the child (``done_to_me``: "hit me", "me pega") is that
     help intent: "he hit me again today" after a "no" was out_of_scope 0.24 with abuse_disclosure
     0.16 and drew "I only know about games". A friend's story (the shared ``peer_help``, not
     forwarded) with such words is the child's own: the next help intent of the ranking;
  3. urgency from the words of the moment (cues of the message's language, or of any language
     when it is unknown): :func:`is_urgent` — self-harm with a plan, means or time
     (``self_harm_urgent``) is urgent and becomes ``self_harm_urgent``; :func:`danger_now` —
     abuse, bullying or online exploitation with a cue of danger happening now or a weapon
     (``danger_urgent``: "by the throat", "waiting for me after school", "we're hiding upstairs",
     "knife") becomes ``imminent_danger``, a persona's coded ``help_request`` with one becomes its
     coded ``urgent``, and ordinary talk becomes ``imminent_danger`` only on two pieces of
     evidence (a cue and a danger intent ranked at least ``URGENT_SHARE`` as high) — never the
     persona's cover talk, never on cues alone ("I'd kill for chips rn", "a big knife right now
     lol"). The classifier reads such messages by their topic (a parent, a group at
     school, a man met online) more than by their moment. The quiet steps above win: a bare "not
     now", a putting-off "no", a quiet line (``nlu.quiet``, applied after) are never escalated;
  4. :func:`is_adult_order` — inside a persona, the urgent code written by someone who reads as an
     adult customer ("express delivery, a birthday present for my wife") with no harm cue gets the
     discreet question (intent ``help_request``; signal ``urgent`` and the urgent flag are kept,
     so a "yes" still reaches a counselor first) instead of a bare emergency line. Any harm cue
     keeps the emergency reply first;
  5. a *forwarded* message (the channel says so) is someone else's words: self-harm in it is
     about another person — ``peer_help``, never the child's own urgent self-harm; with a cue of
     urgency it is ``peer_help_urgent``. Other signals stand (a forwarded threat is still evidence
     of danger to the child). A friend's story said plainly (the shared ``peer_help``, not a
     persona's code) with a cue that the friend is in danger now (:meth:`Danger.to_friend`: a plan
     for tonight, pills taken, not answering, a weapon, "right now" with a harm word) is ``peer_help_urgent``:
     signal ``peer_help``, urgent — the emergency number first, for the friend, then a person;
  6. :func:`is_tentative` — inside a persona, a help signal said in plain words (a shared intent,
     not the persona's code) that the classifier is less than ``TENTATIVE_CONFIDENCE`` sure of,
     with no harm word, persona risk cue, self-harm urgency cue or danger cue, is answered in
     cover voice: the discreet question (intent ``help_request``), or when it is urgent the
     persona's coded urgent reply (intent ``urgent``: the emergency number first, in cover voice,
     then a person) — never a plain-voice safety reply that breaks the disguise for a shopper
     ("hi, I'm 13" once read as urgent self-harm at 0.26 and drew a plain self-harm line inside
     the shop). The signal and the urgent flag are kept (routing and queue priority unchanged).
     Asking for a person (``ask_human``, not urgent) inside a persona is answered the same way
     at any confidence: "you can talk to a counselor here" in the shop breaks the disguise.

  7. :func:`part_reading` (s28) — a long message read as no help signal whose part (nlu/parts.py: a sentence, or a
     clause a ``clause_openers`` cue opens, ranked by the same sub-model) reads a help signal at least
     ``PART_CONFIDENCE`` sure, says harm and, for a shared intent, has the signal of the whole's first help reading
     (for a persona's code: says harm plainly), is that part's reading (each part decided by steps 1–6 on its own
     words: its urgency too) — never when the whole tells a story, a quote or a joke, nor, but for an urgent part,
     when it says the harm is past and over.

``nlu.components.persona.PersonaContext`` applies these to every message; the dialogue rules
only read the resulting intent, ``signal`` and ``urgent``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import AbstractSet, Callable, Iterable, Iterator, Mapping, Optional, Sequence, Tuple

from core.signals import (
    CODE_INTENTS, HELP_SIGNALS, NO_PERSONA, PEER_URGENT, generic_name, persona_of, signal_for_intent,
)

#: Where a message that belongs to another persona lands.
FOREIGN_INTENT = "out_of_scope"
#: Ordinary intents that give way to a help intent ranked with at least YIELD_CONFIDENCE.
YIELDING_INTENTS = frozenset({"greet", "thanks"})
YIELD_CONFIDENCE = 0.25
#: Code intents that mean "I can't talk now" in any persona.
QUIET_CODES = frozenset({"not_safe", "clean_chat"})
#: Shared intents that are urgent on their own, and the share of a help signal's confidence at
#: which one of them decides a message read as help (:func:`escalate`). 0.5 by 5-fold
#: cross-validation on the shared training data (urgency from the intent alone: recall 0.756 ->
#: 0.783 on the held-out folds; 0.6-0.8 gained less). Only help signals are escalated, so no
#: ordinary message becomes a false alarm.
URGENT_INTENTS = frozenset({"imminent_danger", "self_harm_urgent"})
URGENT_SHARE = 0.5
#: The share at which a persona's urgent code close behind its help code decides (:func:`escalate`):
#: a near tie only ("da się żeby krem rumiankowy doszedł jeszcze dziś": help .49, urgent .45). At 0.5
#: "chyba potrzebuję kremu rumiankowego" (help .43, urgent .26) drew the emergency reply instead of
#: the discreet question. Not cross-validated: chosen for near ties, checked on the dev splits.
CODED_URGENT_SHARE = 0.75
#: Help signals that danger happening now makes urgent (``imminent_danger``): how the classifier
#: reads violence at home, a group at school or a man met online by its topic, not its moment.
#: Not distress ("my anxiety is so bad rn"), peer_help (a friend's story), ask_human or self_harm
#: (which has its own cues): fear, someone else's story and asking for a person are not danger to
#: the child now.
DANGER_SIGNALS = frozenset({"abuse_disclosure", "bullying", "online_exploitation"})
DANGER_INTENT = "imminent_danger"
#: The coded request a persona escalates to its urgent code when the message says danger is now.
CODED_HELP, CODED_URGENT = "help_request", "urgent"
#: Inside a persona, a plain help signal below this confidence with no cue of harm, urgency or
#: danger is answered in cover voice (step 6, ``is_tentative``): less likely than not, it is not
#: said plainly enough to drop the disguise.
TENTATIVE_CONFIDENCE = 0.5
#: :func:`near_miss`: an unsure reading of ordinary talk, and how close a help intent must be behind it. 0.35 / 0.6
#: until s27: "dziś rano uderzył mnie w twarz bo nie zjadłam zupy" (out_of_scope .46, abuse .25) after an unclear
#: answer drew the shop's "anything from the shop?" (dev rows: 1 fixed, none broken at 0.5 / 0.5).
NEAR_MISS_TOP = 0.5
NEAR_MISS_SHARE = 0.5
#: Ordinary intents that a putting-off cue turns into the persona's quiet code (step 2): a "no"
#: ("no, never mind") and a goodbye that breaks the talk off ("gotta go", "tengo que irme").
BREAKING_OFF = frozenset({"deny", "goodbye"})
#: The plain bot's classifier readings that covering one's tracks overrides (step 2c): ordinary
#: talk, and the readings "someone's coming" draws (danger, fear, asking for a person). A
#: disclosure (abuse, bullying, exploitation, a friend's story, self-harm) said while breaking off
#: stays what it is: a counselor must see it.
PLAIN_COVERING_SIGNALS = frozenset({"none", "imminent_danger", "distress", "ask_human"})
#: Covering one's tracks is short ("gtg someone's coming", "borra todo q viene mi madre"), though a reason may
#: run longer ("se ha encendido la luz del pasillo, luego sigo, no me contestes": 13 words was left to the
#: classifier, s24). Only over PLAIN_COVERING_SIGNALS readings, and never with a harm word or a danger cue.
MAX_COVERING_WORDS = 16
#: Someone arriving said bare, without a putting-off word ("brat patrzy", "viene mi madre").
MAX_BARE_ARRIVAL_WORDS = 5
#: After a pause, who arrives in at most this many words, a door phrase that ends the message not counted
#: ("espera, mi madre está en la puerta", "hang on my nan is at the front door"); a harm word or a danger cue
#: still keeps the reading (is_covering_tracks). Not 7: "hold on my uncle is in my room" was quiet (review s24).
MAX_PAUSED_ARRIVAL_WORDS = 5
#: A message opening with one of these asks a question ("czy jest tu ktoś żywy?"): no arrival.
QUESTION_OPENERS = frozenset({"czy"})
#: Above this share of probability for other personas, a message is another persona's talk.
FOREIGN_MASS = 0.5
#: "Not now" / "later" as an answer to one of the bot's questions (nlu/dialogue/rules.yml).
NOT_NOW = "not_now"
#: Saying where one is ("I'm in Leeds"; "I'm in my room": where in the home, no town).
LOCATION_INTENT = "inform_location"
#: "What was the number again?" / "sorry, can you repeat?" (actions/repeat.py, nlu/dialogue/rules.yml).
ASK_NUMBER, ASK_REPEAT = "ask_number", "ask_repeat"
#: "Will you tell my parents?" / "is it free?" (nlu/dialogue/rules.yml, actions/cost.py).
ASK_PRIVACY, ASK_FAULT, ASK_COST = "ask_privacy", "ask_fault", "ask_cost"
#: Intents a bare "later" answer may have been classified as (no help signal).
ANSWER_INTENTS = frozenset({"affirm", "deny", "out_of_scope", "greet", "thanks", "goodbye", "not_safe"})
#: Readings a bare "I can't talk" (``answers.cant_talk``) overrides inside a persona: ordinary talk, the
#: quiet code, asking for a person, distress — never a disclosure or an urgent reading.
CANT_TALK_SIGNALS = frozenset({"none", "not_safe", "ask_human", "distress"})
#: "How does this work?" in the plain bot: what the chat is (the plain voice's probe answer).
PROBE = "probe"
#: "Is that abuse?": the child asks whether what happens to them counts — a disclosure.
ABUSE = "abuse_disclosure"
#: Longer messages are never a bare answer.
MAX_ANSWER_WORDS = 10
#: A question about this chat (privacy, cost) may run longer: every word must still be one of its
#: closed vocabulary, which holds no harm word ("i dont have any credit on my phone is that ok").
MAX_QUESTION_WORDS = 16
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Phrases:
    """Folded cue phrases per language, and the other words a message made only of them may have."""

    cues: Mapping[str, Sequence[str]] = field(default_factory=dict)
    fillers: Mapping[str, AbstractSet[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Answers:
    """The answers to the bot's questions that words decide: ``later`` ("not now", "maybe
    tomorrow"), ``resume`` ("now I can", "I'm back"), ``unsure`` ("I don't know", "what?"),
    ``number`` ("what was the number again?"), ``repeat`` ("sorry, can you repeat?") and
    ``cant_call`` ("I can't call, he'd hear me": a person writes here instead), ``privacy`` ("will
    you tell my parents?"), ``fault`` ("is it my fault?"), ``cost`` ("is it free?", "I don't have
    credit"), ``refuse`` ("no, I don't want a person": a no to the offer of a person), ``hold``
    ("one sec", "chwila": a pause),
    ``home`` ("I'm in my room", "en mi cuarto": where in the home, no town), ``what_next`` ("what
    happens now?", "co teraz?": a question about the way to a person), ``mind_changed`` ("no, I changed
    my mind": a no, not a resume), ``ambiguous`` (the Polish bare
    "no": "yeah" or "no"), ``cant_talk`` ("can't talk", "no puedo hablar"), ``how_it_works`` ("how does
    this work?"), ``what_it_means`` ("what does that mean?", plain bot only) and ``is_it_abuse`` ("is that abuse?",
    "czy to przemoc?"), ``why_place`` ("why do you need to know?": why the bot asks where the child is),
    ``other_one`` ("the other one", "to drugie": the other place of a name the bot asked about), ``about_offer``
    ("what's this about the specialist?": inside a persona and only to the offer, unclear — the offer is asked
    again: bot/open_question.py),
    ``fault_reason`` (the words that open a reason after "is it my fault": "because", "por", "bo",
    :func:`is_fault_with_reason`) and ``someone_there`` ("hay alguien", "someone's here", "ktoś jest" at the end of
    a break-off: :func:`says_someone_there`)."""

    later: Phrases = field(default_factory=Phrases)
    resume: Phrases = field(default_factory=Phrases)
    agree: Phrases = field(default_factory=Phrases)
    unsure: Phrases = field(default_factory=Phrases)
    number: Phrases = field(default_factory=Phrases)
    repeat: Phrases = field(default_factory=Phrases)
    cant_call: Phrases = field(default_factory=Phrases)
    privacy: Phrases = field(default_factory=Phrases)
    fault: Phrases = field(default_factory=Phrases)
    cost: Phrases = field(default_factory=Phrases)
    refuse: Phrases = field(default_factory=Phrases)
    hold: Phrases = field(default_factory=Phrases)
    home: Phrases = field(default_factory=Phrases)
    what_next: Phrases = field(default_factory=Phrases)
    ambiguous: Phrases = field(default_factory=Phrases)
    mind_changed: Phrases = field(default_factory=Phrases)
    cant_talk: Phrases = field(default_factory=Phrases)
    right_now: Phrases = field(default_factory=Phrases)
    busy: Phrases = field(default_factory=Phrases)
    how_it_works: Phrases = field(default_factory=Phrases)
    what_it_means: Phrases = field(default_factory=Phrases)
    is_it_abuse: Phrases = field(default_factory=Phrases)
    real_person: Phrases = field(default_factory=Phrases)
    why_place: Phrases = field(default_factory=Phrases)
    other_one: Phrases = field(default_factory=Phrases)
    who_writes: Phrases = field(default_factory=Phrases)
    about_offer: Phrases = field(default_factory=Phrases)
    what_offer_is: Phrases = field(default_factory=Phrases)
    #: s36: what follows for the child or the family ("will they call the police?", "will my dad get in trouble?")
    consequence: Phrases = field(default_factory=Phrases)
    fault_reason: Phrases = field(default_factory=Phrases)
    someone_there: Phrases = field(default_factory=Phrases)


@dataclass(frozen=True)
class Danger:
    """Folded cues of danger happening now, per language (``danger_urgent`` in the cues file):
    ``now`` — the moment, hiding, someone at the door ("right now", "waiting for me", "kicking the
    door"); ``weapons`` ("knife", "gun"); ``friend`` (a friend in danger now); ``calm`` — words that
    take a ``now`` cue right after them back ("fine", "estoy bien", "spokojnie"); ``fiction`` (a film, a
    song, a series: ordinary talk about it is never escalated); ``soon`` — the danger is hours away,
    before someone comes back ("before he gets back", "antes de que vuelva", "zanim ojczym wróci"):
    counted as ``now``, a ``*`` in one of them stands for one to three words (:func:`soon_pattern`)."""

    now: Mapping[str, Sequence[str]] = field(default_factory=dict)
    weapons: Mapping[str, Sequence[str]] = field(default_factory=dict)
    friend: Mapping[str, Sequence[str]] = field(default_factory=dict)
    calm: Mapping[str, Sequence[str]] = field(default_factory=dict)
    fiction: Mapping[str, Sequence[str]] = field(default_factory=dict)
    soon: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: s30: phrases whose fiction word tells no fiction ("brzmi jak film ale…", "it sounds like a movie but…":
    #: ``not_framing`` of the cues file, :meth:`tells_fiction`)
    not_fiction: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: s36: left alone for days (``gone``) and without power or heat, or a sibling with a fever (``lacking``):
    #: :meth:`stranded`
    gone: Mapping[str, Sequence[str]] = field(default_factory=dict)
    lacking: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: s36: a friend not answering any more (split from ``friend``): :meth:`to_friend`
    silent: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def stranded(self, folded: str, lang: Optional[str]) -> bool:
        """Whether the child is left alone for days with no power or heat, or a sibling with a fever (s36, blind 11:
        "mum hasnt been home since thursday … the electric ran out last night"): a cue of ``gone`` and one of
        ``lacking``. Gone with no food alone is neglect, a disclosure; neither alone: "mum often forgets to buy food",
        "my parents are away till sunday, nan is with us"."""
        return has_cue(folded, lang, self.gone) and has_cue(folded, lang, self.lacking)

    def tells_fiction(self, folded: str, lang: Optional[str]) -> bool:
        """Whether a ``fiction`` cue is in the folded text once the phrases of ``not_fiction`` are taken out: "brzmi
        jak film ale tata stoi pod drzwiami z nożem" (an insistence, s30) tells none, "in the music video he chases
        her with a knife" does."""
        words = _WORD.findall(folded)
        said = {i for begin, end in _cue_spans(words, lang, self.not_fiction) for i in range(begin, end)}
        return has_cue(" ".join(w for i, w in enumerate(words) if i not in said) if said else folded, lang,
                       self.fiction)

    def found(self, folded: str, lang: Optional[str]) -> Tuple[bool, bool]:
        """``(now, weapon)``: whether a cue of each list (the message's language, or any language
        when it is unknown) is in the folded text. A cue of ``now`` right after a word of ``calm``
        ("it's fine right now, I'm in Sheffield") is not danger now, nor one right after a negation
        ("not right now, he's in the room": a putting-off answer, not danger happening now)."""
        now = any(not is_reassured(before, lang, self.calm) and not (before and before[-1] in NEGATIONS)
                  for before in words_before(folded, lang, self.now))
        now = now or any(soon_pattern(cue).search(folded) for found in cues_of(lang, self.soon) for cue in found)
        now = now or self.stranded(folded, lang)
        weapon = has_cue(folded, lang, self.weapons)
        return now, weapon

    def without_calmed(self, folded: str, lang: Optional[str]) -> str:
        """``folded`` with every cue of ``now`` that a word of calm takes back blanked out ("its fine
        right now" keeps "its fine"), for the other cue lists that hold "now"."""
        padded = f" {folded} "
        for found in cues_of(lang, self.now):
            for cue in sorted(found, key=len, reverse=True):
                start = padded.find(f" {cue}")
                while start >= 0:
                    if is_reassured(_WORD_WITH_APOSTROPHE.findall(padded[:start]), lang, self.calm):
                        padded = padded[:start + 1] + " " * len(cue) + padded[start + 1 + len(cue):]
                    start = padded.find(f" {cue}", start + 1)
        return padded.strip()

    def to_friend(self, folded: str, lang: Optional[str], harm: Mapping[str, Sequence[str]],
                  silence_alone: bool = True) -> bool:
        """Whether a friend's story says the friend is in danger now: a ``friend`` cue (a plan for
        tonight, pills taken, a goodbye), a weapon, a cue of ``now`` with a word of ``harm`` ("her dad is
        beating her right now"), or a ``silent`` cue (not answering) — alone when ``silence_alone`` (the plain
        bot), else only with a ``harm`` word (inside a persona, s36: "my friend wont reply, is she mad at me"
        is read as its coded friend's story). Not a bare cue of ``now``: "she's so sad rn" is not danger now."""
        now, weapon = self.found(folded, lang)
        if weapon or has_cue(folded, lang, self.friend) or (now and has_cue(folded, lang, harm)):
            return True
        return has_cue(folded, lang, self.silent) and (silence_alone or has_cue(folded, lang, harm))


@lru_cache(maxsize=None)
def soon_pattern(cue: str) -> "re.Pattern[str]":
    """The folded ``cue`` as a pattern that starts and ends at word boundaries; each ``*`` in it
    stands for one to three words ("before * gets back": "before my stepdad gets back")."""
    parts = [re.escape(part.strip()) for part in cue.split("*")]
    return re.compile(r"(?<!\w)" + r" (?:[\w']+ ){1,3}".join(parts) + r"(?!\w)")


@dataclass(frozen=True)
class Ranked:
    """One intent of a ranking: the name the dialogue sees, its confidence, the model's name."""

    intent: str
    confidence: float
    source: str


@dataclass(frozen=True)
class Decision:
    """What the dialogue sees for one message."""

    intent: str
    confidence: float
    source: str
    signal: str
    urgent: bool
    ranking: Tuple[Ranked, ...]


def mask(ranking: Sequence[Tuple[str, float]], persona: str, foreign_mass: float = FOREIGN_MASS) -> Tuple[Ranked, ...]:
    """The ranking as seen inside ``persona`` (``plain``: the shared layer alone), best first."""
    kept = [(name, p) for name, p in ranking if persona_of(name) in (None, persona)]
    foreign = sum(
        p for name, p in ranking
        if persona_of(name) not in (None, persona) and generic_name(name) not in QUIET_CODES
    )
    if not kept or foreign > foreign_mass:
        return (Ranked(FOREIGN_INTENT, foreign, FOREIGN_INTENT),)
    total = sum(p for _, p in kept)
    scale = 1.0 / total if total > 0 else 1.0
    masked = [Ranked(generic_name(name), p * scale, name) for name, p in kept]
    return tuple(sorted(masked, key=lambda r: -r.confidence))


def choose(ranking: Sequence[Ranked], persona: str, putting_off: bool = False, leaving: bool = False,
           self_harm_said: bool = True) -> Ranked:
    """The intent the dialogue answers, from a masked ranking (best first); ``putting_off``:
    the text puts the talk off ("not now"), which turns a ``deny`` inside a persona into
    ``not_safe``; ``leaving``: it puts the talk off other than by a stock farewell ("gotta go",
    not "see you later"), which turns a ``goodbye`` inside a persona into ``not_safe``;
    ``self_harm_said``: the text has a self-harm urgency cue (a means or a time, see :func:`escalate`)."""
    if not ranking:
        return Ranked(FOREIGN_INTENT, 0.0, FOREIGN_INTENT)
    top = ranking[0]
    if top.intent in YIELDING_INTENTS:
        helping = [r for r in ranking if signal_for_intent(r.source)[0] in HELP_SIGNALS]
        if helping and helping[0].confidence >= YIELD_CONFIDENCE:
            top = helping[0]
    top = escalate(ranking, top, self_harm_said=self_harm_said)
    if persona != NO_PERSONA and ((top.intent == "deny" and putting_off) or (top.intent == "goodbye" and leaving)):
        top = Ranked("not_safe", top.confidence, top.source)
    return top


def escalate(ranking: Sequence[Ranked], top: Ranked, share: float = URGENT_SHARE, self_harm_said: bool = True) -> Ranked:
    """``top`` unless it is a non-urgent help signal and an urgent intent of the ranking has at
    least ``share`` of its confidence: then that urgent intent. Urgency is not an arg-max between
    near-tied intents ("he is threatening me with a weapon now": exploitation 0.48, danger 0.46),
    which a small change of the training data flips; ordinary talk is never escalated. A friend's
    story (the shared ``peer_help``) with an urgent intent close behind is ``peer_help_urgent``: the
    friend is the one in danger ("my friend swallowed a load of pills": peer_help 0.56,
    self_harm_urgent 0.44). Inside a persona, its coded ``help_request`` with its coded ``urgent``
    close behind is that urgent code (dev splits: one more urgent line found, no new error). Harm done
    by others (``DANGER_SIGNALS``) is not made a self-harm emergency by a weak ``self_harm_urgent``
    reading alone, only with a self-harm urgency cue in the text (``self_harm_said``): "im 15 and
    pregnant and my boyfriend is 22" (exploitation .37, self_harm_urgent .19) and "worse on weekends
    when my dad drinks" (abuse .25, self_harm_urgent .20) drew the line about putting away what the
    child might hurt themselves with; danger now from others is :func:`danger_now`'s."""
    signal, urgent = signal_for_intent(top.intent)
    if urgent or signal not in HELP_SIGNALS:
        return top
    coded = top.intent == CODED_HELP and persona_of(top.source) is not None
    others_harm = signal in DANGER_SIGNALS and not self_harm_said
    runner_up = next((r for r in ranking if (r.intent in URGENT_INTENTS
                                             and not (others_harm and r.intent == "self_harm_urgent"))
                      or (coded and r.intent == CODED_URGENT and persona_of(r.source) is not None)), None)
    if runner_up is None or runner_up.confidence < share * top.confidence:
        return top
    if runner_up.intent == CODED_URGENT and runner_up.confidence < CODED_URGENT_SHARE * top.confidence:
        return top  # the persona's two codes: only a near tie ("can the chamomile cream come today")
    if top.intent == "peer_help":  # the classifier reads a friend's story first: the friend is in danger
        return Ranked(PEER_URGENT, top.confidence, top.source)
    return runner_up


def unquiet(top: Ranked, ranking: Sequence[Ranked], persona: str, breaking: bool) -> Ranked:
    """Inside a persona, its quiet code read weakly (below ``TENTATIVE_CONFIDENCE``) in a message
    that breaks nothing off (no putting-off or wiping word), with its code for help (for the child
    or a friend) at least ``CODED_URGENT_SHARE`` as high, is that code: "stuck on the lantern quest
    since my mum went into hospital and her boyfriend is looking after us" (quiet code .20, help .20,
    for a friend .19) was answered with the goodbye that ends the talk. A false help reading costs a
    discreet question in cover voice; a false exit costs the child's only try."""
    if (persona == NO_PERSONA or breaking or top.intent != "not_safe" or persona_of(top.source) is None
            or top.confidence >= TENTATIVE_CONFIDENCE):
        return top
    coded = next((r for r in ranking if r.intent in (CODED_HELP, "peer_help") and persona_of(r.source) is not None),
                 None)
    return coded if coded is not None and coded.confidence >= CODED_URGENT_SHARE * top.confidence else top


def contains_cue(folded: str, cues: Iterable[str]) -> bool:
    """Whether a folded cue starts at a word boundary of the folded text."""
    padded = f" {folded} "
    return any(f" {cue}" in padded for cue in cues)


def cues_of(lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> list[Sequence[str]]:
    """The cue lists that apply to a message: its language's, or every language's if unknown."""
    return [cues[lang]] if lang in cues else list(cues.values())


def has_cue(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> bool:
    """Whether a cue of the message's language (every language's if unknown) is in ``folded``."""
    return any(contains_cue(folded, found) for found in cues_of(lang, cues))


#: Words that deny what follows them: "aún no ha llegado" (the parcel has not arrived) is nobody arriving.
NEGATIONS = frozenset({"no", "not", "never", "nie", "nigdy", "nunca", "hasnt", "hasn't", "isnt", "isn't", "didnt",
                       "didn't", "havent", "haven't", "wont", "won't", "aint", "ain't"})
_WORD_WITH_APOSTROPHE = re.compile(r"[\w']+")


def _around_cues(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> Iterator[tuple[str, str]]:
    """For each place a cue (:func:`has_cue`'s matching) starts in ``folded``: the text before it and
    the text after it."""
    return ((before, after) for _, before, after in _cues_around(folded, lang, cues))


def _cues_around(folded: str, lang: Optional[str],
                 cues: Mapping[str, Sequence[str]]) -> Iterator[tuple[str, str, str]]:
    """For each place a cue starts in ``folded``: the cue, the text before it and the text after it."""
    padded = f" {folded} "
    for found in cues_of(lang, cues):
        for cue in found:
            start = padded.find(f" {cue}")
            while start >= 0:
                yield cue, padded[:start], padded[start + len(cue) + 1:]
                start = padded.find(f" {cue}", start + 1)


def _text_before(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> Iterator[str]:
    """For each place a cue starts in ``folded``: the text before it."""
    return (before for before, _ in _around_cues(folded, lang, cues))


def words_before(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """For each place a cue (:func:`has_cue`'s matching) starts in ``folded``: the words before it."""
    return (_WORD_WITH_APOSTROPHE.findall(before) for before in _text_before(folded, lang, cues))


def has_affirmed_cue(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> bool:
    """Like :func:`has_cue`, but a cue right after a negation ("no ha llegado", "nie przyszła",
    "hasn't come") does not count; one after a negation and a comma does ("ahora no, viene alguien")."""
    for text in _text_before(folded, lang, cues):
        before = _WORD_WITH_APOSTROPHE.findall(text)
        if not before or before[-1] not in NEGATIONS or not text.rstrip().endswith(before[-1]):
            return True
    return False


def says_someone_there(folded: str, lang: Optional[str], there: Phrases) -> bool:
    """Whether ``folded`` ends with someone said to be there (a cue of ``there``: "hay alguien", "someone's here",
    "ktoś jest"), only ``there``'s fillers after it ("hay alguien en casa") and no negation right before it ("no
    hay alguien"). Whole words, the message's language (any when unknown)."""
    tokens = _WORD.findall(folded)
    for cue_lang in ([lang] if lang in there.cues else list(there.cues)):
        after = there.fillers.get(cue_lang, frozenset())
        for cue in there.cues[cue_lang]:
            said = _WORD.findall(cue)
            for start in range(len(tokens) - len(said) + 1):
                if (tokens[start:start + len(said)] == said and all(t in after for t in tokens[start + len(said):])
                        and not (start and tokens[start - 1] in NEGATIONS)):
                    return True
    return False


def is_reassured(before: Sequence[str], lang: Optional[str], calm: Mapping[str, Sequence[str]]) -> bool:
    """Whether the word right before a cue is a word of calm ("it's fine right now", "estoy bien
    ahora mismo") that no negation in the two words before it takes back ("I'm not safe right now")."""
    if not before or not any(before[-1].startswith(c) for found in cues_of(lang, calm) for c in found):
        return False
    return not any(w in NEGATIONS for w in before[-3:-1])


def has_word_cue(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> bool:
    """Like :func:`has_cue`, but a cue matches whole words only ("borra" is not "borracho")."""
    words = f" {' '.join(_WORD.findall(folded))} "
    return any(f" {' '.join(_WORD.findall(cue))} " in words for found in cues_of(lang, cues) for cue in found)


def breaks_off(folded: str, lang: Optional[str], postponing: Mapping[str, Sequence[str]],
               farewells: Mapping[str, Sequence[str]]) -> bool:
    """Whether a ``postponing`` cue ("gotta go", "tengo que irme") is in ``folded`` once every stock
    farewell ("see you later", "hasta luego", "do później") is taken out of it: a goodbye made of
    farewells is ordinary talk, a goodbye that breaks the talk off is the child covering tracks."""
    padded = f" {folded} "
    for cues in cues_of(lang, farewells):
        for cue in sorted(cues, key=len, reverse=True):
            padded = padded.replace(f" {cue}", " ")
    return has_cue(padded.strip(), lang, postponing)


#: A cue this short ("q", "k", "ya", "si") is matched as a whole word only (:func:`made_of`).
SHORT_CUE = 2


def made_of(folded: str, lang: Optional[str], phrases: Phrases, max_words: int = MAX_ANSWER_WORDS) -> bool:
    """Whether ``folded`` holds a cue of ``phrases`` and nothing but cue words and fillers (the
    message's language, or any language when it is unknown). A cue starts at a word boundary and may
    end inside a word ("1 sec" is in "1 second", "no puedo llamar" in "no puedo llamarte"), but a cue of
    one or two letters is a whole word: the unsure cue "q" is no cue of "si quiero". A filler of several words
    ("my hands are shaking") counts only whole: its words are no fillers by themselves."""
    tokens = _WORD.findall(folded)
    if not tokens or len(tokens) > max_words:
        return False
    words = " ".join(tokens)  # punctuation dropped: "¿qué?" is the word "que"
    for cue_lang in ([lang] if lang in phrases.cues else list(phrases.cues)):
        cues = [" ".join(_WORD.findall(cue)) for cue in phrases.cues[cue_lang]]
        fillers = phrases.fillers.get(cue_lang, frozenset())
        allowed = {f for f in fillers if " " not in f} | {w for cue in cues for w in cue.split()}
        long_fillers = sorted((f for f in fillers if " " in f), key=len, reverse=True)
        rest = without_phrases(words, cue_lang, {cue_lang: long_fillers}).split()
        short = [cue for cue in cues if len(cue) <= SHORT_CUE]
        if ((contains_cue(words, [cue for cue in cues if len(cue) > SHORT_CUE])
             or has_word_cue(words, cue_lang, {cue_lang: short}))
                and all(t in allowed for t in rest)):
            return True
    return False



def takes_back(folded: str, lang: Optional[str], answers: Answers) -> bool:
    """A change of mind (``answers.mind_changed``) said with a no ("no, i changed my mind", "al final no
    quiero, cambié de opinión") and no other "now I can" cue ("no, al final sí" is a yes)."""
    phrases = answers.mind_changed
    tokens = set(_WORD.findall(folded))
    for cue_lang in ([lang] if lang in phrases.cues else list(phrases.cues)):
        cues = {cue_lang: phrases.cues[cue_lang]}
        if (contains_cue(" ".join(_WORD.findall(folded)), [" ".join(_WORD.findall(c)) for c in cues[cue_lang]])
                and tokens & set(phrases.fillers.get(cue_lang, ()))
                and not made_of(without_phrases(folded, cue_lang, cues), lang, answers.resume)):
            return True
    return False


def _longest_first(phrases: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """``phrases`` with the longest of each language first (blanked out before the shorter ones inside them)."""
    return {lang: sorted(found, key=len, reverse=True) for lang, found in phrases.items()}


#: Words of a negation: "mi padre no se fue", "he hasn't left" ("hasn", "t"), "nie wyszedl" are no "now I can" said
#: with who should write (:func:`_now_i_can`, review s28).
_NEGATION_WORDS = frozenset({"no", "not", "nie", "never", "nunca", "nigdy", "t", "hasnt", "hasn", "isnt", "isn",
                             "havent", "haven", "didnt", "didn", "wasnt", "wasn", "aint", "todavia", "aun"})
#: The only words that may come right before "back" in a "now I can" said with who should write: the child is
#: back ("im back", "ok back"), never someone else ("mum is back", "dad's back", "hes back": review s28).
_OWN_RETURN = frozenset({"i", "im", "m", "am", "ok", "okay", "hi", "hey", "yes", "yeah", "and", "now", "so"})


def _now_i_can(rest: str) -> bool:
    """Whether ``rest`` (a message with its who-should-write phrase taken out) says the child can talk now and
    nothing of a negation or someone else coming back (:data:`_NEGATION_WORDS`, :data:`_OWN_RETURN`)."""
    words = _WORD.findall(rest)
    if _NEGATION_WORDS & set(words):
        return False
    return all(i == 0 or words[i - 1] in _OWN_RETURN for i, word in enumerate(words) if word == "back")


def is_fault_with_reason(folded: str, lang: Optional[str], answers: Answers) -> bool:
    """"Is it my fault" with its reason after it ("is it my fault because of the bed thing", "¿es culpa mía por
    llegar tarde?", "czy to moja wina, że rozlałam mleko"): the words before a ``fault_reason`` opener are a fault
    question (``answers.fault``, cue and fillers: "does he have a point? is it my fault" too), the reason is the
    child's own words, at most ``MAX_QUESTION_WORDS`` in all. A help signal read in it stays
    (:func:`answer_to_question`); the reply needs a disclosure earlier in the conversation
    (``bot.fault_context``: said to a shopper, it is the shop's "not sure I understood")."""
    tokens = _WORD.findall(folded)
    if len(tokens) > MAX_QUESTION_WORDS:
        return False
    openers = answers.fault_reason.cues
    for cue_lang in ([lang] if lang in openers else list(openers)):
        starts = [opener.split() for opener in openers[cue_lang]]
        for at in range(1, len(tokens)):
            if (any(tokens[at:at + len(start)] == start for start in starts)
                    and made_of(" ".join(tokens[:at]), cue_lang, answers.fault, MAX_QUESTION_WORDS)):
                return True
    return False


#: A polite no that opens a message ("no thanks", "no gracias", "nie dziękuję") and a word of "only" after it
#: (:func:`declines_only_asking`, s31).
_DECLINE_OPENINGS = tuple(tuple(o.split()) for o in (
    "no thanks", "no thank you", "no thx", "no ty", "nah thanks", "nah thank you", "no gracias", "no muchas gracias",
    "nie dziekuje", "nie dzieki", "nie dziekuje bardzo"))
#: Openings that refuse the discreet question before a shop question (:func:`opens_with_decline`, s36): the polite
#: no above and a bare English "nah" / "nope" (a bare Spanish or Polish "no" / "nie" also opens a question).
_REFUSAL_OPENINGS = _DECLINE_OPENINGS + tuple(tuple(o.split()) for o in (
    "nah", "nope", "no thank u", "no thanks you", "no tnx", "no thankyou", "no grax", "no gracia", "no grasias",
    "nie dzieks", "nie dzk", "nie dziena"))
_ONLY_WORDS = frozenset({"just", "only", "solo", "solamente", "nomas", "tylko"})


def opens_with_decline(folded: str) -> bool:
    """Whether the folded message opens with a polite no ("no thank you, …", "no gracias, …", "nie dziękuję, …",
    "nah, …"): a no to the discreet question said before a shop question (s36, bot/open_question.py)."""
    tokens = _WORD.findall(folded)
    return any(tuple(tokens[:len(o)]) == o for o in _REFUSAL_OPENINGS)


def is_polite_no(folded: str) -> bool:
    """Whether the folded message is only a polite no ("nah thanks", "no gracias", "nie dzięki"; s36)."""
    return tuple(_WORD.findall(folded)) in _REFUSAL_OPENINGS


def declines_only_asking(top: Ranked, folded: str, danger: Optional["Danger"], lang: Optional[str]) -> bool:
    """Whether the message is a polite no that says the child only asked ("no thanks i just wanted to know if its
    good for eczema", "no gracias, solo preguntaba si vale para la piel seca", "nie dziękuję, pytałam tylko o
    cenę"): it opens with a ``_DECLINE_OPENINGS`` phrase, a word of ``_ONLY_WORDS`` is one of the four words after
    it, nothing of danger now is said, and the classifier read the persona's code for help (never its urgent code,
    never a plain help signal, never ordinary talk) with less than ``TENTATIVE_CONFIDENCE``: "no thanks i just
    wanted to know…" drew the discreet question again at help_request .34 (s31). A plain disclosure after the no
    keeps its reading, and so does the shop's own answer ("no gracias, solo preguntaba si sirve para la piel seca"
    gets the product's answer)."""
    coded = persona_of(top.source) is not None and top.intent == CODED_HELP
    if not coded or top.confidence >= TENTATIVE_CONFIDENCE:
        return False
    tokens = _WORD.findall(folded)
    opening = next((o for o in _DECLINE_OPENINGS if tuple(tokens[:len(o)]) == o), None)
    if opening is None or not _ONLY_WORDS & set(tokens[len(opening):len(opening) + 4]):
        return False
    return danger is None or not any(danger.found(folded, lang))


def asks_consequence(folded: str, lang: Optional[str], answers: Answers) -> bool:
    """Whether the message only asks what follows for the child or the family if a person is told ("will they
    call the police?", "will my dad get in trouble?", "¿me van a quitar de mi casa?", "czy tata będzie miał
    kłopoty?": ``answers.consequence``, s36): answered like a privacy question (``ask_privacy``: nothing is passed
    on without talking it over first), the open question asked again — never the emergency reply for the word
    "police" alone (a cue of danger now outside these phrases still counts, :func:`answer_to_question`)."""
    return made_of(folded, lang, answers.consequence, MAX_QUESTION_WORDS)


def answer_to_question(top: Ranked, persona: str, folded: str, lang: Optional[str],
                       answers: Answers, danger: Optional[Danger] = None) -> Optional[Tuple[Ranked, str]]:
    """``(intent, signal)`` when the message is a bare "later" (``not_now``), "now I can"
    (``affirm``), "what was the number again?" (``ask_number``), "sorry, can you repeat?"
    (``ask_repeat``), "will you tell my parents?" (``ask_privacy``), "is it my fault?"
    (``ask_fault``), "is it free?" (``ask_cost``), "one sec" (``not_now``, whatever the classifier
    says), "I'm in my room" (``inform_location``, whatever the classifier says), "what happens now?"
    (``out_of_scope``, whatever the classifier says), "ya pls" / "go on then" (``affirm``, ``answers.agree``,
    whatever the classifier says) or "I don't know" / "what?" (``out_of_scope``: unclear, so a question is
    asked again) answer, else None (the other kinds — ``cant_talk``, ``ambiguous``, ``how_it_works``,
    ``is_it_abuse``, ``mind_changed`` — are described at their branches below). A "later" made only of its words also
    overrides the persona's codes: "nie teraz, może wieczorem" holds no code word, though "tonight"
    drew the urgent code (express tonight) at 0.54. ``ask_privacy`` and ``ask_cost`` override any
    reading but an urgent one the classifier is at least ``TENTATIVE_CONFIDENCE`` sure of;
    ``ask_fault`` any reading but a help signal. The last three also override a help signal read
    with less than ``TENTATIVE_CONFIDENCE``. A "later" never replaces a help signal (a false alarm
    costs less than a miss); "now I can" does — its closed vocabulary ("now", "I", "can", "talk",
    "back", "ready" …) carries no harm, but "now" alone draws ``imminent_danger`` from the
    classifier."""
    coded = persona_of(top.source) is not None and top.intent in (CODED_HELP, CODED_URGENT)
    if (top.intent in ANSWER_INTENTS or coded or top.intent == "ask_human") and made_of(folded, lang, answers.later):
        # asking for a person *later* is a "later": "can i talk tomorrow instead" (ask_human 0.58 on "talk")
        # to "is now a good moment?" drew "a coach is on the way"; the later vocabulary holds no harm
        signal = "not_safe" if persona != NO_PERSONA else (
            "none" if top.intent == "ask_human" else signal_for_intent(top.intent)[0])
        return Ranked(NOT_NOW, top.confidence, top.source), signal
    busy = without_phrases(folded, lang, answers.busy.cues)  # "no puedo hablar ahora, estoy en clase" (s25)
    cant_talk_now = (made_of(busy, lang, answers.cant_talk)
                     and (has_word_cue(folded, lang, answers.right_now.cues) or busy != folded.strip())
                     and not _NO_MORE & set(_WORD.findall(folded)))  # "ya no puedo ahora mismo": self-harm (review s24)
    if persona == NO_PERSONA and cant_talk_now:
        # plain bot: "ahora no puedo hablar", "teraz nie moge pisac", "i cant talk right now" (deny .69 drew
        # the refusal line, so a later "si ya" was asked again): a "not now", the offer is remembered. A bare
        # "no puedo hablar" keeps the classifier's reading (it may be "I can't talk about it"); inside a
        # persona the cant_talk branch below makes it the quiet code. Whatever the reading (s24, issue 13:
        # "i cant talk right now" was imminent_danger .44 and drew 112): its closed vocabulary holds no harm
        return Ranked(NOT_NOW, top.confidence, top.source), "none"
    if made_of(folded, lang, answers.hold):
        # "one sec", "hang on", "chwila": a pause, answered like "not now". Its closed vocabulary holds
        # no disclosure, yet "chwila" drew the urgent code at 0.20 and "one sec" distress at 0.89
        return Ranked(NOT_NOW, top.confidence, top.source), "not_safe" if persona != NO_PERSONA else "none"
    reading, urgent_reading = signal_for_intent(top.intent)
    if persona != NO_PERSONA and (cant_talk_now or (reading in CANT_TALK_SIGNALS and not urgent_reading and not coded
                                                    and made_of(folded, lang, answers.cant_talk))):
        # a bare "I can't talk" inside a persona is its quiet code: "no puedo hablar" after the urgent code
        # was ask_human 0.40 ("our specialist writes to you at once"), "i cant talk" distress 0.76; the
        # plain bot keeps the classifier's reading ("I can't talk" may be "I can't talk about it"); with a word
        # of the moment ("i cant talk right now": imminent_danger .38 drew 112 in the shop) any reading
        return Ranked("not_safe", top.confidence, top.source), "not_safe"
    if (not urgent_reading and top.intent != "affirm" and has_word_cue(folded, lang, answers.who_writes.cues)
            and not made_of(folded, lang, answers.resume)
            and made_of(rest := without_phrases(folded, lang, _longest_first(answers.who_writes.cues)), lang,
                        answers.resume)
            and _now_i_can(rest) and not takes_back(folded, lang, answers)):
        # "now I can" said with who should write ("actually yes, now is ok, can she write to me": the quiet code .63
        # after a "not now", the offer lost; "ya puedo hablar, que me escriba" .60; s28): asking for a person —
        # inside a persona its discreet question, in the plain bot a person. A yes the classifier read stays a yes
        # (after a "not now" it goes straight on); never a bare yes of its own: as a first message it must still
        # reach a person (review s27); a negation or someone else coming back ("mi padre no se fue, que me escriba",
        # "mum is back write to me") keeps the reading below (review s28)
        return Ranked(CODED_HELP if persona != NO_PERSONA else "ask_human", top.confidence, top.source), "ask_human"
    if made_of(folded, lang, answers.resume):
        if not takes_back(folded, lang, answers):
            return Ranked("affirm", top.confidence, top.source), "none"
        if reading == "none":
            # "no, i changed my mind" (deny 1.00), "al final no quiero, cambié de opinión": taking the request
            # back — a no, not the yes a change of mind is after a "no"
            return Ranked("deny", top.confidence, top.source), "none"
    if made_of(folded, lang, answers.agree):
        # "ya pls" (imminent_danger .44 drew 112 for a child saying yes), "go on then" (bullying .32): a bare
        # yes in chat spelling; its closed vocabulary (yes words, "please", "then", "ok") holds no harm
        return Ranked("affirm", top.confidence, top.source), "none"
    if made_of(folded, lang, answers.home):
        # "I'm in my room", "in bed", "en mi cuarto": where in the home, said to "where are you?" or after
        # the promise of a person ("ya estoy sola en mi cuarto" is back: resume above comes first): a place
        # answer with no town (the referral asks for one). Its closed vocabulary holds no harm, yet "I'm
        # in my room" drew self_harm_urgent at 0.63
        return Ranked(LOCATION_INTENT, top.confidence, top.source), "none"
    if persona == NO_PERSONA and (made_of(folded, lang, answers.how_it_works)
                                  or made_of(folded, lang, answers.what_it_means)):
        # "how does this work?" in the plain bot: what this chat is (the probe answer: "I'm a chat assistant
        # of a support service … a real person can join if you want"); as a first message it drew "I'm not
        # sure I can help with that one". Inside a persona it is what_next below (the persona's probe
        # answer is its cover, no explanation of the way to a person)
        return Ranked(PROBE, top.confidence, top.source), "none"
    if (persona == NO_PERSONA and made_of(folded, lang, answers.real_person, MAX_QUESTION_WORDS)
            and _ASKING_WHETHER & set(_WORD.findall(folded))
            and signal_for_intent(top.intent)[0] in ("none", "ask_human")):
        # "is it a real person or a bot?" (ask_human .54), "¿es una persona real?" (ask_human .99) to "shall a
        # counselor write to you?" was taken for a yes and queued the child: a question about this chat, answered
        # with what the chat is ("a real person can join if you want"); an open question stays open (s27)
        return Ranked(PROBE, top.confidence, top.source), "none"
    if made_of(folded, lang, answers.what_next) or made_of(folded, lang, answers.how_it_works):
        # "what happens now?", "co teraz?", "¿y ahora qué?": what comes next on the way to a person, in a
        # closed vocabulary with no disclosure ("¿y ahora qué?" drew self_harm_urgent and 112 again, "what
        # happens now?" the shop's who-we-are line): unclear here — a question that is open is asked
        # again, and while the child waits the handoff says the promise again (bot/handoff/gate.py)
        return Ranked(FOREIGN_INTENT, top.confidence, top.source), "none"
    question = ASK_PRIVACY if (made_of(folded, lang, answers.privacy, MAX_QUESTION_WORDS)
                               or asks_consequence(folded, lang, answers)) else (
        ASK_COST if made_of(folded, lang, answers.cost, MAX_QUESTION_WORDS) else None)
    # a cue of danger now counts only outside the question's own phrases: "no quiero que llamen a la
    # policía" holds the danger cue "llamen a la policia" inside the worry "don't call the police"
    asked_about = folded
    if question == ASK_PRIVACY:  # s36: the consequence phrases too ("will they call the police")
        asked_about = without_phrases(without_phrases(folded, lang, _longest_first(answers.consequence.cues)), lang,
                                      answers.privacy.cues)
    sure_urgent = signal_for_intent(top.intent)[1] and top.confidence >= TENTATIVE_CONFIDENCE and (
        danger is None or any(danger.found(asked_about, lang)))
    if question is not None and not sure_urgent:
        # "will you tell my parents?", "is it free?", "no tengo saldo", "will you call the police?": a
        # question about this chat in a closed vocabulary with no disclosure (read as probe, out_of_scope,
        # distress at 0.86 for "no tengo saldo", imminent danger for "van a llamar a la policía?"); only an
        # urgent reading the classifier is sure of stays, and only with a cue of danger now in it outside
        # the question ("will the police come" was imminent danger 0.78 on the word police)
        return Ranked(question, top.confidence, top.source), "none"
    if ((made_of(folded, lang, answers.fault, MAX_QUESTION_WORDS) or is_fault_with_reason(folded, lang, answers))
            and signal_for_intent(top.intent)[0] not in HELP_SIGNALS):
        # "is it my fault?", "czy to moja wina?": read as ordinary talk ("I'm not sure I can help with
        # that one") or a question about the bot (probe 0.99: "I'm a chatbot"); a help signal stays
        # ("its all my fault" as distress keeps the offer of a person)
        return Ranked(ASK_FAULT, top.confidence, top.source), "none"
    if (made_of(folded, lang, answers.is_it_abuse, MAX_QUESTION_WORDS)
            and signal_for_intent(top.intent)[0] not in HELP_SIGNALS):
        # "is that abuse?" after a disclosure (out_of_scope 0.92: "Sorry, I didn't understand"), "czy to jest
        # przemoc" (probe 1.00): the child asks whether what happens counts — a disclosure; inside a
        # persona in cover voice, the discreet question (its signal kept)
        return Ranked(CODED_HELP if persona != NO_PERSONA else ABUSE, top.confidence, top.source), ABUSE
    # a number asked again may say why, as a question about this chat may ("sry what was that number, i closed the
    # chat by accident": eleven words of a closed vocabulary with no harm word, s27)
    asked = ASK_NUMBER if made_of(folded, lang, answers.number, MAX_QUESTION_WORDS) else (
        ASK_REPEAT if made_of(folded, lang, answers.repeat) else None)
    if asked is not None and (signal_for_intent(top.intent)[0] not in HELP_SIGNALS
                              or top.confidence < TENTATIVE_CONFIDENCE):
        # asking for the number / the last lines again: its closed vocabulary holds no disclosure
        # ("sorry can you repeat" read as the quiet code at 0.97); a help signal the classifier is
        # sure of stays (a false alarm costs less than a miss)
        return Ranked(asked, top.confidence, top.source), "none"
    if declines_only_asking(top, folded, danger, lang):
        # "no thanks i just wanted to know if its good for eczema" (s31): a no to the discreet question, not the code
        return Ranked("deny", top.confidence, top.source), "none"
    if made_of(folded, lang, answers.refuse) and signal_for_intent(top.intent)[0] in ("ask_human", "none"):
        # "no i dont want a person": read as asking for one (ask_human 0.65 for "want a person"), it
        # called a counselor the child had just refused; any other help signal in it stays
        return Ranked("deny", top.confidence, top.source), "none"
    if (lang in answers.ambiguous.cues and made_of(folded, lang, answers.ambiguous)
            and (signal_for_intent(top.intent)[0] == "none" or top.confidence < TENTATIVE_CONFIDENCE)):
        # the Polish bare "no" is "yeah" as often as "no" (read as deny: "anything from the shop?" to a
        # child who had just accepted): unclear, the question is asked again. Only in a message known to
        # be in that language: an English or Spanish "no" is a no
        return Ranked(FOREIGN_INTENT, top.confidence, top.source), "none"
    # "what's this about the specialist?" is read with the offer it asks about, only while the offer is open
    # (bot/open_question.py, s30): as a first message it keeps its own reading ("what is a consultation": the code)
    unsure = made_of(folded, lang, answers.unsure)
    if unsure and (signal_for_intent(top.intent)[0] == "none" or top.confidence < TENTATIVE_CONFIDENCE):
        # unclear: asked again. Words of not knowing ("what?", "idk", "może") hold no disclosure, so a
        # help signal the classifier is less than sure of gives way ("what?" at help_request 0.35)
        return Ranked(FOREIGN_INTENT, top.confidence, top.source), "none"
    return None


#: Readings a "not now" with its reason (:func:`later_with_reason`) overrides: ordinary talk, a place, the quiet
#: code ("ahora no que tengo a mi madre al lado" was the quiet code .98 in the shop) — never a persona's cover talk;
#: a help signal only when the classifier is unsure of it (self-harm .27 for the same line in the plain bot).
LATER_READINGS = ANSWER_INTENTS | frozenset({LOCATION_INTENT})


#: Openings of a "not now" (:func:`later_with_reason`): a negated now, or a later only with "maybe". A bare
#: "later" / "luego" / "potem" opens a story ("luego se metió en mi cama": then…), never a not-now (review s27).
_NOT_NOW_OPENINGS = tuple(tuple(o.split()) for o in (
    "not right now", "not now", "not rn", "maybe later", "ahora mismo no", "ahora no", "quizas luego",
    "quiza luego", "tal vez luego", "teraz nie", "nie teraz", "moze pozniej"))
#: Words that may stand before the opening ("sorry, not now", "no, ahora no").
_BEFORE_OPENING = frozenset({"no", "sorry", "sry", "ok", "okay", "lo", "siento", "perdon", "vale", "sorki",
                             "przepraszam", "ok", "okej"})
#: Someone present or arriving: family only (a stepfather, "he", someone from online or a room keep main's reading).
_PRESENT_PEOPLE = frozenset({
    "mum", "mom", "mummy", "mommy", "mam", "mother", "dad", "daddy", "father", "parents", "brother", "sister",
    "bro", "sis", "grandma", "grandpa", "nan", "gran", "family", "teacher", "mums", "moms", "dads", "brothers",
    "sisters", "cousin", "primo", "prima", "kuzyn", "kuzynka", "mamá",
    "madre", "padre", "mama", "papa", "padres", "hermano", "hermana", "hermanito", "hermanita", "abuela",
    "abuelo", "familia", "profe", "profesor", "profesora",
    "tata", "brat", "siostra", "rodzice", "babcia", "dziadek", "mamusia", "nauczyciel", "nauczycielka"})
_PRESENT_WORDS = frozenset({
    "is", "s", "here", "next", "to", "beside", "right", "sitting", "watching", "looking", "coming", "home", "just",
    "came", "in", "with",
    "esta", "aqui", "aca", "al", "lado", "viene", "mira", "mirando", "delante", "tengo", "sentada", "sentado",
    "conmigo", "llega", "llegando",
    "jest", "tu", "obok", "idzie", "patrzy", "siedzi", "przyszla", "przyszedl", "przy",
    "sat", "sits", "room", "same", "around", "behind", "me", "over", "shoulder",  # s36: "my brother is sat next to me"
    "cuarto", "habitacion", "salon", "detras", "encima", "pokoju", "pokoj", "za", "mna", "kolo"})
#: Being busy ("not now im in class", "ahora no, estoy cenando", "nie teraz, jestem w szkole").
_BUSY_WORDS = frozenset({
    "im", "am", "at", "school", "class", "on", "bus", "train", "match", "game", "playing", "eating", "dinner",
    "lunch", "homework", "doing", "busy", "studying",
    "estoy", "en", "clase", "colegio", "cole", "instituto", "autobus", "bus", "partida", "jugando", "comiendo",
    "cenando", "deberes", "tarea", "ocupado", "ocupada",
    "jestem", "w", "szkole", "na", "lekcji", "autobusie", "meczu", "gram", "jem", "obiad", "kolacje", "lekcje",
    "odrabiam", "zajety", "zajeta",
    "car", "shop", "shopping", "practice", "training", "work", "out", "coche", "entreno", "entrenamiento", "calle",
    "tienda", "samochodzie", "treningu", "sklepie", "dworze", "tramwaju", "metro", "metrze", "tram"})
#: Waiting until the family member present leaves or sleeps ("not rn, maybe later when my brother goes out",
#: "ahora no, luego cuando se vaya mi madre", "nie teraz, może jak tata wyjdzie"; s31): counted with someone of
#: the family named (:data:`_PRESENT_PEOPLE`), never with "he" / "she" alone or anything else said.
_LEAVING_WORDS = frozenset({
    "maybe", "when", "goes", "out", "leaves", "gone", "asleep", "sleeps", "sleeping", "bed", "to",
    "quizas", "quiza", "tal", "vez", "cuando", "se", "vaya", "vayan", "salga", "salgan", "duerma", "duerman",
    "acueste", "moze", "jak", "kiedy", "wyjdzie", "wyjda", "pojdzie", "pojda", "zasnie", "zasna", "spac"})
#: Not being able to talk now, and fillers.
_CANT_TALK_WORDS = frozenset({
    "i", "cant", "can", "t", "not", "talk", "write", "text", "chat", "now", "rn", "right", "later", "no", "puedo",
    "hablar", "escribir", "ahora", "mismo", "luego", "despues", "mas", "tarde", "nie", "moge", "pisac",
    "rozmawiac", "teraz", "pozniej", "potem", "ill", "tell", "you", "te", "digo", "escribo", "cuento", "hablamos",
    "napisze", "pogadamy"})
#: A bare "I can't (talk)" after the opening: no reason given (:func:`later_with_reason` leaves it as it was).
_BARE_CANT_TALK = frozenset({"i", "cant", "can", "t", "not", "talk", "write", "chat", "no", "puedo", "hablar",
                             "escribir", "nie", "moge", "pisac", "rozmawiac"})
_REASON_FILLERS = frozenset({
    "my", "me", "the", "a", "because", "cause", "cuz", "coz", "bc", "so", "sorry", "lol", "xd", "pls", "and",
    "mi", "mis", "que", "porque", "y", "lo", "siento", "bo", "moja", "moj", "mnie", "sorki", "i", "ok", "vale",
    "el", "la", "los", "las", "del", "un", "una", "an", "is", "s", "cos", "coz", "cuz", "pq", "xq", "bc", "bo",
    "ze", "sie", "jeszcze", "still", "todavia", "aun"})


def _reason(tokens: Sequence[str]) -> Optional[bool]:
    """Whether ``tokens`` (what follows a not-now opening) are made only of a known reason — someone of the
    family present or arriving, being busy, not being able to talk now — and fillers: True when someone is
    present, False when not, None when anything else is said (a person from online, a secret, harm)."""
    allowed = _PRESENT_PEOPLE | _PRESENT_WORDS | _BUSY_WORDS | _CANT_TALK_WORDS | _REASON_FILLERS
    if _PRESENT_PEOPLE & set(tokens):
        allowed |= _LEAVING_WORDS  # until someone of the family leaves ("maybe later when my brother goes out")
    if not all(t in allowed for t in tokens) or all(t in _REASON_FILLERS for t in tokens):
        return None  # something else said, or no reason at all ("sorki, nie teraz xd": as before)
    return bool(_PRESENT_PEOPLE & set(tokens))


def later_with_reason(top: Ranked, persona: str, folded: str) -> bool:
    """Whether the message is a "not now" said with its reason ("ahora no que tengo a mi madre al lado",
    "nie teraz bo jestem w szkole", "not now im in class"): a whitelist (review s27). It opens with a
    negated now (``_NOT_NOW_OPENINGS``; a bare "later" opens a story), everything after it is a known reason
    (:func:`_reason`), in at most ``MAX_COVERING_WORDS`` words, and the message was read as ordinary talk, a
    place, the quiet code, or a help signal neither urgent nor ``TENTATIVE_CONFIDENCE`` sure (never the
    persona's urgent code). In the plain bot a reason of someone present keeps main's reading (the quiet
    line: no "a counselor will write" while someone watches). Such an answer is ``not_now``."""
    signal, urgent = signal_for_intent(top.intent)
    coded = persona_of(top.source) is not None and top.intent in (CODED_HELP, CODED_URGENT)
    if urgent or top.intent == CODED_URGENT:
        return False
    weak_help = (signal in HELP_SIGNALS or coded) and top.confidence < TENTATIVE_CONFIDENCE
    if not (top.intent in LATER_READINGS and not coded or weak_help):
        return False
    tokens = _WORD.findall(folded)
    if not tokens or len(tokens) > MAX_COVERING_WORDS:
        return False
    lead = 0
    while lead < len(tokens) and tokens[lead] in _BEFORE_OPENING:
        lead += 1
    for opening in _NOT_NOW_OPENINGS:
        if tuple(tokens[lead:lead + len(opening)]) == opening:
            rest = tokens[lead + len(opening):]
            if rest and set(rest) <= _BARE_CANT_TALK:
                return False  # a bare "perdon, ahora no puedo" inside a persona is its quiet code, as before
            present = _reason(rest)
            return present is not None and not (present and persona == NO_PERSONA)
    return False


#: Words that make "real person" a question whether it is one ("is it a real person?", "¿es una persona real?",
#: "czy to prawdziwa osoba?"); a bare "persona real?" asks for one (ask_human).
_ASKING_WHETHER = frozenset({"is", "are", "will", "it", "es", "eres", "sera", "czy", "jest", "jestes", "bedzie"})


def without_phrases(folded: str, lang: Optional[str], phrases: Mapping[str, Sequence[str]]) -> str:
    """``folded`` with every phrase of the message's language (all when unknown) blanked out."""
    padded = f" {folded} "
    for found in cues_of(lang, phrases):
        for phrase in found:
            padded = re.sub(rf"(?<= ){re.escape(phrase)}\b", " ", padded)
    return padded.strip()


def is_urgent(
    signal: str, urgent: bool, folded: str, lang: Optional[str], urgent_cues: Mapping[str, Sequence[str]],
    no_plan: Optional[Mapping[str, Sequence[str]]] = None,
) -> bool:
    """Urgency: the intent's own flag, or self-harm with a cue of the message's language. Self-harm
    that says there is no plan ("i havent got a plan or anything", "no tengo ningún plan":
    ``no_plan``) is urgent only by a cue outside those words (means, a time): neither the word
    "plan" in them nor the classifier's urgent reading alone decides."""
    if signal != "self_harm":
        return urgent
    rest = without_phrases(folded, lang, no_plan or {})
    if urgent and rest == folded.strip():
        return True
    return has_cue(rest, lang, urgent_cues)


def danger_now(top: Ranked, signal: str, ranking: Sequence[Ranked], folded: str, lang: Optional[str],
               danger: Danger, share: float = URGENT_SHARE) -> Optional[Ranked]:
    """The urgent intent ``top`` becomes because the message says danger is happening now, or None.

    * abuse, bullying or exploitation (``DANGER_SIGNALS``) with a cue of ``now`` or a weapon →
      ``imminent_danger`` ("dad's got mum by the throat", "they're waiting for me after school");
    * inside a persona, its coded ``help_request`` with such a cue → its coded ``urgent``; so does its
      cover talk with the coded ``urgent`` at least ``CODED_URGENT_SHARE`` as high and a cue of ``now``;
    * ordinary talk (a shared intent, never the persona's cover talk: a game's shotgun) only on two
      pieces of evidence → ``imminent_danger``: a cue AND a danger intent (``DANGER_SIGNALS`` or
      ``imminent_danger``) ranked at least ``share`` as high as ``top`` — the classifier nearly
      read danger, the words say it is now ("he's loading the shotgun": out_of_scope 0.57,
      imminent_danger 0.42). Cues alone are not enough, not even a weapon and "right now" ("my
      dad's cooking with a big knife right now lol", "shot him with a shotgun rn in fortnite").
    ``signal`` is the message's signal so far (a coded peer_help, answered as ``help_request``, keeps
    ``peer_help`` and is not escalated). Quiet codes, self-harm and the other help signals are left
    as they are."""
    if signal_for_intent(top.intent)[1]:
        return None
    if signal in DANGER_SIGNALS or (signal == CODED_HELP and persona_of(top.source) is not None):
        now, weapon = danger.found(folded, lang)
        if not (now or weapon):
            return None
        name = CODED_URGENT if signal == CODED_HELP else DANGER_INTENT
        return Ranked(name, top.confidence, top.source)
    if signal == "none" and persona_of(top.source) is not None:
        # the persona's cover talk, its urgent code a near tie behind and words that say danger is
        # now or soon ("the chamomile cream has to get to me before his car is back": product info
        # .26, urgent code .21) → the urgent code; a weapon alone never (a game's shotgun)
        coded = next((r for r in ranking if r.intent == CODED_URGENT and persona_of(r.source) is not None), None)
        if coded is None or coded.confidence < CODED_URGENT_SHARE * top.confidence or not danger.found(folded, lang)[0]:
            return None
        return Ranked(CODED_URGENT, coded.confidence, coded.source)
    if signal != "none":
        return None
    close = next((r for r in ranking if r.intent in DANGER_SIGNALS | {DANGER_INTENT}), None)
    if close is None or close.confidence < share * top.confidence or not any(danger.found(folded, lang)):
        return None
    if danger.tells_fiction(folded, lang):
        return None  # "in the music video he chases her with a knife": talk about fiction
    return Ranked(DANGER_INTENT, close.confidence, close.source)


#: Readings that say nothing of harm and may hide it: a goodbye, the quiet codes, "not now", a "no", a place.
HIDING_INTENTS = frozenset({"goodbye", "not_safe", "clean_chat", NOT_NOW, "deny", LOCATION_INTENT})
#: Of those, the ones fear is read beneath: breaking the talk off.
BREAKING_INTENTS = frozenset({"goodbye", "not_safe", "clean_chat", NOT_NOW})
#: Ordinary talk, beneath which only the act of self-harm announced with its time is read (s26).
TALK_INTENTS = frozenset({FOREIGN_INTENT, "affirm"}) | YIELDING_INTENTS
#: Words right after a self-harm phrase that make it figurative: "kill myself laughing", "want to die of
#: embarrassment", "me muero de risa", "umrę ze wstydu".
_FIGURATIVE_AFTER = ("laughing", "of laughter", "of embarrassment", "of shame", "of boredom", "of cringe", "de risa",
                     "de la risa", "de verguenza", "de la verguenza", "de aburrimiento", "del aburrimiento",
                     "ze smiechu", "ze wstydu", "z nudow")
#: A sleep-in after a waking cue only ("me duermo y no me despierto hasta las doce", "and not wake up till noon"; s37):
#: after any other cue "hasta" is a goodbye ("me voy a matar hasta luego" is self-harm said, lead s37 review).
_SLEEP_IN_AFTER = ("until", "till", "til ", "hasta", "do poludnia", "do dwunastej")
_WAKING = ("wake", "despiert", "despert", "obudz")
#: How many words before a phrase a denial still reaches ("im not going to kill myself", "nobody hurts me").
DENIAL_REACH = 3
#: Words that deny what follows them within :data:`DENIAL_REACH` words: "nobody hurts me", "nadie me pega".
DENIALS = NEGATIONS | frozenset({"nobody", "noone", "nadie", "nikt", "nunca", "nigdy"})
#: ... and, before self-harm or fear said, "i dont want to die", "he doesnt scare me".
_DENYING = DENIALS | frozenset({"dont", "don't", "doesnt", "doesn't", "wouldnt", "wouldn't"})
#: Polish "no" is "well" / "yeah", never a denial: "no to się zabiję", "no to żegnajcie na zawsze" (s36).
_NOT_DENYING_IN = {"pl": frozenset({"no"})}
#: A denial reaches no further back than its clause: "no, i want to die" is no denial.
_CLAUSE_END = re.compile(r"[,.;:!?]")


def _clause_words(before: str) -> list[str]:
    """The last :data:`DENIAL_REACH` words of the clause ``before`` ends (the text before a cue)."""
    return _WORD_WITH_APOSTROPHE.findall(_CLAUSE_END.split(before)[-1])[-DENIAL_REACH:]


def is_only(folded: str, lang: Optional[str], phrases: Phrases) -> bool:
    """Whether ``folded`` is only a phrase of ``phrases.cues`` with ``phrases.fillers`` words before it and nothing but
    punctuation or emoji after it: "so what number should i give her?"; not "rate her outfit, what number should i
    give her" or "what number should i give her for the raffle"."""
    fillers = {w for found in cues_of(lang, phrases.fillers) for w in found}
    return any(not re.search(r"\w", after) and fillers.issuperset(_WORD_WITH_APOSTROPHE.findall(before))
               for before, after in _around_cues(folded, lang, phrases.cues))


_SENTENCE_BREAK = re.compile(r"[.!?;\n…]+")

#: A request for a helpline by its name has at most this many words ("can u give me the number for childline pls").
MAX_HELPLINE_WORDS = 12


def asks_helpline(folded: str, lang: Optional[str], names: Mapping[str, Sequence[str]],
                  request: Mapping[str, Sequence[str]],
                  asides: Optional[Mapping[str, Sequence[str]]] = None) -> bool:
    """Whether ``folded`` is a short request for a child helpline by its name (s30): at most
    :data:`MAX_HELPLINE_WORDS` words, a whole word of ``names`` and one of ``request`` ("number", "call", "is
    there"): "what's the number for childline", "hay algun telefono de ayuda para ninos", "jaki jest numer telefonu
    zaufania"; not "we learned about childline at school" (no request) nor a request with a sentence of its own about
    something else ("whats the childline number? making a poster for our school wellbeing week", blind 1). The request
    word stands outside the name: "telefon zaufania" and "telefono de la infancia" hold "telefon"/"telefono" but
    ask nothing by themselves. A sentence made only of ``asides`` (a greeting, "please", "quick question") or of the
    name itself is no sentence of its own (review s31: "hey! whats the number for childline?", "hej. jaki jest numer
    do telefonu zaufania?", "childline? whats their number" were ordinary talk)."""
    words = _WORD.findall(folded)
    named = {i for begin, end in _cue_spans(words, lang, names) for i in range(begin, end)}
    aside = {w for found in cues_of(lang, asides or {}) for cue in found for w in _WORD.findall(cue)}
    names_words = {words[i] for i in named}
    sentences = [s for s in _SENTENCE_BREAK.split(folded) if _WORD.search(s)
                 and not all(w in aside or w in names_words for w in _WORD.findall(s))]
    rest = " ".join(w for i, w in enumerate(words) if i not in named)  # "telefon zaufania" names, it asks nothing
    return (len(sentences) == 1 and len(words) <= MAX_HELPLINE_WORDS and bool(named)
            and has_word_cue(rest, lang, request))


def says_undenied(folded: str, lang: Optional[str], said: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``folded`` says a cue of ``said`` (self-harm, fear) with no denial among the
    :data:`DENIAL_REACH` words before it in its clause and nothing after it that makes it figurative."""
    denying = _DENYING - _NOT_DENYING_IN.get(lang or "", frozenset())
    return any(not denying.intersection(_clause_words(before)) and not after.strip().startswith(_FIGURATIVE_AFTER)
               and not (any(w in cue for w in _WAKING) and after.strip().startswith(_SLEEP_IN_AFTER))
               for cue, before, after in _cues_around(folded, lang, said))


@dataclass(frozen=True)
class Beneath:
    """The folded cues :func:`danger_beneath` reads, ``{lang: [cue, ...]}`` each: self-harm said (``said``), fear
    (``fear``), having run away (``ran_away``), put out of home (``out_of_home``) and nowhere to sleep
    (``sleeping_rough``, s30), the means of self-harm (``means``); and for ordinary talk (s26) the
    act announced (``announced``), the words that may stand before it (``before``) and between it and its time
    (``between``), its time (``time``), and the small talk beside it (``small_talk``); a wish to die or cutting
    again (``wish``, s35) and the words that laugh it off or moan (``laughing``: "xd", "ugh")."""

    said: Mapping[str, Sequence[str]] = field(default_factory=dict)
    fear: Mapping[str, Sequence[str]] = field(default_factory=dict)
    ran_away: Mapping[str, Sequence[str]] = field(default_factory=dict)
    out_of_home: Mapping[str, Sequence[str]] = field(default_factory=dict)
    sleeping_rough: Mapping[str, Sequence[str]] = field(default_factory=dict)
    means: Mapping[str, Sequence[str]] = field(default_factory=dict)
    announced: Mapping[str, Sequence[str]] = field(default_factory=dict)
    before: Mapping[str, Sequence[str]] = field(default_factory=dict)
    between: Mapping[str, Sequence[str]] = field(default_factory=dict)
    time: Mapping[str, Sequence[str]] = field(default_factory=dict)
    small_talk: Mapping[str, Sequence[str]] = field(default_factory=dict)
    wish: Mapping[str, Sequence[str]] = field(default_factory=dict)
    laughing: Mapping[str, Sequence[str]] = field(default_factory=dict)


def _cue_at(words: Sequence[str], start: int, cues: Sequence[str]) -> bool:
    """Whether a cue of ``cues`` starts at ``words[start]`` (whole words: "on monday" is not "on mondays")."""
    rest = f" {' '.join(words[start:])} "
    return any(rest.startswith(f" {cue} ") for cue in cues)


def _cue_ends_at(words: Sequence[str], end: int, cues: Sequence[str]) -> bool:
    """Whether a cue of ``cues`` ends at ``words[end]`` (whole words)."""
    for cue in cues:
        parts = cue.split()
        first = end - len(parts) + 1
        if first >= 0 and list(words[first:end + 1]) == parts:
            return True
    return False


def _time_beside(before: Sequence[str], after: Sequence[str], between: AbstractSet[str], times: Sequence[str]) -> bool:
    """Whether a time of ``times`` stands right after the act (``after``) or right before it (``before``), with only
    ``between`` words in between: "killing myself tonight", "jutro się zabiję"; not "gonna kill myself at footy
    tomorrow"."""
    for at in range(len(after)):
        if _cue_at(after, at, times):
            return True
        if after[at] not in between:
            break
    for at in range(len(before) - 1, -1, -1):
        if _cue_ends_at(before, at, times):
            return True
        if before[at] not in between:
            break
    return False


#: A clause of the act announced ends at these; not at a colon: "my sister texted me: killing myself tonight" is
#: someone else's words (s26, review 2).
_ANNOUNCED_CLAUSE_END = re.compile(r"[,.;!?]")
#: Emoticons, which like emoji make the act announced talk: ";)", ":D", "xD" (s26, review 3).
_EMOTICON = re.compile(r"[:;=]-?[()dpo/\\|3v]|\(:|\^\^|\b(x[dp])+\b|\bc:")


def _has_symbol(folded: str) -> bool:
    """Whether ``folded`` holds an emoji or another pictograph (Unicode "So") or an emoticon."""
    return any(unicodedata.category(ch) == "So" for ch in folded) or _EMOTICON.search(folded) is not None


def _only(words: Sequence[str], allowed: AbstractSet[str], times: Sequence[Sequence[str]]) -> bool:
    """Whether ``words`` are only whole time phrases of ``times`` and ``allowed`` words: "tomorrow after school im";
    not "for school" ("school" counts only inside "after school", review 5)."""
    at = 0
    while at < len(words):
        span = max((len(time) for time in times if list(words[at:at + len(time)]) == list(time)), default=0)
        if not span and words[at] not in allowed:
            return False
        at += span or 1
    return True


def _is_act(words: Sequence[str], phrases: Sequence[Sequence[str]], before: AbstractSet[str],
            after: AbstractSet[str], times: Sequence[str]) -> bool:
    """Whether the clause ``words`` is only the act announced: a phrase of ``phrases`` with only ``before`` words and
    whole times before it and ``after`` words and whole times after it, and a time of ``times`` right beside it
    (:func:`_time_beside`)."""
    spans = [time.split() for time in times]
    for phrase in phrases:
        for at in range(len(words) - len(phrase) + 1):
            ahead, behind = words[:at], words[at + len(phrase):]
            if (list(words[at:at + len(phrase)]) == list(phrase) and _only(ahead, before, spans)
                    and _only(behind, after, spans) and _time_beside(ahead, behind, after, times)):
                return True
    return False


def wishes_self_harm(folded: str, lang: Optional[str], cues: Beneath) -> bool:
    """Whether ``folded`` says a wish to die or cutting again (``cues.wish``, :func:`says_undenied`: not denied, not
    "of embarrassment") and does not laugh it off (``cues.laughing``, an emoji or emoticon): "suspendí el examen de
    mates y me quiero morir", not "mañana examen de lengua y me quiero morir xd" (s35)."""
    return (says_undenied(folded, lang, cues.wish) and not _has_symbol(folded)
            and not has_word_cue(folded, lang, cues.laughing))


def announces_self_harm(folded: str, lang: Optional[str], cues: Beneath) -> bool:
    """Whether ``folded`` is small talk and the act of self-harm announced, nothing else (s26): one clause is only the
    act (:func:`_is_act`: a phrase of ``cues.announced``, whole words, ``cues.before`` words and whole times before
    it, ``cues.between`` words and whole times after it, a time of ``cues.time`` right beside it), every other clause
    is small talk (only ``cues.small_talk`` words: a greeting, thanks, a goodbye), and no emoji or emoticon: "k bye,
    killing myself tonight", "thanks for everything. killing myself tonight"; not "thanks for the wax strips, killing
    myself tomorrow", "killing myself tonight? nah", "killing myself tonight😂", "gonna kill myself at footy
    tomorrow", "no. im not killing myself tonight"."""
    if _has_symbol(folded):
        return False
    times = [cue for found in cues_of(lang, cues.time) for cue in found]
    before = {w for found in cues_of(lang, cues.before) for w in found} - _DENYING
    after = {w for found in cues_of(lang, cues.between) for w in found} - _DENYING
    small = {w for found in cues_of(lang, cues.small_talk) for w in found}
    phrases = [cue.split() for found in cues_of(lang, cues.announced) for cue in found]
    clauses = [words for words in (_WORD_WITH_APOSTROPHE.findall(c) for c in _ANNOUNCED_CLAUSE_END.split(folded))
               if words]
    acts = [_is_act(words, phrases, before, after, times) for words in clauses]
    return any(acts) and all(act or small.issuperset(words) for act, words in zip(acts, clauses))


def danger_beneath(top: Ranked, ranking: Sequence[Ranked], folded: str, lang: Optional[str], cues: Beneath,
                   danger: Danger, share: float = URGENT_SHARE) -> Optional[Ranked]:
    """The help reading beneath a reading that hides it, or None (s25, issue 13). Never when the message is about a
    film or a game (``danger.fiction``).

    * Over a reading of :data:`HIDING_INTENTS` (a goodbye, the quiet code, "not now", a "no", a place), self-harm
      said in so many words (:func:`says_undenied`) is self-harm: the ranking's own self-harm reading (urgent or
      not, whichever it ranks higher), else ``self_harm`` ("pa, idę się zabić": goodbye .55, self-harm .41;
      "me voy a suicidar hoy, vivo en Madrid": the place .99; in the shop "cancel my order, i already have what i
      need to end it": the quiet code .56).
    * Over one of :data:`BREAKING_INTENTS`, fear said (``fear``, undenied) makes the ranking's best help reading
      stand when it is at least ``share`` as high ("adiós, mi padre viene y tengo miedo": goodbye .53, imminent
      danger .41).
    * A self-harm reading of a child who has run away (``ran_away``) who says no self-harm (``said``) and no means
      of it (``means``) is danger now: "i ran away, im at the bus station" (self_harm_urgent .74) needs a safe
      place, not the line about putting away what one could hurt oneself with.
    * Beneath ordinary talk (:data:`TALK_INTENTS`: out_of_scope, a greeting, thanks, a yes) or a hiding reading,
      small talk and the act announced with its time, nothing else (:func:`announces_self_harm`), is urgent
      self-harm (s26: "k bye, killing myself tonight": out_of_scope .47).
    * Beneath ordinary talk, a wish to die or cutting again said in so many words (:func:`wishes_self_harm`) is
      self-harm (s35: "i failed my maths test and now i want to die": out_of_scope 1.00).
    * Beneath ordinary talk, put out of home or run away, in the first person (``out_of_home``), with nowhere to sleep
      (``sleeping_rough``) is danger now (s30: "i got kicked out, sleeping in the park tonight": out_of_scope .99;
      not "the cat ran away, sleeping outside tonight to look for her").
    A goodbye or a quiet line costs the child the talk; a false alarm costs a question. Weapons and violence said
    beneath a goodbye, and threats for telling, were tried and not kept (review s25: "mama ma bronzer", "my brother
    said hell kill me if i tell mum he broke the xbox" drew 112)."""
    signal = signal_for_intent(top.intent)[0]
    runaway = signal == "self_harm" and has_cue(folded, lang, cues.ran_away)
    talk = top.intent in TALK_INTENTS
    if not runaway and not talk and (signal in HELP_SIGNALS or top.intent not in HIDING_INTENTS):
        return None  # most messages: nothing to read beneath
    if danger.tells_fiction(folded, lang):
        return None
    if runaway:
        if says_undenied(folded, lang, cues.said) or has_cue(folded, lang, cues.means):
            return None
        return Ranked(DANGER_INTENT, top.confidence, DANGER_INTENT)
    if announces_self_harm(folded, lang, cues):
        own = next((r for r in ranking if r.intent == "self_harm_urgent"), None)
        return own if own is not None else Ranked("self_harm_urgent", top.confidence, "self_harm_urgent")
    if not talk and (says_undenied(folded, lang, cues.said) or wishes_self_harm(folded, lang, cues)):
        own = next((r for r in ranking if r.intent in ("self_harm", "self_harm_urgent")), None)
        return own if own is not None else Ranked("self_harm", top.confidence, "self_harm")
    if talk:
        if has_word_cue(folded, lang, cues.sleeping_rough) and has_word_cue(folded, lang, cues.out_of_home):
            return Ranked(DANGER_INTENT, top.confidence, DANGER_INTENT)
        if wishes_self_harm(folded, lang, cues):
            return Ranked("self_harm", top.confidence, "self_harm")
        return None
    helping = next((r for r in ranking if signal_for_intent(r.intent)[0] in HELP_SIGNALS), None)
    if (top.intent in BREAKING_INTENTS and helping is not None and helping.confidence >= share * top.confidence
            and says_undenied(folded, lang, cues.fear)):
        return helping
    return None


#: Words of a bare arrival besides the people and the arriving cues ("mum is coming up", "he's here now").
_ARRIVAL_FILLERS = frozenset("is s are am the my a up now just oh ok okay and so omg i m im".split())


def _beyond_arrival(tokens: Sequence[str], lang: Optional[str],
                    *cue_sets: Optional[Mapping[str, Sequence[str]]]) -> bool:
    """Whether ``tokens`` say more than a bare arrival: a word outside the arriving / people cues and
    :data:`_ARRIVAL_FILLERS` ("lantern quest asap hes coming": "lantern")."""
    known = {w for cues in cue_sets for found in cues_of(lang, cues or {}) for cue in found for w in _WORD.findall(cue)}
    return any(t not in known and t not in _ARRIVAL_FILLERS for t in tokens)


#: "Hes not here anymore": with one of these, "I can't talk now" may be "I can't take it any more" ("ya no puedo
#: ahora mismo", "juz nie moge teraz" were self-harm, review s24): the classifier's reading stays.
_NO_MORE = frozenset({"ya", "juz", "anymore", "more", "mas", "dluzej", "wiecej"})
#: Force or shouting at the door ("my dad is kicking at the door", "tata krzyczy pod drzwiami"), or a man met
#: online ("my online boyfriend is at the door"): the door phrase is then the danger, never a visitor (review s24).
_AT_THE_DOOR_DANGER = frozenset(
    "kicking kicks kicked kick pounding pounds pounded banging bangs banged bang hammering smashing punching hitting "
    "shouting shouts shouted yelling yells yelled screaming screams screamed swearing forcing breaking trying "
    "online internet boyfriend bf stranger "
    "gritando grita gritan golpeando golpea golpean pateando patea aporreando aporrea chillando insultando "
    "forzando rompiendo internet novio desconocido "
    "krzyczy krzycza wrzeszczy wrzeszcza wali walą kopie kopia uderza dobija lomocze szarpie klnie wywaza "
    "chlopak nieznajomy obcy".split())
#: What may stand right before a door phrase: "is"/"'s" or a name ("hold on my mums at the door", "espera,
#: alguien en la puerta"); "someone is outside at the back door" or "tata krzyczy pod drzwiami" says more.
_DOOR_LEADS = frozenset("is s are esta estan jest sa stoi".split())
#: The child's room or bed, or upstairs to it: a pause or a goodbye with someone coming there ("hold on my
#: uncle is in my room", "bye my stepdad is coming into my room") is no visitor to hide from (review s24).
_MY_ROOM = ("my room", "my bedroom", "my rooom", "in here", "my bed", "in bed", "next to me", "beside me",
            "mi cuarto", "mi habitacion", "mi cama", "mi pieza", "mi recamara", "la cama", "conmigo", "aqui dentro",
            "moim pokoju", "mojego pokoju", "moj pokoj", "do pokoju", "w pokoju", "lozku", "lozka", "lozko",
            "obok mnie", "ze mna")
_UPSTAIRS = ("upstairs", "up the stairs", "arriba", "las escaleras", "na gore",
             "schodach", "schody", "po schodach")


def in_my_room(folded: str, upstairs: bool = False) -> bool:
    """Someone in, or coming to, the child's room or bed (``upstairs``: or up the stairs)."""
    said = " " + " ".join(_WORD.findall(folded)) + " "
    return any(f" {p} " in said for p in _MY_ROOM + (_UPSTAIRS if upstairs else ()))


def door_at_end(folded: str, lang: Optional[str], door: Mapping[str, Sequence[str]],
                knocking: Optional[Mapping[str, Sequence[str]]] = None,
                someone: Optional[Mapping[str, Sequence[str]]] = None) -> Optional[str]:
    """``folded`` without the ``door`` phrase or the ``knocking`` it ends with ("hold on someones at the door" →
    "hold on someones"; "un momento, llaman a la puerta" → "un momento"), or None when it ends with none. Only
    at the end: "at the door with a knife", "at the door banging" say more than someone arriving. A place at
    the door only right after "is" / "'s" / "está" / "jest" or who ("my mums at the door"): "someone is outside
    at the back door", "tata krzyczy pod drzwiami" say more; never with force, shouting or a man met online
    anywhere (:data:`_AT_THE_DOOR_DANGER`: "my dad is kicking at the door", review s24)."""
    tokens = _WORD.findall(folded)
    if _AT_THE_DOOR_DANGER & set(tokens):
        return None
    said = " ".join(tokens)
    knocks = {" ".join(_WORD.findall(cue)) for found in cues_of(lang, knocking or {}) for cue in found}
    places = {" ".join(_WORD.findall(cue)) for found in cues_of(lang, door) for cue in found} - knocks
    for phrase in sorted(knocks | places, key=len, reverse=True):
        if not phrase or not (said == phrase or said.endswith(" " + phrase)):
            continue
        before = said[:len(said) - len(phrase)].strip()
        if phrase in places and phrase not in knocks:
            lead = before.split()[-1] if before else ""
            if not (lead in _DOOR_LEADS or lead in _SOMEBODY or has_word_cue(lead, lang, someone or {})):
                return None
        return before
    return None


def is_covering_tracks(top: Ranked, persona: str, folded: str, lang: Optional[str], putting_off: bool,
                       arriving: Mapping[str, Sequence[str]], harm_cues: Mapping[str, Sequence[str]],
                       danger: Danger, someone: Optional[Mapping[str, Sequence[str]]] = None,
                       unnamed: Optional[Mapping[str, Sequence[str]]] = None, paused: bool = False,
                       door: Optional[Mapping[str, Sequence[str]]] = None, bare_pause: bool = False,
                       knocking: Optional[Mapping[str, Sequence[str]]] = None, there: bool = False,
                       ordinary: bool = False) -> bool:
    """The talk broken off (``putting_off``: "nvm", "gtg", "delete everything") because someone is
    arriving ("mum's coming up the stairs", "my dad's just come in"), with no harm word, no danger
    cue and no self-harm — the child covering their tracks, whatever the classifier says. In the
    plain bot only in at most ``MAX_COVERING_WORDS`` words and over a reading of
    ``PLAIN_COVERING_SIGNALS``, or of any signal but self-harm in at most ``MAX_BARE_ARRIVAL_WORDS``
    words (a disclosure said while breaking off stays the disclosure; the harm-word check below keeps it).
    A bare arrival needs no putting-off word: someone (``someone``: "brat", "my mum", "she's") and an
    arriving cue in at most ``MAX_BARE_ARRIVAL_WORDS`` words ("brat patrzy", "shes coming up the
    stairs"; in the plain bot too since session 19: "viene mi madre" drew 112 as mum walked in, but
    there only someone named by relation, never ``unnamed`` "he's here" / "someone is in my room", which
    may be the danger itself); a question ("czy jest tu ktoś?", ``QUESTION_OPENERS``) announces no arrival,
    and the persona's urgent code read over a bare arrival ("lantern quest asap hes coming") is the request.
    ``paused``: the message opens with a pause and names someone (:func:`is_pause_as_someone_comes`);
    ``bare_pause``: and says nothing else (:func:`is_bare_pause`: "hold on someones at my d", cut off) — that
    is the arrival, no arriving cue needed ("hold on my stepdad is shouting at my mum" needs one). Someone
    named, "someone" or a knock at the door at the END of the message (``door``: "hang on, my mums at the
    door", "czekaj, ktoś dzwoni do drzwi") is an arrival too, and the door phrase is then no harm word or danger cue (s24, issue
    13: "hold on someone's at the door" drew 112); "hes at the door" (he may be the danger) is not. ``there``: the
    message ends with someone said to be there (:func:`says_someone_there`: "me tengo que ir hay alguien", s30) —
    with a putting-off word, an arrival too. ``ordinary``: in the plain bot, what arrives is an everyday thing or a
    friend ("gotta go, my bus is here", "gtg my friend is here"), with nobody named by relation and no "someone": an
    ordinary goodbye, not covering tracks (s35)."""
    signal = signal_for_intent(top.intent)[0]
    if signal == "self_harm":
        return False
    tokens = _WORD.findall(folded)
    if tokens and tokens[0] in QUESTION_OPENERS:  # "czy jest tu ktoś?" asks; it announces no arrival
        return False
    words = len(tokens)
    named = has_word_cue(folded, lang, someone or {})
    if persona == NO_PERSONA and ordinary and not (named or _SOMEBODY & set(tokens)):
        return False
    before_door = door_at_end(folded, lang, door or {}, knocking, someone)
    if before_door is not None and not (paused or named or _SOMEBODY & set(tokens)):
        before_door = None  # "hes at the door": he may be the danger
    checked = folded if before_door is None else before_door
    arrives = named if persona == NO_PERSONA else named or has_word_cue(folded, lang, unnamed or {})
    arrives = arrives or someone_coming(tokens, folded)
    arrives = arrives or bare_pause
    if not putting_off and (words > MAX_BARE_ARRIVAL_WORDS or not arrives):
        return False
    if (not putting_off and top.intent == CODED_URGENT and persona_of(top.source) is not None
            and _beyond_arrival(tokens, lang, arriving, someone, unnamed)):
        # the urgent code with a bare arrival ("lantern quest asap hes coming") asks, it does not hide;
        # a bare arrival read as the code ("hes coming" at 0.6) stays the quiet line
        return False
    if persona == NO_PERSONA and (words > MAX_COVERING_WORDS or (signal not in PLAIN_COVERING_SIGNALS
                                                                and words > MAX_BARE_ARRIVAL_WORDS)):
        # a disclosure said while breaking off stays the disclosure; in at most
        # MAX_BARE_ARRIVAL_WORDS words with no harm word ("dobra niewazne mama wchodzi", read as
        # abuse for "mama") there is no disclosure to keep
        return False
    if not (bare_pause or before_door is not None or (there and putting_off)
            or has_affirmed_cue(folded, lang, arriving)):
        return False
    if has_cue(checked, lang, harm_cues):
        return False
    return not any(danger.found(checked, lang))


#: "Someone" said as such: arriving, never the danger itself as "he" may be ("hold on hes here").
_SOMEBODY = frozenset({"someone", "somebody", "someones", "sum1", "some1", "alguien", "ktos"})
#: Where a last clause starts: a sentence's end, an ellipsis, a dash or a comma.
_CLAUSE_BREAK = re.compile(r"[.!?;,\u2026\u2014\u2013]+|\s-\s")
#: A pause or an interjection opening the last clause ("wait someones coming", "oh mums here").
_TAIL_OPENERS = frozenset({"wait", "w8", "oh", "hold", "on", "ay", "uy", "espera", "czekaj", "ok", "okay", "um", "o",
                           "oj", "ups", "oops", "shit", "mierda", "kurde", "cholera"})


def last_clause(folded: str) -> str:
    """The last clause of ``folded`` when it has more than one (pause and interjection words at its start left out;
    "how much is shipping.. wait someones coming" → "someones coming"), else ""."""
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(folded) if _WORD.search(c)]
    if len(clauses) < 2:
        return ""
    tokens = _WORD.findall(clauses[-1])
    while tokens and tokens[0] in _TAIL_OPENERS:
        tokens = tokens[1:]
    return " ".join(tokens)


#: A habit is no arrival now ("will my mum see this? she checks my phone sometimes": a privacy question).
_HABIT = frozenset("sometimes always often usually every never ever a veces siempre nunca cada czasem zawsze czesto "
                   "nigdy codziennie".split())


#: Words of someone on the way ("someone's coming", "viene alguien", "ktoś idzie"): said of "someone", the child must
#: stop before being seen (s37), never someone in the child's room ("someone is in my room" may be the danger).
_COMING = frozenset({"coming", "comin", "comming", "idzie", "nadchodzi", "viene", "vienen", "biene"})


def someone_coming(tokens: Sequence[str], folded: str) -> bool:
    """Whether ``tokens`` say "someone" (as such, :data:`_SOMEBODY`) is on the way (:data:`_COMING`), not to the
    child's room, bed or up the stairs to it: in the plain bot a bare arrival too ("someones coming", "viene
    alguien", "ktoś idzie" drew 112; s37). "He's coming" stays the classifier's (he may be the danger)."""
    said = set(tokens)
    return bool(_SOMEBODY & said and _COMING & said) and not in_my_room(folded, upstairs=True)


#: Words that open a pause before someone arriving, besides the ``hold`` cues ("wait someone is at the door";
#: a bare "wait" is no hold cue: "wait what?" is unsure).
_PAUSE_OPENERS = frozenset({"wait", "w8"})
#: Interjections before a pause ("ay espera viene alguien", "oh wait my mum is here").
_BEFORE_PAUSE = frozenset({"ay", "uy", "oh", "ok", "okay", "um", "o"})


def is_pause_as_someone_comes(folded: str, lang: Optional[str], hold: Mapping[str, Sequence[str]],
                              someone: Mapping[str, Sequence[str]],
                              knocking: Optional[Mapping[str, Sequence[str]]] = None,
                              door: Optional[Mapping[str, Sequence[str]]] = None) -> bool:
    """A message that opens with a pause, as whole words ("espera", "czekaj", "hold on", "un segundo"), then in
    at most ``MAX_PAUSED_ARRIVAL_WORDS`` words names who arrives by relation or as "someone": "espera viene
    alguien", "czekaj ktoś idzie" drew 112 in the plain bot as someone walked in. Not "hold on hes here" (he
    may be the danger), not "a secret..." / "esperando..." (a pause cue inside a word), not a long message
    (a disclosure), never someone in or coming to the child's room, bed or upstairs ("hold on my uncle is in my
    room", "ok wait my mums boyfriend is coming upstairs": review s24). A ``door`` phrase or a knock that ends
    the message is not counted ("hang on my nan is at the front door")."""
    if in_my_room(folded, upstairs=True):
        return False
    tokens = _WORD.findall(folded)
    phrases = {" ".join(_WORD.findall(cue)) for found in cues_of(lang, hold) for cue in found} | _PAUSE_OPENERS
    if tokens and tokens[0] in _BEFORE_PAUSE:
        tokens = tokens[1:]
    pause = next((n for n in (3, 2, 1) if " ".join(tokens[:n]) in phrases), 0)
    rest = tokens[pause:]
    if rest and rest[0] in ("que", "q", "k"):
        rest = rest[1:]  # "espera que viene mi madre"
    said = " ".join(rest)
    counted = door_at_end(said, lang, door or {}, knocking, someone) if door else None
    if not pause or not rest or len((said if counted is None else counted).split()) > MAX_PAUSED_ARRIVAL_WORDS:
        return False
    # a knock or a ring says someone is there ("un momento, llaman a la puerta", s24)
    return bool(_SOMEBODY & set(rest)) or has_word_cue(said, lang, someone) or has_word_cue(said, lang, knocking or {})


#: Words of a bare pause besides the pause, the people and :data:`_ARRIVAL_FILLERS` ("hold on someones at my d").
_PAUSE_FILLERS = frozenset("at by in the to que q k en la el w przy pod u".split())


def is_bare_pause(folded: str, lang: Optional[str], hold: Mapping[str, Sequence[str]],
                  someone: Mapping[str, Sequence[str]], unnamed: Mapping[str, Sequence[str]]) -> bool:
    """A pause and who, and nothing else but a cut-off word of one or two letters: "hold on someones at my d",
    "hold on my sis is at th". Not "hold on my stepdad is shouting at my mum" (what he does is no arrival)."""
    known = {w for cues in (hold, someone, unnamed) for found in cues_of(lang, cues) for cue in found
             for w in _WORD.findall(cue)}
    known |= _SOMEBODY | _PAUSE_OPENERS | _BEFORE_PAUSE | _ARRIVAL_FILLERS | _PAUSE_FILLERS
    return all(t in known or len(t) <= 2 for t in _WORD.findall(folded))


def is_adult_order(
    folded: str, lang: Optional[str], adult_cues: Mapping[str, Sequence[str]], harm_cues: Mapping[str, Sequence[str]],
    not_adult: Optional[Mapping[str, Sequence[str]]] = None,
) -> bool:
    """An adult customer's cue ("my wife", "invoice"), no harm cue ("hurt", "skin", "knife") and nothing that says
    the writer is no adult customer (:func:`says_not_adult`)."""
    adult = has_cue(folded, lang, adult_cues)
    return adult and not has_cue(folded, lang, harm_cues) and not says_not_adult(folded, lang, not_adult or {})


def says_not_adult(folded: str, lang: Optional[str], not_adult: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``folded`` says a cue of ``not_adult`` (``not_adult`` of the cues file, review s32) that no denial
    before it in its clause takes back (:func:`says_undenied`): a joke taken back ("its for my son lol jk"), a pet
    called a child ("mi perrita es mi hija"), a teen's babysitting or tutoring ("i babysit and my students…") — but
    "its for my wife, not joking" and "no es broma" are no joke."""
    return says_undenied(folded, lang, not_adult)


def says_nothing_of_harm(folded: str, lang: Optional[str], harm_cues: Mapping[str, Sequence[str]],
                         urgent_cues: Mapping[str, Sequence[str]], danger: Danger, beneath: Beneath,
                         done_to_me: Mapping[str, Sequence[str]], arriving: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``folded`` holds no harm word (``harm_cues``: the persona's risk cues too, "skin", "health"), no
    urgency cue, no danger now or weapon, no self-harm, fear or running away said, nothing done to the child and
    nobody arriving: a shopper's or a gamer's line (s26)."""
    said = (harm_cues, urgent_cues, beneath.said, beneath.fear, beneath.ran_away, beneath.means, done_to_me, arriving)
    return not (any(danger.found(folded, lang)) or any(has_cue(folded, lang, cues) for cues in said))


def shoppers_question(top: Ranked, urgent: bool, persona: str, folded: str, lang: Optional[str],
                      product_use: Mapping[str, Sequence[str]], people: Mapping[str, Mapping[str, Sequence[str]]],
                      no_harm: Callable[[str], bool], after: AbstractSet[str] = frozenset()) -> bool:
    """Inside a persona, its help code (not urgent, not for a friend) read over a question about a product's make-up
    or use that only a shopper asks (``product_use``: "once u open the chamomile cream how many months is it good
    for" .87, "krem rumiankowy jest na noc czy na dzień?" .79), with nobody named (``people``, whole words: "she" is
    no person in "shelf life"), nothing of harm (``no_harm``: a skin word is the code's own), and nothing but fillers
    and product words (``after``) after the question (:func:`only_question`) — cover talk (s26; the caller also wants
    no asking word and no duration)."""
    if persona == NO_PERSONA or urgent or persona_of(top.source) != persona or top.intent != CODED_HELP:
        return False
    if generic_name(top.source) != CODED_HELP or not has_word_cue(folded, lang, product_use):
        return False
    if not only_question(folded, lang, product_use, after):
        return False
    return not any(has_word_cue(folded, lang, cues) for cues in people.values()) and no_harm(folded)


def only_question(folded: str, lang: Optional[str], product_use: Mapping[str, Sequence[str]],
                  after: AbstractSet[str]) -> bool:
    """Whether nothing but the words ``after`` (fillers and product words) follows the last ``product_use`` cue
    (whole words) of ``folded``: the message is essentially only the product-use question ("que lleva la crema de
    manzanilla?"), not one with a further clause ("... ? lo estoy pasando mal": review s26)."""
    tokens = _WORD.findall(folded)
    end = 0
    for found in cues_of(lang, product_use):
        for cue in found:
            words = _WORD.findall(cue)
            for i in range(len(tokens) - len(words) + 1):
                if words and tokens[i:i + len(words)] == words:
                    end = max(end, i + len(words))
    return end > 0 and all(t in after for t in tokens[end:])


def weak_quiet(top: Ranked, ranking: Sequence[Ranked], persona: str, folded: str, lang: Optional[str],
               quiet: Iterable[str], breaking: Mapping[str, Mapping[str, Sequence[str]]],
               no_harm: Callable[[str], bool]) -> bool:
    """Inside a persona, its quiet code read weakly (below :data:`TENTATIVE_CONFIDENCE`) by the classifier itself
    (not decided by words: covering one's tracks keeps its source) in a message with no word of the quiet code
    (``quiet``: sorry, wrong, cancel, oops...), no putting-off, wiping, declining, goodbye, pause, someone or door
    word (``breaking``, every list ``{lang: [cue, ...]}``), nothing of harm (``no_harm``) and the persona's cover
    talk close behind (at least :data:`CODED_URGENT_SHARE` of it in the ``ranking``): "can you gift wrap it" (the quiet
    code .20, shipping .19) — cover talk (s26). A bare "stop" (.46, cover .01) or "nie do was" (.49, .05) stays the
    quiet code. A false quiet reading ends a shopper's talk with the goodbye."""
    if persona == NO_PERSONA or persona_of(top.source) != persona or top.intent != "not_safe":
        return False
    if generic_name(top.source) != "not_safe" or top.confidence >= TENTATIVE_CONFIDENCE:
        return False
    words = set(_WORD.findall(folded))
    if words & set(quiet) or any(has_cue(folded, lang, cues) for cues in breaking.values()):
        return False
    cover = next((r for r in ranking if persona_of(r.source) == persona and r.intent not in CODE_INTENTS), None)
    return cover is not None and cover.confidence >= CODED_URGENT_SHARE * top.confidence and no_harm(folded)


def is_tentative(top: Ranked, best: Ranked, signal: str, persona: str, folded: str, lang: Optional[str],
                 harm_cues: Mapping[str, Sequence[str]], urgent_cues: Mapping[str, Sequence[str]],
                 danger: Danger, below: float = TENTATIVE_CONFIDENCE) -> bool:
    """Inside a persona: a help signal in plain words (not the persona's code) read with less than
    ``below`` confidence, and not one word that says harm, urgency or danger (``harm_cues`` holds
    the persona's risk cues too) — answered in cover voice with the discreet question. ``best``,
    the classifier's first choice: when it is the persona's code, the child used the code and an
    urgent intent close behind it keeps the plain reply (:func:`escalate`)."""
    if persona == NO_PERSONA or signal not in HELP_SIGNALS:
        return False
    if persona_of(top.source) is not None or persona_of(best.source) is not None:
        return False
    if top.confidence >= below:
        return False
    if has_cue(folded, lang, harm_cues) or has_cue(danger.without_calmed(folded, lang), lang, urgent_cues):
        return False  # "its fine right now": a "now" taken back by a word of calm is no urgency cue
    return not any(danger.found(folded, lang))


#: Words after a ``done_to_me`` cue that make it no harm: "beat me at fifa", "locked me out", "kicked
#: me from the server", "kicked me off", "pushed me to try harder".
_NOT_HARM_AFTER = frozenset({"at", "out", "from", "off", "to"})


def is_harmed(folded: str, lang: Optional[str], done_to_me: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``folded`` says harm was done to the child (a ``done_to_me`` cue not followed by a word of
    :data:`_NOT_HARM_AFTER`)."""
    for _, text in _around_cues(folded, lang, done_to_me):
        after = _WORD_WITH_APOSTROPHE.findall(text)
        if not after or after[0] not in _NOT_HARM_AFTER:
            return True
    return False


#: Words of coming back after someone ("hes back", "tata wrócił", "mi padre volvió").
_BACK_WORDS = frozenset({"back", "wrocil", "wrocila", "wrocili", "wraca", "volvio", "vuelve", "volvieron"})
#: Words between someone and coming back ("dad is back", "he's back").
_BEING_BETWEEN = frozenset({"s", "is", "are", "ya", "juz", "ha", "han"})


def is_someone_back(folded: str, lang: Optional[str], someone: Optional[Mapping[str, Sequence[str]]],
                    unnamed: Optional[Mapping[str, Sequence[str]]]) -> bool:
    """Whether someone (``someone``, ``unnamed``) is said to be back ("hes back", "dad's back", "mum
    back", "tata wrócił"), not the child ("im back", "back in my room, she went to bed")."""
    people = {cue.split()[-1] for mapping in (someone or {}, unnamed or {}) for found in cues_of(lang, mapping)
              for cue in found}
    tokens = _WORD.findall(folded)
    for i, token in enumerate(tokens):
        if token in _BACK_WORDS and i > 0:
            before = tokens[i - 2] if tokens[i - 1] in _BEING_BETWEEN and i > 1 else tokens[i - 1]
            if before in people:
                return True
    return False


def near_miss(top: Ranked, masked: Sequence[Ranked], folded: str, lang: Optional[str],
              done_to_me: Mapping[str, Sequence[str]]) -> Optional[Ranked]:
    """The help intent close behind an unsure ``out_of_scope`` reading of a message that says harm
    was done to the child (step 2d), else None."""
    if top.intent != "out_of_scope" or top.confidence >= NEAR_MISS_TOP or not is_harmed(folded, lang, done_to_me):
        return None
    runner = next((r for r in masked if r.intent != top.intent), None)
    if runner is None or signal_for_intent(runner.intent)[0] not in HELP_SIGNALS:
        return None
    return runner if runner.confidence >= NEAR_MISS_SHARE * top.confidence else None


@dataclass(frozen=True)
class PartCues:
    """The folded cues (``{lang: [cue, ...]}``) that narrow :func:`part_reading` (s30): harm done by a person to a
    friend (``done_to_friend``), the friend's self-harm (``friend_self_harm``, with the child's ``self_harm_said``),
    fear (``fear``: "scared of", "boi się") of someone at home (``someone``), a part said to be over or fine
    (``over_now``, whole words) unless the harm goes on (``goes_on``, whole words: "her stepdad hits her but she's
    fine now", review s31), and someone at home present or acting (``someone_present``, with ``someone`` or
    ``unnamed``); a mishap that befalls anyone (``mishap``: an accident, an illness) or a fall or a break
    (``mishap_acts``) and the signs of injury that hide harm (``injury_signs``: bruises), for :func:`friend_fine_now`;
    the child fine now (``over_for_me``) after harm that stopped (``harm_stopped``) and does not go on
    (``harm_ongoing``), for :func:`bullying_over` (s31)."""

    done_to_friend: Mapping[str, Sequence[str]] = field(default_factory=dict)
    friend_self_harm: Sequence[Mapping[str, Sequence[str]]] = ()
    fear: Mapping[str, Sequence[str]] = field(default_factory=dict)
    someone: Mapping[str, Sequence[str]] = field(default_factory=dict)
    unnamed: Mapping[str, Sequence[str]] = field(default_factory=dict)
    over_now: Mapping[str, Sequence[str]] = field(default_factory=dict)
    someone_present: Mapping[str, Sequence[str]] = field(default_factory=dict)
    goes_on: Mapping[str, Sequence[str]] = field(default_factory=dict)
    mishap: Mapping[str, Sequence[str]] = field(default_factory=dict)
    mishap_acts: Mapping[str, Sequence[str]] = field(default_factory=dict)
    injury_signs: Mapping[str, Sequence[str]] = field(default_factory=dict)
    over_for_me: Mapping[str, Sequence[str]] = field(default_factory=dict)
    harm_stopped: Mapping[str, Sequence[str]] = field(default_factory=dict)
    harm_ongoing: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def harms_friend(self, folded: str, lang: Optional[str]) -> bool:
        """Whether a part says harm done by a person to a friend ("her dad hits her", "la amenaza su novio", "kolegę
        dotyka trener"; not "she hit her head", an accident, nor "he beat her at chess") or the friend's self-harm
        ("she cuts herself", "chce się zabić")."""
        padded = f" {folded} "
        for found in cues_of(lang, self.done_to_friend):
            for cue in found:
                start = padded.find(f" {cue}")
                while start >= 0:
                    after = _WORD_WITH_APOSTROPHE.findall(padded[start + len(cue) + 1:])[:1]
                    if not after or not (after[0] in _BODY_PARTS or (after[0] == "at" and cue.startswith("beat"))):
                        return True
                    start = padded.find(f" {cue}", start + 1)
        return any(has_cue(folded, lang, said) for said in self.friend_self_harm)

    def fears_someone(self, folded: str, lang: Optional[str]) -> bool:
        """Whether a part says fear of someone at home ("scared of her stepdad", "boi się ojczyma"; not "scared of
        dogs", "boi się burzy")."""
        people = [cue for found in cues_of(lang, self.someone) for cue in found]
        return any(contains_cue(" ".join(after.split()[:FEARED_REACH]), people)
                   for _, after in _around_cues(folded, lang, self.fear))

    def ties_to_someone(self, folded: str, lang: Optional[str]) -> bool:
        """Whether a part ties the persona's code to someone at home: a person ("my stepdad", "he") and their
        presence or behaviour ("is home", "drinks", "wraca", "está en casa") in it."""
        return (has_cue(folded, lang, self.someone_present)
                and (has_word_cue(folded, lang, self.someone) or has_word_cue(folded, lang, self.unnamed)))


#: Parts of the body right after a ``done_to_friend`` cue: the friend's accident ("she hit her head", "hurt her
#: knee"), not harm done by a person.
_BODY_PARTS = frozenset({
    "head", "knee", "knees", "arm", "arms", "leg", "legs", "back", "hand", "hands", "foot", "feet", "ankle", "ankles",
    "wrist", "wrists", "elbow", "elbows", "nose", "toe", "toes", "finger", "fingers", "thumb", "shoulder", "chin",
    "lip", "tooth", "teeth", "hip", "own", "self"})
#: How many words after a fear cue the feared person may stand ("scared of her stepdad", "boi się ojczyma").
FEARED_REACH = 4


def part_counts(whole: Decision, folded: str, reading: Decision, lang: Optional[str], cues: PartCues) -> bool:
    """Whether a part's help reading may stand for its long message (s30, beside :func:`part_reading`'s confidence
    and harm). A friend's story (``peer_help``) counts only when the part says harm done to the friend by a person or
    the friend's self-harm (:meth:`PartCues.harms_friend`), or fear of someone at home (:meth:`PartCues.fears_someone`)
    — not "my friend fell over and hit her head", "koleżanka boi się psów", "le duele la tripa" — and does not say it
    is over or fine ("but she was fine after", "ya está bien", "już jej przeszło") of harm that does not go on
    (``goes_on``: "her stepdad hits her but she's fine now" counts, review s31). Over a shop or cover reading of the
    whole the classifier is sure of (the persona's own intent, at least ``TENTATIVE_CONFIDENCE``: a mother asking the
    shop about her daughter's spots and fears), fear alone does not count: only harm done (a friend's "her stepdad
    hits her when he is drunk" after an order is still heard). Harm done to the child in the part is read in step 2
    (a friend's story with it is the child's own disclosure)."""
    if reading.signal != "peer_help":
        return True
    if has_word_cue(folded, lang, cues.over_now) and not has_word_cue(folded, lang, cues.goes_on):
        # "but she was fine after" takes back an accident or a one-off, not harm that goes on: "her stepdad hits her
        # but she's fine now" is still a disclosure (review s31)
        return False
    if cues.harms_friend(folded, lang):
        return True
    sure_cover = persona_of(whole.source) is not None and whole.confidence >= TENTATIVE_CONFIDENCE
    return not sure_cover and cues.fears_someone(folded, lang)


#: At most this many words may follow "she's fine now" in :func:`friend_fine_now` ("…shes fine now, should i bring her
#: something").
MAX_AFTER_FINE = 8


def friend_fine_now(decision: Decision, folded: str, lang: Optional[str], cues: PartCues,
                    no_harm: Callable[[str], bool]) -> bool:
    """Whether a whole message read as a friend's story (``peer_help``, not urgent) tells a mishap (an accident or an
    illness; a fall or a break with no family member named) and says it is over or fine (``over_now``, whole words:
    "my best friend had her appendix out but shes all better", "el hermano de mi amigo tuvo un accidente con la moto
    pero ya está bien", "przyjaciółka była chora ale już jej przeszło"), with no harm done to the friend by a person,
    no self-harm of the friend, no fear of someone at home, no sign of injury ("she has bruises and says she fell";
    :class:`PartCues`), nothing of harm to the child (``no_harm``), and after "it is over" at most
    :data:`MAX_AFTER_FINE` words and nobody named ("ya está bien y su madre le grita" keeps its reading): ordinary talk
    (s31; what :func:`part_counts` reads for a part of a long message). "my friends dad hits her but shes fine now",
    "mi amiga se corta pero dice que ya está bien" keep their reading."""
    if decision.signal != "peer_help" or decision.urgent or said_over_at_end(folded, lang, cues.over_now, cues) is None:
        return False
    mishap = has_cue(folded, lang, cues.mishap) or (
        has_cue(folded, lang, cues.mishap_acts) and not has_word_cue(folded, lang, cues.someone))
    return (mishap and not has_cue(folded, lang, cues.injury_signs) and not cues.harms_friend(folded, lang)
            and not cues.fears_someone(folded, lang) and no_harm(folded))


def said_over_at_end(folded: str, lang: Optional[str], over: Mapping[str, Sequence[str]],
                     cues: PartCues) -> Optional[int]:
    """The word index where the last cue of ``over`` ("she's fine now", "ya estoy bien") starts, when at most
    :data:`MAX_AFTER_FINE` words and nobody (``someone``, ``unnamed``: "…ya está bien y su madre le grita todo el
    rato", "…im fine now, they still wait for me after school") follow it; None otherwise."""
    tokens = _WORD.findall(folded)
    spans = list(_cue_spans(tokens, lang, over))
    if not spans:
        return None
    start, end = max(spans, key=lambda span: span[1])
    after = " ".join(tokens[end:])
    if len(tokens) - end > MAX_AFTER_FINE or any(has_word_cue(after, lang, people)
                                                 for people in (cues.someone, cues.unnamed)):
        return None
    return start


def bullying_over(decision: Decision, folded: str, lang: Optional[str], cues: PartCues,
                  no_harm: Callable[[str], bool]) -> bool:
    """Whether a whole message read as bullying (not urgent) tells it as past and stopped (``harm_stopped``: "it
    stopped when i changed school", "me cambié de cole", "w podstawówce", "przestali") before the child says they
    are fine now (``over_for_me``, the message's end by :func:`said_over_at_end`: "…im fine now", "…ya estoy bien",
    "…już jest dobrze"), with nothing of harm (``no_harm``: no hitting, fear, self-harm, danger): ordinary talk (s31).
    Bullying going on ("they bully me every day but im fine now", "me hacen bullying pero ya estoy bien", "it still
    happens sometimes but im fine": ``harm_ongoing``), or told with someone still waiting ("…im fine now, they still wait for me after school"), keeps its reading."""
    if decision.signal != "bullying" or decision.urgent:
        return False
    start = said_over_at_end(folded, lang, cues.over_for_me, cues)
    if start is None:
        return False
    before = " ".join(_WORD.findall(folded)[:start])
    return (has_cue(before, lang, cues.harm_stopped) and not has_word_cue(folded, lang, cues.harm_ongoing)
            and no_harm(folded))


#: A part of a long message read as a help signal at least this confident may win over the whole's ordinary talk (s28,
#: measured on fresh long disclosures and long ordinary messages with danger-ish words: see part_reading).
PART_CONFIDENCE = 0.7


def _cue_spans(words: Sequence[str], lang: Optional[str],
               cues: Mapping[str, Sequence[str]]) -> Iterator[Tuple[int, int]]:
    """The word spans (start, end) of ``words`` where a cue of the message's language (every language's if unknown)
    stands as whole words."""
    for found in cues_of(lang, cues):
        for cue in found:
            cue_words = _WORD.findall(cue)
            for i in range(len(words) - len(cue_words) + 1 if cue_words else 0):
                if words[i:i + len(cue_words)] == cue_words:
                    yield i, i + len(cue_words)


def _part_at(words: Sequence[str], part: Sequence[str], start: int) -> Optional[int]:
    """Where the words of ``part`` begin in ``words`` (first from ``start``, else from the beginning), or None."""
    for begin in (start, 0):
        for i in range(begin, len(words) - len(part) + 1 if part else begin):
            if words[i:i + len(part)] == list(part):
                return i
    return None


def framed_parts(folded: str, parts: Sequence[str], lang: Optional[str],
                 frames: Sequence[Mapping[str, Sequence[str]]], not_framing: Optional[Mapping[str, Sequence[str]]],
                 turns: Sequence[str], starts: Optional[Mapping[str, Sequence[str]]] = None) -> list[bool]:
    """For each of ``parts`` (folded texts of the long message ``folded``, nlu/parts.py): whether a cue of ``frames``
    (a story, a joke, a film, a dream: ``told_as_story``; harm past and over: ``resolved_past``; whole words) frames it
    (s30). A cue frames the part it is in and the parts after it up to a part a ``turns`` word opens (the clause
    openers: "anyway", "by the way", "por cierto", "poza tym"), never a part before it: "i watched a film on
    saturday. anyway my uncle touches me at night" reads its second part, "ayer vimos una peli en clase. la niña dice
    mi padre me pega…" none. A cue inside a phrase of ``not_framing`` is none: an insistence ("this isnt a joke", "i
    know it sounds like a movie but", "no es un chiste", "to nie żart", "brzmi jak film"), sleep ("tengo mucho
    sueño"), a wish ("my dream is") or harm that goes on ("hace años que mi padre me pega", "desde hace años"; the
    longer past cue "hace años que no…" is not inside one). A part that begins with a phrase of ``starts`` (the
    child's own day or real life: "this morning", "lo peor es que", "a rano", review s31) turns the talk too, only
    there: "anoche tuve un sueno muy raro con dinosaurios. y esta manana mi padrastro me pego" reads its second part.
    A part not found in ``folded`` is framed when any cue is in the message."""
    words = _WORD.findall(folded)
    unsaid = {i for begin, end in _cue_spans(words, lang, not_framing or {}) for i in range(begin, end)}
    cues = sorted(begin for found in frames for begin, end in _cue_spans(words, lang, found)
                  if not unsaid.issuperset(range(begin, end)))
    if not cues:
        return [False] * len(parts)
    openers = {begin for begin, _ in _cue_spans(words, None, {"": list(turns)})}
    spans: list[Optional[Tuple[int, int]]] = []
    after = 0
    for part in parts:
        part_words = _WORD.findall(part)
        begin = _part_at(words, part_words, after)
        if begin is not None:
            after = begin + len(part_words)
            if any(words[begin:begin + len(cue)] == cue for found in cues_of(lang, starts or {}) for cue in
                   (_WORD.findall(c) for c in found) if cue):
                openers.add(begin)
        spans.append(None if begin is None else (begin, after))
    return [True if span is None else any(cue < span[1] and not any(cue < opener <= span[0] for opener in openers)
                                          for cue in cues)
            for span in spans]


def part_reading(whole: Decision, parts: Sequence[Tuple[str, Decision]], lang: Optional[str],
                 harm_words: Sequence[Mapping[str, Sequence[str]]], folded: str = "",
                 told_as_story: Sequence[Mapping[str, Sequence[str]]] = (),
                 resolved_past: Optional[Mapping[str, Sequence[str]]] = None,
                 shared_harm: Sequence[Mapping[str, Sequence[str]]] = (),
                 not_framing: Optional[Mapping[str, Sequence[str]]] = None, turns: Sequence[str] = (),
                 part_cues: Optional[PartCues] = None,
                 story_turns: Optional[Mapping[str, Sequence[str]]] = None) -> Optional[Decision]:
    """Step 7 (s28): the reading of a part of a long message (nlu/parts.py; ``parts``: each part's folded text and its
    own :func:`decide`, urgency from its own words) when the whole reads no help signal, else None. A part counts
    when it reads a help signal at least ``PART_CONFIDENCE`` sure and says harm (a cue of one of ``harm_words``: harm
    words with the persona's risk cues, harm done to the child, self-harm said or its means, danger now, a weapon);
    read as a shared intent, the whole's ranking must agree: its first help reading has the same signal ("next year
    i'll beat them", bullying .84 in a long message about sports day, was only fifth there; self_harm in a part is
    self_harm_urgent's signal in the whole); read as a persona's code, the part must say harm plainly (a cue of one of
    ``shared_harm``: harm done to the child, self-harm said or its means, danger now, a weapon — not the harm list's
    skin and persona words: "my skin is bad too lately but i think its just spots", a shopper's aside read as the
    shop's code .91, is not). A part a story, a quote or a joke frames (a whole word of ``told_as_story`` in the
    message (``folded``): "la niña dice mi padre me pega…" in a film) has no part reading; one that harm past and over
    frames (``resolved_past``: "when i was 7 my dad used to hit me but he went to anger classes") only when urgent on
    its own words (danger now, self-harm urgency). A cue frames only its own part and those after it until the talk
    turns (:func:`framed_parts`, s30; before, any such word in the message did). Of such parts an urgent one first,
    then the most confident; ``story_turns`` (review s31) turn the talk at a part's start only. With ``part_cues`` (s30, :func:`part_counts`): a friend's story counts only as harm done
    to the friend by a person and not said to be over (a fear alone never over a sure shop reading); a persona's code
    also counts tied to someone at home."""
    if whole.signal != "none":
        return None
    texts = [text for text, _ in parts]
    story = framed_parts(folded, texts, lang, told_as_story, not_framing, turns, story_turns)
    past = framed_parts(folded, texts, lang, (resolved_past,) if resolved_past else (), not_framing, turns,
                        story_turns)
    first_help = next((signal_for_intent(r.intent)[0] for r in whole.ranking
                       if signal_for_intent(r.intent)[0] in HELP_SIGNALS), None)
    found = [reading for i, (text, reading) in enumerate(parts)
             if not story[i] and reading.signal in HELP_SIGNALS and reading.confidence >= PART_CONFIDENCE
             and any(has_cue(text, lang, cues) for cues in harm_words)
             and (signal_for_intent(reading.source)[0] == first_help if persona_of(reading.source) is None
                  else any(has_cue(text, lang, cues) for cues in shared_harm)
                  or (part_cues is not None and part_cues.ties_to_someone(text, lang)))
             and (part_cues is None or part_counts(whole, text, reading, lang, part_cues))
             and (not past[i] or reading.urgent)]
    return max(found, key=lambda p: (p.urgent, p.confidence)) if found else None


#: The readings the fault question with its reason may replace: ordinary talk with no answer of its own (the
#: shop's "not sure I understood", a question about the bot).
FAULT_OVER = frozenset({FOREIGN_INTENT, "probe"})


def decide(ranking: Sequence[Tuple[str, float]], persona: str, folded: str, lang: Optional[str],
           urgent_cues: Mapping[str, Sequence[str]], *args, answers: Optional[Answers] = None, **kwargs) -> Decision:
    """:func:`decide_once` (its parameters), but the fault question with its reason (:func:`is_fault_with_reason`,
    s28) takes only a message that is ordinary talk without that rule (:data:`FAULT_OVER`): "is it my fault that he
    grabs me" (a weak disclosure) keeps the disclosure, "is it my fault because my mum just walked in" the quiet
    line, "czy to moja wina bo już tu jest, muszę kończyć" the goodbye and "is it my fault cause i keep dying to the
    boss" the game's answer (s29 review)."""
    decision = decide_once(ranking, persona, folded, lang, urgent_cues, *args, answers=answers, **kwargs)
    if (answers is None or decision.intent != ASK_FAULT or not answers.fault_reason.cues
            or made_of(folded, lang, answers.fault, MAX_QUESTION_WORDS)):
        return decision
    without = decide_once(ranking, persona, folded, lang, urgent_cues, *args,
                          answers=replace(answers, fault_reason=Phrases()), **kwargs)
    return decision if without.intent in FAULT_OVER and without.signal not in HELP_SIGNALS else without


def decide_once(
    ranking: Sequence[Tuple[str, float]],
    persona: str,
    folded: str,
    lang: Optional[str],
    urgent_cues: Mapping[str, Sequence[str]],
    foreign_mass: float = FOREIGN_MASS,
    postponing: Optional[Mapping[str, Sequence[str]]] = None,
    adult_cues: Optional[Mapping[str, Sequence[str]]] = None,
    harm_cues: Optional[Mapping[str, Sequence[str]]] = None,
    forwarded: bool = False,
    answers: Optional[Answers] = None,
    danger: Optional[Danger] = None,
    arriving: Optional[Mapping[str, Sequence[str]]] = None,
    farewells: Optional[Mapping[str, Sequence[str]]] = None,
    wiping: Optional[Mapping[str, Sequence[str]]] = None,
    no_plan: Optional[Mapping[str, Sequence[str]]] = None,
    someone: Optional[Mapping[str, Sequence[str]]] = None,
    unnamed: Optional[Mapping[str, Sequence[str]]] = None,
    done_to_me: Optional[Mapping[str, Sequence[str]]] = None,
    at_the_door: Optional[Mapping[str, Sequence[str]]] = None,
    knocking: Optional[Mapping[str, Sequence[str]]] = None,
    goodbyes: Optional[Mapping[str, Sequence[str]]] = None,
    not_adult: Optional[Mapping[str, Sequence[str]]] = None,
    ordinary_arrivals: Optional[Mapping[str, Sequence[str]]] = None,
) -> Decision:
    """Intent, signal and urgency of one message (steps 1–6 of this module's docstring);
    ``postponing``, ``adult_cues``, ``harm_cues``, ``arriving``: ``{lang: [folded cue, ...]}`` of
    putting-off phrases ("never mind"), an adult customer's words, harm words and someone arriving
    ("mum's coming"); ``farewells``: stock goodbyes with a later word ("see you later", "hasta
    luego") that do not make a goodbye a putting-off; ``forwarded``: the channel says the words are someone else's; ``answers``:
    the "not now" / "now I can" phrases; ``danger``: the cues of danger happening now; ``wiping``:
    asking to wipe the chat ("delete everything", "borra todo"), a way of breaking off for step 2c;
    ``no_plan``: self-harm said without a plan ("i havent got a plan"), see :func:`is_urgent`;
    ``someone``: people named by relation who may arrive, ``unnamed``: "he", "someone" (a bare arrival,
    :func:`is_covering_tracks`); ``done_to_me``: harm done to the child (:func:`near_miss`); ``at_the_door``,
    ``knocking``: someone at the door, a knock or a ring (an arrival, :func:`is_covering_tracks`,
    :func:`is_pause_as_someone_comes`); ``goodbyes``: goodbye words, a break-off when someone is named; ``not_adult``:
    a joke taken back, a pet, a teen's babysitting — no adult customer (:func:`says_not_adult`, review s32);
    ``ordinary_arrivals``: a bus, a pizza, a friend arriving — in the plain bot no one to hide from (s35)."""
    masked = mask(ranking, persona, foreign_mass)
    putting_off = has_cue(folded, lang, postponing or {})
    leaving = putting_off and breaks_off(folded, lang, postponing or {}, farewells or {})
    top = choose(masked, persona, putting_off, leaving, self_harm_said=has_cue(folded, lang, urgent_cues))
    danger = danger or Danger()
    breaking = putting_off or has_word_cue(folded, lang, wiping or {})
    top = unquiet(top, masked, persona, breaking)
    if (persona != NO_PERSONA and top.intent == "not_safe" and persona_of(top.source) is not None
            and is_harmed(folded, lang, done_to_me or {})):
        # the persona's quiet code read over harm done to the child ("cancel the cream, he hit me again": the
        # quiet code .97, "anulujcie krem, ojczym mnie bije" .65): a disclosure said while breaking off stays
        # the disclosure (s24) — the next help reading that is not urgent by itself, else abuse (the words of the
        # moment make it urgent below, step 3: a near-zero urgent code must not draw 112 for "he hit me again")
        top = next((r for r in masked if signal_for_intent(r.intent)[0] in HELP_SIGNALS
                    and not signal_for_intent(r.intent)[1] and r.intent not in URGENT_INTENTS),
                   Ranked(ABUSE, top.confidence, ABUSE))
    if persona == NO_PERSONA and signal_for_intent(top.intent)[0] == "none":
        # read as ordinary talk, only a real break-off counts ("gtg", "nvm", "delete it"), not a
        # "later" ("my friends are coming over later")
        later = answers.later.cues if answers else {}
        breaking = has_word_cue(folded, lang, wiping or {}) or breaks_off(folded, lang, postponing or {}, later)
    hold = answers.hold.cues if answers else {}
    paused = bool(answers) and is_pause_as_someone_comes(folded, lang, hold, someone or {}, knocking, at_the_door)
    # a goodbye with someone named ("my dad just came in, bye", "tata sprawdza mi telefon, pa") breaks off
    # like "gtg": is_covering_tracks still wants the arrival and no harm or danger word (s24). Never "he" / "on" /
    # "él" ("hes coming bye": he may be the danger) nor someone in or coming to the child's room or bed ("bye my
    # stepdad is coming into my room"): review s24
    # s35: "someone" said as such waves too ("ktoś idzie, pa", "viene alguien me voy"): someone arriving, never "he"
    waving = (has_word_cue(folded, lang, goodbyes or {})
              and (has_word_cue(folded, lang, someone or {}) or bool(_SOMEBODY & set(_WORD.findall(folded))))
              and not in_my_room(folded))
    breaking = breaking or paused or waving
    covering = is_covering_tracks(top, persona, folded, lang, breaking, arriving or {}, harm_cues or {}, danger,
                                  someone, unnamed, paused, at_the_door,
                                  paused and is_bare_pause(folded, lang, hold, someone or {}, unnamed or {}), knocking,
                                  there=bool(answers) and says_someone_there(folded, lang, answers.someone_there),
                                  ordinary=has_word_cue(folded, lang, ordinary_arrivals or {}))
    tail = last_clause(folded)
    if (not covering and tail and not _HABIT & set(_WORD.findall(tail)) and signal_for_intent(top.intent)[0] == "none"
            and not has_cue(folded, lang, harm_cues or {})
            and not any(danger.found(folded, lang))):
        # s37: a shop or game line, then someone arriving in a last clause of its own ("how much is shipping to
        # gdansk.. wait someones coming", "teneis balsamo labial... viene alguien"): the bare arrival at the end
        # breaks the talk off as it does alone (read as the shop's talk, the shipping answer went on)
        covering = is_covering_tracks(top, persona, tail, lang, False, arriving or {}, harm_cues or {}, danger,
                                      someone, unnamed, knocking=knocking,
                                      ordinary=has_word_cue(tail, lang, ordinary_arrivals or {}))
    # a break-off beside the "later" ("later, nvm", "luego, no me contestes"): not a not-now with its reason
    unsaid = without_phrases(without_phrases(folded, lang, answers.later.cues), lang, answers.cant_talk.cues) \
        if answers else folded
    if (answers and not (has_cue(unsaid, lang, postponing or {}) or has_word_cue(folded, lang, wiping or {})
                         or paused or waving)
            and later_with_reason(top, persona, folded)):
        # "ahora no que tengo a mi madre al lado", "not now, my mum is next to me" (s27): a "not now" with its
        # reason is later, as a bare "not now" is (answer_to_question: "write yes when it suits you", the offer
        # kept), not the quiet line as if the child had gone. A break-off ("nvm", "gtg", "delete it") stays quiet
        signal = "not_safe" if persona != NO_PERSONA or covering else "none"
        return Decision(NOT_NOW, top.confidence, top.source, signal, False, masked)
    if covering:
        top = Ranked("not_safe", top.confidence, top.source)
        return Decision(top.intent, top.confidence, top.source, "not_safe", False, masked)
    answer = answer_to_question(top, persona, folded, lang, answers, danger) if answers else None
    if answer is not None and answer[0].intent == "affirm" and is_someone_back(folded, lang, someone, unnamed):
        answer = None  # "hes back", "dad's back" is someone arriving, not the child back ("back", "im back")
    if answer is not None:
        top, signal = answer
        return Decision(top.intent, top.confidence, top.source, signal, False, masked)
    signal, urgent = signal_for_intent(top.intent)
    near = near_miss(top, masked, folded, lang, done_to_me or {}) if signal == "none" else None
    if near is not None:
        top = near
        signal, urgent = signal_for_intent(top.intent)
    if (signal == "peer_help" and not forwarded and persona_of(top.source) is None
            and is_harmed(folded, lang, done_to_me or {}) and not danger.to_friend(folded, lang, harm_cues or {})):
        # harm done to the child is the child's own, whoever did it ("moj chlopak mnie szarpie": a
        # boyfriend read as a friend drew "call for her"): the next help reading, else abuse. A friend
        # in danger now stays the friend's urgent story ("she's going to kill herself tonight, it
        # hurts me")
        top = next((r for r in masked if signal_for_intent(r.intent)[0] in HELP_SIGNALS - {"peer_help"}),
                   Ranked("abuse_disclosure", top.confidence, top.source))
        signal, urgent = signal_for_intent(top.intent)
    if forwarded and signal == "self_harm":
        # someone else's words about themselves: their own urgency cues say the friend is in danger
        urgent = is_urgent(signal, False, folded, lang, urgent_cues) or danger.to_friend(folded, lang, harm_cues or {})
        top = Ranked(PEER_URGENT if urgent else "peer_help", top.confidence, top.source)
        return Decision(top.intent, top.confidence, top.source, "peer_help", urgent, masked)
    if top.intent == "peer_help" and danger.stranded(folded, lang):
        # the child left alone for days with a sick sibling or no power, read as someone else's story (blind 11:
        # "…rodzice wyjechali w piatek i dalej ich nie ma, skonczylo sie jedzenie, siostra ma goraczke", peer_help
        # .61): danger now
        top = Ranked(DANGER_INTENT, top.confidence, top.source)
        signal, urgent = signal_for_intent(top.intent)
    if (top.intent == "peer_help" and persona_of(top.source) is None
            and danger.to_friend(folded, lang, harm_cues or {}, silence_alone=persona == NO_PERSONA)):
        top, urgent = Ranked(PEER_URGENT, top.confidence, top.source), True
    if persona_of(top.source) is not None and top.intent == "peer_help":
        # a friend in danger now told inside a persona is its coded urgent (the emergency number first), s36:
        # "my teammate said his home level boss is beating him right now and then he went offline"
        # — with a weapon or a harm word said: the coded friend's request with a time alone stays the discreet
        # question ("a cream for my friend tonight", test_safety_peer)
        friend_now = (danger.to_friend(folded, lang, harm_cues or {}, silence_alone=False)
                      and (danger.found(folded, lang)[1] or has_cue(folded, lang, harm_cues or {})))
        top = Ranked(CODED_URGENT if friend_now else "help_request", top.confidence, top.source)
        urgent = urgent or friend_now
    urgent = is_urgent(signal, urgent, folded, lang, urgent_cues, no_plan)
    if urgent and signal == "self_harm" and top.intent == "self_harm":
        top = Ranked("self_harm_urgent", top.confidence, top.source)
    elif not urgent and top.intent == "self_harm_urgent":
        top = Ranked("self_harm", top.confidence, top.source)
    now = None if urgent else danger_now(top, signal, masked, folded, lang, danger)
    if now is not None:
        top = now
        signal, urgent = signal_for_intent(top.intent)
    if (persona != NO_PERSONA and top.intent == "urgent"
            and is_adult_order(folded, lang, adult_cues or {}, harm_cues or {}, not_adult)):
        top = Ranked("help_request", top.confidence, top.source)  # the urgent discreet question
    elif masked and is_tentative(top, masked[0], signal, persona, folded, lang, harm_cues or {}, urgent_cues, danger):
        # in cover voice: the discreet question, or when urgent the persona's coded urgent reply
        # (the emergency number first, then a person) — the signal and the urgent flag are kept
        top = Ranked(CODED_URGENT if urgent else CODED_HELP, top.confidence, top.source)
    elif persona != NO_PERSONA and top.intent == "ask_human" and not urgent:
        # asking for a person inside a persona ("chcę porozmawiać ze specjalistką", ask_human 0.79)
        # drew the plain "you can talk to a counselor" line in the shop: the persona's discreet
        # question instead, in cover voice (the signal is kept)
        top = Ranked(CODED_HELP, top.confidence, top.source)
    return Decision(top.intent, top.confidence, top.source, signal, urgent, masked)
