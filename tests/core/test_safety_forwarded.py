"""core.safety: a forwarded message is someone else's words (issue 12, part 4)."""
from __future__ import annotations

from core.safety import decide
from core.text import fold

CUES = {"en": [fold("tonight"), fold("pills")]}
PILLS = fold("I will take all the pills tonight")


def test_forwarded_self_harm_is_about_another_person_never_the_childs_urgent_self_harm() -> None:
    own = decide([("self_harm", 0.9), ("greet", 0.1)], "plain", PILLS, "en", CUES)
    assert (own.intent, own.signal, own.urgent) == ("self_harm_urgent", "self_harm", True)
    # the friend's own plan (their words, forwarded): an urgent friend, never the child's own self-harm
    forwarded = decide([("self_harm", 0.9), ("greet", 0.1)], "plain", PILLS, "en", CUES, forwarded=True)
    assert (forwarded.intent, forwarded.signal, forwarded.urgent) == ("peer_help_urgent", "peer_help", True)
    in_persona = decide([("self_harm", 0.9)], "rumianek", PILLS, "en", CUES, forwarded=True)
    assert (in_persona.intent, in_persona.signal, in_persona.urgent) == ("peer_help_urgent", "peer_help", True)
    calm = decide([("self_harm", 0.9)], "plain", fold("I hate myself"), "en", CUES, forwarded=True)
    assert (calm.intent, calm.signal, calm.urgent) == ("peer_help", "peer_help", False)


def test_a_forwarded_threat_is_still_danger_to_the_child() -> None:
    threat = decide([("imminent_danger", 0.95)], "plain", fold("you are dead when I get home"), "en", CUES, forwarded=True)
    assert (threat.signal, threat.urgent) == ("imminent_danger", True)
    abuse = decide([("abuse_disclosure", 0.8)], "plain", "", "en", CUES, forwarded=True)
    assert abuse.signal == "abuse_disclosure"
