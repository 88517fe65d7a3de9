"""`popbot eval --persona ID` (issue 14): unknown ids refused, the kind's benign visitor set always
included, per-signal figures and the cross-persona interference check printed."""
from __future__ import annotations

import json
from pathlib import Path

from bot.persona.benign import benign_lines
from core.persona import project_personas
from tests.cli.test_classify_eval import DATA, popbot


def test_an_unknown_persona_is_refused_with_exit_2(tmp_path: Path) -> None:
    split = tmp_path / "x.jsonl"
    split.write_text('{"text": "hi", "signal": "none", "urgent": false}\n')
    done = popbot("eval", "--persona", "bakery-nobody", str(split), "--out", str(tmp_path))
    assert done.returncode == 2
    assert "unknown persona 'bakery-nobody'" in done.stderr and "rumianek" in done.stderr
    assert not list(tmp_path.glob("eval_*.json"))


def test_the_benign_set_and_the_interference_check_come_with_every_persona_eval(
    model_path: Path, tmp_path: Path
) -> None:
    persona = project_personas()["gametips"]
    benign = [line for lang in persona.languages for line in benign_lines(persona.kind, lang) or ()]
    assert len(benign) >= 60
    split = DATA / "personas" / "gametips_en.jsonl"
    lines = [line for line in split.read_text().splitlines() if line.strip()]
    done = popbot("eval", "--persona", "gametips", str(split), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"of {len(benign)} lines flagged" in done.stdout
    assert "cross-persona interference  0 of" in done.stdout and "isolated" in done.stdout
    assert "help_request" in done.stdout  # per-signal figures
    report = json.loads((tmp_path / "eval_gametips_gametips_en.json").read_text())
    assert report["examples"] == len(lines)  # the figures are the file's; the benign set is apart
    assert report["benign_visitors"]["lines"] == len(benign)
    assert report["interference"]["changed_labels"] == 0
    assert report["interference"]["max_confidence_change"] <= 1e-6
    assert report["interference"]["other_personas"] == sorted(set(project_personas()) - {"gametips"})


def test_persona_eval_without_a_file_measures_the_benign_set(model_path: Path, tmp_path: Path) -> None:
    done = popbot("eval", "--persona", "rumianek", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "eval_rumianek.json").read_text())
    persona = project_personas()["rumianek"]
    assert report["benign_visitors"]["lines"] == sum(len(benign_lines(persona.kind, l) or ()) for l in persona.languages)
    assert report["benign_visitors"]["false_positive_rate"] is not None
    assert report["examples"] == report["benign_visitors"]["lines"]  # no FILE: the figures are the set's
