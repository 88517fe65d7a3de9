"""CPU time per process group during a benchmark phase, read from ``/proc`` (Linux only).

On a 2-core machine the throughput of N replicas is capped by the CPU everything else takes:
the load generator, the proxy, PostgreSQL, Redis, the action server and other users' work. A
:class:`CpuMeter` snapshots each group's user + system CPU seconds (every process of the group's
process tree, all threads) and the machine's busy time (``/proc/stat``) before and after a phase;
``cores`` = CPU seconds / wall seconds (2.0 = both cores busy for the whole phase). "other" is the
machine's busy time no group accounts for (other users' work, processes that exited meanwhile).
"""
from __future__ import annotations

import os
import time
from typing import Callable, Mapping

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stats() -> dict[int, tuple[int, float]]:
    """pid -> (ppid, user + system CPU seconds) of every process on the machine."""
    out: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:  # exited meanwhile
            continue
        # after the command name: state ppid ... utime(12th) stime(13th)
        out[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK)
    return out


def _tree(stats: Mapping[int, tuple[int, float]], roots: list[int]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    seen: set[int] = set()
    todo = [r for r in roots if r in stats]
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo.extend(children.get(pid, []))
    return seen


def machine_busy() -> float:
    """Busy CPU seconds of the whole machine since boot (all but idle and iowait)."""
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    # guest time is already counted in user time
    return (sum(values[:8]) - idle) / _TICK


class CpuMeter:
    """``groups``: name -> a function giving the group's root pids now (processes restart); each
    root counts with its descendants, except for the groups in ``alone`` (the benchmark's own
    process, whose children are the servers it started)."""

    def __init__(self, groups: Mapping[str, Callable[[], list[int]]], alone: frozenset[str] = frozenset()) -> None:
        self.groups = dict(groups)
        self.alone = alone
        self._start: dict[str, float] = {}
        self._t0 = 0.0

    def _sample(self) -> dict[str, float]:
        stats = _stats()
        sample = {}
        for name, roots in self.groups.items():
            pids = {p for p in roots() if p in stats} if name in self.alone else _tree(stats, roots())
            sample[name] = sum(stats[p][1] for p in pids)
        sample["machine"] = machine_busy()
        return sample

    def start(self) -> None:
        self._t0 = time.monotonic()
        self._start = self._sample()

    def stop(self) -> dict[str, float]:
        """Cores used per group over the phase, plus ``machine`` and ``other``."""
        end, wall = self._sample(), max(time.monotonic() - self._t0, 1e-9)
        cores = {name: max(0.0, end[name] - self._start.get(name, 0.0)) / wall for name in end}
        cores["other"] = max(0.0, cores["machine"] - sum(v for k, v in cores.items() if k != "machine"))
        return {name: round(value, 3) for name, value in cores.items()}


def render(cores: Mapping[str, float]) -> str:
    """``name 0.42`` pairs, biggest first, machine last."""
    parts = [f"{k} {v:.2f}" for k, v in sorted(cores.items(), key=lambda kv: -kv[1]) if k != "machine"]
    return ", ".join(parts) + f" (machine {cores.get('machine', 0.0):.2f} of {os.cpu_count()} cores)"
