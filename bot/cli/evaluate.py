"""``popbot eval``: figures, per-signal scores, a JSON report and a confusion-matrix PNG."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli.classify import add_common_arguments, model_path, read_input


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval",
        help="evaluate the classifier on labelled JSON lines",
        description="Read JSON lines with 'text', 'signal', 'urgent' (and optional 'lang'), "
        "classify them and print help recall, benign false-positive rate, urgent recall, "
        "not_safe recall and per-signal precision/recall/F1. Writes a JSON report and a "
        "confusion-matrix PNG. Exits 2 on malformed input, naming the line.",
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
    if args.file is None:
        print("popbot eval: give a FILE of labelled JSON lines, or --conversations DIR", file=sys.stderr)
        return 2
    from tqdm import tqdm

    from nlu.classifier import Classifier
    from nlu.evaluation import InputError, compute_report, format_report, plot_confusion

    source = "<stdin>" if args.file == "-" else args.file
    try:
        examples = read_input(args.file, labelled=True)
    except (InputError, OSError) as exc:
        print(f"popbot eval: {exc}", file=sys.stderr)
        return 2
    if not examples:
        print(f"popbot eval: {source} has no examples", file=sys.stderr)
        return 2
    with Classifier(model_path(args)) as classifier:
        predictions = [
            classifier.classify(e.text, args.persona, e.lang)
            for e in tqdm(examples, desc="classifying", unit="line", file=sys.stderr, disable=None)
        ]
    report = compute_report(examples, predictions)
    report["persona"] = args.persona
    report["source"] = source
    stem = (args.persona or "safety") + ("" if args.file == "-" else "_" + Path(args.file).stem)
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / f"eval_{stem}.json"
    png_path = args.out / f"confusion_{stem}.png"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    plot_confusion(report, png_path, f"popbot eval — {args.persona or 'safety layer'} — {Path(source).name}")
    print(format_report(report))
    print(f"\nreport: {json_path}\nconfusion matrix: {png_path}")
    return 0


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
