"""The starter directory shipped in ``referrals/data/starter`` (see ``build_starter.py``)."""
from __future__ import annotations

import zlib

from referrals.data.build_starter import STARTER_DIR
from referrals.hsds import read_package
from referrals.model import Directory
from referrals.validate import Problems


def load_starter() -> Directory:
    """The starter services; raises ValidationError if the shipped package is broken."""
    problems = Problems()
    directory = read_package(STARTER_DIR, problems)
    problems.raise_if_errors()
    return directory


def starter_fingerprint() -> int:
    """A checksum (31 bits) of the shipped package's files: it changes whenever the package does,
    so a directory seeded from an older release can be refreshed (``DirectoryStore.ensure_seeded``)."""
    crc = 0
    for path in sorted(p for p in STARTER_DIR.iterdir() if p.is_file()):
        crc = zlib.crc32(path.name.encode() + b"\0" + path.read_bytes(), crc)
    return crc & 0x7FFFFFFF
