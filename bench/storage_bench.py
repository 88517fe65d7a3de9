"""Encrypted tracker store vs Rasa's own ``SQLTrackerStore``: same trackers, same database.

Per simulated message, as Rasa's processor does: retrieve the conversation's tracker, append the
events of one turn (user message with parse data, slot, bot reply, action_listen), save.
Stores are exercised alternately (message by message) so machine noise hits both alike.
Prints p50/p95 latency of each and the ratio encrypted / baseline (budget: <= 1.10).

    python -m bench storage [--conversations 10] [--messages 30] [--database-url URL]
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET = 1.10


def _turn(i: int) -> list[Any]:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

    text = f"message number {i}: the cream for my skin problems, how long does shipping take?"
    return [
        UserUttered(
            text,
            {"name": "rumianek__ask_price", "confidence": 0.93},
            [],
            {
                "text": text,
                "intent": {"name": "rumianek__ask_price", "confidence": 0.93},
                "intent_ranking": [{"name": f"intent_{k}", "confidence": 0.01} for k in range(10)],
                "signal": "none",
                "urgent": False,
            },
            metadata={"persona": "rumianek"},
        ),
        SlotSet("lang", "pl"),
        ActionExecuted("utter_ask_price"),
        BotUttered("Our chamomile cream costs 29 zł; shipping takes two days.", {"elements": None}),
        ActionExecuted("action_listen"),
    ]


async def _message(store: Any, domain: Any, sender: str, i: int) -> float:
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    start = time.perf_counter()
    tracker = await store.retrieve(sender)
    if tracker is None:
        tracker = store.init_tracker(sender)
        for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
            tracker.update(event)
    for event in _turn(i):
        tracker.update(event, domain)
    await store.save(tracker)
    return time.perf_counter() - start


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def run(conversations: int, messages: int, database_url: str | None, workdir: Path) -> dict[str, list[float]]:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from core.settings import load_settings
    from bot.storage.keys import FileKeyProvider
    from bot.storage.runtime import open_storage
    from bot.storage.tracker_store import EncryptedTrackerStore

    domain = Domain.from_dict(
        {"intents": ["rumianek__ask_price"], "slots": {"lang": {"type": "text", "mappings": [{"type": "custom"}]}},
         "responses": {"utter_ask_price": [{"text": "29 zł"}]}}
    )
    url = database_url or f"sqlite:///{workdir / 'bench.db'}"
    settings = load_settings({"POPBOT_VAR_DIR": str(workdir / "var")})
    storage = open_storage(settings, database_url=url, provider=FileKeyProvider(workdir / "keys", generate=True))
    stores = {
        "rasa_sql": SQLTrackerStore(domain, host=url) if "://" in url and not url.startswith("sqlite")
        else SQLTrackerStore(domain, dialect="sqlite", db=str(workdir / "bench.db")),
        "encrypted": EncryptedTrackerStore(domain=domain, storage=storage),
    }
    times: dict[str, list[float]] = {name: [] for name in stores}
    run_id = f"{time.time_ns():x}"
    warmup = 2
    for i in range(messages):
        for c in range(conversations):
            order = list(stores.items()) if (i + c) % 2 == 0 else list(reversed(stores.items()))
            for name, store in order:
                elapsed = await _message(store, domain, f"bench-{run_id}-{name}-{c}", i)
                if i >= warmup:
                    times[name].append(elapsed)
    storage.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench storage", description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10)
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--database-url", help="default: a fresh SQLite file; e.g. postgresql://postgres@127.0.0.1/test")
    args = parser.parse_args(argv or [])
    import logging

    from core.logs import configure

    configure("WARNING")
    logging.getLogger("rasa").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        times = asyncio.run(run(args.conversations, args.messages, args.database_url, Path(tmp)))
    base, enc = times["rasa_sql"], times["encrypted"]
    p50 = (statistics.median(base), statistics.median(enc))
    p95 = (_percentile(base, 0.95), _percentile(enc, 0.95))
    print(f"storage: {len(enc)} messages per store ({args.conversations} conversations), retrieve+save per message")
    print(f"  rasa SQLTrackerStore  p50 {p50[0] * 1000:7.2f} ms  p95 {p95[0] * 1000:7.2f} ms")
    print(f"  EncryptedTrackerStore p50 {p50[1] * 1000:7.2f} ms  p95 {p95[1] * 1000:7.2f} ms")
    r50, r95 = p50[1] / p50[0], p95[1] / p95[0]
    verdict = "within" if max(r50, r95) <= BUDGET else "OVER"
    print(f"  ratio encrypted/rasa: p50 {r50:.2f}x  p95 {r95:.2f}x  ({verdict} budget {BUDGET:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
