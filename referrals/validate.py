"""The problems of one import (:class:`Problems`, with where each object came from), and the
checks that need the whole directory (phones for their region, hours present, references, stale
dates). What one row must hold is declared in :mod:`referrals.rows`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable, Final, Optional

from referrals.errors import Problem, ValidationError
from referrals.model import CHANNEL_TYPES, Directory
from referrals.phones import normalize_phone

#: A verification older than this is reported (as a warning).
STALE_AFTER_DAYS: Final = 365
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TELEGRAM = re.compile(r"^(@[A-Za-z0-9_]{5,32}|https://t\.me/[A-Za-z0-9_]{5,32})$")


@dataclass
class Problems:
    """Problems of one import, plus where each object came from (file, row)."""

    problems: list[Problem] = field(default_factory=list)
    origins: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)

    def error(self, file: str, row: Optional[int], fld: Optional[str], message: str) -> None:
        self.problems.append(Problem(file, row, fld, message))

    def warn(self, file: str, row: Optional[int], fld: Optional[str], message: str) -> None:
        self.problems.append(Problem(file, row, fld, message, "warning"))

    def row(self, file: str, row: int, found: list[tuple[str, str]]) -> None:
        """The errors ``(field, message)`` of one row (:func:`core.yamlcheck.record.check_record`)."""
        for fld, message in found:
            self.error(file, row, fld, message)

    def at(self, kind: str, id_: str, fld: Optional[str], message: str, warning: bool = False) -> None:
        file, row = self.origins.get((kind, id_), ("?", None))  # type: ignore[assignment]
        (self.warn if warning else self.error)(file, row, fld, message)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def check_directory(d: Directory, p: Problems, today: Optional[date] = None) -> None:
    """Checks across rows: references, areas, hours, phones per region, verification dates."""
    today = today or date.today()
    # by region: libphonenumber's patterns of one region stay in the regex cache
    for s in sorted(d.services.values(), key=lambda s: s.areas[0].country if s.areas else ""):
        if s.organization_id not in d.organizations:
            p.at("service", s.id, "organization_id", f"unknown organization {s.organization_id!r}")
        if not s.areas:
            p.at("service", s.id, "service_area", "the service has no service area (which country does it serve?)")
        if s.minimum_age is not None and s.maximum_age is not None and s.minimum_age > s.maximum_age:
            p.at("service", s.id, "minimum_age", f"minimum_age {s.minimum_age} > maximum_age {s.maximum_age}")
        if not s.channels:
            p.at("service", s.id, "channel", "the service has no channel (phone, sms, chat, ...)")
        if s.verified is None:
            p.at("service", s.id, "verified", "no verification date: when was this last checked?", warning=True)
        elif s.verified > today:
            p.at("service", s.id, "verified", f"verification date {s.verified} is in the future")
        elif (today - s.verified) > timedelta(days=STALE_AFTER_DAYS):
            p.at("service", s.id, "verified", f"stale: last verified {s.verified}, more than {STALE_AFTER_DAYS} days ago", warning=True)
        region = s.areas[0].country if s.areas else ""
        for ch in s.channels:
            if not (ch.schedules or s.schedules):
                p.at("channel", ch.id, "hours", "no opening hours: the bot will name it without saying "
                     "whether it is open (write 24/7 if always open)", warning=True)
            ch.value = check_channel(ch.type, ch.value, region, lambda m, ch=ch: p.at("channel", ch.id, "value", m))


def check_channel(kind: str, value: str, region: str, report: Callable[[str], None]) -> str:
    """``value`` normalised for a channel of ``kind`` in ``region``; problems go to ``report``."""
    if kind not in CHANNEL_TYPES:
        report(f"unknown channel type {kind!r}")
        return value
    if not value:
        report("is required")
        return value
    if kind in ("phone", "sms") or (kind == "whatsapp" and not value.startswith("https://")):
        if not region:
            return value
        try:
            return normalize_phone(value, region)
        except ValueError as exc:
            report(f"{exc} (checked with libphonenumber for {region})")
            return value
    if kind == "chat" or (kind == "whatsapp" and value.startswith("https://")):
        if not value.startswith("https://"):
            report(f"{value!r} must be an https:// address")
        return value
    if kind == "telegram":
        if not _TELEGRAM.match(value):
            report(f"{value!r} must be @name or https://t.me/name")
        return value
    if kind == "email" and not _EMAIL.match(value):
        report(f"{value!r} is not an e-mail address")
    return value
