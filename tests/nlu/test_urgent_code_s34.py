"""Session 34 (urgent-s34, issue 13): the persona's code said with the moment and fear of a person or a threat coming
is the urgent code ("can i get chamomile cream tonight, hes drunk again and i'm scared": the code .48, the urgent code
.17; nlu/code_moment.py). A person of the child's life killing or hitting the child, said beside a shop question, is a
help reading ("my stepdad is killing me, got any discount codes?": discounts .64; nlu/misreadings.py is_hit_by_someone
with ``hit_by``). The shop's own haste, fear of the parcel, jokes, prices and sticky cream keep their reading.
Rankings shaped as the model gave them; lines written for these tests."""
from __future__ import annotations

import pytest

from core.text import fold
from nlu.code_moment import is_code_moment_feared
from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

CODE = [("rumianek__help_request", .48), ("rumianek__urgent", .17), ("imminent_danger", .09)]
DISCOUNTS = [("rumianek__discounts", .64), ("imminent_danger", .13), ("out_of_scope", .13)]


@pytest.mark.parametrize("persona,lang,text", [
    ("rumianek", "en", "can i get chamomile cream tonight, hes drunk again and i'm scared"),
    ("rumianek", "en", "chamomile cream tonight please, im scared of my stepdad"),
    ("rumianek", "es", "quiero la crema de manzanilla para esta noche, tengo miedo de que vuelva"),
    ("rumianek", "es", "la crema de manzanilla ahora, mi padre está borracho otra vez"),
    ("rumianek", "pl", "poproszę krem rumiankowy na dziś w nocy, boję się że wróci"),
    ("rumianek", "pl", "krem rumiankowy zaraz, tata znowu pijany"),
    ("gametips", "en", "lantern quest help tonight, im scared hes coming home drunk"),
])
def test_code_with_moment_and_fear_is_urgent(component: PersonaContext, persona: str, lang: str, text: str) -> None:
    ranking = [(name.replace("rumianek", persona), p) for name, p in CODE]
    intent, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (intent, urgent) == ("urgent", True)


@pytest.mark.parametrize("persona,lang,text", [
    ("rumianek", "en", "can i get the cream tonight? its for a party"),
    ("rumianek", "en", "i'm scared the cream won't arrive by tonight"),
    ("rumianek", "es", "necesito la crema esta noche para una cena"),
    ("rumianek", "pl", "krem rumiankowy na dziś, mama ma urodziny"),
    ("rumianek", "en", "chamomile cream tonight, my mum says hi"),
    ("rumianek", "en", "chamomile cream please, im scared it wont help my skin"),
    ("rumianek", "en", "chamomile cream tonight, im not scared of him anymore"),
])
def test_code_without_fear_of_anyone_stays_the_code(component: PersonaContext, persona: str, lang: str,
                                                     text: str) -> None:
    intent, _, urgent, _ = seen(component, text, CODE, lang, persona)
    assert (intent, urgent) == ("help_request", False)


def test_predicate_needs_the_moment() -> None:
    moment = {"en": ["tonight"]}
    fear, threat, not_feared = {"en": ["scared"]}, {"en": ["drunk again"]}, {"en": ["not scared"]}
    delivery, people = {"en": ["wont arrive"]}, ({"en": ["hes", "dad"]},)
    args = (moment, fear, threat, not_feared, delivery, people)
    assert is_code_moment_feared(fold("cream tonight, hes drunk again"), "en", *args)
    assert not is_code_moment_feared(fold("cream please, hes drunk again and im scared"), "en", *args)
    assert not is_code_moment_feared(fold("scared my dad's cream wont arrive tonight"), "en", *args)


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("rumianek", "en", "my stepdad is killing me, got any discount codes?", DISCOUNTS),
    ("rumianek", "en", "my mum keeps hitting me, do you do student discount", DISCOUNTS),
    ("rumianek", "es", "mi padrastro me pega, tenéis códigos de descuento?",
     [("rumianek__discounts", .65), ("abuse_disclosure", .34)]),
    ("rumianek", "es", "mi novio me pega mucho, la crema de manos tiene descuento?",
     [("rumianek__ask_product_info", .60), ("abuse_disclosure", .30)]),
    ("rumianek", "pl", "ojczym bije mnie, macie kody rabatowe?", [("rumianek__discounts", .70), ("out_of_scope", .2)]),
    ("rumianek", "pl", "tata mnie bije, macie kody rabatowe?", [("rumianek__discounts", .70), ("out_of_scope", .2)]),
])
def test_blow_on_the_child_beside_a_shop_question_is_help(component: PersonaContext, persona: str, lang: str,
                                                          text: str, ranking: list) -> None:
    _, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert signal == "abuse_disclosure" and not urgent


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("rumianek", "en", "my stepdad's jokes are killing me, got any discount codes?",
     [("out_of_scope", .49), ("rumianek__discounts", .28)]),
    ("rumianek", "en", "these prices are killing me", [("out_of_scope", .99)]),
    ("rumianek", "en", "my mum will kill me if i forget her cream", [("out_of_scope", .75), ("not_safe", .10)]),
    ("rumianek", "en", "my dad is killing me with his jokes, any discount codes", DISCOUNTS),
    ("rumianek", "es", "la crema de manos, me pega mucho", [("rumianek__ask_product_info", .79),
                                                            ("abuse_disclosure", .16)]),
    ("rumianek", "es", "mi padre me está matando con sus chistes, tenéis descuentos?", DISCOUNTS),
    ("rumianek", "pl", "tata mnie zabija sucharami, macie kody rabatowe?", DISCOUNTS),
])
def test_jokes_prices_and_sticky_cream_stay_shop_talk(component: PersonaContext, persona: str, lang: str, text: str,
                                                       ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == "none"
