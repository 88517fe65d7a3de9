"""Routing: the ranked short list of services for one child, now, with the reason for each.

Rules (issue 4): 1. imminent danger -> the national emergency number first; 2. jurisdiction:
only services whose service area covers where the child is (national, then region, then local),
never a foreign number; 3. hard filters: active, age in range, topic ("general" services accept
any topic); 4. ranking: open now on a usable channel (chat/SMS before voice when the child
cannot speak), language, child-specific, topic-specific, free, national before regional before
local, recently verified, then distance (local in-person services only); 5. fallback: 116 111
where the directory has it, else a national child helpline, else the emergency number. A
closed service says when it opens next (``opens_at``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional, Sequence
from zoneinfo import ZoneInfo

from referrals.errors import GeocodeError, RoutingError
from referrals.geo import Place, country_place, distance_km, find_place, gazetteer
from referrals.hours import OpenState, open_state
from referrals.hours import zone as tz
from referrals.ranking import CountryTable
from referrals.model import DAYS, Channel, Directory, Schedule, Service, ServiceArea
from referrals.rows import is_country
from referrals.store import DirectoryStore
from referrals.topics import TOPICS

VOICE_FIRST = ("phone", "chat", "sms", "whatsapp", "telegram", "email")
TEXT_FIRST = ("chat", "sms", "whatsapp", "telegram", "email", "phone")
_SCOPE_RANK = {"national": 0, "region": 1, "local": 2}
DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class Referral:
    service: Service
    channel: Channel
    reason: str
    open_now: bool
    opens_at: Optional[datetime]
    closes_at: Optional[datetime] = None
    #: False when the directory gives no hours for this channel (starter 116 111 lines).
    hours_known: bool = True
    emergency: bool = False
    country: str = ""
    distance_km: Optional[float] = None

    def to_dict(self) -> dict[str, Any]:
        s, ch = self.service, self.channel
        return {
            "service_id": s.id, "name": s.name, "kind": s.kind, "country": self.country,
            "channel": ch.type, "contact": ch.value, "reason": self.reason, "open_now": self.open_now,
            "opens_at": self.opens_at.isoformat() if self.opens_at else None,
            "closes_at": self.closes_at.isoformat() if self.closes_at else None,
            "hours_known": self.hours_known, "emergency": self.emergency, "free": s.free_of_charge,
            "topics": list(s.topics), "languages": list(s.languages), "starter": s.starter,
            "verified": s.verified.isoformat() if s.verified else None,
            "distance_km": round(self.distance_km, 1) if self.distance_km is not None else None,
        }


WEEK = 7 * 1440


def _week_intervals(schedules: Sequence[Schedule]) -> tuple[tuple[int, int], ...]:
    """Opening hours as [start, end) minutes of the local week (Monday 00:00 = 0)."""
    out: list[tuple[int, int]] = []
    for sc in schedules:
        for day in sc.byday:
            start = DAYS.index(day) * 1440 + sc.opens
            end = start - sc.opens + (sc.closes if sc.closes > sc.opens else 1440 + sc.closes)
            if end > WEEK:
                out.append((start, WEEK))
                out.append((0, end - WEEK))
            else:
                out.append((start, end))
    return tuple(out)


@dataclass
class _Entry:
    """A service as the router needs it, with everything that does not depend on the query."""

    service: Service
    zone: ZoneInfo
    areas: tuple[ServiceArea, ...]
    points: tuple[tuple[float, float], ...]
    national: bool = False
    #: per channel: (channel, week intervals, hours known)
    channels: tuple[tuple[Channel, tuple[tuple[int, int], ...], bool], ...] = ()
    verified_rank: int = 0
    topics: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        s = self.service
        self.national = any(a.scope == "national" for a in self.areas)
        self.channels = tuple((ch, _week_intervals(s.schedules_for(ch)), bool(s.schedules_for(ch)))
                              for ch in s.channels)
        self.topics = frozenset(s.topics)
        self.languages = frozenset(s.languages)
        self.verified_rank = -(s.verified.toordinal() if s.verified else 0)  # recent first


@dataclass
class RoutingIndex:
    """Active services by country, built once per directory generation."""

    directory: Directory
    by_country: dict[str, list[_Entry]] = field(default_factory=dict)
    emergency: dict[str, Service] = field(default_factory=dict)
    helpline_116111: dict[str, Service] = field(default_factory=dict)
    child_helpline: dict[str, Service] = field(default_factory=dict)
    tables: dict[str, CountryTable] = field(default_factory=dict)

    def table(self, country: str) -> CountryTable:
        """The vectorised services of ``country`` (built on first use)."""
        table = self.tables.get(country)
        if table is None:
            entries = [e for e in self.by_country.get(country, ()) if e.service.kind != "emergency"]
            table = self.tables[country] = CountryTable(entries)
        return table

    def __post_init__(self) -> None:
        for s in self.directory.services.values():
            if s.status != "active" or not s.channels:
                continue
            zone = tz(s.time_zone)
            points = tuple((loc.latitude, loc.longitude) for loc in s.locations
                           if loc.latitude is not None and loc.longitude is not None)
            for country in sorted(s.countries):
                areas = tuple(a for a in s.areas if a.country == country)
                self.by_country.setdefault(country, []).append(_Entry(s, zone, areas, points))
                if s.kind == "emergency":
                    self.emergency.setdefault(country, s)
                    continue
                if any(ch.value == "116111" for ch in s.channels):
                    self.helpline_116111.setdefault(country, s)
                if s.kind == "child_helpline" and all(a.scope == "national" for a in areas):
                    self.child_helpline.setdefault(country, s)
        for country in self.by_country:
            self.table(country)


def resolve_place(where: str | Place | tuple[float, float] | None, country_hint: str | None = None,
                  lang: str | None = None) -> Optional[Place]:
    """Where the child is: free text, a Place, coordinates, or (None) the hint's country."""
    if isinstance(where, Place):
        return where
    if isinstance(where, tuple):
        try:
            lat, lon = float(where[0]), float(where[1])
        except (TypeError, ValueError, IndexError) as exc:
            raise RoutingError(f"coordinates must be (latitude, longitude), not {where!r}") from exc
        try:
            return gazetteer().nearest_city(lat, lon)
        except GeocodeError as exc:
            raise RoutingError(str(exc)) from exc
    place = find_place(where, country_hint, lang) if where else None
    if place is None and country_hint:
        place = country_place(country_hint)
        if place is None and is_country(country_hint):
            # a territory without a gazetteer city (e.g. AC, XK): the country alone still routes
            code = country_hint.upper()
            place = Place(name=code, country=code, admin1=None, lat=0.0, lon=0.0, population=0, kind="country")
    return place


def routing_index(store: DirectoryStore) -> RoutingIndex:
    """The routing index of ``store``'s current directory (built again after an import)."""
    return store.cached(RoutingIndex)


_DEFAULT_STORE: Optional[DirectoryStore] = None


def default_store() -> DirectoryStore:
    """The store of popbot's database (settings), seeded with the starter data when empty."""
    global _DEFAULT_STORE
    if _DEFAULT_STORE is None:
        store = DirectoryStore()
        store.ensure_seeded()
        _DEFAULT_STORE = store
    return _DEFAULT_STORE


def route(
    where: str | Place | tuple[float, float] | None,
    *,
    age: int | None = None,
    topics: Sequence[str] = (),
    lang: str | None = None,
    at: datetime | None = None,
    cannot_speak: bool = False,
    urgent: bool = False,
    country_hint: str | None = None,
    store: DirectoryStore | None = None,
    index: RoutingIndex | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Referral]:
    """The ranked referrals for a child; empty only when the place (or hint) is unknown."""
    for topic in topics:
        if topic not in TOPICS:
            raise RoutingError(f"unknown topic {topic!r} (known: {', '.join(TOPICS)})")
    if age is not None and not 0 <= age <= 120:
        raise RoutingError(f"age {age} is out of range")
    if at is None:
        at = datetime.now(timezone.utc)
    elif at.tzinfo is None:
        raise RoutingError("'at' must be timezone-aware")
    place = resolve_place(where, country_hint, lang)
    if place is None:
        return []
    if index is None:
        index = routing_index(store or default_store())
    return _route(index, place, age, tuple(topics), lang, at, cannot_speak, urgent, limit)


def _route(index: RoutingIndex, place: Place, age: Optional[int], topics: tuple[str, ...], lang: Optional[str],
           at: datetime, cannot_speak: bool, urgent: bool, limit: int) -> list[Referral]:
    country = place.country
    out: list[Referral] = []
    emergency = index.emergency.get(country)
    if urgent and emergency is not None:
        out.append(_referral(emergency, country, at, cannot_speak, "imminent danger: the emergency number first",
                             emergency=True))
    wanted = frozenset(topics)
    top, matched = index.table(country).rank(place, age, wanted, lang, at, cannot_speak, limit)
    for r in top:
        out.append(_ranked_referral(r.entry, country, r.scope, wanted, r.topic_exact, r.distance, lang, at,
                                    cannot_speak))
    if not matched:
        fallback = index.helpline_116111.get(country)
        why = "fallback: 116 111, the child helpline number"
        if fallback is None:
            fallback = index.child_helpline.get(country)
            why = "fallback: the national child helpline"
        if fallback is not None:
            out.append(_referral(fallback, country, at, cannot_speak, why))
        elif emergency is not None and not urgent:
            out.append(_referral(emergency, country, at, cannot_speak,
                                 "fallback: no helpline in the directory, the emergency number", emergency=True))
    return out[:limit]


def _ranked_referral(entry: _Entry, country: str, scope: str, wanted: frozenset[str], topic_exact: bool,
                     distance: Optional[float], lang: Optional[str], at: datetime, cannot_speak: bool) -> Referral:
    s = entry.service
    ch, state, known = _best_channel(s, entry.zone, at, cannot_speak)
    facts = [f"{scope} service in {country}"]
    if wanted:
        facts.append("topic " + ", ".join(sorted(wanted & entry.topics)) if topic_exact else "general service")
    facts.append(_hours_fact(ch, state, known))
    if lang and (lang in entry.languages or lang in ch.languages):
        facts.append(f"speaks {lang}")
    if s.child_specific:
        facts.append("for children")
    if s.free_of_charge:
        facts.append("free")
    if distance is not None:
        facts.append(f"{distance:.0f} km away")
    if s.verified:
        facts.append(f"verified {s.verified.isoformat()}")
    return Referral(s, ch, "; ".join(facts), state.open_now, state.opens_at, state.closes_at, known, False,
                    country, distance)


def _best_channel(s: Service, zone: ZoneInfo, at: datetime, cannot_speak: bool) -> tuple[Channel, OpenState, bool]:
    order = TEXT_FIRST if cannot_speak else VOICE_FIRST
    channels = sorted(s.channels, key=lambda c: order.index(c.type) if c.type in order else len(order))
    states = []
    for ch in channels:
        schedules = s.schedules_for(ch)
        state = open_state(schedules, zone, at)
        if state.open_now:
            return ch, state, True
        states.append((ch, state, bool(schedules)))
    unknown = next((x for x in states if not x[2]), None)
    if unknown is not None:
        return unknown
    opening = [x for x in states if x[1].opens_at is not None]
    if opening:
        return min(opening, key=lambda x: x[1].opens_at)  # type: ignore[arg-type,return-value]
    return states[0]


def _hours_fact(ch: Channel, state: OpenState, known: bool) -> str:
    if not known:
        return f"{ch.type}: hours not known"
    if state.open_now:
        return f"open now ({ch.type})" + (f" until {state.closes_at:%H:%M}" if state.closes_at else "")
    if state.opens_at:
        return f"closed, {ch.type} opens {state.opens_at:%a %H:%M}"
    return "closed"


def _referral(s: Service, country: str, at: datetime, cannot_speak: bool, why: str,
              emergency: bool = False) -> Referral:
    ch, state, known = _best_channel(s, tz(s.time_zone), at, cannot_speak)
    reason = f"{why}; {_hours_fact(ch, state, known)}"
    return Referral(s, ch, reason, state.open_now, state.opens_at, state.closes_at, known, emergency, country)
