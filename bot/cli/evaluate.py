"""``popbot eval``: figures, per-signal scores, a JSON report and a confusion-matrix PNG."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.classify import add_common_arguments, model_path, read_input

if TYPE_CHECKING:
    from core.persona import Persona
    from nlu.evaluation import Example


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval",
        help="evaluate the classifier on labelled JSON lines",
        description="Read JSON lines with 'text', 'signal', 'urgent' (and optional 'lang'), "
        "classify them and print help recall, benign false-positive rate, urgent recall, "
        "not_safe recall and per-signal precision/recall/F1. Writes a JSON report and a "
        "confusion-matrix PNG. Exits 2 on malformed input, naming the line. With --persona ID "
        "(FILE optional): the persona's kind's benign visitor set (personas/benign/) is always "
        "classified too and reported apart (without FILE the figures are the set's), and the "
        "cross-persona interference check is printed; an unknown ID exits 2.",
    )
    add_common_arguments(parser)
    parser.add_argument("file", nargs="?", help="labelled JSON lines, or - for standard input")
    parser.add_argument("--conversations", type=Path, metavar="DIR",
                        help="instead: run the scripted conversations (YAML) under DIR with the real actions "
                             "and print the pass rate per path, language and persona; exits 1 if one fails")
    parser.add_argument("--out", type=Path, default=Path("results"), help="report directory (default: results/)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.conversations is not None:
        return run_conversations(args)
    if args.file is None and args.persona is None:
        print("popbot eval: give a FILE of labelled JSON lines, --persona ID, or --conversations DIR", file=sys.stderr)
        return 2
    from tqdm import tqdm

    from nlu.classifier import Classifier
    from nlu.evaluation import InputError, compute_report, format_report, plot_confusion

    source = "<none>" if args.file is None else "<stdin>" if args.file == "-" else args.file
    persona = None
    if args.persona is not None:
        from core.persona import persona_by_id, project_personas

        persona = persona_by_id(args.persona)
        if persona is None:
            known = ", ".join(sorted(project_personas())) or "none"
            print(f"popbot eval: unknown persona {args.persona!r} (personas/*.yml has: {known})", file=sys.stderr)
            return 2
    try:
        examples = [] if args.file is None else read_input(args.file, labelled=True)
    except (InputError, OSError) as exc:
        print(f"popbot eval: {exc}", file=sys.stderr)
        return 2
    benign, missing = benign_examples(persona) if persona is not None else ([], [])
    if not examples and not benign:
        print(f"popbot eval: {source} has no examples", file=sys.stderr)
        return 2
    everything = examples + benign
    with Classifier(model_path(args)) as classifier:
        predictions = [
            classifier.classify(e.text, args.persona, e.lang)
            for e in tqdm(everything, desc="classifying", unit="line", file=sys.stderr, disable=None)
        ]
    # The figures are the FILE's (the benign set alone without one); the benign set is reported apart.
    counted = len(examples) or len(everything)
    report = compute_report(everything[:counted], predictions[:counted])
    report["persona"] = args.persona
    report["source"] = source if examples else f"benign visitor set of {persona.kind if persona else '?'}"
    if persona is not None:
        report["benign_visitors"] = benign_report(benign, predictions[len(examples):], missing)
        try:
            report["interference"] = interference_report(model_path(args), persona.id, [e.text for e in everything])
        except ValueError as exc:
            print(f"popbot eval: {exc}", file=sys.stderr)
            return 2
    stem = (args.persona or "safety") + ("" if args.file in (None, "-") else "_" + Path(args.file).stem)
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / f"eval_{stem}.json"
    png_path = args.out / f"confusion_{stem}.png"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    plot_confusion(report, png_path, f"popbot eval — {args.persona or 'safety layer'} — {Path(source).name}")
    print(format_report(report))
    if persona is not None:
        print(format_persona_checks(report))
    print(f"\nreport: {json_path}\nconfusion matrix: {png_path}")
    return 0


def benign_examples(persona: "Persona") -> "tuple[list[Example], list[str]]":
    """The persona kind's benign visitor lines in each of its languages (signal none), and the
    names of the sets that do not exist."""
    from bot.persona.benign import benign_lines, benign_path
    from nlu.evaluation import Example

    examples, missing = [], []
    for lang in persona.languages:
        lines = benign_lines(persona.kind, lang)
        if lines is None:
            missing.append(benign_path(persona.kind, lang).name)
            continue
        examples += [Example(text=line, lang=lang, signal="none", urgent=False) for line in lines]
    return examples, missing


def benign_report(examples: "list[Example]", predictions: list, missing: list[str]) -> dict:
    """How the benign visitor lines fared: how many were taken for a help request or urgent."""
    from core.signals import HELP_SIGNALS

    flagged = [
        {"text": e.text, "lang": e.lang, "predicted": p.signal, "urgent": p.urgent}
        for e, p in zip(examples, predictions) if p.signal in HELP_SIGNALS or p.urgent
    ]
    return {
        "lines": len(examples),
        "flagged": len(flagged),
        "false_positive_rate": round(len(flagged) / len(examples), 4) if examples else None,
        "flagged_lines": flagged,
        "missing_sets": missing,
    }


def interference_report(model: Path, persona: str, texts: list[str]) -> dict:
    """Predictions of ``texts`` by the model vs by a sub-model trained without the other personas."""
    from nlu.isolation import check

    found = check(model, persona, texts)
    return {
        "texts": found.texts,
        "changed_labels": found.changed_labels,
        "max_confidence_change": found.max_confidence_change,
        "other_personas": list(found.other_personas),
    }


def format_persona_checks(report: dict) -> str:
    """The benign-visitor and interference lines printed under the figures."""
    benign = report["benign_visitors"]
    lines = [""]
    if benign["lines"]:
        lines.append(f"benign visitors             {benign['flagged']} of {benign['lines']} lines flagged "
                     f"as a help request or urgent ({benign['false_positive_rate']:.3f})")
        lines += [f"  flagged: {f['text']!r} -> {f['predicted']}{' (urgent)' if f['urgent'] else ''}"
                  for f in benign["flagged_lines"][:10]]
    for name in benign["missing_sets"]:
        lines.append(f"benign visitors             no set personas/benign/{name}: ordinary visitors not measured")
    found = report["interference"]
    others = ", ".join(found["other_personas"]) or "none"
    verdict = "isolated" if found["changed_labels"] == 0 and found["max_confidence_change"] <= 1e-6 else "CHANGED"
    lines.append(f"cross-persona interference  {found['changed_labels']} of {found['texts']} predictions changed, "
                 f"max confidence change {found['max_confidence_change']:.2e}, trained with vs without "
                 f"the other personas ({others}): {verdict}")
    return "\n".join(lines)


def run_conversations(args: argparse.Namespace) -> int:
    """``popbot eval --conversations DIR``: every scripted conversation, once, on a fresh store."""
    import asyncio
    import tempfile

    from bot.conversations import ConversationError, conversation_agent, format_report, load_dir, run_conversation
    from core.persona import project_personas
    from core.rasa_compat import prepare_environment

    try:
        conversations = load_dir(args.conversations, project_personas())
    except (ConversationError, OSError) as exc:
        print(f"popbot eval: {exc}", file=sys.stderr)
        return 2
    prepare_environment()
    with tempfile.TemporaryDirectory(prefix="popbot-conversations-") as tmp:
        agent = conversation_agent(model_path(args), f"sqlite:///{Path(tmp) / 'trackers.db'}")

        async def run_all() -> list:
            return [await run_conversation(agent, c) for c in conversations]

        results = asyncio.run(run_all())
    print(format_report(results))
    return 0 if all(r.passed for r in results if not r.conversation.xfail) else 1
