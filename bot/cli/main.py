"""Entry point of the ``popbot`` command.

Each command lives in its own module under ``bot.cli`` and exposes
``register(subparsers) -> None``, which adds its parser and sets ``func`` (a callable taking the
parsed ``argparse.Namespace`` and returning an exit code). Heavy imports (Rasa, TensorFlow) stay
inside the command functions so ``popbot --help`` is instant.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

#: Command modules, in the order ``popbot --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "bot.cli.run",
    "bot.cli.train",
    "bot.cli.chat",
    "bot.cli.classify",
    "bot.cli.evaluate",
    "bot.cli.persona",
    "bot.cli.referrals",
    "bot.cli.keys",
    "bot.cli.retention",
    "bot.cli.erase",
    "bot.cli.audit",
    "bot.cli.counselors",
    "bot.cli.handoff",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="popbot",
        description="popbot: discreet help-request chatbots behind a disguise persona.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from core.rasa_compat import prepare_environment

    prepare_environment()  # before any command imports Rasa/TensorFlow: quiet, reproducible
    parser = build_parser()
    args = parser.parse_args(argv)
    from core.logs import configure
    from core.settings import ConfigError

    try:
        configure(patch_rasa_now=False)
    except ConfigError as exc:
        print(f"popbot: {exc}", file=sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
