"""``python -m bench`` runs every benchmark; ``python -m bench NAME [args]`` runs ``bench/NAME_bench.py``."""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(m.name[: -len("_bench")] for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench"))


def main(argv: list[str]) -> int:
    names = available()
    if argv and argv[0] in ("-h", "--help"):
        print(f"usage: python -m bench [NAME [ARGS...]]   benchmarks: {', '.join(names)}")
        return 0
    if argv:
        if argv[0] not in names:
            print(f"unknown benchmark {argv[0]!r}; available: {', '.join(names)}", file=sys.stderr)
            return 2
        return int(importlib.import_module(f"bench.{argv[0]}_bench").main(argv[1:]) or 0)
    status = 0
    for name in names:
        print(f"== {name}")
        status |= int(importlib.import_module(f"bench.{name}_bench").main([]) or 0)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
