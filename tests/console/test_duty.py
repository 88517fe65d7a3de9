"""On-duty hours: each account's shifts in its IANA zone (daylight saving included), who is on
duty now and when the next shift starts; the admin page sets them and refuses bad input."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.console import accounts, duty
from bot.console.accounts import AccountError
from tests.console.conftest import page_csrf


def _at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def test_shifts_are_local_to_the_account_zone_across_daylight_saving(console) -> None:
    ana, _ = accounts.add_account(console, "ana", "counselor", actor="test")
    accounts.set_duty_hours(console, ana.id, "Mo-Fr 08:00-16:00", "Europe/Warsaw", actor="test")
    ana = accounts.get(console, ana.id)
    assert (ana.duty_hours, ana.time_zone) == ("Mo,Tu,We,Th,Fr 08:00-16:00", "Europe/Warsaw")
    # winter: 08:00 Warsaw = 07:00 UTC; summer: 06:00 UTC (Thursdays)
    assert duty.state(ana, _at("2026-01-15T07:30:00")).open_now
    assert not duty.state(ana, _at("2026-01-15T06:30:00")).open_now
    assert duty.state(ana, _at("2026-07-16T06:30:00")).open_now
    assert not duty.state(ana, _at("2026-07-16T14:30:00")).open_now  # 16:30 local
    assert not duty.state(ana, _at("2026-07-18T09:00:00")).open_now  # Saturday


def test_availability_names_who_is_on_duty_or_when_the_next_shift_starts(console) -> None:
    ana, _ = accounts.add_account(console, "ana", "counselor", actor="test")
    sam, _ = accounts.add_account(console, "sam", "supervisor", actor="test")
    adm, _ = accounts.add_account(console, "adm", "admin", actor="test")
    accounts.set_duty_hours(console, ana.id, "Mo-Fr 08:00-16:00", "Europe/Warsaw", actor="test")
    accounts.set_duty_hours(console, sam.id, "Sa,Su 10:00-14:00", "America/Mexico_City", actor="test")
    accounts.set_duty_hours(console, adm.id, "24/7", "UTC", actor="test")  # admins answer no child
    thursday = _at("2026-01-15T09:00:00")
    assert accounts.availability(console, thursday) == duty.Availability(("ana",), None)
    friday_night = _at("2026-01-16T20:00:00")
    found = accounts.availability(console, friday_night)
    assert found.on_duty == () and found.next_start == datetime(2026, 1, 17, 16, 0, tzinfo=timezone.utc)  # 10:00 in Mexico City
    accounts.set_disabled(console, "sam", True, actor="test")
    assert accounts.availability(console, friday_night).next_start == datetime(2026, 1, 19, 7, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("hours", "zone", "message"), [
    ("Mo-Fr 8-16", "UTC", "not like 'Mo-Fr 08:00-20:00'"),
    ("Xx 08:00-16:00", "UTC", "unknown day"),
    ("Mo 08:00-16:00", "Europe/Krakow", "unknown IANA time zone"),
    ("Mo 10:00-10:00", "UTC", "same time"),
])
def test_bad_hours_or_zones_are_refused_with_the_part_named(console, hours: str, zone: str, message: str) -> None:
    ana, _ = accounts.add_account(console, "ana", "counselor", actor="test")
    with pytest.raises(AccountError, match=message):
        accounts.set_duty_hours(console, ana.id, hours, zone, actor="test")
    assert accounts.get(console, ana.id).duty_hours == ""  # nothing changed


def test_rows_written_in_the_first_format_still_read(console) -> None:
    assert duty.stored_hours('{"mon": ["08:00", "16:00"], "sat": ["10:00", "12:00"]}') == "Mo 08:00-16:00; Sa 10:00-12:00"
    assert duty.stored_hours("{}") == "" and duty.stored_hours(None) == ""


def test_admin_sets_hours_and_zone_and_the_page_shows_availability(app, console, clock, people) -> None:
    admin = people["admin"].client
    target = accounts.by_username(console, "counselor-one")
    reply = admin.post(f"/admin/accounts/{target.id}/duty",
                       data={"csrf": page_csrf(admin, "/admin"), "duty_hours": "24/7", "time_zone": "Europe/Madrid"})
    assert reply.status_code == 303
    stored = accounts.get(console, target.id)
    assert (stored.duty_hours, stored.time_zone) == ("24/7", "Europe/Madrid")
    page = admin.get("/admin").text
    assert 'value="Europe/Madrid"' in page and "On duty now: counselor-one" in page
    bad = admin.post(f"/admin/accounts/{target.id}/duty",
                     data={"csrf": page_csrf(admin, "/admin"), "duty_hours": "24/7", "time_zone": "Mars/Olympus"})
    assert bad.status_code == 400 and "unknown IANA time zone" in bad.text
    assert accounts.get(console, target.id).time_zone == "Europe/Madrid"
    assert "On duty now: counselor-one" in people["counselor"].client.get("/dashboard").text
