"""Session 33 (xfail-s33): "no thank you, i only wanted to know if it works on dry patches" after the shop's discreet
question was read as a weak plain disclosure (abuse .29) and kept the question; a polite no with a product question is a
no (nlu/misreadings.py declines_and_asks: the product words are ``decline_and_ask`` fillers now). Harm in it keeps the
help reading. Rankings shaped as the model gives them; lines written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


def test_a_polite_no_and_a_product_question_is_a_no(component: PersonaContext) -> None:
    intent, signal, urgent, _ = seen(component, "no thank you, i only wanted to know if it works on dry patches",
                                     [("abuse_disclosure", .29), ("deny", .10), ("rumianek__ask_product_info", .09),
                                      ("out_of_scope", .08), ("rumianek__help_request", .07)], "en", "rumianek")
    assert (intent, signal, urgent) == ("deny", "none", False)


@pytest.mark.parametrize("text,ranking", [
    ("no thanks, i only wanted to know if it works on the bruises my dad gives me",
     [("abuse_disclosure", .96), ("rumianek__help_request", .02)]),
    ("no thanks, i only wanted to know if it works on my skin, my stepdad hits me",
     [("abuse_disclosure", .90), ("rumianek__help_request", .05)]),
    ("no thank you, i just wanted to know if it works on the cuts on my arms",
     [("self_harm", .70), ("abuse_disclosure", .10)]),
])
def test_harm_in_it_keeps_the_help_reading(component: PersonaContext, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, "en", "rumianek")[1] in ("abuse_disclosure", "self_harm")
