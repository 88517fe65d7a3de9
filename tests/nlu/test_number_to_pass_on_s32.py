"""A number asked for to pass on to a friend beside the friend's harm (session 32): "can u give me a number i can pass
on to my friend, her dad beats her" was read as a friend's story (peer_help .80) and drew the friend line and the offer
of a person, no number; in the shop "is there a number i can give my friend, her mum hurts her" (.95) the same. Read as
a friend's story with a ``number_to_pass_on`` cue anywhere in it, not urgent, the message is the referral (intent
inform_location, the friend's signal kept: where first, then the number), in every persona. A friend's story with no
number asked for, an urgent one (the emergency number first), and a shopper's number question keep their reading.

Through nlu.components.persona.PersonaContext with synthetic rankings, the top readings measured on the s31 model for
each line; every line written for these tests (none from tests/data). Whole conversations: fix_s32_conv.yml.
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.context import seen

#: (persona, lang, text, ranking)
ASKED = [
    ('plain', 'en', 'can u give me a number i can pass on to my friend, her dad beats her',
     [('peer_help', 0.80), ('ask_human', 0.18), ('out_of_scope', 0.01)]),
    ('rumianek', 'en', 'is there a number i can give my friend, her mum hurts her',
     [('peer_help', 0.95), ('ask_human', 0.03), ('rumianek__discounts', 0.01)]),
    ('plain', 'es', 'me das un numero para mi amiga? su padre le pega',
     [('peer_help', 0.99), ('ask_human', 0.01)]),
    ('plain', 'pl', 'jaki numer mam dać koleżance? ojczym ją bije',
     [('peer_help', 0.87), ('abuse_disclosure', 0.10), ('self_harm', 0.01)]),
    ('rumianek', 'pl', 'macie numer dla koleżanki? tata ją bije',
     [('peer_help', 0.97), ('rumianek__contact', 0.01)]),
]


@pytest.mark.parametrize("persona,lang,text,ranking", ASKED)
def test_a_number_to_pass_on_beside_a_friends_harm_is_the_referral(component: PersonaContext, persona: str, lang: str,
                                                                     text: str, ranking: list) -> None:
    intent, signal, urgent, _ = seen(component, text, ranking, lang, persona)
    assert (intent, signal, urgent) == ("inform_location", "peer_help", False)


#: (persona, lang, text, ranking, intent): what keeps its reading.
KEPT = [
    # a friend's story with no number asked for
    ('plain', 'en', 'my friend says her dad hits her', [('peer_help', 0.99)], 'peer_help'),
    ('plain', 'es', 'mi amiga dice que su padre le pega', [('peer_help', 0.99)], 'peer_help'),
    ('plain', 'pl', 'koleżanka mówi, że tata ją bije', [('peer_help', 0.98)], 'peer_help'),
    # a shopper's number question (no friend's story read)
    ('rumianek', 'en', 'whats the phone number of your shop', [('rumianek__contact', 0.46), ('out_of_scope', 0.10)],
     'rumianek__contact'),
]


@pytest.mark.parametrize("persona,lang,text,ranking,intent", KEPT)
def test_other_lines_keep_their_reading(component: PersonaContext, persona: str, lang: str, text: str, ranking: list,
                                        intent: str) -> None:
    assert seen(component, text, ranking, lang, persona)[0] == intent


def test_a_friend_in_danger_now_keeps_the_emergency_number_first(component: PersonaContext) -> None:
    intent, signal, urgent, _ = seen(component, "my friend took pills, what number can she call",
                                     [('peer_help', 0.86), ('out_of_scope', 0.12)], "en", "plain")
    assert signal == "peer_help" and urgent is True and intent != "inform_location"
