from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Embedded-mode keys (generated on first use) in a directory of the test's own."""
    monkeypatch.setenv("POPBOT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("POPBOT_KEYS_DIR", str(tmp_path / "var" / "keys"))
    monkeypatch.delenv("POPBOT_MODE", raising=False)
    monkeypatch.delenv("POPBOT_REDIS_URL", raising=False)
