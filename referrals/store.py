"""The directory in the database (SQLite by default, PostgreSQL in production).

One :class:`DirectoryStore` per database. Every write runs in one transaction (a failed import
leaves the directory as it was) and bumps a generation number, so the routing index that
:meth:`DirectoryStore.cached` keeps is rebuilt after an import, also in other processes.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from core import db
from referrals import schema as t
from referrals.errors import StoreError
from referrals.model import (
    Channel, Directory, Location, Organization, Schedule, Service, ServiceArea,
)
from referrals.starter import load_starter, starter_fingerprint

#: Key (in the meta table) of the checksum of the starter package the directory was seeded from.
STARTER_FINGERPRINT = "starter_fingerprint"
#: How often (seconds) a cached index asks the database whether it changed.
RECHECK_SECONDS = 5.0
_BATCH = 2000
T = TypeVar("T")


class DirectoryStore:
    """The referral directory stored through SQLAlchemy (``future=True``, 2.0-style API)."""

    def __init__(self, url: str | None = None, *, engine: Engine | None = None, migrate: bool = True) -> None:
        if engine is None:
            if url is None:
                from core.settings import load_settings

                url = load_settings().database_url
            try:
                engine = db.make_engine(url)
            except (SQLAlchemyError, db.DatabaseError, OSError) as exc:
                raise StoreError(f"cannot open the directory database: {exc.__class__.__name__}") from exc
        self.engine: Engine = engine
        self._lock = threading.Lock()
        #: (builder, directory generation, what it built) of :meth:`cached`
        self._built: Optional[tuple[Callable[[Directory], Any], int, Any]] = None
        self._checked_at = 0.0
        if migrate:
            self.migrate()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the database to the newest revision of popbot's one history (``core.db``)."""
        try:
            db.migrate(self.engine)
        except db.DatabaseError as exc:
            raise StoreError(f"migrating the directory tables failed: {exc}") from exc

    # -- reads ----------------------------------------------------------------------------
    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.service)).scalar_one())

    def is_empty(self) -> bool:
        return self.count() == 0

    def generation(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "generation")).scalar()
        return int(value or 0)

    def load(self) -> Directory:
        """The whole directory, assembled from the tables."""
        with self.engine.connect() as conn:
            return _load(conn)

    # -- writes ---------------------------------------------------------------------------
    def save(self, directory: Directory, *, replace: bool = False, progress: bool = False) -> int:
        """Insert ``directory`` in one transaction; services and organizations with the same id
        are replaced. ``replace=True`` first empties the directory. Returns services written."""
        try:
            with self.engine.begin() as conn:
                if replace:
                    for table in t.DELETE_ORDER:
                        conn.execute(delete(table))
                else:
                    _delete_services(conn, list(directory.services))
                _insert(conn, directory, progress)
                _bump(conn)
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", exc)).splitlines()[0][:300]
            raise StoreError(f"saving the directory failed, nothing was changed: {exc.__class__.__name__}: {detail}") from exc
        self._checked_at = 0.0
        return len(directory.services)

    def delete_all(self) -> None:
        with self.engine.begin() as conn:
            for table in t.DELETE_ORDER:
                conn.execute(delete(table))
            _bump(conn)
        self._checked_at = 0.0

    def ensure_seeded(self) -> bool:
        """Load the starter data if the directory is empty, or refresh its starter rows when the
        shipped package changed since they were loaded (a release that corrects an emergency
        number must reach directories seeded before it); True if it wrote.

        Rows a partner imported are never touched; a directory without starter rows (the partner
        replaced them) is left without."""
        shipped = starter_fingerprint()
        if self.is_empty():
            self.seed_starter(load_starter(), shipped)
            return True
        if self.meta(STARTER_FINGERPRINT) == shipped or not self.starter_count():
            return False
        try:
            self.seed_starter(load_starter(), shipped)
        except StoreError:
            if self.meta(STARTER_FINGERPRINT) == shipped:  # another process refreshed them first
                return False
            raise
        return True

    def seed_starter(self, starter: Directory, fingerprint: int) -> int:
        """Replace the starter rows by ``starter`` in one transaction (starter services it no
        longer ships are deleted) and record the package's ``fingerprint``."""
        try:
            with self.engine.begin() as conn:
                old = conn.execute(select(t.service.c.id).where(t.service.c.starter.is_(True))).scalars().all()
                _delete_services(conn, sorted(set(old) | set(starter.services)))
                _insert(conn, starter, False)
                _set_meta(conn, STARTER_FINGERPRINT, fingerprint)
                _bump(conn)
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", exc)).splitlines()[0][:300]
            raise StoreError(f"loading the starter data failed, nothing was changed: {exc.__class__.__name__}: "
                             f"{detail}") from exc
        self._checked_at = 0.0
        return len(starter.services)

    def starter_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.service)
                                    .where(t.service.c.starter.is_(True))).scalar_one())

    def meta(self, key: str) -> Optional[int]:
        with self.engine.connect() as conn:
            value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()
        return None if value is None else int(value)

    # -- what is built from the directory (the routing index) ----------------------------
    def cached(self, build: Callable[[Directory], T]) -> T:
        """``build(directory)`` of the current directory: cached, and built again when the
        directory changed (asked at most every RECHECK_SECONDS; an import by another process too)."""
        now = time.monotonic()
        if self._built is not None and self._built[0] is build and now - self._checked_at < RECHECK_SECONDS:
            return self._built[2]  # type: ignore[no-any-return]
        with self._lock:
            generation = self.generation()
            self._checked_at = time.monotonic()
            if self._built is None or self._built[0] is not build or generation != self._built[1]:
                self._built = (build, generation, build(self.load()))
            return self._built[2]  # type: ignore[no-any-return]

    def dispose(self) -> None:
        self.engine.dispose()


def _set_meta(conn: Connection, key: str, value: int) -> None:
    if conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar() is None:
        conn.execute(insert(t.meta).values(key=key, value=value))
    else:
        conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value))


def _bump(conn: Connection) -> None:
    current = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "generation")).scalar()
    if current is None:
        conn.execute(insert(t.meta).values(key="generation", value=1))
    else:
        conn.execute(update(t.meta).where(t.meta.c.key == "generation").values(value=int(current) + 1))


def _chunks(ids: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _delete_services(conn: Connection, ids: list[str]) -> None:
    for chunk in _chunks(ids):
        for table in (t.schedule, t.channel, t.service_area, t.service_at_location):
            conn.execute(delete(table).where(table.c.service_id.in_(chunk)))
        conn.execute(delete(t.service).where(t.service.c.id.in_(chunk)))


def _join(values: Iterable[str]) -> str:
    return " ".join(values)


def _rows(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "organization", "service", "channel", "schedule", "service_area", "location", "service_at_location")}
    for org in directory.organizations.values():
        rows["organization"].append(dict(id=org.id, name=org.name, description=org.description,
                                         email=org.email, website=org.website))
    locations: dict[str, Location] = {}
    for s in directory.services.values():
        rows["service"].append(dict(
            id=s.id, organization_id=s.organization_id, name=s.name, alternate_name=s.alternate_name,
            description=s.description, url=s.url, email=s.email, status=s.status, kind=s.kind,
            time_zone=s.time_zone, minimum_age=s.minimum_age, maximum_age=s.maximum_age,
            topics=_join(s.topics), languages=_join(s.languages), free_of_charge=s.free_of_charge,
            anonymous=s.anonymous, child_specific=s.child_specific, source=s.source,
            verified=s.verified, starter=s.starter))
        for pos, ch in enumerate(s.channels):
            rows["channel"].append(dict(id=ch.id, service_id=s.id, position=pos, type=ch.type, value=ch.value,
                                        description=ch.description, languages=_join(ch.languages)))
            for sc in ch.schedules:
                rows["schedule"].append(_schedule_row(sc, s.id, ch.id))
        for sc in s.schedules:
            rows["schedule"].append(_schedule_row(sc, s.id, None))
        for a in s.areas:
            rows["service_area"].append(dict(id=a.id, service_id=s.id, country=a.country, admin1=a.admin1,
                                             latitude=a.latitude, longitude=a.longitude, radius_km=a.radius_km,
                                             name=a.name, description=a.description))
        for loc in s.locations:
            locations[loc.id] = loc
            rows["service_at_location"].append(dict(id=f"{s.id}:{loc.id}"[:64], service_id=s.id, location_id=loc.id))
    for loc in locations.values():
        rows["location"].append(dict(id=loc.id, location_type=loc.location_type, name=loc.name,
                                     latitude=loc.latitude, longitude=loc.longitude, address_1=loc.address_1,
                                     city=loc.city, region=loc.region, postal_code=loc.postal_code,
                                     country=loc.country))
    return rows


def _schedule_row(sc: Schedule, service_id: str, channel_id: Optional[str]) -> dict[str, Any]:
    return dict(id=sc.id, service_id=service_id, channel_id=channel_id, byday=",".join(sc.byday),
                opens=sc.opens, closes=sc.closes, description=sc.description)


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Update rows whose id exists (other services may point at them); return the new ones."""
    existing: set[str] = set()
    ids = [r["id"] for r in rows]
    for chunk in _chunks(ids):
        existing.update(conn.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    for row in rows:
        if row["id"] in existing:
            conn.execute(update(table).where(table.c.id == row["id"]).values(**row))
    return [r for r in rows if r["id"] not in existing]


def _insert(conn: Connection, directory: Directory, progress: bool) -> None:
    rows = _rows(directory)
    rows["organization"] = _upsert(conn, t.organization, rows["organization"])
    rows["location"] = _upsert(conn, t.location, rows["location"])
    order = [("organization", t.organization), ("location", t.location), ("service", t.service),
             ("channel", t.channel), ("schedule", t.schedule), ("service_area", t.service_area),
             ("service_at_location", t.service_at_location)]
    total = sum(len(rows[name]) for name, _ in order)
    bar = None
    if progress and total >= 1000:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="row", desc="saving")
    try:
        for name, table in order:
            data = rows[name]
            for i in range(0, len(data), _BATCH):
                batch = data[i:i + _BATCH]
                conn.execute(insert(table), batch)
                if bar is not None:
                    bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()


def _split(value: Optional[str]) -> tuple[str, ...]:
    return tuple(value.split()) if value else ()


def _load(conn: Connection) -> Directory:
    d = Directory()
    for r in conn.execute(select(t.organization)).mappings():
        d.organizations[r["id"]] = Organization(id=r["id"], name=r["name"], description=r["description"],
                                                email=r["email"], website=r["website"])
    for r in conn.execute(select(t.service)).mappings():
        d.services[r["id"]] = Service(
            id=r["id"], organization_id=r["organization_id"], name=r["name"], kind=r["kind"],
            time_zone=r["time_zone"], alternate_name=r["alternate_name"], description=r["description"],
            url=r["url"], email=r["email"], status=r["status"], minimum_age=r["minimum_age"],
            maximum_age=r["maximum_age"], topics=_split(r["topics"]), free_of_charge=bool(r["free_of_charge"]),
            anonymous=bool(r["anonymous"]), child_specific=bool(r["child_specific"]),
            languages=_split(r["languages"]), source=r["source"], verified=r["verified"], starter=bool(r["starter"]))
    channels: dict[str, Channel] = {}
    for r in conn.execute(select(t.channel).order_by(t.channel.c.service_id, t.channel.c.position)).mappings():
        ch = Channel(id=r["id"], service_id=r["service_id"], type=r["type"], value=r["value"],
                     description=r["description"], languages=_split(r["languages"]))
        channels[ch.id] = ch
        d.services[ch.service_id].channels.append(ch)
    for r in conn.execute(select(t.schedule).order_by(t.schedule.c.id)).mappings():
        sc = Schedule(id=r["id"], service_id=r["service_id"], channel_id=r["channel_id"],
                      byday=tuple(x for x in r["byday"].split(",") if x), opens=r["opens"], closes=r["closes"],
                      description=r["description"])
        if sc.channel_id:
            channels[sc.channel_id].schedules.append(sc)
        else:
            d.services[sc.service_id].schedules.append(sc)
    for r in conn.execute(select(t.service_area).order_by(t.service_area.c.id)).mappings():
        d.services[r["service_id"]].areas.append(ServiceArea(
            id=r["id"], service_id=r["service_id"], country=r["country"], admin1=r["admin1"],
            latitude=r["latitude"], longitude=r["longitude"], radius_km=r["radius_km"], name=r["name"],
            description=r["description"]))
    locations = {r["id"]: Location(id=r["id"], name=r["name"], latitude=r["latitude"], longitude=r["longitude"],
                                   address_1=r["address_1"], city=r["city"], region=r["region"],
                                   postal_code=r["postal_code"], country=r["country"],
                                   location_type=r["location_type"])
                 for r in conn.execute(select(t.location)).mappings()}
    for r in conn.execute(select(t.service_at_location).order_by(t.service_at_location.c.id)).mappings():
        d.services[r["service_id"]].locations.append(locations[r["location_id"]])
    return d
