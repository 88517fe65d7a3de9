"""Interpret a message in its persona's context and attach its signal.

Runs after the intent classifier (which ranks every intent). The persona comes from the message
metadata (``persona``; missing or unknown -> ``plain``, the shared safety layer alone). The
decisions themselves — masking other personas' intents, generic code names, a greeting yielding
to a help request, a putting-off "no" inside a persona, urgency — are pure functions in ``core.safety``; this
component applies them and adds the entities ``persona``, ``risk``, ``address``, ``duration`` and ``voice``
(``cover`` once a message inside a persona is answered in its code or reads as a help signal, nlu/quiet.py
goes_into_cover).
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from core import PROJECT_ROOT
from nlu.quiet import (
    ASKING,
    as_age, as_cant_call, as_clean_chat, as_coded_help, as_cover, as_danger_now, as_location_answer, as_not_safe,
    as_product_question,
    as_ordinary,
    as_visit_request, asks_number_as_someone_comes,
    as_age_gap, as_young_pregnancy, goes_into_cover, refusal_phrases,
    is_bare_name, is_bare_refusal, is_coded_visit_request, is_existing_order, is_location_refusal, is_young_pregnancy,
    is_declining, is_family_routine, is_figurative_threat, is_friends_ordinary_loss, is_number_subject, is_off_to_do,
    is_ordinary_leaving,
    is_ordinary_worry, is_plain_visit_request, is_quiet_line, is_tentative_cover, load_answers,
    load_come_for_me, load_order_words, load_phrases, load_quiet_words, load_refusals, load_wipe_lines,
    ROUTINE_READINGS,
)
from nlu.address import find_address
from nlu.age import age_gap, find_age, is_age_only, is_other_age_only, stated_ages
from nlu.duration import find_duration
from nlu.weak_urgency import (
    is_business_order, is_code_and_who, is_game_rage, is_parent, is_past_danger, is_weak_danger, without_danger,
)
from nlu.parts import PARTS, all_openers
from nlu.code_moment import is_code_moment_feared, is_code_moment_harmed, is_code_shut_in
from nlu.misreadings import (
    DANGER_INTENT, declines_and_asks, is_about_pictures, is_blow_denied, is_covering_talk, is_dreamed_danger,
    is_blow_plea, is_harm_told_beside_shop, is_harm_told_of, is_training_order,
    is_harmed_by_trusted_adult, is_harmed_while_watching, is_hiding_from_weapon, is_hit_by_someone,
    is_kept_in_for_days, is_marked_blow, is_harsh_punishment, is_grooming_told, is_worn_down_by_stress,
    is_harm_returning, is_meeting_set_soon,
    is_only_illness, is_only_joke_hit, is_own_code_item, is_own_telling,
    is_parent_greeted, is_parent_writing, is_put_out_threat, is_someone_at_hand, is_threat_set_soon, is_threat_told,
    is_wish_to_join_the_dead, load_misreading_cues, MisreadingCues, names_in,
)
from nlu.plain_talk import Topic, as_topic_talk, is_news_of_close, load_topics, ordinary_topic
from nlu.shop_talk import (
    ShopTalkCues, is_about_shop_things, is_bullied_by_bots, is_family_gift, is_family_skin_type, is_game_talk,
    is_praise_passed_on, is_shop_line, is_thing_sticking, is_time_as_kind, is_time_for_occasion, is_weak_urgent_code,
    knows_my_home, asks_game_settings, is_damaged_parcel, is_product_reaction, is_shop_swap, is_skill_taunt,
    load_shop_talk_cues, praises_product, without,
)
from core.persona import project_personas
from core.text import fold, fold_name
from core.safety import (
    ANSWER_INTENTS, ASK_COST, DANGER_SIGNALS, URGENT_SHARE, ASK_FAULT, ASK_NUMBER, ASK_PRIVACY, ASK_REPEAT, CODED_HELP, CODED_URGENT, FOREIGN_INTENT,
    DENIAL_REACH, DENIALS, FOREIGN_MASS, LOCATION_INTENT, MAX_HELPLINE_WORDS,
    MAX_ANSWER_WORDS, MAX_QUESTION_WORDS, TENTATIVE_CONFIDENCE, Beneath, Danger, Decision, PartCues, Phrases, Ranked,
    asks_helpline, bullying_over, contains_cue, cues_of, danger_beneath, decide, framed_parts, friend_fine_now, has_cue,
    has_affirmed_cue, has_word_cue, last_clause,
    is_only, made_of, part_reading, says_nothing_of_harm, says_undenied, shoppers_question, weak_quiet, without_phrases,
    words_before,
)
from core.signals import CODE_INTENTS, COVER_VOICE, HELP_SIGNALS, NO_PERSONA, VOICE_SLOT, generic_name, persona_of, signal_for_intent
from nlu.components.base import PopbotComponent, entity_value
from nlu.components.intent_classifier import split_by_persona
from nlu.components.location import location_entities, locate_for_persona, persona_catalogues, persona_countries
from nlu.cues import cue_list, danger_cues, folded, load_cues
from nlu.spelling import Speller, word_counts
from referrals.geo import ANSWER_WORDS, COMMON_WORDS, HOME_VERBS, Located, is_place_name, well_known

SIGNAL = "signal"
URGENT = "urgent"
#: Output key: the fault question was read with its reason ("is it my fault because …", bot.fault_context).
FAULT_REASON = "fault_reason"
PERSONA_ENTITY = "persona"


def _entity(name: str, value: str, start: int = 0, end: int = 0, confidence: float = 1.0) -> dict:
    return {
        "entity": name,
        "value": value,
        "start": start,
        "end": end,
        "confidence": confidence,
        "extractor": "PersonaContext",
    }


def _with_whole_address(text: str, entities: List[dict]) -> List[dict]:
    """One ``address`` entity for the whole address: the street-form rule's span if it finds
    one, else the CRF's fragments ("17 Birch Avenue" + "Derby") joined into one span."""
    others = [e for e in entities if e.get("entity") != "address"]
    fragments = [e for e in entities if e.get("entity") == "address"]
    found = find_address(text)
    if found:
        return [*others, _entity("address", found[2], found[0], found[1])]
    if len(fragments) > 1:
        start = min(e["start"] for e in fragments)
        end = max(e["end"] for e in fragments)
        return [*others, _entity("address", text[start:end], start, end)]
    return entities


def _load_announcing(path: Path, key: str) -> Dict[str, List[str]]:
    """The folded cues of ``announcing.<key>`` (``before``, ``time``, ``between``, ``small_talk``),
    ``{lang: [cue, ...]}``; none when the cues file has no such section."""
    section = load_cues(path).announcing
    return folded(getattr(section, key)) if section is not None else {}



def _load_risk_cues() -> Dict[str, Dict[str, List[str]]]:
    """``{persona: {risk: [folded cue, ...]}}`` from every project persona's ``risk_cues``."""
    result: Dict[str, Dict[str, List[str]]] = {}
    for persona in project_personas().values():
        per_risk = {
            risk: sorted({fold(w) for words in by_lang.values() for w in words})
            for risk, by_lang in persona.risk_cues.items()
        }
        if per_risk:
            result[persona.id] = per_risk
    return result


#: Words that make a short message say where the child (not someone else) is: a verb of living
#: ("mieszkamy w Pile") or "I'm / we're" ("im in Leeds"); "my mum is in Leeds" says nothing of the child.
HERE_WORDS = HOME_VERBS | frozenset({"im", "i'm", "were", "we're", "jestem", "jestesmy", "estoy", "estamos"})


#: Where a message that starts with a place goes on ("Sopot, ten nad morzem w Polsce", "Leeds - the one
#: in England"): a comma, semicolon, colon or a spaced dash.
_AFTER_PLACE = re.compile(r"\s*[,;:]\s*|\s+[-–—]\s+")
#: A leading "no" before a place: "no, alabama" corrects the place the bot routed on.
_LEADING_NO = re.compile(r"^\W*(?:no|nope|nah|nie|not)\b[\W_]*", re.IGNORECASE)
#: At most this many words before it: a place name, not a sentence.
MAX_PLACE_WORDS = 3


def says_where_i_am(folded: str) -> bool:
    """Whether ``folded`` holds a word of :data:`HERE_WORDS`."""
    return any(word in HERE_WORDS for word in re.findall(r"[\w']+", folded))


#: Where a clause ends inside a message ("my skin is bad since winter, im in leeds"): a comma, a full stop,
#: ";:!?" or a spaced dash; a clause also starts at a word of :data:`HERE_WORDS` ("... for months im in leeds").
_CLAUSE_BREAK = re.compile(r"[,.;:!?]+|\s+[-–—]\s+")
#: Words that join a clause to the next and say nothing themselves ("... and im in leeds", "i live in ...").
_CLAUSE_GLUE = frozenset("i and y a but pero ale so also btw oh we tez tambien".split())
#: A message says more than where the child is (or that they will not say) when this many words are left
#: beside the place clause: "lantern quest, i dont want to say where i live", "skóra źle od zimy, mieszkam w X".
MIN_WORDS_BESIDE_PLACE = 2
#: Inside a persona, its codes for help and for a friend must not be hidden by a place said beside them; its
#: urgent code and visit code are left out of the reading beside a place (a shopper's "do you do same-day
#: delivery, i live in bristol" read the urgent code .32 beside the place .61); a word of danger now still makes
#: the code urgent (core.safety.danger_now), and the visit code needs a street address.
LEFT_OUT_CODES = frozenset({CODED_URGENT, "visit_request"})
#: With the place reading set aside, the help reading left must hold at least this share of the rest of the
#: ranking (measured: the code's .53-.88 in the lines of issue 13; of the 584 shoppers' lines of personas/benign/
#: with a place added before or after, one is read as help beside the place, and it is the code without it too) ...
PLACED_SHARE = 0.5
#: ... and, for the persona's code, at least this confidence in the classifier's own ranking ("skóra źle od zimy,
#: mieszkam w Poznaniu": the place .83, the code .09; "lantern quest, i dont want to say where i live": .06) ...
PLACED_CODE_FLOOR = 0.05
#: ... for a help signal said plainly, this confidence and a harm word beside the place ("mi padre me pega, vivo
#: en Sevilla": the place .91, abuse .09; "im from glasgow. ok cool, trying it now" left imminent danger .30
#: and no harm word), or, without a harm word, nearly all of the rest (:data:`PLACED_ALONE_SHARE`: "me hago cortes,
#: vivo en Bilbao": the place .987, self-harm .013 of .013).
PLACED_PLAIN_FLOOR = 0.01
PLACED_ALONE_SHARE = 0.9


def _clauses(folded: str) -> List[List[str]]:
    """The words of ``folded`` by clause: split at punctuation and before a word of :data:`HERE_WORDS`."""
    clauses: List[List[str]] = []
    for part in _CLAUSE_BREAK.split(folded):
        current: List[str] = []
        for word in re.findall(r"[\w']+", part):
            if word in HERE_WORDS and current:
                clauses.append(current)
                current = []
            current.append(word)
        if current:
            clauses.append(current)
    return clauses


#: Words that deny a harm word a few words after them: "nobody hurts me", "nadie me pega", "nikt mnie nie bije".
_DENYING = DENIALS | frozenset({"ningun", "ninguna"})


def says_harm(folded: str, lang: Optional[str], cues: Mapping[str, Sequence[str]]) -> bool:
    """Whether a harm word of ``cues`` stands in ``folded`` with no denial among the
    :data:`DENIAL_REACH` words before it ("nobody hurts me, i just live in leeds" says no harm)."""
    return any(not _DENYING.intersection(before[-DENIAL_REACH:]) for before in words_before(folded, lang, cues))


def words_beside_place(folded: str, place: str, refusals: Sequence[str] = ()) -> List[str]:
    """The words of ``folded`` outside the clauses that name ``place`` (folded, as written) or refuse to say
    where (a folded phrase of ``refusals``), without joining words: "my skin is bad since winter, im in
    leeds" -> ``my skin is bad since winter``; "im in leeds", "vivo en sevilla", "leeds" -> nothing."""
    place_words = re.findall(r"[\w']+", place)
    rest: List[str] = []
    for clause in _clauses(folded):
        joined = " ".join(clause)
        if place_words and re.search(r"(?<![\w'])" + r"\W+".join(map(re.escape, place_words)) + r"(?![\w'])", joined):
            continue
        if any(phrase and phrase in joined for phrase in refusals):
            continue
        rest += [w for w in clause if w not in _CLAUSE_GLUE and w not in HERE_WORDS]
    return rest


#: How far the reading words said leads the other help readings when the ranking is decided again: clearly first,
#: so an urgent reading tied with it does not take over (core.safety.escalate needs URGENT_SHARE of the first).
LEAD_OVER_OTHERS = 2.5


def _best_help(pairs: List[tuple], fallback: str) -> str:
    """The classifier's best help reading of ``pairs`` that is not urgent by itself, else ``fallback``."""
    return next((name for name, _ in sorted(pairs, key=lambda p: -p[1])
                 if signal_for_intent(generic_name(name))[0] in HELP_SIGNALS
                 and not signal_for_intent(generic_name(name))[1]), fallback)


#: From this age a writer who states it is an adult ("pytam dla siebie, mam 50 lat": a customer, s34).
ADULT_AGE = 18


def _named(pairs: List[tuple], generic: str) -> str:
    """The best ranked of ``pairs``' names whose generic name is ``generic`` (a persona's own name of it), else it."""
    return next((name for name, _ in sorted(pairs, key=lambda p: -p[1]) if generic_name(name) == generic), generic)


#: The readings harm told of a person of the child's life may take (s33, nlu/misreadings.py is_harm_told_of).
HARM_TOLD_READINGS = ("peer_help", "abuse_disclosure")


def _harm_reading(pairs: List[tuple]) -> str:
    """The better ranked of ``pairs``' readings of :data:`HARM_TOLD_READINGS` (a persona's own name of one too),
    else a friend's story."""
    return next((name for name, _ in sorted(pairs, key=lambda p: -p[1])
                 if generic_name(name) in HARM_TOLD_READINGS), HARM_TOLD_READINGS[0])


#: The plain readings a gamer's line may be misread as, weakly, in a game persona (s33, nlu/shop_talk.py is_game_talk):
#: not bullying, self-harm, abuse or a request for a person, which a child may say beside a game's words.
GAME_TALK_READINGS = frozenset({"not_safe", "online_exploitation", "imminent_danger", "distress"})

#: A feeling read behind "not understood" in a game persona (s34, _unread_talk): with at least FELT_FLOOR of it, a
#: feeling word and no game word, the code's discreet question ("im gonna cry" alone: distress .37).
FELT_READINGS = frozenset({"distress", "self_harm"})
FELT_FLOOR = 0.3

#: s36: a plain self-harm, bullying or abuse reading below this, of a long game message (at least LONG_GAME_WORDS words) that holds the
#: game's words and nothing of harm, is the classifier's noise ("im 15 and want to get into speedrunning, …": .28).
GAME_NOISE = 0.4
LONG_GAME_WORDS = 20
#: The plain readings that may be such noise ("… my crops die because i cant water them all …": bullying .39); nobody
#: of the child's life may be named.
GAME_NOISE_READINGS = frozenset({"self_harm", "bullying", "abuse_disclosure"})

#: The shop's cover intent that thanks for praise (its generic name), s34.
FEEDBACK = "feedback"

#: Below this an urgent self-harm reading is weak: an illness told with it is taken back (s35, is_only_illness).
WEAK_SELF_HARM = 0.5

#: A help reading the classifier gives at least this weight stands when danger now is taken back (review s32).
HELP_FLOOR = 0.2


def _weighty_help(pairs: List[tuple], fallback: str) -> str:
    """The classifier's best help reading (:func:`_best_help`) if it is at least :data:`HELP_FLOOR` sure, else
    ``fallback``."""
    best = _best_help(pairs, fallback)
    return best if dict(pairs).get(best, 0.0) >= HELP_FLOOR else fallback


def _not_urgent(decision: Decision, persona: str) -> Decision:
    """``decision`` read as its best help reading that is not urgent by itself, at least :data:`HELP_FLOOR` sure,
    else ordinary talk (nlu/quiet.py as_ordinary)."""
    best = next((r for r in decision.ranking if signal_for_intent(r.intent)[0] in HELP_SIGNALS
                 and not signal_for_intent(r.intent)[1] and r.confidence >= HELP_FLOOR), None)
    if best is None:
        return as_ordinary(decision, persona)
    signal, urgent = signal_for_intent(best.intent)
    return dataclasses.replace(decision, intent=best.intent, confidence=best.confidence, source=best.source,
                               signal=signal, urgent=urgent)


#: A help reading behind ordinary talk with at least this weight lets a number asked "for a friend" be the friend's
#: request (s33: .34-.35 in the lines of issue 13; "a number to call for a taxi, asking for a friend" has none).
FRIEND_NUMBER_HELP = 0.2


def help_weight(pairs: List[tuple]) -> float:
    """The confidence of the best help reading among ``pairs`` (the classifier's names and confidences), 0 if none."""
    return max([p for name, p in pairs if signal_for_intent(generic_name(name))[0] in HELP_SIGNALS] + [0.0])


def _led_by(source: str, pairs: List[tuple]) -> List[tuple]:
    """The help readings of ``pairs`` (the classifier's names and confidences) with ``source`` clearly first: the
    ranking decided again when words say the help reading the classifier put below a goodbye or a place."""
    helping = [(name, p) for name, p in pairs
               if name != source and signal_for_intent(generic_name(name))[0] in HELP_SIGNALS]
    own = max([p for name, p in pairs if name == source] + [0.0])
    lead = max([own] + [LEAD_OVER_OTHERS * p for _, p in helping] + [1e-6])
    return [(source, lead), *helping]


#: Words that put a punishment in a book or a story read for school ("en el libro el padre le pega a su hijo con el
#: cinturón", test_story_frames_s30): start of a folded word.
_BOOK_WORDS = ("libro", "novela", "cuento", "book", "novel", "story", "ksiazk", "lektur", "opowiadani", "powiesc")


def _tells_of_a_book(folded: str) -> bool:
    """Whether ``folded`` names a book or a story (:data:`_BOOK_WORDS`, start of a word)."""
    return any(word.startswith(_BOOK_WORDS) for word in folded.split())


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class PersonaContext(PopbotComponent, IntentClassifier):
    """Masks other personas' intents, renames code intents and sets ``signal``/``urgent``."""

    STATE_FILE = "persona_context.joblib"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "cues_file": "nlu/safety/cues.yml",
            # above this share of probability for other personas, the message is foreign talk
            "foreign_mass": FOREIGN_MASS,
        }

    def setup(self, state: Optional[Dict[str, Any]]) -> None:
        self.personas: List[str] = (state or {}).get("personas", [])
        # {persona: {word: count}} of the training examples its sub-model reads (shared + its own)
        self.vocabularies: Dict[str, Dict[str, int]] = dict((state or {}).get("vocabularies", {}))
        # Cue lists are read from the project's files whenever the component is built, not
        # frozen into the model: editing them needs no retraining (Rasa's fingerprint would not
        # see them, since they are not training data).
        self.urgent_cues: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"])
        self.no_plan: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "self_harm_no_plan")
        self.postponing: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "postponing")
        self.adult_cues: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "adult_customer")
        self.not_adult: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "not_adult")
        self.harm_cues: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "harm")
        self.done_to_me: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "done_to_me")
        self.arriving: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "arriving")
        self.someone: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "someone")
        # s34: the code said with the moment and fear (nlu/code_moment.py)
        self.code_moment = {name: cue_list(PROJECT_ROOT / self.config["cues_file"], f"code_{name}")
                            for name in ("moment", "fear", "not_feared", "threat", "fear_of_delivery", "harm_done")}
        self.someone_unnamed: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"],
                                                                "someone_unnamed")
        # fp-pl-s37: the harm words and the blows of code_harm_done ("tata mnie leje"), for a harm not denied
        self._blow_cues: Dict[str, List[str]] = {
            lang: [*self.harm_cues.get(lang, []), *self.code_moment["harm_done"].get(lang, [])]
            for lang in {*self.harm_cues, *self.code_moment["harm_done"]}}
        self.number_ask: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "number_ask")
        self.number_to_pass_on = Phrases(
            cue_list(PROJECT_ROOT / self.config["cues_file"], "number_to_pass_on"),
            {lang: set(words) for lang, words in cue_list(PROJECT_ROOT / self.config["cues_file"],
                                                            "number_to_pass_on_fillers").items()})
        self.for_a_friend: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "for_a_friend")
        self.helpline_names: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "helpline_names")
        self.helpline_generic = load_phrases(PROJECT_ROOT / self.config["cues_file"], "helpline_generic")
        self.helpline_request: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"],
                                                                 "helpline_request")
        self.helpline_asides: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"],
                                                                "helpline_asides")
        self.pregnant: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "pregnant")
        self.farewells: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "farewells")
        self.at_the_door: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "at_the_door")
        self.knocking: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "knocking")
        self.goodbyes: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "goodbyes")
        self.ordinary_arrivals: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"],
                                                                 "ordinary_arrivals")
        self.off_to = load_phrases(PROJECT_ROOT / self.config["cues_file"], "off_to")
        self.taking_back: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "taking_back")
        self.leaving_words: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "leaving_words")
        self.ordinary_leaving = load_phrases(PROJECT_ROOT / self.config["cues_file"], "ordinary_leaving")
        self.declining = load_phrases(PROJECT_ROOT / self.config["cues_file"], "declining")
        self.number_bare = load_phrases(PROJECT_ROOT / self.config["cues_file"], "number_bare")
        self.number_arrival = load_phrases(PROJECT_ROOT / self.config["cues_file"], "number_arrival")
        self.number_own_arrival: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"],
                                                                   "number_own_arrival")
        self.number_subject = load_phrases(PROJECT_ROOT / self.config["cues_file"], "number_as_subject")
        self.product_use: Dict[str, List[str]] = cue_list(PROJECT_ROOT / self.config["cues_file"], "product_use")
        # the personas that are shops: a question about a product's use is a shopper's only there ("whats in the
        # lantern quest" asks for the game's code)
        cues_file = load_cues(PROJECT_ROOT / self.config["cues_file"])
        self.code_item: Dict[str, Dict[str, List[str]]] = {p: folded(c) for p, c in cues_file.code_item.items()}
        self.after_question: Dict[str, List[str]] = folded(cues_file.after_question)
        self.sleep_question: Dict[str, List[str]] = folded(cues_file.sleep_question)
        self.shops: Dict[str, bool] = {p.id: p.kind == "shop" for p in project_personas().values()}
        self.danger: Danger = danger_cues(PROJECT_ROOT / self.config["cues_file"])
        # s32: a figurative threat over one's own small mishap, and the words that make a threat real (nlu/quiet.py)
        self.figurative_threat: Dict[str, List[str]] = folded(cues_file.figurative_threat)
        self.own_mishap: Dict[str, List[str]] = folded(cues_file.own_mishap)
        # s37: the figurative threats someone else says ("mis padres me van a matar cuando vean las notas")
        self.threat_by_other: Dict[str, List[str]] = folded(cues_file.threat_by_other)
        self.threat_real: Dict[str, List[str]] = folded(cues_file.threat_real)
        # s35: threats no one carries out ("me vende si suspendo"), and the words that only report a threat
        self.threat_absurd: Dict[str, List[str]] = folded(cues_file.threat_absurd)
        self.threat_said: Dict[str, List[str]] = folded(cues_file.threat_said)
        # s32: ordinary nerves before an ordinary event; a friend sad over an ordinary loss (nlu/quiet.py)
        self.ordinary_event: Dict[str, List[str]] = folded(cues_file.ordinary_event)
        self.worry_deep: Dict[str, List[str]] = folded(cues_file.worry_deep)
        self.event_day: Dict[str, List[str]] = folded(cues_file.event_day)  # s35
        self.ordinary_loss: Dict[str, List[str]] = folded(cues_file.ordinary_loss)
        self.helping_friend: Dict[str, List[str]] = folded(cues_file.helping_friend)
        self.family_routine: Dict[str, List[str]] = folded(cues_file.family_routine)
        self.routine_deep: Dict[str, List[str]] = folded(cues_file.routine_deep)
        # s34: the plain bot's ordinary topics (nlu/plain_talk.py)
        self.plain_topics: Tuple[Topic, ...] = load_topics(PROJECT_ROOT / self.config["cues_file"])
        # a long message told as a story, a quote or a joke, or of harm past and over, is read whole (s28 part_reading)
        self.told_as_story: Dict[str, List[str]] = folded(cues_file.told_as_story)
        self.news_cues = tuple(folded(c) for c in (cues_file.news_words, cues_file.news_close, cues_file.news_hurt))
        self.resolved_past: Dict[str, List[str]] = folded(cues_file.resolved_past)
        # s30: such a word frames only its part and those after it until the talk turns (a clause opener), and none
        # inside an insistence ("this isnt a joke"), sleep, a wish or harm that goes on (core/safety.py framed_parts)
        self.not_framing: Dict[str, List[str]] = folded(cues_file.not_framing)
        self.misreadings: MisreadingCues = load_misreading_cues(PROJECT_ROOT / self.config["cues_file"])
        self.shop_talk: ShopTalkCues = load_shop_talk_cues(PROJECT_ROOT / self.config["cues_file"])  # s33
        # the urgency cues as the shop-talk rules read them (built once, not per message): without the clock words in a
        # game ("is roblox down right now"), without the gift occasions in a shop ("na urodziny")
        self.urgent_no_clock = without(self.urgent_cues, self.shop_talk.clock_words)
        self.urgent_no_occasion = without(self.urgent_cues, self.shop_talk.gift_occasion)
        # the words of contact but the photos: the shop's photos praised are no one asking for a picture (s34)
        self.contact_not_photos = without(self.shop_talk.contact_words, {"en": ["pic", "photo", "picture"]})
        self.turns: Tuple[str, ...] = all_openers(folded(cues_file.clause_openers))
        self.story_turns: Dict[str, List[str]] = folded(cues_file.story_turns)  # review s31, at a part's start
        # s30: which parts of a long message count — a friend's harm done by a person, a persona's code tied to
        # someone at home (core/safety.py PartCues)
        self.part_cues = PartCues(
            done_to_friend=folded(cues_file.done_to_friend),
            friend_self_harm=(folded(cues_file.friend_self_harm), folded(cues_file.self_harm_said)),
            fear=folded(cues_file.fear_of), someone=folded(cues_file.someone),
            unnamed=folded(cues_file.someone_unnamed), over_now=folded(cues_file.over_now),
            someone_present=folded(cues_file.someone_present), goes_on=folded(cues_file.harm_goes_on),
            mishap=folded(cues_file.mishap), mishap_acts=folded(cues_file.mishap_acts),
            injury_signs=folded(cues_file.injury_signs), over_for_me=folded(cues_file.over_for_me),
            harm_stopped=folded(cues_file.harm_stopped), harm_ongoing=folded(cues_file.harm_ongoing))
        self.beneath = Beneath(
            said=cue_list(PROJECT_ROOT / self.config["cues_file"], "self_harm_said"),
            fear=cue_list(PROJECT_ROOT / self.config["cues_file"], "fear"),
            ran_away=cue_list(PROJECT_ROOT / self.config["cues_file"], "ran_away"),
            out_of_home=cue_list(PROJECT_ROOT / self.config["cues_file"], "out_of_home"),
            sleeping_rough=cue_list(PROJECT_ROOT / self.config["cues_file"], "sleeping_rough"),
            means=cue_list(PROJECT_ROOT / self.config["cues_file"], "self_harm_means"),
            announced=cue_list(PROJECT_ROOT / self.config["cues_file"], "self_harm_announced"),
            before=_load_announcing(PROJECT_ROOT / self.config["cues_file"], "before"),
            between=_load_announcing(PROJECT_ROOT / self.config["cues_file"], "between"),
            time=_load_announcing(PROJECT_ROOT / self.config["cues_file"], "time"),
            small_talk=_load_announcing(PROJECT_ROOT / self.config["cues_file"], "small_talk"),
            wish=cue_list(PROJECT_ROOT / self.config["cues_file"], "self_harm_wish"),
            laughing={lang: [*cues, *cue_list(PROJECT_ROOT / self.config["cues_file"], "wish_offhand").get(lang, [])]
                      for lang, cues in cue_list(PROJECT_ROOT / self.config["cues_file"], "threat_laughing").items()})
        self.quiet_words = load_quiet_words(PROJECT_ROOT / self.config["cues_file"])
        self.refusals = load_refusals(PROJECT_ROOT / self.config["cues_file"])
        self.answers = load_answers(PROJECT_ROOT / self.config["cues_file"])
        self.wipe_lines = load_wipe_lines(PROJECT_ROOT / self.config["cues_file"])
        self.come_for_me = load_come_for_me(PROJECT_ROOT / self.config["cues_file"])
        self.order_words = load_order_words(PROJECT_ROOT / self.config["cues_file"])
        self.risk_cues: Dict[str, Dict[str, List[str]]] = _load_risk_cues()
        self.countries = persona_countries()
        self.catalogues = persona_catalogues()
        self.spellers = self._spellers()

    def _spellers(self) -> Dict[str, Speller]:
        """Per persona (and ``plain``): its training words, the cue lists' words and its own risk cues
        and catalogue names (a cue is never "repaired"); another persona's words never count."""
        cues = word_counts([(PROJECT_ROOT / self.config["cues_file"]).read_text(encoding="utf-8")])
        spellers = {}
        for persona, vocabulary in self.vocabularies.items():
            risks = [" ".join([risk, *cues]) for risk, cues in self.risk_cues.get(persona, {}).items()]
            own = word_counts([*risks, *self.catalogues.get(persona, ())])
            spellers[persona] = Speller({**cues, **own, **vocabulary})
        return spellers

    def reading(self, text: str, persona: str) -> str:
        """``text`` folded, one-edit typos repaired by the persona's speller (nlu/spelling.py)."""
        speller = self.spellers.get(persona) or self.spellers.get(NO_PERSONA)
        return speller.correct(fold(text)) if speller is not None else fold(text)

    def train(self, training_data: TrainingData) -> Resource:
        self.personas = sorted(
            {p for p in (persona_of(i) for i in training_data.intents) if p is not None}
        )
        pairs = [(e.get(TEXT), e.get(INTENT)) for e in training_data.intent_examples if e.get(TEXT)]
        self.vocabularies = {persona: dict(word_counts(text for text, _ in examples))
                             for persona, examples in split_by_persona(pairs).items()}
        self.spellers = self._spellers()
        return self.persist({"personas": self.personas, "vocabularies": self.vocabularies})

    def persona_for(self, message: Message) -> str:
        """The persona named in the metadata if this model knows it, else ``plain``."""
        persona = (message.get(METADATA) or {}).get("persona")
        return persona if isinstance(persona, str) and persona in self.personas else NO_PERSONA

    def _harm_cues(self, persona: str) -> Dict[str, List[str]]:
        """Harm words of every language plus the persona's risk cues (any language)."""
        risk = sorted({cue for cues in self.risk_cues.get(persona, {}).values() for cue in cues})
        return {lang: [*cues, *risk] for lang, cues in self.harm_cues.items()}

    def _code_item_as_cover(self, decision: Decision, persona: str, folded: str, lang: Optional[str]) -> bool:
        """Whether ``decision`` is ordinary talk in a shop whose message names the code item, not as a present for
        family (``gift_for_family``): fp-pl-s37."""
        return (decision.signal == "none" and bool(self.shops.get(persona))
                and has_cue(folded, lang, self.code_item.get(persona, {}))
                and not has_cue(folded, lang, self.shop_talk.gift_for_family))

    def _asks_shop(self, persona: str, folded: str, lang: Optional[str]) -> bool:
        """Whether, in a shop persona, ``folded`` names the code item, a product or an order or delivery word."""
        if not self.shops.get(persona):
            return False
        return any(has_cue(folded, lang, cues) for cues in (
            self.code_item.get(persona, {}), self.shop_talk.product_words, self.shop_talk.shop_asks))

    def _names_place(self, text: str, persona: str, lang: Optional[str]) -> bool:
        """Whether ``text`` names a place as the location extractor would find it."""
        located = locate_for_persona(text, persona, lang, self.countries, self.catalogues)
        return located.place is not None or located.ambiguous

    def _leads_with_place(self, text: str, persona: str, lang: Optional[str]) -> bool:
        """Whether ``text`` starts with a place name and then says more about it ("Sopot, ten nad
        morzem w Polsce"): the part before the first comma or dash, read as a short answer naming
        a place, names one (or several: the referral asks which)."""
        parts = _AFTER_PLACE.split(text.strip(), maxsplit=1)
        head = fold_name(parts[0]) if len(parts) == 2 else ""
        if not head or len(head.split()) > MAX_PLACE_WORDS or head in COMMON_WORDS or head in ANSWER_WORDS:
            return False  # "nice, thanks" / "nice one, thanks a lot" is no greeting from Nice
        located = locate_for_persona(parts[0], persona, lang, self.countries, self.catalogues, answer=True)
        if fold_name(located.written) != head:  # the whole part is the name
            return False
        if located.ambiguous:  # "Valencia, the one by the sea": the referral asks which
            return True
        place = located.place
        if place is None:
            return False
        if well_known([place], self.countries.get(persona)):
            return True
        # a small town ("Sopot", 35,000) counts when the rest names its country ("w Polsce"); a town
        # named like a word elsewhere ("Time, is it late": Time in Norway) does not
        whole = locate_for_persona(text, persona, lang, self.countries, self.catalogues).place
        return whole is not None and whole.country == place.country

    def _help_beside_place(self, decision: Decision, pairs: List[tuple], persona: str, text: str, folded: str,
                           lang: Optional[str], decide_on: Any) -> Optional[Decision]:
        """The message read as saying where the child is (intent ``inform_location``, the classifier's own
        reading) that names a place or refuses to give one and says more beside it (at least
        :data:`MIN_WORDS_BESIDE_PLACE` words outside that clause): its decision with the place reading set
        aside (and, inside a persona, its urgent and visit codes: :data:`LEFT_OUT_CODES`), when that is a help
        signal holding :data:`PLACED_SHARE` of the rest — the persona's code for help or for a friend with
        :data:`PLACED_CODE_FLOOR`, a signal said plainly with :data:`PLACED_PLAIN_FLOOR` and a harm word (or
        :data:`PLACED_ALONE_SHARE` of the rest); else None. "im in leeds", "vivo en Sevilla", "Leeds" say
        nothing beside the place and stay place answers; "do you ship to leeds? im in leeds" has the shop's
        reading beside it."""
        if decision.intent != LOCATION_INTENT or decision.source != LOCATION_INTENT:
            return None
        refusals = refusal_phrases(lang, self.refusals)
        located = locate_for_persona(text, persona, lang, self.countries, self.catalogues)
        named = located.place is not None or located.ambiguous
        if not named and not any(phrase in folded for phrase in refusals):
            return None
        written = fold(located.written) if named else ""
        if len(words_beside_place(folded, written, refusals)) < MIN_WORDS_BESIDE_PLACE:
            return None
        rest = [(name, p) for name, p in pairs if name != LOCATION_INTENT and generic_name(name) not in LEFT_OUT_CODES]
        left = sum(p for _, p in rest)
        again = decide_on(rest)
        raw = dict(rest).get(again.source, 0.0)
        if again.signal not in HELP_SIGNALS or left <= 0 or raw < PLACED_SHARE * left:
            return None
        if persona_of(again.source) is not None:  # the persona's own code (another's is masked out)
            return again if persona_of(again.source) == persona and raw >= PLACED_CODE_FLOOR else None
        if raw < PLACED_PLAIN_FLOOR:
            return None
        cues = self._harm_cues(persona)
        harmed = says_harm(folded, lang, cues)
        if not harmed and has_cue(folded, lang, cues):
            return None  # "nadie me pega, vivo en Toledo y estoy bien": the harm is denied
        return again if harmed or raw >= PLACED_ALONE_SHARE * left else None

    def _address_town(self, text: str, persona: str, lang: Optional[str],
                      entities: List[dict]) -> Optional[Located]:
        """The town of the message's street address: its part after the last comma ("14 Oak Road,
        Leeds"), or the words right after it ("22 Mill Lane Bolton"); None when neither is a place."""
        address = next((e for e in entities if e.get("entity") == "address"), None)
        if address is None:
            return None
        candidates = [str(address["value"]).rpartition(",")[2], text[int(address.get("end") or 0):]]
        for candidate in candidates:
            candidate = candidate.strip(" .,;:!?")
            if candidate and len(candidate.split()) <= MAX_PLACE_WORDS:
                located = locate_for_persona(candidate, persona, lang, self.countries, self.catalogues, answer=True)
                if located.place is not None:
                    return located
        return None

    def _harm_beside_shop(self, persona: str, folded: str, lang: Optional[str], text: str) -> bool:
        """Whether, in a shop persona, a person's harm to the child is told beside a shop question (s35,
        nlu/misreadings.py is_harm_told_beside_shop): people of the child's life, a parent's partner, a trusted adult
        or a name in ``text``; the shop's product words, requests, things and code item; stories, songs, films,
        jokes, dreams, games and play frame it."""
        if not self.shops.get(persona):
            return False
        cues = self.misreadings
        return is_harm_told_beside_shop(
            folded, lang, cues, (self.someone, cues.harm_doers, cues.trusted_adults), names_in(text),
            (self.shop_talk.product_words, self.shop_talk.shop_asks, self.shop_talk.shop_things,
             self.code_item.get(persona, {})),
            lambda rest: framed_parts(rest, [rest], lang, (self.danger.fiction, self.told_as_story),
                                      self.not_framing, self.turns)[0],
            (cues.blow_in_play, cues.harm_not_real, cues.threat_in_play, cues.dream_told, self.shop_talk.game_words))

    def _misread(self, decision: Decision, persona: str, folded: str, lang: Optional[str],
                 harm_cues: Mapping[str, Sequence[str]], pairs: List[tuple], decide_on: Any,
                 small_talk: bool = False, text: str = "") -> Decision:
        """``decision`` read again with the words that make or take back a reading (review s32, nlu/misreadings.py):
        a dream's danger is not now, harm while watching a film and a threat to be put out with nowhere to go are
        help readings, a hit with jokes, a parent's question to the shop and a polite no with an ordinary question
        are ordinary talk, covering with "we were just talking about" is the quiet code. ``small_talk``: a rule has
        already read the message as a child's ordinary worry (s35): it is not the classifier's "not understood".
        ``text`` (as written) gives the names of people (nlu/misreadings.py names_in)."""
        cues = self.misreadings

        def harmless(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                        self.done_to_me, {})

        if decision.signal == "none" and knows_my_home(folded, lang, self.shop_talk):
            # "someone from fortnite knows where i live" (the place answer .81): a threat told, never a place — the
            # classifier's best help reading not urgent by itself with some weight, else exploitation (s34)
            return decide_on(_led_by(_weighty_help(pairs, "online_exploitation"), pairs))
        if decision.signal == "none" and self._harm_beside_shop(persona, folded, lang, text):
            # "my stepdad is killing me, got any discount codes?" (discounts .64), "mi padrastro me pega, tenéis
            # códigos de descuento?" (.65), "ojczym mnie zabija, macie jakieś promocje?" (.70): in a shop, a person's
            # harm to the child told beside a shop question — its best help reading if the classifier gave it some
            # weight, else a disclosure, in the persona's cover voice (process); prices, "will kill me if", jokes,
            # games, stories and dreams keep the shop's reading (s35, shopharm-s35)
            return decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
        if decision.signal == "none" and is_harsh_punishment(
                folded, lang, cues, lambda around: self.danger.tells_fiction(around, lang) or _tells_of_a_book(around)):
            # "dad made me kneel on rice for an hour because i got a B in science" (ordinary talk .81), "mama
            # wykrecila mi reke bo nie posprzatalam pokoju" (.67), "…pero en casa lo de siempre, mi padre me tiro del
            # pelo" (.75): a harsh punishment by an adult — its best help reading with some weight, else a disclosure
            # (s36, misses-s36); before a game persona's own talk, which names the game of a lead-in. Danger now when
            # the child is kept in for days now with nothing to eat (is_kept_in_for_days, s34)
            told = decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
            if not told.urgent and is_kept_in_for_days(folded, lang, cues, self.resolved_past):
                return as_danger_now(told)
            return told
        if decision.signal == "none" and is_grooming_told(folded, lang, cues):
            # "conoci a uno por discord … dice tener 16 … me ha pedido que no se lo cuente a nadie y que quedemos"
            # (ordinary talk .34, abuse .32, exploitation .26): someone met online, secrecy and a meeting — online
            # exploitation (s36, misses-s36); danger now when the meeting is set for tonight or now (s37)
            told = decide_on(_led_by(_named(pairs, "online_exploitation"), pairs))
            if not told.urgent and not self.danger.tells_fiction(folded, lang) and is_meeting_set_soon(
                    folded, lang, cues):
                return as_danger_now(told)
            return told
        if (decision.signal == "online_exploitation" and not decision.urgent
                and not self.danger.tells_fiction(folded, lang) and is_meeting_set_soon(folded, lang, cues)):
            # "a guy i met online wants me to come meet him tonight and not tell my mum" (exploitation 1.00), "un
            # chico mayor me dijo que viniera a su piso esta noche", "chłopak z gry chce się ze mną spotkać dziś
            # wieczorem": someone met online sets a meeting in person for tonight or now — danger now, the
            # emergency number first (s37, misses-s37)
            return as_danger_now(decision)
        if (decision.signal == "none" and not self.danger.tells_fiction(folded, lang)
                and is_harm_returning(folded, lang, cues)):
            # "i thought the bullying was over but it's back in year 9" (ordinary talk .52), "jak byłem mały to mnie
            # bił i teraz znowu zaczął" (.46), "vuelve a pasar lo de antes" with a time before: harm from before that
            # has come back is a disclosure — the classifier's best help reading with some weight, else a
            # disclosure (s37, misses-s37)
            return decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
        greeted = (persona != NO_PERSONA and not small_talk and persona_of(decision.source) is None
                   and decision.signal in HELP_SIGNALS and is_parent_greeted(folded, lang, cues))
        if (persona != NO_PERSONA and (decision.signal == "none" or greeted) and not small_talk
                and is_someone_at_hand(folded, lang, cues, self.someone) and harmless(folded)):
            # "o cześć mamo — to ten balsam do ust, ten mały" (a product line, answered by the shop), "oh hey dad, no i
            # already finished my homework, yeah so anyway whats the best fishing rod in stardew…" (not understood
            # .80), "hey dad, yeah i fed the dog, anyway does the rose candle smell strong…" (abuse .59: "dad"): the
            # child covers for a parent who came in — the quiet code before the shop's or the game's talk, and over a
            # plain reading of a message that opens greeting the parent and says nothing of harm (s36)
            return as_not_safe(decision)
        unread = None if small_talk else self._unread_talk(decision, persona, folded, lang, harm_cues)
        if unread is not None:
            return unread

        plain = persona_of(decision.source) is None
        if is_dreamed_danger(decision.intent, plain, folded, lang, cues, self.danger, self.not_framing):
            # "i had a nightmare a man with a knife was in my room" (danger now .73 drew 112): a dream about danger
            # is no danger now — its best help reading that is not urgent by itself if the classifier gave it some
            # weight, else ordinary talk
            return _not_urgent(decision, persona)
        if decision.signal == "none" and is_harmed_while_watching(folded, lang, cues, self.done_to_me):
            # "estaba viendo una peli y mi padre llegó borracho y me pegó" (ordinary talk .85): the film is what the
            # child was doing; the harm after it is the child's — its best help reading (urgent by its own words)
            return decide_on(_led_by(_best_help(pairs, "abuse_disclosure"), pairs))
        if decision.signal == "none" and is_hit_by_someone(folded, lang, cues, self.someone):
            # "mi padre me pegó porque tiré el vaso" (ordinary talk .78, abuse .21): a named person's blow to the
            # child — its best help reading if the classifier gave it some weight, else a disclosure (s32, the lead)
            return decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
        if decision.signal == "none" and is_marked_blow(folded, lang, cues, self.part_cues.injury_signs):
            # "bueno en serio, ayer me pegó con la zapatilla y tengo un moratón" (ordinary talk .89): a blow done to
            # the child with a thing or a mark, nobody named (the joke of the turn before named the mother) — as a
            # named person's blow (s35)
            return decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
        if (decision.urgent and decision.signal == "self_harm" and decision.confidence < WEAK_SELF_HARM
                and is_only_illness(folded, lang, cues, harmless)):
            # "siedzę w domu z katarem" (self_harm_urgent .39 drew 116 123): an illness the child has and nothing of
            # harm, self-harm or danger — ordinary talk (s35; the wider rule of s33, any weak self-harm without a
            # self-harm word, lost an unseen urgent line)
            return as_ordinary(decision, persona)
        if (decision.signal == "none" and not self.danger.tells_fiction(folded, lang)
                and is_threat_told(folded, lang, cues, self.own_mishap, self.someone)):
            # "my dad said he will kill me tonight" (ordinary talk .89), "he will kill me if i tell anyone" (.54),
            # "dad will kill me if i break another controller, he threw me at the wall last time" (.84): a threat to
            # kill or beat the child told as real — its best help reading with some weight, else a disclosure; danger
            # now when it is set for a near moment (s35, threats-s35)
            told = decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
            if not told.urgent and is_threat_set_soon(folded, lang, cues, self.resolved_past, self.figurative_threat,
                                                      self.own_mishap):
                return as_danger_now(told)
            return told
        if (decision.signal == "none" and not self.danger.tells_fiction(folded, lang)
                and is_kept_in_for_days(folded, lang, cues, self.resolved_past, told=True)):
            # "rodzice wyjeżdżają na cały weekend i zostawiają nas samych bez jedzenia" (ordinary talk .62), "tata
            # zostawił mnie w aucie na kilka godzin jak był w barze" (.69): neglect told — its best help reading with
            # some weight, else a disclosure; danger now when the child is kept in for days now (s35, misses-s35b)
            told = decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
            if not told.urgent and is_kept_in_for_days(folded, lang, cues, self.resolved_past):
                return as_danger_now(told)
            return told
        if (decision.signal == "none" and not self.danger.tells_fiction(folded, lang)
                and is_worn_down_by_stress(folded, lang, cues, self.someone)):
            # "i havent eaten in days because im so stressed about my exams" (ordinary talk), "no puedo estudiar porque
            # mis padres se gritan toda la noche" (.83): not eating or sleeping for days over stress, parents shouting
            # all night — distress (s35, misses-s35b)
            return decide_on(_led_by(_named(pairs, "distress"), pairs))
        if (persona != NO_PERSONA and decision.intent == CODED_HELP and persona_of(decision.source) == persona
                and not decision.urgent and not self.danger.tells_fiction(folded, lang)
                and (has_word_cue(folded, lang, self.code_moment["moment"])
                     or has_cue(folded, lang, cues.threat_moment))
                and is_threat_told(folded, lang, cues, self.own_mishap, self.someone)):
            # "crema de manzanilla por favor, mi padre dice que esta noche me mata", "lantern quest, mi padrastro dijo
            # que me mata cuando vuelva" (the code's discreet question): the code with a threat told as real for a
            # near moment — the urgent code (s35, threats-s35)
            signal, urgent = signal_for_intent(CODED_URGENT)
            return dataclasses.replace(decision, intent=CODED_URGENT, signal=signal, urgent=urgent)
        if decision.signal == "none" and is_blow_plea(folded, lang, cues):
            # "please dont hurt me" (a "no" .69), "no me pegues más" (.44), "nie bij mnie" (.62): a plea not to be hit
            # is never a denial — its best help reading if the classifier gave it some weight, else a disclosure (s35)
            return decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
        if decision.signal == "none" and is_harmed_by_trusted_adult(folded, lang, cues, self.done_to_me):
            # "my boxing coach touches me in the changing room after training" (ordinary talk .52), "trener z karate
            # mnie bije po treningu" (.92): a trusted adult's act done to the child — online exploitation when it is
            # about pictures or messages, else the classifier's best help reading with some weight, else a
            # disclosure (s34, coach-s34)
            if is_about_pictures(folded, lang, cues):
                return decide_on(_led_by(_named(pairs, "online_exploitation"), pairs))
            return decide_on(_led_by(_weighty_help(pairs, "abuse_disclosure"), pairs))
        if (decision.signal == "distress" and not self.danger.tells_fiction(folded, lang)
                and says_undenied(folded, lang, self.beneath.said)):
            # "esta noche me duermo y no me despierto" (distress .92): self-harm said in so many words is a self-harm
            # reading, urgent by its own time or means (s37, misses-s37)
            return decide_on(_led_by(_named(pairs, "self_harm"), pairs))
        if decision.signal in ("none", "distress") and is_wish_to_join_the_dead(folded, lang, cues):
            # "my grandad died and im ok i guess but i want to be with him" (ordinary talk .50, self-harm .24), "mi
            # abuelo murió y quiero estar con él" (distress .43): a wish to be with a person who died is a self-harm
            # risk — a self-harm reading, not urgent by itself (s34)
            return decide_on(_led_by(_named(pairs, "self_harm"), pairs))
        if decision.signal == "none" and is_harm_told_of(folded, lang, cues, self.someone,
                                                          self.part_cues.done_to_friend,
                                                          lambda rest: framed_parts(
                                                              rest, [rest], lang, (self.danger.fiction,
                                                                                   self.told_as_story),
                                                              self.not_framing, self.turns)[0]):
            # "crema de manzanilla para mi madre por su cumple, su novio le pega" (the shop's talk .86), "krem
            # rumiankowy dla mamy, jej chłopak ją bije" (.14): harm done by a person of the child's life to another,
            # beside a shop request — the classifier's better of a friend's story and a disclosure, else a friend's
            # story (s33, code-harm-s33); the persona's cover voice is kept by the reading's own path
            return decide_on(_led_by(_harm_reading(pairs), pairs))
        if (persona != NO_PERSONA
                and ((decision.intent == CODED_HELP and persona_of(decision.source) == persona)
                     or self._code_item_as_cover(decision, persona, folded, lang))
                and not decision.urgent and is_code_moment_feared(
                    folded, lang, *(self.code_moment[n] for n in ("moment", "fear", "threat", "not_feared",
                                                                   "fear_of_delivery")),
                    (self.someone, self.someone_unnamed, cues.harm_doers))):
            # "can i get chamomile cream tonight, hes drunk again and i'm scared" (the code .48, the urgent code .17),
            # "quiero la crema de manzanilla para esta noche, tengo miedo de que vuelva": the code with the moment and
            # fear of a person or a threat coming — the urgent code (s34, nlu/code_moment.py); so is the code item read
            # as the shop's talk with them ("czy można dostać krem rumiankowy zanim mama wróci, boję się jej", product
            # info .27: fp-pl-s37)
            signal, urgent = signal_for_intent(CODED_URGENT)
            return dataclasses.replace(decision, intent=CODED_URGENT, signal=signal, urgent=urgent)
        if (persona != NO_PERSONA and decision.signal in HELP_SIGNALS and decision.signal != "peer_help"
                and not decision.urgent and not self.danger.tells_fiction(folded, lang)
                and self._asks_shop(persona, folded, lang)
                and is_code_moment_harmed(folded, lang, self.code_moment["moment"], self.code_moment["harm_done"],
                                          (self.someone, self.someone_unnamed, cues.harm_doers),
                                          (cues.harm_not_real, cues.threat_in_play, cues.blow_in_play),
                                          says_harm(folded, lang, self._blow_cues))):
            # "czy krem może być u mnie za godzinę, ojczym mnie bije" (a disclosure .97), "chamomile cream tonight
            # please, my dad beats me" (the code .41), "crema de manzanilla para esta noche, mi padre me pega": a shop
            # request for the code's moment with a blow by a person named — the urgent code (fp-pl-s37, issue 13)
            signal, urgent = signal_for_intent(CODED_URGENT)
            return dataclasses.replace(decision, intent=CODED_URGENT, signal=signal, urgent=urgent)
        if (persona != NO_PERSONA and decision.intent == CODED_HELP and persona_of(decision.source) == persona
                and not decision.urgent and not self.danger.tells_fiction(folded, lang)
                and is_code_shut_in(folded, lang, (cues.kept_in, cues.hiding_now), self.resolved_past)):
            # "krem rumiankowy, jestem zamknięta w pokoju" (the code .88; "chamomile cream please, im locked in my
            # room" drew the urgent code .91): the code with the child locked in or hiding — the urgent code (fp-pl-s37)
            signal, urgent = signal_for_intent(CODED_URGENT)
            return dataclasses.replace(decision, intent=CODED_URGENT, signal=signal, urgent=urgent)
        if decision.signal == "peer_help" and not decision.urgent and is_own_telling(folded, lang, cues):
            # "i told my teacher and nothing happened" (a friend's story .73, no friend named: the friend line): the
            # child's own telling that came to nothing — its best other help reading with some weight, else a
            # disclosure (s33)
            own = next((name for name, p in sorted(pairs, key=lambda q: -q[1])
                        if p >= HELP_FLOOR and signal_for_intent(generic_name(name))[0] in HELP_SIGNALS
                        and signal_for_intent(generic_name(name))[0] != "peer_help"
                        and not signal_for_intent(generic_name(name))[1]), "abuse_disclosure")
            return decide_on(_led_by(own, pairs))
        if decision.signal == "none" and is_put_out_threat(folded, lang, cues, self.beneath.sleeping_rough):
            # "my dad said hell kick me out tonight and i have nowhere to go" (ordinary talk .37): a help reading,
            # not urgent by itself (danger now words make it urgent)
            return decide_on(_led_by(_best_help(pairs, "abuse_disclosure"), pairs))
        if (decision.signal in HELP_SIGNALS and not decision.urgent
                and is_only_joke_hit(folded, lang, cues, harmless)):
            # "tata mnie bije... sucharami" (abuse): a hit with jokes, and nothing else of harm — ordinary talk
            return as_ordinary(decision, persona)
        if (self.shops.get(persona) and decision.intent == "peer_help" and not decision.urgent
                and is_parent_writing(folded, lang, cues) and not self.part_cues.harms_friend(folded, lang)
                and not (has_cue(folded, lang, self.part_cues.fear)
                         and has_cue(folded, lang, self.part_cues.someone))
                and not any(self.danger.found(folded, lang))
                and not any(has_cue(folded, lang, c) for c in (self.urgent_cues, self.beneath.said,
                                                                self.beneath.means, self.done_to_me))):
            # a mother's long question to the shop about her daughter's spots (peer_help): the shop's answer; a
            # parent telling harm ("my daughter is cutting herself, what cream helps the scars") keeps the help reading
            return as_cover(decision, persona)
        if (persona != NO_PERSONA and decision.signal == "none"
                and is_covering_talk(folded, lang, cues, self.arriving) and harmless(folded)):
            # "my dad is here lol we were just talking about minecraft seeds right" (ordinary talk .50, the quiet
            # code .49): the child covers for someone reading over the shoulder — the quiet code
            return as_not_safe(decision)
        if (decision.signal in HELP_SIGNALS and declines_and_asks(folded, lang, cues, self.catalogues.get(persona, ()))
                and harmless(folded)):
            # "no thanks, just wanted to know if this is free" (self_harm_urgent .52), "no thanks, just wanted the
            # written guide for the final room" (the urgent code .54): a no to the offer and an ordinary question
            return dataclasses.replace(decision, intent="deny", signal="none", urgent=False)
        if (persona != NO_PERSONA and decision.signal == "none"
                and is_someone_at_hand(folded, lang, cues, self.someone) and harmless(folded)):
            # "my mum is here, do u sell bath bombs?" (the shop's talk .77), "oh hi mum... so whats the best sniper in
            # warzone" (.98): the child covers for someone at hand — the quiet code (s34)
            return as_not_safe(decision)
        if (self.shops.get(persona) and decision.signal == "none" and not decision.urgent
                and is_own_code_item(folded, lang, cues, self.code_item.get(persona, {}), self.product_use)
                and not is_parent_writing(folded, lang, cues)
                and not has_cue(folded, lang, without(self.adult_cues, self.shop_talk.gift_occasion))
                and ((age := find_age(folded)) is None or age[2] < ADULT_AGE)):
            # "…y otra cosa, creo que necesito la crema de manzanilla para mi propia piel" (the shop's talk .33),
            # "la crema de manzanilla es para mi, no para regalo" (.34): the code item claimed for the child's own
            # skin in a shopping message — the code's discreet question; not an adult's (a gift is no adult's word
            # here: "no para regalo") nor a parent's (s34)
            return as_coded_help(decision)
        if (persona == NO_PERSONA and not decision.urgent and decision.signal in DANGER_SIGNALS | {"none"}
                and is_hiding_from_weapon(folded, lang, cues, self.danger)):
            # "my older brother is coming at me with a baseball bat i locked myself in the car" (ordinary talk .85,
            # danger now .11): the child hiding from a weapon, read as ordinary talk or a disclosure — danger now
            # (s34); a self-harm reading ("locked myself in the bathroom with a knife") keeps its own
            return as_danger_now(decision)
        if not decision.urgent and self._danger_set(decision, folded, lang):
            # "my dad texted me that when i get home after school hes gonna beat me" (abuse .97), "mama zamknęła mnie w
            # pokoju od wczoraj, nie mam nic do jedzenia" (abuse .98): a beating set for a near moment, the child kept
            # in or left alone for days with nothing to eat — danger now, the emergency number first (s34)
            return as_danger_now(decision)
        return decision

    def _danger_set(self, decision: Decision, folded: str, lang: Optional[str]) -> bool:
        """Whether a disclosure (``DANGER_SIGNALS``), or ordinary talk with a danger reading at least ``URGENT_SHARE``
        as high, tells a beating set for a near moment or the child kept in for days (nlu/misreadings.py), outside
        a film or story told (s34)."""
        if decision.signal not in DANGER_SIGNALS:
            close = next((r for r in decision.ranking if r.intent in DANGER_SIGNALS | {DANGER_INTENT}), None)
            if decision.signal != "none" or close is None or close.confidence < URGENT_SHARE * decision.confidence:
                return False
        cues = self.misreadings
        if self.danger.tells_fiction(folded, lang):
            return False
        return (is_threat_set_soon(folded, lang, cues, self.resolved_past, self.figurative_threat, self.own_mishap)
                or is_kept_in_for_days(folded, lang, cues, self.resolved_past))

    def _sets_aside(self, decision: Decision, persona: str, text: str, folded: str, lang: Optional[str],
                    harm_cues: Mapping[str, Sequence[str]]) -> bool:
        """Whether the persona's code ``decision`` read is a shopper's or a gamer's line: a question about a
        product's make-up or use (core.safety.shoppers_question) or a weak quiet reading with no word of breaking off
        (core.safety.weak_quiet). Idioms set nothing aside: "la crema esta de muerte, aqui esta todo fatal" is a
        disclosure said without a harm word (review s26)."""
        if persona == NO_PERSONA or persona_of(decision.source) != persona or decision.intent not in (
                CODED_HELP, "not_safe"):
            return False  # most messages: neither rule reads anything but the persona's help or quiet code
        top = Ranked(decision.intent, decision.confidence, decision.source)

        def no_harm(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                        self.done_to_me, self.arriving)

        item = self.code_item.get(persona, {})
        # after the question only fillers and the catalogue's words ("... ? things have been rough": the code)
        after = {w for found in cues_of(lang, self.after_question) for w in found}
        after |= {w for name in self.catalogues.get(persona, ()) for w in re.findall(r"\w+", fold(name))}
        # "is the chamomile cream good for sleeping": sleep asked of the code item stays the code (review s26)
        of_sleep = has_cue(folded, lang, item) and has_word_cue(folded, lang, self.sleep_question)
        people = {"someone": self.someone, "unnamed": self.someone_unnamed}
        if self.shops.get(persona) and not of_sleep and shoppers_question(
                top, decision.urgent, persona, folded, lang, self.product_use, people, no_harm, after):
            # "once u open the chamomile cream how many months is it good for" (the code .87): no asking word,
            # no duration ("my skin has been bad for months" is the code), nobody named
            return not (ASKING & set(re.findall(r"\w+", folded))) and find_duration(text) is None
        tables = [self.quiet_words[lang]] if lang in self.quiet_words else list(self.quiet_words.values())
        quiet = {w for triggers, _ in tables for w in triggers}
        return weak_quiet(top, decision.ranking, persona, folded, lang, quiet, self._breaking(), no_harm)

    def _breaking(self) -> Dict[str, Mapping[str, Sequence[str]]]:
        """The cue lists of breaking off, putting off or someone near (core.safety.weak_quiet's ``breaking``)."""
        return {"postponing": self.postponing, "wiping": dict(self.wipe_lines.cues),
                "declining": dict(self.declining.cues), "goodbyes": self.goodbyes, "farewells": self.farewells,
                "hold": dict(self.answers.hold.cues), "cant_talk": dict(self.answers.cant_talk.cues),
                "later": dict(self.answers.later.cues), "taking_back": self.taking_back,
                "someone": self.someone, "unnamed": self.someone_unnamed, "at_the_door": self.at_the_door,
                "knocking": self.knocking, "off_to": dict(self.off_to.cues),
                "mind_changed": dict(self.answers.mind_changed.cues), "refuse": dict(self.answers.refuse.cues),
                "unsure": dict(self.answers.unsure.cues)}

    def _shop_talk(self, decision: Decision, persona: str, folded: str, lang: Optional[str],
                   harm_cues: Mapping[str, Sequence[str]]) -> bool:
        """Whether ``decision`` is a shopper's or a gamer's line after all (s33, issue 13; nlu/shop_talk.py). In a game
        persona, a weak plain reading (:data:`GAME_TALK_READINGS`) of the game's own words. In any persona, bullying by
        the game's bots. In a shop: its urgent or help code over night as a kind or a delivery hour, its help code over
        a present for family on an occasion, its urgent code read weakly beside the shop's talk, a friend's story over a
        friend's praise of a product passed on or over a family member's skin type, the quiet code or a weak help
        reading over a product or the shop's things praised or a product asked for again; s36: a player's long or
        settings question (:meth:`_game_question`), a damaged parcel, nobody named; s37: a product's reaction on the skin
        asked about, nobody named, and in a game persona a player's skill mocked with a question to play better. Never urgent unless by the code itself (or
        a damaged parcel read weakly); a shopper's skin words are no harm here, the code's skin trouble keeps the
        reading."""
        if persona == NO_PERSONA or decision.signal == "none":
            return False
        own = persona_of(decision.source) == persona
        cues = self.shop_talk
        weak = decision.confidence < TENTATIVE_CONFIDENCE
        trolled = has_cue(folded, lang, cues.game_trolling)
        if (not self.shops.get(persona) and (weak or trolled) and not own
                and generic_name(decision.source) in GAME_TALK_READINGS):
            # a weak reading of the plain layer in a game persona (not bullying, self-harm, abuse or a request for a
            # person): a gamer's line when it holds the game's words; the clock words are no urgency there. A
            # player's trolling in the game ("keeps stalking me round the lobby and teabagging": exploitation .51)
            # need not be weak (s35)
            return is_game_talk(folded, lang, cues, self.worry_deep, lambda rest: says_nothing_of_harm(
                rest, lang, harm_cues, self.urgent_no_clock, self.danger, self.beneath, self.done_to_me, self.arriving))
        if not self.shops.get(persona) and not decision.urgent and self._game_question(decision, own, folded, lang):
            # "…beat the wither in minecraft … blows up our base …, whats the best strategy" (the code .27), "im 15
            # and want to get into speedrunning, …" (self-harm .28), "best settings for valorant on a 60hz monitor"
            # (the quiet code .72): a player's long or settings question, the game's words, nothing of harm (s36)
            return is_game_talk(folded, lang, cues, self.worry_deep, lambda rest: says_nothing_of_harm(
                rest, lang, harm_cues, self.urgent_no_clock, self.danger, self.beneath, self.done_to_me, self.arriving))
        shop_harm = without(harm_cues, cues.shop_skin_words)  # once per message, not once per predicate

        def no_harm(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, shop_harm, self.urgent_no_occasion, self.danger,
                                        self.beneath, self.done_to_me, self.arriving)

        if (self.shops.get(persona) and own and decision.urgent and decision.intent in (CODED_URGENT, CODED_HELP)
                and is_time_for_occasion(folded, lang, cues, self.code_item.get(persona, {}),
                                         (self.someone_unnamed, self.misreadings.harm_doers), no_harm)):
            # "can i get the cream tonight? its for a party" (the urgent code .82), "necesito la crema ahora, es para un
            # viaje" (.89): the moment with a benign reason, no code item, no "he" — an ordinary order (s35); the
            # code's discreet question (not urgent) read of it keeps its reading
            return True
        nobody = not any(has_word_cue(folded, lang, c) for c in (self.someone, self.someone_unnamed,
                                                                self.misreadings.harm_doers))

        def no_harm_of_thing(rest: str) -> bool:
            # a thing "arrives" or "comes" in a size ("me ha llegado el champu", "viene en tamaño grande"): nobody
            # arriving once nobody is named (``nobody``)
            return says_nothing_of_harm(rest, lang, shop_harm, self.urgent_no_occasion, self.danger,
                                        self.beneath, self.done_to_me, {})

        if (self.shops.get(persona) and nobody and (own or weak) and (own or decision.signal in HELP_SIGNALS)
                and is_damaged_parcel(folded, lang, cues, self.code_item.get(persona, {}), no_harm_of_thing)):
            # "me ha llegado el champu abierto y se ha salido todo por la caja" (danger now .41): a damaged parcel,
            # nobody named, nothing else of harm — the shop's returns answer (s36)
            return True
        if decision.urgent and not (own and decision.intent == CODED_URGENT):
            return False

        if decision.signal == "bullying" and is_bullied_by_bots(folded, lang, cues, self.someone, no_harm):
            return True
        if (not self.shops.get(persona) and decision.signal == "bullying" and not decision.urgent
                and is_skill_taunt(folded, lang, cues, self.someone, no_harm)):
            # "people keep calling me trash in chat because im new, how do i get better" (bullying .72), "mis compañeros
            # me dicen manco en el chat, como mejoro mi punteria" (1.00): a player's skill mocked in the game and a
            # question to play better, nobody of the child's life, nothing of harm — a gamer's line (s37)
            return True
        if not self.shops.get(persona):
            return False
        item = self.code_item.get(persona, {})
        if (nobody and ((own and decision.intent in (CODED_URGENT, CODED_HELP)) or (weak and not decision.urgent))
                and is_product_reaction(folded, lang, cues, item, no_harm)):
            # "this cream burns when i put it on, is that normal" (the urgent code .40), "my scalp burns when i use the
            # mint shampoo, is that supposed to happen" (self-harm .22): a product's reaction asked about, nobody
            # named, no code item, nothing of harm — the shop's product answer (s37)
            return True

        def harmed(rest: str) -> bool:
            return self.part_cues.harms_friend(rest, lang)

        if own and decision.intent in (CODED_URGENT, CODED_HELP) and is_time_as_kind(folded, lang, cues, item, no_harm):
            return True
        if ((own and decision.intent in (CODED_URGENT, CODED_HELP)) or not decision.urgent) and is_thing_sticking(
                folded, lang, cues, item, self.someone, no_harm):
            # "la crema pega mucho" (the urgent code .94 drew 112), "el bálsamo se pega a la ropa" (abuse .69): a
            # thing that sticks, nobody named, nothing else of harm (s34)
            return True
        if own and decision.intent == CODED_HELP and is_family_gift(folded, lang, cues, no_harm):
            return True
        cover = next((r.confidence for r in decision.ranking
                      if persona_of(r.source) == persona and r.intent not in CODE_INTENTS), 0.0)
        if own and decision.intent == CODED_URGENT and is_weak_urgent_code(
                decision.confidence, cover, folded, lang, cues, item, no_harm):
            return True
        if decision.signal == "peer_help" and is_praise_passed_on(folded, lang, cues, item, no_harm):
            return True
        if (decision.signal == "peer_help" and not harmed(folded) and has_word_cue(folded, lang, self.someone)
                and is_family_skin_type(folded, lang, cues, item, no_harm)):
            return True
        if (decision.signal == "online_exploitation" and not decision.urgent
                and not has_word_cue(folded, lang, self.someone) and not has_cue(folded, lang, self.contact_not_photos)
                and is_about_shop_things(folded, lang, cues, item, no_harm)):
            # "your instagram is so pretty, love the photos of the shop" (exploitation .68): the shop's own photos
            # praised, nobody named, no word of contact but the photos (s34)
            return True
        if decision.signal == "not_safe" and nobody and self._only_swapping(persona, folded, lang) and is_shop_swap(
                folded, lang, cues, item, self._take_back_words(lang), no_harm):
            # "forget the blue one, I'll take the red" (the quiet code .90), "anuluj balsam, wyślij tylko mydło" (.99),
            # "me equivoqué de talla, quería la de 100 ml" (.92): a shopper correcting an order or a basket, nobody
            # named, no one arriving, no goodbye, no word of the code — the shop's talk (s37, nlu/shop_talk.py)
            return True
        weak_help = decision.signal in HELP_SIGNALS and not decision.urgent and weak
        return (decision.signal == "not_safe" or weak_help) and (
            praises_product(folded, lang, cues, item, no_harm) or is_about_shop_things(folded, lang, cues, item, no_harm))

    def _take_back_words(self, lang: Optional[str]) -> List[str]:
        """The folded words and phrases that take something back in ``lang`` (every language's when unknown): the quiet
        line's triggers, ``taking_back``, and the cues of declining and wiping ("forget", "anuluj", "borra")."""
        tables = [self.quiet_words[lang]] if lang in self.quiet_words else list(self.quiet_words.values())
        said = {w for triggers, _ in tables for w in triggers}
        for cues in (self.taking_back, dict(self.declining.cues), dict(self.wipe_lines.cues)):
            said.update(c for found in cues_of(lang, cues) for c in found)
        return sorted(said)

    def _only_swapping(self, persona: str, folded: str, lang: Optional[str]) -> bool:
        """Whether ``folded``, in a shop, says nothing of breaking off but taking a thing back (s37): no quiet line or
        wiping line, no declining (s24: "cancel the lavender soap" stays quiet), no last clause that is a quiet line,
        no arrival, goodbye, hold or putting-off cue once the taking-back words ("forget", "olvida", "nieważne") are
        out."""
        if not self.shops.get(persona) or is_quiet_line(folded, lang, self.quiet_words) or is_declining(
                folded, lang, self.declining, self.catalogues.get(persona, ()), {}) or made_of(
                folded, lang, self.wipe_lines):
            return False
        tail = last_clause(folded)
        if has_affirmed_cue(folded, lang, self.arriving) or (tail and (
                is_quiet_line(tail, lang, self.quiet_words) or (has_cue(tail, lang, self.taking_back)
                                                                and not has_cue(tail, lang, self.shop_talk.shop_swap)))):
            return False  # "ile kosztuje mydło lawendowe? a nieważne": the shop's question taken back at the end
        rest = without_phrases(folded, lang, self.taking_back)
        return not any(has_cue(rest, lang, found) for name, found in self._breaking().items()
                       if name not in ("taking_back", "declining", "unsure", "refuse", "mind_changed", "wiping"))

    def _game_question(self, decision: Decision, own: bool, folded: str, lang: Optional[str]) -> bool:
        """Whether, in a game persona, ``decision`` may be a player's question (s36; the caller wants game talk): the
        help code read weakly, the quiet code over a settings question with no word of breaking off, or a weak plain
        reading of :data:`GAME_NOISE_READINGS` (below :data:`GAME_NOISE`) of a long message (:data:`LONG_GAME_WORDS`
        words) that names nobody of the child's life."""
        if own and decision.intent == CODED_HELP:
            return decision.confidence < TENTATIVE_CONFIDENCE
        if own and decision.intent == "not_safe":
            # "unsure" answers hold the asking words ("what?"): a settings question asks
            return asks_game_settings(folded, lang, self.shop_talk) and not any(
                has_cue(folded, lang, found) for name, found in self._breaking().items() if name != "unsure")
        return (not own and generic_name(decision.source) in GAME_NOISE_READINGS and decision.confidence < GAME_NOISE
                and len(folded.split()) >= LONG_GAME_WORDS and not any(
                    has_word_cue(folded, lang, c) for c in (self.someone, self.someone_unnamed,
                                                            self.misreadings.harm_doers)))

    def _unread_talk(self, decision: Decision, persona: str, folded: str, lang: Optional[str],
                     harm_cues: Mapping[str, Sequence[str]]) -> Optional[Decision]:
        """A gamer's or shopper's line read as not understood (``out_of_scope``) answered in cover after all (s34,
        nlu/shop_talk.py), else None: in a game persona the game's own talk ("how do i beat the ender dragon on
        bedrock", "im getting absolutely destroyed in ranked, my team is trash lol": "I only know about games"), in a
        shop a product or a shopper's request ("these prices are killing me lol, got any discount codes?") — the
        persona's best-ranked cover intent. Signal ``none`` before and after: no help reading is lowered. (Taking the
        product, "perfecto, me la llevo", is read with the open question: bot/open_question.py.)"""
        if persona == NO_PERSONA or decision.intent != "out_of_scope" or decision.signal != "none":
            return None
        cues = self.shop_talk
        if not self.shops.get(persona):
            gaming = is_game_talk(folded, lang, cues, self.worry_deep, lambda rest: says_nothing_of_harm(
                rest, lang, harm_cues, self.urgent_no_clock, self.danger, self.beneath, self.done_to_me, self.arriving))
            if gaming:
                return as_cover(decision, persona)
            feeling = max([p for r in decision.ranking if generic_name(r.source) in FELT_READINGS
                           for p in (r.confidence,)] + [0.0])
            if (decision.confidence < TENTATIVE_CONFIDENCE and feeling >= FELT_FLOOR
                    and has_cue(folded, lang, self.worry_deep) and not has_word_cue(folded, lang, cues.game_words)):
                # "im gonna cry" alone (not understood .47, distress .37): "I only know about games" to a child who may
                # be upset — the code's discreet question in cover voice, as for game rage said with self-harm (s34)
                return as_coded_help(decision)
            return None
        shop_harm = without(harm_cues, cues.shop_skin_words)

        def no_harm(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, shop_harm, self.urgent_no_occasion, self.danger,
                                        self.beneath, self.done_to_me, self.arriving)

        if (not has_word_cue(folded, lang, self.someone)
                and is_shop_line(folded, lang, cues, self.code_item.get(persona, {}), no_harm)):
            if has_word_cue(folded, lang, cues.product_praise):
                # "omg the rose candle smells so good i could literally die": the shop's thanks, not whichever cover
                # intent ranks next (order admin at .00)
                praised = f"{persona}__{FEEDBACK}"
                return dataclasses.replace(decision, intent=praised, source=praised, confidence=0.0)
            return as_cover(decision, persona)
        return None

    def _ordinary_after_all(self, decision: Decision, folded: str, lang: Optional[str],
                            harm_cues: Mapping[str, Sequence[str]]) -> Optional[str]:
        """Which ordinary talk a plain help reading is after all (s32, issue 13), else ``None``: ``threat``, a
        figurative threat over the child's own small mishap read as anything but self-harm, bullying or exploitation
        (nlu.quiet.is_figurative_threat, ROUTINE_READINGS: "im so dead" said of oneself is no one's threat; s37: a
        self-harm reading, not urgent, of a threat someone else says, ``threat_by_other``);
        ``nerves``, ordinary nerves before an ordinary event (is_ordinary_worry); ``loss``, a friend sad over an
        ordinary loss (is_friends_ordinary_loss); ``routine``, a parent's everyday routine (is_family_routine)."""
        if decision.signal not in HELP_SIGNALS or persona_of(decision.source) is not None:
            return None

        def no_harm(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                        self.done_to_me, self.arriving)

        def no_harm_nor_danger(rest: str) -> bool:
            # worry names nobody (worry_deep): "el mes que viene" is no one arriving
            return says_nothing_of_harm(rest, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                        self.done_to_me, {})

        # s37: a figurative threat someone else says over the child's mishap may be read as self-harm too ("mis padres
        # me van a matar cuando vean las notas": self-harm .69), never urgent; a threat of oneself ("im so dead") not
        others_threat = (decision.signal == "self_harm" and not decision.urgent
                         and has_word_cue(folded, lang, self.threat_by_other)
                         and not has_cue(without_phrases(folded, lang, self.threat_by_other), lang,
                                         self.figurative_threat))  # "me matare" (of oneself) left: never
        if (decision.signal in ROUTINE_READINGS or others_threat) and is_figurative_threat(
                folded, lang, self.figurative_threat, self.own_mishap, self.threat_real, no_harm,
                self.threat_absurd, self.threat_said):
            return "threat"
        if is_ordinary_worry(decision, folded, lang, self.ordinary_event, self.worry_deep, no_harm_nor_danger,
                             self.event_day):
            return "nerves"
        if is_friends_ordinary_loss(decision, folded, lang, self.ordinary_loss, self.helping_friend,
                                    self.part_cues.harms_friend, self.part_cues.fears_someone, no_harm):
            return "loss"
        if is_family_routine(decision, folded, lang, self.family_routine, self.routine_deep, no_harm):
            return "routine"
        return None

    def _adult_said_ordinary(self, decision: Decision, persona: str, folded: str, lang: Optional[str],
                             harm_cues: Mapping[str, Sequence[str]]) -> bool:
        """Whether a plain reading of :data:`ROUTINE_READINGS`, or the persona's own code with no code item named, is
        read of a blow said only under a denial or of a trusted adult's training order, and nothing else of harm (s35,
        nlu/misreadings.py is_blow_denied, is_training_order): "my dad has never hit me", "mi padre nunca me ha pegado",
        "the coach makes me run laps when im late". Nobody arriving is harm here: "nobody at home hits me"."""
        own = persona != NO_PERSONA and persona_of(decision.source) == persona
        if own:
            if decision.intent not in (CODED_HELP, CODED_URGENT) or has_cue(folded, lang,
                                                                           self.code_item.get(persona, {})):
                return False
        elif decision.signal not in ROUTINE_READINGS or persona_of(decision.source) is not None:
            return False

        def no_harm(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                        self.done_to_me, {})

        cues = self.misreadings
        people = (self.someone, self.someone_unnamed, cues.harm_doers)
        return is_blow_denied(folded, lang, cues, people, no_harm) or is_training_order(folded, lang, cues, no_harm)

    def _plain_topic(self, decision: Decision, persona: str, folded: str, lang: Optional[str],
                     harm_cues: Mapping[str, Sequence[str]]) -> Optional[str]:
        """The ordinary topic (nlu/plain_talk.py, s34) of a plain help reading in the plain bot: a parcel at the door,
        a parent's trade and its tools, a house rule, an alarm word over homework, a friend leaving, a sibling's
        annoyance, things hung up, a combat sport, a death the child says is fine, boredom, a crashing app — with
        nothing of harm once the topic's own words are out; else ``None``. Inside a persona, a plain help reading
        (never the persona's code) of a topic that is ordinary there too (s35: a parent out for an hour, a pet ill,
        a friend cross, a row over money, being grounded). Ordinary talk's own reading is a topic's too (s36: it is then
        not read again for harm told, ``_misread``)."""
        if decision.signal not in HELP_SIGNALS | {"none"} or persona_of(decision.source) is not None:
            return None

        def no_harm(rest: str) -> bool:
            return says_nothing_of_harm(rest, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                        self.done_to_me, self.arriving)

        return ordinary_topic(folded, lang, self.plain_topics, no_harm, in_persona=persona != NO_PERSONA)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        persona = self.persona_for(message)
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        if not ranking and message.get(INTENT):
            ranking = [dict(message.get(INTENT))]
        text = message.get(TEXT) or ""
        # one-edit typos repaired (nlu/spelling.py: "delete thhis chat" is a quiet line); places,
        # addresses and ages are read from the text as written
        folded = self.reading(text, persona)
        harm_cues = self._harm_cues(persona)
        lang = entity_value(message, "lang")
        pairs = [(r[INTENT_NAME_KEY], r[PREDICTED_CONFIDENCE_KEY]) for r in ranking]

        def decide_on(intents: List[tuple], read: str = folded) -> Decision:
            return decide(
                intents,
                persona,
                read,
                lang,
                self.urgent_cues,
                self.config["foreign_mass"],
                self.postponing,
                self.adult_cues,
                harm_cues,
                forwarded=(message.get(METADATA) or {}).get("forwarded") is True,
                answers=self.answers,
                danger=self.danger,
                arriving=self.arriving,
                farewells=self.farewells,
                wiping=dict(self.wipe_lines.cues),
                no_plan=self.no_plan,
                someone=self.someone,
                unnamed=self.someone_unnamed,
                done_to_me=self.done_to_me,
                at_the_door=self.at_the_door,
                knocking=self.knocking,
                goodbyes=self.goodbyes,
                not_adult=self.not_adult,
                ordinary_arrivals=self.ordinary_arrivals,
            )

        decision = decide_on(pairs)
        corrected: Optional[Located] = None  # a place named after a "no" ("no, alabama")
        placed = self._help_beside_place(decision, pairs, persona, text, folded, lang, decide_on)
        if placed is not None:
            # "my skin is bad since winter, im in leeds" (the place .47, the code .46), "lantern quest, i dont
            # want to say where i live" (a refusal .89), "mi padre me pega, vivo en Sevilla" (the place .91):
            # a request for help said with a place, or with a refusal to give one, stays that request (inside a
            # persona the code's discreet question in cover voice); the place is kept for the referral
            decision = placed
        small_talk = False  # s35: a rule read a child's ordinary worry as small talk (``_misread``)
        topic_talk = False  # s36: an ordinary topic ruled; its own words are the only harm in the message
        refused = entity_value(message, "location") is None and (
            (decision.signal in ("none", "not_safe") and is_location_refusal(folded, lang, self.refusals))
            or (not decision.urgent and is_bare_refusal(folded, lang, self.refusals)))
        # the persona's code with a refusal to say where ("stuck on the lantern quest, id rather not say where i
        # am"): the code is answered, and the refusal is kept (entity location_refused), so the yes to the
        # discreet question is not met by "which city?" (bot/handoff/gate.py)
        refused_beside_code = (not refused and persona != NO_PERSONA and decision.signal in HELP_SIGNALS
                               and (placed is not None or persona_of(decision.source) == persona)
                               and is_location_refusal(folded, lang, self.refusals))
        has_address = find_address(text) is not None
        if refused:  # "I'd rather not say where": an answer to the location question (nlu/quiet.py)
            decision = as_location_answer(decision)
        elif decision.urgent and decision.signal == "imminent_danger" and is_number_subject(
                folded, lang, self.number_bare, self.number_arrival, self.number_subject):
            # "el numero ya esta aqui", "jaki numer teraz wchodzi" (danger now .96 / the arrival rule): the number is
            # the subject of the arrival (a game's draw), no one is coming — ordinary talk (review s32, nlu/quiet.py)
            decision = as_ordinary(decision, persona)
        elif not decision.urgent and asks_number_as_someone_comes(
                folded, lang, self.number_bare, self.number_arrival, self.number_own_arrival, self.number_subject):
            # "el número por favor que vuelve", "numer bo wraca" (ordinary talk .14 / .24: the shop's "not sure I
            # understood" after the quiet line), "number quick he's back" (imminent_danger .94 read as a bare
            # arrival: the quiet line): the number asked for as someone comes — danger now, the emergency number
            # (s30; nlu/quiet.py, a closed vocabulary)
            decision = as_danger_now(decision)
        elif is_existing_order(decision, persona, folded, lang, self.order_words, harm_cues):
            # "cambien la dirección del pedido 55102 a calle Serrano 40": a customer's order by its
            # number, answered in cover, not the visit or quiet code (nlu/quiet.py)
            decision = as_cover(decision, persona)
        elif (decision.intent == CODED_URGENT and persona_of(decision.source) == persona
              and is_bare_name(folded, self.catalogues.get(persona, ()))):
            # "lantern quest?" alone (the urgent code at 0.67 drew 999): the code's discreet question
            decision = as_coded_help(decision)
        elif (decision.intent == CODED_URGENT and persona_of(decision.source) == persona
              and not any(self.danger.found(folded, lang))
              and is_code_and_who(folded, self.catalogues.get(persona, ()), self.someone, lang)):
            # "lantern quest. home level boss is my stepdad" (the urgent code .53 drew 999): the code and who it is
            # about, no word of the moment — the code's discreet question, as for the bare name (s31,
            # nlu/weak_urgency.py)
            decision = as_coded_help(decision)
        elif is_plain_visit_request(decision, persona, folded, lang, self.come_for_me, has_address):
            # plain bot: an address and "come get me" (read as ordinary talk without a harm word) is
            # a visit request: the emergency reply and a person at once (nlu/quiet.py)
            decision = as_visit_request(decision)
        elif (decision.intent == "visit_request" and persona_of(decision.source) == persona
              and is_business_order(folded, lang) and not says_harm(folded, lang, harm_cues)):
            # "3 chamomile creams for my salon, delivery to 5 King Street" (the visit code .93 drew 999): a business's
            # order with its address and no harm word — the code's discreet question, not the emergency line (s31)
            decision = as_coded_help(decision)
        elif is_coded_visit_request(decision, persona, has_address):
            # inside a persona: the code with a street address is the visit code (nlu/quiet.py)
            decision = as_visit_request(decision)
        elif (decision.intent == "visit_request" and persona_of(decision.source) == persona and not has_address
              and not re.search(r"\d", text) and entity_value(message, "location") is None
              and decision.confidence < TENTATIVE_CONFIDENCE and not says_harm(folded, lang, harm_cues)
              and not any(self.danger.found(folded, lang))):
            # "can you send it to my work address instead" (the visit code .42 drew "call 112 right away" in the
            # shop): the visit code is an order WITH a street address; read weakly with none (no address, no
            # number, no place: "nadajcie na Lipowa 25, Zamość" keeps it), no harm word and no danger, it is the
            # code's discreet question, not the emergency line (s32, issue 13)
            decision = as_coded_help(decision)
        elif (decision.signal != "not_safe" and decision.intent not in (ASK_NUMBER, ASK_REPEAT, ASK_PRIVACY, ASK_FAULT, ASK_COST)
              and made_of(folded, lang, self.wipe_lines)):
            # "delete this chat pls": the clean line, and the channel wipes the chat (nlu/quiet.py)
            decision = as_clean_chat(decision)
        elif (decision.signal != "not_safe" and decision.intent not in (ASK_NUMBER, ASK_REPEAT, ASK_PRIVACY, ASK_FAULT, ASK_COST)
              and (is_quiet_line(folded, lang, self.quiet_words)
                   or is_off_to_do(folded, lang, self.off_to, self.taking_back, harm_cues)
                   or (persona != NO_PERSONA
                       and is_declining(folded, lang, self.declining, self.catalogues.get(persona, ()), harm_cues)))
              and not made_of(folded, lang, self.answers.resume)):
            # "sorry, wrong chat": never an emergency reply (nlu/quiet.py); "sorry, I'm back" is the
            # child coming back (a resume answer, core.safety.answer_to_question), not a quiet line,
            # and "sorry, what was the number again?" asks for it again (ask_number). So is putting the talk off
            # for a chore or a meal ("déjalo, me voy a cenar") and, in a shop, declining ("cancel my order for the
            # chamomile cream", "nie dzięki, mam już krem w domu"): s24, closed vocabularies with no harm word
            decision = as_not_safe(decision)
        elif is_ordinary_leaving(decision, persona, folded, lang, self.leaving_words, self.ordinary_leaving,
                                 self.someone, harm_cues):
            # plain bot: "me voy a la ducha, ahora vuelvo" (urgent self-harm .71), "gtg my friend is here to play" (a
            # friend's story .92): a child leaving for an everyday thing is an ordinary goodbye (s35, nlu/quiet.py)
            decision = as_ordinary(decision, persona)
        elif decision.signal != "not_safe" and (gap := age_gap(text)) is not None:
            # "hes 19 im 13", "tengo 13 y el tiene 20" (imminent danger .45 in English: "a room that locks";
            # out_of_scope .48 in Spanish): a child and an adult, nothing else — a disclosure (or a friend's
            # story), never urgent (nlu/quiet.py as_age_gap)
            decision = as_age_gap(decision, persona, own=gap)
        elif decision.signal != "not_safe" and (is_age_only(text) or is_other_age_only(text)
                                                 or stated_ages(text) is not None):
            # "im 12" alone is a detail for routing, never a help signal (read as the game's urgent
            # code at 0.29 it drew an emergency line): intent inform_age (nlu/age.py); so is someone
            # else's age alone, a parent's "she's 14" (peer_help: the plain friend line in the shop)
            decision = as_age(decision)
        elif decision.signal == "none" and is_young_pregnancy(text, folded, lang, self.pregnant):
            # "im 14 and pregnant, what cream is safe for stretch marks" (the shop's product answer .81): a
            # child of 15 or under who is pregnant is asked, discreetly, whether a person should write
            decision = as_young_pregnancy(decision, persona)
        elif (decision.intent not in (ASK_PRIVACY, ASK_FAULT, ASK_COST) and made_of(folded, lang, self.answers.cant_call)
              and not is_quiet_line(folded, lang, self.quiet_words)):
            # "I can't call, he'd hear me" (read as imminent danger, it was told "call 112 right
            # now" again; in the shop as the quiet line): a person writes here instead (intent
            # cant_call), urgency kept
            decision = as_cant_call(decision)
        elif (decision.signal in HELP_SIGNALS and not decision.urgent and has_cue(folded, lang, self.number_ask)
              and self._names_place(text, persona, lang)):
            # "is there a number i can ring, i live in Cambridge" (ask_human .82), "a que numero llamo? mi padre
            # me pega, estoy en Madrid" (abuse): the child asked for a number and said where — the referral for
            # that place (an ambiguous one asked about once), the help signal kept; not a counselor the child did
            # not ask for
            decision = as_location_answer(decision, keep_signal=True)
        elif (decision.signal == "peer_help" and not decision.urgent
              and has_cue(folded, lang, self.number_to_pass_on.cues)):
            # "can u give me a number i can pass on to my friend, her dad beats her" (a friend's story .80), "is there
            # a number i can give my friend, her mum hurts her" in the shop (.95): the friend's harm and a number asked
            # for to pass on — the referral (where first, then the number), the friend's signal kept; it drew the
            # friend line and the offer of a person, no number (s32). A shopper's number question names no friend's harm
            decision = as_location_answer(decision, keep_signal=True)
        elif (persona != NO_PERSONA and decision.signal in HELP_SIGNALS and not decision.urgent
              and persona_of(decision.source) is None and has_cue(folded, lang, self.number_ask)
              and (decision.signal != "ask_human"
                   or not says_nothing_of_harm(folded, lang, harm_cues, self.urgent_cues, self.danger, self.beneath,
                                               self.done_to_me, {}))):
            # inside a persona, a plain help reading that asks for a number, for a friend or for the child ("i need
            # a number to call for my friend, his dad hits him", peer_help .98; "mi padre me pega, hay algun numero
            # al que pueda llamar", ask_human .86): the referral in cover wording ("Partner pharmacy — 116 111"),
            # where first, the signal kept; it drew the friend line and the offer of a person, no number (s35).
            # A reading of the persona's own intents (its code, a shopper's question) keeps its answer, and so does a
            # bare number asked as a person ("is there a number i can ring?" may be a shopper's: the discreet question)
            decision = as_location_answer(decision, keep_signal=True)
        elif (persona == NO_PERSONA and decision.signal == "none" and not decision.urgent
              and has_cue(folded, lang, self.number_ask) and has_cue(folded, lang, self.for_a_friend)
              and help_weight(pairs) >= FRIEND_NUMBER_HELP):
            # plain bot: "whats the number kids can call if something bad is happening at home its for my friend"
            # (out_of_scope .46, peer_help .35), "jaki jest numer dla dzieci jak coś się dzieje w domu, pytam dla
            # kolegi" (out_of_scope .47, abuse .34) drew "I'm not sure I can help": a number asked for a friend with a
            # help reading behind — the friend's request for the referral (where first, then the number). s33
            decision = as_location_answer(decide_on(_led_by("peer_help", pairs)), keep_signal=True)
        elif (persona == NO_PERSONA and not decision.urgent and (
                (decision.signal == "ask_human" and has_cue(folded, lang, self.number_ask))
                or (decision.intent == FOREIGN_INTENT and is_only(folded, lang, self.number_to_pass_on)))) or (
                decision.signal == "none" and (asks_helpline(folded, lang, self.helpline_names, self.helpline_request,
                                                                  self.helpline_asides)
                                               or (persona == NO_PERSONA
                                                   and made_of(folded, lang, self.helpline_generic,
                                                               MAX_HELPLINE_WORDS)))):
            # plain bot: "can you just give me a number" (ask_human .88) after "i cut myself again" queued a
            # counselor and gave no number: the child asked for a number — the referral, which asks where
            # the child is first (no number from a guess), the help signal kept. Inside a persona a shopper
            # may ask for the shop's number: only with a place (above). So is a number to pass on to a friend
            # read as ordinary talk ("what number should i give her", out_of_scope .77, drew "Sorry, I didn't
            # understand" after the friend's story; s26), as a request for a person. So is a helpline asked for by its
            # name, in any persona ("what's the number for childline": out_of_scope .96 drew "I'm not sure I can help
            # with that one"; s30, core/safety.py asks_helpline)
            asking = decision if decision.signal == "ask_human" else decide_on(_led_by("ask_human", pairs))
            decision = as_location_answer(asking, keep_signal=True)
        elif is_tentative_cover(decision, persona) and self._names_place(text, persona, lang):
            # "yeah nobody is looking, im in Perth" (distress 0.42, answered in cover): a weak plain
            # reading with no harm word that names a place answers "which city?" — the place is
            # routed on (signal and urgency kept), not the discreet question asked again
            decision = as_location_answer(decision, keep_signal=True)
        elif (decision.signal == "not_safe" and decision.confidence < TENTATIVE_CONFIDENCE
              and len(folded.split()) <= MAX_ANSWER_WORDS
              and (says_where_i_am(folded) or _LEADING_NO.match(folded) is not None)
              and not has_cue(folded, lang, self.postponing) and self._names_place(text, persona, lang)):
            # "yeah nobody is looking, im in Perth" (the quiet code .39, "looking"): a weak quiet reading, no
            # putting-off word, and the child says where they are — an answer to "which city?", not
            # covering tracks ("sorry wrong chat, im in Leeds", the quiet code .99, stays quiet); so does a
            # leading "no" that corrects the place ("nie, jednak we Wrocławiu u taty", the quiet code .47)
            decision = as_location_answer(decision)
        elif decision.signal == "none" and decision.intent in ANSWER_INTENTS and (
                is_place_name(text) or (decision.intent == FOREIGN_INTENT and len(folded.split()) <= MAX_ANSWER_WORDS
                                        and says_where_i_am(folded) and self._names_place(text, persona, lang))
                or (len(folded.split()) <= MAX_ANSWER_WORDS and self._leads_with_place(text, persona, lang))):
            # "springfield" alone says where the child is, not "I don't understand" (read as
            # out_of_scope it re-asked the offer of a person already accepted); so does a short
            # "mieszkamy w Pile" read as out_of_scope (.52) in which the extractor found a place by its
            # cue, and a short message that starts with a place ("Sopot, ten nad morzem w Polsce")
            decision = as_location_answer(decision)
        elif decision.intent == "deny" and is_place_name(after_no := _LEADING_NO.sub("", text)):
            # "no, alabama" after Birmingham's UK line (read as a no: "Of course! Anything from the
            # shop?"; the extractor, which needs a cue or a whole message, found no place) corrects it
            decision = as_location_answer(decision)
            corrected = locate_for_persona(after_no, persona, lang, self.countries, self.catalogues, answer=True)
        elif (after_all := self._ordinary_after_all(decision, folded, lang, harm_cues)) is not None:
            # "mi madre me va a matar, me he vuelto a olvidar la ropa de gimnasia" (abuse .82), "estoy muy nerviosa por
            # empezar el instituto" (distress .53), "mi amiga llora en clase porque sus padres se divorcian, como la
            # ayudo" (peer_help .68), "mi padre ronca tanto que lo oigo desde mi cuarto" (abuse .67): a figurative
            # threat over one's own mishap, nerves before an ordinary event, a friend sad over an ordinary loss, a
            # parent's everyday routine, nothing of harm — ordinary talk (s32, issue 13; nlu/quiet.py). Exam nerves
            # inside a persona get its small-talk answer, not whichever cover intent ranks next (s35: "estoy agobiada
            # con los exámenes" drew the shop's delivery times)
            small_talk = after_all == "nerves" and persona != NO_PERSONA
            decision = as_topic_talk(decision) if small_talk else as_ordinary(decision, persona)
        elif self._adult_said_ordinary(decision, persona, folded, lang, harm_cues):
            # "my dad has never hit me" (abuse 1.00), "mi padre nunca me ha pegado" (danger now .46), "tata nigdy mnie
            # nie uderzył" (.94), "the coach makes me run laps when im late" (.95): a blow denied, a coach's training
            # order, nothing else of harm — small talk in the plain bot, the persona's cover talk inside one (s35)
            decision = as_topic_talk(decision) if persona == NO_PERSONA else as_ordinary(decision, persona)
        elif (decision.signal != "none"
              and self._plain_topic(decision, persona, folded, lang, harm_cues) is not None):
            # "someones knocking at the door i think its the parcel man" (danger now .90), "my dad is a butcher and he
            # has loads of knives" (.55), "mama każe mi zjeść warzywa przed deserem" (abuse .92), "SOS nie rozumiem
            # ułamków" (.34): an ordinary topic of the plain bot, nothing of harm beside its own words — ordinary
            # talk, as small talk rather than the ranking's next reading (a yes, a place) (s34, issue 13;
            # nlu/plain_talk.py). Inside a persona too (s35: "my dog is ill and wont eat, hope hes ok"): its small-talk
            # answer ("I only know about games..."), never a cover intent's ("Depends on your mood! ...")
            decision, small_talk, topic_talk = as_topic_talk(decision), True, True
        elif (decision.signal == "none" and persona == NO_PERSONA
              and is_news_of_close(folded, lang, *self.news_cues)):
            # "the news story about the stabbing is about my brother and hes still in hospital" (out_of_scope .99),
            # "el chico que apuñalaron en las noticias es mi hermano": violence in the news done to someone close to
            # the child — a friend's story, not small talk (s36, nlu/plain_talk.py)
            decision = decide_on(_led_by("peer_help", pairs))
        elif self._sets_aside(decision, persona, text, folded, lang, harm_cues):
            # "once u open the chamomile cream how many months is it good for" (the code .87), "can you gift wrap
            # it" (the quiet code .20): a shopper's product-use question, or the quiet code read weakly with no word
            # of breaking off, and nothing of harm — a shopper's line, answered in cover (s26, core/safety.py)
            decision = (as_product_question(decision, persona) if decision.intent == CODED_HELP
                        else as_cover(decision, persona))
        elif self._shop_talk(decision, persona, folded, lang, harm_cues):
            # "krem na noc" (the urgent code .75), "czy kurier może przyjść wieczorem po osiemnastej" (.94), "chce kupic
            # krem rumiankowy mamie na urodziny" (the code .69), "a friend says your hand cream is to die for" (a
            # friend's story .62), "im getting bullied by bots lol" (bullying 1.00): a shopper's or a gamer's line,
            # nothing of harm — answered in cover (s33, issue 13; nlu/shop_talk.py)
            decision = as_ordinary(decision, persona)
        elif is_weak_danger(decision, folded, lang, self.danger, harm_cues, (
                self.urgent_cues, self.beneath.said, self.beneath.means, self.beneath.fear, self.beneath.sleeping_rough)
        ) or is_past_danger(decision, folded, lang, self.danger):
            # "odio mi vida, en mi casa todos me gritan" (danger now .47 drew 112 and "get somewhere safe"), "my
            # parents said theyll kick me out" (.27, a near tie behind exploitation .36): danger now read weakly whose
            # only trouble is a fight in words or being put out later (no word of the moment, no weapon, no harm,
            # violence or self-harm word) — the next help reading that is not urgent
            # by itself; so is danger now said of a time that is over ("oh and he locked me out last night too", .96,
            # drew 112 and "get somewhere safe": a past event, nlu/weak_urgency.py is_past_danger). s31
            decision = without_danger(decision)
        elif (persona != NO_PERSONA and persona_of(decision.source) is None and not decision.urgent and (
                (decision.signal == "self_harm" and is_game_rage(folded))
                or (decision.intent == "peer_help" and is_parent(folded) and not says_harm(folded, lang, harm_cues)))):
            # in a persona, "i wanna kms this game is so bad" (self-harm .71) and a dad's "someone keeps messaging
            # my son weird stuff, how do i block them" (a friend's story .52) drew the plain counselor line: gamer
            # slang beside a game, a parent with no harm word — the code's discreet question in cover voice (s31)
            decision = as_coded_help(decision)
        beneath = danger_beneath(Ranked(decision.intent, decision.confidence, decision.source), decision.ranking,
                                 folded, lang, self.beneath, self.danger)
        if beneath is not None and decision.intent == "inform_location" and (
                signal_for_intent(beneath.source) == (decision.signal, decision.urgent)):
            # "i cut myself, is there a number i can call" inside a persona: the referral keeps the self-harm signal
            # (the number asked for, s35), nothing hidden beneath it
            beneath = None
        if beneath is not None:
            # "pa, idę się zabić" (goodbye .55), "me voy a suicidar hoy, vivo en Madrid" (the place .99), "adiós, mi
            # padre viene y tengo miedo" (goodbye .53): self-harm or fear said beneath a reading that hides it is that
            # help reading; a runaway read as self-harm is danger now (s25, core/safety.py danger_beneath)
            decision = decide_on(_led_by(beneath.source, pairs))
        elif any(over(decision, folded, lang, self.part_cues, lambda rest: says_nothing_of_harm(
                rest, lang, harm_cues, {}, self.danger, self.beneath, self.done_to_me, self.arriving))
                 for over in (friend_fine_now, bullying_over)):
            # "my best friend had her appendix out but shes all better" (peer_help .80), "tata koleżanki miał
            # wypadek ale już wszystko dobrze": a friend's accident or illness said to be over, nothing done to the
            # friend by a person; "i was bullied in primary but it stopped when i changed school, im fine now"
            # (bullying .93): bullying past and stopped, the child fine now — ordinary talk (s31, core/safety.py
            # friend_fine_now, bullying_over; no urgency cues: "ok now" holds their "now")
            decision = as_ordinary(decision, persona)
        parts = message.get(PARTS) or []
        # s36: ordinary talk that is an ordinary topic's ("my big sister whacks me with a pillow…", out_of_scope .99)
        topic_talk = topic_talk or (decision.signal == "none" and decision.intent != "not_safe"
                                    and self._plain_topic(decision, persona, folded, lang, harm_cues) is not None)
        if decision.signal == "none" and parts and not topic_talk:
            # (s36: not under an ordinary topic, whose own words — "stabbed" on the news — are its only harm words)
            # a long message read as ordinary talk whose part reads a help signal with confidence ("…we did the
            # volcano project, but honestly my mums boyfriend hurts me", out_of_scope .96): the part's reading, its
            # urgency from its own words (s28, core/safety.py part_reading, nlu/parts.py)
            read = [(self.reading(part, persona), ranking) for part, ranking in parts]
            decided = [(part, decide_on([(r[INTENT_NAME_KEY], r[PREDICTED_CONFIDENCE_KEY]) for r in ranking], part))
                       for part, ranking in read]
            decision = part_reading(decision, decided, lang, (harm_cues, self.done_to_me, self.beneath.said,
                                                              self.beneath.means, self.danger.now,
                                                              self.danger.weapons),
                                    folded, (self.danger.fiction, self.told_as_story), self.resolved_past,
                                    (self.done_to_me, self.beneath.said, self.beneath.means, self.danger.now,
                                     self.danger.weapons), self.not_framing, self.turns,
                                    self.part_cues, self.story_turns) or decision
        if not topic_talk:
            # an ordinary topic's line is not read again for harm told: its own words ("hits me with his pillow",
            # "attacked" on the news) are the only harm in it, its ``deep`` words and no_harm the guard (s36)
            decision = self._misread(decision, persona, folded, lang, harm_cues, pairs, decide_on, small_talk, text)
        signal = decision.signal

        entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != PERSONA_ENTITY]
        entities.append(_entity(PERSONA_ENTITY, persona))
        if corrected is not None and not any(e.get("entity") == "location" for e in entities):
            entities += location_entities(corrected)
        if refused or refused_beside_code:
            entities.append(_entity("location_refused", "true"))
        if goes_into_cover(decision, persona):  # any help signal inside a persona (s35)
            entities.append(_entity(VOICE_SLOT, COVER_VOICE))
        for risk, cues in self.risk_cues.get(persona, {}).items():
            if signal != "none" and contains_cue(folded, cues):
                entities.append(_entity("risk", risk))
        if signal == "visit_request":
            entities = _with_whole_address(text, entities)
            if not any(e.get("entity") == "location" for e in entities):
                # "please send it to 14 Oak Road, Leeds" on the Kraków shop: the address's town routes the
                # emergency line (999 in the UK; it said 112, the persona's country, before)
                town = self._address_town(text, persona, lang, entities)
                if town is not None:
                    entities += location_entities(town)
        if signal in HELP_SIGNALS and not any(e.get("entity") == "duration" for e in entities):
            found = find_duration(text)
            if found:
                entities.append(_entity("duration", found[2], found[0], found[1]))

        message.set(
            INTENT,
            {INTENT_NAME_KEY: decision.intent, PREDICTED_CONFIDENCE_KEY: decision.confidence},
            add_to_output=True,
        )
        message.set(
            INTENT_RANKING_KEY,
            [
                {INTENT_NAME_KEY: r.intent, PREDICTED_CONFIDENCE_KEY: r.confidence, "source": r.source}
                for r in decision.ranking[:10]
            ],
            add_to_output=True,
        )
        message.set(ENTITIES, entities, add_to_output=True)
        message.set(SIGNAL, signal, add_to_output=True)
        message.set(URGENT, decision.urgent, add_to_output=True)
        if decision.intent == ASK_FAULT and not made_of(folded, lang, self.answers.fault, MAX_QUESTION_WORDS):
            # "is it my fault because of the bed thing": the fault question with its reason (s28) is answered only
            # after a disclosure earlier in the conversation (bot.fault_context; the NLU sees one message)
            message.set(FAULT_REASON, True, add_to_output=True)
