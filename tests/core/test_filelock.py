"""core.filelock: the one inter-process file lock (key directory, SQLite migrations)."""
from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

import pytest

from core.filelock import file_lock


def test_the_lock_is_exclusive_while_held_and_free_after(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with file_lock(path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        other = os.open(path, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)
    other = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released: taken at once
    finally:
        os.close(other)


def test_the_lock_is_released_when_the_block_raises(tmp_path: Path) -> None:
    path = tmp_path / "y.lock"
    with pytest.raises(RuntimeError):
        with file_lock(path):
            raise RuntimeError("boom")
    with file_lock(path):
        pass
    other = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(other)
