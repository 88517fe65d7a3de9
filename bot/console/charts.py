"""Dashboard figures: counts of handoffs by signal, persona, language, waiting time and outcome,
drawn as server-rendered SVG bar charts (no script, nothing inline the CSP would refuse).

Only counts leave this module: an entry's text, notes or ids never reach a chart.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

from markupsafe import Markup, escape

#: Waiting-time buckets (upper bound in minutes, label key); the last is open-ended.
WAIT_BUCKETS: tuple[tuple[float, str], ...] = ((1, "< 1 min"), (5, "1–5 min"), (15, "5–15 min"), (60, "15–60 min"), (float("inf"), "> 60 min"))
BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 22, 6, 150, 300


class Counted(Protocol):
    persona: str
    lang: str
    signal: str
    state: str
    entered_at: float
    claimed_at: float | None
    outcome: str | None


@dataclass(frozen=True)
class Chart:
    key: str  # also the i18n key of the title
    rows: tuple[tuple[str, int], ...]

    @property
    def max(self) -> int:
        return max((n for _, n in self.rows), default=0)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.rows)


def waited_minutes(entry: Counted, now: float) -> float:
    """Minutes from entering the queue to the first claim (or until now when still waiting)."""
    end = entry.claimed_at if entry.claimed_at is not None else (now if entry.state == "waiting" else entry.entered_at)
    return max(0.0, end - entry.entered_at) / 60


def _bucket(minutes: float) -> str:
    return next(label for bound, label in WAIT_BUCKETS if minutes < bound)


def _ordered(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def charts(entries: Iterable[Counted], now: float) -> list[Chart]:
    """The dashboard's charts over ``entries`` (handoffs of any state)."""
    items = list(entries)
    waits = Counter(_bucket(waited_minutes(e, now)) for e in items if e.claimed_at is not None or e.state == "waiting")
    return [
        Chart("by_signal", _ordered(Counter(e.signal for e in items))),
        Chart("by_persona", _ordered(Counter(e.persona for e in items))),
        Chart("by_language", _ordered(Counter(e.lang for e in items))),
        Chart("waiting_times", tuple((label, waits.get(label, 0)) for _, label in WAIT_BUCKETS)),
        Chart("by_outcome", _ordered(Counter(e.outcome for e in items if e.outcome))),
    ]


def svg(chart: Chart, title: str, labels: Sequence[str] | None = None) -> Markup:
    """A horizontal bar chart; ``labels`` (same order as rows) replaces the raw row names."""
    names = list(labels) if labels is not None else [name for name, _ in chart.rows]
    height = max(1, len(chart.rows)) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 60
    scale = BAR_WIDTH / chart.max if chart.max else 0
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, ((_, n), name) in enumerate(zip(chart.rows, names)):
        y = GAP + i * (BAR_HEIGHT + GAP)
        mid = y + BAR_HEIGHT / 2 + 5
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{mid}" text-anchor="end">{escape(name)}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{round(n * scale, 1)}" height="{BAR_HEIGHT}"></rect>'
            f'<text x="{LABEL_WIDTH + round(n * scale, 1) + 6}" y="{mid}">{n}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
