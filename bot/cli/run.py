"""``popbot run``: the whole stack on this machine until Ctrl-C."""
from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import threading

from typing import TYPE_CHECKING

from core.settings import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from bot.stack import Stack


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run",
        help="start the whole stack (Rasa server, action server, web shop front-ends)",
        description="Start the action server and the Rasa server (with the web and Telegram "
        "channels and the disguise front-ends) on the embedded default: SQLite under var/, "
        "in-process conversation locks, keys generated on first run; with --replicas N the production "
        "topology (N Rasa servers behind caddy, PostgreSQL, Redis). Ctrl-C stops everything.",
    )
    parser.add_argument("--no-actions", action="store_true", help="do not start the action server")
    parser.add_argument("--no-console", action="store_true", help="do not start the counselor console")
    parser.add_argument(
        "--replicas", type=int, metavar="N",
        help="run N Rasa servers behind Debian's caddy (docker/Caddyfile routing: only /shop/* and "
        "/webhooks/* public) on --proxy-port; needs PostgreSQL (POPBOT_DATABASE_URL) and Redis "
        "(POPBOT_REDIS_URL). Replica i listens on POPBOT_RASA_PORT+i-1, its health on /live and /ready",
    )
    parser.add_argument("--proxy-port", type=int, default=8000, help="the proxy's port with --replicas (default 8000)")
    parser.add_argument(
        "--retention-every", type=float, default=6.0, metavar="HOURS",
        help="run `popbot retention run` at start and then every HOURS hours (0: never; default 6)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.stack import Stack, StackError
    from core.persona import PersonaInvalid, served_personas

    try:
        settings = load_settings()
        served_personas()
        settings.required_secret("rasa_token")
        if args.replicas is not None:
            from bot.cluster import check_cluster_settings

            if args.replicas < 1:
                raise ConfigError("--replicas must be at least 1")
            check_cluster_settings(settings)
    except PersonaInvalid as exc:
        print(f"popbot run: a persona file has errors (run `.venv/bin/popbot persona validate`):\n{exc}")
        return 2
    except ConfigError as exc:
        print(f"popbot run: {exc}")
        return 2
    if not args.no_console and not settings.production:
        first = first_admin()
        if first is not None:
            print(f"counselor console: first administrator '{first[0]}', one-time password (shown once, "
                  f"write it down now): {first[1]}", flush=True)
    stack = Stack(
        settings, with_actions=not args.no_actions, with_console=not args.no_console,
        replicas=args.replicas or 1, proxy_port=args.proxy_port if args.replicas else None,
    )
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    print("starting popbot (first start loads the model, ~30 s) ...", flush=True)
    try:
        stack.start()
    except StackError as exc:
        print(f"popbot run: {exc}")
        return 1
    print_urls(settings, args.proxy_port if args.replicas else None)
    if args.retention_every > 0:
        threading.Thread(
            target=retention_loop, args=(args.retention_every * 3600, stopping), daemon=True
        ).start()
    try:
        supervise(stack, stopping)
    except KeyboardInterrupt:
        pass
    print("stopping ...", flush=True)
    stack.stop()
    print("stopped.")
    return 0


def supervise(stack: "Stack", stopping: threading.Event, every: float = 1.0) -> None:
    """Until ``stopping`` is set: restart any process that stopped, saying so."""
    while not stopping.wait(every):
        for event in stack.supervise():
            print(f"popbot run: {event}", flush=True)


def first_admin() -> tuple[str, str] | None:
    """Embedded default: on an empty account table create ``admin`` with a one-time password
    (printed once by the caller; never a default password). None when accounts exist."""
    from bot.console.accounts import ensure_first_admin
    from bot.console.context import Console
    from bot.storage.runtime import storage

    return ensure_first_admin(Console(storage()))


def retention_loop(every_seconds: float, stopping: threading.Event) -> None:
    """Erase expired conversations now and then periodically, until the stack stops."""
    while not stopping.is_set():
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli.main", "retention", "run"], capture_output=True, text=True
        )
        summary = (done.stdout or done.stderr).strip().splitlines()
        print(f"retention: {summary[-1] if summary else 'exit code ' + str(done.returncode)}", flush=True)
        if stopping.wait(every_seconds):
            return


def print_urls(settings: Settings, proxy_port: int | None = None) -> None:
    """The addresses of the running stack; only the personas it serves (``POPBOT_PERSONAS``)."""
    from core.persona import served_personas

    public = settings.rasa_url if proxy_port is None else f"http://{settings.host}:{proxy_port}"
    print(f"Rasa server (API needs the token in var/keys/rasa_token): {settings.rasa_url}")
    if proxy_port is not None:
        print(f"proxy (caddy; only /shop/* and /webhooks/* reach the replicas): {public}")
    print(f"web chat channel:  {public}/webhooks/web/webhook")
    served = served_personas(settings.persona_ids)
    for persona in served.values():
        print(f"shop front-end ({persona.id}): {public}/shop/{persona.id}/")
    print(f"action server (loopback only): http://{settings.host}:{settings.actions_port}")
    print(f"counselor console: {settings.console_url}/  (accounts: .venv/bin/popbot counselors --help)")
    first = next(iter(served), None)
    example = f" --persona {first}" if first else ""
    print(f"try it:  .venv/bin/popbot chat{example}     (Ctrl-C here stops everything)", flush=True)
