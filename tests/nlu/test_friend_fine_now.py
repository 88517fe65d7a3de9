"""A friend's mishap said to be over, and bullying past and stopped (session 31; core/safety.py friend_fine_now,
bullying_over).

Testers' ordinary lines about a friend's accident that is over (three lines of the dev blind sets blind9 and blind10,
not copied here) drew the plain bot's friend line ("It's good that you're looking out for them… a counselor"). s30 read such a part of a
long message as over (part_counts); a whole message was still a friend's story. Now a whole message read as
peer_help that tells a mishap (an accident or an illness; a fall or a break with no family member named) and says it
is over, with no harm done by a person, no self-harm, no fear of someone at home, no sign of injury and nobody named
after "it is over", is ordinary talk.

Every line here was written for these tests (none from tests/data or the training data). The rankings are the
trained model's for each target on main (a0ca393), where each read peer_help.
"""
from __future__ import annotations

import pytest

from nlu.components.persona import PersonaContext
from tests.nlu.test_long_messages import seen

#: Main's readings of the targets: peer_help, the plain bot's friend line.
TARGETS = [
    ("my best friend had her appendix out but shes all better", "en",
     [("peer_help", .80), ("out_of_scope", .20), ("self_harm", .001)]),
    ("my friend had an operation on her knee and shes all better", "en", [("peer_help", .99), ("out_of_scope", .01)]),
    ("el hermano de mi amigo tuvo un accidente con la moto pero ya esta bien", "es",
     [("peer_help", .52), ("out_of_scope", .43), ("self_harm", .02)]),
    ("mi amiga se rompio la muneca patinando pero ya esta mejor", "es", [("peer_help", .69), ("out_of_scope", .29)]),
    ("mi amigo se cayo de la bici y se rompio el brazo pero ya esta mejor", "es",
     [("peer_help", .54), ("out_of_scope", .41), ("self_harm", .02)]),
    ("tata kolezanki mial wypadek samochodowy ale juz wszystko dobrze", "pl",
     [("peer_help", .49), ("out_of_scope", .29), ("self_harm_urgent", .05)]),
    ("moja przyjaciolka byla chora ale juz jej przeszlo", "pl", [("peer_help", .87), ("out_of_scope", .12)]),
]

#: Friends' stories that keep main's reading (peer_help): harm by a person, self-harm, fear, a sign of injury, a
#: person pushing, someone named after "it is over", no mishap at all.
NEIGHBOURS = [
    ("my friends dad hits her but shes fine now", "en"),
    ("my friend cuts herself but shes ok now she says", "en"),
    ("my friend tried to kill herself but shes ok now", "en"),
    ("my friend is scared of her dad but shes fine now", "en"),
    ("my friend fell down the stairs, her dad pushed her, shes ok now", "en"),
    ("my friend fell down the stairs, he pushed her, shes ok now", "en"),
    ("my friend has bruises, she said she fell, but shes fine now", "en"),
    ("my friend is sick of her parents shouting but shes fine now", "en"),
    ("my friend fell and hit her head, shes fine now but shes scared to go home", "en"),
    ("el padrastro de mi amiga le pega pero ya esta bien", "es"),
    ("mi amiga se cayo porque su padrastro la empujo pero ya esta bien", "es"),
    ("mi amiga tiene moratones y dice que se cayo pero ya esta bien", "es"),
    ("mi amiga estuvo enferma pero ya esta bien y su madre le grita todo el rato", "es"),
    ("kolega mowi ze ojciec go leje ale juz jest lepiej", "pl"),
    ("kolezanka byla chora ale juz jest ok tylko ojciec ja leje", "pl"),
    ("kolezanka ma siniaki i mowi ze sie przewrocila ale juz jest ok", "pl"),
    ("kolezanka spadla ze schodow bo ojczym ja popchnal ale juz jest ok", "pl"),
]


@pytest.mark.parametrize("text,lang,ranking", TARGETS)
def test_a_friends_mishap_said_to_be_over_is_ordinary_talk(component: PersonaContext, text: str, lang: str,
                                                           ranking: list) -> None:
    intent, signal, urgent = seen(component, text, ranking, [], lang)
    assert (signal, urgent) == ("none", False)
    assert intent == "out_of_scope"  # the best-ranked reading with no help signal


@pytest.mark.parametrize("text,lang", NEIGHBOURS)
def test_a_friends_harm_keeps_its_reading(component: PersonaContext, text: str, lang: str) -> None:
    assert seen(component, text, [("peer_help", .95), ("out_of_scope", .05)], [], lang)[1:] == ("peer_help", False)


def test_only_a_friends_story_is_read_so(component: PersonaContext) -> None:
    # the child's own fall read as danger stays what it was; so does an urgent friend's story
    assert seen(component, "i fell off my bike and broke my arm but im ok now", [("self_harm", .6), ("out_of_scope", .4)],
                [], "en")[1] == "self_harm"
    assert seen(component, "my friend broke her arm, shes ok now", [("peer_help_urgent", .9), ("out_of_scope", .1)],
                [], "en")[1:] == ("peer_help", True)


def test_inside_a_persona_it_is_the_cover(component: PersonaContext) -> None:
    intent, signal, _ = seen(component, "my friend was off sick with the flu but shes fine now",
                             [("peer_help", .6), ("rumianek__ask_products", .3), ("out_of_scope", .1)], [], "en",
                             persona="rumianek")
    assert (intent, signal) == ("rumianek__ask_products", "none")


# --- bullying past and stopped, the child fine now (core/safety.py bullying_over) ------------------------------------

#: Main's readings: bullying (the plain bot's bullying line and the offer of a person).
BULLYING_OVER = [
    ("i was bullied in primary but it stopped when i changed school, im fine now", "en", .93),
    ("some girls picked on me last year but that stopped ages ago, im good now", "en", .96),
    ("people used to call me names in year 6 but im over it now", "en", .95),
    ("i got picked on loads at my old school but i moved and im happy now", "en", .77),
    ("en quinto se metian conmigo pero me cambie de colegio y ya estoy bien", "es", .70),
    ("el año pasado me hacian bullying pero se acabo y ahora estoy bien", "es", .80),
    ("kiedys mi dokuczali w klasie ale juz nie i jest dobrze", "pl", .65),
]

#: Bullying that goes on, harm said, someone after "im fine", or no past at all: main's reading kept.
BULLYING_GOES_ON = [
    ("they bully me every day but im fine now", "en"),
    ("i was bullied but im fine now, they still wait for me after school though", "en"),
    ("i got bullied in year 7 and it still happens sometimes but im fine", "en"),
    ("they used to beat me up after school but it stopped, im fine now", "en"),
    ("i used to be bullied and i still cry at night but im fine now", "en"),
    ("they stopped calling me names but now they push me around, im fine", "en"),
    ("me hacen bullying pero ya estoy bien", "es"),
    ("en primaria me pegaban los de sexto pero se acabo y estoy bien", "es"),
    ("dokuczaja mi ale juz jest dobrze", "pl"),
    ("kiedys mi dokuczali ale dalej czasem pisza i jest ok", "pl"),
    ("w zeszlym roku mnie bili w szatni ale juz jest ok", "pl"),
]


@pytest.mark.parametrize("text,lang,confidence", BULLYING_OVER)
def test_bullying_past_and_stopped_is_ordinary_talk(component: PersonaContext, text: str, lang: str,
                                                   confidence: float) -> None:
    ranking = [("bullying", confidence), ("out_of_scope", 1 - confidence)]
    assert seen(component, text, ranking, [], lang) == ("out_of_scope", "none", False)


@pytest.mark.parametrize("text,lang", BULLYING_GOES_ON)
def test_bullying_that_goes_on_keeps_its_reading(component: PersonaContext, text: str, lang: str) -> None:
    assert seen(component, text, [("bullying", .9), ("out_of_scope", .1)], [], lang)[1] == "bullying"
