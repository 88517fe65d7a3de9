"""Start the rasa_sdk action server on loopback only (never reachable from outside)."""
from __future__ import annotations

import os
import sys

from core.rasa_compat import prepare_environment
from core.settings import load_settings


def main() -> int:
    prepare_environment()
    settings = load_settings()
    os.environ["SANIC_HOST"] = settings.host
    from core.logs import configure

    configure()
    from rasa_sdk import endpoint

    endpoint.run("actions", port=settings.actions_port, cors_origins=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
