"""Evaluation of signal classification: the figures the issues ask for, a JSON report and a
confusion-matrix picture."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from core.signals import HELP_SIGNALS, SIGNALS
from core.yamlcheck.record import Cell, Record, Wrong, check_record


class InputError(ValueError):
    """A labelled input line is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Example:
    text: str
    lang: Optional[str]
    signal: Optional[str] = None
    urgent: Optional[bool] = None


class Given(Cell):
    """Any JSON value, kept as it is (None when missing)."""

    @classmethod
    def parse(cls, value: Any) -> Any:
        return value


class NonEmptyText(Cell):
    @classmethod
    def parse(cls, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Wrong("must be a non-empty string")
        return value


class OptionalText(Cell):
    @classmethod
    def parse(cls, value: Any) -> Optional[str]:
        if value is not None and not isinstance(value, str):
            raise Wrong("must be a string")
        return value


class Signal(Cell):
    @classmethod
    def parse(cls, value: Any) -> str:
        if value not in SIGNALS:
            raise Wrong(f"must be one of {', '.join(SIGNALS)}, not {value!r}")
        return str(value)


class Flag(Cell):
    @classmethod
    def parse(cls, value: Any) -> bool:
        if not isinstance(value, bool):
            raise Wrong("must be true or false")
        return value


class ExampleLine(Record):
    """One line of an input to ``popbot classify``: the text and, optionally, its language."""

    empty = None
    text: NonEmptyText
    lang: OptionalText
    signal: Given
    urgent: Given


class LabelledLine(ExampleLine):
    """One line of a labelled split (``popbot eval``): also its signal and urgent flag."""

    signal: Signal
    urgent: Flag


def read_examples(lines: Iterable[str], source: str, labelled: bool) -> list[Example]:
    """Parse JSON lines; raise InputError naming ``source:line`` for the first bad one."""
    model = LabelledLine if labelled else ExampleLine
    examples = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object")
        line, found = check_record(model, obj)
        if found:
            name, message = found[0]
            raise InputError(f"{where}: field {name!r} {message}")
        examples.append(Example(text=line.text, lang=line.lang, signal=line.signal, urgent=line.urgent))
    return examples


def _ratio(num: int, den: int) -> Optional[float]:
    return round(num / den, 4) if den else None


def compute_report(examples: Sequence[Example], predictions: Sequence[Any]) -> dict[str, Any]:
    """Metrics over gold ``examples`` and predictions (objects with .signal and .urgent)."""
    gold = [e.signal for e in examples]
    pred = [p.signal for p in predictions]
    help_idx = [i for i, g in enumerate(gold) if g in HELP_SIGNALS]
    benign_idx = [i for i, g in enumerate(gold) if g == "none"]
    urgent_idx = [i for i, e in enumerate(examples) if e.urgent]
    not_safe_idx = [i for i, g in enumerate(gold) if g == "not_safe"]
    labels = [s for s in SIGNALS if s in set(gold) | set(pred)]
    per_signal = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_signal[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    matrix = [[sum(1 for g, p in zip(gold, pred) if g == a and p == b) for b in labels] for a in labels]
    errors = [
        {"text": e.text, "gold": e.signal, "predicted": p.signal, "urgent_gold": e.urgent, "urgent_predicted": p.urgent}
        for e, p in zip(examples, predictions)
        if e.signal != p.signal or bool(e.urgent) != bool(p.urgent)
    ]
    return {
        "examples": len(examples),
        "help_recall": _ratio(sum(1 for i in help_idx if pred[i] in HELP_SIGNALS), len(help_idx)),
        "benign_false_positive_rate": _ratio(sum(1 for i in benign_idx if pred[i] in HELP_SIGNALS), len(benign_idx)),
        "urgent_recall": _ratio(sum(1 for i in urgent_idx if predictions[i].urgent), len(urgent_idx)),
        "not_safe_recall": _ratio(sum(1 for i in not_safe_idx if pred[i] == "not_safe"), len(not_safe_idx)),
        "accuracy": _ratio(sum(1 for g, p in zip(gold, pred) if g == p), len(gold)),
        "per_signal": per_signal,
        "confusion": {"labels": labels, "matrix": matrix},
        "errors": errors,
    }


def format_report(report: dict[str, Any]) -> str:
    """Human-readable summary of a report."""
    def fmt(value: Optional[float]) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines = [
        f"examples                    {report['examples']}",
        f"help recall                 {fmt(report['help_recall'])}",
        f"benign false-positive rate  {fmt(report['benign_false_positive_rate'])}",
        f"urgent recall               {fmt(report['urgent_recall'])}",
        f"not_safe recall             {fmt(report['not_safe_recall'])}",
        f"accuracy                    {fmt(report['accuracy'])}",
        "",
        f"{'signal':<22}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}",
    ]
    for label, m in report["per_signal"].items():
        lines.append(f"{label:<22}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}{m['support']:>9}")
    return "\n".join(lines)


def plot_confusion(report: dict[str, Any], path: Path, title: str) -> None:
    """Save the confusion matrix as a PNG (rows: true signal, columns: predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = report["confusion"]["labels"]
    matrix = report["confusion"]["matrix"]
    size = max(5.0, 0.6 * len(labels) + 2)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    totals = [sum(row) or 1 for row in matrix]
    shares = [[v / t for v in row] for row, t in zip(matrix, totals)]
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted signal")
    ax.set_ylabel("true signal")
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center",
                        color="white" if shares[i][j] > 0.5 else "black", fontsize=8)
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="share of the true signal")
    ax.set_title(title)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
