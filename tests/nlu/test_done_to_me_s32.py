"""Spanish abuse told with its reason, the blow said as a punishment (session 32): "me castigan a golpes por las notas"
was ordinary talk (out_of_scope .47, abuse .29) and drew "not sure I understood". "a golpes", "me da palizas", "me
zurran", "me abofetea" are now harm done to the child (cues.yml done_to_me, es), so the near miss (core/safety.py step
2d) reads the abuse close behind. Idioms of "a golpes" with no help reading close behind stay ordinary talk.

Through nlu.components.persona.PersonaContext with synthetic rankings measured on the s31 model; every line written
for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


#: The rest of a measured ranking (the classifier's mass spread over the other intents).
TAIL = [("bullying", 0.05), ("distress", 0.04), ("inform_location", 0.03), ("affirm", 0.02)]


@pytest.mark.parametrize("text,ranking", [
    ("me castigan a golpes por las notas",
     [("out_of_scope", 0.47), ("abuse_disclosure", 0.29), ("self_harm", 0.09), *TAIL]),
    ("me zurran si no recojo", [("out_of_scope", 0.45), ("abuse_disclosure", 0.35), *TAIL]),
    ("me abofetean por contestar", [("out_of_scope", 0.46), ("abuse_disclosure", 0.31), ("self_harm", 0.09), *TAIL]),
])
def test_a_blow_as_a_punishment_is_the_disclosure(component: PersonaContext, text: str, ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, "es", "plain")
    assert (intent, signal, urgent) == ("abuse_disclosure", "abuse_disclosure", False)


@pytest.mark.parametrize("text,ranking", [
    ("ganamos a golpes de suerte", [("out_of_scope", 0.93), ("self_harm", 0.01), ("abuse_disclosure", 0.01)]),
    ("el partido fue a golpes", [("out_of_scope", 0.98), ("self_harm", 0.01)]),
    # a help reading not close enough behind: ordinary talk stays
    ("me castigan a golpes de risa", [("out_of_scope", 0.49), ("abuse_disclosure", 0.10), ("self_harm", 0.09), *TAIL]),
    # no blow: a punishment alone stays talk
    ("me castigan por las notas", [("out_of_scope", 0.47), ("abuse_disclosure", 0.29), ("self_harm", 0.09), *TAIL]),
])
def test_idioms_stay_talk(component: PersonaContext, text: str, ranking: list) -> None:
    assert seen(component, text, ranking, "es", "plain")[1] == "none"
