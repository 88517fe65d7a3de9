"""Session 33 (conv-s33, issue 13): a shopper's question about a product's make-up with the product named between
"czy" and "jest" — "czy krem rumiankowy jest wegański" (the code .73 drew the specialist's offer) — is cover talk, and
it goes to the shop's product answer (``<persona>__ask_product_info``, nlu/quiet.py as_product_question), not to
whichever cover intent ranks next. The cues: nlu/safety/cues.yml ``product_use`` ("jest weganski", "ma parabeny",
"parabens", "parabenos"). The other side keeps the code: the same question with one's own skin trouble, an asking word
or a parent's drinking. Rankings shaped as the model gave them; lines written for these tests."""
from __future__ import annotations

import pytest

from core.signals import HELP_SIGNALS
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


@pytest.mark.parametrize("lang,text,ranking", [
    ("pl", "czy krem rumiankowy jest wegański",
     [("rumianek__help_request", .73), ("rumianek__ask_product_info", .23), ("rumianek__urgent", .01)]),
    ("pl", "czy krem rumiankowy ma parabeny?",
     [("rumianek__help_request", .70), ("rumianek__ask_product_info", .25), ("rumianek__urgent", .02)]),
    ("en", "does the chamomile cream have parabens",
     [("rumianek__help_request", .60), ("rumianek__ask_product_info", .35), ("rumianek__urgent", .02)]),
    ("es", "la crema de manzanilla lleva parabenos?",
     [("rumianek__help_request", .62), ("rumianek__ask_product_info", .33), ("rumianek__urgent", .02)]),
])
def test_a_make_up_question_goes_to_the_product_answer(component: PersonaContext, lang: str, text: str,
                                                         ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang)
    assert (intent, signal, urgent) == ("rumianek__ask_product_info", "none", False)


def test_without_the_product_answer_in_the_ranking_the_best_cover_intent(component: PersonaContext) -> None:
    """The product answer not ranked ("krem rumiankowy jest weganski?": the code .94): the best cover intent, as before
    (nlu/quiet.py as_cover), still no offer."""
    ranking = [("rumianek__help_request", .94), ("rumianek__urgent", .02), ("rumianek__feedback", .01)]
    intent, signal, urgent, _ = seen(component, "krem rumiankowy jest weganski?", ranking, "pl")
    assert (intent, signal, urgent) == ("rumianek__feedback", "none", False)


@pytest.mark.parametrize("lang,text,ranking", [
    # one's own skin trouble beside the question: the code's own words
    ("pl", "czy krem rumiankowy jest wegański? bo mam problemy ze skórą",
     [("rumianek__help_request", .90), ("rumianek__ask_product_info", .08)]),
    # an asking word: the child wants it
    ("pl", "potrzebuję kremu rumiankowego, czy jest wegański",
     [("rumianek__help_request", .52), ("peer_help", .12), ("rumianek__urgent", .09)]),
    # a parent's drinking after the question
    ("pl", "czy krem rumiankowy jest weganski, tata znowu pije",
     [("rumianek__help_request", .74), ("rumianek__ask_product_info", .10), ("abuse_disclosure", .04)]),
    ("en", "does the chamomile cream have parabens, my skin is bad since dad started drinking",
     [("rumianek__help_request", .90), ("rumianek__ask_product_info", .09)]),
])
def test_the_code_with_skin_trouble_or_asking_stays_the_code(component: PersonaContext, lang: str, text: str,
                                                              ranking: list) -> None:
    assert seen(component, text, ranking, lang)[1] in HELP_SIGNALS
