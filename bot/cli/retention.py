"""``popbot retention run``: crypto-shred and delete conversations past the retention period."""
from __future__ import annotations

import argparse

from bot.storage.cli_support import run_storage_command


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("retention", help="retention: erase conversations idle past POPBOT_RETENTION_DAYS")
    retention_sub = parser.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    run = retention_sub.add_parser(
        "run",
        help="erase expired conversations now (crypto-shred, delete, rotate the master key)",
    )
    run.add_argument("--dry-run", action="store_true", help="only count what would be erased")
    run.set_defaults(func=run_command)


def run_command(args: argparse.Namespace) -> int:
    def body() -> int:
        from datetime import datetime, timedelta, timezone

        from bot.storage.retention import expired, run_retention
        from bot.storage.runtime import storage

        from core.settings import load_settings

        days = load_settings().retention_days
        store = storage()
        if days == 0:
            print("retention disabled (POPBOT_RETENTION_DAYS=0)")
            return 0
        if args.dry_run:
            count = len(expired(store, datetime.now(timezone.utc) - timedelta(days=days)))
            print(f"{count} conversation(s) idle for more than {days} days would be erased")
            return 0
        report = run_retention(store, days=days)
        print(f"erased {len(report.erased)} conversation(s) idle for more than {days} days")
        if report.rotation is not None:
            print(f"master key rotated to v{report.rotation.current_version}; retired {report.rotation.retired}")
        if report.rotation_skipped:
            print(f"warning: master key not rotated ({report.rotation_skipped}); copies of the "
                  "database taken before stay readable until the old version is retired")
        return 0

    return run_storage_command(body)
