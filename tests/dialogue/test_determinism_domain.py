"""Safety paths are deterministic: no random pick among response variations (issue 13).

Rasa picks one variation at random among those whose conditions match. Only the voice keys of
``core.persona.schema.FREE_VARIATION_KEYS`` (greetings, thanks, goodbye, out of scope, probe) and a
persona's own cover answers may have several; every other response of the merged domain has
exactly one variation per condition (persona and language).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from core.persona.schema import FREE_VARIATION_KEYS


def test_one_variation_per_condition_on_every_safety_response(merged_domain: Any) -> None:
    several = {}
    for name, variations in merged_domain.responses.items():
        key = name[len("utter_"):]
        if key in FREE_VARIATION_KEYS or "__" in name:  # free variations, persona cover answers
            continue
        per_condition = Counter(
            tuple(sorted((c["name"], str(c["value"])) for c in v.get("condition") or [])) for v in variations)
        many = {cond: n for cond, n in per_condition.items() if n > 1}
        if many:
            several[name] = many
    assert several == {}
