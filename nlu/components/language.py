"""Per-message language detection for the conversation's reply language.

A character n-gram naive Bayes model trained on the project's own NLU examples (each intent
block carries ``metadata: {lang: xx}``), so adding a language is adding examples. The component
emits an entity ``lang`` only when it is confident; otherwise the slot keeps the conversation's
language. The message metadata may carry a ``lang`` hint (the front-end's UI language), used
when the text itself is not conclusive. A message that is only a place's name ("San José",
"Valencia") says nothing of the child's language: the conversation keeps its own, and a place's
name inside a message is left out of the evidence ("no, Venezuela" and "no, alabama" from an
English-speaking child are not Spanish: what is left, "no", is a word of both). Nor does
a message of up to ``SHORT_WORDS`` words ("halo?", "super", "no elo") unless the training examples
use its known words in one language only ("hola", "cześć", "no elo"): n-grams of a few short words
are a guess ("no elo" read as Spanish greeted a Polish child in Spanish). Chat words that
children write in every language ("ok", "thx", "ty", "xd": :data:`CHAT_WORDS`) are no evidence
either: "ok ty" from an English-speaking child is not Polish.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import METADATA, METADATA_INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from core.text import words
from referrals.geo import is_place_name
from nlu.components.base import PopbotComponent, with_entities

LANG_ENTITY = "lang"


#: The longest place name (in words) looked for inside a message: "Rio de Janeiro", "San Luis Potosí".
MAX_PLACE_WORDS = 3


#: Up to this many words, a message's language is read from its words alone, not its n-grams.
SHORT_WORDS = 3

#: Chat words written the same in every language of the project: no evidence of the language.
CHAT_WORDS = frozenset("ok okay oki okey k kk ty thx tx thanx pls plz lol xd xdd omg np btw".split())


def without_chat_words(text: str) -> str:
    """``text`` without the words of :data:`CHAT_WORDS`."""
    return " ".join(w for w in text.split() if w.strip(".,!?;:").lower() not in CHAT_WORDS)


def without_place_names(text: str) -> str:
    """``text`` without the names of places in it (longest first): a place's name is no evidence of
    the language it is written in."""
    raw = text.split()
    kept: list[str] = []
    i = 0
    while i < len(raw):
        span = next((n for n in range(min(MAX_PLACE_WORDS, len(raw) - i), 0, -1)
                     if is_place_name(" ".join(raw[i:i + n]))), 0)
        if span:
            i += span
        else:
            kept.append(raw[i])
            i += 1
    return " ".join(kept)


def _ngrams(text: str, max_n: int) -> list[str]:
    grams: list[str] = []
    lowered = text.lower()
    for word in lowered.split():
        padded = f" {word} "
        for n in range(1, max_n + 1):
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


class LanguageModel:
    """Multinomial naive Bayes over character n-grams (raw and folded text)."""

    def __init__(self, counts: Dict[str, Dict[str, int]], max_n: int = 4,
                 vocab: Optional[Dict[str, str]] = None) -> None:
        self.max_n = max_n
        self.counts = counts
        #: folded word -> its language, or "" when examples of several languages use it
        self.words = vocab or {}
        self.totals = {lang: sum(c.values()) for lang, c in counts.items()}
        self.vocab = len({g for c in counts.values() for g in c}) or 1

    @classmethod
    def fit(cls, samples: List[tuple[str, str]], max_n: int = 4) -> "LanguageModel":
        counts: Dict[str, Counter] = defaultdict(Counter)
        vocab: Dict[str, str] = {}
        for text, lang in samples:
            counts[lang].update(_ngrams(text, max_n))
            counts[lang].update(_ngrams(" ".join(words(text)), max_n))
            for word in words(text):
                vocab[word] = lang if vocab.get(word, lang) == lang else ""
        return cls({lang: dict(c) for lang, c in counts.items()}, max_n, vocab)

    def word_language(self, word: str) -> Optional[str]:
        """The one language whose examples use ``word`` (folded), else None."""
        return self.words.get(word) or None

    def probabilities(self, text: str) -> Dict[str, float]:
        """Posterior probability of each language (uniform prior)."""
        grams = _ngrams(text, self.max_n)
        if not grams or not self.counts:
            return {}
        scores = {}
        for lang, table in self.counts.items():
            denom = math.log(self.totals[lang] + self.vocab)
            scores[lang] = sum(math.log(table.get(g, 0) + 1) - denom for g in grams)
        top = max(scores.values())
        exp = {lang: math.exp((s - top) / max(1.0, len(grams) / 8)) for lang, s in scores.items()}
        total = sum(exp.values())
        return {lang: v / total for lang, v in exp.items()}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class LanguageDetector(PopbotComponent):
    """Emits entity ``lang`` when the message's language is clear."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_n": 4, "threshold": 0.85, "min_letters": 4, "one_word_vocab": True}

    STATE_FILE = "language_model.joblib"

    def setup(self, state: Optional[Dict[str, Any]]) -> None:
        self.model: Optional[LanguageModel] = (
            LanguageModel(state["counts"], state["max_n"], state.get("words")) if state else None
        )

    def train(self, training_data: TrainingData) -> Resource:
        samples = []
        for example in training_data.training_examples:
            meta = example.get(METADATA) or {}
            lang = (meta.get(METADATA_INTENT) or {}).get("lang")
            if lang and example.get(TEXT):
                samples.append((example.get(TEXT), lang))
        self.model = LanguageModel.fit(samples, self.config["max_n"])
        return self.persist({"max_n": self.model.max_n, "counts": self.model.counts, "words": self.model.words})

    def detect(self, text: str) -> tuple[Optional[str], float]:
        """The language of ``text`` and its probability, or ``(None, p)`` if unsure."""
        if self.model is None or sum(ch.isalpha() for ch in text) < self.config["min_letters"]:
            return None, 0.0
        # "San José" from an English-speaking child stays English, and so does "ok ty"
        text = without_chat_words(without_place_names(text))
        if sum(ch.isalpha() for ch in text) < self.config["min_letters"]:
            return None, 0.0
        tokens = words(text)
        if len(tokens) <= SHORT_WORDS and self.config["one_word_vocab"] and self.model.words:
            # a few words: words of one language say it ("no elo" is not Spanish), words of two or of
            # every language ("no no") say nothing; one word the examples do not know is a guess, a
            # few go to the n-grams below
            langs = {self.model.word_language(t) for t in tokens} - {None}
            if langs or len(tokens) == 1 or all(t in self.model.words for t in tokens):
                return (langs.pop(), 1.0) if len(langs) == 1 else (None, 0.0)
        probs = self.model.probabilities(text)
        if not probs:
            return None, 0.0
        lang, p = max(probs.items(), key=lambda kv: kv[1])
        return (lang if p >= self.config["threshold"] else None), p

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            lang, confidence = self.detect(message.get(TEXT) or "")
            if lang is None:
                hint = (message.get(METADATA) or {}).get("lang")
                if isinstance(hint, str) and self.model and hint in self.model.counts:
                    lang, confidence = hint, 0.5
            if lang is None:
                continue
            entity = {
                "entity": LANG_ENTITY,
                "value": lang,
                "start": 0,
                "end": 0,
                "confidence": confidence,
                "extractor": self.__class__.__name__,
            }
            with_entities(message, [entity])
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
