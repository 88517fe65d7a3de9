"""The one-sheet layout for partners: one row per service, in CSV (UTF-8) or XLSX (first sheet).

Columns are documented in ``docs/referrals.md``; names are case-insensitive and a few aliases
are accepted (``min_age`` = ``minimum_age``). Row numbers in problems are spreadsheet row
numbers (the header is row 1).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any, Final, Iterator

from core.text import slug
from referrals.errors import ImportError_
from referrals.hours import parse_hours
from referrals.model import (
    CHANNEL_TYPES, SERVICE_KINDS, STATUSES, Channel, Directory, Location, Organization, Schedule,
    Service, ServiceArea,
)
from referrals.validate import Problems, Row

COLUMNS: Final = (
    "id", "organization", "organization_website", "service", "alternate_name", "description",
    "kind", "status", "country", "region", "latitude", "longitude", "radius_km", "address",
    "city", "postal_code", *CHANNEL_TYPES, "website", "hours",
    *(f"{c}_hours" for c in CHANNEL_TYPES), "time_zone", "minimum_age", "maximum_age", "topics",
    "languages", "free", "anonymous", "child_specific", "source", "verified",
)
ALIASES: Final = {
    "min_age": "minimum_age", "max_age": "maximum_age", "name": "service", "org": "organization",
    "timezone": "time_zone", "tz": "time_zone", "free_of_charge": "free", "chat_url": "chat",
    "url": "website", "last_verified": "verified", "admin1": "region", "lat": "latitude",
    "lon": "longitude", "lng": "longitude",
}
REQUIRED: Final = ("organization", "service", "country", "time_zone", "topics")


def iter_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, {column: value}) for a CSV or XLSX file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            with path.open(newline="", encoding="utf-8-sig") as f:
                for i, record in enumerate(csv.DictReader(f), start=2):
                    yield i, record
        except UnicodeDecodeError as exc:
            raise ImportError_(f"{path.name}: not UTF-8 text (save the sheet as 'CSV UTF-8')") from exc
    elif suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise ImportError_(f"{path.name}: cannot read the workbook ({exc.__class__.__name__})") from exc
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        names = [str(h).strip() if h is not None else "" for h in header]
        for i, values in enumerate(rows, start=2):
            if values is None or all(v is None or str(v).strip() == "" for v in values):
                continue
            yield i, {n: v for n, v in zip(names, values) if n}
        wb.close()
    else:
        raise ImportError_(f"{path.name}: unknown format {suffix!r} (use .csv, .xlsx or an HSDS datapackage.json)")


def read_sheet(path: Path, problems: Problems) -> Directory:
    """Parse the one-sheet layout; problems are collected, not raised."""
    d = Directory()
    file = path.name
    seen_header = False
    for number, record in iter_rows(path):
        record = {ALIASES.get(str(k).strip().lower(), str(k).strip().lower()): v for k, v in record.items() if k}
        if not seen_header:
            seen_header = True
            unknown = sorted(set(record) - set(COLUMNS))
            for col in unknown:
                problems.error(file, 1, col, f"unknown column {col!r} (see docs/referrals.md)")
            missing = [c for c in REQUIRED if c not in record]
            for col in missing:
                problems.error(file, 1, col, "required column is missing")
            if missing:
                return d
        row = Row(record, file, number, problems)
        _service_from_row(row, d, problems)
    return d


def _service_from_row(row: Row, d: Directory, problems: Problems) -> None:
    org_name = row.text("organization", required=True)
    name = row.text("service", required=True)
    country = row.country("country")
    region = row.text("region") or None
    sid = row.text("id") or f"{country.lower()}-{slug(org_name, 20)}-{slug(name, 30)}"
    if region and not row.text("id"):
        sid += f"-{slug(region, 10)}"
    if sid in d.services:
        row.error("id", f"duplicate service id {sid!r} (also on row {problems.origins[('service', sid)][1]}); add an id column")
        return
    oid = f"org-{slug(org_name, 56)}"
    d.organizations.setdefault(oid, Organization(id=oid, name=org_name, website=row.text("organization_website")))
    problems.origins[("service", sid)] = (row.file, row.row)
    kind = row.choice("kind", SERVICE_KINDS, default="helpline")
    service = Service(
        id=sid, organization_id=oid, name=name, kind=kind, time_zone=row.zone("time_zone"),
        alternate_name=row.text("alternate_name"), description=row.text("description"),
        url=row.text("website"), status=row.choice("status", STATUSES, default="active"),
        minimum_age=row.integer("minimum_age", 0, 120), maximum_age=row.integer("maximum_age", 0, 120),
        topics=row.topics("topics"), free_of_charge=row.boolean("free", True),
        anonymous=row.boolean("anonymous", False), child_specific=row.boolean("child_specific", False),
        languages=row.languages("languages"), source=row.text("source"), verified=row.day("verified"),
    )
    if not service.topics and row.text("topics") == "":
        pass  # reported as required above
    lat, lon = row.number("latitude", -90, 90), row.number("longitude", -180, 180)
    radius = row.number("radius_km", 0, 5000)
    if (lat is None) != (lon is None):
        row.error("latitude" if lat is None else "longitude", "latitude and longitude go together")
        lat = lon = None
    if radius is not None and lat is None:
        row.error("radius_km", "radius_km needs latitude and longitude")
        radius = None
    if country:
        service.areas.append(ServiceArea(
            id=f"{sid}-area", service_id=sid, country=country, admin1=region,
            latitude=lat if radius is not None else None, longitude=lon if radius is not None else None,
            radius_km=radius, name=row.text("city") or region or country))
    address = row.text("address")
    if lat is not None or address:
        service.locations.append(Location(
            id=f"{sid}-loc", name=name, latitude=lat, longitude=lon, address_1=address,
            city=row.text("city"), region=region or "", postal_code=row.text("postal_code"), country=country))
    default_hours = row.text("hours")
    if default_hours:
        service.schedules = _schedules(row, "hours", default_hours, sid, None)
    for ctype in CHANNEL_TYPES:
        raw = row.text(ctype)
        if not raw:
            continue
        for n, value in enumerate([v.strip() for v in raw.split(";") if v.strip()], start=1):
            cid = f"{sid}-{ctype}{n if n > 1 else ''}"
            ch = Channel(id=cid, service_id=sid, type=ctype, value=value)
            hours = row.text(f"{ctype}_hours")
            if hours:
                ch.schedules = _schedules(row, f"{ctype}_hours", hours, sid, cid)
            problems.origins[("channel", cid)] = (row.file, row.row)
            service.channels.append(ch)
    for ctype in CHANNEL_TYPES:
        if row.text(f"{ctype}_hours") and not row.text(ctype):
            row.error(f"{ctype}_hours", f"hours given but no {ctype} column value")
    d.services[sid] = service


def _schedules(row: Row, fld: str, text: str, sid: str, cid: str | None) -> list[Schedule]:
    try:
        rules = parse_hours(text)
    except ValueError as exc:
        row.error(fld, str(exc))
        return []
    base = cid or sid
    return [Schedule(id=f"{base}-h{i}", service_id=sid, channel_id=cid, byday=r.byday, opens=r.opens, closes=r.closes)
            for i, r in enumerate(rules, start=1)]
