"""``popbot chat``: talk to the running bot through the web input channel, as a child would."""
from __future__ import annotations

import argparse
import sys
from typing import Iterable, Iterator, TextIO

import httpx

from core.settings import ConfigError, load_settings

WEB_WEBHOOK = "/webhooks/web/webhook"
#: The web channel's session cookie (``bot.channels.sessions.COOKIE``; not imported: the CLI
#: stays free of the server's dependencies).
SESSION_COOKIE = "shop_session"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "chat",
        help="chat with the running bot in the terminal (reads stdin lines when piped)",
        description="Send each line to the running bot through the web channel (the one the "
        "disguise front-end uses) and print every reply. Interactive on a terminal; with piped "
        "input, one message per line. Needs `make run` (or `popbot run`) running.",
    )
    parser.add_argument("--persona", help="persona id (default: none, the plain safety layer)")
    parser.add_argument("--lang", help="UI language hint sent with each message (en, pl, es)")
    parser.add_argument("--url", help=f"bot base URL (default: {_default_url()}, from POPBOT_HOST and POPBOT_RASA_PORT)")
    parser.set_defaults(func=run)


def _default_url() -> str:
    """The running bot's address from the settings (the environment), for ``--help`` too."""
    try:
        return load_settings().rasa_url
    except ConfigError:
        return "http://127.0.0.1:5005"


class ServerRefused(RuntimeError):
    """The server answered, but not with replies; the message is the server's own."""


def send(client: httpx.Client, url: str, session: str | None, text: str, metadata: dict) -> tuple[str | None, list[dict]]:
    """Post one message; return the session id (issued by the server on the first message) and
    the bot's replies. Raises :class:`ServerRefused` with the server's own message on a non-2xx
    answer, httpx.HTTPError when nothing answered."""
    payload = {"message": text, "metadata": metadata, **({"sender": session} if session else {})}
    response = client.post(url, json=payload)
    if response.is_success:
        try:
            return response.cookies.get(SESSION_COOKIE) or session, list(response.json())
        except ValueError:
            raise ServerRefused(f"HTTP {response.status_code}, not a JSON list of replies") from None
    try:
        body = response.json()
        detail = body.get("error") if isinstance(body, dict) else None
    except ValueError:
        detail = None
    detail = detail or response.text.strip()[:200] or response.reason_phrase
    raise ServerRefused(f"HTTP {response.status_code}: {detail}")


def _lines(stream: TextIO, interactive: bool) -> Iterator[str]:
    while True:
        if interactive:
            try:
                line = input("you> ")
            except EOFError:
                return
        else:
            line = stream.readline()
            if not line:
                return
        line = line.rstrip("\n")
        if line.strip():
            yield line


def converse(lines: Iterable[str], *, base_url: str, metadata: dict, out: TextIO, err: TextIO | None = None) -> int:
    """Send each line, print each reply to ``out``; problems go to ``err`` (default stderr)."""
    err = err or sys.stderr
    url = base_url.rstrip("/") + WEB_WEBHOOK
    session: str | None = None
    with httpx.Client(timeout=60) as client:
        for line in lines:
            try:
                session, replies = send(client, url, session, line, metadata)
            except ServerRefused as exc:
                print(f"popbot chat: the bot at {base_url} refused the message: {exc}", file=err)
                return 1
            except httpx.HTTPError as exc:
                print(f"popbot chat: nothing answered at {base_url} ({exc.__class__.__name__}); "
                      "is `make run` running, on this host and port (POPBOT_HOST, POPBOT_RASA_PORT)?",
                      file=err)
                return 1
            for reply in replies:
                if reply.get("text"):
                    print(f"bot> {reply['text']}", file=out, flush=True)
    return 0


def run(args: argparse.Namespace) -> int:
    metadata = {"persona": args.persona} if args.persona else {}
    if args.lang:
        metadata["lang"] = args.lang
    interactive = sys.stdin.isatty()
    return converse(
        _lines(sys.stdin, interactive),
        base_url=args.url or load_settings().rasa_url,
        metadata=metadata,
        out=sys.stdout,
    )
