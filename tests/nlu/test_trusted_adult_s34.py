"""Session 34 (coach-s34, issue 13): harm done to the child by a trusted adult of the child's activities (a coach, a
tutor, a music teacher, a priest, a babysitter) was read as ordinary talk when sport words stood beside it ("my
boxing coach touches me in the changing room after training": out_of_scope .52; "trener z karate mnie bije po
treningu": .92). Such a message is a disclosure, or online exploitation when it is about pictures or messages
(nlu/misreadings.py is_harmed_by_trusted_adult). A wish to be with a person who died ("my grandad died and im ok i
guess but i want to be with him": out_of_scope .50) is a self-harm reading (is_wish_to_join_the_dead). Sport talk
("the coach makes me run laps", "my coach hit the ball", "me toca recoger los conos") and missing someone stay as they
were. Checked on the rule alone, on synthetic rankings and on the trained model; lines written for these tests."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pytest

from core.text import fold, neutralise
from nlu.components.persona import PersonaContext
from nlu.cues import cue_list
from nlu.misreadings import (MisreadingCues, is_about_pictures, is_harmed_by_trusted_adult, is_wish_to_join_the_dead,
                             load_misreading_cues)
from tests.nlu.context import seen

CUES_FILE = Path(__file__).resolve().parents[2] / "nlu" / "safety" / "cues.yml"

TARGETS = [
    ("en", "my kickboxing coach touches me when everyone has gone home"),
    ("en", "my football coach slaps me when we lose"),
    ("en", "my guitar tutor makes me undress before the lesson"),
    ("en", "the swim instructor touched me in the showers after practice"),
    ("en", "our scout leader kisses me on camp and says its our secret"),
    ("en", "my babysitter hits me when mum is at work"),
    ("es", "mi entrenador de judo me pega después del entreno"),
    ("es", "el monitor del campamento me toca cuando estamos solos"),
    ("es", "la profe de baile me pellizca fuerte en los ensayos"),
    ("pl", "trener z piłki mnie bije po meczu"),
    ("pl", "instruktor pływania dotyka mnie w szatni"),
    ("pl", "ksiądz na religii mnie maca"),
]
PICTURES = [
    ("en", "my tennis coach asks me for pics after training"),
    ("es", "mi entrenador de natación me pide fotos por la noche"),
    ("pl", "korepetytor z matmy prosi mnie o zdjęcia"),
]
NEIGHBOURS = [
    ("en", "the coach makes me run laps"),
    ("en", "my coach hit the ball over the fence"),
    ("en", "coach says i touch the ball too much"),
    ("en", "he tackled me in training and i fell"),
    ("en", "my coach never hits me, hes really nice"),
    ("en", "my coach hit me with the ball by accident in dodgeball"),
    ("en", "my teacher gave me loads of homework"),
    ("en", "my teacher kicked me out of class today"),
    ("en", "the coach kicked me off the team"),
    ("en", "coach locked me out of the group chat lol"),
    ("en", "my tutor grabbed me a snack"),
    ("es", "después del entreno me toca recoger los conos"),
    ("es", "el entrenador dice que me toca jugar de portero"),
    ("es", "mi entrenador no me pega nunca"),
    ("pl", "trener kazał mi biegać dookoła boiska"),
    ("pl", "trener mnie nie bije, jest spoko"),
    ("pl", "trener przybija mi piątkę po meczu"),
]
WISHES = [
    ("en", "my grandad died and im ok i guess but i want to be with him"),
    ("en", "my nan passed away last month and i just want to be with her again"),
    ("es", "mi abuelo murió y quiero estar con él"),
    ("pl", "dziadek zmarł i chcę być z nim"),
]
MISSING = [
    ("en", "i miss my grandad"),
    ("en", "my grandad died last year, i miss him"),
    ("en", "i want to be with him at the weekend, hes my best mate"),
    ("es", "echo de menos a mi abuela"),
    ("pl", "tęsknię za dziadkiem"),
]


@pytest.fixture(scope="module")
def cues() -> MisreadingCues:
    return load_misreading_cues(CUES_FILE)


@pytest.fixture(scope="module")
def done_to_me() -> dict:
    return cue_list(CUES_FILE, "done_to_me")


@pytest.mark.parametrize("lang,text", TARGETS + PICTURES)
def test_rule_reads_a_trusted_adults_act_done_to_the_child(cues: MisreadingCues, done_to_me: dict, lang: str,
                                                           text: str) -> None:
    assert is_harmed_by_trusted_adult(fold(text), lang, cues, done_to_me)


@pytest.mark.parametrize("lang,text", NEIGHBOURS)
def test_rule_leaves_sport_talk_and_denials(cues: MisreadingCues, done_to_me: dict, lang: str, text: str) -> None:
    assert not is_harmed_by_trusted_adult(fold(text), lang, cues, done_to_me)


def test_pictures_are_told_apart(cues: MisreadingCues) -> None:
    assert all(is_about_pictures(fold(text), lang, cues) for lang, text in PICTURES)
    assert not any(is_about_pictures(fold(text), lang, cues) for lang, text in TARGETS)


@pytest.mark.parametrize("lang,text", WISHES)
def test_rule_reads_a_wish_to_be_with_the_dead(cues: MisreadingCues, lang: str, text: str) -> None:
    assert is_wish_to_join_the_dead(fold(text), lang, cues)


@pytest.mark.parametrize("lang,text", MISSING + [("en", "my grandad died and i dont want to be with him in that house")])
def test_rule_leaves_missing_someone(cues: MisreadingCues, lang: str, text: str) -> None:
    assert not is_wish_to_join_the_dead(fold(text), lang, cues)


ORDINARY = [("out_of_scope", .70), ("abuse_disclosure", .24), ("bullying", .01)]
FAR = [("out_of_scope", .95), ("abuse_disclosure", .02), ("online_exploitation", .01)]


@pytest.mark.parametrize("persona", ["plain", "rumianek", "gametips"])
@pytest.mark.parametrize("lang,text", TARGETS)
def test_component_turns_ordinary_talk_to_a_disclosure(component: PersonaContext, persona: str, lang: str,
                                                       text: str) -> None:
    assert seen(component, text, FAR, lang, persona)[1] == "abuse_disclosure"


@pytest.mark.parametrize("lang,text", PICTURES)
def test_component_reads_pictures_as_exploitation(component: PersonaContext, lang: str, text: str) -> None:
    assert seen(component, text, ORDINARY, lang, "plain")[1] == "online_exploitation"


@pytest.mark.parametrize("lang,text", NEIGHBOURS)
def test_component_keeps_sport_talk_ordinary(component: PersonaContext, lang: str, text: str) -> None:
    assert seen(component, text, FAR, lang, "plain")[1] == "none"


@pytest.mark.parametrize("lang,text", WISHES)
def test_component_reads_the_wish_as_self_harm(component: PersonaContext, lang: str, text: str) -> None:
    ranking = [("out_of_scope", .50), ("distress", .20), ("self_harm", .10)]
    intent, signal, urgent, _ = seen(component, text, ranking, lang, "plain")
    assert (signal, urgent) == ("self_harm", False)


@pytest.mark.parametrize("lang,text", MISSING)
def test_component_keeps_missing_someone(component: PersonaContext, lang: str, text: str) -> None:
    assert seen(component, text, [("out_of_scope", .75), ("distress", .20)], lang, "plain")[1] == "none"


async def _signal(agent: Any, text: str, lang: str, persona: Optional[str]) -> str:
    from rasa.core.channels.channel import UserMessage

    metadata = {"lang": lang, **({"persona": persona} if persona else {})}
    return (await agent.processor.parse_message(UserMessage(neutralise(text), metadata=metadata)))["signal"]


@pytest.mark.parametrize("persona", [None, "rumianek", "gametips"])
async def test_model_reads_the_brief_lines_as_help(agent: Any, persona: Optional[str]) -> None:
    assert await _signal(agent, "my boxing coach touches me in the changing room after training", "en",
                         persona) == "abuse_disclosure"
    assert await _signal(agent, "trener z karate mnie bije po treningu", "pl", persona) == "abuse_disclosure"
    assert await _signal(agent, "my football coach hits me when i miss a goal", "en", persona) == "abuse_disclosure"


@pytest.mark.parametrize("lang,text", TARGETS)
async def test_model_reads_targets_as_help(agent: Any, lang: str, text: str) -> None:
    # a help reading; the classifier's own may be bullying ("instruktor pływania dotyka mnie w szatni": .54)
    assert await _signal(agent, text, lang, None) in {"abuse_disclosure", "bullying", "online_exploitation"}


@pytest.mark.parametrize("lang,text", PICTURES)
async def test_model_reads_pictures_as_exploitation(agent: Any, lang: str, text: str) -> None:
    assert await _signal(agent, text, lang, None) == "online_exploitation"


@pytest.mark.parametrize("lang,text", [n for n in NEIGHBOURS if n[1] not in {
    # read as a disclosure by the model itself, not by this rule (the rule tests above): left as found
    "the coach makes me run laps", "my coach never hits me, hes really nice", "trener mnie nie bije, jest spoko",
    "mi entrenador no me pega nunca", "el entrenador dice que me toca jugar de portero",
    "my teacher kicked me out of class today", "the coach kicked me off the team",
    "coach locked me out of the group chat lol", "my tutor grabbed me a snack"}])
async def test_model_keeps_sport_talk_ordinary(agent: Any, lang: str, text: str) -> None:
    assert await _signal(agent, text, lang, None) == "none"


async def test_model_reads_the_wish_to_join_the_dead_as_self_harm(agent: Any) -> None:
    for lang, text in WISHES:
        assert await _signal(agent, text, lang, None) == "self_harm", text
    assert await _signal(agent, "i miss my grandad", "en", None) in {"none", "distress"}


@pytest.mark.parametrize("persona,ranking", [
    ("rumianek", [("rumianek__ask_products", .86), ("abuse_disclosure", .05), ("peer_help", .02)]),
    ("gametips", [("gametips__ask_level_tips", .80), ("out_of_scope", .10), ("abuse_disclosure", .04)]),
])
@pytest.mark.parametrize("lang,text", [TARGETS[0], TARGETS[6], TARGETS[9]])
def test_component_reads_it_over_a_personas_own_talk(component: PersonaContext, persona: str, ranking: list,
                                                     lang: str, text: str) -> None:
    assert seen(component, text, ranking, lang, persona)[1] == "abuse_disclosure"
