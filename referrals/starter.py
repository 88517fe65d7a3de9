"""The starter directory shipped in ``referrals/data/starter`` (see ``build_starter.py``)."""
from __future__ import annotations

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
