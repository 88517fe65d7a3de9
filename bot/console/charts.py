"""Dashboard figures: the handoff statistics (counts by signal, persona, language, waiting time and
outcome, ``bot.handoff.stats``) drawn as server-rendered SVG bar charts (no script, nothing inline
the CSP would refuse). Only counts reach a chart: the statistics carry no text and no ids.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup, escape

from bot.handoff.stats import Statistics

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 22, 6, 150, 300
#: The charts in page order: each a field of Statistics and the i18n key of its title.
CHARTS = ("by_signal", "by_persona", "by_language", "waiting_times", "by_outcome")


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


def charts(stats: Statistics) -> list[Chart]:
    """The dashboard's charts of the handoff statistics (``bot.handoff.service.statistics``)."""
    return [Chart(key, getattr(stats, key)) for key in CHARTS]


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
