"""``python -m bot.console``: the counselor console on ``POPBOT_HOST:POPBOT_CONSOLE_PORT``."""
from __future__ import annotations

import sys


def main() -> int:
    import uvicorn

    from bot.console.app import create_app
    from bot.storage.errors import StorageError
    from bot.storage.runtime import storage
    from core.logs import configure
    from core.settings import ConfigError, load_settings

    try:
        configure(patch_rasa_now=False)
        settings = load_settings()
        app = create_app(storage())
    except (ConfigError, StorageError) as exc:
        print(f"console: {exc}", file=sys.stderr)
        return 2
    # No access log: request lines carry conversation ids, and nothing else there is needed.
    uvicorn.run(app, host=settings.host, port=settings.console_port, access_log=False, log_level="warning",
                server_header=False, date_header=False, proxy_headers=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
