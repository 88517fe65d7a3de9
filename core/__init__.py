"""popbot's leaf core: settings, logging, paths, signals, text normalisation, persona schema.

Every other package (``nlu``, ``referrals``, ``actions``, ``bot``) may import ``core``; ``core``
imports none of them (checked by import-linter, see ``pyproject.toml``).
"""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
