"""Coverage map (PNG), drawn offline with matplotlib: the world as a dot map of GeoNames cities,
one marker per country sized by its number of services and coloured by topic or by how long
ago the services were verified; local services at their own coordinates."""
from __future__ import annotations

import math
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Final, Optional

from referrals.errors import ExportError
from referrals.geo import country_place, gazetteer
from referrals.model import Directory, Service

TOPIC_COLORS: Final = {
    "abuse": "#d62728", "domestic_violence": "#ff7f0e", "sexual_violence": "#8c564b",
    "bullying": "#9467bd", "online_safety": "#17becf", "mental_health": "#2ca02c",
    "self_harm": "#e377c2", "lgbtq": "#bcbd22", "general": "#1f77b4",
    "child helpline (all topics)": "#0b2e59", "emergency number only": "#9e9e9e",
}
AGE_BANDS: Final = (
    (183, "verified < 6 months", "#1a9850"),
    (365, "6-12 months", "#fee08b"),
    (730, "1-2 years (stale)", "#f46d43"),
    (10 ** 6, "> 2 years", "#a50026"),
)


def _country_topic(services: list[Service]) -> str:
    helplines = [s for s in services if s.kind != "emergency"]
    if not helplines:
        return "emergency number only"
    counts: Counter[str] = Counter()
    for s in helplines:
        if len(s.topics) >= 6:
            counts["child helpline (all topics)"] += 1
        else:
            counts.update(t for t in s.topics)
    return counts.most_common(1)[0][0]


def _age_band(services: list[Service], today: date) -> tuple[str, str]:
    dates = [s.verified for s in services if s.verified]
    if not dates:
        return "never verified", "#555555"
    age = (today - min(dates)).days  # the oldest verification of the country decides
    for limit, label, color in AGE_BANDS:
        if age <= limit:
            return label, color
    return AGE_BANDS[-1][1], AGE_BANDS[-1][2]


def draw_map(directory: Directory, out: Path | str, color: str = "topic", today: Optional[date] = None) -> Path:
    """Draw the coverage map of ``directory`` into ``out`` (PNG); returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if color not in ("topic", "verified"):
        raise ValueError("color must be 'topic' or 'verified'")
    today = today or date.today()
    out = Path(out)
    gaz = gazetteer()
    fig, ax = plt.subplots(figsize=(16, 7.6), dpi=110)
    ax.set_facecolor("#eaf2f8")
    ax.scatter([c.lon for c in gaz.cities], [c.lat for c in gaz.cities], s=0.8, c="#a3a3a3", linewidths=0, zorder=1)
    for lon in range(-180, 181, 30):
        ax.axvline(lon, color="white", lw=0.6, zorder=0)
    for lat in range(-60, 91, 30):
        ax.axhline(lat, color="white", lw=0.6, zorder=0)

    by_country: dict[str, list[Service]] = {}
    local: list[tuple[float, float, Service]] = []
    for s in directory.services.values():
        for c in s.countries:
            by_country.setdefault(c, []).append(s)
        for loc in s.locations:
            if loc.latitude is not None and loc.longitude is not None:
                local.append((loc.latitude, loc.longitude, s))
    used: dict[str, str] = {}
    missing = 0
    for code, services in sorted(by_country.items()):
        place = country_place(code)
        if place is None:
            missing += 1
            continue
        if color == "topic":
            label = _country_topic(services)
            col = TOPIC_COLORS.get(label, "#333333")
        else:
            label, col = _age_band(services, today)
        used[label] = col
        size = 18 + 40 * math.log2(1 + len(services))
        ax.scatter([place.lon], [place.lat], s=size, c=col, edgecolors="black", linewidths=0.4, alpha=0.9, zorder=3)
    if local:
        ax.scatter([x[1] for x in local], [x[0] for x in local], s=10, marker="^", c="black", zorder=4)
    legend_order = [label for _, label, _ in AGE_BANDS] + list(TOPIC_COLORS)
    ordered = sorted(used.items(), key=lambda lc: legend_order.index(lc[0]) if lc[0] in legend_order else 99)
    handles = [Line2D([], [], marker="o", ls="", markerfacecolor=c, markeredgecolor="black", markersize=9, label=l)
               for l, c in ordered]
    for n in (1, 4, 16):
        handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor="black",
                              markersize=math.sqrt(18 + 40 * math.log2(1 + n)), label=f"{n} service(s)"))
    if local:
        handles.append(Line2D([], [], marker="^", ls="", color="black", markersize=6, label="local service"))
    ax.legend(handles=handles, loc="lower left", fontsize=8, framealpha=0.9,
              title="colour: " + ("main topic" if color == "topic" else "oldest verification"), title_fontsize=9)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 85)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    helplines = sum(1 for s in directory.services.values() if s.kind != "emergency")
    starter = sum(1 for s in directory.services.values() if s.starter)
    ax.set_title(
        f"popbot referral coverage - {len(directory.services)} services in {len(by_country)} countries "
        f"({helplines} helplines/services, {len(directory.services) - helplines} emergency; {starter} starter rows "
        f"to check) - {today.isoformat()}", fontsize=11)
    if missing:
        ax.text(178, -58, f"{missing} territories without coordinates not drawn", ha="right", fontsize=7, color="#555")
    fig.tight_layout()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from exc
    finally:
        plt.close(fig)
    return out
