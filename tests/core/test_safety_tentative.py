"""core.safety step 6 (``is_tentative``): inside a persona, a plain help signal the classifier is
unsure of, with no word of harm, urgency or danger, is answered in cover voice — the discreet
question, or when urgent the persona's coded urgent reply (emergency number first); the signal and
the urgent flag are kept. Synthetic rankings, no model."""
from __future__ import annotations

import pytest

from core.safety import TENTATIVE_CONFIDENCE, Danger, decide
from core.text import fold

URGENT_CUES = {"en": [fold("pills"), fold("tonight")]}
HARM = {"en": [fold(w) for w in ("hit", "hurt", "scared", "help")]}
DANGER = Danger(now={"en": [fold("right now"), fold("waiting for me")]}, weapons={"en": [fold("knife")]})


def seen(ranking: list[tuple[str, float]], text: str, persona: str = "rumianek") -> tuple[str, str, bool]:
    d = decide(ranking, persona, fold(text), "en", URGENT_CUES, harm_cues=HARM, danger=DANGER)
    return d.intent, d.signal, d.urgent


@pytest.mark.parametrize("ranking, intent, signal, urgent", [
    ([("self_harm_urgent", 0.26), ("greet", 0.25), ("out_of_scope", 0.2)], "urgent", "self_harm", True),
    ([("imminent_danger", 0.4), ("out_of_scope", 0.35), ("greet", 0.25)], "urgent", "imminent_danger", True),
    ([("online_exploitation", 0.38), ("out_of_scope", 0.33), ("rumianek__ask_price", 0.29)], "help_request",
     "online_exploitation", False),
    ([("distress", 0.45), ("out_of_scope", 0.40), ("thanks", 0.15)], "help_request", "distress", False),
])
def test_an_unsure_plain_signal_inside_a_persona_is_answered_in_cover(ranking, intent, signal, urgent) -> None:
    assert seen(ranking, "hi, i'm 13, can i send a photo of the design") == (intent, signal, urgent)


def test_the_plain_bot_answers_in_its_own_voice_whatever_the_confidence() -> None:
    ranking = [("self_harm_urgent", 0.26), ("greet", 0.25), ("out_of_scope", 0.2)]
    assert seen(ranking, "hi, i'm 13", persona="plain") == ("self_harm_urgent", "self_harm", True)


@pytest.mark.parametrize("text", [
    "he hit me again",                  # a harm word
    "i have the pills here",            # a self-harm urgency cue
    "they're waiting for me outside",   # danger happening now
    "he has a knife",                   # a weapon
])
def test_any_word_of_harm_urgency_or_danger_keeps_the_plain_reply(text: str) -> None:
    intent, _, _ = seen([("self_harm_urgent", 0.3), ("out_of_scope", 0.28), ("greet", 0.2)], text)
    assert intent != "help_request"


def test_a_sure_reading_keeps_the_plain_reply() -> None:
    ranking = [("abuse_disclosure", TENTATIVE_CONFIDENCE + 0.01), ("out_of_scope", 0.3), ("greet", 0.19)]
    assert seen(ranking, "nobody at home cares") == ("abuse_disclosure", "abuse_disclosure", False)
    below = [("abuse_disclosure", TENTATIVE_CONFIDENCE - 0.01), ("out_of_scope", 0.3), ("greet", 0.2)]
    assert seen(below, "nobody at home cares") == ("help_request", "abuse_disclosure", False)


def test_the_code_with_danger_close_behind_keeps_the_emergency_reply() -> None:
    """The child wrote the persona's code; an urgent intent close behind it is escalated, and the
    escalation is not undone for being unsure (core.safety.escalate)."""
    ranking = [("rumianek__help_request", 0.55), ("imminent_danger", 0.45)]
    assert seen(ranking, "x") == ("imminent_danger", "imminent_danger", True)


def test_ordinary_talk_and_the_personas_own_codes_are_left_alone() -> None:
    assert seen([("out_of_scope", 0.4), ("distress", 0.35), ("greet", 0.25)], "hmm")[1] == "none"
    assert seen([("rumianek__help_request", 0.4), ("out_of_scope", 0.35), ("greet", 0.25)], "x") == (
        "help_request", "help_request", False)
    assert seen([("rumianek__urgent", 0.4), ("out_of_scope", 0.35), ("greet", 0.25)], "x") == ("urgent", "urgent", True)


def test_a_now_taken_back_by_a_word_of_calm_is_no_urgency_cue() -> None:
    """"its fine right now. im in Sheffield" (after "is nobody looking?"): the "now" in it is no
    urgency cue once a word of calm precedes it (Danger.calm), so the weak reading is answered in
    cover; "i'm not fine right now" keeps it."""
    danger = Danger(now={"en": [fold("right now")]}, calm={"en": [fold("fine")]})
    urgent_cues = {"en": [fold("now")]}
    ranking = [("imminent_danger", 0.22), ("out_of_scope", 0.2), ("affirm", 0.2), ("greet", 0.19), ("thanks", 0.19)]

    def intent(text: str) -> str:
        return decide(ranking, "gametips", fold(text), "en", urgent_cues, harm_cues=HARM, danger=danger).intent

    assert danger.without_calmed(fold("its fine right now. ok"), "en") == "its fine          . ok"
    assert intent("its fine right now. ok") == "urgent"   # the persona's coded urgent reply, in cover
    assert intent("im not fine right now") == "imminent_danger"
