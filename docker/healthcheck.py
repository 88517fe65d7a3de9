"""Container health check: ``python /usr/local/bin/popbot-healthcheck rasa|actions|console``.

Runs outside the entrypoint (Docker starts health checks like ``docker exec``), so it uses no
secret: ``GET /`` of the Rasa server answers only once the model is loaded, ``GET /health`` of
the action server and the console once they serve. Both on loopback inside the container.
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
