"""Session 32 (the lead, issue 13): a person of the child's life named right before a blow done to the child in the
past — "mi padre me pegó porque tiré el vaso", "mi madre me ha pegado porque llegué tarde" — was read as ordinary
talk (.78-.93: "pegó" folds to "pego"). It is a disclosure (nlu/misreadings.py is_hit_by_someone). A blow that is
no blow ("me pegó un susto", "la gripe", "un grito"), play or an accident ("jugando", "sin querer") or nobody
named keeps ordinary talk. Rankings shaped as the
model gave them (whole, summing to one); lines written for these tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

TAIL = [("bullying", .01), ("self_harm", .01)]


@pytest.mark.parametrize("text,ranking", [
    ("mi padre me pegó porque tiré el vaso", [("out_of_scope", .78), ("abuse_disclosure", .20), *TAIL]),
    ("mi madre me pegó porque llegué tarde a casa", [("out_of_scope", .92), ("abuse_disclosure", .06), *TAIL]),
    ("mi padrastro me ha pegado porque rompí el móvil", [("out_of_scope", .88), ("imminent_danger", .10), *TAIL]),
    ("ayer mi hermano me pegó y mis padres no dicen nada", [("out_of_scope", .70), ("abuse_disclosure", .28), *TAIL]),
])
def test_a_named_person_s_blow_is_a_disclosure(component: PersonaContext, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, "es", "plain")[1] == "abuse_disclosure"


@pytest.mark.parametrize("text,ranking", [
    ("mi hermano me pegó un susto tremendo jaja", [("out_of_scope", .98), *TAIL]),
    ("mi primo me pegó la gripe y no fui al cole", [("out_of_scope", .97), ("distress", .01), *TAIL]),
    ("mi padre me pegó un grito porque no recogí", [("out_of_scope", .89), ("abuse_disclosure", .09), *TAIL]),
    ("mi abuela me pegó la costumbre de leer antes de dormir", [("out_of_scope", .98), *TAIL]),
    ("me pegó el chicle en el pelo jaja", [("out_of_scope", .98), *TAIL]),
    # play or an accident
    ("mi hermano me pegó jugando al fútbol en el patio", [("out_of_scope", .90), ("abuse_disclosure", .08), *TAIL]),
    ("mi primo me pegó sin querer con el balón", [("out_of_scope", .93), ("abuse_disclosure", .05), *TAIL]),
])
def test_no_blow_or_nobody_named_stays_ordinary_talk(component: PersonaContext, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, "es", "plain")[1] == "none"
