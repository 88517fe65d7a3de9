"""Session 33 (xfail-s33, issue 13): in the plain bot an urgent self-harm reading below .5 with no self-harm word at all
("siedzę w domu z katarem": .39, drew the self-harm emergency line) is not urgent: its best help reading that is not
urgent by itself with some weight, else ordinary talk (nlu/weak_urgency.py is_weak_self_harm). Measured on the dev
lines first: of 240 labelled urgent self-harm, 4 have no self-harm word (``self_harm_words`` and the self-harm cue
lists) and the model reads all 4 at .73 or more. A self-harm word, a time or means, a harm or danger word, a reading of
.5 or more, or a persona keep the urgent reading. Rankings shaped as the model gives them; lines written for these
tests."""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen


@pytest.mark.parametrize("lang,text,ranking,signal", [
    ("pl", "siedzę w domu z katarem", [("self_harm_urgent", .39), ("out_of_scope", .20), ("abuse_disclosure", .14),
                                       ("distress", .10), ("greet", .17)], "none"),
    ("en", "stuck at home with a cold again", [("self_harm_urgent", .45), ("out_of_scope", .40), ("distress", .15)],
     "none"),
    ("es", "me quedo en casa con fiebre", [("self_harm_urgent", .41), ("out_of_scope", .35), ("greet", .24)], "none"),
    # a help reading with some weight stands, not urgent
    ("en", "everything is just too much lately", [("self_harm_urgent", .44), ("distress", .36), ("out_of_scope", .20)],
     "distress"),
])
def test_weak_urgent_self_harm_with_no_self_harm_word_is_not_urgent(component: PersonaContext, lang: str, text: str,
                                                                     ranking: list, signal: str) -> None:
    _, got, urgent, _ = seen(component, text, ranking, lang, "plain")
    assert (got, urgent) == (signal, False)


@pytest.mark.parametrize("persona,lang,text,ranking", [
    # read at .5 or more (the dev lines with no self-harm word read .73 and more)
    ("plain", "en", "standing on the edge of the quarry, going to let go", [("self_harm_urgent", .73),
                                                                           ("out_of_scope", .27)]),
    ("plain", "es", "ya no aguanto mas", [("self_harm_urgent", .52), ("self_harm", .37), ("deny", .11)]),
    # a self-harm word, its time or means
    ("plain", "en", "i just want to disappear", [("self_harm_urgent", .40), ("out_of_scope", .35), ("distress", .25)]),
    ("plain", "en", "i wrote everyone a goodbye letter", [("self_harm_urgent", .45), ("out_of_scope", .35), ("distress", .20)]),
    ("plain", "pl", "mam odlozone tabletki w szafce", [("self_harm_urgent", .42), ("out_of_scope", .38), ("distress", .20)]),
    ("plain", "es", "no quiero despertar mañana", [("self_harm_urgent", .40), ("out_of_scope", .38), ("distress", .22)]),
    ("plain", "es", "hoy me quedo en casa con fiebre", [("self_harm_urgent", .41), ("out_of_scope", .35), ("greet", .24)]),
    ("plain", "en", "tonight is the night", [("self_harm_urgent", .44), ("out_of_scope", .36), ("distress", .20)]),
    # a harm or danger word
    ("plain", "en", "he hit me again and im scared", [("self_harm_urgent", .41), ("abuse_disclosure", .39),
                                                      ("imminent_danger", .20)]),
    # inside a persona the rule does not read
    ("rumianek", "pl", "siedzę w domu z katarem", [("self_harm_urgent", .39), ("out_of_scope", .20),
                                                   ("rumianek__ask_products", .41)]),
])
def test_other_urgent_self_harm_readings_stay_urgent(component: PersonaContext, persona: str, lang: str, text: str,
                                                     ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    if persona == "plain" or signal == "self_harm":
        assert urgent is True, (intent, signal)
