"""``popbot run --replicas N``: refuses a set-up replicas cannot share; the local proxy
configuration is docker/Caddyfile with the same routing; the health server's answers."""
from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import httpx
import pytest

from bot import cluster, health
from bot.cli.run import run
from core.settings import load_settings
from tests.conftest import free_port


def _args(**values: object) -> argparse.Namespace:
    base = {"no_actions": True, "no_console": True, "retention_every": 0.0, "replicas": 2, "proxy_port": 8000}
    return argparse.Namespace(**{**base, **values})


def test_replicas_refuse_sqlite_and_a_missing_redis(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("POPBOT_DATABASE_URL", raising=False)
    monkeypatch.delenv("POPBOT_REDIS_URL", raising=False)
    assert run(_args()) == 2
    assert "POPBOT_DATABASE_URL=postgresql" in capsys.readouterr().out
    monkeypatch.setenv("POPBOT_DATABASE_URL", "postgresql://popbot@127.0.0.1:9/popbot")
    assert run(_args()) == 2
    assert "POPBOT_REDIS_URL" in capsys.readouterr().out
    monkeypatch.setenv("POPBOT_REDIS_URL", "redis://127.0.0.1:9/0")
    assert run(_args(replicas=0)) == 2
    assert "at least 1" in capsys.readouterr().out


def test_replica_addresses_ports_and_var_dirs(tmp_path: Path) -> None:
    """One loopback address per replica, the same ports on each (as containers): caddy's active
    health check takes one health port for every upstream."""
    settings = load_settings({"POPBOT_VAR_DIR": str(tmp_path), "POPBOT_RASA_PORT": "7000"})
    members = cluster.replicas(settings, 3)
    assert [(r.host, r.rasa_port, r.health_port) for r in members] == [
        ("127.0.0.1", 7000, 7001), ("127.0.0.2", 7000, 7001), ("127.0.0.3", 7000, 7001)]
    assert [r.var_dir for r in members] == [tmp_path / "replicas" / str(i) for i in (1, 2, 3)]
    assert members[1].health_url == "http://127.0.0.2:7001"
    settings = load_settings({"POPBOT_VAR_DIR": str(tmp_path), "POPBOT_RASA_PORT": "7000", "POPBOT_HEALTH_PORT": "9100",
                              "POPBOT_HOST": "0.0.0.0"})
    assert [(r.host, r.health_port) for r in cluster.replicas(settings, 2)] == [("127.0.0.1", 9100), ("127.0.0.2", 9100)]
    settings = load_settings({"POPBOT_VAR_DIR": str(tmp_path), "POPBOT_HOST": "127.0.1.1"})
    assert [r.host for r in cluster.replicas(settings, 2)] == ["127.0.1.1", "127.0.1.2"]


def test_replicas_refuse_a_health_port_equal_to_the_rasa_port(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POPBOT_DATABASE_URL", "postgresql://popbot@127.0.0.1:9/popbot")
    monkeypatch.setenv("POPBOT_REDIS_URL", "redis://127.0.0.1:9/0")
    monkeypatch.setenv("POPBOT_RASA_PORT", "7000")
    monkeypatch.setenv("POPBOT_HEALTH_PORT", "7000")
    assert run(_args()) == 2
    assert "POPBOT_HEALTH_PORT different" in capsys.readouterr().out


def test_the_local_caddyfile_is_the_production_one_with_local_addresses() -> None:
    local = cluster.local_caddyfile("127.0.0.1:8000", ["127.0.0.1:5005", "127.0.0.2:5005"], 5106)
    production = cluster.CADDYFILE.read_text()
    site = production[production.index("{$POPBOT_DOMAIN} {"):]
    local_site = local[local.index("http://127.0.0.1:8000 {"):]
    # Everything from the site block on is identical except the upstream discovery and the
    # health port: the same routing, health checks, retries and timeouts.
    assert local_site == site.replace("{$POPBOT_DOMAIN} {", "http://127.0.0.1:8000 {").replace(
        "to popbot-rasa-1:5005 popbot-rasa-2:5005", "to 127.0.0.1:5005 127.0.0.2:5005"
    ).replace("{$POPBOT_DEFAULT_PERSONA}", "rumianek").replace("health_port 5006", "health_port 5106")
    assert "admin off" in local and "email" not in local
    for rule in ("health_uri /ready", "health_interval 1s", "fail_duration 2s", "max_fails 2", "buffer_requests",
                 "lb_try_duration 5s", "lb_try_interval 100ms"):
        assert rule in local_site, rule


def test_caddy_accepts_the_local_caddyfile(tmp_path: Path) -> None:
    path = tmp_path / "Caddyfile"
    path.write_text(cluster.local_caddyfile("127.0.0.1:8000", ["127.0.0.1:5005"], 5006))
    done = subprocess.run(
        [cluster.CADDY, "validate", "--adapter", "caddyfile", "--config", str(path)],
        capture_output=True, text=True, timeout=120,
        env={"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_proxy_error_log_keeps_no_address_header_or_path(tmp_path: Path) -> None:
    """A request to a dead replica is logged as an error without who sent it or where."""
    import time

    port, dead = free_port(), free_port()
    path = tmp_path / "Caddyfile"
    path.write_text(cluster.local_caddyfile(f"127.0.0.1:{port}", [f"127.0.0.1:{dead}"], free_port()))
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    log = open(tmp_path / "caddy.log", "wb")
    caddy = subprocess.Popen([cluster.CADDY, "run", "--adapter", "caddyfile", "--config", str(path)],
                             stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        for _ in range(400):
            try:
                answer = httpx.post(f"http://127.0.0.1:{port}/webhooks/telegram/secret-path-123",
                                    headers={"X-Telegram-Bot-Api-Secret-Token": "header-secret-456"}, json={}, timeout=30)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert answer.status_code in (502, 503)
    finally:
        caddy.terminate()
        caddy.wait(timeout=30)
        log.close()
    text = (tmp_path / "caddy.log").read_text()
    assert '"status":50' in text  # the error is logged ...
    for private in ("secret-path-123", "header-secret-456", "remote_ip", "remote_port", "X-Telegram"):
        assert private not in text  # ... without the request's address, headers or path


def test_health_answers_live_and_ready_and_nothing_else() -> None:
    state = health.Health()
    port = free_port()
    server = health.serve(state, "127.0.0.1", port)
    try:
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/live").status_code == 200  # loading: alive
        assert httpx.get(f"{base}/ready").status_code == 503  # ... but not ready
        state.ready, state.last_beat = True, health.time.monotonic()
        ready = httpx.get(f"{base}/ready")
        assert ready.status_code == 200 and "python" not in ready.headers.get("server", "").lower()
        state.last_beat -= health.STUCK_AFTER + 1  # the event loop stopped turning
        assert httpx.get(f"{base}/live").status_code == 503
        assert httpx.get(f"{base}/ready").status_code == 503
        assert httpx.get(f"{base}/status").status_code == 404
    finally:
        server.shutdown()
