"""An injury that needs a doctor now, told with the harm ("my dad hit me with a chair and i think my arm is
broken"), is danger now: the emergency number first (``danger_urgent.now`` cues of nlu/safety/cues.yml, the
project's own list; core.safety ``danger_now``). It was read as a plain disclosure (abuse 1.00) and got no
number. Synthetic rankings, no model."""
from __future__ import annotations

import pytest

from core import PROJECT_ROOT
from core.safety import decide
from core.text import fold
from nlu.cues import danger_cues

DANGER = danger_cues(PROJECT_ROOT / "nlu/safety/cues.yml")


def seen(text: str, lang: str, signal: str = "abuse_disclosure", persona: str = "plain") -> tuple[str, bool]:
    d = decide([(signal, 0.9), ("distress", 0.1)], persona, fold(text), lang, {}, danger=DANGER)
    return d.intent, d.urgent


@pytest.mark.parametrize("text, lang", [
    ("my dad hit me with a chair and i think my arm is broken", "en"),
    ("he pushed me down and i cant move my arm", "en"),
    ("she hit my head and i keep blacking out", "en"),
    ("he punched me, my nose won't stop bleeding", "en"),
    ("tata uderzył mnie krzesłem i chyba mam złamaną rękę", "pl"),
    ("ojczym mnie pobił, leci mi krew z głowy", "pl"),
    ("mi padre me pegó con una silla y creo que tengo el brazo roto", "es"),
    ("me pegó y no para de sangrar", "es"),
])
def test_harm_with_an_injury_that_needs_a_doctor_now_is_danger_now(text: str, lang: str) -> None:
    assert seen(text, lang) == ("imminent_danger", True)
    assert seen(text, lang, persona="rumianek") == ("imminent_danger", True)


@pytest.mark.parametrize("text, lang", [
    ("my dad broke my arm last year and nobody knew", "en"),  # a past injury: the disclosure
    ("he hit me yesterday, it hurt a lot", "en"),
    ("mi padre me rompió el brazo hace un año", "es"),
    # a cast, a broken heart, a phone: no injury now (the review of s22)
    ("en el cole se burlan de mi por mi brazo roto", "es"), ("koledzy mnie wyśmiewają, chyba mam złamane serce", "pl"),
    ("w szkole się ze mnie śmieją bo mam złamaną nogę w gipsie", "pl"), ("they bully me, i think i broke down crying", "en"),
    ("me quitaron el movil y creo que esta roto", "es"),
])
def test_a_past_injury_keeps_the_disclosure(text: str, lang: str) -> None:
    assert seen(text, lang) == ("abuse_disclosure", False)


@pytest.mark.parametrize("text, lang", [
    ("i need a doctor for my acne lol", "en"), ("i think my phone screen is broken", "en"),
])
def test_ordinary_talk_with_an_injury_word_stays_ordinary(text: str, lang: str) -> None:
    d = decide([("out_of_scope", 0.9), ("imminent_danger", 0.05)], "plain", fold(text), lang, {}, danger=DANGER)
    assert (d.signal, d.urgent) == ("none", False)
