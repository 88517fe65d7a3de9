"""Start the rasa_sdk action server on loopback only, answering only requests signed with the
shared secret (``bot.actions_auth``; generated in embedded mode, required in production)."""
from __future__ import annotations

import os
import sys

from core.rasa_compat import prepare_environment
from core.settings import ConfigError, load_settings


def main() -> int:
    prepare_environment()
    try:
        settings = load_settings()
        secret = settings.required_secret("actions_secret")
    except ConfigError as exc:
        print(f"popbot: refusing to start the action server: {exc}", file=sys.stderr)
        return 2
    os.environ["SANIC_HOST"] = settings.host
    from core.logs import configure

    configure()
    from rasa_sdk import endpoint

    from bot.actions_auth import protect

    app = endpoint.create_app("actions", cors_origins=None)
    protect(app, secret)
    app.run(settings.host, settings.actions_port, workers=1, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
