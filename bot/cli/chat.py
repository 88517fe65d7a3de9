"""``popbot chat``: talk to the running bot through the web input channel, as a child would."""
from __future__ import annotations

import argparse
import secrets
import sys
from typing import Iterable, Iterator, TextIO

import httpx

from core.settings import ConfigError, load_settings

WEB_WEBHOOK = "/webhooks/web/webhook"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "chat",
        help="chat with the running bot in the terminal (reads stdin lines when piped)",
        description="Send each line to the running bot through the web channel (the one the "
        "disguise front-end uses) and print every reply. Interactive on a terminal; with piped "
        "input, one message per line. Needs `make run` (or `popbot run`) running.",
    )
    parser.add_argument("--persona", help="persona id (default: none, the plain safety layer)")
    parser.add_argument("--sender", help="conversation name (default: a new random one)")
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


def send(client: httpx.Client, url: str, sender: str, text: str, metadata: dict) -> list[dict]:
    """Post one message; return the bot's replies. Raises :class:`ServerRefused` with the
    server's message on a non-2xx answer, httpx.HTTPError when no server answered."""
    response = client.post(url, json={"sender": sender, "message": text, "metadata": metadata})
    if response.is_success:
        try:
            return list(response.json())
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


def converse(lines: Iterable[str], *, base_url: str, sender: str, metadata: dict, out: TextIO) -> int:
    url = base_url.rstrip("/") + WEB_WEBHOOK
    with httpx.Client(timeout=60) as client:
        for line in lines:
            try:
                replies = send(client, url, sender, line, metadata)
            except ServerRefused as exc:
                print(f"popbot chat: the bot at {base_url} refused the message: {exc}", file=sys.stderr)
                return 1
            except httpx.HTTPError as exc:
                print(f"popbot chat: nothing answered at {base_url} ({exc.__class__.__name__}); "
                      "is `make run` running, on this host and port (POPBOT_HOST, POPBOT_RASA_PORT)?",
                      file=sys.stderr)
                return 1
            for reply in replies:
                if reply.get("text"):
                    print(f"bot> {reply['text']}", file=out, flush=True)
    return 0


def run(args: argparse.Namespace) -> int:
    metadata = {"persona": args.persona} if args.persona else {}
    if args.lang:
        metadata["lang"] = args.lang
    sender = args.sender or f"cli-{secrets.token_hex(6)}"
    interactive = sys.stdin.isatty()
    return converse(
        _lines(sys.stdin, interactive),
        base_url=args.url or load_settings().rasa_url,
        sender=sender,
        metadata=metadata,
        out=sys.stdout,
    )
