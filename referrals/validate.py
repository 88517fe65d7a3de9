"""Field parsers that collect :class:`~referrals.errors.Problem` s, and the checks that need the
whole directory (phones for their region, hours present, references, stale dates)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Final, Iterable, Mapping, Optional, Sequence
from zoneinfo import ZoneInfo

from referrals.errors import Problem, ValidationError
from referrals.hours import check_zone
from referrals.model import CHANNEL_TYPES, SERVICE_KINDS, STATUSES, Directory, Service
from referrals.phones import normalize_phone
from referrals.topics import check_topic

#: A verification older than this is reported (as a warning).
STALE_AFTER_DAYS: Final = 365
TRUE: Final = frozenset({"true", "yes", "y", "1", "tak", "si", "sí", "x"})
FALSE: Final = frozenset({"false", "no", "n", "0", "nie", ""})
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

    def at(self, kind: str, id_: str, fld: Optional[str], message: str, warning: bool = False) -> None:
        file, row = self.origins.get((kind, id_), ("?", None))  # type: ignore[assignment]
        (self.warn if warning else self.error)(file, row, fld, message)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


class Row:
    """One input row with typed getters that report problems instead of raising."""

    def __init__(self, data: Mapping[str, object], file: str, row: int, problems: Problems,
                 normalized: bool = False) -> None:
        """``normalized``: the keys are already stripped lower-case column names."""
        self.data = data if normalized else {str(k).strip().lower(): v for k, v in data.items() if k is not None}
        self.file, self.row, self.p = file, row, problems

    def error(self, fld: str, message: str) -> None:
        self.p.error(self.file, self.row, fld, message)

    def text(self, fld: str, required: bool = False) -> str:
        value = self.data.get(fld)
        if type(value) is str:
            value = value.strip()
            if required and not value:
                self.error(fld, "is required")
            return value
        if value is None:
            value = ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        value = str(value).strip()
        if required and not value:
            self.error(fld, "is required")
        return value

    def integer(self, fld: str, low: int, high: int) -> Optional[int]:
        raw = self.text(fld)
        if not raw:
            return None
        try:
            value = int(float(raw)) if re.fullmatch(r"\d+(\.0+)?", raw) else int(raw)
        except ValueError:
            self.error(fld, f"{raw!r} is not a whole number")
            return None
        if not low <= value <= high:
            self.error(fld, f"{value} is outside {low}..{high}")
            return None
        return value

    def number(self, fld: str, low: float, high: float) -> Optional[float]:
        raw = self.text(fld)
        if not raw:
            return None
        try:
            value = float(raw.replace(",", ".")) if raw.count(",") == 1 and "." not in raw else float(raw)
        except ValueError:
            self.error(fld, f"{raw!r} is not a number")
            return None
        if not low <= value <= high:
            self.error(fld, f"{value} is outside {low}..{high}")
            return None
        return value

    def boolean(self, fld: str, default: bool) -> bool:
        raw = self.text(fld).lower()
        if not raw:
            return default
        if raw in TRUE:
            return True
        if raw in FALSE:
            return False
        self.error(fld, f"{raw!r} is not true/false")
        return default

    def day(self, fld: str) -> Optional[date]:
        raw = self.data.get(fld)
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = self.text(fld)
        if not text:
            return None
        try:
            value = date.fromisoformat(text[:10])
        except ValueError:
            self.error(fld, f"{text!r} is not a date (YYYY-MM-DD)")
            return None
        return value

    def choice(self, fld: str, choices: Sequence[str], default: Optional[str] = None) -> str:
        raw = self.text(fld).lower().replace("-", "_") if fld != "status" else self.text(fld).lower()
        if not raw and default is not None:
            return default
        if raw not in choices:
            self.error(fld, f"{raw!r} is not one of: {', '.join(choices)}")
            return default or (choices[0] if choices else "")
        return raw

    def topics(self, fld: str) -> tuple[str, ...]:
        """``abuse, domestic violence; LGBTQ+`` or ``abuse bullying`` -> topic names."""
        out: list[str] = []
        for part in (p.strip() for p in re.split(r"[,;|]+", self.text(fld))):
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
                        self.error(fld, str(exc))
            out.extend(n for n in names if n not in out)
        return tuple(out)

    def languages(self, fld: str) -> tuple[str, ...]:
        out: list[str] = []
        for part in re.split(r"[,;|\s]+", self.text(fld)):
            if part:
                code = check_language(part)
                if code is None:
                    self.error(fld, f"{part!r} is not an ISO 639-1 language code (e.g. pl, en, es)")
                elif code not in out:
                    out.append(code)
        return tuple(out)

    def zone(self, fld: str, required: bool = True) -> str:
        raw = self.text(fld)
        if not raw:
            if required:
                self.error(fld, "time zone is missing (an IANA name, e.g. Europe/Warsaw)")
            return ""
        try:
            check_zone(raw)
        except ValueError as exc:
            self.error(fld, str(exc))
        return raw

    def country(self, fld: str, required: bool = True) -> str:
        raw = self.text(fld, required=required).upper()
        if raw and not is_country(raw):
            self.error(fld, f"{raw!r} is not an ISO 3166-1 alpha-2 country code (e.g. PL)")
        return raw


def check_language(code: str) -> Optional[str]:
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
