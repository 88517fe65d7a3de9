"""``popbot counselors``: add prints a one-time password once, list shows no secret, disable,
reset-password and reset-2fa do what they say; bad input gets a clear message."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path



def _popbot(var: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POPBOT_VAR_DIR": str(var)}
    env.pop("POPBOT_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "bot.cli.main", "counselors", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def test_counselors_commands(tmp_path: Path) -> None:
    added = _popbot(tmp_path, "add", "maria.k", "--role", "supervisor", "--name", "Maria K")
    assert added.returncode == 0, added.stderr
    secret = re.search(r"shown once\): (\S+)", added.stdout).group(1)
    assert len(secret) >= 16
    listed = _popbot(tmp_path, "list")
    assert listed.returncode == 0 and "maria.k" in listed.stdout and "supervisor" in listed.stdout
    assert secret not in listed.stdout and "argon2" not in listed.stdout
    bad = _popbot(tmp_path, "add", "Not A Name!")
    assert bad.returncode == 1 and "username" in bad.stdout
    reset = _popbot(tmp_path, "reset-password", "maria.k")
    assert reset.returncode == 0 and "second factor is unchanged" in reset.stdout
    assert re.search(r"shown once\): (\S+)", reset.stdout).group(1) != secret
    disabled = _popbot(tmp_path, "disable", "maria.k")
    assert disabled.returncode == 0 and "sessions ended" in disabled.stdout
    missing = _popbot(tmp_path, "reset-2fa", "nobody")
    assert missing.returncode == 1 and "no such account" in missing.stdout
    # (reset-2fa and the account rules themselves are tested through the service functions)
    database = (tmp_path / "popbot.db").read_bytes()
    assert secret.encode() not in database and b"maria.k" in database  # the password is never stored in clear
