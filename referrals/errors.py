"""The exception tree of the referral directory (one tree, lower-level errors mapped to it)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional


class ReferralError(Exception):
    """Base class of every error raised by :mod:`referrals`."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file: where it is and what is wrong."""

    file: str
    row: Optional[int]
    field: Optional[str]
    message: str
    #: "error" blocks an import; "warning" (e.g. a stale verification date) does not.
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.severity}: {self.message}"


class ValidationError(ReferralError):
    """An input file is invalid. ``problems`` lists every error with file, row and field."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        first = self.problems[0] if self.problems else None
        self.file = first.file if first else ""
        self.row = first.row if first else None
        self.field = first.field if first else None
        count = len(self.problems)
        summary = "\n".join(str(p) for p in self.problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{count} problem(s):\n{summary}{more}")


class ImportError_(ReferralError):
    """A file cannot be read at all (missing, unknown format, broken datapackage.json)."""


class ExportError(ReferralError):
    """The directory cannot be written to the target."""


class StoreError(ReferralError):
    """The database is unusable (cannot connect, migration failed)."""


class GeocodeError(ReferralError):
    """The offline gazetteer cannot be loaded, or coordinates are out of range."""


class RoutingError(ReferralError):
    """``route`` got arguments it cannot use (unknown topic, bad age)."""
