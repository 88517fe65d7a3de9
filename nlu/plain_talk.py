"""Ordinary topics of the plain bot that its classifier reads as help (s34, issue 13).

docs/classifier-knobs.md (s34) measured that no model setting removes these false alarms without missing real
disclosures: a frame ("someone is at the door", "my dad has ...", "my mom makes me ...") is seen only under safety
intents in training. These rules read what the frame is *about*, one named ordinary topic at a time (``plain_topics``
in ``nlu/safety/cues.yml``):

* ``delivery`` — a parcel or courier at the door ("someones knocking, i think its the parcel man");
* ``trade_tools`` — a parent's trade or a home job with its tools ("my dad is a butcher and has loads of knives");
* ``house_rule`` — a parent's everyday rule ("mama każe mi zjeść warzywa przed deserem");
* ``school_alarm`` — an alarm word over homework ("SOS nie rozumiem ułamków", "socorro, la redacción es mañana");
* ``friend_leaving`` — the child sad that a friend moves or changes schools;
* ``sibling_bother`` — a sibling's everyday annoyance ("my little sister copies everything i say");
* ``hanging_things`` — posters, laundry or decorations hung up ("pranie wisi na sznurku").
* ``sport_talk`` — a combat sport's own words ("empecé boxeo y el entrenador dice que pego flojito");
* ``grief_but_fine`` — a grandparent or a pet who died, and the child says it is fine;
* ``bored`` — plain boredom ("estoy aburridísima"), nothing else said;
* ``tech_trouble`` — an app, the internet or a device that crashes ("ta apka to dno, ciągle się wywala").

s35 (issue 13), the child's everyday worries, ordinary talk inside a persona too (``in_personas``; answered there with
the persona's ordinary answer, ``nlu.quiet.as_ordinary``):

* ``short_absence`` — a parent out for a short while and the child says it was fine ("mis padres salieron a cenar y me
  quedé solo un rato, todo bien"); days, the night, no food, locked in, fear or someone who came are ``deep``;
* ``pet_ill`` — a pet ill or at the vet ("my dog is ill and wont eat, hope hes ok");
* ``friend_upset`` — a friend cross with the child ("koleżanka jest na mnie obrażona");
* ``parents_row`` — parents who argued over money or a bill, once ("mum and dad had a row about the bills");
* ``grounded`` — grounded, or the phone taken away as a punishment.

s36 (issue 13), violence told of others, read as a disclosure in the plain bot:

* ``news_told`` — violence in the news, of strangers, and a parent now strict ("did u see the news about the stabbing
  near the train station? my mum wont let me go into town now"); a victim close to the child is ``deep`` and a
  friend's story (:func:`is_news_of_close`);
* ``lesson_told`` — a book's, a play's or a lesson's violence asked about ("in of mice and men why does george shoot
  lennie at the end", "que pasa si mezclas lejia con amoniaco? lo dijeron en quimica");
* ``stranger_caught`` — a man caught near other children, told by someone ("kuzynka mowila ze w jej szkole zlapali
  faceta co robil zdjecia dzieciom przez plot");
* ``play_fight`` — a pillow, a water fight, tickling ("my little brother hits me with his pillow every single morning
  to wake me up");
* ``past_over`` — bullying or a parent's drinking long over, the child well now ("i got bullied in year 4 but i moved
  schools and now i have a big friendship group"); "again", "still" are ``deep``;
* ``everyday_ask`` — a word's meaning, a revision plan, whom to invite, shy of a new club.

s37 (issue 13, fp-en-s37), health trivia and a sports injury read as help in the plain bot:

* ``body_why`` — a body question of health trivia ("why do i get dizzy when i stand up too fast", "dlaczego bola mnie
  nogi w nocy"); a blow, a doer, a mark, self-harm, not eating, a substance, a low feeling or fear is ``deep``;
* ``sport_injury`` — someone else's sports or play injury told lightly ("my cousin broke his leg skiing and now hes on
  crutches lol"); a push, a fight, on purpose, fear or grave care is ``deep``.

A message is a topic's when it holds one of its ``cues`` (and one of ``also`` when the topic has them), none of its
``deep`` words (fear, a blow, a secret, someone named who makes it more) and, once the topic's own ``allowed`` words
are taken out ("door", "knives", "SOS", "tonight"), nothing of harm (the caller's ``no_harm``: no harm word, urgency,
danger now, self-harm, fear, nothing done to the child, nobody arriving). Cues start a folded word, the message's
language (every language's when it is unknown). A miss costs a child, a false alarm a question: every topic is
narrow on purpose.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from core.safety import Decision, cues_of, has_cue

Cues = Mapping[str, Sequence[str]]
NoHarm = Callable[[str], bool]


@dataclass(frozen=True)
class Topic:
    """One ordinary topic's folded cue lists (``{lang: [cue, ...]}``)."""

    name: str
    cues: Cues
    also: Cues
    allowed: Cues
    deep: Cues
    in_personas: bool = False


def load_topics(path: Path) -> tuple[Topic, ...]:
    """The plain bot's ordinary topics of the cues file at ``path`` (folded)."""
    from nlu.cues import folded, load_cues

    return tuple(Topic(name, folded(t.cues), folded(t.also), folded(t.allowed), folded(t.deep), t.in_personas)
                 for name, t in load_cues(path).plain_topics.items())


def without_words(folded: str, lang: Optional[str], cues: Cues) -> str:
    """``folded`` with every cue of ``cues`` (the start of a word, to the word's end) blanked out, longest first."""
    rest = f" {folded} "
    for found in cues_of(lang, cues):
        for cue in sorted(found, key=len, reverse=True):
            rest = re.sub(rf"(?<=\W){re.escape(cue)}\w*", " ", rest)
    return " ".join(rest.split())


def is_topic(folded: str, lang: Optional[str], topic: Topic, no_harm: NoHarm) -> bool:
    """Whether ``folded`` is ordinary talk of ``topic`` and nothing of harm (see the module's docstring)."""
    if not has_cue(folded, lang, topic.cues) or (topic.also and not has_cue(folded, lang, topic.also)):
        return False
    return not has_cue(folded, lang, topic.deep) and no_harm(without_words(folded, lang, topic.allowed))


def ordinary_topic(folded: str, lang: Optional[str], topics: Sequence[Topic], no_harm: NoHarm,
                   in_persona: bool = False) -> Optional[str]:
    """The name of the first of ``topics`` that ``folded`` is ordinary talk of, else ``None``; ``in_persona``: only
    the topics that are ordinary talk inside a persona too (``in_personas``)."""
    return next((t.name for t in topics if (t.in_personas or not in_persona) and is_topic(folded, lang, t, no_harm)),
                None)


#: The reading a topic's line gets: small talk. Never the best other reading of the ranking, which may be a yes, a no
#: or a place ("my little sister copies everything i say": inform_location .03, "... copies everything i do": affirm).
TOPIC_TALK = "out_of_scope"


def as_topic_talk(decision: Decision) -> Decision:
    """``decision`` turned into small talk (:data:`TOPIC_TALK`, signal ``none``, not urgent), with the confidence the
    classifier gave small talk."""
    confidence = next((r.confidence for r in decision.ranking if r.intent == TOPIC_TALK), 0.0)
    return dataclasses.replace(decision, intent=TOPIC_TALK, confidence=confidence, source=TOPIC_TALK, signal="none",
                               urgent=False)


def is_news_of_close(folded: str, lang: Optional[str], news: Cues, close: Cues, hurt: Cues) -> bool:
    """Whether ``folded`` tells violence in the news (``news``) done to someone close to the child (``close``: a
    brother, a cousin, a friend, "it was my", never a parent who is only strict) with its harm (``hurt``: stabbed,
    in hospital): "the news story about the stabbing is about my brother and hes still in hospital" is a friend's
    story, not small talk (s36)."""
    return all(has_cue(folded, lang, cues) for cues in (news, close, hurt))
