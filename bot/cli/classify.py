"""``popbot classify``: JSON lines in, one classification per line out."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from core import paths
from core.settings import load_settings

if TYPE_CHECKING:
    from nlu.evaluation import Example


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "classify",
        help="classify JSON lines ({\"text\": ...}) into signals",
        description="Read JSON lines with a 'text' field (optional 'lang') from FILE or standard "
        "input and write one JSON line per input: text, signal, urgent, confidence, lang, intent, "
        "entities. Without --persona only the safety layer and 'none' apply.",
    )
    add_common_arguments(parser)
    parser.add_argument("file", nargs="?", default="-", help="input file, or - for standard input")
    parser.set_defaults(func=run)


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--persona", help="interpret the texts in this persona's context")
    parser.add_argument("--model", type=Path, help="model archive (default: models/popbot.tar.gz)")


def model_path(args: argparse.Namespace) -> Path:
    return args.model or load_settings().model_dir / f"{paths.MODEL_NAME}.tar.gz"


def read_input(name: str, labelled: bool) -> "list[Example]":
    """The examples of FILE (or stdin for ``-``); raises InputError/OSError naming the line."""
    from nlu.evaluation import read_examples

    source = "<stdin>" if name == "-" else name
    stream: TextIO = sys.stdin if name == "-" else open(name, encoding="utf-8")
    with stream:
        return read_examples(stream, source, labelled=labelled)


def run(args: argparse.Namespace) -> int:
    from nlu.classifier import Classifier
    from nlu.evaluation import InputError

    try:
        examples = read_input(args.file, labelled=False)
    except (InputError, OSError) as exc:
        print(f"popbot classify: {exc}", file=sys.stderr)
        return 2
    with Classifier(model_path(args)) as classifier:
        for example in examples:
            result = classifier.classify(example.text, args.persona, example.lang)
            sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0
