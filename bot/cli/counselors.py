"""``popbot counselors add|list|disable|enable|reset-password|reset-2fa``: console accounts.

A new account and a password reset print a one-time password once (the person replaces it at
first login); nothing prints or stores a password in clear otherwise. Resetting a password keeps
the second factor; ``reset-2fa`` makes the next login enrol a new one.
"""
from __future__ import annotations

import argparse
import getpass
import os

from bot.storage.cli_support import run_storage_command


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "counselors", help="counselor console accounts (add, list, disable, reset password or 2FA)",
        description="Manage the counselor console's accounts. Roles: counselor, supervisor, admin.",
    )
    cmds = parser.add_subparsers(dest="counselors_command", metavar="ACTION", required=True)
    add = cmds.add_parser("add", help="create an account and print its one-time password once")
    add.add_argument("username")
    add.add_argument("--role", choices=("counselor", "supervisor", "admin"), default="counselor")
    add.add_argument("--name", default="", help="display name")
    add.add_argument("--lang", choices=("en", "pl", "es"), default="en", help="interface language")
    cmds.add_parser("list", help="list accounts (no secrets)")
    for name, text in (
        ("disable", "disable an account and end all its sessions"),
        ("enable", "enable a disabled account"),
        ("reset-password", "print a new one-time password once (the second factor stays)"),
        ("reset-2fa", "forget the TOTP secret and recovery codes; the next login enrols again"),
    ):
        cmd = cmds.add_parser(name, help=text)
        cmd.add_argument("username")
    parser.add_argument("--actor", default=None, help="who does it (recorded; default: the OS user)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    def body() -> int:
        from bot.console import accounts
        from bot.console.context import Console
        from bot.storage.runtime import storage

        console = Console(storage())
        actor = "cli:" + (args.actor or _os_user())
        action = args.counselors_command
        try:
            if action == "add":
                account, secret = accounts.add_account(
                    console, args.username, args.role, actor=actor, display_name=args.name, lang=args.lang
                )
                print(f"added {account.username} ({account.role}); one-time password (shown once): {secret}")
                print("at first login they choose their own password and set up the second factor (TOTP)")
            elif action == "list":
                print(f"{'username':<24} {'role':<11} {'status':<9} {'2fa':<8} name")
                for a in accounts.list_accounts(console):
                    status = "disabled" if a.disabled else "active"
                    print(f"{a.username:<24} {a.role:<11} {status:<9} {'yes' if a.totp_enrolled else 'no':<8} {a.display_name}")
            elif action in ("disable", "enable"):
                accounts.set_disabled(console, args.username, action == "disable", actor=actor)
                print(f"{action}d {args.username}" + ("; all its sessions ended" if action == "disable" else ""))
            elif action == "reset-password":
                secret = accounts.reset_password(console, args.username, actor=actor)
                print(f"new one-time password for {args.username} (shown once): {secret}")
                print("their second factor is unchanged; all their sessions ended")
            elif action == "reset-2fa":
                accounts.reset_2fa(console, args.username, actor=actor)
                print(f"second factor of {args.username} removed; the next login enrols a new one; sessions ended")
        except accounts.AccountError as exc:
            print(f"popbot counselors: {exc}")
            return 1
        return 0

    return run_storage_command(body)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())
