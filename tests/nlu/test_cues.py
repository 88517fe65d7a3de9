"""The cues file has a schema: a malformed one stops with file:line: field: message."""
from __future__ import annotations

from pathlib import Path

import pytest

from core import PROJECT_ROOT
from nlu.cues import CuesError, load_cues

SHIPPED = PROJECT_ROOT / "nlu" / "safety" / "cues.yml"


def test_the_shipped_file_has_every_section_in_every_language() -> None:
    cues = load_cues(SHIPPED)
    for section in ("self_harm_urgent", "location_refusals", "postponing", "farewells", "adult_customer", "harm", "arriving"):
        assert set(getattr(cues, section)) == {"en", "pl", "es"}, section
    assert set(cues.danger_urgent.now) == set(cues.danger_urgent.weapons) == {"en", "pl", "es"}
    assert "sorry" in cues.not_safe_lines["en"].triggers and "no" in cues.not_safe_lines["es"].fillers


def _broken(tmp_path: Path, old: str, new: str) -> str:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "cues.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CuesError) as raised:
        load_cues(path)
    return str(raised.value)


def test_a_misspelt_section_is_named_with_its_line_and_the_missing_one(tmp_path: Path) -> None:
    message = _broken(tmp_path, "\npostponing:\n", "\npostponning:\n")
    lines = (tmp_path / "cues.yml").read_text(encoding="utf-8").splitlines()
    at = lines.index("postponning:") + 1
    assert f"cues.yml:{at}: postponning: unknown section 'postponning'; did you mean 'postponing'?" in message
    assert "cues.yml:1: postponing: missing section 'postponing'" in message


def test_an_unknown_language_and_an_empty_trigger_list(tmp_path: Path) -> None:
    message = _broken(tmp_path, "\n  es: [pega,", "\n  de: [pega,")
    assert "harm.de: unknown language code 'de'; supported: en, pl, es" in message
    message = _broken(tmp_path, "triggers: [perdon,", "triggers: []\n    unused: [perdon,")
    assert "not_safe_lines.es.triggers: needs at least 1 (has 0)" in message


def test_a_danger_list_is_required_in_its_section(tmp_path: Path) -> None:
    message = _broken(tmp_path, "\n  weapons:\n", "\n  weapon:\n")
    assert "danger_urgent.weapon" in message and "danger_urgent.weapons" in message
