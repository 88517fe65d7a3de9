"""On-duty hours: each account's weekly shifts in its IANA time zone, and the partner's
availability (who is on duty now, when someone is next).

Shifts use the one hours syntax of the project (``referrals.hours``: ``Mo-Fr 08:00-16:00;
Sa 10:00-14:00``, ``24/7``, shifts over midnight), so daylight saving is handled once. The
partner's hours are the union of its active counselors' and supervisors' shifts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Protocol

from referrals import hours
from referrals.model import DAYS

#: Roles whose shifts make the service available to children.
ANSWERING_ROLES = ("counselor", "supervisor")
_LEGACY_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class OnDuty(Protocol):
    username: str
    role: str
    disabled: bool
    duty_hours: str
    time_zone: str


@dataclass(frozen=True)
class Availability:
    on_duty: tuple[str, ...]
    #: The earliest start of a shift when nobody is on duty now (aware, UTC), else None.
    next_start: datetime | None


def normalise(text: str, zone: str) -> tuple[str, str]:
    """``(canonical hours text, zone)``; ValueError naming the bad part or zone."""
    zone = (zone or "").strip() or "UTC"
    hours.check_zone(zone)
    text = (text or "").strip()
    if not text:
        return "", zone
    return hours.format_hours(hours.parse_hours(text)), zone  # type: ignore[arg-type]


def stored_hours(value: str | None) -> str:
    """The hours text of a stored row (rows written before this format hold JSON by day)."""
    value = (value or "").strip()
    if not value.startswith("{"):
        return value
    by_day = json.loads(value)
    return "; ".join(
        f"{DAYS[_LEGACY_DAYS.index(day)].title()} {span[0]}-{span[1]}" for day, span in by_day.items() if day in _LEGACY_DAYS
    )


def state(account: OnDuty, at: float) -> hours.OpenState:
    """Whether ``account`` is on duty at ``at`` (epoch seconds) and until / from when."""
    if account.disabled or not account.duty_hours:
        return hours.OpenState(False, None, None)
    rules = hours.parse_hours(account.duty_hours)
    return hours.open_state(rules, hours.zone(account.time_zone), datetime.fromtimestamp(at, timezone.utc))  # type: ignore[arg-type]


def availability(people: Iterable[OnDuty], at: float) -> Availability:
    """Who answering children is on duty at ``at``, else when the first shift starts."""
    on_duty: list[str] = []
    starts: list[datetime] = []
    for person in people:
        if person.role not in ANSWERING_ROLES:
            continue
        now = state(person, at)
        if now.open_now:
            on_duty.append(person.username)
        elif now.opens_at is not None:
            starts.append(now.opens_at.astimezone(timezone.utc))
    return Availability(tuple(sorted(on_duty)), None if on_duty or not starts else min(starts))
