"""``popbot audit verify`` / ``popbot audit head``: check the hash-chained audit log."""
from __future__ import annotations

import argparse

from bot.storage.cli_support import run_storage_command


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="audit log: verify the chain, show its head")
    audit_sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser("verify", help="verify the chain; name each edited/deleted/reordered entry")
    verify.set_defaults(func=verify_command)
    head = audit_sub.add_parser("head", help="print the chain head (record it elsewhere as an anchor)")
    head.set_defaults(func=head_command)


def verify_command(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.storage import audit
        from bot.storage.runtime import storage

        store = storage()
        problems = audit.verify(store)
        seq, digest = audit.head(store)
        if not problems:
            print(f"audit log intact: {seq} entries, head {digest}")
            return 0
        print(f"audit log FAILED verification ({len(problems)} problem(s)):")
        for problem in problems:
            print(f"  {problem}")
        return 1

    return run_storage_command(body)


def head_command(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.storage import audit
        from bot.storage.runtime import storage

        seq, digest = audit.head(storage())
        print(f"{seq} {digest}")
        return 0

    return run_storage_command(body)
