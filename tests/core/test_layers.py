"""The layers hold: nothing imports upward (import-linter contracts in pyproject.toml)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core import PROJECT_ROOT


def test_import_linter_contracts_are_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(linter), "--no-cache", "--config", "pyproject.toml"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_core_is_a_leaf() -> None:
    """Belt and braces for the bottom layer: core never names another project package."""
    offenders = []
    for path in (PROJECT_ROOT / "core").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and stripped.split()[1].split(".")[0] in {"bot", "nlu", "referrals", "actions"}:
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{number}")
    assert offenders == []
