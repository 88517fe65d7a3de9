"""Quiet output: third-party deprecation chatter is dropped where it is shown; real problems print."""
from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

from core import PROJECT_ROOT
from core.rasa_compat import quiet_warnings


def test_known_chatter_is_dropped_and_other_warnings_still_show() -> None:
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        quiet_warnings()
        quiet_warnings()  # idempotent
        warnings.warn("jax.xla_computation is deprecated. Please use the AOT APIs.", DeprecationWarning)
        warnings.warn_explicit("'parseString' deprecated", DeprecationWarning, "/x/matplotlib/fontconfig_pattern.py", 1)
        warnings.warn("Slot auto-fill has been removed in 3.0 and replaced", UserWarning)
        warnings.warn("something new is deprecated", DeprecationWarning)
        warnings.warn_explicit("'parseString' deprecated", DeprecationWarning, "/x/ourcode/parse.py", 1)
    err = "\n".join(f"{w.filename}: {w.message}" for w in shown)
    assert "jax" not in err and "matplotlib" not in err and "auto-fill" not in err
    assert "something new is deprecated" in err and "ourcode/parse.py" in err


def test_classify_prints_results_and_no_warnings(model_path: Path) -> None:
    lines = "\n".join(json.dumps({"text": t}) for t in ("hello", "my dad hits me")) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "classify", "--persona", "rumianek", "-"],
        input=lines, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2
    assert "Warning" not in done.stderr and "deprecated" not in done.stderr, done.stderr
    # a real error still reaches the user, naming the line
    bad = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "classify", "-"], input='{"text": "ok"}\nnot json\n',
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600,
    )
    assert bad.returncode == 2 and "<stdin>:2" in bad.stderr
