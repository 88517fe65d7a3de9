"""`popbot run` supervises its processes: a killed one is restarted with backoff, the others keep
serving, and the operator is told (real child processes, killed with SIGKILL)."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from bot.cli.run import supervise
from bot.stack import BACKOFF_START, Process, Stack
from core.settings import load_settings
from tests.channels.harness import free_port


def _server(name: str, directory: Path) -> Process:
    port = free_port()
    return Process(name, [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                          str(directory)], f"http://127.0.0.1:{port}/")


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def stack(tmp_path: Path) -> Stack:
    running = Stack(load_settings(), processes=[_server("action server", tmp_path), _server("rasa server", tmp_path)])
    running.start(timeout=60)
    yield running
    running.stop()


def test_a_killed_process_is_restarted_with_backoff_while_the_other_keeps_serving(stack: Stack) -> None:
    actions, rasa = stack.processes
    assert actions.popen is not None
    os.killpg(actions.popen.pid, signal.SIGKILL)
    actions.popen.wait()
    now = time.monotonic()
    [stopped] = stack.supervise(now)
    assert stopped.startswith("action server stopped (signal SIGKILL); restarting it in 1 s")
    assert stack.supervise(now + BACKOFF_START / 2) == []  # still backing off
    assert _answers(rasa.health_url)  # the other process was never touched
    assert stack.supervise(now + BACKOFF_START) == ["action server restarted (restart 1)"]
    deadline = time.monotonic() + 30
    while not _answers(actions.health_url):
        assert time.monotonic() < deadline, "the restarted process does not answer"
        time.sleep(0.2)
    # a second crash soon after waits twice as long
    os.killpg(actions.popen.pid, signal.SIGKILL)
    actions.popen.wait()
    later = time.monotonic()
    [again] = stack.supervise(later)
    assert "restarting it in 2 s" in again
    assert stack.supervise(later + 1.5) == []
    assert stack.supervise(later + 2.0) == ["action server restarted (restart 2)"]


def test_popbot_run_loop_says_what_it_restarted(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    actions, rasa = stack.processes
    stopping = threading.Event()
    loop = threading.Thread(target=supervise, args=(stack, stopping, 0.1))
    loop.start()
    try:
        assert actions.popen is not None
        os.killpg(actions.popen.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while actions.restarts == 0 or not _answers(actions.health_url):
            assert time.monotonic() < deadline, "not restarted"
            assert _answers(rasa.health_url)
            time.sleep(0.1)
    finally:
        stopping.set()
        loop.join()
    out = capsys.readouterr().out
    assert "popbot run: action server stopped (signal SIGKILL)" in out
    assert "popbot run: action server restarted (restart 1)" in out
    assert "shutting down" not in out
    assert stack.running()
