"""Intent-classifier hyper-parameter sweep (issue 13), without retraining through Rasa. Not a
benchmark (``python -m bench`` does not run it): an experiment harness.

(a) grouped, stratified k-fold cross-validation on the training data (nlu/safety + nlu/generated):
    each fold trains the plain and persona sub-models in process on the other folds; held-out
    shared examples are read by the plain sub-model and by every persona's sub-model, held-out
    persona examples by their persona's; each ranking goes through core.safety.decide (no cues, so
    the classifier's own reading: masking, yield, urgent share) and is scored by signal.
    Groups: the folded text (duplicates never straddle folds).
(b) the team/fresh dev splits through the real pipeline: the trained model
    (models/popbot.tar.gz) is loaded once and its NgramIntentClassifier's sub-models are swapped
    for the candidate's; figures as `popbot eval` computes them (nlu.evaluation.compute_report).

    With --blind, (b) also reads every blind dev split (tests/data/blind … blind7; persona = the
    file stem before the last "_" when that is a persona id, else plain; never tests/data/heldout)
    and counts error lines (signal wrong, or urgent wrong on a help line) per split and pooled;
    --only limits (b) to splits by name prefix. --rule-table prints the exp-aug decision rule,
    --diff NAME the splits where NAME fixes or breaks lines against base.

Candidates are overrides of the classifier's config (nlu/isolation.classifier_config) plus
knobs train_sub_model does not have (analyzer, word n-grams, min_df/max_df, class_weight,
LogisticRegression or an SVM+LR average) and training recipes (exp-aug: noisy typo copies of the
training lines, a char 3-5 vectorizer across word boundaries, bagged SVMs, a signal-level SVM mixed
into the intent ranking); the project's own config is trained with the project's
own train_sub_model. With --check-base, (b) is first run on the trained model untouched: its figures
must equal `popbot eval`'s (/work/notes/eval-splits.sh), and so must the "base" candidate's.

    make build   # once: models/popbot.tar.gz
    PYTHONHASHSEED=0 .venv/bin/python -m bench.classifier_sweep --check-base base C2 T0.3
    PYTHONHASHSEED=0 .venv/bin/python -m bench.classifier_sweep --set 'C0.7:{"C": 0.7}' --no-dev
    PYTHONHASHSEED=0 .venv/bin/python -m bench.classifier_sweep --table   # candidates x figures
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from scipy.special import softmax

from core.signals import HELP_SIGNALS, NO_PERSONA, persona_of, signal_for_intent
from core.text import fold

SPLITS_TEAM = ["tests/data/safety/en.jsonl", "tests/data/safety/es.jsonl", "tests/data/safety/pl.jsonl"]

CANDIDATES: Dict[str, Dict[str, Any]] = {
    "base": {},
    "C0.3": {"C": 0.3},
    "C0.5": {"C": 0.5},
    "C2": {"C": 2.0},
    "balanced": {"class_weight": "balanced"},
    "char1-5": {"char_min_n": 1},
    "char2-6": {"char_max_n": 6},
    "char3-5": {"char_min_n": 3},
    "char-not-wb": {"char_analyzer": "char"},
    "word1-3": {"word_max_n": 3},
    "word1-1": {"word_max_n": 1},
    "min_df2": {"min_df": 2},
    "max_df0.5": {"max_df": 0.5},
    "T0.1": {"temperature": 0.1},
    "T0.3": {"temperature": 0.3},
    "T0.5": {"temperature": 0.5},
    "lr-C10": {"model": "lr", "lr_C": 10.0},
    "lr-C30": {"model": "lr", "lr_C": 30.0},
    "svm+lr": {"model": "ensemble", "lr_C": 10.0},
    # training recipes, not hyper-parameters (issue 13, exp-aug)
    "aug-typo": {"augment": "all"},
    "aug-typo-help": {"augment": "help"},
    "char+charwb": {"extra_char": [3, 5]},
    "bag5": {"bag": 5},
    "sigmix0.3": {"signal_mix": 0.3},
    "sigmix0.5": {"signal_mix": 0.5},
}


def base_config() -> Dict[str, Any]:
    from nlu.isolation import classifier_config

    return classifier_config()


def full_config(overrides: Dict[str, Any]) -> Dict[str, Any]:
    cfg = {
        **base_config(), "char_analyzer": "char_wb", "word_max_n": 2, "min_df": 1, "max_df": 1.0,
        "class_weight": None, "model": "svm", "lr_C": 20.0,
        "augment": None, "aug_copies": 2, "extra_char": None, "bag": 0, "bag_frac": 0.8, "signal_mix": 0.0,
    }
    cfg.update(overrides)
    return cfg


def is_project_default(cfg: Dict[str, Any]) -> bool:
    return cfg == full_config({})


def build_vectorizer(cfg: Dict[str, Any]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    common = {"sublinear_tf": True, "preprocessor": fold, "min_df": cfg["min_df"], "max_df": cfg["max_df"]}
    parts = [
        ("chars", TfidfVectorizer(analyzer=cfg["char_analyzer"], ngram_range=(cfg["char_min_n"], cfg["char_max_n"]),
                                  **common)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, cfg["word_max_n"]), token_pattern=r"(?u)\b\w+\b",
                                  **common)),
    ]
    if cfg["extra_char"]:
        # character n-grams across word boundaries ("help me" -> "p m", "lp me"), next to char_wb
        lo, hi = cfg["extra_char"]
        parts.append(("chars_x", TfidfVectorizer(analyzer="char", ngram_range=(lo, hi), **common)))
    return FeatureUnion(parts)


# --- training recipes: noisy copies, bagging, a signal-level model ----------------------------

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def _letter_spots(text: str) -> List[int]:
    """Positions of letters inside words of 4+ letters (short words like "no"/"si" are left alone)."""
    spots = []
    for m in re.finditer(r"[^\W\d_]{4,}", text):
        spots.extend(range(m.start() + 1, m.end() - 1))  # first and last letter kept
    return spots


def noisy_copy(text: str, rng: "np.random.Generator") -> Optional[str]:
    """One typo-like variant of ``text`` (a letter dropped, two swapped or doubled, two words joined,
    punctuation dropped), or None when the drawn operation does not apply."""
    op = int(rng.integers(5))
    spots = _letter_spots(text)
    if op == 0 and spots:
        i = spots[int(rng.integers(len(spots)))]
        return text[:i] + text[i + 1:]
    if op == 1 and spots:
        i = spots[int(rng.integers(len(spots)))]
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if op == 2 and spots:
        i = spots[int(rng.integers(len(spots)))]
        return text[:i] + text[i] + text[i:]
    if op == 3:
        gaps = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", text)]
        if gaps:
            i = gaps[int(rng.integers(len(gaps)))]
            return text[:i] + text[i + 1:]
    if op == 4 and _PUNCT.search(text):
        return re.sub(r"\s+", " ", _PUNCT.sub("", text)).strip()
    return None


def augment(pairs: Sequence[Tuple[str, str]], cfg: Dict[str, Any]) -> List[Tuple[str, str]]:
    """``pairs`` plus up to ``aug_copies`` noisy copies of each (all intents, or help intents only),
    seeded by the text's hash: the same example gets the same copies in every fold and sub-model."""
    import hashlib

    out = list(pairs)
    for text, intent in pairs:
        if cfg["augment"] == "help" and signal_for_intent(intent)[0] not in HELP_SIGNALS:
            continue
        seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
        rng = np.random.default_rng(seed)
        copies = set()
        for _ in range(4 * cfg["aug_copies"]):  # a few draws: some operations do not apply
            if len(copies) >= cfg["aug_copies"]:
                break
            variant = noisy_copy(text, rng)
            if variant and variant != text and fold(variant) != fold(text):
                copies.add(variant)
        out.extend((c, intent) for c in sorted(copies))
    return out


class BaggedSVM:
    """``bag`` LinearSVCs on stratified subsamples (every intent kept), margins averaged."""

    def __init__(self, cfg: Dict[str, Any]) -> None:
        self.cfg = cfg
        self.models: List[Any] = []
        self.classes_: Any = None

    def fit(self, x: Any, y: Sequence[str]) -> "BaggedSVM":
        from sklearn.svm import LinearSVC

        y_arr = np.asarray(y)
        for b in range(self.cfg["bag"]):
            rng = np.random.default_rng(self.cfg["random_state"] + b)
            keep = rng.random(len(y_arr)) < self.cfg["bag_frac"]
            for label in np.unique(y_arr):  # an intent left out entirely would change classes_
                idx = np.flatnonzero(y_arr == label)
                if not keep[idx].any():
                    keep[idx[0]] = True
            svm = LinearSVC(C=self.cfg["C"], class_weight=self.cfg["class_weight"],
                            random_state=self.cfg["random_state"]).fit(x[keep], y_arr[keep])
            self.models.append(svm)
        self.classes_ = self.models[0].classes_
        return self

    def decision_function(self, x: Any) -> np.ndarray:
        return np.mean([m.decision_function(x) for m in self.models], axis=0)


def signal_label(intent: str) -> str:
    return signal_for_intent(intent)[0]


@dataclass
class Candidate:
    """A sub-model stand-in: ``rank(texts, temperature)`` like SubModel; its own temperature wins."""

    vectorizer: Any
    svm: Any
    lr: Any
    temperature: float
    signal_svm: Any = None
    signal_mix: float = 0.0

    def probabilities(self, texts: Sequence[str]) -> Tuple[np.ndarray, List[str]]:
        x = self.vectorizer.transform(list(texts))
        parts = []
        if self.svm is not None:
            margins = self.svm.decision_function(x)
            if margins.ndim == 1:
                margins = np.stack([-margins, margins], axis=1)
            parts.append(softmax(margins / self.temperature, axis=1))
            names = list(self.svm.classes_)
        if self.lr is not None:
            parts.append(self.lr.predict_proba(x))
            names = list(self.lr.classes_)
        probs = np.mean(parts, axis=0)
        if self.signal_svm is not None:
            probs = self.mix_signals(x, probs, names)
        return probs, names

    def mix_signals(self, x: Any, probs: np.ndarray, names: List[str]) -> np.ndarray:
        """(1 - w) p(intent) + w p_sig(signal) p(intent | signal): the signal model moves mass between
        signals, the intent model keeps the shape inside a signal."""
        sig_probs = softmax(self.signal_svm.decision_function(x) / self.temperature, axis=1)
        sig_index = {s: k for k, s in enumerate(self.signal_svm.classes_)}
        col = np.array([sig_index[signal_label(n)] for n in names])
        within = np.zeros_like(probs)
        for k in np.unique(col):
            members = col == k
            total = probs[:, members].sum(axis=1, keepdims=True)
            within[:, members] = probs[:, members] / np.maximum(total, 1e-12)
        w = self.signal_mix
        return (1 - w) * probs + w * sig_probs[:, col] * within

    def rank(self, texts: Sequence[str], temperature: float = 0.0) -> List[List[Dict[str, Any]]]:
        from rasa.shared.nlu.constants import INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY

        probs, names = self.probabilities(texts)
        out = []
        for row in probs:
            order = np.argsort(-row, kind="stable")
            out.append([{INTENT_NAME_KEY: names[i], PREDICTED_CONFIDENCE_KEY: float(row[i])} for i in order])
        return out


def train_candidate(pairs: Sequence[Tuple[str, str]], cfg: Dict[str, Any]):
    """Like intent_classifier.train_sub_model (same ordering), with the extra knobs; the
    project's own train_sub_model for the project's config (identical by construction)."""
    from nlu.components.intent_classifier import train_sub_model

    if is_project_default(cfg):
        return train_sub_model(pairs, cfg)
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    if cfg["augment"]:
        pairs = augment(sorted(set(pairs), key=lambda pair: (pair[1], pair[0])), cfg)
    ordered = sorted(set(pairs), key=lambda pair: (pair[1], pair[0]))
    vectorizer = build_vectorizer(cfg)
    x = vectorizer.fit_transform([t for t, _ in ordered])
    y = [i for _, i in ordered]
    svm = lr = signal_svm = None
    if cfg["model"] in ("svm", "ensemble") and cfg["bag"]:
        svm = BaggedSVM(cfg).fit(x, y)
    elif cfg["model"] in ("svm", "ensemble"):
        svm = LinearSVC(C=cfg["C"], class_weight=cfg["class_weight"], random_state=cfg["random_state"]).fit(x, y)
    if cfg["signal_mix"]:
        signal_svm = LinearSVC(C=cfg["C"], class_weight=cfg["class_weight"],
                               random_state=cfg["random_state"]).fit(x, [signal_label(i) for i in y])
    if cfg["model"] in ("lr", "ensemble"):
        # liblinear (one-vs-rest, probabilities normalised): lbfgs multinomial took minutes per fit
        lr = LogisticRegression(C=cfg["lr_C"], class_weight=cfg["class_weight"], solver="liblinear",
                                random_state=cfg["random_state"]).fit(x, y)
    return Candidate(vectorizer, svm, lr, cfg["temperature"], signal_svm, cfg["signal_mix"])


def train_all(pairs: Sequence[Tuple[str, str]], cfg: Dict[str, Any]) -> Dict[str, Any]:
    from nlu.components.intent_classifier import split_by_persona

    return {p: train_candidate(ex, cfg) for p, ex in split_by_persona(pairs).items()}


def rank_pairs(model: Any, texts: Sequence[str], cfg: Dict[str, Any]) -> List[List[Tuple[str, float]]]:
    return [[(r["name"], r["confidence"]) for r in ranking] for ranking in model.rank(texts, cfg["temperature"])]


# --- (a) cross-validation ----------------------------------------------------------------------

def training_examples() -> List[Tuple[str, str, Optional[str]]]:
    """(text, intent, lang) of every training example."""
    from rasa.shared.nlu.constants import INTENT, METADATA, TEXT
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    from core import paths

    out, seen = [], set()
    for path in paths.training_data_paths():
        # a fresh reader per file: one RasaYAMLReader accumulates the examples of every file it read
        for e in RasaYAMLReader().read(path).intent_examples:
            if e.get(TEXT) and (e.get(TEXT), e.get(INTENT)) not in seen:
                seen.add((e.get(TEXT), e.get(INTENT)))
                lang = ((e.get(METADATA) or {}).get("intent") or {}).get("lang")
                out.append((e.get(TEXT), e.get(INTENT), lang))
    return out


class Tally:
    def __init__(self) -> None:
        self.c: Dict[str, List[int]] = defaultdict(lambda: [0, 0])

    def add(self, key: str, hit: bool) -> None:
        self.c[key][0] += int(hit)
        self.c[key][1] += 1

    def rate(self, key: str) -> Optional[float]:
        h, n = self.c[key]
        return h / n if n else None


def score(tally: Tally, gold_intent: str, persona: str, pred_signal: str, pred_urgent: bool, prefix: str) -> None:
    gold_signal, gold_urgent = signal_for_intent(gold_intent)
    if gold_signal in HELP_SIGNALS:
        tally.add(prefix + "help", pred_signal in HELP_SIGNALS)
    if gold_signal == "none":
        tally.add(prefix + "fp", pred_signal in HELP_SIGNALS)
    if gold_urgent:
        tally.add(prefix + "urgent", pred_urgent)
    else:
        tally.add(prefix + "urgent_fa", pred_urgent)
    if gold_signal == "not_safe":
        tally.add(prefix + "not_safe", pred_signal == "not_safe")
    tally.add(prefix + "signal_acc", pred_signal == gold_signal)


def cross_validate(cfg: Dict[str, Any], folds: int, seed: int) -> Tuple[Tally, List[Tally]]:
    from sklearn.model_selection import StratifiedGroupKFold

    from core.safety import decide

    examples = training_examples()
    pairs = [(t, i) for t, i, _ in examples]
    groups = [fold(t) for t, _, _ in examples]
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    tally = Tally()
    per_fold: List[Tally] = []
    personas = sorted({persona_of(i) for _, i in pairs if persona_of(i)})
    for train_idx, test_idx in splitter.split(pairs, [i for _, i in pairs], groups):
        fold_tally = Tally()
        per_fold.append(fold_tally)
        models = train_all([pairs[k] for k in train_idx], cfg)
        held = [examples[k] for k in test_idx]
        shared = [e for e in held if persona_of(e[1]) is None]
        views = [(NO_PERSONA, shared, "plain.")]
        for p in personas:
            views.append((p, shared + [e for e in held if persona_of(e[1]) == p], "persona."))
        for persona, items, prefix in views:
            rankings = rank_pairs(models[persona], [t for t, _, _ in items], cfg)
            for (text, intent, lang), ranking in zip(items, rankings):
                d = decide(ranking, persona, fold(text), None, {})
                score(tally, intent, persona, d.signal, d.urgent, prefix)
                score(tally, intent, persona, d.signal, d.urgent, f"{prefix}{lang}.")
                score(fold_tally, intent, persona, d.signal, d.urgent, prefix)
    return tally, per_fold


# --- (b) dev splits through the real pipeline -------------------------------------------------

BLIND_DIRS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")


def split_persona(stem: str) -> Optional[str]:
    """A blind split's persona: the file stem before the last "_" when that is a persona id, else plain."""
    from core.persona import project_personas

    head = stem.rsplit("_", 1)[0]
    return head if head in project_personas() else None


ONLY: Tuple[str, ...] = ()  # --only: split-name prefixes (b) is limited to, e.g. "blind7"


def dev_splits(blind: bool = False) -> List[Tuple[str, str, Optional[str]]]:
    """(name, file, persona) in the order of scripts/eval-dev.sh; the blind dev splits too with
    ``blind`` (never tests/data/heldout: the split nobody tunes on)."""
    out = [(f"team {Path(f).stem}", f, None) for f in SPLITS_TEAM]
    for f in sorted(Path("tests/data/personas").glob("*.jsonl")):
        out.append((f"team {f.stem}", str(f), f.stem.split("_")[0]))
    for lang in ("en", "es", "pl"):
        out.append((f"fresh {lang}", f"tests/data/fresh/{lang}.jsonl", None))
    for f in sorted(Path("tests/data/fresh").glob("*_*.jsonl")):
        out.append((f"fresh {f.stem}", str(f), f.stem.split("_")[0]))
    if blind:
        for d in BLIND_DIRS:
            for f in sorted(Path("tests/data", d).glob("*.jsonl")):
                out.append((f"{d} {f.stem}", str(f), split_persona(f.stem)))
    assert not any("heldout" in Path(f).parts for _, f, _ in out)
    return [split for split in out if not ONLY or split[0].startswith(ONLY)]


def find_component(classifier: Any) -> Any:
    from nlu.components.intent_classifier import NgramIntentClassifier

    runner = classifier._agent.processor.graph_runner
    for node in runner._instantiated_nodes.values():
        comp = getattr(node, "_component", None)
        if isinstance(comp, NgramIntentClassifier):
            return comp
    raise RuntimeError("no NgramIntentClassifier in the loaded model")


def error_lines(examples: Sequence[Any], preds: Sequence[Any]) -> List[int]:
    """Indices of the brief's error lines: signal wrong, or urgent wrong on a help line."""
    return [k for k, (e, p) in enumerate(zip(examples, preds))
            if e.signal != p.signal or (e.signal in HELP_SIGNALS and bool(e.urgent) != bool(p.urgent))]


def evaluate_dev(classifier: Any, with_benign: bool, blind: bool = False) -> Dict[str, Dict[str, Any]]:
    from bot.cli.classify import read_input
    from bot.cli.evaluate import benign_examples
    from core.persona import persona_by_id
    from nlu.evaluation import compute_report

    results = {}
    for name, path, persona in dev_splits(blind):
        examples = read_input(path, labelled=True)
        preds = [classifier.classify(e.text, persona, e.lang) for e in examples]
        report = compute_report(examples, preds)
        counts = {
            "help": (sum(1 for e, p in zip(examples, preds) if e.signal in HELP_SIGNALS and p.signal in HELP_SIGNALS),
                     sum(1 for e in examples if e.signal in HELP_SIGNALS)),
            "fp": (sum(1 for e, p in zip(examples, preds) if e.signal == "none" and p.signal in HELP_SIGNALS),
                   sum(1 for e in examples if e.signal == "none")),
            "urgent": (sum(1 for e, p in zip(examples, preds) if e.urgent and p.urgent),
                       sum(1 for e in examples if e.urgent)),
            "urgent_fa": (sum(1 for e, p in zip(examples, preds) if not e.urgent and p.urgent),
                          sum(1 for e in examples if not e.urgent)),
            "not_safe": (sum(1 for e, p in zip(examples, preds) if e.signal == "not_safe" and p.signal == "not_safe"),
                         sum(1 for e in examples if e.signal == "not_safe")),
        }
        entry = {k: report[k] for k in ("help_recall", "benign_false_positive_rate", "urgent_recall",
                                        "not_safe_recall", "accuracy")}
        entry["counts"] = counts
        # line indices only (no message text in results): which lines a candidate fixes or breaks
        entry["error_idx"] = error_lines(examples, preds)
        entry["errors_any"] = len(report["errors"])  # popbot eval's errors: signal or urgent differs
        if with_benign and persona is not None and name.startswith("team"):
            benign, _ = benign_examples(persona_by_id(persona))
            seen = [classifier.classify(e.text, persona, e.lang) for e in benign]
            flagged = sum(1 for c in seen if c.signal in HELP_SIGNALS or c.urgent)
            entry["benign_visitors"] = (flagged, len(benign))
        results[name] = entry
    return results


def fmt(v: Optional[float]) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("candidates", nargs="*", help=f"names (default: all): {', '.join(CANDIDATES)}")
    parser.add_argument("--set", action="append", default=[], metavar="NAME:JSON",
                        help='an extra candidate, e.g. \'C0.7:{"C": 0.7}\'')
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-cv", action="store_true", help="skip (a)")
    parser.add_argument("--no-dev", action="store_true", help="skip (b)")
    parser.add_argument("--benign", action="store_true", help="(b): also the personas' benign visitor sets")
    parser.add_argument("--blind", action="store_true",
                        help="(b): also every blind dev split (tests/data/blind … blind7; never heldout)")
    parser.add_argument("--model", type=Path, default=Path("models/popbot.tar.gz"))
    parser.add_argument("--check-base", action="store_true",
                        help="(b) with the trained model's own sub-models first (must match `popbot eval`)")
    parser.add_argument("--out", type=Path, default=Path("results/classifier_sweep.jsonl"),
                        help="results appended here, one JSON line per candidate (default: %(default)s)")
    parser.add_argument("--table", action="store_true", help="print the table of --out and exit")
    parser.add_argument("--rule-table", action="store_true",
                        help="print candidates x misses and the exp-aug decision rule (needs --blind records)")
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help='(b): only the splits whose name starts with PREFIX, e.g. "blind7 " (repeatable)')
    parser.add_argument("--diff", metavar="NAME", help="print the dev splits where NAME and base differ")
    args = parser.parse_args()
    global ONLY
    ONLY = tuple(args.only)
    if args.table:
        print_table(args.out)
        return 0
    if args.rule_table:
        print_rule_table(args.out)
        return 0
    if args.diff:
        print_diff(args.out, args.diff)
        return 0
    extra = {}
    for spec in args.set:
        name, _, js = spec.partition(":")
        extra[name] = json.loads(js)
    names = (args.candidates or list(CANDIDATES) if not extra else args.candidates) + list(extra)
    table = {**CANDIDATES, **extra}
    unknown = [n for n in names if n not in table]
    if unknown:
        parser.error(f"unknown candidate(s) {', '.join(unknown)}")

    classifier = component = None
    if not args.no_dev:
        from nlu.classifier import Classifier

        classifier = Classifier(args.model)
        component = find_component(classifier)
        original = dict(component.models)
        if args.check_base:
            trained = evaluate_dev(classifier, args.benign, args.blind)
            for split, r in trained.items():
                print("trained", split, fmt(r["help_recall"]), fmt(r["benign_false_positive_rate"]),
                      fmt(r["urgent_recall"]), fmt(r["not_safe_recall"]), f"errors={len(r['error_idx'])}",
                      f"any={r['errors_any']}", flush=True)
            print("trained pooled errors", sum(len(r["error_idx"]) for r in trained.values()),
                  "any", sum(r["errors_any"] for r in trained.values()), flush=True)
    pairs = None
    for name in names:
        cfg = full_config(table[name])
        record: Dict[str, Any] = {"name": name, "config": {k: v for k, v in cfg.items()}}
        t0 = time.time()
        if not args.no_cv:
            tally, per_fold = cross_validate(cfg, args.folds, args.seed)
            record["cv"] = {k: v for k, v in tally.c.items()}
            record["cv_folds"] = [{k: v for k, v in t.c.items()} for t in per_fold]
            print(name, "cv", " ".join(f"{k}={fmt(tally.rate(k))}" for k in
                                       ("plain.help", "plain.fp", "plain.urgent", "persona.help", "persona.fp",
                                        "persona.urgent", "persona.not_safe")), flush=True)
        if component is not None:
            if pairs is None:
                from nlu.isolation import training_pairs

                pairs = training_pairs()
            t_train = time.time()
            component.models = train_all(pairs, cfg)
            record["train_seconds"] = round(time.time() - t_train, 1)  # the recipe's cost on all the data
            component.config = {**component.config, "temperature": cfg["temperature"]}
            res = evaluate_dev(classifier, args.benign, args.blind)
            component.models = original
            record["dev"] = res
            for split, r in res.items():
                print(name, split, fmt(r["help_recall"]), fmt(r["benign_false_positive_rate"]),
                      fmt(r["urgent_recall"]), fmt(r["not_safe_recall"]), f"errors={len(r['error_idx'])}",
                      r.get("benign_visitors", ""), flush=True)
            print(name, "pooled errors", sum(len(r["error_idx"]) for r in res.values()), flush=True)
            if args.check_base and name == "base":
                differ = [split for split in res if res[split]["error_idx"] != trained[split]["error_idx"]
                          or res[split]["counts"] != trained[split]["counts"]]
                print("check-base:", "base equals the trained model on every split" if not differ
                      else f"base DIFFERS from the trained model on {', '.join(differ)}", flush=True)
        record["seconds"] = round(time.time() - t0, 1)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
    if classifier is not None:
        classifier.close()
    return 0


# --- the table --------------------------------------------------------------------------------

FIGURES = ("help", "fp", "urgent", "not_safe", "urgent_fa")


def cv_pooled(record: Dict[str, Any]) -> Dict[str, float]:
    """(a) with the plain and the persona views pooled."""
    cv = record.get("cv", {})
    out = {}
    for k in FIGURES:
        h = sum(cv.get(f"{v}.{k}", (0, 0))[0] for v in ("plain", "persona"))
        n = sum(cv.get(f"{v}.{k}", (0, 0))[1] for v in ("plain", "persona"))
        out[k] = h / n if n else float("nan")
    return out


def dev_pooled(record: Dict[str, Any]) -> Dict[str, Tuple[int, int]]:
    """(b) counts summed over every split."""
    out = {}
    for k in FIGURES:
        pairs = [r["counts"].get(k, (0, 0)) for r in record.get("dev", {}).values()]
        out[k] = (sum(p[0] for p in pairs), sum(p[1] for p in pairs))
    return out


def print_table(path: Path) -> None:
    """Candidates x figures (last record of each name), and the brief's decision rule against
    ``base``: help and urgent recall up or equal, benign FP and not_safe not worse, on (a) and (b)
    pooled, and no split's urgent recall lower. uFA: urgent flags on lines not labelled urgent."""
    records: Dict[str, Dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record["name"]] = record
    base = records.get("base")
    print(f"{'candidate':<12} | {'cv help':>7} {'cv FP':>6} {'cv urg':>6} {'cv nsafe':>8} {'cv uFA':>6} | "
          f"{'dev help':>9} {'dev FP':>6} {'dev urg':>7} {'dev nsafe':>9} {'dev uFA':>7} | {'visitors':>8} | "
          "worst split urgent | rule")
    for name, record in records.items():
        cv, dev = cv_pooled(record), dev_pooled(record)
        visitors = {s.split()[1].split("_")[0]: r["benign_visitors"]
                    for s, r in record.get("dev", {}).items() if "benign_visitors" in r}
        seen = f"{sum(v[0] for v in visitors.values())}/{sum(v[1] for v in visitors.values())}" if visitors else ""
        worst, verdict = "", ""
        if base is not None and name != "base" and record.get("dev") and base.get("dev"):
            drops = [(r["urgent_recall"] - base["dev"][s]["urgent_recall"], s) for s, r in record["dev"].items()
                     if r["urgent_recall"] is not None and base["dev"][s]["urgent_recall"] is not None]
            low = min(drops)
            worst = f"{low[0]:+.3f} {low[1]}"
            bcv, bdev = cv_pooled(base), dev_pooled(base)
            ok_cv = (cv["help"] >= bcv["help"] and cv["urgent"] >= bcv["urgent"] and cv["fp"] <= bcv["fp"]
                     and cv["not_safe"] >= bcv["not_safe"])
            ok_dev = (dev["help"][0] >= bdev["help"][0] and dev["urgent"][0] >= bdev["urgent"][0]
                      and dev["fp"][0] <= bdev["fp"][0] and dev["not_safe"][0] >= bdev["not_safe"][0])
            verdict = "passes" if ok_cv and ok_dev and low[0] >= 0 else " ".join(
                [w for w, ok in (("(a) ok", ok_cv), ("(b) ok", ok_dev)) if ok]) or "-"
        frac = lambda hn: f"{hn[0]}/{hn[1]}"  # noqa: E731
        print(f"{name:<12} | {cv['help']:.4f} {cv['fp']:.4f} {cv['urgent']:.4f} {cv['not_safe']:.4f}   "
              f"{cv['urgent_fa']:.4f} | {frac(dev['help']):>9} {frac(dev['fp']):>6} {frac(dev['urgent']):>7} "
              f"{frac(dev['not_safe']):>9} {frac(dev['urgent_fa']):>7} | {seen:>8} | {worst:<18} | {verdict}")


def load_records(path: Path) -> Dict[str, Dict[str, Any]]:
    """The last record of each candidate name in ``path``."""
    records: Dict[str, Dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record["name"]] = record
    return records


def cv_misses(tally: Dict[str, List[int]]) -> Dict[str, int]:
    """Misses (help, urgent, not_safe) and false alarms (fp) of one CV tally, plain and persona pooled."""
    out = {}
    for k in ("help", "fp", "urgent", "not_safe"):
        h = sum(tally.get(f"{v}.{k}", (0, 0))[0] for v in ("plain", "persona"))
        n = sum(tally.get(f"{v}.{k}", (0, 0))[1] for v in ("plain", "persona"))
        out[k] = h if k == "fp" else n - h
    return out


def cv_worse(record: Dict[str, Any], base: Dict[str, Any]) -> List[str]:
    """Figures where (a) is worse than base beyond fold noise: the pooled rise in misses (or false
    alarms) exceeds twice its standard error from the paired per-fold differences (same folds)."""
    worse: List[str] = []
    if not record.get("cv_folds") or not base.get("cv_folds"):
        return worse
    for k in ("help", "fp", "urgent", "not_safe"):
        diffs = np.array([cv_misses(c)[k] - cv_misses(b)[k] for c, b in zip(record["cv_folds"], base["cv_folds"])])
        se = float(np.sqrt(len(diffs)) * diffs.std(ddof=1)) if len(diffs) > 1 else 0.0
        if diffs.sum() > 0 and diffs.sum() > 2 * se:
            worse.append(f"{k}+{int(diffs.sum())}")
    return worse


def dev_errors(record: Dict[str, Any]) -> int:
    return sum(len(r["error_idx"]) for r in record["dev"].values())


def print_rule_table(path: Path) -> None:
    """Candidates x (cv misses; dev pooled error lines, help misses, FP, urgent misses, not_safe
    misses) and the exp-aug decision rule against ``base``: pooled dev error lines down by 10 or more,
    no split's help, urgent or not_safe recall down by more than one line, benign FP not up in total,
    (a) not worse beyond fold noise."""
    records = load_records(path)
    base = records["base"]
    print("| candidate | train s | cv help miss | cv FP | cv urgent miss | cv not_safe miss | dev errors | "
          "dev help miss | dev FP | dev urgent miss | dev not_safe miss | rule |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, record in records.items():
        cv = cv_misses(record["cv"]) if record.get("cv") else {k: "-" for k in ("help", "fp", "urgent", "not_safe")}
        dev = dev_pooled(record)
        miss = {k: dev[k][1] - dev[k][0] for k in ("help", "urgent", "not_safe")}
        verdict = ""
        if name != "base":
            reasons = []
            gain = dev_errors(base) - dev_errors(record)
            if gain < 10:
                reasons.append(f"errors {-gain:+d} (needs -10)")
            for split, r in record["dev"].items():
                for k in ("help", "urgent", "not_safe"):
                    drop = base["dev"][split]["counts"][k][0] - r["counts"][k][0]
                    if drop > 1:
                        reasons.append(f"{split} {k} -{drop}")
            if dev["fp"][0] > dev_pooled(base)["fp"][0]:
                reasons.append(f"FP +{dev['fp'][0] - dev_pooled(base)['fp'][0]}")
            reasons += [f"cv {w}" for w in cv_worse(record, base)]
            verdict = "ADOPT" if not reasons else "no: " + "; ".join(reasons)
        print(f"| {name} | {record.get('train_seconds', '')} | {cv['help']} | {cv['fp']} | {cv['urgent']} | "
              f"{cv['not_safe']} | {dev_errors(record)} | {miss['help']} | {dev['fp'][0]} | {miss['urgent']} | "
              f"{miss['not_safe']} | {verdict} |")


def print_diff(path: Path, name: str) -> None:
    """Per split where ``name`` and base differ: error lines, lines fixed and lines broken (by index),
    and the help / FP / urgent / not_safe counts."""
    records = load_records(path)
    base, record = records["base"], records[name]
    print(f"| split | errors base -> {name} | fixed | broken | help | FP | urgent | not_safe |")
    print("|---|---|---|---|---|---|---|---|")
    for split, r in record["dev"].items():
        b = base["dev"][split]
        fixed = sorted(set(b["error_idx"]) - set(r["error_idx"]))
        broken = sorted(set(r["error_idx"]) - set(b["error_idx"]))
        if not fixed and not broken:
            continue
        cells = [f"{b['counts'][k][0]}->{r['counts'][k][0]}/{r['counts'][k][1]}"
                 for k in ("help", "fp", "urgent", "not_safe")]
        print(f"| {split} | {len(b['error_idx'])} -> {len(r['error_idx'])} | {len(fixed)} | {len(broken)} | "
              + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
