"""core.safety: a friend or sibling in danger now is ``peer_help_urgent`` (signal peer_help, urgent):
the emergency number first, for the friend, then a person. Synthetic rankings (no model, no Rasa);
the real cue lists are checked in the last test."""
from __future__ import annotations

from pathlib import Path

import pytest

from core import PROJECT_ROOT
from core.safety import Danger, decide
from core.signals import PEER_URGENT, signal_for_intent
from core.text import fold

CUES = {"en": [fold("tonight"), fold("pills")]}


def folded(by_lang: dict[str, list[str]]) -> dict[str, list[str]]:
    return {lang: [fold(c) for c in cues] for lang, cues in by_lang.items()}


DANGER = Danger(
    now=folded({"en": ["right now", "hiding"], "es": ["ahora mismo"]}),
    weapons=folded({"en": ["knife"]}),
    friend=folded({"en": ["swallowed", "not answering", "tonight", "beating her right now"], "pl": ["dzis w nocy"],
                    "es": ["esta noche"]}),
)


def seen(ranking: list[tuple[str, float]], text: str, lang: str = "en", persona: str = "plain",
         forwarded: bool = False) -> tuple[str, str, bool]:
    d = decide(ranking, persona, fold(text), lang, CUES, danger=DANGER, forwarded=forwarded, harm_cues=HARM)
    return d.intent, d.signal, d.urgent


HARM = folded({"en": ["beat", "hit", "hurt"]})
URGENT_PEER = (PEER_URGENT, "peer_help", True)


def test_the_intent_maps_to_an_urgent_peer_help() -> None:
    assert signal_for_intent(PEER_URGENT) == ("peer_help", True)


@pytest.mark.parametrize(("text", "lang"), [
    ("my friend swallowed a load of her mums tablets and shes not answering", "en"),
    ("my best mate says he's doing it tonight", "en"),
    ("her boyfriend is beating her right now", "en"),
    ("my friend's dad is hitting her, she's hiding", "en"),  # a cue of now with a harm word
    ("my friend's dad has a knife and she's scared", "en"),  # a weapon
    ("moja kumpela pisze ze dzis w nocy to zrobi", "pl"),
    ("mi amigo dice que esta noche se va a matar", "es"),
])
def test_a_friend_in_danger_now_is_urgent(text: str, lang: str) -> None:
    assert seen([("peer_help", 0.95), ("self_harm", 0.03)], text, lang) == URGENT_PEER
    assert seen([("peer_help", 0.95)], text, lang, persona="rumianek") == URGENT_PEER  # said plainly in a shop


@pytest.mark.parametrize("text", [
    "my friend told me she cuts herself, what do i do",
    "my friend takes pills for her anxiety and shes always sad",
    "my brother gets bullied at school every day",
    "my friend is so sad right now, hiding in her room",  # a cue of the child's own moment is not one
])
def test_a_friends_story_without_danger_now_stays_peer_help(text: str) -> None:
    assert seen([("peer_help", 0.95), ("self_harm", 0.03)], text) == ("peer_help", "peer_help", False)


def test_a_persona_coded_peer_request_is_not_escalated() -> None:
    """The persona's code for "asking for a friend" keeps its discreet question (core.safety step 3)."""
    assert seen([("rumianek__peer_help", 0.9)], "a cream for my friend tonight", persona="rumianek") == (
        "help_request", "peer_help", False)


def test_a_tentative_friend_in_danger_in_a_shop_gets_the_coded_urgent_reply() -> None:
    """Below the tentative confidence inside a persona: the cover voice's urgent reply (the number
    first, then a person), the signal and the urgent flag kept."""
    assert seen([("peer_help", 0.3), ("rumianek__ask_price", 0.25), ("greet", 0.2), ("out_of_scope", 0.25)],
                "my friend swallowed something",
                persona="rumianek") == ("urgent", "peer_help", True)


def test_forwarded_self_harm_with_urgency_is_an_urgent_friend() -> None:
    assert seen([("self_harm", 0.9)], "I will take all the pills tonight", forwarded=True) == URGENT_PEER
    assert seen([("self_harm", 0.9)], "i hate myself", forwarded=True) == ("peer_help", "peer_help", False)


def test_the_real_cue_lists_hold_every_language() -> None:
    from nlu.cues import load_cues

    friend = load_cues(PROJECT_ROOT / "nlu" / "safety" / "cues.yml").danger_urgent.friend
    assert set(friend) == {"en", "es", "pl"}
    # no bare word that an ordinary friend's story has ("my friend takes pills", "she told me today")
    assert not {"pills", "today", "now", "hoy", "ahora", "dzis", "teraz", "tabletki", "pastillas"} & {
        c for cues in friend.values() for c in cues}


def test_an_urgent_intent_close_behind_a_friends_story_makes_the_friend_urgent() -> None:
    """Escalation (core.safety.escalate) keeps whose danger it is: the friend's, not the child's own."""
    assert seen([("peer_help", 0.56), ("self_harm_urgent", 0.44)], "my friend did something stupid") == URGENT_PEER
    assert seen([("peer_help", 0.56), ("imminent_danger", 0.30)], "my friend did something stupid") == URGENT_PEER
    # not close enough: an ordinary friend's story
    assert seen([("peer_help", 0.80), ("self_harm_urgent", 0.20)], "my friend did something stupid") == (
        "peer_help", "peer_help", False)
    # the child's own self-harm read first stays the child's
    assert seen([("self_harm_urgent", 0.93), ("peer_help", 0.07)], "i swallowed pills and my friend isnt answering") == (
        "self_harm_urgent", "self_harm", True)


@pytest.mark.parametrize(("text", "lang"), [
    ("my friend texted me thanks for everything and now shes offline", "en"),
    ("a guy at the party wont let her leave the bedroom, my best friend just texted me", "en"),
    ("mój kumpel napisał dzięki za wszystko i nie czyta wiadomości", "pl"),
    ("mi amiga me ha puesto gracias por todo y ya no lee nada", "es"),
    ("mi prima está en una casa y un señor no la deja salir", "es"),
    # blind7: a goodbye text with the means taken; a friend hiding from a drunk stepdad now
    ("my friend just texted me goodbye and said she took a whole packet of pills", "en"),
    ("koleżanka mówi że jej ojczym jest teraz pijany i ją bije, zamknęła się w łazience", "pl"),
    ("mi amiga se tomó una caja entera de pastillas", "es"),
])
def test_the_shipped_friend_cues_hold_goodbyes_and_being_held(text: str, lang: str) -> None:
    """A friend's goodbye ("thanks for everything", "gracias por todo") and a friend held somewhere
    ("won't let her leave") are a friend in danger now (cues.yml danger_urgent.friend)."""
    from nlu.cues import cue_list, danger_cues

    path = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
    d = decide([("peer_help", 0.6), ("goodbye", 0.3), ("self_harm_urgent", 0.05)], "plain", fold(text), lang,
               cue_list(path), danger=danger_cues(path), harm_cues=cue_list(path, "harm"))
    assert (d.intent, d.signal, d.urgent) == URGENT_PEER
