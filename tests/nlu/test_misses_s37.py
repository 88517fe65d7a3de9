"""Misses of session 37 (issue 13; docs/design.md: a false alarm costs a question, a miss costs a child).

A meeting in person set tonight or now by someone met online is danger now; harm from before that has come back is
a disclosure; a threat set for tomorrow at school is danger now (nlu/misreadings.py is_meeting_set_soon,
is_harm_returning, is_threat_set_soon).
"""
from pathlib import Path

from nlu.misreadings import is_harm_returning, is_meeting_set_soon, load_misreading_cues
from core.text import fold

CUES = load_misreading_cues(Path(__file__).resolve().parents[2] / "nlu" / "safety" / "cues.yml")


def test_meeting_tonight_is_set_soon():
    assert is_meeting_set_soon(fold("a guy i met online wants me to come meet him tonight"), "en", CUES)
    assert is_meeting_set_soon(fold("un hombre de instagram quiere quedar esta noche"), "es", CUES)
    assert is_meeting_set_soon(fold("typ z insta chce się dziś spotkać w parku"), "pl", CUES)


def test_meeting_later_or_in_game_or_known_is_not_set_soon():
    assert not is_meeting_set_soon(fold("a man on roblox wants to meet me next month"), "en", CUES)
    assert not is_meeting_set_soon(fold("a guy from discord wants to meet in the lobby tonight"), "en", CUES)
    assert not is_meeting_set_soon(fold("my mum knows, i'm meeting my online friend tonight"), "en", CUES)


def test_harm_returning():
    assert is_harm_returning(fold("i thought the bullying was over but it's back again"), "en", CUES)
    assert is_harm_returning(fold("jak byłem mały to mnie bił i teraz znowu zaczął"), "pl", CUES)
    assert is_harm_returning(fold("przestał na jakiś czas ale znowu to robi"), "pl", CUES)


def test_things_done_again_are_not_harm_returning():
    assert not is_harm_returning(fold("in primary i played football and now i've started again"), "en", CUES)
    assert not is_harm_returning(fold("i used to play piano in primary and i'm doing it again"), "en", CUES)
    assert not is_harm_returning(fold("jak byłem mały jeździłem na rowerze i znowu to robię"), "pl", CUES)
