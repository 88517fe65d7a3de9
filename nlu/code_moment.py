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

from core.safety import has_word_cue

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
