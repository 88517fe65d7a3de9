from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from referrals.hours import format_hours, open_state, parse_clock, parse_days, parse_hours
from referrals.model import DAYS, Schedule

WARSAW = ZoneInfo("Europe/Warsaw")


def sched(text: str) -> list[Schedule]:
    return [Schedule(id=f"s{i}", service_id="x", channel_id=None, byday=r.byday, opens=r.opens, closes=r.closes)
            for i, r in enumerate(parse_hours(text))]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_parse_hours_syntax() -> None:
    assert parse_days("Mo-Fr") == ("MO", "TU", "WE", "TH", "FR")
    assert parse_days("Sa,Su") == ("SA", "SU")
    assert parse_days("Fr-Mo") == ("MO", "FR", "SA", "SU")
    assert parse_clock("24:00") == 1440
    rules = parse_hours("Mo-Fr 08:00-20:00; Sa 10:00-14:00")
    assert [(r.byday, r.opens, r.closes) for r in rules] == [
        (("MO", "TU", "WE", "TH", "FR"), 480, 1200), (("SA",), 600, 840)]
    assert format_hours(sched("Mo-Fr 08:00-20:00; Sa 10:00-14:00")) == "Mo,Tu,We,Th,Fr 08:00-20:00; Sa 10:00-14:00"
    assert format_hours(sched("24/7")) == "24/7"


@pytest.mark.parametrize("bad", ["Mo-Fr 8-20", "Xx 08:00-20:00", "Mo 25:00-26:00", "Mo 08:00-08:00", "", "Mo 08:61-09:00"])
def test_bad_hours_raise(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hours(bad)


# 08:00-20:00 Warsaw wall time every day: 07:00-19:00 UTC in winter, 06:00-18:00 UTC in summer.
DAILY = sched("Mo-Su 08:00-20:00")


@pytest.mark.parametrize(
    "at, is_open, opens_utc, closes_utc",
    [
        # Saturday before the March change (CET, UTC+1)
        (utc(2026, 3, 28, 6, 59), False, utc(2026, 3, 28, 7, 0), None),
        (utc(2026, 3, 28, 7, 0), True, None, utc(2026, 3, 28, 19, 0)),
        (utc(2026, 3, 28, 18, 59), True, None, utc(2026, 3, 28, 19, 0)),
        # the night of the change: next opening is 08:00 CEST = 06:00 UTC
        (utc(2026, 3, 28, 19, 0), False, utc(2026, 3, 29, 6, 0), None),
        (utc(2026, 3, 29, 5, 59), False, utc(2026, 3, 29, 6, 0), None),
        (utc(2026, 3, 29, 6, 30), True, None, utc(2026, 3, 29, 18, 0)),
        (utc(2026, 3, 29, 18, 30), False, utc(2026, 3, 30, 6, 0), None),
        # October change back to CET on Sunday 25th
        (utc(2026, 10, 24, 6, 30), True, None, utc(2026, 10, 24, 18, 0)),
        (utc(2026, 10, 25, 6, 30), False, utc(2026, 10, 25, 7, 0), None),
        (utc(2026, 10, 25, 18, 30), True, None, utc(2026, 10, 25, 19, 0)),
    ],
)
def test_wall_clock_hours_across_daylight_saving_changes(at: datetime, is_open: bool, opens_utc, closes_utc) -> None:
    state = open_state(DAILY, WARSAW, at)
    assert state.open_now is is_open
    assert state.opens_at == opens_utc
    assert state.closes_at == closes_utc
    if state.opens_at:
        assert state.opens_at.astimezone(WARSAW).strftime("%H:%M") == "08:00"
    if state.closes_at:
        assert state.closes_at.astimezone(WARSAW).strftime("%H:%M") == "20:00"


def test_same_instant_differs_by_zone_and_dst_date() -> None:
    new_york = ZoneInfo("America/New_York")
    # 2026-03-10: New York already on EDT (changed 8 March), Warsaw still on CET
    at = utc(2026, 3, 10, 12, 30)  # 08:30 EDT, 13:30 CET
    assert open_state(sched("Mo-Fr 08:00-09:00"), new_york, at).open_now is True
    assert open_state(sched("Mo-Fr 08:00-09:00"), WARSAW, at).open_now is False


def test_shift_over_midnight_and_weekday_rules() -> None:
    night = sched("Fr 22:00-02:00")
    sat_1am = datetime(2026, 6, 13, 1, 0, tzinfo=WARSAW)  # Saturday 01:00
    state = open_state(night, WARSAW, sat_1am)
    assert state.open_now and state.closes_at == datetime(2026, 6, 13, 2, 0, tzinfo=WARSAW)
    sat_3am = datetime(2026, 6, 13, 3, 0, tzinfo=WARSAW)
    state = open_state(night, WARSAW, sat_3am)
    assert not state.open_now and state.opens_at == datetime(2026, 6, 19, 22, 0, tzinfo=WARSAW)


def test_opening_inside_the_spring_forward_gap_moves_forward() -> None:
    gap = sched("Su 02:30-04:00")  # 02:30 does not exist in Warsaw on 2026-03-29
    state = open_state(gap, WARSAW, utc(2026, 3, 29, 0, 0))
    assert state.opens_at is not None
    assert state.opens_at.astimezone(timezone.utc) == utc(2026, 3, 29, 1, 30)  # = 03:30 CEST


def test_always_open_and_no_schedule() -> None:
    assert open_state(sched("24/7"), WARSAW, utc(2026, 1, 1)).open_now is True
    assert open_state(sched("24/7"), WARSAW, utc(2026, 1, 1)).closes_at is None
    assert open_state([], WARSAW, utc(2026, 1, 1)).open_now is False
    full_week = sched("Mo-Su 00:00-24:00")
    assert open_state(full_week, WARSAW, utc(2026, 1, 1)).closes_at is None
    assert full_week[0].byday == DAYS


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        open_state(DAILY, WARSAW, datetime(2026, 1, 1, 12))
