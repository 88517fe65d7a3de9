"""The cluster bench's report (``bench.cluster_bench.render``): its header says what the run measured
about the rest of the machine, and ``--render`` writes it again from a run's JSON without running."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench import cluster_bench


def _report(other: float, load: float) -> dict[str, Any]:
    cores = {"replica 1": 0.9, "PostgreSQL": 0.1, "machine": 1.0 + other, "other": other}
    run = {"saturated_cpu_cores": cores, "saturated": {"msg_per_s": 20.0},
           "half": {"p50_ms": 40.0, "p95_ms": 80.0}, "half_stored": {"lost": 0, "duplicates": 0},
           "saturated_stored": {"lost": 0, "duplicates": 0}, "replica_rss_mb": [900]}
    return {"machine": f"AMD EPYC, 2 cores usable, Python 3.10.13, load average {load:.2f}", "client": "aiohttp",
            "conversations": 100, "messages": 10, "half_messages": 3, "runs": {1: run}, "notes": [],
            "load_after": f"load average {load:.2f}"}


def test_a_quiet_run_is_not_called_a_shared_machine() -> None:
    text = cluster_bench.render(_report(other=0.03, load=1.02))
    assert "other engineers' work running" not in text and "Shared machine" not in text
    assert "Otherwise quiet machine: other work took at most 0.03 of the 2 cores" in text


def test_a_run_beside_other_work_says_how_much_it_took() -> None:
    text = cluster_bench.render(_report(other=1.43, load=8.41))
    assert "Shared machine: other work took 1.43-1.43 of the 2 cores while saturated" in text


def test_the_report_is_written_again_from_its_json(tmp_path: Path) -> None:
    report = _report(other=0.03, load=1.02)
    report["runs"][1]["saturated_cpu_cores"]["replica 1"] = 0.5  # 0.5 cores / 20 msg/s = 25 ms
    (tmp_path / "cluster_bench.json").write_text(json.dumps(report))  # replica counts become strings
    out = tmp_path / "again"
    assert cluster_bench.main(["--render", str(tmp_path / "cluster_bench.json"), "--out", str(out)]) == 0
    text = (out / "cluster_bench.md").read_text()
    assert text == cluster_bench.render(report)
    assert "- 1: replicas 25.0 ms" in text and "Otherwise quiet machine" in text
