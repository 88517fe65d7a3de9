"""Session 32 (issue 13): the persona's visit code is an order WITH a street address. Read weakly (below
TENTATIVE_CONFIDENCE) in a message with no address, no harm word and no danger ("can you send it to my work address
instead": the visit code .42 drew "call 112 right away" in the shop), it is the code's discreet question — not the
emergency line. An address (or a number or a place), a harm word, danger now or a sure reading keep the visit code (urgent). Rankings shaped
as the model gave them (whole, summing to one: the component weighs them as given); lines written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

VISIT = ("visit_request", "visit_request", True)


@pytest.mark.parametrize("persona,lang,text,ranking", [
    ("rumianek", "en", "can you send it to my work address instead",
     [("rumianek__visit_request", .42), ("rumianek__order_admin", .13), ("rumianek__shipping", .13),
      ("out_of_scope", .12), ("rumianek__ask_products", .10), ("distress", .10)]),
    ("rumianek", "pl", "czy możecie wysłać to na adres mojej pracy zamiast do domu",
     [("rumianek__visit_request", .38), ("rumianek__shipping", .30), ("rumianek__order_admin", .10),
      ("out_of_scope", .12), ("distress", .10)]),
    ("rumianek", "es", "me lo podéis mandar a la dirección de la oficina",
     [("rumianek__visit_request", .40), ("rumianek__shipping", .35), ("rumianek__order_admin", .05),
      ("out_of_scope", .12), ("distress", .08)]),
])
def test_a_weak_visit_code_with_no_address_is_the_discreet_question(component: PersonaContext, persona: str,
                                                                      lang: str, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[:3] == ("help_request", "help_request", False)


@pytest.mark.parametrize("persona,lang,text,ranking", [
    # an address
    ("rumianek", "en", "can you send it to 14 Elm Road, Leeds instead",
     [("rumianek__visit_request", .42), ("rumianek__order_admin", .13), ("rumianek__shipping", .13),
      ("out_of_scope", .12), ("rumianek__ask_products", .10), ("distress", .10)]),
    # a street without "ul." / "street": its number and the town say it is one
    ("rumianek", "pl", "nadajcie na Brzozowa 12, Tarnów",
     [("rumianek__visit_request", .45), ("rumianek__help_request", .30), ("rumianek__shipping", .13),
      ("out_of_scope", .12)]),
    # a harm word
    ("rumianek", "en", "send the cream to my house pls my dad is hurting me",
     [("rumianek__visit_request", .45), ("imminent_danger", .31), ("urgent", .05)]),
    # danger now
    ("rumianek", "es", "mandad la crema a mi casa ya, está aquí con un cuchillo",
     [("rumianek__visit_request", .40), ("imminent_danger", .35), ("urgent", .05)]),
    # read surely
    ("gametips", "en", "send a coach to my house pls",
     [("gametips__visit_request", .72), ("imminent_danger", .14), ("gametips__ask_multiplayer", .02)]),
])
def test_an_address_harm_danger_or_a_sure_reading_keeps_the_visit_code(component: PersonaContext, persona: str,
                                                                         lang: str, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[:3] == VISIT
