"""The persona's code said with the moment and fear: the urgent code (s34, urgent-s34, issue 13).

"can i get chamomile cream tonight, hes drunk again and i'm scared" (the code .48, the urgent code .17) and "quiero
la crema de manzanilla para esta noche, tengo miedo de que vuelva" were the code's discreet question: the moment
(``code_moment``: tonight, esta noche, dziś w nocy, zaraz) with fear (``code_fear``) of a person or of a threat
coming (``code_threat``: he's drunk again, que vuelva, wraca pijany), or a threat with a person named, is the urgent
code. Fear of the parcel (``code_fear_of_delivery``: "i'm scared the cream won't arrive by tonight") is no fear of
anyone. Cue lists of ``nlu/safety/cues.yml``, whole words, folded.
"""
from __future__ import annotations

from typing import Mapping, Optional, Sequence

from core.safety import has_cue, has_word_cue

Cues = Mapping[str, Sequence[str]]


def is_code_moment_feared(folded: str, lang: Optional[str], moment: Cues, fear: Cues, threat: Cues,
                          not_feared: Cues, delivery: Cues, people: Sequence[Cues]) -> bool:
    """Whether ``folded`` says the moment (``moment``) with fear (``fear``, not taken back by ``not_feared``: "im not
    scared") of a person named (``people``) or of a threat coming (``threat``), or says a threat with a person named;
    a fear of the delivery (``delivery``) with no threat is no fear of anyone."""
    if not has_word_cue(folded, lang, moment):
        return False
    threatened = has_word_cue(folded, lang, threat)
    feared = has_word_cue(folded, lang, fear) and not has_word_cue(folded, lang, not_feared)
    named = any(has_word_cue(folded, lang, cues) for cues in people)
    if threatened:
        return feared or named
    return feared and named and not has_word_cue(folded, lang, delivery)


def is_code_moment_harmed(folded: str, lang: Optional[str], moment: Cues, harm: Cues, people: Sequence[Cues],
                          not_real: Sequence[Cues], said_harm: bool) -> bool:
    """Whether ``folded`` says the code's moment (``moment``: tonight, within an hour, za godzinę) beside a harm word
    (``harm``, ``said_harm``: not denied) with a person of the child's life named (``people``), and no game, sport or
    play frames it (``not_real``, whole words: "brat mnie bije w fife"). fp-pl-s37, issue 13: "czy krem może być u
    mnie za godzinę, ojczym mnie bije", "chamomile cream tonight please, my dad beats me" were the code, not urgent."""
    if not (said_harm and has_word_cue(folded, lang, moment) and has_word_cue(folded, lang, harm)):
        return False
    if any(has_word_cue(folded, lang, cues) for cues in not_real):
        return False
    return any(has_word_cue(folded, lang, cues) for cues in people)


def is_code_shut_in(folded: str, lang: Optional[str], shut_in: Sequence[Cues], past: Cues) -> bool:
    """Whether ``folded`` says the child is locked in or hiding (``shut_in``: kept_in, hiding_now, start of a folded
    word: "jestem zamknięta w pokoju", "schowałam się") and nothing says it is long past (``past``). fp-pl-s37, issue
    13: "krem rumiankowy, jestem zamknięta w pokoju" was the code's discreet question (en and es drew the urgent code)."""
    return any(has_cue(folded, lang, cues) for cues in shut_in) and not has_cue(folded, lang, past)
