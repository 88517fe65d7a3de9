"""Intent classifier over character and word n-grams of folded text, one sub-model per persona.

Why not DIET: on this machine's 2 cores DIET needs ~25 s per epoch on the 5,000 examples of
three languages and two personas, i.e. a training far beyond the 5-minute budget; a linear
model on TF-IDF n-grams trains in seconds and is robust to typos and missing diacritics
(``skóra``/``skora``), which is what children's messages are full of. Confidences come from a
softmax over the SVM margins, and every intent is ranked (PersonaContext needs them all).

Personas are isolated by design (docs/design.md, invariant 11): the shared intents (safety
layer and ordinary talk, no ``<persona>__`` prefix) form the ``plain`` sub-model, and every
persona gets its own sub-model trained on the shared intents plus its own intents only. The
persona in the message metadata picks the sub-model (missing or unknown: ``plain``). A long message is also read
in its parts (nlu/parts.py: sentences and clauses), with the same sub-model in one extra rank call per batch; the
parts' rankings ride on the message (``parts``, not in the output) for PersonaContext (s28). Training is
deterministic (examples sorted, fixed ``random_state``), so a persona's sub-model depends on
nothing but the shared data and that persona's data: adding, changing or removing another
persona leaves it identical.
"""
from __future__ import annotations

import hashlib
import inspect
import sys
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Text, Tuple

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, METADATA, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

import core.signals
import core.text
import nlu.spelling
from core import PROJECT_ROOT
from core.signals import NO_PERSONA, persona_of
from core.text import fold
from nlu.components.base import PopbotComponent
from nlu.parts import PARTS, load_openers, parts_of
from nlu.spelling import Speller

Ranking = List[Dict[str, Any]]


def build_vectorizer(config: Dict[Text, Any]) -> FeatureUnion:
    """Character n-grams inside word boundaries plus word uni/bigrams, on folded text."""
    return FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(config["char_min_n"], config["char_max_n"]),
                    sublinear_tf=True,
                    preprocessor=fold,
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    preprocessor=fold,
                    token_pattern=r"(?u)\b\w+\b",
                ),
            ),
        ]
    )


@dataclass
class SubModel:
    """One persona's (or ``plain``'s) vectorizer and SVM, and the speller of its training words."""

    vectorizer: FeatureUnion
    svm: LinearSVC
    speller: Optional[Speller] = None

    def read(self, text: str) -> str:
        """``text`` folded, its one-edit typos of unknown words repaired (nlu/spelling.py); a model
        saved before spelling repair existed has no speller and reads the text as folded."""
        speller: Optional[Speller] = getattr(self, "speller", None)
        return speller.correct(fold(text)) if speller is not None else fold(text)

    def rank(self, texts: Sequence[str], temperature: float) -> List[Ranking]:
        """Every intent of this sub-model with its confidence, best first, for each text."""
        read = [self.read(text) for text in texts]
        margins = self.svm.decision_function(self.vectorizer.transform(read))
        if margins.ndim == 1:  # two classes: sklearn returns one column
            margins = np.stack([-margins, margins], axis=1)
        probabilities = softmax(margins / temperature, axis=1)
        names = list(self.svm.classes_)
        rankings = []
        for row in probabilities:
            order = np.argsort(-row, kind="stable")
            rankings.append(
                [{INTENT_NAME_KEY: names[i], PREDICTED_CONFIDENCE_KEY: float(row[i])} for i in order]
            )
        return rankings


def train_sub_model(examples: Iterable[Tuple[str, str]], config: Dict[Text, Any]) -> SubModel:
    """A sub-model on ``(text, intent)`` pairs; the result depends only on the set of pairs."""
    ordered = sorted(set(examples), key=lambda pair: (pair[1], pair[0]))
    vectorizer = build_vectorizer(config)
    features = vectorizer.fit_transform([text for text, _ in ordered])
    svm = LinearSVC(C=config["C"], random_state=config["random_state"])
    svm.fit(features, [intent for _, intent in ordered])
    return SubModel(vectorizer, svm, Speller.from_texts(text for text, _ in ordered))


def split_by_persona(examples: Iterable[Tuple[str, str]]) -> Dict[str, List[Tuple[str, str]]]:
    """``{plain: shared pairs, <persona>: shared pairs + that persona's pairs}``."""
    shared: List[Tuple[str, str]] = []
    own: Dict[str, List[Tuple[str, str]]] = {}
    for text, intent in examples:
        persona = persona_of(intent)
        if persona is None:
            shared.append((text, intent))
        else:
            own.setdefault(persona, []).append((text, intent))
    return {NO_PERSONA: shared, **{p: shared + pairs for p, pairs in sorted(own.items())}}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NgramIntentClassifier(PopbotComponent, IntentClassifier):
    """Linear SVM on TF-IDF n-grams per persona; full intent ranking with softmax confidences."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "char_min_n": 2, "char_max_n": 5, "C": 1.0, "temperature": 0.2, "random_state": 20201,
        }

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """Rasa's training cache sees this class's source only: this module, the text folding and
        the persona split count too (a changed ``fold`` once let a stale cached model through)."""
        modules = (sys.modules[__name__], core.text, core.signals, nlu.spelling)
        sources = [inspect.getsource(module) for module in modules]
        return hashlib.sha256("\0".join(sources).encode("utf-8")).hexdigest()

    STATE_FILE = "ngram_intent_classifier.joblib"

    def setup(self, state: Optional[Dict[str, Any]]) -> None:
        self.models: Dict[str, SubModel] = dict((state or {}).get("models", {}))
        # read from the project's cues file whenever the component is built (no retraining to edit them)
        self.openers: Tuple[str, ...] = load_openers(PROJECT_ROOT / "nlu" / "safety" / "cues.yml")

    def train(self, training_data: TrainingData) -> Resource:
        pairs = [(e.get(TEXT), e.get(INTENT)) for e in training_data.intent_examples if e.get(TEXT)]
        self.models = {
            persona: train_sub_model(examples, self.config)
            for persona, examples in split_by_persona(pairs).items()
        }
        return self.persist({"models": self.models})

    def sub_model_for(self, persona: Optional[str]) -> str:
        """The sub-model answering for ``persona``: its own if trained, else ``plain``."""
        return persona if isinstance(persona, str) and persona in self.models else NO_PERSONA

    def rank(self, texts: Sequence[str], persona: Optional[str] = None) -> List[Ranking]:
        """Every intent the persona's sub-model knows, with its confidence, best first."""
        assert self.models, "classifier is not trained"
        return self.models[self.sub_model_for(persona)].rank(texts, self.config["temperature"])

    def process(self, messages: List[Message]) -> List[Message]:
        by_model: Dict[str, List[Message]] = {}
        for message in messages:
            persona = (message.get(METADATA) or {}).get("persona")
            by_model.setdefault(self.sub_model_for(persona), []).append(message)
        for name, group in by_model.items():
            rankings = self.rank([m.get(TEXT) or "" for m in group], name)
            for message, ranking in zip(group, rankings):
                message.set(INTENT, dict(ranking[0]), add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            self._rank_parts(group, name)
        return messages

    def _rank_parts(self, group: List[Message], name: str) -> None:
        """The parts of the group's long messages ranked in one call; each message gets its parts' folded texts and
        rankings as ``parts`` (kept off the output: never logged, never returned by the API)."""
        cut = [parts_of(m.get(TEXT) or "", self.openers) for m in group]
        texts = [part for parts in cut for part in parts]
        rankings = iter(self.rank(texts, name) if texts else [])
        for message, parts in zip(group, cut):
            message.set(PARTS, [(part, next(rankings)) for part in parts])
