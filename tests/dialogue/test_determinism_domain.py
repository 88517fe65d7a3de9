"""Safety paths are deterministic: no random pick among response variations (issue 13).

Rasa picks one variation at random among those whose conditions match. Only the voice keys of
``core.persona.schema.FREE_VARIATION_KEYS`` (greetings, thanks, goodbye, out of scope; not the
probe answer, a cover line) and a persona's own cover answers may have several; every other response
of the merged domain has exactly one variation per condition (persona and language).
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


def test_emergency_reply_has_one_number_per_known_country_and_generic_only_without(merged_domain: Any) -> None:
    """utter_emergency as Rasa chooses it: exactly one variation for every (voice, language,
    dial_first) — the country's number alone once known, the voice's default line before."""
    from core.emergency import dial_first_numbers
    from tests.conftest import variations

    # the plain bot's line before a place is known: en and es are spoken on both sides of the Atlantic,
    # Polish is not (a Polish child is told 112, never another continent's 911)
    generic = {("plain", "en"): ("112", "911"), ("plain", "es"): ("112", "911"), ("plain", "pl"): ("112",)}
    generic |= {(persona, lang): number for persona, number in (("gametips", ("999",)), ("rumianek", ("112",)))
                for lang in ("en", "pl", "es")}
    for (persona, lang), default in generic.items():
        before = variations(merged_domain, "utter_emergency", persona=persona, lang=lang)
        assert len(before) == 1 and all(n in before[0] for n in default), (persona, lang)
        if "911" not in default:
            assert "911" not in before[0], (persona, lang)
        for number in dial_first_numbers():
            chosen = variations(merged_domain, "utter_emergency", persona=persona, lang=lang, dial_first=number)
            assert len(chosen) == 1 and number in chosen[0], (persona, lang, number)
            assert "911 (" not in chosen[0] and "(Europ" not in chosen[0]
