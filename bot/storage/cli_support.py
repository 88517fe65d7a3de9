"""Shared helper of the storage commands (`popbot keys|retention|erase|audit`)."""
from __future__ import annotations

import sys
from typing import Callable

from core.settings import ConfigError


def run_storage_command(body: Callable[[], int]) -> int:
    """Run ``body`` with logging configured; a configuration/storage error → message, exit 2."""
    from core.logs import configure
    from bot.storage.errors import StorageError

    configure()
    try:
        return body()
    except (ConfigError, StorageError, ValueError) as exc:
        print(f"popbot: {exc}", file=sys.stderr)
        return 2
