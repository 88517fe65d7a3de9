"""Put out of home with nowhere to sleep (issue 13, session 30, lead): "i got kicked out, sleeping in the park tonight"
was out_of_scope .99 and drew "I'm not sure I can help with that one". Ordinary talk that says both — put out of home
or run away (cues.yml out_of_home, ran_away) and nowhere to sleep (sleeping_rough) — is danger now (core/safety.py
danger_beneath). One alone, another person, a game lobby, a class, scouts' tents and a story keep their reading.

Through nlu.components.persona.PersonaContext with synthetic rankings: the top three readings measured on main's model
(53f9844) for each line, written for these tests (none from tests/data).
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

#: (persona, lang, text, main's ranking): out of home tonight — main read none.
OUT = [
    ('plain', 'en', 'i got kicked out, sleeping in the park tonight', [('out_of_scope', 0.97), ('imminent_danger', 0.02), ('self_harm_urgent', 0.0)]),
    ('plain', 'en', 'dad kicked me out again, sleeping on the street tonight i guess', [('out_of_scope', 0.53), ('affirm', 0.12), ('abuse_disclosure', 0.12)]),
    ('plain', 'es', 'me echaron de casa y voy a dormir en el parque', [('out_of_scope', 0.37), ('goodbye', 0.17), ('abuse_disclosure', 0.17)]),
    ('gametips', 'en', 'i got kicked out lol sleeping in the park tonight', [('out_of_scope', 1.0), ('imminent_danger', 0.0), ('gametips__ask_lag', 0.0)]),
    ('plain', 'en', 'i ran away and i have nowhere to sleep tonight', [('out_of_scope', 0.7), ('distress', 0.1), ('imminent_danger', 0.1)]),
    ('plain', 'pl', 'wyrzucila mnie z domu i nie mam gdzie nocowac', [('out_of_scope', 0.6), ('abuse_disclosure', 0.2), ('distress', 0.1)]),
    ('rumianek', 'es', 'me han echado de casa, no tengo donde dormir', [('out_of_scope', 0.6), ('rumianek__shipping', 0.2), ('distress', 0.1)]),
]

#: (persona, lang, text, main's ranking): one cue alone, someone else, a game, a class, a story — the reading stays.
STAYS = [
    ('plain', 'en', 'got kicked out of the lobby lol', [('out_of_scope', 1.0), ('bullying', 0.0), ('affirm', 0.0)]),
    ('plain', 'en', "we're sleeping outside in tents tonight for scouts", [('out_of_scope', 0.98), ('imminent_danger', 0.01), ('inform_location', 0.0)]),
    ('plain', 'en', 'i got kicked out of class for talking', [('out_of_scope', 0.76), ('bullying', 0.22), ('peer_help', 0.0)]),
    ('plain', 'en', 'my brother got kicked out of the club and had nowhere to sleep so he came to ours', [('out_of_scope', 0.97), ('abuse_disclosure', 0.01), ('bullying', 0.01)]),
    ('plain', 'en', 'in the book the boy is thrown out and sleeps on the street', [('out_of_scope', 0.35), ('imminent_danger', 0.35), ('peer_help', 0.09)]),
    ('plain', 'es', 'me echaron del partido por una falta', [('out_of_scope', 0.72), ('bullying', 0.18), ('affirm', 0.02)]),
    ('plain', 'es', 'vamos a dormir en el parque de atracciones? jaja', [('out_of_scope', 1.0), ('goodbye', 0.0), ('probe', 0.0)]),
    ('plain', 'pl', 'na obozie bedziemy spac w namiotach', [('out_of_scope', 0.99), ('imminent_danger', 0.0), ('goodbye', 0.0)]),
    ('plain', 'en', 'the homeless man near school sleeps in the park every night', [('out_of_scope', 0.3), ('distress', 0.22), ('abuse_disclosure', 0.16)]),
    ('plain', 'en', 'the cat ran away, sleeping outside tonight to look for her',
     [('out_of_scope', 0.9), ('imminent_danger', 0.05), ('peer_help', 0.02)]),
    ('plain', 'en', 'i got kicked out of the group chat lol', [('out_of_scope', 0.9), ('bullying', 0.05), ('probe', 0.02)]),
    ('plain', 'en', 'sleeping in the park tonight for the festival, so excited', [('out_of_scope', 0.95), ('imminent_danger', 0.02), ('probe', 0.01)]),
]


@pytest.mark.parametrize("persona,lang,text,ranking", OUT)
def test_out_of_home_with_nowhere_to_sleep_is_danger_now(component: PersonaContext, persona: str, lang: str,
                                                         text: str, ranking: list) -> None:
    _, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (signal, urgent) == ("imminent_danger", True)


@pytest.mark.parametrize("persona,lang,text,ranking", STAYS)
def test_one_cue_or_another_person_stays_talk(component: PersonaContext, persona: str, lang: str, text: str,
                                             ranking: list) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == "none"
