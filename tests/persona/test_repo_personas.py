"""The personas shipped in ``personas/`` are valid, build, and keep their cover."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from core import PROJECT_ROOT
from core.persona import load_persona, persona_files, validate_file
from bot.persona.build import build, merge_domain_files, write_domain

from core.persona.discretion import hits, safety_words

from .conftest import PERSONAS_DIR

REPO_PERSONAS = persona_files(PERSONAS_DIR)
GAMETIPS = PERSONAS_DIR / "gametips.yml"
#: Words a cover reply must never contain (English; the discretion test of the whole bot is wider).
SAFETY_WORDS_EN = (
    "abuse", "violence", "violent", "helpline", "help line", "police", "danger", "emergency",
    "counsel", "therapist", "hurt", "harm", "unsafe", "safe", "victim", "report", "112", "999", "911",
    "child protection", "social worker",
)


@pytest.mark.parametrize("path", REPO_PERSONAS, ids=lambda p: p.name)
def test_repo_persona_is_valid(path: Path) -> None:
    errors = validate_file(path)
    assert errors == [], "\n".join(str(e) for e in errors)


def test_repo_personas_build_and_merge(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    report = build(PERSONAS_DIR, out)
    assert len(report.written) == 2 * len(REPO_PERSONAS)
    parts = [PROJECT_ROOT / "domain.yml"] if (PROJECT_ROOT / "domain.yml").exists() else []
    parts += sorted(out.glob("domain_*.yml"))
    write_domain(merge_domain_files(parts), tmp_path / "domain.yml")
    domain = Domain.load(str(tmp_path / "domain.yml"))
    for path in REPO_PERSONAS:
        persona = load_persona(path)
        assert f"utter_{persona.intent(persona.cover[0].name)}" in domain.responses
        owners = {
            tuple(c["value"] for c in r["condition"])
            for r in domain.responses["utter_confirm_help"]
            if r.get("condition") and r["condition"][0]["value"] == persona.id
        }
        assert owners == {(persona.id, lang) for lang in ("en", "pl", "es", None)}


def test_gametips_is_an_english_game_tips_persona() -> None:
    persona = load_persona(GAMETIPS)
    assert (persona.kind, persona.languages, persona.country) == ("game_tips", ("en",), "GB")
    assert persona.emergency_number == "999"
    assert len(persona.cover) >= 6
    assert set(persona.code) == {"help_request", "urgent", "visit_request", "not_safe", "peer_help", "clean_chat"}
    assert all(len(s.examples["en"]) >= 30 for n, s in persona.code.items() if n != "clean_chat")


def test_gametips_cover_and_voice_carry_no_safety_vocabulary() -> None:
    persona = load_persona(GAMETIPS)
    texts = [t for c in persona.cover for t in c.replies["en"]]
    texts += [t for key, by_lang in persona.voice.items() if key != "emergency" for t in by_lang["en"]]
    texts += [i.description["en"] for i in persona.catalogue] + [i.name["en"] for i in persona.catalogue]
    texts += [persona.display.tagline["en"], persona.display.name]
    words = sorted(set(safety_words("en")) | set(SAFETY_WORDS_EN))
    found = {text: hits(text, words) for text in texts}
    assert {t: h for t, h in found.items() if h} == {}


def test_gametips_code_is_documented_in_the_guide() -> None:
    guide = (PERSONAS_DIR / "README.md").read_text(encoding="utf-8")
    for phrase in ("Lantern Quest", "home level", "gametips"):
        assert phrase in guide
