"""Personas are isolated (docs/design.md invariant 11, issue 14): training the intent classifier
with a throwaway third persona must not change rumianek's or gametips' predictions on their
held-out splits, nor the safety layer's on its split.

Tolerance: 0 changed labels (whole ranking, same order) and every confidence within 1e-6.
Only the classifier component is trained (seconds), not the whole Rasa model.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Dict, List

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from core import PROJECT_ROOT, paths
from nlu.components.intent_classifier import NgramIntentClassifier

DATA = PROJECT_ROOT / "tests" / "data"
TOLERANCE = 1e-6

#: A throwaway bakery persona in the shape `popbot persona build` generates: namespaced cover and
#: code intents. Its quiet code is full of generic "wrong chat, sorry" lines and its code phrase is
#: everyday customer talk: exactly what weakened rumianek's not_safe recall (0.970 -> 0.909) when
#: one model was trained on every persona.
BAKERY: Dict[str, List[str]] = {
    "bakery__ask_bread": ["do you have rye bread today", "czy macie chleb żytni", "sourdough loaf price",
                          "ile kosztuje bochenek", "is the bread fresh", "macie bułki grahamki"],
    "bakery__order_cake": ["i'd like to order a birthday cake", "chcę zamówić tort", "no, just the cake please",
                           "cheesecake for saturday", "tort czekoladowy na sobotę", "can i order a cake for 10"],
    "bakery__help_request": ["urgent delivery today", "pilna dostawa na dziś", "i need the urgent delivery",
                             "urgent delivery pls", "poproszę pilną dostawę", "is urgent delivery possible"],
    "bakery__not_safe": ["wrong chat sorry", "sorry wrong chat", "oops wrong window", "never mind sorry",
                         "forget it", "cancel that", "nieważne sorry", "zły czat przepraszam", "not now sorry",
                         "maybe later", "sorry gotta go", "anuluj to"],
}


@functools.lru_cache(maxsize=1)
def _base_data() -> TrainingData:
    """The project's training data (read once per session: tests/nlu/test_spelling.py shares it)."""
    reader = RasaYAMLReader()
    parts = [reader.read(p) for p in paths.training_data_paths() if p.suffix in (".yml", ".yaml")]
    return TrainingData().merge(*parts)


def _with_bakery(base: TrainingData) -> TrainingData:
    extra = [Message(data={TEXT: t, INTENT: intent}) for intent, texts in BAKERY.items() for t in texts]
    return base.merge(TrainingData(training_examples=extra))


def _train(data: TrainingData, where: Path) -> NgramIntentClassifier:
    storage = LocalModelStorage(where)
    resource = Resource("ngram_intent_classifier")
    component = NgramIntentClassifier(NgramIntentClassifier.get_default_config(), storage, resource)
    component.train(data)
    return component


def _split(pattern: str) -> List[str]:
    return [json.loads(line)["text"] for f in sorted(DATA.glob(pattern)) for line in f.read_text().splitlines()
            if line.strip()]


def _rankings(component: NgramIntentClassifier, texts: List[str], persona: str) -> List[list]:
    messages = [Message(data={TEXT: t, METADATA: {"persona": persona}}) for t in texts]
    component.process(messages)
    return [m.get(INTENT_RANKING_KEY) for m in messages]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, NgramIntentClassifier]:
    base = _base_data()
    return {
        "two": _train(base, tmp_path_factory.mktemp("two")),
        "three": _train(_with_bakery(base), tmp_path_factory.mktemp("three")),
    }


def test_the_extra_persona_is_really_trained(trained: Dict[str, NgramIntentClassifier]) -> None:
    assert "bakery" not in trained["two"].models and "bakery" in trained["three"].models
    top = _rankings(trained["three"], ["pilna dostawa na dziś"], "bakery")[0][0]
    assert top["name"] == "bakery__help_request"
    # a persona sees its own intents and the shared ones, never another persona's
    names = {r["name"] for r in _rankings(trained["three"], ["hello"], "rumianek")[0]}
    assert any(n.startswith("rumianek__") for n in names)
    assert not any(n.startswith(("bakery__", "gametips__")) for n in names)


@pytest.mark.parametrize("persona, pattern", [
    ("rumianek", "personas/rumianek_*.jsonl"),
    ("gametips", "personas/gametips_*.jsonl"),
    ("plain", "safety/*.jsonl"),
])
def test_adding_a_persona_changes_nothing_for_the_others(
    trained: Dict[str, NgramIntentClassifier], persona: str, pattern: str
) -> None:
    texts = _split(pattern)
    assert len(texts) > 100
    before = _rankings(trained["two"], texts, persona)
    after = _rankings(trained["three"], texts, persona)
    changed = [t for t, a, b in zip(texts, before, after) if [r["name"] for r in a] != [r["name"] for r in b]]
    assert changed == []
    # the typo repair (nlu/spelling.py) knows the same words: no bakery word is a repair target
    assert trained["three"].models[persona].speller.counts == trained["two"].models[persona].speller.counts
    worst = max(abs(x["confidence"] - y["confidence"]) for a, b in zip(before, after) for x, y in zip(a, b))
    assert worst <= TOLERANCE


def test_sub_models_survive_persist_and_load(trained: Dict[str, NgramIntentClassifier], tmp_path: Path) -> None:
    component = trained["three"]
    loaded = NgramIntentClassifier.load(
        component.config, component._storage, component._resource, execution_context=None  # type: ignore[arg-type]
    )
    assert sorted(loaded.models) == ["bakery", "gametips", "plain", "rumianek"]
    texts = _split("personas/gametips_*.jsonl")[:30]
    assert _rankings(loaded, texts, "gametips") == _rankings(component, texts, "gametips")


def test_an_unknown_or_missing_persona_uses_the_plain_sub_model(trained: Dict[str, NgramIntentClassifier]) -> None:
    component = trained["two"]
    texts = ["my dad hits me", "I'd like the chamomile cream"]
    plain = _rankings(component, texts, "plain")
    assert _rankings(component, texts, "nobody") == plain
    bare = [Message(data={TEXT: t}) for t in texts]
    component.process(bare)
    assert [m.get(INTENT_RANKING_KEY) for m in bare] == plain
    assert not any("__" in r["name"] for ranking in plain for r in ranking)


def test_the_interference_check_sees_a_sub_model_trained_on_other_data(tmp_path: Path) -> None:
    """`popbot eval --persona`'s check (nlu.isolation.check) is not blind: a model whose gametips
    sub-model was trained on other data shows changed predictions."""
    import io
    import tarfile

    import joblib

    from nlu.components.intent_classifier import train_sub_model
    from nlu.isolation import STATE_FILE, check, classifier_config, trained_sub_models

    odd = train_sub_model([("hello there", "greet"), ("my dad hits me", "abuse_disclosure"),
                           ("lantern quest", "gametips__help_request")], classifier_config())
    buffer = io.BytesIO()
    joblib.dump({"models": {"plain": odd, "gametips": odd}}, buffer)
    archive = tmp_path / "model.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo(f"components/train_NgramIntentClassifier3/{STATE_FILE}")
        info.size = len(buffer.getvalue())
        tar.addfile(info, io.BytesIO(buffer.getvalue()))
    assert set(trained_sub_models(archive)) == {"plain", "gametips"}
    found = check(archive, "gametips", _split("personas/gametips_*.jsonl"))
    assert found.changed_labels > 0 and found.max_confidence_change > TOLERANCE
    assert "rumianek" in found.other_personas


def test_training_pairs_reads_each_example_once() -> None:
    """Every example once: a reader shared across files once returned earlier files' examples again
    (33,886 pairs for 7,909 examples)."""
    import re

    from nlu.isolation import training_pairs

    listed = sum(1 for path in paths.training_data_paths()
                 for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s+- ", line))
    pairs = training_pairs()
    assert 0 < len(pairs) <= listed
    assert {"self_harm_urgent", "rumianek__not_safe", "gametips__not_safe"} <= {intent for _, intent in pairs}
