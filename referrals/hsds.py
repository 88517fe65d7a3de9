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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Final, Iterator, TypeVar

from core.yamlcheck.record import Record, check_record
from referrals.errors import ExportError, ImportError_
from referrals.hours import format_clock
from referrals.model import (
    Channel, Directory, Location, Organization, Schedule, Service, ServiceArea,
)
from referrals.rows import (
    AddressRow, AreaRow, ChannelRow, LanguageRow, LocationRow, OrganizationRow, PhoneRow, ScheduleRow,
    ServiceAtLocationRow, ServiceRow, Seen, cell_text,
)
from referrals.validate import Problems

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
R = TypeVar("R", bound=Record)


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
    seen = Seen(problems.origins, d.services, {})
    tables = {name: list(_read_csv(path)) for name, path in paths.items() if name in TABLES}
    for name, parser in _PARSERS.items():
        for row_no, record in tables.get(name, ()):
            parser(record, Where(paths[name].name, row_no, problems, seen), d)
    _attach_phones(tables.get("phone", []), paths.get("phone"), d, Where("", 0, problems, seen))
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


@dataclass
class Where:
    """The row being read (file name, row number), the import's problems and what earlier rows hold."""

    file: str
    row: int
    problems: Problems
    seen: Seen

    def check(self, model: type[R], record: dict[str, Any], kept: Callable[[R], bool] = lambda row: True,
              only: tuple[str, ...] = ()) -> tuple[R, bool]:
        """``record`` as a ``model`` row, and whether the row gives something (``kept``); its
        problems are reported: all of them if it does, else only those of the columns ``only``."""
        row, found = check_record(model, record, self.seen)
        keep = kept(row)
        self.problems.row(self.file, self.row, [p for p in found if keep or p[0] in only])
        return row, keep

    def error(self, fld: str, message: str) -> None:
        self.problems.error(self.file, self.row, fld, message)

    def origin(self, kind: str, id_: str) -> None:
        """Where the ``kind`` object ``id_`` came from (for the messages of the checks across rows)."""
        if id_:
            self.problems.origins[(kind, id_)] = (self.file, self.row)


def _organization(record: dict[str, Any], at: Where, d: Directory) -> None:
    row, _ = at.check(OrganizationRow, record)
    at.origin("organization", row.id)
    if row.id:
        d.organizations[row.id] = Organization(id=row.id, name=row.name, description=row.description,
                                               email=row.email, website=row.website)


def _service(record: dict[str, Any], at: Where, d: Directory) -> None:
    row, _ = at.check(ServiceRow, record)
    at.origin("service", row.id)
    s = Service(
        id=row.id, organization_id=row.organization_id, name=row.name, kind=row.kind, time_zone=row.time_zone,
        alternate_name=row.alternate_name, description=row.description, url=row.url, email=row.email,
        status=row.status, minimum_age=row.minimum_age, maximum_age=row.maximum_age, topics=row.topics,
        free_of_charge=row.free_of_charge, anonymous=row.anonymous, child_specific=row.child_specific,
        source=row.source, verified=row.assured_date, starter=row.starter,
    )
    if row.id:
        d.services[row.id] = s


def _channel(record: dict[str, Any], at: Where, d: Directory) -> None:
    # the languages of a channel that is not kept (unknown service, id taken) are not checked
    row, kept = at.check(ChannelRow, record, lambda r: r.service_id in d.services and bool(r.id),
                         only=("id", "service_id", "type", "value"))
    at.origin("channel", row.id)
    if kept:
        d.services[row.service_id].channels.append(Channel(
            id=row.id, service_id=row.service_id, type=row.type, value=row.value, description=row.description,
            languages=row.languages))


def _schedule_row(record: dict[str, Any], at: Where, d: Directory) -> None:
    row, _ = at.check(ScheduleRow, record)
    at.origin("schedule", row.id)
    s = d.services.get(row.service_id)
    if s is None or not row.id or not row.byday:
        return
    cid = row.channel_id or None
    sc = Schedule(id=row.id, service_id=s.id, channel_id=cid, byday=row.byday, opens=row.opens_at or 0,
                  closes=row.closes_at or 0, description=row.description)
    if cid is None:
        s.schedules.append(sc)
        return
    channel = next((c for c in s.channels if c.id == cid), None)
    if channel is None:
        at.error("channel_id", f"unknown channel {cid!r} of service {s.id!r}")
    else:
        channel.schedules.append(sc)


def _area(record: dict[str, Any], at: Where, d: Directory) -> None:
    row, _ = at.check(AreaRow, record)
    at.origin("service_area", row.id)
    s = d.services.get(row.service_id)
    if s is not None and row.id:
        s.areas.append(ServiceArea(id=row.id, service_id=s.id, country=row.country, admin1=row.admin1 or None,
                                   latitude=row.latitude, longitude=row.longitude, radius_km=row.radius_km,
                                   name=row.name, description=row.description))


def _location(record: dict[str, Any], at: Where, d: Directory) -> None:
    locations: dict[str, Location] = at.seen.locations  # type: ignore[assignment]
    # a location without a usable id is not checked further
    row, kept = at.check(LocationRow, record, lambda r: bool(r.id), only=("id",))
    if kept:
        at.origin("location", row.id)
        locations[row.id] = Location(
            id=row.id, name=row.name, latitude=row.latitude, longitude=row.longitude,
            location_type=row.location_type or "physical")


def _address(record: dict[str, Any], at: Where, d: Directory) -> None:
    # the address of an unknown location is not checked further
    row, kept = at.check(AddressRow, record, lambda r: r.location_id in at.seen.locations, only=("location_id",))
    if kept:
        loc = at.seen.locations[row.location_id]
        loc.address_1, loc.city = row.address_1, row.city
        loc.region = row.region or row.state_province
        loc.postal_code = row.postal_code
        loc.country = row.country


def _service_at_location(record: dict[str, Any], at: Where, d: Directory) -> None:
    row, _ = at.check(ServiceAtLocationRow, record)
    s, loc = d.services.get(row.service_id), at.seen.locations.get(row.location_id)
    if s is not None and loc is not None:
        s.locations.append(loc)


def _language(record: dict[str, Any], at: Where, d: Directory) -> None:
    row, _ = at.check(LanguageRow, record)
    s = d.services.get(row.service_id)
    if s is not None:
        s.languages = tuple(dict.fromkeys((*s.languages, *row.code)))


def _phone(record: dict[str, Any], at: Where, d: Directory) -> None:
    """Handled after channels are known (:func:`_attach_phones`)."""


def _attach_phones(rows: list[tuple[int, dict[str, str]]], path: Path | None, d: Directory, at: Where) -> None:
    if path is None:
        return
    channel_ids = {c.id for s in d.services.values() for c in s.channels}
    for row_no, record in rows:
        at = Where(path.name, row_no, at.problems, at.seen)
        cid = cell_text(record.get("channel_id"))
        if cid and cid in channel_ids:
            continue  # the copy of a channel, written for other HSDS tools
        sid = cell_text(record.get("service_id"))
        if not sid:
            at.problems.warn(at.file, row_no, "service_id", "phone without service_id is ignored")
            continue
        # the phone of an unknown service is not checked further
        row, kept = at.check(PhoneRow, record, lambda r: r.service_id in d.services, only=("service_id",))
        if not kept:
            continue
        s = d.services[row.service_id]
        ptype = row.type.lower() or "voice"
        ctype = "sms" if ptype in ("text", "sms") else "phone"
        id_ = row.id or f"{sid}-phone{row_no}"
        at.origin("channel", id_)
        s.channels.append(Channel(id=id_, service_id=sid, type=ctype, value=row.number, description=row.description))


# Order matters: organizations before services, services before their children.
_PARSERS: Final = {
    "organization": _organization, "service": _service, "channel": _channel, "phone": _phone,
    "schedule": _schedule_row, "service_area": _area, "location": _location, "address": _address,
    "service_at_location": _service_at_location, "language": _language,
}
