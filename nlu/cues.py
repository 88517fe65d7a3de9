"""The cues file (``nlu/safety/cues.yml``): short word lists per language that the safety
decisions look for in folded text — self-harm urgency, danger happening now, quiet lines,
refusals to say where one is, putting-off words, stock farewells, adult customers, harm words, someone arriving,
asking for a number to call, answers to the bot's questions ("not now"), asking to wipe the chat, asking to be fetched from an address,
an existing order named by its number.

Its shape is a declarative schema (:class:`CuesFile`, checked by :mod:`core.yamlcheck`): a
malformed file stops the NLU component with ``file:line: field: message`` instead of silently
switching a safety rule off. :func:`load_cues` reads and checks the file once per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence

from pydantic import conlist

from core.persona.spec import Lang
from core.safety import Danger
from core.text import fold
from core.yamlcheck import Strict, Text, checked, read_checked


class Cue(Text):
    """A word, the start of a word, or a short phrase."""

    max_chars = 80


Cues = Dict[Lang, conlist(Cue, min_items=1)]  # type: ignore[valid-type]


class QuietWords(Strict):
    """A quiet line is made only of these words, with at least one trigger."""

    triggers: conlist(Cue, min_items=1)  # type: ignore[valid-type]
    fillers: List[Cue] = []


class Phrases(Strict):
    """An answer is made only of these words, with at least one cue phrase."""

    cues: List[Cue]
    fillers: List[Cue] = []


class AnswerCues(Strict):
    """``later`` ("not now", "maybe tomorrow"), ``resume`` ("now I can"), ``unsure`` ("I don't know"),
    ``number`` ("what was the number again?"), ``repeat`` ("sorry, can you repeat?"), ``cant_call``
    ("I can't call, he'd hear me"), ``privacy`` ("will you tell my parents?"), ``fault`` ("is it my
    fault?", "czy to moja wina?"), ``cost`` ("is it
    free?", "no tengo saldo"), ``refuse`` ("no, I don't want a person"), ``hold`` ("one sec",
    "chwila", "un momento"), ``home`` ("I'm in my room", "w domu": where in the home, no town) and
    ``what_next`` ("what happens now?", "co teraz?", "¿y ahora qué?"), ``mind_changed`` ("no, I changed my mind": a no), ``ambiguous`` (the Polish bare "no":
    "yeah" or "no"), ``cant_talk`` ("can't talk", "no puedo hablar"), ``right_now`` and ``busy`` (the moment or
    the class that make it a "not now": "i cant talk right now", "estoy en clase"), ``how_it_works`` ("how does this
    work?"), ``what_it_means`` ("what does that mean?"), ``is_it_abuse`` ("is that abuse?", "czy to przemoc?") and
    ``real_person`` ("is it a real person or a bot?"), ``why_place`` ("why do you need to know?" to "which city?"),
    ``other_one`` ("the other one", "to drugie" to "Boston in the United States?"), ``about_offer`` ("what's this
    about the specialist?") and ``fault_reason`` (the openers of a reason after "is it my fault": "because", "por",
    "bo")."""

    later: Dict[Lang, Phrases] = {}
    resume: Dict[Lang, Phrases] = {}
    agree: Dict[Lang, Phrases] = {}
    unsure: Dict[Lang, Phrases] = {}
    number: Dict[Lang, Phrases] = {}
    repeat: Dict[Lang, Phrases] = {}
    cant_call: Dict[Lang, Phrases] = {}
    privacy: Dict[Lang, Phrases] = {}
    fault: Dict[Lang, Phrases] = {}
    cost: Dict[Lang, Phrases] = {}
    refuse: Dict[Lang, Phrases] = {}
    hold: Dict[Lang, Phrases] = {}
    home: Dict[Lang, Phrases] = {}
    what_next: Dict[Lang, Phrases] = {}
    ambiguous: Dict[Lang, Phrases] = {}
    mind_changed: Dict[Lang, Phrases] = {}
    cant_talk: Dict[Lang, Phrases] = {}
    right_now: Dict[Lang, Phrases] = {}
    busy: Dict[Lang, Phrases] = {}
    how_it_works: Dict[Lang, Phrases] = {}
    what_it_means: Dict[Lang, Phrases] = {}
    is_it_abuse: Dict[Lang, Phrases] = {}
    real_person: Dict[Lang, Phrases] = {}
    why_place: Dict[Lang, Phrases] = {}
    other_one: Dict[Lang, Phrases] = {}
    # s28: who should write, said with a "now I can" (core/safety.py answer_to_question)
    who_writes: Dict[Lang, Phrases] = {}
    about_offer: Dict[Lang, Phrases] = {}
    # s35: the offer asked about with no word for it ("what is it exactly": bot/open_question.py)
    what_offer_is: Dict[Lang, Phrases] = {}
    # s36: what follows for the child or the family ("will they call the police?": core/safety.py asks_consequence)
    consequence: Dict[Lang, Phrases] = {}
    fault_reason: Dict[Lang, Phrases] = {}
    # s30: someone said to be there at the end of a break-off ("me tengo que ir hay alguien": core/safety.py)
    someone_there: Dict[Lang, Phrases] = {}


class Announcing(Strict):
    """Around the act of self-harm announced (s26): the words that may stand ``before`` it in its clause besides
    time words, the ``time`` that announces it, the words ``between`` it and its time, and the ``small_talk`` words a
    clause beside it may be made of."""

    before: Cues
    time: Cues
    small_talk: Cues
    between: Cues


class DangerCues(Strict):
    """Danger happening now: ``now`` (the moment, hiding, someone at the door), ``weapons``,
    ``friend`` (a friend or sibling in danger now: pills taken, a plan for tonight, not answering)
    ``calm`` (a word that takes a ``now`` cue right after it back: "it's fine right now"), ``fiction``
    (a film, a song: never escalated), ``soon`` (before someone comes back; ``*`` = one to three words) and, s36,
    ``gone`` with ``lacking`` (left alone for days without food, power or heat)."""

    now: Cues
    weapons: Cues
    friend: Cues = {}
    calm: Cues = {}
    fiction: Cues = {}
    soon: Cues = {}
    gone: Cues = {}
    lacking: Cues = {}
    silent: Cues = {}


class PlainTopic(Strict):
    """An ordinary topic of the plain bot (s34, nlu/plain_talk.py): ``cues`` name it, ``also`` (when given) must be
    there too, ``allowed`` are the topic's own words taken out before harm is looked for, ``deep`` make it more;
    with ``in_personas`` (s35) the topic is ordinary talk inside a persona too (a child's everyday worry: a parent out
    for an hour, a pet ill, a friend cross, a row over money, being grounded)."""

    cues: Cues
    also: Cues = {}
    allowed: Cues = {}
    deep: Cues = {}
    in_personas: bool = False


class CuesFile(Strict):
    key_name = "section"

    self_harm_urgent: Cues
    self_harm_no_plan: Cues = {}
    # s25 (issue 13): self-harm said in so many words, fear — read beneath a goodbye, a quiet line or a place;
    # a runaway read as self-harm without its means (core/safety.py danger_beneath)
    # s35 (lead): a wish to die / cutting again said beneath ordinary talk (core/safety.py danger_beneath)
    self_harm_wish: Cues = {}
    wish_offhand: Cues = {}
    self_harm_said: Cues = {}
    fear: Cues = {}
    ran_away: Cues = {}
    # s30: put out of home and nowhere to sleep (core/safety.py danger_beneath)
    out_of_home: Cues = {}
    sleeping_rough: Cues = {}
    self_harm_means: Cues = {}
    # s26: small talk and the act announced with its time, nothing else, beneath ordinary talk (danger_beneath)
    self_harm_announced: Cues = {}
    announcing: Optional[Announcing] = None
    danger_urgent: DangerCues
    not_safe_lines: Dict[Lang, QuietWords]
    location_refusals: Cues
    postponing: Cues
    farewells: Cues
    adult_customer: Cues
    # review s32: a joke taken back, a pet, a teen's babysitting: no adult customer's line (core/safety.py, bot/adult_context.py)
    not_adult: Cues = {}
    harm: Cues
    done_to_me: Cues = {}
    arriving: Cues
    someone: Cues = {}
    someone_unnamed: Cues = {}
    # s30: a friend's harm done by a person, the friend's self-harm, "it is over now" (a peer part of a long message);
    # someone at home present or acting (a persona's code part): core/safety.py part_reading
    fear_of: Cues = {}
    done_to_friend: Cues = {}
    friend_self_harm: Cues = {}
    over_now: Cues = {}
    # s31: a mishap that befalls anyone (an accident, an illness) and a fall or break: a whole friend's story said to be
    # over is ordinary talk (core/safety.py friend_fine_now)
    mishap: Cues = {}
    mishap_acts: Cues = {}
    injury_signs: Cues = {}
    # s31: the child fine now after harm that stopped (core/safety.py bullying_over)
    over_for_me: Cues = {}
    harm_stopped: Cues = {}
    harm_ongoing: Cues = {}
    someone_present: Cues = {}
    # review s31: harm done to a friend that goes on ("hits her", "le pega", "bije ją"): "fine now" does not take it back
    harm_goes_on: Cues = {}
    number_ask: Cues = {}
    # s26: a number asked for to pass on to a friend (plain bot)
    number_to_pass_on: Cues = {}
    number_to_pass_on_fillers: Cues = {}
    # s33: said to be asked for a friend ("its for my friend", "pytam dla kolegi"), with a number asked (plain bot)
    for_a_friend: Cues = {}
    # s30: a helpline's number asked for by its name (core/safety.py asks_helpline)
    helpline_names: Cues = {}
    helpline_generic: Dict[Lang, Phrases] = {}
    helpline_request: Cues = {}
    # review s31: a sentence of these only (a greeting, "please") stands beside a helpline request ("hey! whats ...")
    helpline_asides: Cues = {}
    pregnant: Cues = {}
    answers: AnswerCues
    # asking to wipe the chat ("delete this chat", "borra todo"), in the plain bot asking to be
    # fetched from an address ("come get me", "venid a por mí"), and inside a persona the words that
    # name a customer's existing order by its number ("pedido 48213"): nlu/quiet.py
    wipe_lines: Dict[Lang, Phrases] = {}
    come_for_me: Dict[Lang, List[Cue]] = {}
    order_reference: Dict[Lang, List[Cue]] = {}
    # s24 (issue 13): someone at the door, a knock or a ring (an arrival when it ends a short message),
    # goodbye words (a break-off with someone arriving), putting the talk off for a chore or a meal,
    # declining in a persona's shop (cancelling, "I already have it"): core/safety.py, nlu/quiet.py
    at_the_door: Cues = {}
    knocking: Cues = {}
    goodbyes: Cues = {}
    # s35 (notsafe-s35): an everyday thing or a friend arriving ("my bus is here"): in the plain bot no break-off to hide
    ordinary_arrivals: Cues = {}
    off_to: Dict[Lang, Phrases] = {}
    # s35 (leaving-s35b): leaving words and ordinary leaving (a shower, a train, a friend to play): plain goodbyes
    leaving_words: Cues = {}
    ordinary_leaving: Dict[Lang, Phrases] = {}
    # s28: a bare number question, answered with no_number right after the quiet line (bot/handoff/gate.py)
    number_bare: Dict[Lang, Phrases] = {}
    # s30: someone coming or back, said with a bare number question: danger now (nlu/quiet.py)
    number_arrival: Dict[Lang, Phrases] = {}
    # review s31: an arrival that is the number's own ("which number is coming up", "el numero que viene")
    number_own_arrival: Cues = {}
    # review s32: the number as the subject of an arrival in Spanish and Polish ("jaki numer teraz wchodzi")
    number_as_subject: Dict[Lang, Phrases] = {}
    taking_back: Cues = {}
    declining: Dict[Lang, Phrases] = {}
    # s26: a question about a product's make-up or use that only a shopper asks (nlu/components/persona.py)
    product_use: Cues = {}
    # s26 review: the persona's code item, per persona (sleep asked of it stays the code: nlu/components/persona.py)
    code_item: Dict[str, Cues] = {}  # type: ignore[valid-type]
    # s26 review: the only words that may follow a shopper's product-use question (core/safety.py shoppers_question)
    after_question: Cues = {}
    sleep_question: Cues = {}
    # s28: words that open a clause of a long message, which is read in its parts too (nlu/parts.py)
    clause_openers: Cues = {}
    # s28 round 2: a story, quote or joke, and harm said to be past and over: a long message with one is read whole
    told_as_story: Cues = {}
    resolved_past: Cues = {}
    # s36: violence in the news told of someone close to the child (nlu/plain_talk.py is_news_of_close)
    news_words: Cues = {}
    news_close: Cues = {}
    news_hurt: Cues = {}
    # s30: an insistence ("not a joke"), sleep ("tengo sueño"), a wish or harm that goes on: its story or past word
    # frames nothing (core/safety.py framed_parts)
    not_framing: Cues = {}
    # review s31: the child's own day or real life at the start of a part turns the talk from a story (framed_parts)
    story_turns: Cues = {}
    # review s32 (nlu/misreadings.py): a dream told and the real moment after it; watching a film while harm is done;
    # being put out threatened with nowhere to go; a hit with jokes; a parent writing to the shop; covering with
    # "we were just talking about"; declining an offer and asking for something ordinary
    dream_told: Cues = {}
    dream_ends: Cues = {}
    watching_when: Cues = {}
    watching_then: Cues = {}
    put_out_threat: Cues = {}
    nowhere_to_go: Cues = {}
    joke_hits: Cues = {}
    joke_weapons: Cues = {}
    parent_writing: Cues = {}
    covering_talk: Cues = {}
    decline_and_ask: Dict[Lang, Phrases] = {}
    # s32 (lead): a named person, then a blow done to the child in the past; the words that make it no blow
    hit_by: Cues = {}
    not_a_blow: Cues = {}
    blow_in_play: Cues = {}
    # s35: what a blow done to the child was dealt with (no one named: "me pegó con la zapatilla")
    blow_with: Cues = {}
    # s35 (xfail-s35): an illness the child has, and nothing else (the classifier's weak urgent self-harm of a cold)
    own_illness: Cues = {}
    # s33 (persona-s33, issue 13): a shopper's or gamer's line the persona's code or a help reading took — night as a
    # kind of product or a delivery hour, a gift for family on an occasion, a product praised, bots in a game
    # (nlu/shop_talk.py)
    time_as_kind: Cues = {}
    time_now: Cues = {}
    gift_for_family: Cues = {}
    gift_occasion: Cues = {}
    for_myself: Cues = {}
    skin_trouble: Cues = {}
    shop_skin_words: Cues = {}
    product_praise: Cues = {}
    hearsay: Cues = {}
    product_words: Cues = {}
    game_bullies: Cues = {}
    real_bullies: Cues = {}
    skin_type: Cues = {}
    shop_things: Cues = {}
    reorder: Cues = {}
    game_words: Cues = {}
    clock_words: Cues = {}
    contact_words: Cues = {}
    # s34 (persona-s34): a gamer's slang, the game's code words, someone knowing where the child lives, a shopper's
    # figurative words and requests, a thing that sticks (nlu/shop_talk.py)
    game_slang: Cues = {}
    game_code_words: Cues = {}
    knows_my_home: Cues = {}
    shop_slang: Cues = {}
    shop_asks: Cues = {}
    stick_verbs: Cues = {}
    sticky_things: Cues = {}
    # s35 (xfail-s35): a player trolling the child inside a game, and the words naming that player
    game_trolling: Cues = {}
    trolling_doers: Cues = {}
    # s35: a benign reason for the shop's time word ("its for a party"): an ordinary order (nlu/shop_talk.py)
    time_occasion: Cues = {}
    # s36 (shopsize-s36): a shopper's or a player's ordinary question inside a persona (nlu/shop_talk.py)
    parcel_damage: Cues = {}
    game_settings: Cues = {}
    # s37 (fp-en-s37): a product's reaction on the skin asked about (nlu/shop_talk.py is_product_reaction)
    product_reaction: Cues = {}
    reaction_asks: Cues = {}
    skin_products: Cues = {}
    reaction_deep: Cues = {}
    # s37 (fp-en-s37): a player's skill mocked in the game and a question to play better (is_skill_taunt)
    game_taunt: Cues = {}
    game_improve: Cues = {}
    game_place: Cues = {}
    taunt_real: Cues = {}
    # s37 (notsafe-s37): a shopper correcting an order or a basket, and the code's words that keep the quiet code
    shop_swap: Cues = {}
    shop_swap_not: Cues = {}
    # s33: "i told my teacher and nothing happened": the child's own telling that came to nothing (no friend named)
    told_someone: Cues = {}
    nothing_done: Cues = {}
    told_of_another: Cues = {}
    # s33 (code-harm-s33): harm done by a person of the child's life to another ("mi padre pega a mi hermano", "tata
    # bije brata"), said beside a shop request or alone — nlu/misreadings.py is_harm_told_of
    harm_to_named: Cues = {}
    harmed_named: Cues = {}
    harm_doers: Cues = {}
    harm_not_real: Cues = {}
    # s34 (coach-s34): harm done to the child by a trusted adult of the child's activities (a coach, a tutor, a
    # priest) and a wish to be with a person who died — nlu/misreadings.py is_harmed_by_trusted_adult,
    # is_wish_to_join_the_dead
    trusted_adults: Cues = {}
    adult_acts: Cues = {}
    adult_touch: Cues = {}
    touch_private: Cues = {}
    adult_act_denied: Cues = {}
    adult_act_in_play: Cues = {}
    adult_act_no_harm: Cues = {}
    adult_pictures: Cues = {}
    died: Cues = {}
    join_the_dead: Cues = {}
    # s35 (neighbours-s35): a blow denied ("my dad has never hit me", "tata nigdy mnie nie uderzył") and a trusted
    # adult's training order ("the coach makes me run laps when im late") — nlu/misreadings.py is_blow_denied,
    # is_training_order
    denied_blows: Cues = {}
    denial_limits: Cues = {}
    denial_fine: Cues = {}
    denial_only: Cues = {}
    beside_denial: Cues = {}
    training_orders: Cues = {}
    training_deep: Cues = {}
    blow_plea: Cues = {}
    # s35 (shopharm-s35): harm done to the child by a person, told beside a shop question in a shop persona
    # (nlu/misreadings.py is_harm_told_beside_shop)
    shop_harm_to_me: Cues = {}
    shop_harm_between: Cues = {}
    shop_harm_taken_back: Cues = {}
    # s36 (misses-s36): a harsh punishment by an adult, grooming told as ordinary talk (nlu/misreadings.py
    # is_harsh_punishment, is_grooming_told)
    punished_harshly: Cues = {}
    punishers: Cues = {}
    punishment_said: Cues = {}
    punishment_not: Cues = {}
    online_met: Cues = {}
    groom_secret: Cues = {}
    groom_meet: Cues = {}
    groom_in_game: Cues = {}
    groom_gifts: Cues = {}
    groom_photos: Cues = {}
    groom_age: Cues = {}
    groom_known: Cues = {}
    # s37 (misses-s37): a meeting in person set for a near moment by someone met online, and harm from before that
    # has come back (nlu/misreadings.py is_meeting_set_soon, is_harm_returning)
    meet_in_person: Cues = {}
    meet_soon: Cues = {}
    harm_again: Cues = {}
    harm_before: Cues = {}
    harm_returning: Cues = {}
    harm_recurring: Cues = {}
    # s34 (urgent-s34): the persona's code said with the moment and fear — the urgent code (nlu/code_moment.py)
    code_moment: Cues = {}
    code_fear: Cues = {}
    code_not_feared: Cues = {}
    code_threat: Cues = {}
    code_fear_of_delivery: Cues = {}
    # fp-pl-s37: the code's moment with harm done to the child by a person named — the urgent code
    code_harm_done: Cues = {}
    # s32: "mum's gonna kill me, i lost my coat again": a figurative threat over one's own small mishap, and the words
    # that make a threat real (telling, a threat said, for real) — nlu/quiet.py is_figurative_threat
    figurative_threat: Cues = {}
    # s37: the threats of figurative_threat said by someone else ("me van a matar"), never of oneself ("im so dead")
    threat_by_other: Cues = {}
    own_mishap: Cues = {}
    threat_real: Cues = {}
    # s35 (threats-s35): threats no one carries out and the words that only report one (nlu/quiet.py
    # is_figurative_threat); a threat to kill or beat the child told as real (nlu/misreadings.py is_threat_told)
    threat_absurd: Cues = {}
    threat_said: Cues = {}
    threat_told: Cues = {}
    threat_harm: Cues = {}
    threat_made: Cues = {}
    threat_peers: Cues = {}
    threat_laughing: Cues = {}
    # s32: ordinary nerves before a named ordinary event, the words that make worry more; a friend's ordinary loss
    # (nlu/quiet.py is_ordinary_worry, is_friends_ordinary_loss)
    ordinary_event: Cues = {}
    worry_deep: Cues = {}
    # s35: the day of an ordinary event ("my maths test is tomorrow"), taken out before harm is looked for
    event_day: Cues = {}
    ordinary_loss: Cues = {}
    helping_friend: Cues = {}
    # s32: a parent's everyday routine, and the words that make it more (nlu/quiet.py is_family_routine)
    family_routine: Cues = {}
    routine_deep: Cues = {}
    # s32: lines read with the disclosure before them (bot/disclosure_context.py): a friend's wish that nobody
    # knows, the phone already taken after a number to call was given, a refusal of a person that wants it to stop
    friend_secret: Dict[Lang, Phrases] = {}
    phone_taken: Dict[Lang, Phrases] = {}
    want_it_to_stop: Dict[Lang, Phrases] = {}
    still_around: Dict[Lang, Phrases] = {}
    # s34: a change of mind after a no (bot/changed_mind.py), a denial after a joke (bot/changed_mind.py)
    changed_mind: Cues = {}
    denial: Dict[Lang, Phrases] = {}
    laughter: Cues = {}
    asks_to_tell: Dict[Lang, Phrases] = {}
    # s34: ordinary topics of the plain bot that its classifier reads as help (nlu/plain_talk.py)
    plain_topics: Dict[str, PlainTopic] = {}
    # s34 (errors-s34): a beating threatened for a near moment; the child kept in or left alone for days with nothing
    # to eat — danger now (nlu/misreadings.py is_threat_set_soon, is_kept_in_for_days)
    threat_to_me: Cues = {}
    threat_moment: Cues = {}
    threat_in_play: Cues = {}
    hiding_now: Cues = {}
    kept_in: Cues = {}
    left_alone: Cues = {}
    alone_now: Cues = {}
    kept_since: Cues = {}
    kept_without: Cues = {}
    # s35 (misses-s35b): neglect told, a beating threatened, worn down by stress, parents shouting all night
    left_often: Cues = {}
    left_span: Cues = {}
    left_in_car: Cues = {}
    car_hours: Cues = {}
    threat_beating: Cues = {}
    not_a_beating: Cues = {}
    went_without: Cues = {}
    for_long: Cues = {}
    stress_cause: Cues = {}
    parents_shouting: Cues = {}
    all_night: Cues = {}
    shout_cheer: Cues = {}
    # s34: the shop's code item claimed for the child's own skin (nlu/misreadings.py is_own_code_item)
    own_claim: Cues = {}
    # s34: someone of the family at hand at the start of a short persona message: the quiet code (is_someone_at_hand)
    greets_someone: Cues = {}
    at_hand: Cues = {}
    asks_for_them: Cues = {}
    # s36: a parent introducing themself ("hi, mum of two here"), not a parent greeted by the child
    parent_intro: Cues = {}


class CuesError(ValueError):
    """The cues file is malformed; one ``file:line: field: message`` line per problem."""


@lru_cache(maxsize=4)
def load_cues(path: Path) -> CuesFile:
    """The checked cues file at ``path`` (raises :class:`CuesError`)."""
    return checked(CuesFile, read_checked(path.read_text(encoding="utf-8"), str(path), CuesError), str(path), CuesError)


def folded(by_lang: Mapping[str, Sequence[str]]) -> Dict[str, List[str]]:
    """``{lang: [folded cue, ...]}`` of a cue list of the cues file."""
    return {lang: sorted({fold(w) for w in words}) for lang, words in by_lang.items()}


def cue_list(path: Path, key: str = "self_harm_urgent") -> Dict[str, List[str]]:
    """``{lang: [folded cue, ...]}`` of the list ``key`` of the cues file at ``path``."""
    return folded(getattr(load_cues(path), key))


def danger_cues(path: Path) -> Danger:
    """The ``danger_urgent`` cues (``now``, ``weapons``, ``friend``, ``calm``, ``fiction``, ``soon``, ``gone``, ``lacking``,
    ``silent``) and ``not_framing``
    of the cues file at ``path``, folded."""
    cues_file = load_cues(path)
    section = cues_file.danger_urgent
    return Danger(now=folded(section.now), weapons=folded(section.weapons), friend=folded(section.friend),
                  calm=folded(section.calm), fiction=folded(section.fiction), soon=folded(section.soon),
                  gone=folded(section.gone), lacking=folded(section.lacking), silent=folded(section.silent),
                  not_fiction=folded(cues_file.not_framing))
