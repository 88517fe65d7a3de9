"""The docs a clone relies on are in the clone, and the partner guide's commands work from it."""
from __future__ import annotations

import re
import subprocess

from core import PROJECT_ROOT

#: The in-repository copy of the design; the only file that may speak of its old location.
DESIGN_COPY = "docs/design.md"
#: The notes outside the repository (../shared/DESIGN.md, upper case) and "DESIGN.md invariant N".
OUTSIDE = re.compile(r"\.\./shared|/work/shared|\bDESIGN\.md")


def _tracked_text_files() -> list[str]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [n for n in names if n.endswith((".md", ".py", ".yml", ".yaml", ".txt", ".toml", ".cfg", ".html", ".js", ".sh"))
            or n in ("Makefile", "Dockerfile")]


def test_no_reference_to_design_notes_outside_the_repository() -> None:
    found = []
    for name in _tracked_text_files():
        if name == DESIGN_COPY or name == "tests/core/test_docs.py":
            continue
        path = PROJECT_ROOT / name
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if OUTSIDE.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == [], "cite docs/design.md (e.g. 'docs/design.md, invariant 7'):\n" + "\n".join(found)
    assert (PROJECT_ROOT / DESIGN_COPY).is_file()


def test_the_partner_guide_runs_commands_from_a_clone() -> None:
    """Every command line in the guide's code blocks is `make ...` or `.venv/bin/popbot ...`."""
    guide = (PROJECT_ROOT / "personas" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", guide, flags=re.S)
    assert blocks
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    bare = [c for c in commands if not c.startswith((".venv/bin/popbot ", "make ", "$EDITOR ", "POPBOT_"))]
    assert bare == []
    inline = re.findall(r"`(popbot [^`]*)`", guide)
    assert inline == [], "write `.venv/bin/popbot ...` so the command works in a fresh clone"
    assert ".venv/bin/popbot persona new" in guide and ".venv/bin/popbot persona validate" in guide
