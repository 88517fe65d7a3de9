"""Start the Rasa server the popbot way: logging that never carries content, the encrypted
tracker store enforced, the HTTP API only with a token, and the action server called only after
it proved it holds the shared secret (docs/design.md, invariants 1, 4, 9)."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from core import paths
from core.rasa_compat import prepare_environment
from core.settings import ConfigError, load_settings


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot.server", description=__doc__)
    parser.add_argument("--model", help="model archive (default: models/popbot.tar.gz)")
    parser.add_argument("--endpoints", default=str(paths.ENDPOINTS))
    parser.add_argument("--credentials", default=str(paths.CREDENTIALS))
    parser.add_argument("--port", type=int, help="default: POPBOT_RASA_PORT or 5005")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    prepare_environment()
    args = parse_args(argv)
    try:
        settings = load_settings()
        token = settings.required_secret("rasa_token")
        actions_secret = settings.required_secret("actions_secret")
    except ConfigError as exc:
        print(f"popbot: refusing to start: {exc}", file=sys.stderr)
        return 2
    import os

    from bot import health as health_server

    health = health_server.Health()
    if settings.health_port:  # before Rasa is imported: "alive, not ready" during the model load
        health_server.serve(health, settings.host, settings.health_port)
    os.environ["POPBOT_ACTIONS_URL"] = settings.actions_endpoint  # read by endpoints.yml
    from core.logs import configure

    configure()
    from bot.storage.rasa_guards import check_endpoints, install

    install()
    from core.rasa_compat import check_action_responses_once, run_graphs_without_dask

    check_action_responses_once()  # Rasa re-checked the schema on every action server answer
    run_graphs_without_dask()  # dask's scheduling of each message's graphs: a tenth of the CPU
    from bot.handoff import gate

    gate.install()  # queue entry and silence while held, inside this process (docs/handoff.md)
    try:
        check_endpoints(args.endpoints)
    except ConfigError as exc:
        print(f"popbot: refusing to start: {exc}", file=sys.stderr)
        return 2
    import rasa.core.run
    from rasa.core.utils import AvailableEndpoints

    from bot.actions_auth import authenticated_endpoint

    endpoints = AvailableEndpoints.read_endpoints(args.endpoints)
    endpoints.action = authenticated_endpoint(endpoints.action, actions_secret)
    model = args.model or str(settings.model_dir / f"{paths.MODEL_NAME}.tar.gz")
    rasa.core.run.serve_application(
        model_path=model,
        interface=settings.host,
        port=args.port or settings.rasa_port,
        credentials=args.credentials,
        auth_token=token,
        enable_api=True,
        endpoints=endpoints,
        server_listeners=health.listeners(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
