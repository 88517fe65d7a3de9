"""The in-memory directory: HSDS 3.0 subset plus the helpline extensions.

HSDS tables map to these classes: ``organization`` -> :class:`Organization`, ``service`` ->
:class:`Service` (with the extensions ``topics``, ``free_of_charge``, ``anonymous``,
``child_specific``, ``kind``, ``time_zone``, ``source``, ``starter``; ``assured_date`` is the
verification date), ``service_area`` -> :class:`ServiceArea`, ``location``/``address`` ->
:class:`Location`, ``schedule`` -> :class:`Schedule`, ``language`` -> ``Service.languages``;
the extension table ``channel`` -> :class:`Channel` (HSDS ``phone`` rows are written for the
phone-like channels too).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final, Optional

CHANNEL_TYPES: Final = ("phone", "sms", "chat", "whatsapp", "telegram", "email")
#: Channels a child can use without speaking aloud.
TEXT_CHANNELS: Final = frozenset({"sms", "chat", "whatsapp", "telegram", "email"})
SERVICE_KINDS: Final = ("emergency", "child_helpline", "helpline", "in_person", "shelter", "online")
STATUSES: Final = ("active", "inactive", "defunct", "temporarily closed")
DAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass
class Schedule:
    """Weekly opening hours: on ``byday`` from ``opens`` to ``closes`` (minutes after midnight,
    local time of the service's zone; ``closes`` may be 1440 = 24:00, or < ``opens`` for a
    shift over midnight)."""

    id: str
    service_id: str
    channel_id: Optional[str]
    byday: tuple[str, ...]
    opens: int
    closes: int
    description: str = ""


@dataclass
class Channel:
    id: str
    service_id: str
    type: str
    value: str
    description: str = ""
    languages: tuple[str, ...] = ()
    schedules: list[Schedule] = field(default_factory=list)


@dataclass
class ServiceArea:
    """Where a service takes children from: a country, a first-level region (GeoNames admin1
    code) of it, or a circle (``latitude``/``longitude``/``radius_km``)."""

    id: str
    service_id: str
    country: str
    admin1: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    radius_km: Optional[float] = None
    name: str = ""
    description: str = ""

    @property
    def scope(self) -> str:
        if self.radius_km is not None:
            return "local"
        return "region" if self.admin1 else "national"


@dataclass
class Location:
    id: str
    name: str = ""
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    address_1: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    location_type: str = "physical"


@dataclass
class Organization:
    id: str
    name: str
    description: str = ""
    email: str = ""
    website: str = ""


@dataclass
class Service:
    id: str
    organization_id: str
    name: str
    kind: str
    time_zone: str
    alternate_name: str = ""
    description: str = ""
    url: str = ""
    email: str = ""
    status: str = "active"
    minimum_age: Optional[int] = None
    maximum_age: Optional[int] = None
    topics: tuple[str, ...] = ()
    free_of_charge: bool = True
    anonymous: bool = False
    child_specific: bool = False
    languages: tuple[str, ...] = ()
    source: str = ""
    verified: Optional[date] = None
    starter: bool = False
    channels: list[Channel] = field(default_factory=list)
    areas: list[ServiceArea] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    #: Service-wide hours, used by a channel that has none of its own.
    schedules: list[Schedule] = field(default_factory=list)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(a.country for a in self.areas)

    def schedules_for(self, channel: Channel) -> list[Schedule]:
        return channel.schedules or self.schedules


@dataclass
class Directory:
    """A whole directory (or an import batch): organizations and their services by id."""

    organizations: dict[str, Organization] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.services)

    def merge(self, other: "Directory") -> None:
        self.organizations.update(other.organizations)
        self.services.update(other.services)
