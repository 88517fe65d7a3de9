"""The Rasa project itself: data validation and the rule stories."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.persona.build import assemble_domain
from core import PROJECT_ROOT, paths


def test_rasa_data_validate_passes(session_var: Path) -> None:
    domain = assemble_domain(session_var / "build")
    done = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--domain", str(domain), "--config", str(paths.CONFIG),
         "--data", *[str(p) for p in paths.training_data_paths()]],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_rasa_test_stories_pass(model_path: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rasa", "test", "core", "--model", str(model_path),
         "--stories", str(PROJECT_ROOT / "tests" / "stories"), "--out", str(tmp_path), "--fail-on-prediction-errors"],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
