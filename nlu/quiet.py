"""Quiet lines ("sorry, wrong chat", "never mind", "cancel") are ``not_safe``, whatever the
classifier says: a child covering their tracks must never get an emergency reply (issue 13).
A refusal to say where one is ("I'd rather not say") answers the location question
(``inform_location`` with the entity ``location_refused``): the referral routes on the persona's
country and never asks again.

A message is a quiet line when every word of it (folded text) is a trigger or a filler of its
language (``not_safe_lines`` in ``nlu/safety/cues.yml``) and at least one is a trigger; with an
unknown language, any language's lists may match. Anything else ("never mind, he is coming
back") is left to the classifier.

:func:`load_answers` reads the "not now" / "now I can" answers (``answers`` in the cues file)
for ``core.safety.answer_to_question``.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from core.safety import (
    CODED_HELP, CODED_URGENT, Answers, Decision, Phrases, cues_of, has_cue, has_word_cue, made_of, without_phrases,
)
from core.text import fold, words
from core.signals import CODE_INTENTS, HELP_SIGNALS, NO_PERSONA, generic_name, persona_of, signal_for_intent
from nlu.age import find_age
from nlu.cues import load_cues

_WORD = re.compile(r"\w+")

QuietWords = Mapping[str, tuple[frozenset[str], frozenset[str]]]


def load_quiet_words(path: Path) -> QuietWords:
    """``{lang: (triggers, triggers | fillers)}`` from the cues file."""
    return {lang: (frozenset(lists.triggers), frozenset(lists.triggers) | frozenset(lists.fillers))
            for lang, lists in load_cues(path).not_safe_lines.items()}


def is_quiet_line(folded: str, lang: Optional[str], words: QuietWords) -> bool:
    """True if ``folded`` (``core.text.fold`` of the message) is only a quiet line."""
    tokens = _WORD.findall(folded.replace("never mind", "nevermind"))
    if not tokens or len(tokens) > 12:
        return False
    tables = [words[lang]] if lang in words else list(words.values())
    return any(all(t in allowed for t in tokens) and any(t in triggers for t in tokens)
               for triggers, allowed in tables)


def as_not_safe(decision: Decision) -> Decision:
    """``decision`` turned into the quiet code: intent and signal ``not_safe``, not urgent."""
    signal, urgent = signal_for_intent("not_safe")
    return dataclasses.replace(decision, intent="not_safe", signal=signal, urgent=urgent)


def load_refusals(path: Path) -> Mapping[str, tuple[str, ...]]:
    """``{lang: (folded phrase, ...)}``: ways of refusing to say where one is."""
    from core.text import fold
    return {lang: tuple(fold(p) for p in phrases) for lang, phrases in load_cues(path).location_refusals.items()}


def refusal_phrases(lang: Optional[str], refusals: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The folded phrases refusing to say where of ``lang`` (every language's when it has none)."""
    tables = [refusals[lang]] if lang in refusals else list(refusals.values())
    return tuple(phrase for phrases in tables for phrase in phrases)


def is_location_refusal(folded: str, lang: Optional[str], refusals: Mapping[str, tuple[str, ...]]) -> bool:
    """True if ``folded`` refuses to say where the child is ("I'd rather not say")."""
    return any(phrase in folded for phrase in refusal_phrases(lang, refusals))


#: Words that may stand beside a refusal that says nothing else ("sorry i dont wanna say").
_AROUND_REFUSAL = frozenset({"i", "im", "m", "sorry", "no", "nah", "nope", "ok", "okay", "just", "um", "hmm", "that",
                             "it", "where", "please", "pls", "yeah", "nie", "sorki", "przepraszam", "wole", "lo",
                             "siento", "perdon", "donde", "vivo", "mieszkam", "gdzie"})


def is_bare_refusal(folded: str, lang: Optional[str], refusals: Mapping[str, tuple[str, ...]]) -> bool:
    """A refusal to say where ("i dont wanna say", "no te digo dónde vivo") with nothing else in the
    message: no disclosure is in it, whatever the classifier reads (self_harm 0.73 for "i dont want
    to give it")."""
    from core.text import words

    tables = [refusals[lang]] if lang in refusals else list(refusals.values())
    for phrase in sorted((p for t in tables for p in t if p in folded), key=len, reverse=True):
        rest = folded.replace(phrase, " ")
        if all(w in _AROUND_REFUSAL for w in words(rest)):
            return True
    return False


def as_location_answer(decision: Decision, keep_signal: bool = False) -> Decision:
    """``decision`` turned into an answer to the location question (intent ``inform_location``):
    a refusal to say where, or a message that is only a place's name ("springfield"). With
    ``keep_signal`` the help signal and urgency stay (the referral routes on them)."""
    if keep_signal:
        return dataclasses.replace(decision, intent="inform_location")
    signal, urgent = signal_for_intent("inform_location")
    return dataclasses.replace(decision, intent="inform_location", signal=signal, urgent=urgent)


def is_tentative_cover(decision: Decision, persona: str) -> bool:
    """Inside a persona, a plain help signal answered in cover voice (``core.safety.is_tentative``:
    the persona's code name on a shared intent's reading)."""
    return (persona != NO_PERSONA and decision.intent in (CODED_HELP, CODED_URGENT)
            and persona_of(decision.source) is None and decision.signal in HELP_SIGNALS)


#: Intents of a decision that put a conversation inside a persona into cover voice: the persona's codes
#: (a plain reading answered in cover becomes one of them too, ``is_tentative_cover``).
COVER_INTENTS = frozenset({CODED_HELP, CODED_URGENT, "visit_request", "not_safe", "clean_chat"})


def goes_into_cover(decision: Decision, persona: str) -> bool:
    """Inside a persona, a message answered in the persona's code (its discreet question, its urgent
    reply, its quiet line) or any help signal, said in the code's words or plainly ("my dad hits me",
    "his dad hits him, i need a number for him"): from then on — this message included — safety is
    acknowledged in the persona's words (slot ``voice``, core.persona.schema.COVER_ACKS), never "a
    counselor, a real person" on a lock screen or a shared phone's history (s35: a first plainly told
    disclosure was acknowledged in the plain voice). The plain bot keeps its plain voice."""
    if persona == NO_PERSONA:
        return False
    return decision.intent in COVER_INTENTS or decision.signal in HELP_SIGNALS


def as_age(decision: Decision) -> Decision:
    """``decision`` turned into a bare statement of the child's age (intent ``inform_age``, signal
    ``none``): an open question is asked again, a referral is routed again with the age."""
    signal, urgent = signal_for_intent("inform_age")
    return dataclasses.replace(decision, intent="inform_age", signal=signal, urgent=urgent)


def _phrases(lists: Mapping[str, Any]) -> Phrases:
    return Phrases({lang: tuple(sorted({fold(c) for c in p.cues})) for lang, p in lists.items()},
                   {lang: frozenset(fold(w) for w in p.fillers) for lang, p in lists.items()})


def load_answers(path: Path) -> Answers:
    """The ``answers`` of the cues file: ``later``, ``resume``, ``unsure``, ``number``, ``repeat``,
    ``cant_call``, ``privacy``, ``fault``, ``cost``, ``refuse``, ``hold``, ``home`` and ``what_next`` phrases per language (a
    malformed file raises :class:`nlu.cues.CuesError` naming file, line and field)."""
    answers = load_cues(path).answers
    return Answers(**{f.name: _phrases(getattr(answers, f.name)) for f in dataclasses.fields(Answers)})


def load_phrases(path: Path, key: str) -> Phrases:
    """The cues and fillers ``key`` of the cues file (read once per process, nlu.cues.load_cues): ``off_to``, a
    chore or a meal the talk is put off for ("déjalo, me voy a cenar"); ``declining``, cancelling or "I already
    have it" in a persona's shop."""
    return _phrases(getattr(load_cues(path), key))


#: Putting the talk off for a chore may run longer than an answer ("ok never mind im just going to go and
#: make a cup of tea now").
MAX_OFF_TO_WORDS = 16


def is_off_to_do(folded: str, lang: Optional[str], off_to: Phrases, taking_back: Mapping[str, Sequence[str]],
                 harm_cues: Mapping[str, Sequence[str]]) -> bool:
    """The talk put off (a ``taking_back`` cue: "never mind", "olvídalo", "nieważne") for a chore or a meal and
    nothing else ("never mind, im going to go watch tv now", "déjalo, me voy a cenar", "nieważne, idę zrobić
    herbatę"): a closed vocabulary with no harm word and nothing taken or ended ("never mind, im going to take
    all my pills now" is no chore); a bare "gotta go" ("me tengo que ir a cenar") is a goodbye.
    s24, issue 13: "olvídalo, me voy a duchar ya" was urgent self-harm .60. The taking-back words are no
    filler elsewhere in the message, and "ya" only ends it: "olvídalo, ya nada importa, me voy a la cama" was
    self-harm and stays it (review s24)."""
    if not has_word_cue(folded, lang, taking_back) or has_cue(folded, lang, harm_cues):
        return False
    said = " " + " ".join(words(folded)) + " "
    for found in cues_of(lang, taking_back):
        for cue in sorted(found, key=len, reverse=True):
            said = said.replace(" " + " ".join(words(cue)) + " ", " ")
    rest = said.split()
    if rest and rest[-1] == "ya":
        rest = rest[:-1]  # "me voy a duchar ya"
    return made_of(" ".join(rest), lang, off_to, MAX_OFF_TO_WORDS)


#: Words after which a relation is the child's company, not someone arriving ("going out with my mum", "con mi madre").
_WITH = frozenset({"with", "con", "z", "ze"})
#: Ordinary leaving is a short message ("gtg my friend is here to play, cya later").
MAX_LEAVING_WORDS = 16
#: The readings ordinary leaving is taken from: the model's self-harm and a friend's story (s35, leaving-s35b).
LEAVING_MISREAD = frozenset({"self_harm", "peer_help"})


def is_ordinary_leaving(decision: Decision, persona: str, folded: str, lang: Optional[str],
                        leaving: Mapping[str, Sequence[str]], ordinary: Phrases,
                        someone: Mapping[str, Sequence[str]], harm_cues: Mapping[str, Sequence[str]]) -> bool:
    """The plain bot's self-harm or friend's-story reading of a child leaving for an everyday thing: a leaving word
    (``leaving``, whole words) and nothing but ``ordinary`` ("me voy a la ducha, ahora vuelvo" was urgent self-harm
    .71, "dzięki, muszę lecieć na pociąg" .32, "gtg my friend is here to play" a friend's story .92). No harm word, and
    a relation (``someone``) only right after "with" / "con" / "z": "ha llegado mi padre, me voy a la ducha" may be
    covering tracks (s35, leaving-s35b)."""
    if (persona != NO_PERSONA or decision.signal not in LEAVING_MISREAD
            or not has_word_cue(folded, lang, leaving) or has_cue(folded, lang, harm_cues)):
        return False
    tokens = _WORD.findall(folded)
    people = {cue for found in cues_of(lang, someone) for cue in found if " " not in cue}
    if any(t in people and not _WITH & set(tokens[max(0, i - 2):i]) for i, t in enumerate(tokens)):
        return False
    return made_of(folded, lang, ordinary, MAX_LEAVING_WORDS)


#: Asking for something: with a catalogue name never declining ("ya tengo crema, necesito la crema de manzanilla").
ASKING = frozenset("need want needs wanted necesito quiero necesitaria querria potrzebuje potrzebuja chce chcialabym "
                   "chcialbym poprosze".split())


def is_declining(folded: str, lang: Optional[str], declining: Phrases, catalogue: Sequence[str],
                 harm_cues: Mapping[str, Sequence[str]]) -> bool:
    """Inside a persona: cancelling or "I already have it", made only of the ``declining`` words and the
    persona's ``catalogue`` names ("cancel my order for the chamomile cream please", "nie dzięki, mam już krem
    w domu", "ya tengo la crema en casa"). A symptom, a harm word or someone is no filler: "no thanks i
    already have the cream but my skin has been bad for months" keeps the code; nor is asking for something
    ("cancel it i need the chamomile cream please": the code, review s24)."""
    names = {w for name in catalogue for w in _name_words(name)}
    said = words(folded)
    if ASKING & set(said) and names & set(said):
        return False  # "cancel it i need the chamomile cream please": asking for the code (review s24)
    rest = " ".join(w for w in said if w not in names)
    return made_of(rest, lang, declining) and not has_cue(folded, lang, harm_cues)


def as_cant_call(decision: Decision) -> Decision:
    """``decision`` turned into "I can't call" (intent ``cant_call``): the child asks to be written to
    here instead of phoning. The classifier's help signal and urgency stay (an urgent one raises
    the queue priority), else ``ask_human``."""
    if decision.signal in HELP_SIGNALS:
        return dataclasses.replace(decision, intent="cant_call")
    return dataclasses.replace(decision, intent="cant_call", signal="ask_human", urgent=False)


#: A number asked for as someone comes is short ("the number pls hes coming back").
MAX_NUMBER_ARRIVAL_WORDS = 10


def asks_number_as_someone_comes(folded: str, lang: Optional[str], number: Phrases, arrival: Phrases,
                                  own: Optional[Mapping[str, Sequence[str]]] = None,
                                  subject: Optional[Phrases] = None) -> bool:
    """The number asked for as someone comes or comes back, and nothing else (s30): a ``number`` cue ("number",
    "numero", "numer"; ``number_bare``) and an ``arrival`` cue ("hes coming back", "que vuelve", "bo wraca";
    ``number_arrival``), every word one of their cues or fillers, in at most :data:`MAX_NUMBER_ARRIVAL_WORDS` words.
    Neither list holds a negation ("hes not coming back" is no arrival), "wrong", "your" or a harm word: "sorry wrong
    number hes back", "el número de mi pedido viene" say more. With ``own`` (``number_own_arrival``, review s31): an arrival that is the number's own is none (:func:`is_numbers_own_arrival`: "cual es el numero que
    viene" asks for the next one, "which number is coming up" of a game)."""
    if not has_word_cue(folded, lang, number.cues):
        return False
    langs = set(arrival.cues) | set(number.cues)
    both = Phrases(arrival.cues, {lang_: frozenset(arrival.fillers.get(lang_, frozenset())
                                                   | number.fillers.get(lang_, frozenset())
                                                   | {w for cue in number.cues.get(lang_, ()) for w in words(cue)})
                                  for lang_ in langs})
    return made_of(folded, lang, both, MAX_NUMBER_ARRIVAL_WORDS) and not (
        own is not None and is_numbers_own_arrival(folded, lang, number, arrival, own)) and not (
        subject is not None and is_number_subject(folded, lang, number, arrival, subject))


def is_number_subject(folded: str, lang: Optional[str], number: Phrases, arrival: Phrases, subject: Phrases) -> bool:
    """Whether the number is the subject of the arrival in Spanish or Polish (review s32; ``number_as_subject``): the
    message opens with one or two of ``subject``'s cues (an article or a question word: "el", "cual", "jaki",
    "który"), then the number word, then only ``subject``'s fillers ("ya", "ahora", "teraz", "zaraz") and an arrival
    cue that ends the message, with no punctuation between the number and the arrival: "jaki numer teraz wchodzi" (in a
    game), "el numero ya esta aqui" (danger now .96 by the classifier: ordinary talk, nlu/components/persona.py). "dame el numero ya viene", "el numero, ya esta aqui", "podaj numer wraca" are someone coming."""
    if lang not in subject.cues:
        return False
    tokens = words(folded)
    openers = {w for cue in subject.cues[lang] for w in words(cue)}
    numbers = {w for cue in number.cues.get(lang, ()) for w in words(cue)}
    at = next((i for i, t in enumerate(tokens) if t in numbers), None)
    if at is None or not 1 <= at <= 2 or not all(t in openers for t in tokens[:at]):
        return False
    rest = tokens[at + 1:]
    fillers = subject.fillers.get(lang, frozenset())
    for cue in arrival.cues.get(lang, ()):
        said = words(cue)
        for i in range(len(rest) - len(said) + 1):
            if (rest[i:i + len(said)] == said and all(t in fillers for t in rest[:i])
                    and all(t in fillers for t in rest[i + len(said):])):
                gap = re.search(rf"\b{re.escape(tokens[at])}\b(.*?)\b{re.escape(said[0])}", folded)
                return gap is not None and not re.search(r"[,.;:!?]", gap.group(1))
    return False


def is_numbers_own_arrival(folded: str, lang: Optional[str], number: Phrases, arrival: Phrases,
                           own: Mapping[str, Sequence[str]]) -> bool:
    """Whether every arrival cue of ``folded`` is the number's own (review s31): the number is its subject — the cue
    stands right after the number word with only single words of ``own`` between and begins with one ("which number
    is coming up", "the number thats coming": a verb or a relative, no person: "number hes back" is someone) — or the
    message holds an idiom of ``own`` (more than one word: "el numero que viene", the next one). Spanish and Polish
    drop the subject ("dame el numero ya viene", "podaj numer wraca": someone comes), so they have idioms only."""
    tokens = words(folded)
    own_found = [words(cue) for found in cues_of(lang, own) for cue in found]
    padded = f" {' '.join(tokens)} "
    if any(f" {' '.join(cue)} " in padded for cue in own_found if len(cue) > 1):
        return True
    verbs = {cue[0] for cue in own_found if len(cue) == 1}
    numbers = {w for found in cues_of(lang, number.cues) for cue in found for w in words(cue)}
    at = [i for i, t in enumerate(tokens) if t in numbers]
    starts = [(i, said) for found in cues_of(lang, arrival.cues) for cue in found for said in [words(cue)]
              for i in range(len(tokens) - len(said) + 1) if said and tokens[i:i + len(said)] == said]
    if not starts or not at:
        return False
    for start, said in starts:
        before = [n for n in at if n < start]
        if not before or said[0] not in verbs or not all(t in verbs for t in tokens[max(before) + 1:start]):
            return False
    return True


def as_danger_now(decision: Decision) -> Decision:
    """``decision`` turned into danger now (intent and signal ``imminent_danger``, urgent): the emergency number
    first, in the persona's voice inside one."""
    signal, urgent = signal_for_intent("imminent_danger")
    return dataclasses.replace(decision, intent="imminent_danger", signal=signal, urgent=urgent)


def load_wipe_lines(path: Path) -> Phrases:
    """``wipe_lines`` of the cues file: asking to wipe the chat ("delete this chat", "borra todo")."""
    return _phrases(load_cues(path).wipe_lines)


def as_clean_chat(decision: Decision) -> Decision:
    """``decision`` turned into a request to wipe the chat (intent ``clean_chat``, signal ``not_safe``):
    the clean line, and the channel wipes the chat. Never an emergency reply."""
    signal, urgent = signal_for_intent("clean_chat")
    return dataclasses.replace(decision, intent="clean_chat", signal=signal, urgent=urgent)


def load_order_words(path: Path) -> Mapping[str, tuple[str, ...]]:
    """``{lang: (folded word start, ...)}``: the words that name a customer's order ("pedido")."""
    from core.text import fold
    return {lang: tuple(sorted({fold(c) for c in cues})) for lang, cues in load_cues(path).order_reference.items()}


def load_come_for_me(path: Path) -> Mapping[str, tuple[str, ...]]:
    """``{lang: (folded cue, ...)}``: asking to be fetched ("come get me", "venid a por mí")."""
    from core.text import fold
    return {lang: tuple(sorted({fold(c) for c in cues})) for lang, cues in load_cues(path).come_for_me.items()}


def is_plain_visit_request(decision: Decision, persona: str, folded: str, lang: Optional[str],
                           come_for_me: Mapping[str, tuple[str, ...]], has_address: bool) -> bool:
    """In the plain bot: an address and a request to come for the child ("i live at 12 Elm Road,
    come get me") is visit_request, whatever the classifier read — unless it read self-harm (its own
    urgent reply) or a quiet line. Inside a persona an address is the persona's code or cover talk."""
    from core.safety import has_cue
    from core.signals import NO_PERSONA

    if persona != NO_PERSONA or not has_address or decision.signal in ("self_harm", "not_safe", "visit_request"):
        return False
    return has_cue(folded, lang, come_for_me)


def is_coded_visit_request(decision: Decision, persona: str, has_address: bool) -> bool:
    """Inside a persona: its coded help or urgent request with a street address ("I'd like the
    chamomile cream, my skin is bad, Lipowa 5, Lublin") is its visit code, whatever the classifier
    weighed more — an order with a delivery address is how the code asks for someone to come. Cover
    talk with an address (an adult changing an order's address), an adult's express order (the
    discreet question, core.safety step 4) and a coded request for a friend stay as they are."""
    from core.signals import NO_PERSONA, generic_name, persona_of

    if persona == NO_PERSONA or not has_address or decision.intent not in ("help_request", "urgent"):
        return False
    return persona_of(decision.source) is not None and generic_name(decision.source) == decision.intent


#: The shortest number that is an order's reference ("pedido 48213"), not a house or flat number.
ORDER_NUMBER_DIGITS = 4
#: How many words may stand between the order word and its number ("order no. 55102", "zamówienia nr 61234").
ORDER_NUMBER_GAP = 2


def has_order_reference(folded: str, lang: Optional[str], order_words: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``folded`` names an existing order by its number: an order word of the message's
    language (every language's when unknown; ``order_reference`` in the cues file: "order",
    "pedido", "zamówienie") followed, at most ``ORDER_NUMBER_GAP`` words later, by a number of at
    least ``ORDER_NUMBER_DIGITS`` digits ("mi pedido #48213", "order no. 55102")."""
    tokens = _WORD.findall(folded)
    words = [w for lists in ([order_words[lang]] if lang in order_words else order_words.values()) for w in lists]
    for i, token in enumerate(tokens):
        if any(token.startswith(w) for w in words):
            after = tokens[i + 1:i + 2 + ORDER_NUMBER_GAP]
            if any(t.isdigit() and len(t) >= ORDER_NUMBER_DIGITS for t in after):
                return True
    return False


def is_existing_order(decision: Decision, persona: str, folded: str, lang: Optional[str],
                      order_words: Mapping[str, tuple[str, ...]], harm_cues: Mapping[str, Sequence[str]]) -> bool:
    """Inside a persona: its code read in a message about an existing order by its number, with no
    harm word ("cambien la dirección del pedido 55102 a calle Serrano 40", "mi pedido 48213 aún no
    ha llegado", "cancel order #30112") — a customer's order, answered in cover. A child using the
    code has no order number; a harm word ("skin", "burns") keeps the code. Also a cover reading
    that a rule turned into the code (the quiet code for "has not arrived yet")."""
    from core.safety import has_cue
    from core.signals import CODE_INTENTS, NO_PERSONA, generic_name, persona_of

    if persona == NO_PERSONA or persona_of(decision.source) != persona:
        return False
    coded = generic_name(decision.source) in CODE_INTENTS or decision.intent in CODE_INTENTS
    return coded and has_order_reference(folded, lang, order_words) and not has_cue(folded, lang, harm_cues)


def as_cover(decision: Decision, persona: str) -> Decision:
    """``decision`` turned into the persona's best-ranked cover intent (signal ``none``), or
    unchanged when its ranking holds none."""
    from core.signals import CODE_INTENTS, persona_of

    cover = next((r for r in decision.ranking if persona_of(r.source) == persona and r.intent not in CODE_INTENTS), None)
    if cover is None:
        return decision
    return dataclasses.replace(decision, intent=cover.intent, confidence=cover.confidence, source=cover.source,
                               signal="none", urgent=False)


#: The generic name of a shop persona's cover intent for a question about a product's make-up or use.
PRODUCT_INFO = "ask_product_info"


def as_product_question(decision: Decision, persona: str) -> Decision:
    """``decision`` turned into the persona's product-information intent (``<persona>__ask_product_info``, signal
    ``none``) when its ranking holds it, else its best-ranked cover intent (:func:`as_cover`): a shopper's question
    about a product's make-up ("czy krem rumiankowy jest wegański?") gets the shop's product answer, not whichever
    cover intent ranks next (feedback at .01, s33)."""
    from core.signals import generic_name, persona_of

    found = next((r for r in decision.ranking if persona_of(r.source) == persona
                  and generic_name(r.source) == PRODUCT_INFO), None)
    if found is None:
        return as_cover(decision, persona)
    return dataclasses.replace(decision, intent=found.intent, confidence=found.confidence, source=found.source,
                               signal="none", urgent=False)


def as_ordinary(decision: Decision, persona: str) -> Decision:
    """``decision`` turned into ordinary talk (signal ``none``, not urgent): inside a persona its best-ranked cover
    intent (:func:`as_cover`), else the best-ranked reading with no help signal, else ``out_of_scope``."""
    covered = as_cover(decision, persona) if persona != NO_PERSONA else decision
    if covered.signal == "none":
        return covered
    found = next((r for r in decision.ranking if signal_for_intent(r.intent)[0] == "none"
                  and r.intent not in CODE_INTENTS), None)
    intent, confidence, source = ((found.intent, found.confidence, found.source) if found is not None
                                  else ("out_of_scope", 0.0, "out_of_scope"))
    return dataclasses.replace(decision, intent=intent, confidence=confidence, source=source, signal="none",
                               urgent=False)


#: Words around a bare catalogue name that add nothing to it ("the Lantern Quest pls?").
_NAME_FILLERS = frozenset({"the", "a", "an", "pls", "plz", "please", "hi", "hey", "el", "la", "los", "las", "un", "una",
                           "porfa", "prosze", "poprosze"})


#: Words of asking for something for oneself or a brother or sister, with no moment, place, person or harm in
#: them: "i need the lantern quest" (the urgent code .56 drew 999), "lantern quest 4 me and my lil bro" (.72).
_REQUEST_WORDS = frozenset({"i", "need", "want", "can", "could", "get", "have", "give", "me", "for", "4", "and", "my",
                            "lil", "little", "bro", "brother", "sis", "sister", "do", "you", "u", "got", "id", "like",
                            "necesito", "quiero", "das", "dais", "para", "mi", "y", "hermano", "hermanito",
                            "hermana", "hermanita", "potrzebuje", "chce", "dla", "mnie", "mojego", "mojej", "brata",
                            "siostry", "braciszka", "siostrzyczki"})


def is_bare_name(folded: str, names: Sequence[str]) -> bool:
    """``folded`` is only one of ``names`` (a persona's catalogue, folded or not), filler words and words of
    asking for it (for oneself, a brother or a sister): "lantern quest?", "the lantern quest pls", "i need
    the lantern quest". No word of the moment, a place, another person or harm."""
    from core.text import words

    said = [w for w in words(folded) if w not in _NAME_FILLERS and w not in _REQUEST_WORDS]
    return bool(said) and any(said == _name_words(n) for n in names)


def _name_words(name: str) -> list[str]:
    """The words of a catalogue name without its filler words ("The Lantern Quest" → lantern, quest)."""
    from core.text import words

    return [w for w in words(name) if w not in _NAME_FILLERS]


#: The oldest a child who says they are pregnant is answered as asking for help (cues ``pregnant``).
YOUNG_PREGNANCY_AGE = 15


def is_young_pregnancy(text: str, folded: str, lang: Optional[str], pregnant: Mapping[str, Sequence[str]]) -> bool:
    """The writer says they are (or may be) pregnant and states their own age, 15 or under, in the same
    message: "mam 13 lat i jestem w ciąży, skóra na brzuchu piecze", "im 14 and pregnant, what cream is
    safe" (the shop's product answers). "im 14 and my mum is pregnant" is someone else."""
    found = find_age(text)
    return found is not None and found[2] <= YOUNG_PREGNANCY_AGE and has_cue(folded, lang, pregnant)


def as_young_pregnancy(decision: Decision, persona: str) -> Decision:
    """A young child's pregnancy as a help signal (``distress``: no word of it is taken as a disclosure
    of abuse): inside a persona the code's discreet question, in cover voice; in the plain bot the
    offer of a person."""
    return dataclasses.replace(decision, intent=CODED_HELP if persona != NO_PERSONA else "distress",
                               signal="distress", urgent=False)


def as_coded_help(decision: Decision) -> Decision:
    """The persona's urgent code read in a bare catalogue name ("lantern quest", urgent 0.67 → 999):
    no word says the moment, so it is the code's discreet confirmation (signal help_request, not
    urgent) — a child in danger now says so, and is then asked nothing first."""
    from core.safety import CODED_HELP

    signal, _ = signal_for_intent(CODED_HELP)
    return dataclasses.replace(decision, intent=CODED_HELP, signal=signal, urgent=False)


def as_visit_request(decision: Decision) -> Decision:
    """``decision`` turned into a visit request (intent and signal ``visit_request``, urgent)."""
    signal, urgent = signal_for_intent("visit_request")
    return dataclasses.replace(decision, intent="visit_request", signal=signal, urgent=urgent)


#: The help intents an age gap is read as, best first when the classifier ranks neither.
_GAP_INTENTS = ("abuse_disclosure", "online_exploitation")


def as_age_gap(decision: Decision, persona: str, own: bool) -> Decision:
    """A message made only of ages with a child and an adult ("hes 19 im 13", nlu/age.py age_gap): the
    child's own is a disclosure (abuse or online exploitation, as the classifier ranks them), someone
    else's a friend's story; never urgent — no word says the moment (read as imminent danger it drew
    "get somewhere safe: a room that locks"; in Spanish and Polish it was not understood at all).
    Inside a persona: the code's discreet question, in cover voice."""
    from core.safety import CODED_HELP

    if own:
        ranked = [r.intent for r in decision.ranking if r.intent in _GAP_INTENTS]
        signal = ranked[0] if ranked else _GAP_INTENTS[0]
    else:
        signal = "peer_help"
    intent = CODED_HELP if persona != NO_PERSONA else signal
    return dataclasses.replace(decision, intent=intent, signal=signal, urgent=False)


def is_figurative_threat(folded: str, lang: Optional[str], threat: Mapping[str, Sequence[str]],
                         mishap: Mapping[str, Sequence[str]], real: Mapping[str, Sequence[str]],
                         says_nothing_of_harm: Callable[[str], bool],
                         absurd: Optional[Mapping[str, Sequence[str]]] = None,
                         said: Optional[Mapping[str, Sequence[str]]] = None) -> bool:
    """A figurative threat over the child's own small mishap or chore (s32, issue 13; s35): a ``threat`` cue ("mum's
    gonna kill me", "mi madre me va a matar", "mama mnie zabije") and an ``own_mishap`` cue ("i lost my coat", "me he
    vuelto a olvidar la ropa de gimnasia", "jak nie posprzątam pokoju"), none of ``real`` (telling, a threat said, for
    real, a beating named: "she'll kill me if i tell anyone" is a threat for telling) and, once every threat cue is
    taken out, nothing of harm left (``says_nothing_of_harm``: no harm word, urgency, danger now, weapon, nothing done
    to the child). A threat no one carries out (``absurd``: "mi padre dice que me vende si suspendo") is only
    reported by the ``said`` words of ``real``: beside it alone they make nothing real. Cues start a folded word, the
    message's language (every language's when it is unknown)."""
    if not (has_cue(folded, lang, threat) and has_cue(folded, lang, mishap)):
        return False
    said = said or {}
    reporting = {lang_: [c for c in found if c not in said.get(lang_, ())] for lang_, found in real.items()}
    if has_cue(folded, lang, reporting):
        return False
    if has_cue(folded, lang, said) and has_cue(without_phrases(folded, lang, absurd) if absurd else folded, lang,
                                               threat):
        return False  # "mum said she'll kill me if i'm late": a threat said keeps the reading
    rest = f" {folded} "
    for found in cues_of(lang, threat):
        for cue in sorted(found, key=len, reverse=True):
            rest = re.sub(rf"(?<=\W){re.escape(cue)}\w*", " ", rest)
    return says_nothing_of_harm(" ".join(rest.split()))


def is_ordinary_worry(decision: Decision, folded: str, lang: Optional[str], event: Mapping[str, Sequence[str]],
                      deep: Mapping[str, Sequence[str]], says_nothing_of_harm: Callable[[str], bool],
                      when: Mapping[str, Sequence[str]] = {}) -> bool:
    """Ordinary nerves read as distress (s32, issue 13): a plain ``distress`` reading, not urgent, of a message that
    names an ordinary ``event`` (an exam, a recital, a match, a new school, a move, the dentist: "estoy muy nerviosa
    por empezar el instituto", "stresuję się przed egzaminem z pianina") with none of ``deep`` (not coping, nobody,
    every night, not sleeping, self-harm said, a parent, home or another person named) and nothing of harm
    (``says_nothing_of_harm``) once the event's day (``when``: "tomorrow", "el viernes", "w piątek" — a test's day
    is no plan's day, s35) is taken out. Cues start a folded word, the message's language."""
    from nlu.plain_talk import without_words

    if decision.signal != "distress" or decision.urgent or persona_of(decision.source) is not None:
        return False
    return (has_cue(folded, lang, event) and not has_cue(folded, lang, deep)
            and says_nothing_of_harm(without_words(folded, lang, when)))


def is_friends_ordinary_loss(decision: Decision, folded: str, lang: Optional[str], loss: Mapping[str, Sequence[str]],
                             helping: Mapping[str, Sequence[str]], harms_friend: Callable[[str, Optional[str]], bool],
                             fears_someone: Callable[[str, Optional[str]], bool],
                             says_nothing_of_harm: Callable[[str], bool]) -> bool:
    """A friend sad over an ordinary loss read as a friend's story (s32, issue 13): a plain ``peer_help`` reading, not
    urgent, of a message with an ordinary ``loss`` (parents splitting up, a pet or grandparent who died, a lost final,
    a failed exam: "mi amiga llora en clase porque sus padres se divorcian, como la ayudo"), nothing done to the friend
    by a person and no self-harm of hers (``harms_friend``), nobody at home feared (``fears_someone``) and nothing of
    harm (``says_nothing_of_harm``) once the words asking how to help her (``helping``: "jak jej pomóc") are taken
    out. "my friends parents are splitting up and her dad hits her" keeps its reading."""
    if decision.signal != "peer_help" or decision.urgent or persona_of(decision.source) is not None:
        return False
    return (has_cue(folded, lang, loss) and not harms_friend(folded, lang) and not fears_someone(folded, lang)
            and says_nothing_of_harm(without_phrases(folded, lang, helping)))


#: The help readings a family routine or a figurative threat may have drawn: never self-harm, bullying or exploitation.
ROUTINE_READINGS = frozenset({"abuse_disclosure", "imminent_danger", "peer_help", "distress"})


def is_family_routine(decision: Decision, folded: str, lang: Optional[str], routine: Mapping[str, Sequence[str]],
                      deep: Mapping[str, Sequence[str]], says_nothing_of_harm: Callable[[str], bool]) -> bool:
    """A parent's everyday routine read as a disclosure or danger (s32, issue 13): a plain reading of
    :data:`ROUTINE_READINGS` of a message with a ``routine`` cue (snoring, night shifts, the school run, weekends at
    the other parent's, singing, chores: "mi padre ronca tanto que lo oigo desde mi cuarto", "tata tak chrapie że
    słyszę go przez ścianę"), none of ``deep`` (left alone, no food, locked in, fear, drink, shouting, crying,
    someone in one's bed or room, a secret, the cold) and nothing of harm, urgency, danger now, nothing done to the
    child and nobody arriving (``says_nothing_of_harm``). Cues start a folded word, the message's language."""
    if decision.signal not in ROUTINE_READINGS or persona_of(decision.source) is not None:
        return False
    return has_cue(folded, lang, routine) and not has_cue(folded, lang, deep) and says_nothing_of_harm(folded)
