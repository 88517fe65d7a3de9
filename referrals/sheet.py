"""The one-sheet layout for partners: one row per service, in CSV (UTF-8) or XLSX (first sheet).

Columns are documented in ``docs/referrals.md``; names are case-insensitive and a few aliases
are accepted (``min_age`` = ``minimum_age``). Row numbers in problems are spreadsheet row
numbers (the header is row 1).
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable, Final, Iterator

from core.text import slug
from core.yamlcheck.record import check_record
from referrals.errors import ImportError_
from referrals.hours import parse_hours
from referrals.model import (
    CHANNEL_TYPES, Channel, Directory, Location, Organization, Schedule, Service, ServiceArea,
)
from referrals.rows import SheetRow
from referrals.validate import Problems

#: The columns, as :class:`referrals.rows.SheetRow` declares them.
COLUMNS: Final = tuple(f.alias for f in SheetRow.__fields__.values())
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
        _service_from_row(record, file, number, d, problems)
    return d


def _service_from_row(record: dict[str, Any], file: str, number: int, d: Directory, problems: Problems) -> None:
    row, found = check_record(SheetRow, record)
    sid = row.id or f"{row.country.lower()}-{slug(row.organization, 20)}-{slug(row.service, 30)}"
    if row.region and not row.id:
        sid += f"-{slug(row.region, 10)}"
    if sid in d.services:
        problems.row(file, number, [p for p in found if p[0] in SheetRow.IDENTITY])
        problems.error(file, number, "id", f"duplicate service id {sid!r} (also on row "
                       f"{problems.origins[('service', sid)][1]}); add an id column")
        return
    problems.row(file, number, found)
    oid = f"org-{slug(row.organization, 56)}"
    d.organizations.setdefault(oid, Organization(id=oid, name=row.organization, website=row.organization_website))
    problems.origins[("service", sid)] = (file, number)
    region = row.region or None
    service = Service(
        id=sid, organization_id=oid, name=row.service, kind=row.kind, time_zone=row.time_zone,
        alternate_name=row.alternate_name, description=row.description, url=row.website, status=row.status,
        minimum_age=row.minimum_age, maximum_age=row.maximum_age, topics=row.topics, free_of_charge=row.free,
        anonymous=row.anonymous, child_specific=row.child_specific, languages=row.languages, source=row.source,
        verified=row.verified,
    )
    lat, lon, radius = row.latitude, row.longitude, row.radius_km
    if row.country:
        service.areas.append(ServiceArea(
            id=f"{sid}-area", service_id=sid, country=row.country, admin1=region,
            latitude=lat if radius is not None else None, longitude=lon if radius is not None else None,
            radius_km=radius, name=row.city or region or row.country))
    if lat is not None or row.address:
        service.locations.append(Location(
            id=f"{sid}-loc", name=row.service, latitude=lat, longitude=lon, address_1=row.address,
            city=row.city, region=region or "", postal_code=row.postal_code, country=row.country))

    def report(fld: str) -> Callable[[str], None]:
        return lambda message: problems.error(file, number, fld, message)

    if row.hours:
        service.schedules = _schedules(row.hours, sid, None, report("hours"))
    for ctype in CHANNEL_TYPES:
        hours = getattr(row, f"{ctype}_hours")
        for n, value in enumerate(row.channel_values(ctype), start=1):
            cid = f"{sid}-{ctype}{n if n > 1 else ''}"
            ch = Channel(id=cid, service_id=sid, type=ctype, value=value)
            if hours:
                ch.schedules = _schedules(hours, sid, cid, report(f"{ctype}_hours"))
            problems.origins[("channel", cid)] = (file, number)
            service.channels.append(ch)
    for ctype in CHANNEL_TYPES:
        if getattr(row, f"{ctype}_hours") and not getattr(row, ctype):
            problems.error(file, number, f"{ctype}_hours", f"hours given but no {ctype} column value")
    d.services[sid] = service


def _schedules(text: str, sid: str, cid: str | None, report: Callable[[str], None]) -> list[Schedule]:
    try:
        rules = parse_hours(text)
    except ValueError as exc:
        report(str(exc))
        return []
    base = cid or sid
    return [Schedule(id=f"{base}-h{i}", service_id=sid, channel_id=cid, byday=r.byday, opens=r.opens, closes=r.closes)
            for i, r in enumerate(rules, start=1)]
