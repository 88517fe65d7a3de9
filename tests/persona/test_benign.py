"""The shipped benign visitor sets: one per persona kind and language, >= 60 fresh lines each."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

from bot.persona.benign import BENIGN_DIR, MIN_LINES, benign_lines, benign_path
from core import PROJECT_ROOT
from core.persona import project_personas
from core.text import fold

SETS = [("shop", "en"), ("shop", "pl"), ("shop", "es"), ("game_tips", "en")]


@lru_cache(maxsize=1)
def _known_lines() -> frozenset[str]:
    """Every line of the test splits and the training data (folded). The held-out set
    (tests/data/heldout) is written by someone else and never opened by this project's code."""
    known: set[str] = set()
    data = PROJECT_ROOT / "tests" / "data"
    for path in [*(data / "personas").glob("*.jsonl"), *(data / "safety").glob("*.jsonl")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                known.add(fold(json.loads(line)["text"]).strip(" ?!."))
    for path in [*(PROJECT_ROOT / "nlu").rglob("*.yml"), *(PROJECT_ROOT / "personas").glob("*.yml")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip().removeprefix("- ").strip().strip('"')
            if text:
                known.add(fold(text).strip(" ?!."))
    return frozenset(known)


@pytest.mark.parametrize(("kind", "lang"), SETS)
def test_each_set_has_enough_distinct_fresh_lines(kind: str, lang: str) -> None:
    lines = benign_lines(kind, lang)
    assert lines is not None and len(lines) >= MIN_LINES
    assert len({fold(line) for line in lines}) == len(lines)
    known = _known_lines()
    copied = [line for line in lines if fold(line).strip(" ?!.") in known]
    assert copied == []


def test_file_names_and_every_shipped_kind_has_a_set() -> None:
    assert benign_path("game_tips", "en").name == "gametips_en.txt"
    assert sorted(p.name for p in BENIGN_DIR.glob("*.txt")) == sorted(benign_path(k, l).name for k, l in SETS)
    for persona in project_personas().values():
        for lang in persona.languages:
            assert benign_lines(persona.kind, lang), (persona.id, lang)
    assert benign_lines("other", "en") is None
