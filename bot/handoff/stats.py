"""Content-free statistics of the handoffs: counts by signal, persona, language and outcome, and
the distribution of waiting times before a claim. Only counts leave this module — never text,
notes, pseudonyms or usernames (the query selects none of them)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.handoff import tables

#: Every state a handoff reaches after entering the queue (the statistics count them all).
COUNTED_STATES = ("waiting", "held", "returned", "closed")
#: Waiting-time buckets (upper bound in minutes, label); the last is open-ended.
WAIT_BUCKETS: tuple[tuple[float, str], ...] = (
    (1, "< 1 min"), (5, "1–5 min"), (15, "5–15 min"), (60, "15–60 min"), (float("inf"), "> 60 min"),
)

Counts = tuple[tuple[str, int], ...]


class Counted(Protocol):
    """The content-free columns of a handoff that the statistics read."""

    persona: str
    lang: str
    signal: str
    state: str
    entered_at: float
    claimed_at: float | None
    outcome: str | None


@dataclass(frozen=True)
class Statistics:
    """Counts only; each dimension most frequent first (waiting times in bucket order)."""

    total: int
    by_signal: Counts
    by_persona: Counts
    by_language: Counts
    by_outcome: Counts
    waiting_times: Counts


def waited_minutes(entry: Counted, now: float) -> float:
    """Minutes from entering the queue to the first claim (or until now when still waiting)."""
    end = entry.claimed_at if entry.claimed_at is not None else (now if entry.state == "waiting" else entry.entered_at)
    return max(0.0, end - entry.entered_at) / 60


def _bucket(minutes: float) -> str:
    return next(label for bound, label in WAIT_BUCKETS if minutes < bound)


def _ordered(counter: Counter[str]) -> Counts:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def count(entries: Iterable[Counted], now: float) -> Statistics:
    """The statistics of ``entries``; a waiting time counts claimed or still-waiting handoffs."""
    items = list(entries)
    waits = Counter(_bucket(waited_minutes(e, now)) for e in items if e.claimed_at is not None or e.state == "waiting")
    return Statistics(
        total=len(items),
        by_signal=_ordered(Counter(e.signal for e in items)),
        by_persona=_ordered(Counter(e.persona for e in items)),
        by_language=_ordered(Counter(e.lang for e in items)),
        by_outcome=_ordered(Counter(e.outcome for e in items if e.outcome)),
        waiting_times=tuple((label, waits.get(label, 0)) for _, label in WAIT_BUCKETS),
    )


def load(conn: Connection, now: float, *, since: float | None = None) -> Statistics:
    """The statistics of every handoff that entered the queue (at or after ``since``)."""
    c = tables.conversations.c
    query = (sa.select(c.persona, c.lang, c.signal, c.state, c.entered_at, c.claimed_at, c.outcome)
             .where(c.state.in_(COUNTED_STATES)))
    if since is not None:
        query = query.where(c.entered_at >= since)
    return count(conn.execute(query).all(), now)
