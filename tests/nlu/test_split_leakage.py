"""Test splits are never trained on (issue 13): no line of tests/data/safety, tests/data/personas or
tests/data/fresh or the blind dev splits (tests/data/blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11)
or the persona visitors' lines of session 33 (tests/data/fresh_s33: odd lines TUNE, even lines CHECK) or the s33
check set of the plain bot (tests/data/fresh_s33_check: ordinary lines and disclosures sharing their words) or the
persona visitors' lines of session 34 (tests/data/fresh_s34: odd lines TUNE, even lines CHECK) or session 34's
unseen check set (tests/data/fresh_s34_check: plain lines in en/es/pl, written without seeing the model's errors) or
session 35's blind set (tests/data/blind12) appears
among the training examples (nlu/safety/*.yml, nlu/generated/*.yml), and the
splits do not repeat one another. Lines are compared as names (folded, letters and digits only), so a
copy that differs only in accents, case or punctuation counts as leaked.

The held-out set (tests/data/heldout) is written by someone else and never opened by this project's code.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from core import PROJECT_ROOT
from core.signals import NO_PERSONA
from core.text import fold_name

DATA = PROJECT_ROOT / "tests" / "data"
SPLIT_DIRS = ("safety", "personas", "fresh", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "fresh_s33",
              "fresh_s33_check", "fresh_s34", "fresh_s34_check", "blind12", "blind13")
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _key(text: str) -> str:
    return fold_name(ANNOTATION.sub(r"\1", text))


def _split_files() -> list[Path]:
    return sorted(path for name in SPLIT_DIRS for path in (DATA / name).glob("*.jsonl"))


def _split_lines(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _examples(path: Path) -> set[str]:
    """The training examples of one Rasa NLU file, as names."""
    keys: set[str] = set()
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for block in document.get("nlu") or []:
        for line in str(block.get("examples") or "").splitlines():
            key = _key(line.strip().removeprefix("- ").strip())
            if key:
                keys.add(key)
    return keys


@lru_cache(maxsize=None)
def _training_keys(persona: str = "") -> frozenset[str]:
    """What the sub-model that reads a split was trained on: the shared layer (nlu/safety/<lang>.yml,
    every language: the model is multilingual) plus the persona's built examples."""
    keys: set[str] = set()
    for path in (PROJECT_ROOT / "nlu" / "safety").glob("[a-z][a-z].yml"):
        keys |= _examples(path)
    if persona:
        keys |= _examples(PROJECT_ROOT / "nlu" / "generated" / f"{persona}.yml")
    return frozenset(keys)


def _persona_of(path: Path) -> str:
    """``rumianek_pl.jsonl`` -> rumianek; a shared-layer split (``en.jsonl``, ``plain_en.jsonl``) -> ""."""
    persona = path.stem.rsplit("_", 1)[0] if "_" in path.stem else ""
    return "" if persona == NO_PERSONA else persona


def test_training_data_is_found() -> None:
    assert len(_training_keys()) > 3000
    assert len(_training_keys("rumianek")) > len(_training_keys()) + 1000


@pytest.mark.parametrize("path", _split_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_split_line_is_a_training_example(path: Path) -> None:
    trained = _training_keys(_persona_of(path))
    leaked = [text for text in _split_lines(path) if _key(text) and _key(text) in trained]
    assert leaked == []


def test_fresh_split_repeats_no_team_split_line() -> None:
    team = {_key(t) for name in ("safety", "personas") for p in (DATA / name).glob("*.jsonl") for t in _split_lines(p)}
    fresh = [t for p in (DATA / "fresh").glob("*.jsonl") for t in _split_lines(p)]
    assert len(fresh) > 500
    assert [t for t in fresh if _key(t) in team] == []
    repeated = [k for k, n in Counter(_key(t) for t in fresh).items() if n > 1]
    assert repeated == []


#: Lines each blind dev set holds at least (after chance collisions were removed).
BLIND_SIZES = {"blind": 600, "blind2": 540, "blind3": 650, "blind4": 660, "blind5": 660, "blind6": 650, "blind7": 650, "blind8": 520, "blind9": 650, "blind10": 600, "blind11": 600, "blind12": 560, "blind13": 520}


@pytest.mark.parametrize(("blind_dir", "size"), BLIND_SIZES.items())
def test_blind_split_repeats_no_other_split_line(blind_dir: str, size: int) -> None:
    """A blind dev set (written without seeing any data) shares no line with the splits before it
    (those listed before it in SPLIT_DIRS)."""
    earlier = SPLIT_DIRS[:SPLIT_DIRS.index(blind_dir)]
    others = {_key(t) for name in earlier for p in (DATA / name).glob("*.jsonl") for t in _split_lines(p)}
    blind = [t for p in (DATA / blind_dir).glob("*.jsonl") for t in _split_lines(p)]
    assert len(blind) > size
    assert [t for t in blind if _key(t) in others] == []
    repeated = [k for k, n in Counter(_key(t) for t in blind).items() if n > 1]
    assert repeated == []


def test_fresh_s33_repeats_no_earlier_dev_split_line() -> None:
    """Session 33's ordinary visitor lines (tests/data/fresh_s33, signal none, written fresh) repeat no line of the
    team's splits, the fresh split or the blind dev sets up to blind10, nor one another."""
    earlier = {_key(t) for name in SPLIT_DIRS[:SPLIT_DIRS.index("blind10") + 1]
               for p in (DATA / name).glob("*.jsonl") for t in _split_lines(p)}
    lines = [t for p in (DATA / "fresh_s33").glob("*.jsonl") for t in _split_lines(p)]
    assert len(lines) > 400
    assert [t for t in lines if _key(t) in earlier] == []
    repeated = [k for k, n in Counter(_key(t) for t in lines).items() if n > 1]
    assert repeated == []


def test_fresh_s34_repeats_no_earlier_dev_split_line() -> None:
    """Session 34's ordinary visitor lines (tests/data/fresh_s34, 25 per persona and language, signal none, written
    fresh) repeat no line of the splits before them, nor one another."""
    earlier = {_key(t) for name in SPLIT_DIRS[:SPLIT_DIRS.index("fresh_s34")]
               for p in (DATA / name).glob("*.jsonl") for t in _split_lines(p)}
    lines = [t for p in (DATA / "fresh_s34").glob("*.jsonl") for t in _split_lines(p)]
    assert len(lines) == 100
    assert [t for t in lines if _key(t) in earlier] == []
    repeated = [k for k, n in Counter(_key(t) for t in lines).items() if n > 1]
    assert repeated == []
