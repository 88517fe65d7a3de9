"""``popbot keys``: master key status, rotation, and generating a key for the environment."""
from __future__ import annotations

import argparse

from bot.storage.cli_support import run_storage_command


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("keys", help="master keys: status, rotate, generate")
    keys_sub = parser.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    status = keys_sub.add_parser("status", help="key versions available and in use (no secrets)")
    status.set_defaults(func=status_command)
    rotate = keys_sub.add_parser(
        "rotate",
        help="new master key version, rewrap every data key, retire the old version (resumable)",
        description="Rotate the master key. Safe to interrupt: run it again to finish. With keys "
        "from POPBOT_MASTER_KEYS, first add the new version there (see `popbot keys generate`).",
    )
    rotate.add_argument("--batch-size", type=int, default=200, help="data keys rewrapped per transaction")
    rotate.set_defaults(func=rotate_command)
    generate = keys_sub.add_parser(
        "generate", help="print a new random key (for POPBOT_MASTER_KEYS / POPBOT_PSEUDONYM_KEY)"
    )
    generate.set_defaults(func=generate_command)


def status_command(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.storage.rotation import status
        from bot.storage.runtime import storage

        state = status(storage())
        print(f"key provider:        {state.provider}{' (generated on first run)' if state.generated else ''}")
        print(f"available versions:  {state.available_versions}")
        print(f"registered versions: {state.registered_versions}")
        print(f"current version:     {state.current_version}")
        for version, count in sorted(state.conversations_per_version.items()):
            print(f"  v{version}: {count} conversation key(s)")
        if state.rotation_pending:
            print("rotation pending: run `popbot keys rotate` to finish it")
        return 0

    return run_storage_command(body)


def rotate_command(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.storage.rotation import rotate
        from bot.storage.runtime import storage

        done = 0

        def progress(n: int) -> None:
            nonlocal done
            done += n
            print(f"  rewrapped {done} data key(s)", flush=True)

        report = rotate(storage(), batch_size=args.batch_size, on_batch=progress)
        verb = "rotated to" if report.started_new else "finished rotation to"
        print(f"{verb} master key v{report.current_version}: {report.rewrapped} data key(s) rewrapped")
        if report.retired:
            print(f"retired (destroyed) versions: {report.retired}")
        if report.retire_manually:
            print(
                f"no data key uses versions {report.retire_manually} any more: remove them from "
                "POPBOT_MASTER_KEYS / your secret store and restart"
            )
        return 0

    return run_storage_command(body)


def generate_command(args: argparse.Namespace) -> int:
    from bot.storage import crypto
    from bot.storage.keys import encode_key

    print(encode_key(crypto.new_key()))
    return 0
