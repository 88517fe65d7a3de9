"""An encrypted local spool for messages that could not be stored (docs/design.md, invariant 6).

When saving a conversation fails (database read-only, disk error, PostgreSQL down) the channel
still answers the child with the replies already computed and puts the message here; a retry
loop stores it once the database works again. Each entry is one file
``<var>/spool/<channel>/<time>-<random>.msg`` (directory 0700, file 0600, written to a temporary
name, fsynced and renamed, so a crash never leaves half an entry), AES-256-GCM encrypted with a
key derived from the pseudonym secret (``secret("spool")``) and bound to its file name. Nothing
in clear: not the text, not the conversation pseudonym.

The spool is local to one machine (one replica): an entry is retried by the process that wrote
it, or by the next one started on the same ``POPBOT_VAR_DIR``.
"""
from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from bot.storage import crypto
from bot.storage.errors import DecryptionError
from bot.storage.keys import MasterKeyProvider

SUFFIX = ".msg"


@dataclass(frozen=True)
class Entry:
    path: Path
    record: dict[str, Any]


class Spool:
    """Encrypted files in ``directory``; ``put`` raises OSError if the disk refuses."""

    def __init__(self, directory: Path, provider: MasterKeyProvider) -> None:
        self.directory = directory
        self._key = provider.secret("spool")

    @staticmethod
    def _aad(name: str) -> bytes:
        return b"popbot/spool/v1\x00" + name.encode()

    def put(self, record: Mapping[str, Any]) -> Path:
        """Write ``record`` (JSON-serialisable) durably; returns the entry's path."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = f"{time.time_ns():020d}-{secrets.token_hex(8)}{SUFFIX}"
        blob = crypto.encrypt(self._key, json.dumps(dict(record)).encode("utf-8"), self._aad(name))
        tmp = self.directory / f".{name}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.directory / name)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        dir_fd = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return self.directory / name

    def pending(self) -> list[Entry]:
        """Every readable entry, oldest first (an entry that fails to decrypt raises)."""
        if not self.directory.is_dir():
            return []
        entries = []
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            blob = path.read_bytes()
            plain = crypto.decrypt(self._key, blob, self._aad(path.name), what=f"spool entry {path.name}")
            entries.append(Entry(path, json.loads(plain)))
        return entries

    def count(self) -> int:
        return len(list(self.directory.glob(f"*{SUFFIX}"))) if self.directory.is_dir() else 0

    @staticmethod
    def remove(entry: Entry) -> None:
        entry.path.unlink(missing_ok=True)


__all__ = ["DecryptionError", "Entry", "Spool"]
