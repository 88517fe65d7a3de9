"""Process environment for everything that imports Rasa: quiet, offline, no telemetry."""
from __future__ import annotations

import os

from bot import PROJECT_ROOT

_DEFAULTS = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "RASA_CACHE_DIRECTORY": str(PROJECT_ROOT / ".rasa" / "cache"),
    "LOG_LEVEL_LIBRARIES": "ERROR",
    "PYTHONHASHSEED": "0",
}


def prepare() -> None:
    """Set the defaults above unless the caller set them; call before importing Rasa."""
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
