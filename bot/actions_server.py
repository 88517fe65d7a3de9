"""Start the rasa_sdk action server on loopback only (never reachable from outside)."""
from __future__ import annotations

import os
import sys

from bot.rasa_env import prepare
from bot.settings import load_settings


def main() -> int:
    prepare()
    settings = load_settings()
    os.environ["SANIC_HOST"] = settings.host
    from bot.logs import configure

    configure()
    from rasa_sdk import endpoint

    endpoint.run("actions", port=settings.actions_port, cors_origins=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
