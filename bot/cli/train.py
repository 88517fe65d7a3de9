"""``popbot train``: train the Rasa model if the training data changed (fingerprint cache)."""
from __future__ import annotations

import argparse

from bot import project
from bot.rasa_env import prepare
from bot.settings import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "train",
        help="train the model if personas, training data or config changed",
        description="Assemble the domain (shared + languages + generated personas) and train "
        "the Rasa model into models/popbot.tar.gz. Skips training when nothing changed.",
    )
    parser.add_argument("--force", action="store_true", help="retrain even if nothing changed")
    parser.set_defaults(func=run)


def train_model(force: bool = False) -> str:
    """Train (or reuse) the model; return its path."""
    prepare()
    import rasa.api

    settings = load_settings()
    domain_dir = project.assemble_domain(settings.var_dir / "build")
    model_path = settings.model_dir / f"{project.MODEL_NAME}.tar.gz"
    common = dict(
        domain=str(domain_dir),
        config=str(project.CONFIG),
        training_files=[str(p) for p in project.training_data_paths()],
        output=str(settings.model_dir),
        fixed_model_name=project.MODEL_NAME,
    )
    if not force and model_path.exists():
        check = rasa.api.train(**common, dry_run=True)
        if check.code == 0:
            print(f"model is up to date: {model_path}")
            return str(model_path)
    result = rasa.api.train(**common, force_training=force)
    if result.code != 0 or not result.model:
        raise SystemExit(f"training failed (code {result.code})")
    return result.model


def run(args: argparse.Namespace) -> int:
    train_model(force=args.force)
    return 0
