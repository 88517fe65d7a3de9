"""Where the Rasa project's parts live, and how they are put together for training.

The root ``domain.yml`` is the shared part; replies per language (``nlu/safety/domain_*.yml``)
and generated persona domains (``nlu/generated/domain_*.yml``) are merged with it into
``var/build/domain.yml``, because Rasa takes one domain path.
"""
from __future__ import annotations

from pathlib import Path

from bot import PROJECT_ROOT

CONFIG = PROJECT_ROOT / "config.yml"
DOMAIN = PROJECT_ROOT / "domain.yml"
ENDPOINTS = PROJECT_ROOT / "endpoints.yml"
CREDENTIALS = PROJECT_ROOT / "credentials.yml"
PERSONAS_DIR = PROJECT_ROOT / "personas"
NLU_DIR = PROJECT_ROOT / "nlu"
SAFETY_DATA = NLU_DIR / "safety"
GENERATED_DATA = NLU_DIR / "generated"
DIALOGUE_DATA = NLU_DIR / "dialogue"
MODEL_NAME = "popbot"


def domain_parts() -> list[Path]:
    """Every domain file, shared part first, in a stable order."""
    return [
        DOMAIN,
        *sorted(SAFETY_DATA.glob("domain_*.yml")),
        *sorted(GENERATED_DATA.glob("domain_*.yml")),
    ]


def training_data_paths() -> list[Path]:
    """Every NLU/rules file the model is trained on (never the test splits)."""
    files = [
        *sorted(p for p in SAFETY_DATA.glob("*.yml") if not p.name.startswith("domain_") and p.name != "cues.yml"),
        *sorted(p for p in GENERATED_DATA.glob("*.yml") if not p.name.startswith("domain_")),
        *sorted(DIALOGUE_DATA.glob("*.yml")),
    ]
    return files


def assemble_domain(build_dir: Path) -> Path:
    """Merge every domain part into ``build_dir/domain.yml`` and return its path.

    Rasa's own multi-file merge keeps one file's variations per response name, which would drop
    languages and personas; ``merge_domain_files`` concatenates the variations instead.
    """
    from bot.persona.build import merge_domain_files, write_domain

    build_dir.mkdir(parents=True, exist_ok=True)
    target = build_dir / "domain.yml"
    write_domain(merge_domain_files(domain_parts()), target)
    return target


def latest_model(model_dir: Path) -> Path | None:
    """The newest trained model archive in ``model_dir``, if any."""
    models = sorted(model_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None
