"""``popbot erase CONVERSATION --actor NAME --reason TEXT``: crypto-shred one conversation (audited)."""
from __future__ import annotations

import argparse

from bot.storage.cli_support import run_storage_command


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "erase",
        help="erase one conversation (crypto-shred; audited)",
        description="Delete the conversation's data key, then its events and reply address, "
        "record an audit entry, and rotate the master key so older database copies are "
        "unreadable too.",
    )
    parser.add_argument("conversation", metavar="CONVERSATION", help="conversation pseudonym")
    parser.add_argument("--actor", required=True, help="who erases (recorded in the audit log)")
    parser.add_argument("--reason", required=True, help="why (recorded in the audit log)")
    parser.add_argument("--no-rotate", action="store_true", help="skip the master key rotation")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.storage.conversations import erase_conversation
        from bot.storage.errors import ConversationNotFoundError

        try:
            report = erase_conversation(args.actor, args.conversation, args.reason, rotate_keys=not args.no_rotate)
        except ConversationNotFoundError:
            print("popbot: no conversation with this id is stored")
            return 1
        print(f"erased conversation ({report.event_rows} event row(s)); data key destroyed")
        if report.rotation is not None:
            print(f"master key rotated to v{report.rotation.current_version}; retired {report.rotation.retired}")
        if report.rotation_skipped:
            print(f"warning: master key not rotated ({report.rotation_skipped})")
        return 0

    return run_storage_command(body)
