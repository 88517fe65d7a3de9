"""Where the project's parts live: the Rasa project, training data, personas, models.

The root ``domain.yml`` is the shared part; replies per language (``nlu/safety/domain_*.yml``)
and generated persona domains (``nlu/generated/domain_*.yml``) are merged with it into
``var/build/domain.yml`` by :func:`bot.persona.build.assemble_domain`, because Rasa takes one
domain path.
"""
from __future__ import annotations

from pathlib import Path

from core import PROJECT_ROOT

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


def model_code_paths() -> list[Path]:
    """The code a trained model runs: ``nlu/`` and the core modules its components use.
    A change in any of them retrains (``popbot train`` hashes them with the data)."""
    core = PROJECT_ROOT / "core"
    return [
        *sorted(NLU_DIR.rglob("*.py")),
        core / "text.py",
        core / "signals.py",
        *sorted((core / "persona").glob("*.py")),
    ]
