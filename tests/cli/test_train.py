"""`popbot train` retrains exactly when an input changed — replies included."""
from __future__ import annotations

from pathlib import Path

import pytest

from core import paths
from bot.cli import train


def test_inputs_digest_changes_with_a_reply_and_with_an_example(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    domain = tmp_path / "domain_x.yml"
    data = tmp_path / "x.yml"
    domain.write_text("responses:\n  utter_greet:\n  - text: hi\n")
    data.write_text("nlu:\n- intent: greet\n  examples: |\n    - hello\n")
    monkeypatch.setattr(train, "PROJECT_ROOT", tmp_path.parent)
    monkeypatch.setattr(paths, "CONFIG", data)
    monkeypatch.setattr(paths, "domain_parts", lambda: [domain])
    monkeypatch.setattr(paths, "training_data_paths", lambda: [data])
    monkeypatch.setattr(paths, "model_code_paths", lambda: [])
    first = train.inputs_digest()
    assert train.inputs_digest() == first
    domain.write_text("responses:\n  utter_greet:\n  - text: hello there\n")
    second = train.inputs_digest()
    assert second != first
    data.write_text("nlu:\n- intent: greet\n  examples: |\n    - hey\n")
    assert train.inputs_digest() not in (first, second)


def test_up_to_date_model_is_not_retrained(model_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The model `make test` just built matches the inputs: no Rasa import, no training."""
    assert train.train_model() == str(model_path)
    assert "model is up to date" in capsys.readouterr().out
