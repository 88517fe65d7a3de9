"""Start, supervise and stop the whole local stack (action server, Rasa server, counselor console)
as child processes.

Used by ``popbot run`` and by the end-to-end tests, so both run exactly the same processes.
:meth:`Stack.supervise` restarts a process that stopped (crash, SIGBUS, killed) with exponential
backoff while the others keep serving (docs/design.md: one crash restarts that process, not the
service).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Mapping, Optional

import httpx

from core import PROJECT_ROOT
from core.settings import Settings


class StackError(RuntimeError):
    """A process of the stack did not start."""


#: First restart delay and its cap (doubling in between); a process up this long counts as healthy.
BACKOFF_START, BACKOFF_MAX, HEALTHY_AFTER = 1.0, 30.0, 60.0
#: Seconds a (re)started process may take to answer its health URL: loading the model on a busy
#: 2-core machine took over two minutes.
READY_TIMEOUT = 240.0


@dataclass
class Process:
    name: str
    args: list[str]
    health_url: str
    env: dict[str, str] = field(default_factory=dict)
    popen: Optional[subprocess.Popen] = None
    log: Optional[IO[bytes]] = None
    restarts: int = 0
    started_at: float = 0.0
    backoff: float = BACKOFF_START
    restart_at: Optional[float] = None


@dataclass
class Stack:
    settings: Settings
    env: Mapping[str, str] = field(default_factory=dict)
    log_dir: Optional[Path] = None
    with_actions: bool = True
    with_console: bool = True
    #: Rasa replicas; with ``proxy_port`` they run behind caddy (bot.cluster), like production.
    replicas: int = 1
    proxy_port: Optional[int] = None
    processes: list[Process] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.processes:  # given explicitly (tests)
            return
        py = sys.executable
        s = self.settings
        if self.with_actions:
            self.processes.append(
                Process("action server", [py, "-m", "bot.actions_server"], f"http://{s.host}:{s.actions_port}/health")
            )
        if self.proxy_port is None:
            self.processes.append(Process("rasa server", [py, "-m", "bot.server"], f"{s.rasa_url}/"))
        else:
            self.processes.extend(self._cluster(py))
        if self.with_console:
            self.processes.append(Process("console", [py, "-m", "bot.console"], f"{s.console_url}/health"))

    def _cluster(self, py: str) -> list[Process]:
        """The replicas (ready when their health port says so) and the proxy in front of them."""
        from bot import cluster

        s = self.settings
        members = cluster.replicas(s, self.replicas)
        # Every replica uses the same secrets: generated once here outside production, else given.
        shared = {
            "POPBOT_RASA_TOKEN": s.required_secret("rasa_token"),
            "POPBOT_ACTIONS_SECRET": s.required_secret("actions_secret"),
            "POPBOT_KEYS_DIR": str(s.keys_dir or s.var_dir / "keys"),
            # caddy is one proxy hop: rate limits count the client's address, not the proxy's
            "POPBOT_FORWARDED_HOPS": "1",
            # replicas listen on their own loopback addresses; the action server stays where it is
            "POPBOT_ACTIONS_URL": s.actions_endpoint,
        }
        if s.key_provider or s.master_keys:
            del shared["POPBOT_KEYS_DIR"]
        processes = [
            Process(
                r.name, [py, "-m", "bot.server"], f"{r.health_url}/ready",
                env={**shared, "POPBOT_HOST": r.host, "POPBOT_RASA_PORT": str(r.rasa_port),
                     "POPBOT_HEALTH_PORT": str(r.health_port), "POPBOT_VAR_DIR": str(r.var_dir)},
            )
            for r in members
        ]
        config = cluster.write_proxy_config(s, self.proxy_port, members)
        proxy_env = {"XDG_CONFIG_HOME": str(config.parent), "XDG_DATA_HOME": str(config.parent)}
        processes.append(Process(
            # ready once it routes to a replica its health checks found ready (the web channel's
            # GET /webhooks/web/ answers through it), not merely once it listens
            "proxy", [cluster.CADDY, "run", "--adapter", "caddyfile", "--config", str(config)],
            f"http://{s.host}:{self.proxy_port}/webhooks/web/", env=proxy_env,
        ))
        return processes

    def start(self, timeout: float = READY_TIMEOUT) -> None:
        """Start every process and wait until each answers its health URL."""
        for proc in self.processes:
            self._spawn(proc)
        deadline = time.monotonic() + timeout
        for proc in self.processes:
            self._wait_ready(proc, deadline)

    def _spawn(self, proc: Process) -> None:
        stdout: IO[bytes] | int | None = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            proc.log = open(self.log_dir / f"{proc.name.replace(' ', '_')}.log", "ab")
            stdout = proc.log
        proc.started_at = time.monotonic()
        proc.popen = subprocess.Popen(
            proc.args, cwd=PROJECT_ROOT, env={"PYTHONHASHSEED": "0", **os.environ, **self.env, **proc.env}, stdout=stdout,
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def process(self, name: str) -> Process:
        return next(p for p in self.processes if p.name == name)

    def stop_one(self, name: str, timeout: float = 20.0) -> None:
        """Stop one process (e.g. the action server, to test that emergency replies survive)."""
        proc = self.process(name)
        self._terminate([proc], timeout)

    def start_one(self, name: str, timeout: float = READY_TIMEOUT) -> None:
        proc = self.process(name)
        self._spawn(proc)
        self._wait_ready(proc, time.monotonic() + timeout)

    def _wait_ready(self, proc: Process, deadline: float) -> None:
        assert proc.popen is not None
        while time.monotonic() < deadline:
            code = proc.popen.poll()
            if code is not None:
                self.stop()
                raise StackError(f"{proc.name} exited with code {code} while starting")
            try:
                if httpx.get(proc.health_url, timeout=2).status_code < 500:  # /ready: 503 until loaded
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise StackError(f"{proc.name} did not answer {proc.health_url} in time")

    def stop(self, timeout: float = 20.0) -> None:
        """Stop every process (SIGINT, then SIGKILL after ``timeout``)."""
        self._terminate(list(reversed(self.processes)), timeout)

    @staticmethod
    def _terminate(processes: list[Process], timeout: float) -> None:
        for proc in processes:
            if proc.popen and proc.popen.poll() is None:
                try:
                    os.killpg(proc.popen.pid, signal.SIGINT)
                except ProcessLookupError:
                    pass
        for proc in processes:
            if proc.popen:
                try:
                    proc.popen.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.popen.pid, signal.SIGKILL)
                    proc.popen.wait()
            if proc.log:
                proc.log.close()
                proc.log = None

    def running(self) -> bool:
        return all(p.popen is not None and p.popen.poll() is None for p in self.processes)

    def supervise(self, now: Optional[float] = None) -> list[str]:
        """Notice stopped processes and restart each after its backoff; never blocks.

        Returns what happened, one line per event, for the operator (no content, no ids).
        """
        now = time.monotonic() if now is None else now
        events: list[str] = []
        for proc in self.processes:
            if proc.popen is None:
                continue
            code = proc.popen.poll()
            if code is None:
                if proc.restart_at is None and now - proc.started_at >= HEALTHY_AFTER:
                    proc.backoff = BACKOFF_START
                continue
            if proc.restart_at is None:
                proc.restart_at = now + proc.backoff
                if proc.log:
                    proc.log.close()
                    proc.log = None
                events.append(
                    f"{proc.name} stopped ({_describe(code)}); restarting it in {proc.backoff:.0f} s, "
                    "the other processes keep serving"
                )
                proc.backoff = min(proc.backoff * 2, BACKOFF_MAX)
            elif now >= proc.restart_at:
                proc.restart_at = None
                proc.restarts += 1
                try:
                    self._spawn(proc)
                except OSError as exc:
                    proc.restart_at = now + proc.backoff
                    events.append(f"{proc.name} could not be restarted ({type(exc).__name__}); trying again")
                    continue
                events.append(f"{proc.name} restarted (restart {proc.restarts})")
        return events


def _describe(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"
