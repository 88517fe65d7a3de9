"""Builders of small directories for the referral tests, and the geocoder's answer in short."""
from __future__ import annotations

from datetime import date
from typing import Optional

from referrals.geo import locate
from referrals.model import Channel, Directory, Location, Organization, Schedule, Service, ServiceArea

VERIFIED = date(2026, 11, 1)


def service(
    sid: str,
    country: str = "PL",
    *,
    kind: str = "helpline",
    zone: str = "Europe/Warsaw",
    topics: tuple[str, ...] = ("abuse",),
    channels: Optional[list[tuple[str, str, Optional[str]]]] = None,
    hours: Optional[str] = "24/7",
    admin1: Optional[str] = None,
    circle: Optional[tuple[float, float, float]] = None,
    location: Optional[tuple[float, float]] = None,
    **extra: object,
) -> Service:
    """A test service. ``channels``: (type, value, hours or None); ``hours``: service-wide."""
    from referrals.hours import parse_hours

    def scheds(text_: Optional[str], cid: Optional[str]) -> list[Schedule]:
        if not text_:
            return []
        return [Schedule(id=f"{cid or sid}-h{i}", service_id=sid, channel_id=cid, byday=r.byday, opens=r.opens,
                         closes=r.closes) for i, r in enumerate(parse_hours(text_))]

    s = Service(id=sid, organization_id="org", name=extra.pop("name", sid), kind=kind, time_zone=zone,  # type: ignore[arg-type]
                topics=topics, verified=extra.pop("verified", VERIFIED), **extra)  # type: ignore[arg-type]
    area = ServiceArea(id=f"{sid}-a", service_id=sid, country=country, admin1=admin1)
    if circle:
        area.latitude, area.longitude, area.radius_km = circle
    s.areas.append(area)
    for i, (ctype, value, chours) in enumerate(channels or [("phone", "116111", None)]):
        cid = f"{sid}-c{i}"
        s.channels.append(Channel(id=cid, service_id=sid, type=ctype, value=value, schedules=scheds(chours, cid)))
    s.schedules = scheds(hours, None)
    if location:
        s.locations.append(Location(id=f"{sid}-loc", name=sid, latitude=location[0], longitude=location[1], country=country))
    return s


def directory(*services: Service) -> Directory:
    d = Directory(organizations={"org": Organization(id="org", name="Test organisation")})
    for s in services:
        d.services[s.id] = s
    return d


def located_as(text: str, hint: Optional[str], lang: Optional[str], settled: bool = False) -> str:
    """What :func:`locate` found, in short: the country, "?" and the candidates' countries, or "-"."""
    located = locate(text, hint, lang, settled=settled)
    if located.place is not None:
        return located.place.country
    if located.ambiguous:
        return "?" + " ".join(p.country for p in located.candidates)
    return "-"
