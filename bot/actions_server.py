"""Start the rasa_sdk action server on loopback only, answering only requests signed with the
shared secret (``bot.actions_auth``; generated in embedded mode, required in production)."""
from __future__ import annotations

import os
import sys

from core.rasa_compat import prepare_environment
from core.settings import ConfigError, load_settings


def warm_up() -> None:
    """Build before serving what the first referral would otherwise build while a child waits:
    the gazetteer (6.4 s of CPU at load 8.6), the persona files (1.8 s) and the referral
    directory (its migrations and seed check). The directory needs the database: if it cannot be
    reached now, the first referral opens it as before."""
    import logging

    from core.persona import project_personas
    from referrals import geo, routing

    project_personas()
    geo.gazetteer()
    try:
        routing.default_store()
    except Exception as exc:  # the database may come up after this process; never a reason not to serve
        from core.logs import exception_summary

        logging.getLogger(__name__).warning("referral directory not opened at start (%s); opened on first use",
                                            exception_summary(exc))


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
    warm_up()
    app.run(settings.host, settings.actions_port, workers=1, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
