"""Opening hours in the service's IANA time zone (zoneinfo), daylight-saving safe.

Hours are wall-clock times: "08:00-20:00 Europe/Warsaw" means 08:00 local time in winter
(07:00 UTC) and in summer (06:00 UTC). Text form: ``Mo-Fr 08:00-20:00; Sa,Su 10:00-14:00``,
``24/7``; a shift may run over midnight (``Fr 22:00-02:00``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Optional, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from referrals.model import DAYS, Schedule

_DAY_ALIASES = {d.title(): d for d in DAYS} | {d: d for d in DAYS}
_RULE = re.compile(r"^\s*(?P<days>[A-Za-z, \-]+?)\s+(?P<open>\d{1,2}:\d{2})\s*-\s*(?P<close>\d{1,2}:\d{2})\s*$")


def parse_clock(text: str) -> int:
    """``"08:30"`` -> 510 minutes; ``"24:00"`` -> 1440; ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::00)?\s*", text)
    if not m:
        raise ValueError(f"time {text!r} is not HH:MM")
    hours, minutes = int(m.group(1)), int(m.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f"time {text!r} is out of range")
    return hours * 60 + minutes


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_days(text: str) -> tuple[str, ...]:
    """``"Mo-Fr"``, ``"Sa,Su"``, ``"MO,WE"`` -> day codes in week order."""
    out: set[str] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if "-" in part:
            a, _, b = (x.strip() for x in part.partition("-"))
            if a not in _DAY_ALIASES or b not in _DAY_ALIASES:
                raise ValueError(f"unknown day range {part!r} (use Mo Tu We Th Fr Sa Su)")
            i, j = DAYS.index(_DAY_ALIASES[a]), DAYS.index(_DAY_ALIASES[b])
            span = range(i, j + 1) if i <= j else list(range(i, 7)) + list(range(0, j + 1))
            out.update(DAYS[k] for k in span)
        elif part in _DAY_ALIASES:
            out.add(_DAY_ALIASES[part])
        else:
            raise ValueError(f"unknown day {part!r} (use Mo Tu We Th Fr Sa Su)")
    if not out:
        raise ValueError("no days given")
    return tuple(d for d in DAYS if d in out)


@dataclass(frozen=True)
class Rule:
    byday: tuple[str, ...]
    opens: int
    closes: int


def parse_hours(text: str) -> list[Rule]:
    """Parse the one-sheet hours syntax; ValueError with the offending part."""
    text = text.strip()
    if text.lower() in ("24/7", "24h", "24 h", "always"):
        return [Rule(DAYS, 0, 1440)]
    rules: list[Rule] = []
    for part in (p for p in re.split(r"[;\n]", text) if p.strip()):
        m = _RULE.match(part)
        if not m:
            raise ValueError(f"hours {part.strip()!r} are not like 'Mo-Fr 08:00-20:00'")
        opens, closes = parse_clock(m.group("open")), parse_clock(m.group("close"))
        if opens == closes or opens == 1440:
            raise ValueError(f"hours {part.strip()!r} open and close at the same time")
        rules.append(Rule(parse_days(m.group("days")), opens, closes))
    if not rules:
        raise ValueError("no hours given")
    return rules


def format_hours(schedules: Iterable[Schedule]) -> str:
    parts = []
    for s in schedules:
        if s.byday == DAYS and s.opens == 0 and s.closes == 1440:
            parts.append("24/7")
        else:
            parts.append(f"{','.join(d.title() for d in s.byday)} {format_clock(s.opens)}-{format_clock(s.closes)}")
    return "; ".join(parts)


_ZONES: Optional[frozenset[str]] = None


def check_zone(name: str) -> ZoneInfo:
    """The zone named ``name`` (IANA), or ValueError."""
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    if name not in _ZONES:
        raise ValueError(f"unknown IANA time zone {name!r} (e.g. Europe/Warsaw)")
    return zone(name)


@lru_cache(maxsize=None)
def zone(name: str) -> ZoneInfo:
    """``ZoneInfo(name)``, kept for the process (ZoneInfo's own cache is small)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown IANA time zone {name!r}") from exc


def _local(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The instant of local wall time ``day`` + ``minutes`` (24:00 = next midnight); a time that
    does not exist (spring-forward gap) is moved forward by the gap."""
    naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
    aware = naive.replace(tzinfo=zone)
    # Round-trip through UTC normalises a non-existent wall time.
    return aware.astimezone(timezone.utc).astimezone(zone)


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime


def _intervals(schedules: Sequence[Schedule], zone: ZoneInfo, around: datetime, days: int) -> list[Interval]:
    local_day = around.astimezone(zone).date()
    out: list[Interval] = []
    for offset in range(-1, days + 1):
        day = local_day + timedelta(days=offset)
        code = DAYS[day.weekday()]
        for s in schedules:
            if code not in s.byday:
                continue
            start = _local(day, s.opens, zone)
            end_day = day if s.closes > s.opens else day + timedelta(days=1)
            end = _local(end_day, s.closes, zone)
            out.append(Interval(start, end))
    out.sort(key=lambda i: i.start)
    # Merge touching intervals (Mo 00:00-24:00 + Tu 00:00-24:00 is one stretch).
    merged: list[Interval] = []
    for iv in out:
        if merged and iv.start <= merged[-1].end:
            if iv.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, iv.end)
        else:
            merged.append(iv)
    return merged


@dataclass(frozen=True)
class OpenState:
    open_now: bool
    #: When the current opening ends (None if open for the next week or closed).
    closes_at: Optional[datetime]
    #: When it opens next (None if open now or never within a week).
    opens_at: Optional[datetime]


def open_state(schedules: Sequence[Schedule], zone: ZoneInfo, at: datetime) -> OpenState:
    """Is it open at ``at`` (aware), until when, or when does it open next (in ``zone``)."""
    if at.tzinfo is None:
        raise ValueError("'at' must be timezone-aware")
    if not schedules:
        return OpenState(False, None, None)
    if always_open(schedules):
        return OpenState(True, None, None)
    for days in (1, 8):  # today and tomorrow settle almost every case; a week settles all
        intervals = _intervals(schedules, zone, at, days)
        for iv in intervals:
            if iv.start <= at < iv.end:
                if iv is intervals[-1] and days == 1:
                    break  # the stretch may continue beyond tomorrow: look further
                horizon = at + timedelta(days=7)
                return OpenState(True, None if iv.end >= horizon else iv.end.astimezone(zone), None)
            if iv.start > at:
                return OpenState(False, None, iv.start.astimezone(zone))
    return OpenState(False, None, None)


def always_open(schedules: Sequence[Schedule]) -> bool:
    return any(s.byday == DAYS and s.opens == 0 and s.closes == 1440 for s in schedules)
