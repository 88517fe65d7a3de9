"""Dashboard charts: the handoff statistics (tests/handoff/test_stats.py) drawn as SVG that
carries only names and counts."""
from __future__ import annotations

from bot.console import charts
from bot.handoff.stats import Statistics


def test_one_chart_per_statistic_in_page_order() -> None:
    stats = Statistics(total=3, by_signal=(("urgent", 2), ("help_request", 1)), by_persona=(("rumianek", 3),),
                       by_language=(("pl", 3),), by_outcome=(("referred", 1),), waiting_times=(("< 1 min", 3),))
    assert [(c.key, c.rows) for c in charts.charts(stats)] == [
        ("by_signal", (("urgent", 2), ("help_request", 1))), ("by_persona", (("rumianek", 3),)),
        ("by_language", (("pl", 3),)), ("waiting_times", (("< 1 min", 3),)), ("by_outcome", (("referred", 1),)),
    ]
    assert charts.charts(stats)[0].total == 3 and charts.charts(stats)[0].max == 2


def test_svg_has_a_title_a_bar_per_row_and_escapes_names() -> None:
    chart = charts.Chart("by_persona", (("<script>", 4), ("b", 2)))
    drawn = str(charts.svg(chart, "Conversations & personas"))
    assert drawn.startswith("<svg") and 'role="img"' in drawn and "<title>Conversations &amp; personas</title>" in drawn
    assert drawn.count('class="bar"') == 2 and "<script>" not in drawn and "&lt;script&gt;" in drawn
    assert 'width="300.0"' in drawn and 'width="150.0"' in drawn  # scaled to the largest count
    assert "style=" not in drawn  # the CSP allows no inline style
    empty = str(charts.svg(charts.Chart("by_outcome", ()), "Outcomes"))
    assert "<rect" not in empty and "<title>Outcomes</title>" in empty
