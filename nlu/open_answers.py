"""Answers that mean something only with the bot's open question (session 29): their shapes.

A line alone has no open question, so the NLU keeps the classifier's reading of these lines ("why?" is a yes at
.71, "to drugie" bullying .44, "el otro" the quiet code .42: s28 review). ``bot.open_question`` reads them with the
question the bot asked last; this module only says whether a message has one of these shapes:

* :func:`says_why` — why the bot wants to know where the child is ("why do you need to know?", "po co ci to?",
  "¿para qué?": ``answers.why_place`` in ``nlu/safety/cues.yml``);
* :func:`says_other_one` — the other place of a name the bot asked about ("the other one", "to drugie", "la otra":
  :data:`OTHER_ONE` or ``answers.other_one``, with or without a "no" before it);
* :func:`asks_what_it_means` — "what does that mean?" (``answers.what_it_means``), asked about the offer of a person;
* :func:`asks_about_offer` — "what's this about the specialist?" (``answers.about_offer``), inside a persona;
* :func:`asks_for_a_person` — "can I talk to a real person?" (:data:`PERSON_REQUEST`), said to the offer of one:
  never a question whether it is a person ("is it a real person?" asks, :data:`ASKING_WHETHER`);
* :func:`only_acknowledges` — "ok", "vale gracias", "dobra" (:data:`ACKNOWLEDGING`): taking note of the bot's
  last line, no yes to anything (session 33).
* :func:`takes_product` — "perfecto, me la llevo" (:data:`TAKING_IT`), with no offer open (session 34).
* :func:`asks_number_to_pass_on` — "what number should I give my friend?" (``number_to_pass_on`` of the cues file,
  as ``core.safety.is_only`` reads it: only fillers before the phrase, nothing after it), s33.
* :func:`asks_fault` — "is it my fault?" alone or with the child's reason or the other's excuse before or after it in
  a clause of its own ("is it my fault? he says i ask for it", "¿es culpa mía? no había recogido la cocina") or after
  an opener ("because", "por", "bo": ``core.safety.is_fault_with_reason``), s36. The reason is the child's own words
  (no whitelist): ``bot.fault_context`` reads it only after a disclosure and never over a harm or danger word.

Each is a whitelist: every word of the message is a cue word or a filler of its list (the message's language, any
when unknown), in at most :data:`MAX_SHAPE_WORDS` words, so no harm word, place, refusal or quiet line is ever in
one ("why? because he hits me" is no such shape). Typos are read through: a word the list does not hold is
repaired towards its words (``nlu.spelling.Speller``: one edit, first letter and ending kept, real words never
changed; "waht for", "dlaczgo") or read with its doubled letters single ("whyy"). The person request's words are
kept here, not in the cues file, whose words are the NLU's typo vocabulary: a new word there could change how a
single line reads.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Iterable, Optional

from core.paths import SAFETY_DATA
from core.safety import MAX_QUESTION_WORDS, Answers, Phrases, is_fault_with_reason, is_only, made_of
from core.text import fold, words
from nlu.spelling import Speller

#: Longer messages are never one of these shapes.
MAX_SHAPE_WORDS: Final = 10
#: "The other one" to "Newcastle in the UK?" (folded, a leading "no" / "nie" / "nope" dropped): with two candidates,
#: the second (actions/referral.py). The cues file's ``answers.other_one`` adds fillers ("nie, chodzi mi o to drugie").
OTHER_ONE: Final = frozenset({
    "the other one", "the other", "other one", "the other 1", "the other city", "the other place",
    "la otra", "el otro", "la otra ciudad", "el otro sitio", "la otra no", "ta druga", "to drugie", "tamta",
    "tamto", "to drugie miasto", "drugie", "druga", "ten drugi", "drugi",
})
_LEADING_NO: Final = ("no ", "nie ", "nope ")
#: Asking for a person in so many words, to the offer of one ("can i talk to a real person", "quiero hablar con una
#: persona de verdad", "chcę porozmawiać z prawdziwą osobą"). No question word that asks whether ("is", "are",
#: "will", "es", "czy"…): "is it a real person?" asks what the chat is (core/safety.py, s27), not for one.
PERSON_REQUEST: Final = Phrases(
    cues={
        "en": ("talk to a real person", "talk to a person", "talk to a human", "talk to someone", "talk to somebody",
               "talk to a real human", "talk to an actual person", "speak to a real person", "speak to a person",
               "speak to someone", "speak to a human", "chat to a real person", "chat with a real person",
               "talk with a real person", "talk with someone", "a real person", "a real human", "an actual person"),
        "es": ("hablar con una persona", "hablar con alguien", "hablar con un humano", "hablar con una persona real",
               "hablar con una persona de verdad", "una persona real", "una persona de verdad"),
        "pl": ("porozmawiac z prawdziwa osoba", "porozmawiac z kims", "porozmawiac z czlowiekiem",
               "pogadac z kims", "pogadac z prawdziwa osoba", "pogadac z czlowiekiem", "pisac z prawdziwa osoba",
               "prawdziwa osoba", "prawdziwym czlowiekiem", "z prawdziwa osoba", "z czlowiekiem"),
    },
    fillers={
        "en": frozenset({"can", "could", "i", "want", "wanna", "would", "like", "to", "talk", "speak", "chat", "with",
                         "a", "an", "real", "actual", "person", "human", "someone", "somebody", "please", "pls", "plz",
                         "just", "yes", "yeah", "ya", "ok", "okay", "so", "um", "hmm", "now", "id", "d", "rather",
                         "prefer", "need", "really", "actually"}),
        "es": frozenset({"puedo", "podria", "quiero", "querria", "quisiera", "prefiero", "necesito", "hablar", "con",
                         "una", "un", "persona", "real", "de", "verdad", "alguien", "humano", "humana", "por", "favor",
                         "porfa", "si", "vale", "ok", "pues", "mejor", "ya", "ahora", "me", "gustaria"}),
        "pl": frozenset({"chce", "chcialabym", "chcialbym", "moge", "moglabym", "moglbym", "wole", "porozmawiac",
                         "pogadac", "pisac", "z", "prawdziwa", "prawdziwym", "osoba", "czlowiekiem", "kims",
                         "prosze", "tak", "ok", "dobra", "to", "teraz", "po", "prostu", "naprawde", "wolalabym",
                         "wolalbym"}),
    },
)
#: Taking note of the bot's last line and nothing more ("ok", "okay thanks", "vale gracias", "dobra dzięki", s33):
#: read as a yes (affirm .97-.98) it queued a child who had just broken off ("nvm wrong chat" → "ok") or put the
#: offer off ("not now" → "no rush, write yes when it suits you" → "ok"). No yes word ("yes", "sí", "tak", "sure",
#: "jasne") is here: "ok yes" stays a yes. Kept here, not in the cues file (see the module docstring).
ACKNOWLEDGING: Final = Phrases(
    cues={
        "en": ("ok", "okay", "okey", "oki", "okie", "okk", "kk", "k", "alright", "aight", "got it", "fine", "cool"),
        "es": ("vale", "ok", "okey", "okay", "entendido", "de acuerdo", "bueno", "perfecto"),
        "pl": ("ok", "okej", "oki", "dobra", "dobrze", "spoko", "rozumiem", "w porzadku"),
    },
    fillers={
        "en": frozenset({"thanks", "thank", "you", "thx", "ty", "then", "oh", "ah", "lol", "bye", "cya", "np"}),
        "es": frozenset({"gracias", "pues", "ah", "aja", "adios", "chao", "bueno", "vale", "ok"}),
        "pl": frozenset({"dzieki", "dziekuje", "to", "aha", "pa", "ok", "dobra", "no"}),
    },
)
#: A shopper taking the product ("perfecto, me la llevo" after a price answer: a yes at .40 with no question open drew
#: "no lo he pillado"), s34: only with no offer open (bot/open_question.py), where "vale, me la llevo" is a yes.
TAKING_IT: Final = Phrases(
    cues={
        "en": ("ill take it", "i'll take it", "ill take one", "ill take two", "ill take them", "ill buy it",
               "ill buy one", "ill order it", "ill get it", "ill get one", "i want to buy it", "i want to order it",
               "id like to order it", "i'd like to order it", "ill have it", "ill have one"),
        "es": ("me la llevo", "me lo llevo", "me las llevo", "me los llevo", "la compro", "lo compro", "me la quedo",
               "me lo quedo", "la pido", "lo pido", "quiero comprarla", "quiero comprarlo", "quiero pedirla",
               "quiero pedirlo"),
        "pl": ("biore", "wezme", "kupuje", "zamawiam", "zamowie", "kupie", "biore go", "biore ja", "wezme go",
               "wezme ja", "kupie go", "kupie ja", "to biore", "to wezme"),
    },
    fillers={
        "en": frozenset({"perfect", "great", "ok", "okay", "cool", "nice", "lovely", "then", "thanks", "thank", "you",
                         "so", "alright", "brill", "awesome", "fab", "amazing", "oh", "i", "think", "please", "pls"}),
        "es": frozenset({"perfecto", "perfecta", "genial", "vale", "ok", "pues", "entonces", "gracias", "bien", "muy",
                         "estupendo", "guay", "bueno", "venga", "creo", "que", "por", "favor"}),
        "pl": frozenset({"super", "swietnie", "ok", "okej", "dobrze", "dobra", "to", "dziekuje", "dzieki", "fajnie",
                         "idealnie", "w", "takim", "razie", "no", "chyba", "prosze"}),
    },
)
#: Words that ask whether (core/safety.py ``_ASKING_WHETHER``, with "am" / "do"): a question about the chat.
ASKING_WHETHER: Final = frozenset({"is", "are", "am", "will", "it", "do", "does", "es", "eres", "sera", "czy",
                                   "jest", "jestes", "bedzie"})
_DOUBLED = re.compile(r"(\w)\1+")


@lru_cache(maxsize=1)
def answers() -> Answers:
    """The answer cue lists of ``nlu/safety/cues.yml`` (read once per process)."""
    from nlu.quiet import load_answers

    return load_answers(SAFETY_DATA / "cues.yml")


def _vocabulary(phrases: Iterable[Phrases], lang: Optional[str]) -> frozenset[str]:
    """Every word a message of one of ``phrases`` may hold (cue words and fillers of ``lang``, all when unknown)."""
    found: set[str] = set()
    for p in phrases:
        for cue_lang, cues in p.cues.items():
            if lang in p.cues and cue_lang != lang:
                continue
            found |= {w for cue in cues for w in words(cue)}
            found |= {w for filler in p.fillers.get(cue_lang, ()) for w in words(filler)}
    return frozenset(found)


@lru_cache(maxsize=64)
def _speller(vocabulary: frozenset[str]) -> Speller:
    return Speller({w: 1 for w in vocabulary})


def read_through_typos(text: str, phrases: Iterable[Phrases], lang: Optional[str]) -> str:
    """``text`` folded, each word the lists do not hold read with its doubled letters single ("whyy") when that is
    one of their words, else repaired towards their words (one edit, ``nlu.spelling.Speller``)."""
    phrases = tuple(phrases)
    vocabulary = _vocabulary(phrases, lang)
    speller = _speller(vocabulary)

    def repaired(word: str) -> str:
        if word in vocabulary:
            return word
        single = _DOUBLED.sub(r"\1", word)
        return single if single in vocabulary else speller.word(word)

    return " ".join(repaired(w) for w in words(text))


def _shaped(text: str, lang: Optional[str], phrases: Phrases) -> bool:
    read = read_through_typos(text, [phrases], lang)
    return bool(read) and made_of(read, lang, phrases, MAX_SHAPE_WORDS)


#: Words of ``answers.why_place`` that count only in a phrase here: "hace" only in "hace falta" ("¿para qué te hace
#: falta?"); "por que lo hace" asks why someone does it (s28 review).
_WHOLE_ONLY: Final = {"es": {"hace": "hace falta"}}


@lru_cache(maxsize=1)
def why_phrases() -> Phrases:
    """``answers.why_place`` with the words of :data:`_WHOLE_ONLY` as whole phrases only."""
    found = answers().why_place
    fillers = dict(found.fillers)
    for lang, phrases in _WHOLE_ONLY.items():
        if lang in fillers:
            fillers[lang] = frozenset(fillers[lang] - set(phrases) | set(phrases.values()))
    return Phrases(found.cues, fillers)


def says_why(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` asks why the bot wants to know (:func:`why_phrases`: "why?", "po co ci to?", "¿para qué?")."""
    return _shaped(text, lang, why_phrases())


def says_other_one(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` is "the other one" (:data:`OTHER_ONE`, or ``answers.other_one``: "nie, to drugie", "no, la
    otra"), with or without a "no" before it."""
    phrases = answers().other_one
    read = read_through_typos(text, [phrases], lang)
    bare = read
    for lead in _LEADING_NO:
        if bare.startswith(lead):
            bare = bare[len(lead):]
    return bare in OTHER_ONE or (bool(read) and made_of(read, lang, phrases, MAX_SHAPE_WORDS))


def asks_what_it_means(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` asks what the bot's last line means (``answers.what_it_means``: "what does that mean?")."""
    return _shaped(text, lang, answers().what_it_means)


def asks_about_offer(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` asks what the persona's offer of a person is ("what's this about the specialist?", "a co to
    za konsultacja?", "¿qué es eso de la especialista?": ``answers.about_offer``), in at most ``MAX_QUESTION_WORDS``
    words as core/safety.py read it before session 30, typos read through as for the other shapes."""
    phrases = answers().about_offer
    read = read_through_typos(text, [phrases], lang)
    return bool(read) and made_of(read, lang, phrases, MAX_QUESTION_WORDS)


def asks_what_offer_is(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` asks what the offer is with no word for it ("what is it exactly", "¿y eso qué es?", "a co to
    jest?": ``answers.what_offer_is``), in at most ``MAX_QUESTION_WORDS`` words, typos read through (s35)."""
    phrases = answers().what_offer_is
    read = read_through_typos(text, [phrases], lang)
    return bool(read) and made_of(read, lang, phrases, MAX_QUESTION_WORDS)


def asks_for_a_person(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` asks for a person in so many words (:data:`PERSON_REQUEST`) and asks no question whether
    it is one (:data:`ASKING_WHETHER`: "is it a real person?")."""
    read = read_through_typos(text, [PERSON_REQUEST], lang)
    return (bool(read) and not ASKING_WHETHER & set(read.split())
            and made_of(read, lang, PERSON_REQUEST, MAX_SHAPE_WORDS))


def only_acknowledges(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` only takes note of the bot's last line (:data:`ACKNOWLEDGING`: "ok", "okay thanks", "vale
    gracias", "dobra"), with no yes word in it ("ok yes", "vale sí", "ok tak" are not)."""
    read = read_through_typos(text, [ACKNOWLEDGING], lang)
    return bool(read) and made_of(read, lang, ACKNOWLEDGING, MAX_SHAPE_WORDS)


def takes_product(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` is only a shopper taking the product (:data:`TAKING_IT`: "perfecto, me la llevo", "ok ill take
    it", "super, biorę"), no yes word in it ("sí, me la llevo" is a yes), s34."""
    read = read_through_typos(text, [TAKING_IT], lang)
    return bool(read) and made_of(read, lang, TAKING_IT, MAX_SHAPE_WORDS)


@lru_cache(maxsize=1)
def number_to_pass_on() -> Phrases:
    """``number_to_pass_on`` and its fillers of ``nlu/safety/cues.yml`` (read once per process; the NLU reads the same
    lists, nlu/components/persona.py)."""
    from nlu.cues import cue_list

    path = SAFETY_DATA / "cues.yml"
    return Phrases(cue_list(path, "number_to_pass_on"),
                   {lang: frozenset(found) for lang, found in cue_list(path, "number_to_pass_on_fillers").items()})


def asks_number_to_pass_on(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` is only a number asked for to pass on to a friend, brother or sister ("que numero le doy a mi
    amiga?", "jaki numer mam dać bratu?"): fillers before the phrase, nothing after it ("what number should i give her
    for the raffle" is no such request)."""
    return is_only(fold(text), lang, number_to_pass_on())


#: Marks that end a clause: the fault question stands in one of its own ("is it my fault? he says…", "was it my fault,
#: she says…", "¿fue culpa mía? le rompí…").
_CLAUSE_END: Final = re.compile(r"[?¿!¡.,;:]+")


def asks_fault(text: str, lang: Optional[str]) -> bool:
    """Whether ``text`` is "is it my fault?" (``answers.fault``) alone, with its reason after an opener
    (``core.safety.is_fault_with_reason``), or as the first or last clauses of the message with the reason in the
    others ("is it my fault? he says i wind him up", "i let him in, was it my fault"), in at most
    ``MAX_QUESTION_WORDS`` words (s36)."""
    folded = fold(text)
    found = answers()
    if len(words(folded)) > MAX_QUESTION_WORDS:
        return False
    if made_of(folded, lang, found.fault, MAX_QUESTION_WORDS) or is_fault_with_reason(folded, lang, found):
        return True
    clauses = [c for c in _CLAUSE_END.split(folded) if words(c)]
    return any(made_of(" ".join(part), lang, found.fault, MAX_QUESTION_WORDS)
               for at in range(1, len(clauses)) for part in (clauses[:at], clauses[at:]))
