"""The production topology on one machine (``popbot run --replicas 2``): two Rasa replicas on
PostgreSQL and Redis behind Debian's caddy with docker/Caddyfile's routing. One conversation's
messages spread over both replicas are handled one at a time, in arrival order, none lost, each
reply sent once; readiness is false until the model is loaded; the proxy exposes only the shop and
the webhooks."""
from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
import redis

from tests.conftest import E2E_RASA_TOKEN, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]
REDIS_URL = "redis://127.0.0.1:6379/0"


def _port_block(count: int) -> int:
    """The first of ``count`` consecutive free loopback ports."""
    for _ in range(200):
        base = free_port()
        if base + count >= 65535:
            continue
        sockets = []
        try:
            for port in range(base, base + count):
                sock = socket.socket()
                sock.bind(("127.0.0.1", port))
                sockets.append(sock)
            return base
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError("no block of free ports")


class ReadinessWatch(threading.Thread):
    """Records the first answer of replica 1's /ready once its /live answers."""

    def __init__(self, health_url: str) -> None:
        super().__init__(daemon=True)
        self.base = health_url
        self.first: int | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                if httpx.get(f"{self.base}/live", timeout=2).status_code == 200:
                    self.first = httpx.get(f"{self.base}/ready", timeout=2).status_code
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.02)


@pytest.fixture(scope="module")
def cluster(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    import sqlalchemy as sa

    from bot.cluster import replicas
    from bot.stack import Stack
    from bot.storage.keys import FileKeyProvider
    from core.settings import load_settings
    from tests.conftest import PG_ADMIN_URL

    var = tmp_path_factory.mktemp("cluster-var")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL, future=True)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    base = _port_block(2)
    env = {
        "POPBOT_VAR_DIR": str(var),
        "POPBOT_DATABASE_URL": f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}",
        "POPBOT_REDIS_URL": REDIS_URL,
        "POPBOT_RASA_PORT": str(base),
        "POPBOT_HEALTH_PORT": str(base + 1),
        "POPBOT_ACTIONS_PORT": str(free_port()),
        "POPBOT_RASA_TOKEN": E2E_RASA_TOKEN,
    }
    settings = load_settings({**os.environ, **env})
    keys = FileKeyProvider(var / "keys", generate=True)  # the test computes the pseudonym too
    proxy_port = free_port()
    members = replicas(settings, 2)  # 127.0.0.1 and 127.0.0.2, same ports (as containers)
    stack = Stack(settings, env=env, log_dir=var / "logs", with_console=False, replicas=2, proxy_port=proxy_port)
    watch = ReadinessWatch(members[0].health_url)
    watch.start()
    try:
        stack.start()
        watch.join(timeout=60)
        yield {
            "proxy": f"http://127.0.0.1:{proxy_port}", "rasa": [r.url for r in members],
            "health": [r.health_url for r in members], "keys": keys,
            "first_ready": watch.first, "stack": stack, "var": var,
        }
    finally:
        watch.stop.set()
        stack.stop()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_readiness_is_false_until_the_model_is_loaded_then_true(cluster: dict[str, Any]) -> None:
    assert cluster["first_ready"] == 503  # alive, model still loading
    for health in cluster["health"]:
        assert httpx.get(f"{health}/ready").status_code == 200
        assert httpx.get(f"{health}/live").status_code == 200
        assert httpx.get(f"{health}/conversations").status_code == 404


def test_the_proxy_exposes_only_the_shop_and_the_webhooks(cluster: dict[str, Any]) -> None:
    proxy = cluster["proxy"]
    assert httpx.get(f"{proxy}/shop/rumianek/").status_code == 200
    root = httpx.get(f"{proxy}/")
    assert (root.status_code, root.headers["location"]) == (302, "/shop/rumianek/")
    token = {"token": E2E_RASA_TOKEN}
    for path in ("/status", "/version", "/conversations/x/tracker", "/model", "/live", "/ready", "/webhooks/../status"):
        assert httpx.get(f"{proxy}{path}", params=token).status_code in (400, 404), path
    assert httpx.get(f"{cluster['rasa'][0]}/status", params=token).status_code == 200  # the API is there, not public


def test_one_conversation_over_two_replicas_is_ordered_complete_and_replied_once(cluster: dict[str, Any]) -> None:
    from bot.channels import sessions
    from bot.storage.pseudonyms import pseudonym_with

    sender = sessions.issue(key=cluster["keys"].secret(sessions.PURPOSE))  # as a replica would issue it
    conversation = pseudonym_with(cluster["keys"], "web", sender)
    counter = f"popbot:lock:{conversation}:next"
    store = redis.Redis.from_url(REDIS_URL)
    texts = [
        "hi", "what creams do you have?", "how much is the lavender soap?", "do you ship abroad?",
        "thanks", "what is in the chamomile cream?", "is it good for dry skin?", "how long is delivery?",
        "ok", "bye",
    ]
    replies: dict[int, Any] = {}

    def send(number: int) -> None:
        body = {"sender": sender, "message": texts[number], "metadata": {"persona": "rumianek", "lang": "en"}}
        answer = httpx.post(f"{cluster['proxy']}/webhooks/web/webhook", json=body, timeout=120)
        replies[number] = (answer.status_code, answer.json())

    threads = []
    for number in range(len(texts)):
        thread = threading.Thread(target=send, args=(number,))
        thread.start()
        threads.append(thread)
        # The next message is sent once this one queued for the conversation's lock: the messages
        # overlap (both replicas busy with one conversation) and their arrival order is known.
        deadline = time.monotonic() + 120
        while int(store.get(counter) or 0) < number + 1:
            assert time.monotonic() < deadline, "a message never reached the conversation lock"
            time.sleep(0.002)
    for thread in threads:
        thread.join(timeout=300)
    store.close()
    assert all(status == 200 for status, _ in replies.values()), replies

    tracker = httpx.get(
        f"{cluster['rasa'][1]}/conversations/{conversation}/tracker",
        params={"token": E2E_RASA_TOKEN}, timeout=60,
    ).json()
    turns: list[tuple[str, list[str]]] = []
    for event in tracker["events"]:
        if event["event"] == "user":
            turns.append((event["text"], []))
        elif event["event"] == "bot" and turns:
            turns[-1][1].append(event["text"])
    kinds = [event["event"] for event in tracker["events"]]
    assert [text for text, _ in turns] == texts, kinds  # in arrival order, none lost, none twice
    for number, (_, stored) in enumerate(turns):
        # What each request answered is exactly what was stored right after its message: no turn
        # interleaved with another, no reply sent twice.
        assert [r.get("text") for r in replies[number][1]] == stored
        assert stored, f"message {number} got no reply"



def test_one_message_sent_again_through_the_proxy_is_stored_once_and_answered_alike(cluster: dict[str, Any]) -> None:
    """Copies of one message (same id) at once and one after the other, spread by the proxy over
    both replicas: one stored user event, every answer the same replies (bot/channels/repeats.py)."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.channels import sessions
    from bot.storage.pseudonyms import pseudonym_with

    sender = sessions.issue(key=cluster["keys"].secret(sessions.PURPOSE))
    conversation = pseudonym_with(cluster["keys"], "web", sender)
    body = {"sender": sender, "id": uuid.uuid4().hex, "message": "how much is the lavender soap?",
            "metadata": {"persona": "rumianek", "lang": "en"}}

    def send(_: int) -> tuple[int, Any]:
        answer = httpx.post(f"{cluster['proxy']}/webhooks/web/webhook", json=body, timeout=120)
        return answer.status_code, answer.json()

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(send, range(4)))
    answers += [send(0), send(0)]
    assert answers[0][0] == 200 and answers[0][1], answers
    assert all(answer == answers[0] for answer in answers), answers
    tracker = httpx.get(
        f"{cluster['rasa'][0]}/conversations/{conversation}/tracker", params={"token": E2E_RASA_TOKEN}, timeout=60,
    ).json()
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == ["how much is the lavender soap?"]


def test_a_killed_replica_costs_no_request_while_it_is_down_and_while_it_restarts(cluster: dict[str, Any]) -> None:
    """kill -9 of replica 1 between requests: the proxy's health checks and buffered retries send
    every message to replica 2 (no 5xx, no client retry) while replica 1 is down and while it loads
    its model again (its /ready says 503 until then)."""
    import os
    import signal

    from bot.channels import sessions

    stack = cluster["stack"]

    def send() -> int:
        """A new conversation's first message through the proxy (per-conversation limits stay out)."""
        sender = sessions.issue(key=cluster["keys"].secret(sessions.PURPOSE))
        body = {"sender": sender, "message": "hi", "metadata": {"persona": "rumianek", "lang": "en"}}
        answer = httpx.post(f"{cluster['proxy']}/webhooks/web/webhook", json=body, timeout=120)
        assert answer.status_code != 200 or answer.json(), "answered without a reply"
        time.sleep(0.5)  # below the per-address rate limit (240/minute)
        return answer.status_code

    victim = stack.process("rasa server 1")
    os.killpg(victim.popen.pid, signal.SIGKILL)
    victim.popen.wait(timeout=30)
    down = [send() for _ in range(6)]
    assert down == [200] * 6  # nothing failed on the dead replica's port

    restart = threading.Thread(target=stack.start_one, args=("rasa server 1",))
    restart.start()
    loading: list[int] = []
    try:
        while restart.is_alive():  # loading its model: alive, not ready
            loading.append(send())
    finally:
        restart.join()
    assert loading and set(loading) == {200}, loading
    assert stack.process("rasa server 1").popen.poll() is None
    assert httpx.get(f"{cluster['health'][0]}/ready").status_code == 200
    assert [send() for _ in range(4)] == [200] * 4
