"""Cover voice (issue 13): inside a persona, once the child used the code or was answered in cover,
plainly said danger or harm is acknowledged in the persona's words — never the plain "get somewhere
safe... I'm asking a counselor to join this chat" in the shop. The merged domain as trained, chosen
as Rasa chooses (tests.conftest.variations)."""
from __future__ import annotations

from typing import Any

import pytest

from core.persona import project_personas
from core.persona.schema import COVER_ACKS
from tests.conftest import variations

PERSONA_LANGS = [(p, lang) for p, persona in sorted(project_personas().items()) for lang in persona.languages]


@pytest.mark.parametrize("persona, lang", PERSONA_LANGS)
@pytest.mark.parametrize("ack", sorted(COVER_ACKS))
def test_in_cover_voice_an_acknowledgement_is_the_persona_line(merged_domain: Any, persona: str, lang: str,
                                                                ack: str) -> None:
    own = project_personas()[persona].voice_texts(COVER_ACKS[ack], lang)
    assert variations(merged_domain, f"utter_{ack}", persona=persona, lang=lang, voice="cover") == list(own)


@pytest.mark.parametrize("persona, lang", [*PERSONA_LANGS, ("plain", "en"), ("plain", "pl"), ("plain", "es")])
@pytest.mark.parametrize("ack", sorted(COVER_ACKS))
def test_before_cover_voice_the_plain_acknowledgement_is_said(merged_domain: Any, persona: str, lang: str,
                                                              ack: str) -> None:
    chosen = variations(merged_domain, f"utter_{ack}", persona=persona, lang=lang, voice="plain")
    shared = variations(merged_domain, f"utter_{ack}", persona="plain", lang=lang, voice="plain")
    assert len(chosen) == 1 and chosen == shared
    if persona != "plain":
        assert chosen != list(project_personas()[persona].voice_texts(COVER_ACKS[ack], lang))


@pytest.mark.parametrize("persona, lang", PERSONA_LANGS)
def test_no_cover_line_speaks_of_a_counselor(merged_domain: Any, persona: str, lang: str) -> None:
    for ack in COVER_ACKS:
        for text in variations(merged_domain, f"utter_{ack}", persona=persona, lang=lang, voice="cover"):
            assert not any(w in text.lower() for w in ("counselor", "konsultant", "consejer", "orientador")), text
