"""``popbot handoff queue|claim|say|transcript|note|transfer|release|return|close|events --as NAME``:
the terminal front-end for operators and tests. Every command goes through the same service
functions as the console (``bot.handoff.service``): permission-checked for the console account
NAME and audited with it."""
from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from typing import TYPE_CHECKING

from bot.storage.cli_support import run_storage_command

if TYPE_CHECKING:
    from bot.handoff.model import Actor, Context, Event

OUTCOMES = ("resolved", "referred", "emergency_services", "child_left", "no_reply", "other")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "handoff", help="the counselor queue from a terminal (claim, say, return, close ...)",
        description="Act on handoff conversations as a console account (--as NAME); every action is audited.",
    )
    cmds = parser.add_subparsers(dest="handoff_command", metavar="ACTION", required=True)
    actor = argparse.ArgumentParser(add_help=False)
    actor.add_argument("--as", dest="actor", required=True, metavar="NAME", help="console account acting")

    def add(name: str, text: str, conversation: bool = True) -> argparse.ArgumentParser:
        cmd = cmds.add_parser(name, help=text, parents=[actor])
        if conversation:
            cmd.add_argument("conversation", help="conversation id (pseudonym) from `popbot handoff queue`")
        return cmd

    queue = add("queue", "list waiting and held conversations (no message text)", conversation=False)
    queue.add_argument("--all", action="store_true", help="also returned and closed ones")
    add("claim", "take a waiting conversation")
    say = add("say", "send a message to the child (through the child's channel)")
    say.add_argument("text", help="the message; '-' reads it from standard input")
    add("transcript", "print the conversation (audited as a read)")
    note = add("note", "add an encrypted case note")
    note.add_argument("text")
    transfer = add("transfer", "hand over to a person or a role, with a note")
    target = transfer.add_mutually_exclusive_group(required=True)
    target.add_argument("--to-user", metavar="USERNAME")
    target.add_argument("--to-role", choices=("counselor", "supervisor"))
    transfer.add_argument("--note", required=True, help="handover note (stored encrypted)")
    add("release", "put it back in the queue")
    add("return", "give the conversation back to the bot")
    close = add("close", "close with an outcome")
    close.add_argument("--outcome", required=True, choices=OUTCOMES)
    close.add_argument("--category", action="append", default=[], help="a signal name; repeatable")
    evs = add("events", "print live events (content-free) after an id", conversation=False)
    evs.add_argument("--after", type=int, default=0)
    evs.add_argument("--follow", action="store_true",
                     help="keep printing new events (Ctrl-C stops); while it runs you count as connected")
    parser.set_defaults(func=run)


def _stamp(at: float | None) -> str:
    return time.strftime("%H:%M:%S", time.localtime(at)) if at else "-"


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.handoff import service
        from bot.handoff.errors import HandoffError
        from bot.handoff.model import Context

        ctx = Context.default()
        try:
            actor = service.actor_for(ctx, args.actor, via="cli")
            return _dispatch(ctx, actor, args)
        except HandoffError as exc:
            print(f"popbot handoff: {exc}", file=sys.stderr)
            return 1

    return run_storage_command(body)


def _dispatch(ctx: Context, actor: Actor, args: argparse.Namespace) -> int:
    from bot.handoff import service

    command = args.handoff_command
    if command == "queue":
        states = ("waiting", "held", "returned", "closed") if args.all else ("waiting", "held")
        entries = service.queue(ctx, actor, states=states)
        print(f"{'conversation':<40} {'state':<9} {'prio':>4} {'signal':<19} {'persona':<10} {'lang':<4} {'channel':<8} {'since':<8} holder")
        for e in entries:
            print(f"{e.conversation_id:<40} {e.state:<9} {e.priority:>4} {e.signal:<19} {e.persona:<10} {e.lang:<4} "
                  f"{e.channel:<8} {_stamp(e.entered_at):<8} {e.holder or '-'}")
        return 0
    conversation = getattr(args, "conversation", "")
    if command == "claim":
        entry = service.claim(ctx, actor, conversation)
        print(f"claimed; {entry.persona}/{entry.lang} via {entry.channel}, signal {entry.signal}"
              + (f"\nhandover note: {entry.handover_note}" if entry.handover_note else ""))
    elif command == "say":
        text = sys.stdin.read() if args.text == "-" else args.text
        message = service.reply(ctx, actor, conversation, text)
        print(f"queued for delivery as {message.id}")
    elif command == "transcript":
        found = service.transcript(ctx, actor, conversation)
        for line in found.messages:
            who = line.actor if line.author == "counselor" else line.author
            extra = f" [{line.signal}{', urgent' if line.urgent else ''}]" if line.signal and line.signal != "none" else ""
            extra += f" ({line.delivery})" if line.delivery else ""
            print(f"{_stamp(line.at)} {who}: {line.text}{extra}")
        for note in found.notes:
            print(f"{_stamp(note.at)} note by {note.author}: {note.text}")
    elif command == "note":
        print(f"note {service.add_note(ctx, actor, conversation, args.text).id} added")
    elif command == "transfer":
        entry = service.transfer(ctx, actor, conversation, note=args.note, to_user=args.to_user, to_role=args.to_role)
        print(f"transferred; now {entry.state}" + (f" by {entry.holder}" if entry.holder else f" for a {entry.target_role}"))
    elif command == "release":
        service.release(ctx, actor, conversation)
        print("back in the queue")
    elif command == "return":
        service.return_to_bot(ctx, actor, conversation)
        print("returned to the bot")
    elif command == "close":
        entry = service.close(ctx, actor, conversation, outcome=args.outcome, categories=args.category)
        print(f"closed ({entry.outcome})")
    elif command == "events":
        return _events(ctx, actor, args.after, args.follow)
    return 0


def _events(ctx: Context, actor: Actor, after: int, follow: bool) -> int:
    """Print events; with ``follow`` the actor counts as present (connected) until it stops."""
    from bot.handoff import presence, service

    def show(event: Event) -> None:
        detail = " ".join(f"{k}={v}" for k, v in sorted(event.detail.items()))
        print(f"{event.id} {_stamp(event.at)} {event.kind} {event.conversation_id} {event.actor or '-'} {detail}", flush=True)

    if not follow:
        for event in service.events_since(ctx, after):
            show(event)
        return 0

    async def loop() -> None:
        running, task = asyncio.get_running_loop(), asyncio.current_task()
        assert task is not None
        # Ctrl-C cancels the follow, whatever SIGINT handler the process had (an embedding
        # process may have left one that swallows it); the disconnect is recorded on the way out.
        running.add_signal_handler(signal.SIGINT, task.cancel)
        try:
            async with presence.connected(ctx, actor.username, "cli"):
                async for event in service.follow(ctx, after):
                    show(event)
        finally:
            running.remove_signal_handler(signal.SIGINT)

    try:
        asyncio.run(loop())
    except (KeyboardInterrupt, asyncio.CancelledError):
        return 0
    return 0
