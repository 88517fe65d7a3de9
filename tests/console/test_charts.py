"""Dashboard charts: counts by signal, persona, language, waiting time and outcome, drawn as SVG
that carries only names and counts."""
from __future__ import annotations

from dataclasses import dataclass

from bot.console import charts


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
    found = {c.key: c.rows for c in charts.charts(ROWS, now=1000 + 20 * 60)}
    assert found["by_signal"] == (("help_request", 3), ("self_harm", 1), ("urgent", 1))
    assert found["by_persona"] == (("rumianek", 3), ("gametips", 1), ("plain", 1))
    assert found["by_language"] == (("es", 2), ("pl", 2), ("en", 1))
    assert found["by_outcome"] == (("referred", 1), ("resolved", 1))
    # 30 s, 90 s, 400 s, 5000 s claimed; the waiting one has waited 20 min so far
    assert found["waiting_times"] == (("< 1 min", 1), ("1–5 min", 1), ("5–15 min", 1), ("15–60 min", 1), ("> 60 min", 1))


def test_svg_has_a_title_a_bar_per_row_and_escapes_names() -> None:
    chart = charts.Chart("by_persona", (("<script>", 4), ("b", 2)))
    drawn = str(charts.svg(chart, "Conversations & personas"))
    assert drawn.startswith("<svg") and 'role="img"' in drawn and "<title>Conversations &amp; personas</title>" in drawn
    assert drawn.count('class="bar"') == 2 and "<script>" not in drawn and "&lt;script&gt;" in drawn
    assert 'width="300.0"' in drawn and 'width="150.0"' in drawn  # scaled to the largest count
    assert "style=" not in drawn  # the CSP allows no inline style
    empty = str(charts.svg(charts.Chart("by_outcome", ()), "Outcomes"))
    assert "<rect" not in empty and "<title>Outcomes</title>" in empty
