"""Urgency and the plain line read from too little: closed rules of session 31 (nlu/components/persona.py).

* :func:`is_weak_danger` — danger now (``imminent_danger``, the plain layer's) read weakly, by the arg-max or a
  near tie (core.safety.escalate), in a message whose only trouble is a fight in words or being put out later
  (:data:`VERBAL`), with no word of the moment, weapon, harm or violence word or self-harm cue: "odio mi vida, en
  mi casa todos me gritan" (.47 drew 112 and "get somewhere safe"), "my parents said theyll kick me out" (.27
  behind exploitation .36). :func:`is_past_danger` — danger now said of a time that is over ("he locked me out
  last night", .96). Either is the next help reading that is not urgent by itself (:func:`without_danger`).
* :func:`is_code_and_who` — a persona's code name said with who it is about and nothing else: "lantern quest.
  home level boss is my stepdad" (the urgent code .53 drew 999). As the bare name (nlu/quiet.py is_bare_name),
  the code's discreet question; a child in danger now says so.
* :func:`is_game_rage`, :func:`is_parent` — inside a persona, gamer slang beside a game ("i wanna kms this game
  is so bad") and a parent's question: the code's discreet question, not the plain counselor line.
"""
from __future__ import annotations

import dataclasses
from typing import Mapping, Optional, Sequence

from core.safety import Danger, Decision, Ranked, has_cue
from core.signals import HELP_SIGNALS, persona_of, signal_for_intent
from core.text import fold, words

#: The plain layer's danger-now intent.
DANGER_INTENT = "imminent_danger"
#: Below this (its share of the ranking) a danger-now reading is weak.
WEAK_DANGER = 0.5
#: The fallback reading when no other help reading is ranked: a disclosure.
FALLBACK = "abuse_disclosure"

#: Violence to people or things, beyond the harm words (start of a folded word): "tata krzyczy i rzuca rzeczami"
#: (danger now .49) keeps its emergency reply.
VIOLENCE = {
    "en": ["throwing things", "throwing stuff", "throws things", "throws stuff", "threw things", "threw stuff",
           "throwing a", "throws a", "threw a", "smash", "breaks", "breaking", "broke", "wreck", "punch", "kicks",
           "kicking the", "kicking my",
           "kicking me in", "kicked me in", "kicked the", "slam", "shov", "push", "grab", "chok", "strangl",
           "destroy", "rag", "going crazy", "gone crazy", "lost it", "losing it", "screaming", "scream"],
    "es": ["tira", "lanza", "rompe", "romp", "destroz", "golpea", "empuja", "patea", "agarr", "estrangul", "ahorc",
           "loco", "loca", "chilla"],
    "pl": ["rzuca", "tlucze", "niszcz", "demol", "wali", "kopie", "popych", "szarp", "dusi", "szaleje", "wsciek",
           "wrzeszcz"],
}

#: Words of a fight said in words, or of being put out of home later (start of a folded word): the only trouble
#: a weak danger-now reading may have ("todos me gritan", "wszyscy na mnie krzyczą", "theyll kick me out").
#: Without one the reading stands: the classifier hears danger the cue lists miss ("estoy metida en el armario").
VERBAL = {
    "en": ["shout", "yell", "kick me out", "kick me outta", "throw me out", "chuck me out", "insult", "call me names",
           "calls me names", "nag", "moan at me", "tell me off", "tells me off", "telling me off"],
    "es": ["grit", "insult", "regan", "me echan de casa", "me van a echar", "echarme de casa", "me echara",
           "me echaran",
           "me hechan", "me van a hechar", "bronca", "broncas"],
    "pl": ["krzycz", "dra sie", "drze sie", "wydziera", "wyzywa", "obraza", "wyrzuca mnie", "wyrzuci mnie",
           "wyrzuca mnie z domu", "wyrzuca z domu", "wyrzucic z domu", "wywali mnie", "opieprza", "ochrzania"],
}

#: Words that only say who the code is about ("home level boss is my stepdad", "its my dad", "es mi padrastro",
#: "to przez ojczyma"): articles, the code's "home level boss", linking words. No word of time, place or harm.
_WHO_WORDS = frozenset({
    "the", "a", "an", "my", "our", "is", "its", "it", "it's", "s", "who", "level", "lvl", "boss", "at",
    "pls", "plz", "please", "hi", "hey", "and", "about", "because", "of", "cause", "cuz", "coz", "for", "me", "i",
    "need",
    "want", "el", "la", "los", "las", "un", "una", "es", "mi", "por", "de", "porfa", "quiero", "necesito",
    "to", "przez", "moj", "moja", "mojego", "chodzi", "o", "prosze", "poprosze", "chce", "potrzebuje", "dla", "mnie",
})


def is_weak_danger(decision: Decision, folded: str, lang: Optional[str], danger: Danger,
                   harm: Mapping[str, Sequence[str]], others: Sequence[Mapping[str, Sequence[str]]] = ()) -> bool:
    """Whether ``decision`` is the plain layer's danger now read weakly (its own share of the ranking below
    :data:`WEAK_DANGER`) with no word of the moment or weapon (``danger``), no harm word (``harm``, :data:`VIOLENCE`)
    and no cue of ``others`` (self-harm said, its means or time, fear, nowhere to sleep) in ``folded``, whose
    only trouble is said in words (:data:`VERBAL`)."""
    if decision.intent != DANGER_INTENT or persona_of(decision.source) is not None:
        return False
    share = next((r.confidence for r in decision.ranking if r.intent == DANGER_INTENT), 0.0)
    if share >= WEAK_DANGER:
        return False
    now, weapon = danger.found(folded, lang)
    if now or weapon or any(has_cue(folded, lang, cues) for cues in (harm, VIOLENCE, *others)):
        return False
    return has_cue(folded, lang, VERBAL)


def without_danger(decision: Decision) -> Decision:
    """``decision`` read as its best help reading that is not urgent by itself, else a disclosure."""
    best = next((r for r in decision.ranking if signal_for_intent(r.intent)[0] in HELP_SIGNALS
                 and not signal_for_intent(r.intent)[1] and persona_of(r.source) is None),
                Ranked(FALLBACK, decision.confidence, FALLBACK))
    signal, urgent = signal_for_intent(best.intent)
    return dataclasses.replace(decision, intent=best.intent, confidence=best.confidence, source=best.source,
                               signal=signal, urgent=urgent)


def is_code_and_who(folded: str, names: Sequence[str], people: Mapping[str, Sequence[str]],
                    lang: Optional[str]) -> bool:
    """Whether ``folded`` is one of the catalogue ``names`` (its words, in order) and a person named by
    relation (``people``, e.g. "stepdad", "ojczym") with only :data:`_WHO_WORDS` beside them."""
    # "home level" is the code's; "home" alone says where someone is ("lantern quest my stepdad is home": urgent)
    said = " ".join(words(folded)).replace("home level", "level").replace("home lvl", "lvl").split()
    cues = people.get(lang, ()) if lang else [w for ws in people.values() for w in ws]
    relations = {fold(w) for w in cues if " " not in w}
    for name in names:
        name_words = [w for w in words(fold(name)) if w not in ("the", "a", "an", "el", "la")]
        if not name_words:
            continue
        n = len(name_words)
        at = next((i for i in range(len(said) - n + 1) if said[i:i + n] == name_words), None)
        if at is None:
            continue
        rest = said[:at] + said[at + n:]
        if any(w in relations for w in rest) and all(w in relations or w in _WHO_WORDS for w in rest):
            return True
    return False


#: A gamer's rage said as self-harm slang ("i wanna kms this game is so bad", "this lag makes me wanna kms").
_RAGE_SLANG = frozenset({"kms", "kmn", "kmsl", "unalive"})
#: Words of a game, beside the slang: the rage is about the game.
_GAME_WORDS = frozenset({"game", "games", "level", "lvl", "boss", "match", "ranked", "lag", "laggy", "teammates",
                         "team", "map", "server", "servers", "round", "noob", "noobs", "fps", "ping", "controller",
                         "respawn", "spawn", "lobby", "queue", "patch", "update", "nerf", "nerfed", "campaign",
                         "quest", "raid", "fortnite", "roblox", "minecraft", "valorant", "fifa", "cod"})


#: Words that say the slang is meant, not the game's rage ("i want to kms, nothing to do with the game", "kms irl").
_MEANT = ("nothing to do with", "not about the game", "not the game", "not cause of the game", "not because of",
          "irl", "in real life", "for real", "seriously", "not joking", "no joke", "not a joke", "not kidding")


def is_game_rage(folded: str) -> bool:
    """Whether ``folded`` says self-harm only in gamer slang (:data:`_RAGE_SLANG`) beside a word of a game, and
    nothing says it is meant (:data:`_MEANT`: "i want to kms, nothing to do with the game" keeps its reading)."""
    said = set(words(folded))
    padded = f" {' '.join(words(folded))} "
    return (bool(said & _RAGE_SLANG) and bool(said & _GAME_WORDS)
            and not any(f" {phrase} " in padded for phrase in _MEANT))


#: A parent saying so ("hi im a dad, my son plays roblox"): the plain friend line is no answer in a persona.
_PARENT_PHRASES = ("im a dad", "im a mum", "im a mom", "i am a dad", "i am a mum", "i am a mom", "as a parent",
                   "my son", "my daughter", "my kid", "my kids", "my child", "my children",
                   "soy padre", "soy madre", "mi hijo", "mi hija", "mis hijos", "jestem tata", "jestem mama",
                   "moj syn", "moja corka", "mojego syna", "mojej corki", "moje dzieci")


def is_parent(folded: str) -> bool:
    """Whether ``folded`` holds one of :data:`_PARENT_PHRASES` as whole words."""
    padded = f" {' '.join(words(folded))} "
    return any(f" {phrase} " in padded for phrase in _PARENT_PHRASES)


#: A time that is over (whole words, folded): danger now said of it is a past event ("he locked me out last night").
_PAST = {
    "en": ["last night", "yesterday", "last week", "last weekend", "the other day", "the other night", "last month"],
    "es": ["anoche", "ayer", "la semana pasada", "el otro dia", "la otra noche", "el finde pasado", "el mes pasado"],
    "pl": ["wczoraj", "przedwczoraj", "zeszlej nocy", "poprzedniej nocy", "w zeszlym tygodniu", "w zeszly weekend",
           "tydzien temu", "w zeszlym miesiacu"],
}
#: Words of now or of what is coming, which keep danger now: "last night he said he'll do it again tonight".
_NOT_OVER = {
    "en": ["now", "rn", "tonight", "today", "still", "will", "ll", "gonna", "going to", "about to", "again tonight",
           "soon", "back", "coming", "scared", "afraid", "would", "tomorrow", "next time", "since"],
    "es": ["ahora", "ya", "esta noche", "hoy", "todavia", "aun", "sigue", "va a", "van a", "vuelve", "viene",
           "miedo", "pronto", "manana", "la proxima", "desde"],
    "pl": ["teraz", "juz", "dzis", "dzisiaj", "wieczorem", "nadal", "wciaz", "dalej", "zaraz", "bedzie", "wraca",
           "idzie", "boje", "znowu dzis", "jutro", "nastepnym razem", "od"],
}


def _has_phrase(folded: str, lang: Optional[str], phrases: Mapping[str, Sequence[str]]) -> bool:
    """Whether a phrase of ``phrases`` (the message's language, every language's when unknown) stands as whole words."""
    padded = f" {' '.join(words(folded))} "
    found = [phrases[lang]] if lang in phrases else list(phrases.values())
    return any(f" {phrase} " in padded for group in found for phrase in group)


def is_past_danger(decision: Decision, folded: str, lang: Optional[str], danger: Danger) -> bool:
    """Whether ``decision`` is the plain layer's danger now said of a time that is over (:data:`_PAST`) with no word
    of the moment or weapon (``danger``) and no word of now or of what is coming (:data:`_NOT_OVER`)."""
    if decision.intent != DANGER_INTENT or persona_of(decision.source) is not None:
        return False
    if not _has_phrase(folded, lang, _PAST) or _has_phrase(folded, lang, _NOT_OVER):
        return False
    return not any(danger.found(folded, lang))


#: A business ordering stock (whole words, folded): "3 chamomile creams for my salon, delivery to 5 King Street".
BUSINESS = {
    "en": ["my salon", "our salon", "my beauty salon", "my spa", "our spa", "my clinic", "our clinic", "wholesale",
           "for my shop", "for our shop", "my customers", "my clients"],
    "es": ["mi salon", "nuestro salon", "mi peluqueria", "nuestra peluqueria", "mi centro de estetica", "al por mayor",
           "mis clientas", "mis clientes"],
    "pl": ["moj salon", "mojego salonu", "nasz salon", "naszego salonu", "hurtowo", "hurtowe", "hurtowa",
           "moich klientek", "moich klientow"],
}


def is_business_order(folded: str, lang: Optional[str]) -> bool:
    """Whether ``folded`` names a business ordering stock (:data:`BUSINESS`)."""
    return _has_phrase(folded, lang, BUSINESS)
