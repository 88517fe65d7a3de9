"""The rows of a directory file as declarative schemas: the one-sheet layout (CSV/XLSX,
:class:`SheetRow`) and each HSDS table (:class:`ServiceRow`, :class:`ChannelRow`, ...).

A row model (:class:`core.yamlcheck.record.Record`) names its columns and their cell types, in
the order problems are reported; :func:`core.yamlcheck.record.check_record` gives the row and
every problem as ``(column, message)``. The cell types do what a spreadsheet needs — a number
cell ``6.0`` is the text ``6``, a date cell is a date, ``tak``/``sí``/``x`` are yes — and say what
is wrong in the partner's words. Checks against earlier rows (duplicate ids, unknown services or
locations) read the :class:`Seen` context; checks across rows stay in :mod:`referrals.validate`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Final, Mapping, Optional, Sequence

from core.yamlcheck.record import Cell, Record, Wrong
from referrals.hours import check_zone, parse_clock
from referrals.model import CHANNEL_TYPES, DAYS, SERVICE_KINDS, STATUSES, Location, Service
from referrals.topics import check_topic

TRUE: Final = frozenset({"true", "yes", "y", "1", "tak", "si", "sí", "x"})
FALSE: Final = frozenset({"false", "no", "n", "0", "nie", ""})


def cell_text(value: Any) -> str:
    """A cell as text: ``""`` for an empty cell, ``6`` for the number 6.0 a spreadsheet holds, stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def check_language(code: str) -> Optional[str]:
    """``code`` lower-cased if it is an ISO 639-1 language code, else None."""
    import pycountry

    code = code.strip().lower()
    if len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None:
        return code
    return None


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code, or a region libphonenumber knows (XK Kosovo, AC Ascension)."""
    import phonenumbers
    import pycountry

    code = code.upper()
    return len(code) == 2 and (pycountry.countries.get(alpha_2=code) is not None
                               or code in phonenumbers.SUPPORTED_SHORT_REGIONS)


@dataclass
class Seen:
    """What the rows read before this one hold (the context of :func:`check_record`): where each
    ``(kind, id)`` came from (file, row), the services and the locations by id."""

    origins: dict[tuple[str, str], tuple[str, int]]
    services: Mapping[str, Service]
    locations: Mapping[str, Location]


# --- cell types ---------------------------------------------------------------------------------
class Text(Cell):
    """Free text (may be empty)."""

    @classmethod
    def parse(cls, value: Any) -> str:
        return cell_text(value)


class Required(Cell):
    """Text that must not be empty."""

    @classmethod
    def parse(cls, value: Any) -> str:
        text = cell_text(value)
        if not text:
            raise Wrong("is required", fallback="")
        return text


class Whole(Cell):
    """A whole number from :attr:`low` to :attr:`high` (``6``, ``6.0``), or None when empty."""

    low: ClassVar[int] = 0
    high: ClassVar[int] = 0

    @classmethod
    def parse(cls, value: Any) -> Optional[int]:
        raw = cell_text(value)
        if not raw:
            return None
        try:
            number = int(float(raw)) if re.fullmatch(r"\d+(\.0+)?", raw) else int(raw)
        except ValueError:
            raise Wrong(f"{raw!r} is not a whole number") from None
        if not cls.low <= number <= cls.high:
            raise Wrong(f"{number} is outside {cls.low}..{cls.high}")
        return number


class Age(Whole):
    low, high = 0, 120


class Number(Cell):
    """A decimal number from :attr:`low` to :attr:`high` (``50.06`` or ``50,06``), or None when empty."""

    low: ClassVar[float] = 0
    high: ClassVar[float] = 0

    @classmethod
    def parse(cls, value: Any) -> Optional[float]:
        raw = cell_text(value)
        if not raw:
            return None
        try:
            number = float(raw.replace(",", ".")) if raw.count(",") == 1 and "." not in raw else float(raw)
        except ValueError:
            raise Wrong(f"{raw!r} is not a number") from None
        if not cls.low <= number <= cls.high:
            raise Wrong(f"{number} is outside {cls.low}..{cls.high}")
        return number


class Latitude(Number):
    low, high = -90, 90


class Longitude(Number):
    low, high = -180, 180


class Radius(Number):
    low, high = 0, 5000


class Flag(Cell):
    """Yes or no (:data:`TRUE`, :data:`FALSE`); :attr:`default` when empty or wrong."""

    default: ClassVar[bool] = False

    @classmethod
    def parse(cls, value: Any) -> bool:
        raw = cell_text(value).lower()
        if not raw:
            return cls.default
        if raw in TRUE:
            return True
        if raw in FALSE:
            return False
        raise Wrong(f"{raw!r} is not true/false", fallback=cls.default)


class YesUnlessSaid(Flag):
    default = True


class Day(Cell):
    """A date: a spreadsheet's date cell, or ``YYYY-MM-DD`` text; None when empty."""

    @classmethod
    def parse(cls, value: Any) -> Optional[date]:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise Wrong(f"{text!r} is not a date (YYYY-MM-DD)") from None


class Choice(Cell):
    """One of :attr:`choices`, lower-cased (``-`` read as ``_`` unless :attr:`dashes` is False);
    :attr:`default` when empty; when wrong, the default or the first choice."""

    choices: ClassVar[Sequence[str]] = ()
    default: ClassVar[Optional[str]] = None
    dashes: ClassVar[bool] = True

    @classmethod
    def parse(cls, value: Any) -> str:
        raw = cell_text(value).lower()
        if cls.dashes:
            raw = raw.replace("-", "_")
        if not raw and cls.default is not None:
            return cls.default
        if raw not in cls.choices:
            raise Wrong(f"{raw!r} is not one of: {', '.join(cls.choices)}",
                        fallback=cls.default or (cls.choices[0] if cls.choices else ""))
        return raw


class Kind(Choice):
    choices, default = SERVICE_KINDS, "helpline"


class Status(Choice):
    choices, default, dashes = STATUSES, "active", False


class ChannelType(Choice):
    choices = CHANNEL_TYPES


class Topics(Cell):
    """``abuse, domestic violence; LGBTQ+`` or ``abuse bullying`` -> topic names; a wrong word is
    reported and the others are kept."""

    @classmethod
    def parse(cls, value: Any) -> tuple[str, ...]:
        out: list[str] = []
        wrong: list[str] = []
        for part in (p.strip() for p in re.split(r"[,;|]+", cell_text(value))):
            if not part:
                continue
            try:
                names = [check_topic(part)]
            except ValueError:
                names = []
                for word in part.split():
                    try:
                        names.append(check_topic(word))
                    except ValueError as exc:
                        wrong.append(str(exc))
            out.extend(n for n in names if n not in out)
        if wrong:
            raise Wrong(*wrong, fallback=tuple(out))
        return tuple(out)


class RequiredTopics(Topics):
    """:class:`Topics`, at least one (a service without topics is offered for no signal)."""

    @classmethod
    def parse(cls, value: Any) -> tuple[str, ...]:
        topics = super().parse(value)
        if not topics:
            raise Wrong("is required", fallback=())
        return topics


class Languages(Cell):
    """ISO 639-1 codes (``pl, en``); a wrong code is reported and the others are kept."""

    @classmethod
    def parse(cls, value: Any) -> tuple[str, ...]:
        out: list[str] = []
        wrong: list[str] = []
        for part in re.split(r"[,;|\s]+", cell_text(value)):
            if part:
                code = check_language(part)
                if code is None:
                    wrong.append(f"{part!r} is not an ISO 639-1 language code (e.g. pl, en, es)")
                elif code not in out:
                    out.append(code)
        if wrong:
            raise Wrong(*wrong, fallback=tuple(out))
        return tuple(out)


class Zone(Cell):
    """An IANA time zone (``Europe/Warsaw``), required."""

    @classmethod
    def parse(cls, value: Any) -> str:
        raw = cell_text(value)
        if not raw:
            raise Wrong("time zone is missing (an IANA name, e.g. Europe/Warsaw)", fallback="")
        try:
            check_zone(raw)
        except ValueError as exc:
            raise Wrong(str(exc), fallback=raw) from None
        return raw


class Country(Cell):
    """An ISO 3166-1 alpha-2 code (upper-cased), required unless :attr:`required` is False."""

    required: ClassVar[bool] = True

    @classmethod
    def parse(cls, value: Any) -> str:
        text = cell_text(value)
        if cls.required and not text:
            raise Wrong("is required", fallback="")
        raw = text.upper()
        if raw and not is_country(raw):
            raise Wrong(f"{raw!r} is not an ISO 3166-1 alpha-2 country code (e.g. PL)", fallback=raw)
        return raw


class AnyCountry(Country):
    required = False


class Freq(Cell):
    """``WEEKLY`` (the only recurrence supported), or empty."""

    @classmethod
    def parse(cls, value: Any) -> str:
        freq = cell_text(value).upper()
        if freq and freq != "WEEKLY":
            raise Wrong(f"only WEEKLY schedules are supported, not {freq!r}", fallback=freq)
        return freq


class Days(Cell):
    """``MO,TU,WE`` -> the days in week order; ``()`` when wrong."""

    @classmethod
    def parse(cls, value: Any) -> tuple[str, ...]:
        text = cell_text(value)
        days = tuple(x.strip().upper() for x in text.split(",") if x.strip())
        if not days or any(x not in DAYS for x in days):
            raise Wrong(f"byday must list days like MO,TU,WE (got {text!r})", fallback=())
        return tuple(x for x in DAYS if x in days)


class Clock(Cell):
    """``HH:MM`` (``24:00`` is the end of the day) -> minutes after midnight, required."""

    @classmethod
    def parse(cls, value: Any) -> Optional[int]:
        text = cell_text(value)
        if not text:
            raise Wrong("is required")
        try:
            return parse_clock(text)
        except ValueError as exc:
            raise Wrong(str(exc)) from None


class UniqueId(Cell):
    """The id of a :attr:`kind` row, required and not seen before in the file set (``""`` when wrong)."""

    kind: ClassVar[str] = ""

    @classmethod
    def parse_in(cls, value: Any, context: Any) -> str:
        id_ = Required.parse(value)
        seen: Seen = context
        if (cls.kind, id_) in seen.origins:
            first = seen.origins[(cls.kind, id_)][1]
            raise Wrong(f"duplicate {cls.kind} id {id_!r} (first on row {first})", fallback="")
        return id_


class ServiceRef(Cell):
    """The id of a service read before, required (``""`` when wrong)."""

    @classmethod
    def parse_in(cls, value: Any, context: Any) -> str:
        sid = Required.parse(value)
        if sid not in context.services:
            raise Wrong(f"unknown service {sid!r}", fallback="")
        return sid


class LocationRef(Cell):
    """The id of a location read before, required (``""`` when wrong)."""

    @classmethod
    def parse_in(cls, value: Any, context: Any) -> str:
        lid = Required.parse(value)
        if lid not in context.locations:
            raise Wrong(f"unknown location {lid!r}", fallback="")
        return lid


# --- the one-sheet layout -----------------------------------------------------------------------
class SheetRow(Record):
    """One service per row (docs/referrals.md, "One-sheet layout")."""

    organization: Required
    service: Required
    country: Country
    region: Text
    id: Text
    organization_website: Text
    kind: Kind
    time_zone: Zone
    alternate_name: Text
    description: Text
    website: Text
    status: Status
    minimum_age: Age
    maximum_age: Age
    topics: RequiredTopics
    free: YesUnlessSaid
    anonymous: Flag
    child_specific: Flag
    languages: Languages
    source: Text
    verified: Day
    latitude: Latitude
    longitude: Longitude
    radius_km: Radius
    address: Text
    city: Text
    postal_code: Text
    hours: Text
    phone: Text
    sms: Text
    chat: Text
    whatsapp: Text
    telegram: Text
    email: Text
    phone_hours: Text
    sms_hours: Text
    chat_hours: Text
    whatsapp_hours: Text
    telegram_hours: Text
    email_hours: Text

    #: The columns that make a service's id: a row whose id is taken reports only these.
    IDENTITY: ClassVar[tuple[str, ...]] = ("organization", "service", "country", "region", "id")

    def rules(self, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        found = []
        if (self.latitude is None) != (self.longitude is None):
            found.append(("latitude" if self.latitude is None else "longitude", "latitude and longitude go together"))
            self.latitude = self.longitude = None
        if self.radius_km is not None and self.latitude is None:
            found.append(("radius_km", "radius_km needs latitude and longitude"))
            self.radius_km = None
        return found

    def channel_values(self, kind: str) -> list[str]:
        """The values of the ``kind`` column (several separated by ``;``)."""
        return [v.strip() for v in getattr(self, kind).split(";") if v.strip()]


# --- the HSDS tables ----------------------------------------------------------------------------
class OrganizationId(UniqueId):
    kind = "organization"


class ServiceId(UniqueId):
    kind = "service"


class ChannelId(UniqueId):
    kind = "channel"


class ScheduleId(UniqueId):
    kind = "schedule"


class AreaId(UniqueId):
    kind = "service_area"


class LocationId(UniqueId):
    kind = "location"


class OrganizationRow(Record):
    id: OrganizationId
    name: Required
    description: Text
    email: Text
    website: Text


class ServiceRow(Record):
    id: ServiceId
    organization_id: Required
    name: Required
    kind: Kind
    time_zone: Zone
    alternate_name: Text
    description: Text
    url: Text
    email: Text
    status: Status
    minimum_age: Age
    maximum_age: Age
    topics: Topics
    free_of_charge: YesUnlessSaid
    anonymous: Flag
    child_specific: Flag
    source: Text
    assured_date: Day
    starter: Flag

    def rules(self, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        if not self.topics and not cell_text(record.get("topics")):
            return [("topics", "no topics (use some of: abuse, bullying, ..., general)")]
        return []


class ChannelRow(Record):
    id: ChannelId
    service_id: ServiceRef
    type: ChannelType
    value: Required
    description: Text
    languages: Languages


class PhoneRow(Record):
    """HSDS ``phone`` (read after the channels: a row naming a channel is that channel's copy)."""

    channel_id: Text
    service_id: ServiceRef
    type: Text
    id: Required
    number: Required
    description: Text


class ScheduleRow(Record):
    id: ScheduleId
    service_id: ServiceRef
    freq: Freq
    byday: Days
    opens_at: Clock
    closes_at: Clock
    channel_id: Text
    description: Text

    def rules(self, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        if self.opens_at is not None and self.opens_at == self.closes_at:
            return [("closes_at", "opens_at and closes_at are equal")]
        return []


class AreaRow(Record):
    id: AreaId
    service_id: ServiceRef
    country: Country
    latitude: Latitude
    longitude: Longitude
    radius_km: Radius
    admin1: Text
    name: Text
    description: Text

    def rules(self, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        if self.radius_km is not None and (self.latitude is None or self.longitude is None):
            return [("radius_km", "radius_km needs latitude and longitude")]
        return []


class LocationRow(Record):
    id: LocationId
    name: Text
    latitude: Latitude
    longitude: Longitude
    location_type: Text


class AddressRow(Record):
    location_id: LocationRef
    address_1: Text
    city: Text
    region: Text
    state_province: Text
    postal_code: Text
    country: AnyCountry


class ServiceAtLocationRow(Record):
    service_id: ServiceRef
    location_id: LocationRef


class LanguageRow(Record):
    service_id: ServiceRef
    code: Languages

