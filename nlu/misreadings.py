"""Words that make or take back a reading the classifier gets wrong (review s32, issue 13).

Each predicate reads one folded message with cue lists of ``nlu/safety/cues.yml`` (:class:`MisreadingCues`, loaded by
:func:`load_misreading_cues`); ``nlu/components/persona.py`` applies them after its other rules:

* :func:`is_dreamed_danger` — danger now read of a dream told ("i had a nightmare a man with a knife was in my
  room"): a dream about danger is no danger now, unless the message turns to the real moment after the dream ("i had
  a nightmare and now i hear him downstairs with a knife").
* :func:`is_harmed_while_watching` — ordinary talk read of harm done to the child while watching a film ("estaba
  viendo una peli y mi padre llegó borracho y me pegó"): the film is what the child was doing, not the story told.
* :func:`is_put_out_threat` — ordinary talk read of a threat to put the child out of home with nowhere to go ("my
  dad said hell kick me out tonight and i have nowhere to go").
* :func:`is_only_joke_hit` — a help reading whose only harm is a hit with jokes ("tata mnie bije... sucharami").
* :func:`is_parent_writing` — a friend's story read of a parent's question to the shop about their child.
* :func:`is_covering_talk` — someone arriving and "we were just talking about…": the persona's quiet code.
* :func:`declines_and_asks` — "no thanks, just wanted to know if this is free": a no to the offer.
* :func:`is_hit_by_someone` — ordinary talk read of a named person's blow to the child ("mi padre me pegó porque
  tiré el vaso"): a disclosure (the lead, s32).
* :func:`is_harmed_by_trusted_adult` — ordinary talk read of harm done to the child by a trusted adult of the child's
  activities ("my boxing coach touches me in the changing room after training", "trener z karate mnie bije po
  treningu"): the sport words pulled the reading away (s34).
* :func:`is_wish_to_join_the_dead` — ordinary talk read of a wish to be with a person who died ("my grandad died and
  im ok i guess but i want to be with him"): a self-harm risk (s34).
* :func:`is_marked_blow` — ordinary talk read of a blow naming nobody but what it was dealt with or the mark it left
  ("ayer me pegó con la zapatilla y tengo un moratón"): a disclosure (s35).
* :func:`is_only_illness` — a weak urgent self-harm reading of an illness told and nothing else ("siedzę w domu z
  katarem"): ordinary talk (s35).
* :func:`is_own_telling` — a friend's story read of the child's own telling that came to nothing ("i told my teacher
  and nothing happened"): the child's own (s33).
* :func:`is_threat_set_soon`, :func:`is_kept_in_for_days` — a disclosure read not urgent of a beating threatened for
  a near moment ("when i get home hes gonna beat me") or of the child kept in or left alone for days with nothing to
  eat ("me encerraron en el cuarto desde ayer sin comida"): danger now (s34).
* :func:`is_hiding_from_weapon` — in the plain bot, the child hiding or locked in from someone with a weapon, read
  as ordinary talk ("…with a baseball bat i locked myself in the car"): danger now (s34).
* :func:`is_someone_at_hand` — inside a persona, ordinary talk read of a short message that opens with someone at hand
  ("my mum is here, do u sell bath bombs?"): the quiet code (s34).
* :func:`is_blow_denied`, :func:`is_training_order` — a disclosure read of a blow said only under a denial ("my dad
  has never hit me", "mi padre nunca me ha pegado", "tata nigdy mnie nie uderzył") or of a trusted adult's training
  order ("the coach makes me run laps when im late", "trener każe nam biegać okrążenia"): ordinary talk (s35).
* :func:`is_blow_plea` — ordinary talk or a "no" read of a plea not to be hit ("please dont hurt me", "nie bij
  mnie"): a disclosure (s35).
* :func:`is_harm_told_beside_shop` — in a shop persona, the shop's talk read of a person's harm to the child told
  beside a shop question ("my stepdad is killing me, got any discount codes?"): a help reading in cover voice (s35).
* :func:`is_harsh_punishment`, :func:`is_grooming_told` — ordinary talk read of a harsh punishment done to the child
  by an adult, alone or after an ordinary lead-in ("dad made me kneel on rice for an hour because i got a B", "mama
  wykręciła mi rękę bo nie posprzątałam pokoju"): a disclosure; of someone met online who asks for secrecy and a
  meeting, gifts, pictures or claims an age ("…me ha pedido que no se lo cuente a nadie y que quedemos"): online
  exploitation (s36).
* :func:`is_meeting_set_soon` — online exploitation read not urgent of someone met online who sets a meeting in
  person for tonight or now ("a guy i met online wants me to come meet him tonight and not tell my mum"): danger now
  (s37).
* :func:`is_harm_returning` — ordinary talk read of harm from before that has come back ("i was bullied in primary and
  now its happening again", "znowu zaczął mnie bić jak kiedyś"): a disclosure (s37).
* :func:`is_own_code_item` — the shop's talk read of its code item claimed for the child's own skin ("necesito la
  crema de manzanilla para mi propia piel" in a long shopping message): the code (s34).

No rule reads a message with a harm word it does not explain; a false alarm costs a question, a miss costs a child.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from core.safety import Danger, Phrases, has_cue, has_word_cue, made_of
from core.text import fold, words

#: The classifier's danger-now intent (plain layer).
DANGER_INTENT = "imminent_danger"
#: A dream told opens the message: its cue starts within this many words.
DREAM_OPENS_WITHIN = 6
#: A joke word stands at most this many words after the hit it makes figurative ("bije mnie tymi sucharami").
JOKE_REACH = 3
#: A word that joins the watching to what happened stands at most this many words after it.
THEN_WITHIN = 4
#: The longest "no thanks, just wanted…" message read as a no.
MAX_DECLINE_WORDS = 16

Cues = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class MisreadingCues:
    """The folded cue lists (``{lang: [cue, ...]}``) of the rules of this module (names as in the cues file)."""

    dream_told: Cues = field(default_factory=dict)
    dream_ends: Cues = field(default_factory=dict)
    watching_when: Cues = field(default_factory=dict)
    watching_then: Cues = field(default_factory=dict)
    put_out_threat: Cues = field(default_factory=dict)
    nowhere_to_go: Cues = field(default_factory=dict)
    joke_hits: Cues = field(default_factory=dict)
    joke_weapons: Cues = field(default_factory=dict)
    parent_writing: Cues = field(default_factory=dict)
    covering_talk: Cues = field(default_factory=dict)
    decline_and_ask: Phrases = field(default_factory=Phrases)
    hit_by: Cues = field(default_factory=dict)
    not_a_blow: Cues = field(default_factory=dict)
    blow_in_play: Cues = field(default_factory=dict)
    blow_with: Cues = field(default_factory=dict)
    own_illness: Cues = field(default_factory=dict)
    told_someone: Cues = field(default_factory=dict)
    nothing_done: Cues = field(default_factory=dict)
    told_of_another: Cues = field(default_factory=dict)
    harm_to_named: Cues = field(default_factory=dict)
    harmed_named: Cues = field(default_factory=dict)
    harm_doers: Cues = field(default_factory=dict)
    harm_not_real: Cues = field(default_factory=dict)
    threat_to_me: Cues = field(default_factory=dict)
    threat_moment: Cues = field(default_factory=dict)
    threat_in_play: Cues = field(default_factory=dict)
    threat_told: Cues = field(default_factory=dict)
    threat_harm: Cues = field(default_factory=dict)
    threat_made: Cues = field(default_factory=dict)
    threat_peers: Cues = field(default_factory=dict)
    threat_laughing: Cues = field(default_factory=dict)
    hiding_now: Cues = field(default_factory=dict)
    kept_in: Cues = field(default_factory=dict)
    left_alone: Cues = field(default_factory=dict)
    alone_now: Cues = field(default_factory=dict)
    kept_since: Cues = field(default_factory=dict)
    kept_without: Cues = field(default_factory=dict)
    left_often: Cues = field(default_factory=dict)
    left_span: Cues = field(default_factory=dict)
    left_in_car: Cues = field(default_factory=dict)
    car_hours: Cues = field(default_factory=dict)
    threat_beating: Cues = field(default_factory=dict)
    not_a_beating: Cues = field(default_factory=dict)
    went_without: Cues = field(default_factory=dict)
    for_long: Cues = field(default_factory=dict)
    stress_cause: Cues = field(default_factory=dict)
    parents_shouting: Cues = field(default_factory=dict)
    all_night: Cues = field(default_factory=dict)
    shout_cheer: Cues = field(default_factory=dict)
    own_claim: Cues = field(default_factory=dict)
    greets_someone: Cues = field(default_factory=dict)
    at_hand: Cues = field(default_factory=dict)
    asks_for_them: Cues = field(default_factory=dict)
    parent_intro: Cues = field(default_factory=dict)
    trusted_adults: Cues = field(default_factory=dict)
    adult_acts: Cues = field(default_factory=dict)
    adult_touch: Cues = field(default_factory=dict)
    touch_private: Cues = field(default_factory=dict)
    adult_act_denied: Cues = field(default_factory=dict)
    adult_act_in_play: Cues = field(default_factory=dict)
    adult_act_no_harm: Cues = field(default_factory=dict)
    adult_pictures: Cues = field(default_factory=dict)
    died: Cues = field(default_factory=dict)
    join_the_dead: Cues = field(default_factory=dict)
    denied_blows: Cues = field(default_factory=dict)
    denial_limits: Cues = field(default_factory=dict)
    denial_fine: Cues = field(default_factory=dict)
    denial_only: Cues = field(default_factory=dict)
    beside_denial: Cues = field(default_factory=dict)
    training_orders: Cues = field(default_factory=dict)
    training_deep: Cues = field(default_factory=dict)
    blow_plea: Cues = field(default_factory=dict)
    shop_harm_to_me: Cues = field(default_factory=dict)
    shop_harm_between: Cues = field(default_factory=dict)
    shop_harm_taken_back: Cues = field(default_factory=dict)
    punished_harshly: Cues = field(default_factory=dict)
    punishers: Cues = field(default_factory=dict)
    punishment_said: Cues = field(default_factory=dict)
    punishment_not: Cues = field(default_factory=dict)
    online_met: Cues = field(default_factory=dict)
    groom_secret: Cues = field(default_factory=dict)
    groom_meet: Cues = field(default_factory=dict)
    groom_in_game: Cues = field(default_factory=dict)
    groom_gifts: Cues = field(default_factory=dict)
    groom_photos: Cues = field(default_factory=dict)
    groom_age: Cues = field(default_factory=dict)
    groom_known: Cues = field(default_factory=dict)
    meet_in_person: Cues = field(default_factory=dict)
    meet_soon: Cues = field(default_factory=dict)
    harm_again: Cues = field(default_factory=dict)
    harm_before: Cues = field(default_factory=dict)
    harm_returning: Cues = field(default_factory=dict)
    harm_recurring: Cues = field(default_factory=dict)


def load_misreading_cues(path: Path) -> MisreadingCues:
    """The cue lists of this module from the cues file at ``path`` (folded)."""
    from nlu.cues import folded, load_cues

    cues = load_cues(path)
    lists = {name: folded(getattr(cues, name)) for name in (
        "dream_told", "dream_ends", "watching_when", "watching_then", "put_out_threat", "nowhere_to_go", "joke_hits", "joke_weapons",
        "parent_writing", "covering_talk", "hit_by", "not_a_blow", "blow_with", "own_illness",
        "blow_in_play", "told_someone", "nothing_done", "told_of_another", "harm_to_named", "harmed_named", "harm_doers",
        "harm_not_real", "threat_to_me", "threat_moment", "threat_in_play", "threat_told",
        "threat_harm", "threat_made", "threat_peers", "threat_laughing",
        "hiding_now", "kept_in", "left_alone",
        "alone_now", "kept_since", "kept_without", "left_often", "left_span", "left_in_car", "car_hours",
        "threat_beating", "not_a_beating", "went_without", "for_long", "stress_cause", "parents_shouting", "all_night",
        "shout_cheer",
        "own_claim", "greets_someone", "at_hand", "asks_for_them", "parent_intro",
        "trusted_adults", "adult_acts", "adult_touch", "touch_private", "adult_act_denied", "adult_act_in_play",
        "adult_act_no_harm", "adult_pictures", "died", "join_the_dead", "denied_blows", "denial_limits", "denial_fine",
        "denial_only", "beside_denial", "training_orders", "training_deep", "blow_plea", "shop_harm_to_me",
        "shop_harm_between", "shop_harm_taken_back", "punished_harshly", "punishers", "punishment_said", "punishment_not", "online_met", "groom_secret", "groom_meet", "groom_in_game", "groom_gifts", "groom_photos", "groom_age", "groom_known",
        "meet_in_person", "meet_soon", "harm_again", "harm_before", "harm_returning", "harm_recurring")}
    asked = cues.decline_and_ask
    phrases = Phrases({lang: tuple(sorted({fold(c) for c in p.cues})) for lang, p in asked.items()},
                      {lang: frozenset(fold(w) for w in p.fillers) for lang, p in asked.items()})
    return MisreadingCues(**lists, decline_and_ask=phrases)


def _langs(lang: Optional[str], cues: Cues) -> list[Sequence[str]]:
    return [cues[lang]] if lang in cues else list(cues.values())


def _spans(tokens: Sequence[str], lang: Optional[str], cues: Cues) -> list[tuple[int, int]]:
    """Where a cue of ``cues`` stands as whole words in ``tokens``: (start, end) word spans."""
    found = []
    for listed in _langs(lang, cues):
        for cue in listed:
            said = words(cue)
            found += [(i, i + len(said)) for i in range(len(tokens) - len(said) + 1)
                      if said and list(tokens[i:i + len(said)]) == said]
    return found


def is_dreamed_danger(intent: str, plain: bool, folded: str, lang: Optional[str], cues: MisreadingCues,
                      danger: Danger, not_framing: Cues) -> bool:
    """Whether danger now (``intent`` of the plain layer) is read of a dream told: a ``dream_told`` cue (whole words)
    opens the message (within :data:`DREAM_OPENS_WITHIN` words) outside an insistence (``not_framing``: "not a
    dream"), and after it no ``dream_ends`` cue (now, woken up, hearing someone) and no cue of danger now."""
    if intent != DANGER_INTENT or not plain:
        return False
    tokens = words(folded)
    unsaid = {i for start, end in _spans(tokens, lang, not_framing) for i in range(start, end)}
    dreams = [(start, end) for start, end in _spans(tokens, lang, cues.dream_told)
              if start < DREAM_OPENS_WITHIN and not unsaid.issuperset(range(start, end))]
    if not dreams:
        return False
    told = min(end for _, end in dreams)
    after = " ".join(tokens[told:])
    if _spans(tokens[told:], lang, cues.dream_ends):
        return False
    return not danger.found(after, lang)[0]


def is_harmed_while_watching(folded: str, lang: Optional[str], cues: MisreadingCues,
                             done_to_me: Cues) -> bool:
    """Whether harm done to the child (``done_to_me``, start of a word) is said after a ``watching_when`` cue (whole
    words) in the same sentence, a ``watching_then`` word ("and", "y", "i", "when") at most :data:`THEN_WITHIN` words
    after the cue: "estaba viendo una peli y mi padre llegó borracho y me pegó". A new sentence after the watching
    ("oglądaliśmy film. dziewczyna tam mówi…") tells the film."""
    for sentence in re.split(r"[.!?;]+", folded):
        tokens = words(sentence)
        for _, end in _spans(tokens, lang, cues.watching_when):
            joined = [end + start for start, _ in _spans(tokens[end:end + THEN_WITHIN], lang, cues.watching_then)]
            if joined and has_cue(" ".join(tokens[min(joined) + 1:]), lang, done_to_me):
                return True
    return False


def is_put_out_threat(folded: str, lang: Optional[str], cues: MisreadingCues, sleeping_rough: Cues) -> bool:
    """Whether being put out of home is threatened (``put_out_threat``) with nowhere to go (``nowhere_to_go`` or
    ``sleeping_rough``), start of a folded word."""
    return has_cue(folded, lang, cues.put_out_threat) and (
        has_cue(folded, lang, cues.nowhere_to_go) or has_word_cue(folded, lang, sleeping_rough))


def without_joke_hits(folded: str, lang: Optional[str], cues: MisreadingCues) -> str:
    """``folded`` (as words) with every hit with jokes taken out: a ``joke_hits`` word (start of a word) and the
    words after it up to a ``joke_weapons`` cue at most :data:`JOKE_REACH` words further ("bije mnie tymi
    sucharami", "kills me with his dad jokes")."""
    tokens = words(folded)
    hits = tuple(c for listed in _langs(lang, cues.joke_hits) for c in listed)
    weapons = _spans(tokens, lang, cues.joke_weapons)
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        if not token.startswith(hits):
            continue
        found = next((end for start, end in sorted(weapons) if i < start <= i + JOKE_REACH + 1), None)
        if found is not None:
            drop |= set(range(i, found))
    return " ".join(t for i, t in enumerate(tokens) if i not in drop)


def is_only_joke_hit(folded: str, lang: Optional[str], cues: MisreadingCues, harmless: Callable[[str], bool]) -> bool:
    """Whether ``folded`` holds a hit with jokes and, once those are taken out (:func:`without_joke_hits`), nothing
    of harm (``harmless``: every harm list of the caller)."""
    rest = without_joke_hits(folded, lang, cues)
    return rest != " ".join(words(folded)) and harmless(rest)


def is_parent_writing(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether a parent writes about their child (``parent_writing``: "piszę w sprawie córki", "my son is 13")."""
    return has_cue(folded, lang, cues.parent_writing)


def is_covering_talk(folded: str, lang: Optional[str], cues: MisreadingCues, arriving: Cues) -> bool:
    """Whether someone is arriving or present (``arriving``) and the child says "we were just talking about…"
    (``covering_talk``)."""
    return has_cue(folded, lang, cues.covering_talk) and has_cue(folded, lang, arriving)


def declines_and_asks(folded: str, lang: Optional[str], cues: MisreadingCues, catalogue: Sequence[str]) -> bool:
    """Whether ``folded`` is a polite no and an ordinary question, made only of ``decline_and_ask`` words and the
    persona's ``catalogue`` names (at most :data:`MAX_DECLINE_WORDS` words)."""
    names = {w for name in catalogue for w in words(fold(name))}
    rest = " ".join(w for w in words(folded) if w not in names)
    return made_of(rest, lang, cues.decline_and_ask, MAX_DECLINE_WORDS)



def is_hit_by_someone(folded: str, lang: Optional[str], cues: MisreadingCues, someone: Cues) -> bool:
    """Whether a person of the child's life (``someone``, whole word) is named right before a blow done to the child
    (``hit_by``, whole words: "mi padre me pegó", "mi madre me ha pegado"), and no ``not_a_blow`` words follow it
    ("me pegó un susto", "la gripe"), and no ``blow_in_play`` words anywhere ("mi hermano me pegó jugando al fútbol",
    "sin querer")."""
    tokens = words(folded)
    if _spans(tokens, lang, cues.blow_in_play):
        return False
    people = {w for listed in _langs(lang, someone) for cue in listed for w in words(cue)[-1:]}
    for start, end in _spans(tokens, lang, cues.hit_by):
        if start == 0 or tokens[start - 1] not in people:
            continue
        after = tokens[end:end + 4]
        if any(s == 0 for s, _ in _spans(after, lang, cues.not_a_blow)):
            continue
        return True
    return False


def is_marked_blow(folded: str, lang: Optional[str], cues: MisreadingCues, marks: Cues) -> bool:
    """Whether a blow done to the child (``hit_by``, whole words) names no one but says what it was dealt with
    (``blow_with``: "con la zapatilla") or left a mark (``marks``: "tengo un moratón"), with no ``not_a_blow`` words
    right after it ("me pego con la esquina de la mesa") and no ``blow_in_play`` words anywhere ("un balonazo"): "bueno
    en serio, ayer me pegó con la zapatilla y tengo un moratón" (s35; the one who hit may be in the turn before)."""
    tokens = words(folded)
    if _spans(tokens, lang, cues.blow_in_play):
        return False
    for _, end in _spans(tokens, lang, cues.hit_by):
        if any(s == 0 for s, _ in _spans(tokens[end:end + 4], lang, cues.not_a_blow)):
            continue
        if any(s == 0 for s, _ in _spans(tokens[end:end + 4], lang, cues.blow_with)) or has_cue(folded, lang, marks):
            return True
    return False


def is_only_illness(folded: str, lang: Optional[str], cues: MisreadingCues, no_harm: Callable[[str], bool]) -> bool:
    """Whether ``folded`` tells an illness the child has (``own_illness``: "siedzę w domu z katarem", "estoy en casa con
    fiebre", "im off school with a cold") and nothing of harm, self-harm or danger (the caller's ``no_harm``, on the
    message with the illness words blanked): what a weak urgent self-harm reading took for despair (s35)."""
    from core.safety import without_phrases

    return has_cue(folded, lang, cues.own_illness) and no_harm(without_phrases(folded, lang, cues.own_illness))


def is_own_telling(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether the child says they told an adult (``told_someone``) and it came to nothing (``nothing_done``), with no
    one else the story may be about (``told_of_another``: a friend, her, him): "i told my teacher and nothing
    happened", "se lo dije a mi profe y no hizo nada", "powiedziałam nauczycielce i nic się nie zmieniło"; not "i told
    my teacher about my friend and nothing happened"."""
    return (has_cue(folded, lang, cues.told_someone) and has_cue(folded, lang, cues.nothing_done)
            and not has_word_cue(folded, lang, cues.told_of_another))


#: A person harmed stands at most this many words after a ``harm_to_named`` verb ("pega a mi hermano pequeño").
HARMED_WITHIN = 3
#: Words after a blow that make it no blow ("le pega fuerte el sol", "hit her head") are read this far after it.
NOT_A_BLOW_WITHIN = 4
#: The child as the one who does it, right before the blow ("i beat him", "yo le pego"): no harm told of another.
SELF = frozenset({"i", "yo", "ja", "ive", "im"})
#: Stems of ``done_to_friend`` cues that are no blow by a person at home (bullying: "le hacen bullying" in a
#: parent's question to the shop; fear of going home is read by its own rules).
NOT_BLOWS = ("bull", "acos", "gneb", "przesladuj", "home", "casa", "domu")


def _counts(tokens: Sequence[str], end: int, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether no ``not_a_blow`` words stand within :data:`NOT_A_BLOW_WITHIN` words after a blow ending at ``end``."""
    return not _spans(list(tokens[end:end + NOT_A_BLOW_WITHIN]), lang, cues.not_a_blow)


def is_harm_told_of(folded: str, lang: Optional[str], cues: MisreadingCues, someone: Cues, done_to_friend: Cues,
                    framed: Callable[[str], bool]) -> bool:
    """Whether a person of the child's life (``someone`` or ``harm_doers``, whole words: "su novio", "jej chłopak",
    "her bf", "tata") is named in a message that tells a blow done by a person to another: a ``done_to_friend`` cue
    ("le pega", "ją bije", "hits her"; whole words, not bullying nor fear of home: :data:`NOT_BLOWS`) or a
    ``harm_to_named`` verb with a person of the child's life within :data:`HARMED_WITHIN` words after it (``someone``
    or ``harmed_named``: "mi padre pega a mi hermano", "tata bije brata"; not "bije rekord", "pega al balón"). Not
    when the child does it ("i beat him": :data:`SELF` right before), no blow follows (``not_a_blow`` within
    :data:`NOT_A_BLOW_WITHIN` words: "le pega fuerte el sol", "hit her head", "beat him at chess"), play, sport or a
    game is said (``blow_in_play``, ``harm_not_real``, whole words) or a story, film or joke frames it (``framed``:
    "en la peli el novio le pega"): harm at home told beside a shop request ("crema de manzanilla para mi madre por
    su cumple, su novio le pega", s33, code-harm-s33)."""
    tokens = words(folded)
    if (_spans(tokens, lang, cues.blow_in_play) or _spans(tokens, lang, cues.harm_not_real) or framed(folded)
            or not (has_word_cue(folded, lang, someone) or has_word_cue(folded, lang, cues.harm_doers))):
        return False
    told = {lang_: [c for c in found if not any(stem in c for stem in NOT_BLOWS)]
            for lang_, found in done_to_friend.items()}
    people = [cue for listed in _langs(lang, someone) + _langs(lang, cues.harmed_named) for cue in listed]
    named = [(start, end) for start, end in _spans(tokens, lang, cues.harm_to_named)
             if _spans(list(tokens[end:end + HARMED_WITHIN]), None, {"": people})]
    return any((start == 0 or tokens[start - 1] not in SELF) and _counts(tokens, end, lang, cues)
               for start, end in _spans(tokens, lang, told) + named)


def is_threat_set_soon(folded: str, lang: Optional[str], cues: MisreadingCues, past: Cues, figurative: Cues,
                       mishap: Cues) -> bool:
    """Whether a beating or worse is threatened to the child (``threat_to_me``, ``threat_made``: "hes gonna beat me",
    "me va a dar una paliza", "dostanę lanie", "me amenazó con matarme"; a future, never a habit "he beats me") for a
    near moment set (``threat_moment``: "when i get home", "al salir del cole", "jak wróci z roboty", "tonight",
    "in my sleep"), and nothing says it is long past (``past``:
    "when i was little"), nor a game or a joke (``threat_in_play``: "at fifa", whole words; coming home from training
    is a moment). Over the child's own small mishap (``mishap``: "i lost my coat") a ``figurative`` threat
    ("mum's gonna kill me", "me mata") is none: only a beating named counts. Start of a folded word, the message's
    language (every language's when unknown)."""
    tokens = words(folded)
    if (not has_cue(folded, lang, cues.threat_moment) or has_cue(folded, lang, past)
            or _spans(tokens, lang, cues.threat_in_play)):
        return False  # "hes gonna batter me at fifa tonight": a game
    threats: Cues = {lang_: [*found, *cues.threat_made.get(lang_, ())] for lang_, found in cues.threat_to_me.items()}
    if has_cue(folded, lang, mishap):
        said = [f for found in figurative.values() for f in found]
        threats = {lang_: [c for c in found if not any(f in c or c in f for f in said)]
                   for lang_, found in threats.items()}
    return has_cue(folded, lang, threats)


def is_beating_threatened(folded: str, lang: Optional[str], cues: MisreadingCues, someone: Cues) -> bool:
    """Whether a threat to the child (``threat_to_me``, ``threat_made``) names a beating (``threat_beating``: "will
    beat me", "me va a pegar", "mnie zbije"; never "kill me", which over a chore or a mark is figurative) by a person
    of the child's life (``someone`` or ``harm_doers``, whole words), none a friend, classmate or sibling
    (``threat_peers``) and no contest or contact (``not_a_beating``: "beat me at", "hit me up"): literal, even over
    a mishap ("if i fail my dad will beat me", s35, misses-s35b). Start of a folded word."""
    tokens = words(folded)
    threats: Cues = {lang_: [c for c in [*found, *cues.threat_made.get(lang_, ())]
                             if has_cue(c, lang_, cues.threat_beating)]
                     for lang_, found in cues.threat_to_me.items()}
    return (has_cue(folded, lang, threats) and not has_cue(folded, lang, cues.not_a_beating)
            and (bool(_spans(tokens, lang, someone)) or bool(_spans(tokens, lang, cues.harm_doers)))
            and not _spans(tokens, lang, cues.threat_peers))


def is_threat_told(folded: str, lang: Optional[str], cues: MisreadingCues, mishap: Cues,
                   someone: Cues = {}) -> bool:
    """Whether a threat to kill or beat the child (``threat_to_me``, ``threat_made``: "he will kill me", "me amenazó
    con matarme") is told as real (s35, threats-s35): with a harm named (``threat_harm``: a weapon, a beating, an
    earlier harm, "last time") or, not over the child's own mishap or chore (``mishap``: "siostra powiedziała że mnie
    zabije jak zobaczy że wzięłam jej bluzę" is a joke), a threat for telling, said, threatened or meant
    (``threat_told``: "he will kill me if i tell anyone", "my dad said he will kill me tonight") that is no friend's,
    classmate's or sibling's (``threat_peers``, whole words: "my brother said hed kill me if i told mum") and not
    laughed off (``threat_laughing``, whole words: "mi padre dice que me va a matar si pierdo las llaves jajaja"), or a
    beating threatened by a person of the child's life (``someone``: :func:`is_beating_threatened`, s35). Never a
    game, a sport or a joke (``threat_in_play``, whole words). Start of a folded word, the message's language (every
    language's when unknown)."""
    if not (has_cue(folded, lang, cues.threat_to_me) or has_cue(folded, lang, cues.threat_made)):
        return False
    tokens = words(folded)
    if _spans(tokens, lang, cues.threat_in_play):
        return False
    return has_cue(folded, lang, cues.threat_harm) or is_beating_threatened(folded, lang, cues, someone) or (
        has_cue(folded, lang, cues.threat_told) and not has_cue(folded, lang, mishap)
        and not _spans(tokens, lang, cues.threat_peers) and not _spans(tokens, lang, cues.threat_laughing))


def is_kept_in_for_days(folded: str, lang: Optional[str], cues: MisreadingCues, past: Cues,
                        told: bool = False) -> bool:
    """Whether the child is locked in (``kept_in``: "me encerraron", "zamknęła mnie") or left and alone
    (``left_alone`` with ``alone_now``: "mum hasnt come home… im alone") for a day or more (``kept_since``: "desde
    ayer", "od wczoraj", "for 2 days") with nothing to eat or in the cold (``kept_without``), and nothing says it is
    long past (``past``). A parent not back and no food, the child not said to be alone, is left to the classifier.
    ``told`` (s35, misses-s35b): also neglect told that need not be going on — parents who go off and leave the
    children alone (``left_often``) for a weekend or days (``left_span``) with nothing to eat, or the child left in a
    car (``left_in_car``) for hours (``car_hours``; minutes are none). Start of a folded word."""
    if has_cue(folded, lang, past):
        return False
    kept = has_cue(folded, lang, cues.kept_in) or (
        has_cue(folded, lang, cues.left_alone) and has_cue(folded, lang, cues.alone_now))
    if kept and has_cue(folded, lang, cues.kept_since) and has_cue(folded, lang, cues.kept_without):
        return True
    if not told:
        return False
    left = kept or (has_cue(folded, lang, cues.left_often) and has_cue(folded, lang, cues.alone_now))
    span = has_cue(folded, lang, cues.kept_since) or has_cue(folded, lang, cues.left_span)
    return ((left and span and has_cue(folded, lang, cues.kept_without))
            or (has_cue(folded, lang, cues.left_in_car) and has_cue(folded, lang, cues.car_hours)))


def is_worn_down_by_stress(folded: str, lang: Optional[str], cues: MisreadingCues, someone: Cues) -> bool:
    """Whether the child tells not eating or not sleeping (``went_without``: "havent eaten", "sin dormir", "nie
    śpię") for days or weeks (``for_long``: "in days", "llevo semanas", "od tygodnia") over stress or exams
    (``stress_cause``), or a parent (``someone``, whole words) shouting or fighting (``parents_shouting``) all night
    or every night (``all_night``), not at a match, the telly or a party (``shout_cheer``): distress, not ordinary
    talk (s35, misses-s35b). One bad night before an exam, one argument over dinner stay ordinary. Start of a folded
    word."""
    worn = (has_cue(folded, lang, cues.went_without) and has_cue(folded, lang, cues.for_long)
            and has_cue(folded, lang, cues.stress_cause))
    shouting = (has_word_cue(folded, lang, someone) and has_cue(folded, lang, cues.parents_shouting)
                and has_cue(folded, lang, cues.all_night) and not has_cue(folded, lang, cues.shout_cheer))
    return worn or shouting


#: The words that may follow a claim ending in "mi" ("es para mi, no para regalo", "es para mi, tengo la piel mal"):
#: "mi" before any other word is "my" ("es para mi bebe").
AFTER_PARA_MI = frozenset({"no", "y", "porque", "pq", "xq", "que", "q", "tengo", "mi", "la", "es", "por", "ya", "pero",
                           "gracias", "porfa", "porfavor"})
#: A claim of the code item for the child's own skin starts at most this many words after the item's first word.
OWN_CLAIM_WITHIN = 8


def is_own_code_item(folded: str, lang: Optional[str], cues: MisreadingCues, code_item: Cues, product_use: Cues) -> bool:
    """Whether the shop's code item (``code_item``, start of a word: "crema de manzanilla", "rumiankow") is claimed
    for the child's own skin (``own_claim``, whole words, starting within :data:`OWN_CLAIM_WITHIN` words after the
    item: "para mi propia piel", "dla siebie", "es para mi", "ive had"), with no shopper's question about its make-up
    or use (``product_use``: "does the chamomile cream have palm oil, its for me")."""
    if has_cue(folded, lang, product_use):
        return False
    tokens = words(folded)
    items = [i for listed in _langs(lang, code_item) for cue in listed for i in range(len(tokens))
             if " ".join(tokens[i:]).startswith(" ".join(words(cue)))]
    # "es para mi bebe", "para mi sobrino": "mi" before a noun is "my", not "me"
    claims = [start for start, end in _spans(tokens, lang, cues.own_claim)
              if tokens[end - 1] != "mi" or end == len(tokens) or tokens[end] in AFTER_PARA_MI]
    return any(i < start <= i + OWN_CLAIM_WITHIN for i in items for start in claims)


#: Someone at hand is said within this many first words of the message.
AT_HAND_OPENS_WITHIN = 5
#: The longest message read as covering for someone at hand.
MAX_AT_HAND_WORDS = 14


def is_someone_at_hand(folded: str, lang: Optional[str], cues: MisreadingCues, someone: Cues) -> bool:
    """Whether a short message (at most :data:`MAX_AT_HAND_WORDS` words) opens (its first
    :data:`AT_HAND_OPENS_WITHIN` words) with someone of the family (``someone``, whole word) at hand (``at_hand``,
    start of a word: "my mum is here", "mama jest obok"; not coming, back or busy: "my mum is watching tv") or greeted (``greets_someone``: "oh hi mum"), and that person
    is not the shopper (``asks_for_them``: "she wants to know", "for her")."""
    tokens = words(folded)
    if has_cue(folded, lang, cues.asks_for_them) or has_cue(folded, lang, cues.parent_intro):
        return False
    if len(tokens) > MAX_AT_HAND_WORDS:
        return is_parent_greeted(folded, lang, cues)
    head = " ".join(tokens[:AT_HAND_OPENS_WITHIN])
    return has_cue(head, lang, cues.greets_someone) or (
        has_word_cue(head, lang, someone) and has_cue(head, lang, cues.at_hand))


#: A long message covers for a parent only when it opens with the greeting (its first words).
GREETING_OPENS_WITHIN = 3


def is_parent_greeted(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether a message of any length opens (its first :data:`GREETING_OPENS_WITHIN` words) with a parent greeted
    (``greets_someone``: "oh hey dad, no i already finished my homework, so anyway whats the best fishing rod…", "o
    cześć mamo — to ten balsam do ust"), the parent not introducing themself (``parent_intro``: "hi, mum of two here")
    nor writing about their child (``parent_writing``), and the greeted one not the shopper (``asks_for_them``): the
    child covers for a parent who just came in (s36)."""
    head = " ".join(words(folded)[:GREETING_OPENS_WITHIN])
    return (has_cue(head, lang, cues.greets_someone) and not has_cue(folded, lang, cues.parent_intro)
            and not is_parent_writing(folded, lang, cues) and not has_cue(folded, lang, cues.asks_for_them))


def is_hiding_from_weapon(folded: str, lang: Optional[str], cues: MisreadingCues, danger: Danger) -> bool:
    """Whether the child is hiding or locked in (``hiding_now``: "i locked myself in the car", "estoy escondida",
    "chowam się") and a weapon is named (``danger.weapons``), outside a film or game told (``danger.fiction``)."""
    return (has_cue(folded, lang, cues.hiding_now) and has_cue(folded, lang, danger.weapons)
            and not danger.tells_fiction(folded, lang))
#: A trusted adult stands at most this many words before the act done to the child ("my boxing coach touches me",
#: "trener z karate mnie bije").
ADULT_BEFORE_ACT = 4
#: Play words after an act ("hit me with the ball by accident") are read this far after it.
IN_PLAY_WITHIN = 5


def is_harmed_by_trusted_adult(folded: str, lang: Optional[str], cues: MisreadingCues, done_to_me: Cues) -> bool:
    """Whether a trusted adult of the child's activities (``trusted_adults``, whole words: coach, tutor, priest,
    entrenador, trener, ksiądz) stands at most :data:`ADULT_BEFORE_ACT` words before an act done to the child
    (``done_to_me`` or ``adult_acts``, whole words: "touches me", "makes me undress", "mnie bije", "me pega"; or
    ``adult_touch`` — "me toca", also "it's my turn" — only with a ``touch_private`` word: alone, a secret, the body),
    with no denial between them (``adult_act_denied``: "never", "no", "nie") and no play within
    :data:`IN_PLAY_WITHIN` words after the act (``adult_act_in_play``: "hit me with the ball by accident") nor right
    after it (``adult_act_no_harm``: "kicked me out of class", "locked me out of the chat"). Not "the
    coach makes me run laps", "my coach hit the ball", "trener kazał mi biegać", "me toca a mí" (s34)."""
    tokens = words(folded)
    adults = _spans(tokens, lang, cues.trusted_adults)
    if not adults:
        return False
    acts = _spans(tokens, lang, done_to_me) + _spans(tokens, lang, cues.adult_acts)
    if _spans(tokens, lang, cues.touch_private):
        acts += _spans(tokens, lang, cues.adult_touch)
    for start, end in acts:
        after = list(tokens[end:end + IN_PLAY_WITHIN])
        if _spans(after, lang, cues.adult_act_in_play) or any(s == 0 for s, _ in _spans(after, lang,
                                                                                          cues.adult_act_no_harm)):
            continue
        for _, adult_end in adults:
            between = list(tokens[adult_end:start])
            if adult_end <= start and len(between) <= ADULT_BEFORE_ACT and not _spans(between, lang,
                                                                                      cues.adult_act_denied):
                return True
    return False


def is_about_pictures(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether the message speaks of pictures or messages (``adult_pictures``, whole words): online exploitation."""
    return bool(_spans(words(folded), lang, cues.adult_pictures))


def is_wish_to_join_the_dead(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether a person who died is told of (``died``, whole words) and the child wishes to be with them
    (``join_the_dead``, whole words: "i want to be with him", "quiero estar con él", "chcę być z nim") with no denial
    right before the wish (``adult_act_denied``: "i dont want to be with him"): a self-harm risk. Not "i miss my
    grandad" (no wish) (s34)."""
    tokens = words(folded)
    if not _spans(tokens, lang, cues.died):
        return False
    return any(not _spans(list(tokens[max(0, start - 2):start]), lang, cues.adult_act_denied)
               for start, _ in _spans(tokens, lang, cues.join_the_dead))


#: A denial stands at most this many words before the blow it denies ("nunca me ha pegado", "nigdy mnie nie uderzył").
DENIAL_BEFORE_BLOW = 3
#: Words that deny a blow after them (folded): "never", "nobody", "nunca", "nadie", "nigdy", "nikt", "nie"...
BLOW_DENIALS = frozenset({"no", "not", "never", "nobody", "noone", "doesnt", "dont", "didnt", "wont", "wouldnt",
                          "hasnt", "havent", "isnt", "nunca", "jamas", "nadie", "nie", "nigdy", "nikt"})
#: "only"/"just" names the one who does it when a person follows within this many words ("only my brother").
ONLY_PERSON_WITHIN = 2


def _starts(tokens: Sequence[str], lang: Optional[str], cues: Cues) -> list[tuple[int, int]]:
    """Where a cue of ``cues`` stands in ``tokens``, each of its words the start of a word: (start, end) spans."""
    found = []
    for listed in _langs(lang, cues):
        for cue in listed:
            said = words(cue)
            found += [(i, i + len(said)) for i in range(len(tokens) - len(said) + 1)
                      if said and all(t.startswith(w) for t, w in zip(tokens[i:i + len(said)], said))]
    return found


#: The only words that may stand between a denial and the blow it denies ("never even hit me", "nunca me ha pegado",
#: "nigdy mnie nie uderzył", "nobody at home hits me"): any other word is another clause ("mama się nie budzi, uderzył
#: ją": no denial of the blow).
DENIAL_GLUE = frozenset({"me", "us", "has", "have", "had", "ever", "even", "really", "once", "actually", "one", "at",
                         "home", "nos", "le", "les", "ha", "han", "he", "hemos", "nunca", "en", "casa", "mnie", "nas",
                         "nigdy", "w", "domu", "nie", "never", "not", "no"})


def _denied(tokens: Sequence[str], start: int) -> bool:
    """Whether a :data:`BLOW_DENIALS` word stands among the :data:`DENIAL_BEFORE_BLOW` words before ``start`` with only
    :data:`DENIAL_GLUE` words between it and the blow."""
    for back in range(1, DENIAL_BEFORE_BLOW + 1):
        if start - back < 0:
            return False
        if tokens[start - back] in BLOW_DENIALS:
            return True
        if tokens[start - back] not in DENIAL_GLUE:
            return False
    return False


def is_blow_denied(folded: str, lang: Optional[str], cues: MisreadingCues, people: Sequence[Cues],
                   harmless: Callable[[str], bool]) -> bool:
    """Whether ``folded`` says a blow (``denied_blows``, start of a word) only under a denial: every blow has a
    :data:`BLOW_DENIALS` word right before it, or with only :data:`DENIAL_GLUE` words between ("my dad has never hit
    me", "mi padre nunca me ha pegado", "tata nigdy mnie nie uderzył", "nobody at home hits me"); no ``denial_limits`` word
    (whole words, once the ``denial_fine`` phrases are out: "strict but fair") makes the denial conditional or
    partial ("he never hits me when mum is home", "he never stops hitting me", "nobody believes me that he hits me",
    "no one hits me except my dad", "mi madre nunca me pega, mi padre sí"); no ``denial_only`` word stands right
    before a person (``people``, whole words: "only my brother", "tylko ojczym"); no ``beside_denial`` harm ("no me
    pega, solo me encierra"), at most one person of the child's life named (``people[0]``, ``harm_doers``,
    ``trusted_adults``: "my mum never hits me, her boyfriend does"), no plea ("dont hit me") and, once the denied
    blows are out, nothing of harm (``harmless``) (s35)."""
    tokens = words(folded)
    blows = _starts(tokens, lang, cues.denied_blows)
    if tokens[:1] in (["dont"], ["do"]):
        return False  # "dont hit me", "do not hurt me": a plea
    if not blows or not all(_denied(tokens, start) for start, _ in blows):
        return False
    fine = {i for start, end in _spans(tokens, lang, cues.denial_fine) for i in range(start, end)}
    if _spans([t for i, t in enumerate(tokens) if i not in fine], lang, cues.denial_limits):
        return False
    persons = [cue for group in (*people, cues.trusted_adults) for listed in _langs(lang, group) for cue in listed]
    named = [cue for group in (people[0], cues.harm_doers, cues.trusted_adults) for listed in _langs(lang, group)
             for cue in listed]
    if len({tuple(tokens[start:end]) for start, end in _spans(tokens, None, {"": named})}) > 1:
        return False  # "my dad never hits me, his friend does": another person may be the one
    if any(_spans(list(tokens[end:end + ONLY_PERSON_WITHIN + 1]), None, {"": persons})
           for _, end in _spans(tokens, lang, cues.denial_only)):
        return False
    if has_cue(folded, lang, cues.beside_denial):
        return False
    denied = {i for start, end in blows for i in range(start, end)}
    return harmless(" ".join(t for i, t in enumerate(tokens) if i not in denied))


def is_training_order(folded: str, lang: Optional[str], cues: MisreadingCues, harmless: Callable[[str], bool]) -> bool:
    """Whether a trusted adult of the child's activities (``trusted_adults``, whole words) gives a training order
    (``training_orders``, start of a word: "the coach makes me run laps when im late", "el profe nos hace correr
    vueltas", "trener każe nam biegać okrążenia"), with none of ``training_deep`` (until sick, alone with him, the
    changing room, a blow, a secret, fear: "the coach makes me run laps until i throw up") and nothing of harm once
    the order's words are out (``harmless``; "biegać dookoła boiska" is no fear, "boi") (s35)."""
    tokens = words(folded)
    orders = _starts(tokens, lang, cues.training_orders)
    if not orders or not _spans(tokens, lang, cues.trusted_adults):
        return False
    ordered = {i for start, end in orders for i in range(start, end)}
    rest = " ".join(t for i, t in enumerate(tokens) if i not in ordered)
    return not has_cue(rest, lang, cues.training_deep) and harmless(rest)


#: Words right before a plea's words that make it a statement ("my parents dont hit me", "they dont hurt me").
PLEA_NOT_AFTER = frozenset({"i", "we", "they", "you", "u", "parents", "folks", "people", "teachers", "he", "she", "it",
                            "mum", "mom", "dad", "stepdad", "family", "nobody", "ellos", "ellas", "padres", "oni",
                            "rodzice"})


def is_blow_plea(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether ``folded`` pleads not to be hit (``blow_plea``, start of a word: "please dont hurt me", "no me pegues
    más", "nie bij mnie"; not right after a subject: "my parents dont hit me", :data:`PLEA_NOT_AFTER`): never a denial;
    not in play (``adult_act_in_play``: "dont hit me with the ball") (s35)."""
    tokens = words(folded)
    if _spans(tokens, lang, cues.adult_act_in_play):
        return False
    pleas = _starts(tokens, lang, cues.blow_plea)
    return any(start == 0 or tokens[start - 1] not in PLEA_NOT_AFTER for start, _ in pleas)

#: The harm's figurative or play words (``shop_harm_taken_back``, ``joke_weapons``, ``not_a_blow``) are read up to this
#: many words after it.
TAKEN_BACK_WITHIN = 4
#: Capitalised words that name no person when they open a sentence or stand alone ("This cream is killing me").
_NOT_NAMES = frozenset({"i", "im", "my", "me", "the", "this", "these", "that", "those", "it", "its", "your", "our",
                        "mi", "mis", "el", "la", "los", "las", "este", "esta", "estos", "estas", "ese", "esa", "tu",
                        "ta", "ten", "te", "to", "moj", "moja", "moje", "ja", "wasz", "wasza"})


def names_in(text: str) -> frozenset[str]:
    """The folded words of ``text`` written with a capital inside a sentence ("so Jake hits me", "y Marta me pega"):
    names of people; a sentence's first word is no name ("These prices…", "Shipping is killing me")."""
    found = set()
    for sentence in re.split(r"[.!?¿¡;\n]+", text):
        said = re.findall(r"\w+", sentence)
        found |= {fold(w) for w in said[1:] if w[:1].isupper() and w[1:].islower() and fold(w) not in _NOT_NAMES}
    return frozenset(found)


def is_harm_told_beside_shop(folded: str, lang: Optional[str], cues: MisreadingCues, people: Sequence[Cues],
                             names: frozenset[str], shop_question: Sequence[Cues], framed: Callable[[str], bool],
                             not_real: Sequence[Cues]) -> bool:
    """Whether a person (a cue of ``people``, whole words, its last word: "my stepdad", "el novio de mi madre", "tata";
    or one of ``names``) stands right before harm done to the child (``shop_harm_to_me``, whole words: "is killing me",
    "me pega", "mnie bije"), at most a ``shop_harm_between`` word or two between them ("my dad always hits me"), in a
    message that asks the shop something (a cue of ``shop_question``, start of a word: discount, crema, paczka). Not
    when figurative or play words stand from the harm's start to :data:`TAKEN_BACK_WITHIN` words after it
    (``shop_harm_taken_back``, ``joke_weapons``: "killing me with his jokes", "beat me at mario kart", "me mata de
    risa") or ``not_a_blow`` words right after it ("me pega la gripe", "hits me with a pillow"), nor when a story,
    song, film, joke or dream frames the message (``framed``) or a game or play is said (``not_real``, whole words).
    s35 (shopharm-s35): "my stepdad is killing me, got any discount codes?"."""
    if not any(has_cue(folded, lang, asked) for asked in shop_question) or framed(folded):
        return False
    tokens = words(folded)
    if any(_spans(tokens, lang, cues_) for cues_ in not_real):
        return False
    who = {w for cues_ in people for listed in _langs(lang, cues_) for cue in listed for w in words(cue)[-1:]} | names
    between = {w for listed in _langs(lang, cues.shop_harm_between) for cue in listed for w in words(cue)}
    for start, end in _spans(tokens, lang, cues.shop_harm_to_me):
        window = list(tokens[start:end + TAKEN_BACK_WITHIN])
        if (_spans(window, lang, cues.shop_harm_taken_back) or _spans(window, lang, cues.joke_weapons)
                or any(s == 0 for s, _ in _spans(list(tokens[end:end + TAKEN_BACK_WITHIN]), lang, cues.not_a_blow))):
            continue
        at = start - 1
        while at >= 0 and tokens[at] in between and start - at <= 2:
            at -= 1
        if at >= 0 and tokens[at] in who:
            return True
    return False


#: The adult who punishes stands at most this many words before the act ("my mum got so mad she pulled my hair")…
PUNISHER_BEFORE = 6
#: …or at most this many after it ("me tiró del pelo mi padre", "zamyka mnie w piwnicy dziadek").
PUNISHER_AFTER = 3
#: Brushing, a splinter, play or an account (``punishment_not``) is read from the act to this many words after it.
PUNISHMENT_NOT_WITHIN = 4


def _punisher_near(tokens: Sequence[str], start: int, end: int, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether a ``punishers`` adult stands within :data:`PUNISHER_BEFORE` words before the act at ``start`` with no
    ``threat_peers`` sibling or friend between them ("mum laughed when my brother pulled my hair"), or within
    :data:`PUNISHER_AFTER` words after it."""
    for a_start, a_end in _spans(tokens, lang, cues.punishers):
        if a_end <= start and start - a_end <= PUNISHER_BEFORE and not _spans(list(tokens[a_end:start]), lang,
                                                                              cues.threat_peers):
            return True
        if a_start >= end and a_start - end <= PUNISHER_AFTER:
            return True
    return False


#: A film, a story or a game (the caller's ``framed``) is looked for this many words around the act ("in the film the
#: mum locks me in"), not in an ordinary lead-in ("won three games of fortnite xd but as usual…").
FRAMED_AROUND = 8


def is_harsh_punishment(folded: str, lang: Optional[str], cues: MisreadingCues,
                        framed: Callable[[str], bool] = lambda _: False) -> bool:
    """Whether a harsh punishment is done to the child (``punished_harshly``, each word the start of a word: "made me
    kneel on rice", "pulled my hair", "me retorció el brazo", "zamyka mnie na klucz", "bez kolacji") by an adult of the
    child's life (``punishers`` near it: :func:`_punisher_near`) or as a punishment named (``punishment_said``: "as
    punishment", "za karę"), with no ``punishment_not`` word from the act to :data:`PUNISHMENT_NOT_WITHIN` words after
    it (brushing the hair, a splinter, play, an account: "mi madre me tira del pelo cuando me peina"). Anywhere in the
    message: after an ordinary lead-in too ("…pero en casa lo de siempre, mi padre me tiró del pelo"), unless a film,
    story or game frames the words around the act (``framed``, :data:`FRAMED_AROUND` words either side) (s36)."""
    tokens = words(folded)
    said = bool(_spans(tokens, lang, cues.punishment_said))
    for start, end in _starts(tokens, lang, cues.punished_harshly):
        if _spans(list(tokens[start:end + PUNISHMENT_NOT_WITHIN]), lang, cues.punishment_not):
            continue
        if (said or _punisher_near(tokens, start, end, lang, cues)) and not framed(
                " ".join(tokens[max(0, start - FRAMED_AROUND):end + FRAMED_AROUND])):
            return True
    return False


#: Signs of grooming (besides being met online) that make it told (:func:`is_grooming_told`).
GROOMING_SIGNS = 2
#: A game's place (``groom_in_game``) this many words after a meeting makes it no meeting ("meet in the lobby").
IN_GAME_WITHIN = 4


def is_grooming_told(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether someone met online (``online_met``, start of a folded word: "por discord", "on roblox", "z robloxa") is
    told with at least :data:`GROOMING_SIGNS` signs of grooming: secrecy asked (``groom_secret``), a meeting, a visit or
    a call alone (``groom_meet``, whole words, no ``groom_in_game`` place within :data:`IN_GAME_WITHIN` words after it:
    "meet in the lobby"), gifts (``groom_gifts``), pictures (``groom_photos``), an age claimed (``groom_age``); never
    when the parents know or come along or the person is known from school or family (``groom_known``) (s36)."""
    if not has_cue(folded, lang, cues.online_met) or has_cue(folded, lang, cues.groom_known):
        return False
    tokens = words(folded)
    meets = [end for _, end in _spans(tokens, lang, cues.groom_meet)
             if not _spans(list(tokens[end:end + IN_GAME_WITHIN]), lang, cues.groom_in_game)]
    signs = [has_cue(folded, lang, cues.groom_secret), bool(meets), has_cue(folded, lang, cues.groom_gifts),
             bool(_spans(tokens, lang, cues.groom_photos)), has_cue(folded, lang, cues.groom_age)]
    return sum(signs) >= GROOMING_SIGNS


def is_meeting_set_soon(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether a meeting in person (``meet_in_person``, whole words, no ``groom_in_game`` place within
    :data:`IN_GAME_WITHIN` words after it) is set for a near moment (``meet_soon``, whole words), and nothing says the
    parents know or the person is known (``groom_known``) (s37)."""
    if has_cue(folded, lang, cues.groom_known):
        return False
    tokens = words(folded)
    meets = [end for _, end in _spans(tokens, lang, cues.meet_in_person)
             if not _spans(list(tokens[end:end + IN_GAME_WITHIN]), lang, cues.groom_in_game)]
    return bool(meets) and bool(_spans(tokens, lang, cues.meet_soon))


def is_harm_returning(folded: str, lang: Optional[str], cues: MisreadingCues) -> bool:
    """Whether harm from before has come back: a word of its return (``harm_again``, whole words), a time before
    (``harm_before``) and a harm word (``harm_returning``) or a person doing it again (``harm_recurring``);
    start of a folded word, the message's language (s37)."""
    return (bool(_spans(words(folded), lang, cues.harm_again)) and has_cue(folded, lang, cues.harm_before)
            and (has_cue(folded, lang, cues.harm_returning) or bool(_spans(words(folded), lang, cues.harm_recurring))))
