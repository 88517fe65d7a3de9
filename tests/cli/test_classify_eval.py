"""The classifier CLI contract (`popbot classify`, `popbot eval`) on the trained model, and the
acceptance figures on the test splits that are never trained on."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import PROJECT_ROOT
from core.signals import SIGNALS

DATA = PROJECT_ROOT / "tests" / "data"


def popbot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", *args], input=stdin, capture_output=True, text=True,
        cwd=PROJECT_ROOT, timeout=600,
    )


def test_classify_writes_one_json_line_per_input_with_the_contract_fields(model_path: Path) -> None:
    lines = [
        {"text": "my dad hits me every night"},
        {"text": "hola que tal", "lang": "es"},
        {"text": "/imminent_danger"},
        {"text": "I'd like the chamomile cream, my skin has been bad for months"},
    ]
    done = popbot("classify", "-", stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == len(lines)
    for given, result in zip(lines, out):
        assert result["text"] == given["text"]
        assert result["signal"] in SIGNALS
        assert isinstance(result["urgent"], bool)
        assert 0.0 <= result["confidence"] <= 1.0
        assert isinstance(result["entities"], list)
        assert "lang" in result
    assert out[0]["signal"] == "abuse_disclosure" and out[0]["lang"] == "en"
    assert out[1]["signal"] == "none" and out[1]["lang"] == "es"
    # without --persona only the safety layer applies: the shop's code is ordinary talk
    assert out[3]["signal"] == "none"


def test_classify_with_a_persona_applies_its_code(model_path: Path) -> None:
    done = popbot(
        "classify", "--persona", "rumianek", "-",
        stdin=json.dumps({"text": "I'd like the chamomile cream, my skin has been bad for months"}) + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["signal"] == "help_request"


def test_classify_handles_a_thousand_lines(model_path: Path, tmp_path: Path) -> None:
    texts = [json.loads(line)["text"] for line in (DATA / "safety" / "en.jsonl").read_text().splitlines()]
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"text": texts[i % len(texts)]}) + "\n" for i in range(1000)))
    done = popbot("classify", str(big))
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1000


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"text": "hi", "signal": "none", "urgent": false}\n{"text": "x", "signal": "nonsense", "urgent": false}\n', ":2: field 'signal'"),
        ('{"text": "hi", "signal": "none", "urgent": false}\nnot json\n', ":2: not valid JSON"),
        ('{"signal": "none", "urgent": false}\n', ":1: field 'text'"),
        ('{"text": "hi", "signal": "none", "urgent": "no"}\n', ":1: field 'urgent'"),
    ],
)
def test_eval_rejects_malformed_input_naming_the_line(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content)
    done = popbot("eval", str(bad), "--out", str(tmp_path))
    assert done.returncode == 2
    assert f"bad.jsonl{message}" in done.stderr


def _eval(tmp_path: Path, files: list[Path], persona: str | None = None) -> dict:
    joined = tmp_path / "split.jsonl"
    joined.write_text("".join(f.read_text() for f in files))
    args = ["eval", str(joined), "--out", str(tmp_path / "out")]
    if persona:
        args[1:1] = ["--persona", persona]
    done = popbot(*args)
    assert done.returncode == 0, done.stderr
    assert "help recall" in done.stdout and "benign false-positive rate" in done.stdout
    stem = f"{persona or 'safety'}_split"
    assert (tmp_path / "out" / f"confusion_{stem}.png").stat().st_size > 10_000
    return json.loads((tmp_path / "out" / f"eval_{stem}.json").read_text())


def test_safety_layer_figures_on_the_held_out_split(model_path: Path, tmp_path: Path) -> None:
    report = _eval(tmp_path, sorted((DATA / "safety").glob("*.jsonl")))
    assert report["examples"] > 900
    assert report["help_recall"] >= 0.95
    assert report["benign_false_positive_rate"] <= 0.05
    assert set(report["per_signal"]) >= {"abuse_disclosure", "self_harm", "imminent_danger", "none"}


def test_rumianek_figures_on_the_held_out_split(model_path: Path, tmp_path: Path) -> None:
    report = _eval(tmp_path, sorted((DATA / "personas").glob("rumianek_*.jsonl")), persona="rumianek")
    assert report["help_recall"] >= 0.97
    assert report["urgent_recall"] >= 0.95
    assert report["benign_false_positive_rate"] <= 0.03
    assert report["not_safe_recall"] >= 0.95
