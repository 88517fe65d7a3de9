"""core.safety ``unquiet``: inside a persona, its quiet code read weakly in a message that breaks
nothing off, with its code for help close behind, is the code for help (the discreet question in
cover voice), never the goodbye that ends the talk. Synthetic rankings, no model."""
from __future__ import annotations

import pytest

from core.safety import decide
from core.text import fold

POSTPONING = {"en": [fold(c) for c in ("gotta go", "later", "never mind")]}
WIPING = {"en": [fold("delete")]}
TIE = [("gametips__not_safe", 0.20), ("gametips__help_request", 0.20), ("gametips__peer_help", 0.19),
       ("out_of_scope", 0.15)]


def seen(ranking: list[tuple[str, float]], text: str, persona: str = "gametips") -> tuple[str, str]:
    d = decide(ranking, persona, fold(text), "en", {}, postponing=POSTPONING, wiping=WIPING)
    return d.intent, d.signal


def test_a_weak_quiet_reading_with_the_code_close_behind_is_the_code() -> None:
    # blind4's "coded-perth" and blind6's "not-now-then-yes" conversations opened with this: the goodbye
    text = "stuck on the lantern quest since my mum went into hospital and her boyfriend is looking after us"
    assert seen(TIE, text) == ("help_request", "help_request")


@pytest.mark.parametrize("text", ["lantern quest, gotta go", "never mind the lantern quest", "delete the quest"])
def test_a_message_that_breaks_off_keeps_the_quiet_code(text: str) -> None:
    assert seen(TIE, text) == ("not_safe", "not_safe")


@pytest.mark.parametrize("ranking", [
    [("gametips__not_safe", 0.55), ("gametips__help_request", 0.45)],   # the quiet code is sure enough
    [("gametips__not_safe", 0.30), ("out_of_scope", 0.29), ("gametips__help_request", 0.20)],  # not close
])
def test_a_sure_or_lone_quiet_reading_stays(ranking: list[tuple[str, float]]) -> None:
    assert seen(ranking, "the boss on my home level") == ("not_safe", "not_safe")


def test_the_plain_bot_has_no_code_to_fall_back_on() -> None:
    assert seen([("not_safe", 0.2), ("distress", 0.19)], "hmm", persona="plain")[1] != "help_request"
