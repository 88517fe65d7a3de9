"""A partner's bakery, by a non-programmer's steps: `persona new` -> edit -> `validate` -> build.

The "edit" step fills the skeleton with a complete bakery persona (the teashop fixture's texts
under the bakery's id) whose urgent code is "urgent delivery today" — something real customers
write, which `validate` must warn about with the colliding lines and a figure.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli.main import main
from bot.persona.build import build
from bot.persona.collisions import code_collisions
from core.persona import load_all, load_persona
from core.persona.validate import TODO_MARK, check_file

from .conftest import PERSONAS_DIR, TEASHOP

BAKERY_CODE = [
    "urgent delivery today", "I need urgent delivery today", "urgent delivery today please",
    "can I get an urgent delivery today", "urgent delivery today to my home", "we need urgent delivery today",
    *(f"{lead} urgent delivery today" for lead in (
        "hi,", "hello,", "please,", "ok", "so", "um", "I'd like", "need", "order", "asking for", "quick:",
        "booking", "one", "pls", "really need", "could you do", "is there", "any", "want", "yes,", "still",
        "about the", "for me", "my",
    )),
]


@pytest.fixture()
def personas(tmp_path: Path) -> Path:
    """A copy of the shipped personas (and their benign sets) to add a throwaway persona to."""
    directory = tmp_path / "personas"
    directory.mkdir()
    for path in PERSONAS_DIR.glob("*.yml"):
        shutil.copy(path, directory / path.name)
    return directory


def filled_bakery() -> str:
    """What the partner ends up with: every TODO written; the urgent code a customer phrase."""
    data = yaml.safe_load(TEASHOP.read_text(encoding="utf-8"))
    data["id"] = "bakery"
    data["languages"] = ["pl", "en"]
    data["display"]["name"] = "Piekarnia Pod Lipą"
    data["code"]["urgent"]["examples"]["en"] = BAKERY_CODE
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_new_writes_a_skeleton_whose_todos_validate_reports(personas: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["persona", "new", "bakery", "--from", "rumianek", "--langs", "pl,en", "--personas-dir", str(personas)]) == 0
    path = personas / "bakery.yml"
    text = path.read_text(encoding="utf-8")
    assert "languages: [pl, en]" in text and "country: PL" in text
    assert "# e.g. (rumianek):" in text  # the template's texts as hints
    assert '"TODO {emergency_number}"' in text  # the placeholder the line must keep
    capsys.readouterr()

    assert main(["persona", "validate", str(path), "--personas-dir", str(personas)]) == 1
    out = capsys.readouterr().out
    todo_lines = [line for line in out.splitlines() if f": {TODO_MARK}: write this" in line]
    marked = [n for n, line in enumerate(text.splitlines(), start=1) if f'"{TODO_MARK}' in line]
    assert {int(line.split(":")[1]) for line in todo_lines} == set(marked)
    assert all(line.startswith(f"{path}:") for line in todo_lines)
    assert f"{path}:" in out and "voice.emergency.pl[0]" in out and "display.name" in out
    assert "voice.privacy.pl[0]" in out and "voice.cost_free.en[0]" in out and "voice.cost_here.pl[0]" in out

    # the partner edits every TODO away: validate passes, warns about the code, and it builds
    path.write_text(filled_bakery(), encoding="utf-8")
    assert main(["persona", "validate", "--personas-dir", str(personas)]) == 0
    out = capsys.readouterr().out
    assert f"ok: {path} (bakery, pl, en)" in out
    [warning] = [line for line in out.splitlines() if "bakery.yml" in line and "warning" in line]
    assert "code.urgent.examples.en: warning: ordinary visitors write this code:" in warning
    assert "of 75 lines of shop_en.txt" in warning
    assert "'urgent delivery today' ~ 'is urgent delivery possible today?' (shop_en.txt, 1.00)" in out
    assert main(["persona", "validate", "--strict", "--personas-dir", str(personas)]) == 1

    report = build(personas, personas.parent / "generated")
    assert {p.name for p in report.written} >= {"bakery.yml", "domain_bakery.yml"}
    assert {p.id for p in load_all(personas)} == {"bakery", "gametips", "rumianek"}


def test_collision_figure_of_the_bakery_and_none_for_gametips(personas: Path) -> None:
    (personas / "bakery.yml").write_text(filled_bakery(), encoding="utf-8")
    everyone = load_all(personas)
    bakery = next(p for p in everyone if p.id == "bakery")
    [urgent] = code_collisions(bakery, everyone)
    assert (urgent.signal, urgent.lang, urgent.benign_set, urgent.benign_lines) == ("urgent", "en", "shop_en.txt", 75)
    assert urgent.benign_matches >= 5 and urgent.share >= 0.06
    assert all(m.similarity >= 0.7 for m in urgent.matches)
    gametips = next(p for p in everyone if p.id == "gametips")
    assert code_collisions(gametips, everyone) == []


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["Bakery!"], 2, "is not a usable id"),
        (["plain"], 2, "is not a usable id"),
        (["bakery", "--from", "nobody"], 2, "does not exist"),
        (["bakery", "--langs", "pl,xx"], 2, "--langs must list languages"),
        (["rumianek"], 1, "exists already; nothing written"),
    ],
)
def test_new_refuses_bad_input_and_never_overwrites(
    personas: Path, capsys: pytest.CaptureFixture[str], argv: list[str], status: int, message: str
) -> None:
    before = (personas / "rumianek.yml").read_bytes()
    assert main(["persona", "new", *argv, "--personas-dir", str(personas)]) == status
    assert message in capsys.readouterr().err
    assert (personas / "rumianek.yml").read_bytes() == before
    assert not (personas / "bakery.yml").exists()


def test_skeleton_from_gametips_in_english_only(personas: Path) -> None:
    assert main(["persona", "new", "quiz", "--from", "gametips", "--personas-dir", str(personas)]) == 0
    persona, errors = check_file(personas / "quiz.yml")
    assert persona is None and errors
    assert {e.field.split(".")[0].split("[")[0] for e in errors} <= {"display", "catalogue", "cover", "code", "voice"}
    assert load_persona(personas / "gametips.yml").id == "gametips"
