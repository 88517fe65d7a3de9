"""HSDS 3.0 tabular data package (``datapackage.json`` + one CSV per table), subset + extensions.

Tables: organization, service, service_area, location, address, service_at_location, schedule,
language, phone, and the popbot extension table ``channel`` (every contact channel with its
own hours: ``schedule.channel_id``). ``phone`` rows are written for phone and SMS channels so
HSDS tools see the numbers; on import a ``phone`` row whose ``channel_id`` names a channel is
skipped, others (packages from other HSDS tools) become phone/SMS channels. Extension columns of
``service``: kind, time_zone, topics, free_of_charge, anonymous, child_specific, source, starter
(``assured_date`` is the verification date).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Final, Iterable, Iterator

from referrals.errors import ExportError, ImportError_
from referrals.hours import format_clock, parse_clock
from referrals.model import (
    CHANNEL_TYPES, DAYS, SERVICE_KINDS, STATUSES, Channel, Directory, Location, Organization,
    Schedule, Service, ServiceArea,
)
from referrals.validate import Problems, Row

PROFILE: Final = "tabular-data-package"
TABLES: Final[dict[str, tuple[str, ...]]] = {
    "organization": ("id", "name", "description", "email", "website"),
    "service": (
        "id", "organization_id", "name", "alternate_name", "description", "url", "email", "status",
        "minimum_age", "maximum_age", "assured_date", "kind", "time_zone", "topics",
        "free_of_charge", "anonymous", "child_specific", "source", "starter",
    ),
    "channel": ("id", "service_id", "type", "value", "description", "languages"),
    "phone": ("id", "service_id", "number", "type", "description", "channel_id"),
    "schedule": ("id", "service_id", "channel_id", "freq", "byday", "opens_at", "closes_at", "description"),
    "service_area": ("id", "service_id", "name", "description", "extent_type", "country", "admin1",
                     "latitude", "longitude", "radius_km"),
    "location": ("id", "location_type", "name", "latitude", "longitude"),
    "address": ("id", "location_id", "address_1", "city", "region", "state_province", "postal_code",
                "country", "address_type"),
    "service_at_location": ("id", "service_id", "location_id"),
    "language": ("id", "service_id", "name", "code"),
}
_TYPES: Final = {
    "minimum_age": "integer", "maximum_age": "integer", "assured_date": "date", "latitude": "number",
    "longitude": "number", "radius_km": "number", "free_of_charge": "boolean", "anonymous": "boolean",
    "child_specific": "boolean", "starter": "boolean",
}
_PHONE_TYPE: Final = {"phone": "voice", "sms": "text"}


def _b(value: bool) -> str:
    return "true" if value else "false"


def _n(value: Any) -> str:
    return "" if value is None else str(value)


def write_package(d: Directory, target: Path) -> Path:
    """Write ``d`` as an HSDS tabular data package into the directory ``target``."""
    try:
        target.mkdir(parents=True, exist_ok=True)
        rows = _tables(d)
        resources = []
        for name, fields in TABLES.items():
            path = target / f"{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(fields)
                w.writerows(rows[name])
            resources.append({
                "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                "schema": {"fields": [{"name": fld, "type": _TYPES.get(fld, "string")} for fld in fields]},
            })
        package = {
            "name": "popbot-referrals", "profile": PROFILE,
            "title": "popbot referral directory (HSDS 3.0 subset with helpline extensions)",
            "resources": resources,
        }
        (target / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write the package to {target}: {exc.strerror}") from exc
    return target / "datapackage.json"


def _tables(d: Directory) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {name: [] for name in TABLES}
    for o in sorted(d.organizations.values(), key=lambda o: o.id):
        out["organization"].append([o.id, o.name, o.description, o.email, o.website])
    locations: dict[str, Location] = {}
    for s in sorted(d.services.values(), key=lambda s: s.id):
        out["service"].append([
            s.id, s.organization_id, s.name, s.alternate_name, s.description, s.url, s.email, s.status,
            _n(s.minimum_age), _n(s.maximum_age), s.verified.isoformat() if s.verified else "", s.kind,
            s.time_zone, " ".join(s.topics), _b(s.free_of_charge), _b(s.anonymous), _b(s.child_specific),
            s.source, _b(s.starter),
        ])
        for i, code in enumerate(s.languages, start=1):
            out["language"].append([f"{s.id}-lang{i}", s.id, "", code])
        for ch in s.channels:
            out["channel"].append([ch.id, s.id, ch.type, ch.value, ch.description, " ".join(ch.languages)])
            if ch.type in _PHONE_TYPE:
                out["phone"].append([f"{ch.id}-phone", s.id, ch.value, _PHONE_TYPE[ch.type], ch.description, ch.id])
            for sc in ch.schedules:
                out["schedule"].append(_schedule(sc, ch.id))
        for sc in s.schedules:
            out["schedule"].append(_schedule(sc, None))
        for a in s.areas:
            out["service_area"].append([
                a.id, s.id, a.name, a.description, "popbot" if a.radius_km is None else "circle",
                a.country, a.admin1 or "", _n(a.latitude), _n(a.longitude), _n(a.radius_km),
            ])
        for loc in s.locations:
            locations[loc.id] = loc
            out["service_at_location"].append([f"{s.id}@{loc.id}", s.id, loc.id])
    for loc in sorted(locations.values(), key=lambda x: x.id):
        out["location"].append([loc.id, loc.location_type, loc.name, _n(loc.latitude), _n(loc.longitude)])
        out["address"].append([f"{loc.id}-addr", loc.id, loc.address_1, loc.city, loc.region, loc.region,
                               loc.postal_code, loc.country, "physical"])
    return out


def _schedule(sc: Schedule, channel_id: str | None) -> list[str]:
    return [sc.id, sc.service_id, channel_id or "", "WEEKLY", ",".join(sc.byday), format_clock(sc.opens),
            format_clock(sc.closes), sc.description]


def read_package(descriptor: Path, problems: Problems) -> Directory:
    """Parse a package (path of ``datapackage.json`` or its folder); problems are collected."""
    if descriptor.is_dir():
        descriptor = descriptor / "datapackage.json"
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ImportError_(f"{descriptor}: no such file") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ImportError_(f"{descriptor.name}: not valid JSON ({exc})") from exc
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise ImportError_(f"{descriptor.name}: no 'resources' list")
    paths: dict[str, Path] = {}
    for i, res in enumerate(resources):
        if not isinstance(res, dict) or not res.get("name") or not isinstance(res.get("path"), str):
            raise ImportError_(f"{descriptor.name}: resources[{i}] needs a name and a path")
        paths[str(res["name"])] = descriptor.parent / res["path"]
    for required in ("organization", "service"):
        if required not in paths:
            raise ImportError_(f"{descriptor.name}: the package has no '{required}' resource")
    d = Directory()
    tables = {name: list(_read_csv(path)) for name, path in paths.items() if name in TABLES}
    for name, parser in _PARSERS.items():
        for row_no, record in tables.get(name, ()):
            parser(Row(record, paths[name].name, row_no, problems, normalized=True), d, problems)
    _attach_phones(tables.get("phone", []), paths.get("phone"), d, problems)
    if hasattr(d, "_locations"):
        del d._locations
    for s in d.services.values():
        s.schedules.sort(key=lambda x: x.id)
        s.areas.sort(key=lambda x: x.id)
    return d


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames:
                reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
            for i, record in enumerate(reader, start=2):
                yield i, record
    except FileNotFoundError as exc:
        raise ImportError_(f"{path.name}: listed in datapackage.json but missing") from exc
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{path.name}: not UTF-8 text") from exc


def _unique(row: Row, kind: str, problems: Problems) -> str:
    id_ = row.text("id", required=True)
    if id_ and (kind, id_) in problems.origins:
        file, first = problems.origins[(kind, id_)]
        row.error("id", f"duplicate {kind} id {id_!r} (first on row {first})")
        return ""
    if id_:
        problems.origins[(kind, id_)] = (row.file, row.row)
    return id_


def _organization(row: Row, d: Directory, p: Problems) -> None:
    id_ = _unique(row, "organization", p)
    name = row.text("name", required=True)
    if id_:
        d.organizations[id_] = Organization(id=id_, name=name, description=row.text("description"),
                                            email=row.text("email"), website=row.text("website"))


def _service(row: Row, d: Directory, p: Problems) -> None:
    id_ = _unique(row, "service", p)
    s = Service(
        id=id_, organization_id=row.text("organization_id", required=True), name=row.text("name", required=True),
        kind=row.choice("kind", SERVICE_KINDS, default="helpline"), time_zone=row.zone("time_zone"),
        alternate_name=row.text("alternate_name"), description=row.text("description"), url=row.text("url"),
        email=row.text("email"), status=row.choice("status", STATUSES, default="active"),
        minimum_age=row.integer("minimum_age", 0, 120), maximum_age=row.integer("maximum_age", 0, 120),
        topics=row.topics("topics"), free_of_charge=row.boolean("free_of_charge", True),
        anonymous=row.boolean("anonymous", False), child_specific=row.boolean("child_specific", False),
        source=row.text("source"), verified=row.day("assured_date"), starter=row.boolean("starter", False),
    )
    if not s.topics and not row.text("topics"):
        row.error("topics", f"no topics (use some of: abuse, bullying, ..., general)")
    if id_:
        d.services[id_] = s


def _service_of(row: Row, d: Directory) -> Service | None:
    sid = row.text("service_id", required=True)
    if sid and sid not in d.services:
        row.error("service_id", f"unknown service {sid!r}")
        return None
    return d.services.get(sid)


def _channel(row: Row, d: Directory, p: Problems) -> None:
    id_ = _unique(row, "channel", p)
    s = _service_of(row, d)
    ctype = row.choice("type", CHANNEL_TYPES)
    value = row.text("value", required=True)
    if s is not None and id_:
        s.channels.append(Channel(id=id_, service_id=s.id, type=ctype, value=value,
                                  description=row.text("description"), languages=row.languages("languages")))


def _schedule_row(row: Row, d: Directory, p: Problems) -> None:
    id_ = _unique(row, "schedule", p)
    s = _service_of(row, d)
    freq = row.text("freq").upper()
    if freq and freq != "WEEKLY":
        row.error("freq", f"only WEEKLY schedules are supported, not {freq!r}")
    days = tuple(x.strip().upper() for x in row.text("byday").split(",") if x.strip())
    bad = [x for x in days if x not in DAYS]
    if bad or not days:
        row.error("byday", f"byday must list days like MO,TU,WE (got {row.text('byday')!r})")
    opens = closes = 0
    try:
        opens = parse_clock(row.text("opens_at", required=True) or "x")
        closes = parse_clock(row.text("closes_at", required=True) or "x")
        if opens == closes:
            row.error("closes_at", "opens_at and closes_at are equal")
    except ValueError as exc:
        row.error("opens_at", str(exc))
    if s is None or not id_ or bad or not days:
        return
    cid = row.text("channel_id") or None
    sc = Schedule(id=id_, service_id=s.id, channel_id=cid, byday=tuple(x for x in DAYS if x in days),
                  opens=opens, closes=closes, description=row.text("description"))
    if cid is None:
        s.schedules.append(sc)
        return
    channel = next((c for c in s.channels if c.id == cid), None)
    if channel is None:
        row.error("channel_id", f"unknown channel {cid!r} of service {s.id!r}")
    else:
        channel.schedules.append(sc)


def _area(row: Row, d: Directory, p: Problems) -> None:
    id_ = _unique(row, "service_area", p)
    s = _service_of(row, d)
    country = row.country("country")
    lat, lon = row.number("latitude", -90, 90), row.number("longitude", -180, 180)
    radius = row.number("radius_km", 0, 5000)
    if radius is not None and (lat is None or lon is None):
        row.error("radius_km", "radius_km needs latitude and longitude")
    if s is not None and id_:
        s.areas.append(ServiceArea(id=id_, service_id=s.id, country=country, admin1=row.text("admin1") or None,
                                   latitude=lat, longitude=lon, radius_km=radius, name=row.text("name"),
                                   description=row.text("description")))


_LOCATIONS_KEY: Final = "__locations__"


def _location(row: Row, d: Directory, p: Problems) -> None:
    id_ = _unique(row, "location", p)
    if id_:
        _locations(d)[id_] = Location(
            id=id_, name=row.text("name"), latitude=row.number("latitude", -90, 90),
            longitude=row.number("longitude", -180, 180), location_type=row.text("location_type") or "physical")


def _locations(d: Directory) -> dict[str, Location]:
    store = getattr(d, "_locations", None)
    if store is None:
        store = {}
        object.__setattr__(d, "_locations", store)
    return store


def _address(row: Row, d: Directory, p: Problems) -> None:
    lid = row.text("location_id", required=True)
    loc = _locations(d).get(lid)
    if loc is None:
        if lid:
            row.error("location_id", f"unknown location {lid!r}")
        return
    loc.address_1, loc.city = row.text("address_1"), row.text("city")
    loc.region = row.text("region") or row.text("state_province")
    loc.postal_code = row.text("postal_code")
    loc.country = row.country("country", required=False)


def _service_at_location(row: Row, d: Directory, p: Problems) -> None:
    s = _service_of(row, d)
    lid = row.text("location_id", required=True)
    loc = _locations(d).get(lid)
    if lid and loc is None:
        row.error("location_id", f"unknown location {lid!r}")
    if s is not None and loc is not None:
        s.locations.append(loc)


def _language(row: Row, d: Directory, p: Problems) -> None:
    s = _service_of(row, d)
    codes = row.languages("code")
    if s is not None:
        s.languages = tuple(dict.fromkeys((*s.languages, *codes)))


def _phone(row: Row, d: Directory, p: Problems) -> None:
    """Handled after channels are known (:func:`_attach_phones`)."""


def _attach_phones(rows: list[tuple[int, dict[str, str]]], path: Path | None, d: Directory, p: Problems) -> None:
    if path is None:
        return
    channel_ids = {c.id for s in d.services.values() for c in s.channels}
    for row_no, record in rows:
        row = Row(record, path.name, row_no, p)
        cid = row.text("channel_id")
        if cid and cid in channel_ids:
            continue
        sid = row.text("service_id")
        if not sid:
            p.warn(row.file, row.row, "service_id", "phone without service_id is ignored")
            continue
        s = _service_of(row, d)
        if s is None:
            continue
        ptype = row.text("type").lower() or "voice"
        ctype = "sms" if ptype in ("text", "sms") else "phone"
        id_ = row.text("id", required=True) or f"{sid}-phone{row_no}"
        p.origins[("channel", id_)] = (row.file, row.row)
        s.channels.append(Channel(id=id_, service_id=sid, type=ctype, value=row.text("number", required=True),
                                  description=row.text("description")))


# Order matters: organizations before services, services before their children.
_PARSERS: Final = {
    "organization": _organization, "service": _service, "channel": _channel, "phone": _phone,
    "schedule": _schedule_row, "service_area": _area, "location": _location, "address": _address,
    "service_at_location": _service_at_location, "language": _language,
}
