"""The fault-injection run (bench/fault_bench.py), smaller: 20 concurrent conversations through
caddy and a supervised Rasa server on a throwaway PostgreSQL and Redis, while the action server is
killed, the database turns read-only, PostgreSQL and then Redis are restarted. No user message is
lost, no emergency reply withheld, no reply shown twice, nothing stored twice."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from core import PROJECT_ROOT

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(not any((PROJECT_ROOT / "models").glob("*.tar.gz")), reason="no trained model in models/"),
    pytest.mark.skipif(shutil.which("caddy") is None or shutil.which("redis-server") is None,
                       reason="caddy and redis-server are installed by make test-deps"),
    pytest.mark.skipif(not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")), reason="no PostgreSQL server binaries"),
]


def test_faults_under_load_lose_nothing_and_withhold_no_emergency_reply() -> None:
    from bench import fault_bench

    workdir = Path(tempfile.mkdtemp(prefix="popbot-fault-test-"))
    workdir.chmod(0o755)  # the throwaway cluster runs as the postgres user
    try:
        report = fault_bench.run(conversations=20, messages=3, rate=4.0, workdir=workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(fault_bench.render({**report, "machine": "", "load_before": "", "load_after": ""}))
    assert [row["fault"] for row in report["recovery"]] == list(fault_bench.FAULTS)
    assert report["danger_messages"] == 20
    assert report["user_messages_lost"] == 0
    assert report["emergency_replies_withheld"] == 0
    assert report["duplicate_replies"] == 0
    assert report["duplicates_stored"] == 0
    assert report["given_up"] == 0
