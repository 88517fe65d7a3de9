"""bench/cpu.py: CPU time per process group, from /proc."""
from __future__ import annotations

import os
import subprocess
import sys

from bench.cpu import CpuMeter, render

#: A child that burns CPU for a fixed amount of work (no wall-clock limit), then exits.
_BURN = "import hashlib\nh = b''\nfor _ in range(400_000):\n    h = hashlib.sha256(h).digest()\nprint('done', flush=True)\nimport sys\nsys.stdin.read()"


def test_a_busy_child_counts_in_its_group_with_its_descendants_and_not_in_the_parent_alone() -> None:
    # the busy process is a grandchild of the group's root (like a replica under a session leader)
    shell = subprocess.Popen(["/bin/sh", "-c", f"{sys.executable} -c \"{_BURN}\""], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        meter = CpuMeter({"busy": lambda: [shell.pid], "me": lambda: [os.getpid()]}, alone=frozenset({"me"}))
        meter.start()
        assert shell.stdout is not None and shell.stdout.readline().strip() == "done"
        cores = meter.stop()
    finally:
        shell.communicate("", timeout=60)
    assert cores["busy"] > 0
    assert cores["busy"] > cores["me"]  # this process only waited; its children are not counted
    assert cores["machine"] >= cores["busy"] * 0.9  # the machine's busy time includes the child's
    assert set(cores) == {"busy", "me", "machine", "other"}
    assert "busy " in render(cores) and "(machine " in render(cores)


def test_a_group_without_processes_counts_zero() -> None:
    meter = CpuMeter({"gone": lambda: []})
    meter.start()
    assert meter.stop()["gone"] == 0.0
