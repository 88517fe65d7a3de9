"""``popbot train``: train the Rasa model if the training data changed (fingerprint cache)."""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from bot.persona.build import assemble_domain
from core import PROJECT_ROOT, paths
from core.rasa_compat import prepare_environment
from core.settings import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "train",
        help="train the model if personas, training data or config changed",
        description="Assemble the domain (shared + languages + generated personas) and train "
        "the Rasa model into models/popbot.tar.gz. Skips training when nothing changed.",
    )
    parser.add_argument("--force", action="store_true", help="retrain even if nothing changed")
    parser.set_defaults(func=run)


def inputs_digest() -> str:
    """A hash of everything the model is built from: config, every domain part, the training
    data and the code the NLU pipeline runs (``nlu/`` and ``core/``). Responses count too (Rasa's own
    fingerprint would let a changed reply slip through without a new model)."""
    digest = hashlib.sha256()
    files = [
        paths.CONFIG,
        *paths.domain_parts(),
        *paths.training_data_paths(),
        *paths.model_code_paths(),
    ]
    for path in files:
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def train_model(force: bool = False) -> str:
    """Train the model unless it was built from exactly the current inputs; return its path.

    Training itself goes through Rasa's cache (``.rasa/cache``), so a changed reply only
    repackages the model and a changed example retrains only what depends on it.
    """
    settings = load_settings()
    model_path = settings.model_dir / f"{paths.MODEL_NAME}.tar.gz"
    stamp = settings.model_dir / f".{paths.MODEL_NAME}.inputs"
    digest = inputs_digest()
    if not force and model_path.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        print(f"model is up to date: {model_path}")
        return str(model_path)
    prepare_environment()
    import rasa.api

    domain = assemble_domain(settings.var_dir / "build")
    result = rasa.api.train(
        domain=str(domain),
        config=str(paths.CONFIG),
        training_files=[str(p) for p in paths.training_data_paths()],
        output=str(settings.model_dir),
        fixed_model_name=paths.MODEL_NAME,
        force_training=force,
    )
    if result.code != 0 or not result.model:
        raise SystemExit(f"training failed (code {result.code})")
    Path(stamp).write_text(digest + "\n")
    return result.model


def run(args: argparse.Namespace) -> int:
    train_model(force=args.force)
    return 0
