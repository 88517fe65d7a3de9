"""Container health check: ``python /usr/local/bin/popbot-healthcheck rasa|actions|console``.

Runs outside the entrypoint (Docker starts health checks like ``docker exec``), so it uses no
secret: ``GET /ready`` of the Rasa server's health port (``POPBOT_HEALTH_PORT``, bot/health.py)
answers 200 only once the model is loaded (without a health port: ``GET /`` of the Rasa port),
``GET /health`` of the action server and the console once they serve. All on loopback inside the
container.
"""
from __future__ import annotations

import os
import sys
import urllib.request

TARGETS = {
    "rasa": ("POPBOT_RASA_PORT", 5005, "/"),
    "actions": ("POPBOT_ACTIONS_PORT", 5055, "/health"),
    "console": ("POPBOT_CONSOLE_PORT", 8080, "/health"),
}


def url_for(target: str, env: dict[str, str] | None = None) -> str:
    env = dict(os.environ if env is None else env)
    if target == "rasa" and env.get("POPBOT_HEALTH_PORT"):
        return f"http://127.0.0.1:{int(env['POPBOT_HEALTH_PORT'])}/ready"
    variable, default, path = TARGETS[target]
    return f"http://127.0.0.1:{int(env.get(variable) or default)}{path}"


def main(argv: list[str]) -> int:
    target = argv[1] if len(argv) > 1 else "rasa"
    if target not in TARGETS:
        print(f"usage: popbot-healthcheck {'|'.join(TARGETS)}", file=sys.stderr)
        return 2
    try:
        with urllib.request.urlopen(url_for(target), timeout=4) as response:  # noqa: S310 (loopback)
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"{target} not healthy: {exc.__class__.__name__}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
