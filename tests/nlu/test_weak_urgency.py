"""nlu/weak_urgency.py (s31): urgency and the plain line read from too little, on decisions built by hand."""
from __future__ import annotations

from typing import Optional

import pytest

from core import PROJECT_ROOT
from core.safety import Decision, Ranked
from core.text import fold
from nlu.components.location import persona_catalogues
from nlu.cues import cue_list, danger_cues
from nlu.weak_urgency import (
    is_business_order, is_code_and_who, is_game_rage, is_parent, is_past_danger, is_weak_danger, without_danger,
)

CUES = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"
DANGER = danger_cues(CUES)
HARM = cue_list(CUES, "harm")
SOMEONE = cue_list(CUES, "someone")
SELF_HARM = (cue_list(CUES), cue_list(CUES, "self_harm_said"))


def _danger(confidence: float, runner_up: str = "bullying") -> Decision:
    ranking = (Ranked("imminent_danger", confidence, "imminent_danger"), Ranked(runner_up, 0.2, runner_up))
    return Decision("imminent_danger", confidence, "imminent_danger", "imminent_danger", True, ranking)


@pytest.mark.parametrize("text, lang, weak", [
    ("odio mi vida, en mi casa todos me gritan", "es", True),
    ("nienawidze swojego zycia wszyscy w domu na mnie krzycza", "pl", True),
    ("im gay and my parents said theyll kick me out", "en", True),
    ("mam tego dosc, tata znowu krzyczy i rzuca rzeczami", "pl", False),  # throwing things
    ("dad is shouting and hitting mum", "en", False),  # a harm word
    ("hes shouting outside my door", "en", False),  # a word of the moment
    ("escribo bajito, estoy metida en el armario, no quiero que me oiga", "es", False),  # no fight in words
    ("mi padre grita y dice que me va a matar", "es", False),
])
def test_weak_danger(text: str, lang: str, weak: bool) -> None:
    assert is_weak_danger(_danger(0.47), fold(text), lang, DANGER, HARM, SELF_HARM) == weak


def test_strong_danger_is_never_weak() -> None:
    assert not is_weak_danger(_danger(0.6), fold("todos me gritan"), "es", DANGER, HARM, SELF_HARM)


def test_without_danger_is_the_next_help_reading() -> None:
    assert without_danger(_danger(0.47, "distress")).signal == "distress"
    assert without_danger(_danger(0.47, "distress")).urgent is False


@pytest.mark.parametrize("text, lang, past", [
    ("oh and he locked me out last night too", "en", True),
    ("ayer me dejo fuera de casa toda la noche", "es", True),
    ("wczoraj wyrzucil mnie na balkon", "pl", True),
    ("last night he said hell do it again tonight", "en", False),
    ("he locked me out and im outside now", "en", False),
    ("he locked me out", "en", False),
    ("mum locked me in since yesterday and went out", "en", False),  # going on since then
    ("estoy encerrada desde ayer sin comida", "es", False),
])
def test_past_danger(text: str, lang: str, past: bool) -> None:
    assert is_past_danger(_danger(0.96), fold(text), lang, DANGER) == past


@pytest.mark.parametrize("text, who", [
    ("lantern quest. home level boss is my stepdad", True),
    ("lantern quest, its my dad", True),
    ("lantern quest, the home level boss is my mum's boyfriend", True),
    ("lantern quest. home level boss is my stepdad and hes drunk tonight", False),
    ("lantern quest, my stepdad is coming up the stairs", False),
    ("lantern quest my stepdad is home", False),  # someone at home now (test_persona_context)
    ("lantern quest", False),  # the bare name: nlu/quiet.py is_bare_name
])
def test_code_and_who(text: str, who: bool) -> None:
    assert is_code_and_who(fold(text), persona_catalogues()["gametips"], SOMEONE, "en") == who


@pytest.mark.parametrize("text, rage", [
    ("i wanna kms this game is so bad", True),
    ("this lag makes me wanna kms fr", True),
    ("i wanna kms", False),
    ("i want to kill myself over this game", False),  # said in words, not slang
    ("i want to kms, nothing to do with the game", False),  # lead s31: meant, beside a game word
    ("i wanna kms irl not about the game", False),
    ("not joking i want to kms, cant even play this level anymore", False),
])
def test_game_rage(text: str, rage: bool) -> None:
    assert is_game_rage(fold(text)) == rage


@pytest.mark.parametrize("text, parent", [
    ("hi im a dad, my son plays roblox", True),
    ("mi hija juega a roblox", True),
    ("my friend plays roblox", False),
    ("my sons friend", False),
])
def test_parent(text: str, parent: Optional[bool]) -> None:
    assert is_parent(fold(text)) == parent


@pytest.mark.parametrize("text, lang, business", [
    ("3 chamomile creams for my salon, delivery to 5 King Street", "en", True),
    ("quiero 5 cremas para mi peluqueria, envio a Calle Mayor 12", "es", True),
    ("4 kremy do mojego salonu, adres Dluga 5", "pl", True),
    ("chamomile cream please, 5 King Street", "en", False),
    ("send it to my wife at 5 Oak St", "en", False),  # an adult, not a business: the visit code stays (test_safety)
])
def test_business_order(text: str, lang: str, business: bool) -> None:
    assert is_business_order(fold(text), lang) == business
