"""popbot runtime: settings, CLI, channels, storage and crypto, persona builder."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
