"""Shared fixtures: the small valid persona ``teashop`` and helpers to break it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core import PROJECT_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
TEASHOP = FIXTURES / "teashop.yml"
PERSONAS_DIR = PROJECT_ROOT / "personas"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the ``occurrence``-th line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")


@pytest.fixture()
def teashop_text() -> str:
    return TEASHOP.read_text(encoding="utf-8")


@pytest.fixture()
def personas_dir(tmp_path: Path) -> Path:
    """A personas directory holding a copy of the teashop fixture."""
    directory = tmp_path / "personas"
    directory.mkdir()
    shutil.copy(TEASHOP, directory / "teashop.yml")
    return directory
