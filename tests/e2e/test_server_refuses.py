"""`python -m bot.server` fails closed: it refuses to start, with a clear message, when the
tracker store is not the encrypted one or production mode lacks real secrets (docs/design.md, invariants 4)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core import PROJECT_ROOT


def _server(tmp_path: Path, endpoints: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "bot.server"]
    if endpoints is not None:
        args += ["--endpoints", str(endpoints)]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("POPBOT_")}
    return subprocess.run(
        args, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
        env={**clean, "POPBOT_VAR_DIR": str(tmp_path / "var"), "POPBOT_RASA_PORT": "9", **env},
    )


def test_refuses_rasas_plain_sql_tracker_store(tmp_path: Path) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: plain.db\n")
    done = _server(tmp_path, endpoints)
    assert done.returncode != 0
    assert "refusing to start" in done.stderr
    assert not (PROJECT_ROOT / "plain.db").exists()


def test_refuses_a_missing_tracker_store(tmp_path: Path) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("lock_store:\n  type: in_memory\n")
    done = _server(tmp_path, endpoints)
    assert done.returncode != 0
    assert "refusing to start" in done.stderr


def test_production_mode_refuses_to_generate_secrets(tmp_path: Path) -> None:
    done = _server(tmp_path, POPBOT_MODE="production", POPBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}")
    assert done.returncode == 2
    assert "production mode needs POPBOT_RASA_TOKEN" in done.stderr
    assert not (tmp_path / "var" / "keys").exists()
