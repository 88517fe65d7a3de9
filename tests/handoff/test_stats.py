"""Content-free handoff statistics: counts by signal, persona, language and outcome and the
waiting-time distribution, on the real database; only the roles permissions.yml names may ask."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.console import permissions
from bot.handoff import bot_side, service, stats
from bot.handoff.errors import NotAllowed
from bot.handoff.model import Actor, Context
from tests.console.conftest import Clock


@dataclass(frozen=True)
class Row:
    persona: str
    lang: str
    signal: str
    state: str
    entered_at: float
    claimed_at: float | None
    outcome: str | None


ROWS = [
    Row("rumianek", "pl", "urgent", "held", 0, 30, None),
    Row("rumianek", "pl", "help_request", "closed", 0, 400, "referred"),
    Row("gametips", "en", "help_request", "waiting", 1000, None, None),
    Row("plain", "es", "self_harm", "closed", 0, 5000, "resolved"),
    Row("rumianek", "es", "help_request", "returned", 0, 90, None),
]


def test_counts_per_dimension_most_frequent_first() -> None:
    found = stats.count(ROWS, now=1000 + 20 * 60)
    assert found.total == 5
    assert found.by_signal == (("help_request", 3), ("self_harm", 1), ("urgent", 1))
    assert found.by_persona == (("rumianek", 3), ("gametips", 1), ("plain", 1))
    assert found.by_language == (("es", 2), ("pl", 2), ("en", 1))
    assert found.by_outcome == (("referred", 1), ("resolved", 1))
    # 30 s, 90 s, 400 s, 5000 s claimed; the waiting one has waited 20 min so far
    assert found.waiting_times == (("< 1 min", 1), ("1–5 min", 1), ("5–15 min", 1), ("15–60 min", 1), ("> 60 min", 1))


def test_statistics_on_the_database_count_every_state_and_carry_no_ids(
    ctx: Context, clock: Clock, people: dict[str, Actor],
) -> None:
    anna = people["anna"]
    cids = [f"web_stats{n:04d}" for n in range(4)]
    for n, cid in enumerate(cids):
        bot_side.enter_queue(ctx, cid, channel="web", persona="gametips" if n == 3 else "rumianek", lang="en" if n == 3 else "pl",
                             signal="urgent" if n == 0 else "help_request", urgent=n == 0)
        bot_side.record_child_message(ctx, cid, "canary-5d1e my uncle hurts me", signal="help_request", urgent=False)
    clock.advance(120)
    service.claim(ctx, anna, cids[0])
    service.claim(ctx, anna, cids[1])
    service.close(ctx, anna, cids[1], outcome="referred", categories=["abuse_disclosure"])
    clock.advance(20 * 60)
    found = service.statistics(ctx, people["adam"])
    assert found.total == 4
    assert found.by_signal == (("help_request", 3), ("urgent", 1))
    assert found.by_persona == (("rumianek", 3), ("gametips", 1))
    assert found.by_language == (("pl", 3), ("en", 1))
    assert found.by_outcome == (("referred", 1),)
    assert found.waiting_times == (("< 1 min", 0), ("1–5 min", 2), ("5–15 min", 0), ("15–60 min", 2), ("> 60 min", 0))
    shown = repr(found)
    assert not any(word in shown for word in (*cids, "anna", "canary", "uncle"))
    assert service.statistics(ctx, people["sue"], since=clock() + 1).total == 0


def test_statistics_follow_the_rules_file(ctx: Context, people: dict[str, Actor], monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = permissions.rules()
    assert [service.statistics(ctx, people[p]).total for p in ("anna", "sue", "adam")] == [0, 0, 0]
    monkeypatch.setattr(permissions, "rules", lambda: {**shipped, "view_statistics": [frozenset({"is_supervisor"})]})
    assert service.statistics(ctx, people["sue"]).total == 0
    for username in ("anna", "adam"):
        with pytest.raises(NotAllowed, match="may not view the statistics"):
            service.statistics(ctx, people[username])
