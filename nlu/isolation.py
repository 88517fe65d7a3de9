"""The cross-persona interference check behind ``popbot eval --persona`` (issue 14).

The trained model's intent classifier holds one sub-model per persona
(:mod:`nlu.components.intent_classifier`). This check retrains the persona's sub-model from the
project's training data *without any other persona* (the shared layer and that persona's own
examples only) and compares its predictions with the trained model's, text by text: by design
nothing changes. A difference means the model was trained from other data (stale model) or that
isolation is broken.
"""
from __future__ import annotations

import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

import joblib
import yaml

from core import paths
from core.signals import persona_of
from nlu.components.intent_classifier import NgramIntentClassifier, SubModel, train_sub_model

STATE_FILE = NgramIntentClassifier.STATE_FILE


@dataclass(frozen=True)
class Interference:
    """Predictions of one persona's texts, trained model vs a model trained without the others."""

    persona: str
    texts: int
    changed_labels: int
    max_confidence_change: float
    other_personas: Tuple[str, ...]


def training_pairs() -> List[Tuple[str, str]]:
    """``(text, intent)`` of every NLU example the model is trained on."""
    from rasa.shared.nlu.constants import INTENT, TEXT
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    pairs: List[Tuple[str, str]] = []
    for path in paths.training_data_paths():
        # one reader per file: a RasaYAMLReader keeps what it read, so a shared one returned every
        # earlier file's examples again with each file (33,886 pairs for 7,909)
        for example in RasaYAMLReader().read(path).intent_examples:
            if example.get(TEXT):
                pairs.append((example.get(TEXT), example.get(INTENT)))
    return pairs


def classifier_config() -> Dict[str, Any]:
    """The classifier's config: its defaults with the options of ``config.yml``."""
    config = NgramIntentClassifier.get_default_config()
    pipeline = (yaml.safe_load(paths.CONFIG.read_text(encoding="utf-8")) or {}).get("pipeline") or []
    for step in pipeline:
        if str(step.get("name", "")).endswith(NgramIntentClassifier.__name__):
            config.update({k: v for k, v in step.items() if k != "name"})
    return config


def trained_sub_models(model_path: Path) -> Dict[str, SubModel]:
    """The sub-models saved in a model archive (``models/popbot.tar.gz``)."""
    with tarfile.open(model_path, "r:gz") as archive:
        member = next((m for m in archive.getmembers() if Path(m.name).name == STATE_FILE), None)
        if member is None:
            raise ValueError(f"{model_path} has no {NgramIntentClassifier.__name__} state")
        handle = archive.extractfile(member)
        assert handle is not None
        state = joblib.load(handle)
    models = state.get("models") if isinstance(state, dict) else None
    if not models:
        raise ValueError(f"{model_path} was trained before per-persona sub-models; retrain it (make build)")
    return dict(models)


def check(model_path: Path, persona: str, texts: Sequence[str]) -> Interference:
    """Compare the model's ``persona`` sub-model with one trained without the other personas."""
    config = classifier_config()
    trained = trained_sub_models(model_path)
    if persona not in trained:
        raise ValueError(f"the model at {model_path} has no sub-model for persona {persona!r}; retrain it")
    pairs = training_pairs()
    own = [(t, i) for t, i in pairs if persona_of(i) in (None, persona)]
    others = tuple(sorted({p for _, i in pairs if (p := persona_of(i)) not in (None, persona)}))
    alone = train_sub_model(own, config)
    before = trained[persona].rank(texts, config["temperature"])
    after = alone.rank(texts, config["temperature"])
    changed = 0
    worst = 0.0
    for a, b in zip(before, after):
        ours = {r["name"]: r["confidence"] for r in a}
        fresh = {r["name"]: r["confidence"] for r in b}
        if a[0]["name"] != b[0]["name"] or set(ours) != set(fresh):
            changed += 1
        worst = max(worst, max(abs(ours.get(n, 0.0) - fresh.get(n, 0.0)) for n in set(ours) | set(fresh)))
    return Interference(persona, len(texts), changed, worst, others)
