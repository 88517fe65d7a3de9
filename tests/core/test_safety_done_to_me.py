"""core.safety step 2d: words of harm done to the child ("hit me", "me pega": ``done_to_me``) make
ordinary talk the classifier is unsure of, with a help intent close behind, that help intent
(``near_miss``), and a friend's story the child's own. Synthetic rankings, no model; the cue list
is the project's own (nlu/safety/cues.yml)."""
from __future__ import annotations

import pytest

from core.safety import NEAR_MISS_SHARE, NEAR_MISS_TOP, decide
from core.text import fold
from core import PROJECT_ROOT
from nlu.cues import load_cues

DONE_TO_ME = {lang: [fold(c) for c in cues] for lang, cues in
              load_cues(PROJECT_ROOT / "nlu/safety/cues.yml").done_to_me.items()}


#: The rest of a ranking (the classifier's mass is spread over many intents; ``mask`` renormalises).
REST = [("greet", 0.1), ("thanks", 0.1), ("goodbye", 0.1), ("affirm", 0.09)]


def seen(ranking: list[tuple[str, float]], text: str, lang: str = "en", persona: str = "gametips") -> tuple[str, str]:
    rest = 1 - sum(c for _, c in ranking)
    filled = [*ranking, *((i, c * rest / sum(c for _, c in REST)) for i, c in REST)]
    d = decide(filled, persona, fold(text), lang, {}, done_to_me=DONE_TO_ME)
    return d.intent, d.signal


@pytest.mark.parametrize("text, lang", [("he hit me again today", "en"), ("actually he hit me again today", "en"),
                                        ("znowu mnie bije", "pl"), ("mi padrastro me pega otra vez", "es")])
def test_an_unsure_reading_of_harm_done_to_the_child_is_the_help_intent_behind_it(text: str, lang: str) -> None:
    """The s19 probe: "he hit me again today" after a "no" (out_of_scope 0.24, abuse 0.16) drew "I only
    know about games"."""
    assert seen([("out_of_scope", 0.24), ("abuse_disclosure", 0.16), ("imminent_danger", 0.11)], text, lang)[1] == (
        "abuse_disclosure")
    assert seen([("out_of_scope", 0.24), ("abuse_disclosure", 0.16)], text, lang, persona="plain") == (
        "abuse_disclosure", "abuse_disclosure")


@pytest.mark.parametrize("ranking, text", [
    # no harm done to the child: the dentist, a game's drunk guy (dev lines that became false alarms
    # when any harm word counted)
    ([("out_of_scope", 0.33), ("bullying", 0.28)], "dentist has to pull my teeth and im scared it will hurt"),
    ([("out_of_scope", 0.19), ("imminent_danger", 0.14)], "the drunk guy quest in the witcher 3 is bugged"),
    # the classifier is sure enough, or the help intent is too far behind
    ([("out_of_scope", NEAR_MISS_TOP + 0.01), ("abuse_disclosure", 0.3)], "he hit me again today"),
    ([("out_of_scope", 0.3), ("abuse_disclosure", 0.3 * NEAR_MISS_SHARE - 0.01)], "he hit me again today"),
    # the runner-up is no help intent
    ([("out_of_scope", 0.3), ("thanks", 0.29), ("abuse_disclosure", 0.2)], "he hit me again today"),
    # game and shop talk: no harm done (the s21 review)
    ([("out_of_scope", 0.3), ("abuse_disclosure", 0.25)], "my brother beat me at fifa again"),
    ([("out_of_scope", 0.3), ("abuse_disclosure", 0.25)], "the game locked me out of my account"),
    ([("out_of_scope", 0.3), ("bullying", 0.25)], "the server kicked me from the match"),
    ([("out_of_scope", 0.3), ("abuse_disclosure", 0.25)], "beats me, no idea"),
    ([("out_of_scope", 0.3), ("abuse_disclosure", 0.25)], "he pushed me to try harder"),
])
def test_anything_else_stays_ordinary_talk(ranking: list[tuple[str, float]], text: str) -> None:
    assert seen(ranking, text)[1] == "none"



def test_harm_done_to_the_child_in_a_friends_story_is_the_childs_own() -> None:
    """The s21 probe: "moj chlopak mnie szarpie" (my boyfriend shoves me), read as a friend's story
    (peer_help 0.48), drew "call the number for her" to the child who is hurt."""
    ranking = [("peer_help", 0.48), ("imminent_danger", 0.32), ("online_exploitation", 0.06)]
    assert seen(ranking, "moj chlopak mnie szarpie", "pl", persona="plain") == ("imminent_danger", "imminent_danger")
    assert seen([("peer_help", 0.9)], "moj chlopak mnie szarpie", "pl", persona="plain")[1] == "abuse_disclosure"
    assert seen([("peer_help", 0.9)], "my friend says her boyfriend hits her", persona="plain")[1] == "peer_help"


@pytest.mark.parametrize("text, lang", [("my friend is going to kill herself tonight, it hurts me", "en"),
                                        ("my friend's dad hit her right now, he hit me too", "en")])
def test_a_friend_in_danger_now_stays_the_friends_urgent_story(text: str, lang: str) -> None:
    """The s21 review: the child's-own rule ran before the friend-in-danger check and took the urgent
    flag from "my friend is going to kill herself tonight, it hurts me"."""
    from nlu.cues import cue_list, danger_cues

    cues = PROJECT_ROOT / "nlu/safety/cues.yml"
    d = decide([("peer_help", 0.7), ("distress", 0.2), ("greet", 0.1)], "plain", fold(text), lang, {},
               harm_cues=cue_list(cues, "harm"), danger=danger_cues(cues), done_to_me=DONE_TO_ME)
    assert (d.signal, d.urgent) == ("peer_help", True)
