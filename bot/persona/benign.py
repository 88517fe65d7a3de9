"""The shipped benign visitor sets: what ordinary visitors of a kind of site write.

``personas/benign/<kind>_<lang>.txt`` with the kind's underscores dropped (``shop_pl.txt``,
``gametips_en.txt``): one visitor line each, ``#`` comment lines and blank lines ignored. They are
written for popbot (never copied from training data or test splits) and used to measure a
persona's code against ordinary visitors: ``popbot persona validate`` (code collisions) and
``popbot eval --persona`` (benign false positives).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from core.paths import PERSONAS_DIR

BENIGN_DIR = PERSONAS_DIR / "benign"
#: The fewest lines a shipped set has (a figure over fewer lines says little).
MIN_LINES = 60


def benign_path(kind: str, lang: str, directory: Path = BENIGN_DIR) -> Path:
    """Where the set of ``kind`` (``shop``, ``game_tips``) in ``lang`` lives (it may not exist)."""
    return directory / f"{kind.replace('_', '')}_{lang}.txt"


def benign_lines(kind: str, lang: str, directory: Path = BENIGN_DIR) -> Optional[tuple[str, ...]]:
    """The lines of the set, or None when the kind has no set in that language."""
    path = benign_path(kind, lang, directory)
    if not path.is_file():
        return None
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
