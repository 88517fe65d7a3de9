"""National child helplines from ``sources/child_helplines.csv`` into the starter directory.

The CSV (and ``sources/child_helplines.md`` beside it, which says how it was compiled) lists one
phone service per row with the page it was copied from, that page's date and a quote stating the
number. Each row becomes a starter service marked "verify before going live", or — when it must
not be offered to a child as it stands — a line of the report :data:`REPORT` with the reason:

* the number fails libphonenumber's check for the country (often incomplete short-number
  metadata, sometimes a wrong number: a person has to confirm it);
* the compiler's notes (§5 of the .md) call the row a typo or say a newer number replaced it;
* the line serves only part of the country (§6 "partial coverage") and no region code is known.

Nothing is dropped silently: every CSV row is in the report, imported or not. Rows that §6 of
the notes calls general / all-ages / reporting lines are imported as ``helpline`` (not
``child_helpline``, not child-specific) so routing prefers a dedicated child line.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Final, Optional

from referrals.model import Channel, Directory, Organization, Service, ServiceArea
from referrals.phones import normalize_phone
from referrals.topics import TOPICS

SOURCE_CSV: Final = Path(__file__).parent / "sources" / "child_helplines.csv"
REPORT: Final = Path(__file__).parent / "child_helplines_report.csv"
ID_PREFIX: Final = "starter-chl-"
VERIFY: Final = "VERIFY BEFORE GOING LIVE: copied from a public page, not confirmed with the service"

#: Rows (country, digits) that the compiler's notes (§5) say must not be used.
EXCLUDED: Final = {
    ("DK", "166111"): "typo in the source (notes §5); the service's number is 116 111",
    ("FI", "111116"): "typo in the source (notes §5); the service's number is 116 111",
    ("RS", "1161111"): "typo in the source (notes §5): a Belgrade landline, the service is 116111",
    ("JP", "0570078310"): "paid number replaced by the freephone 0120-0-78310 (notes §5)",
    ("GT", "1584"): "doubtful number; other sources give 1510 (notes §5)",
    ("JM", "18887768328"): "replaced by the 24-hour 211 hotline in 2021 (notes §5)",
    ("UA", "0800500225"): "older La Strada number; 116 111 replaced it in 2017 (notes §5)",
    ("UA", "772"): "older La Strada mobile number; 116 111 replaced it in 2017 (notes §5)",
    ("MK", "080012222"): "2011 number, free only for one operator (notes §5)",
    # partial coverage (notes §6): no region code to limit them to, so not routed nationally
    ("AE", "800988"): "Dubai emirate only (notes §6); set its region before offering it",
    ("PK", "1121"): "provincial line (notes §6); set its region before offering it",
    ("NP", "1098"): "district-based line (notes §6); set its region before offering it",
    ("BE", "102"): "Flemish community only (notes §6); set its region before offering it",
    ("BE", "103"): "French-speaking community only (notes §6); set its region before offering it",
}

#: Rows (country, digits) that §6 of the notes calls general, all-ages or reporting lines.
NOT_DEDICATED: Final = frozenset({
    ("US", "988"), ("MX", "525555335533"), ("TH", "1300"), ("MY", "15999"), ("TR", "183"), ("BR", "100"),
    ("PE", "100"), ("GH", "0800800800"), ("GH", "0800900900"), ("IL", "1201"), ("IS", "1717"), ("MT", "179"),
    ("KZ", "111"), ("TN", "1899"), ("ID", "129"), ("IR", "123"), ("IQ", "80000111"), ("IQ", "80000777"),
    ("PG", "71508000"), ("SZ", "951"), ("LR", "116"), ("GY", "914"), ("PK", "1099"), ("NZ", "0800376633"),
    ("AE", "116111"), ("AO", "15015"), ("BB", "12465352800"), ("BF", "116"), ("BI", "116"), ("BO", "800140348"),
    ("DO", "8092001202"), ("DZ", "1111"), ("GT", "1510"), ("GT", "1546"), ("GY", "2270979"), ("HK", "85223432255"),
    ("HK", "27551122"), ("JM", "211"), ("JP", "189"), ("JP", "0120007110"), ("KW", "147"), ("MG", "147"),
    ("NP", "104"), ("PA", "63783466"), ("RW", "116"), ("SD", "9696"), ("UY", "08005050"), ("IL", "105"),
    ("PE", "1810"), ("IT", "114"), ("CO", "141"), ("CO", "018000918080"),
})
#: ``free`` values that make the call free only for some callers: not promised to a child.
_CONDITIONAL_FREE: Final = ("customers", "networks", "except", "subscribers")


@dataclass(frozen=True)
class ReportRow:
    row: int
    country: str
    phone: str
    outcome: str  # "imported" | "failed validation" | "excluded"
    service_id: str
    detail: str

    FIELDS = ("row", "country", "phone", "outcome", "service_id", "detail")

    def as_list(self) -> list[str]:
        return [str(self.row), self.country, self.phone, self.outcome, self.service_id, self.detail]


def digits(phone: str) -> str:
    """The digits of a number as printed (``+44 800 1111`` -> ``448001111``)."""
    return re.sub(r"\D", "", phone)


def _free(value: str, country: str, number: str) -> bool:
    """Free only when the source says so, or for 116 111 in the EU (free by Decision 2007/116/EC)."""
    from core.emergency import EU_MEMBERS

    if number == "116111" and country in EU_MEMBERS:
        return True
    value = value.strip().lower()
    return value.startswith("yes") and not any(word in value for word in _CONDITIONAL_FREE)


def _languages(value: str) -> tuple[str, ...]:
    import pycountry

    out: list[str] = []
    for part in value.split(";"):
        name = part.split("(")[0].strip()
        try:
            lang = pycountry.languages.get(name=name)
        except (KeyError, LookupError):
            lang = None
        code = getattr(lang, "alpha_2", None)
        if code and code not in out:
            out.append(code)
    return tuple(out)


def _age(value: str) -> Optional[int]:
    value = value.strip()
    return int(value) if value.isdigit() else None


def source_text(r: dict[str, str], row: int) -> str:
    date = r["source_date"] or "undated"
    return (f"{r['source_url']} (page dated {date}); quote: \"{r['quote']}\"; "
            f"child_helplines.csv row {row}. {VERIFY}.")


def import_rows(zone_for: Callable[[str], str], path: Path = SOURCE_CSV) -> tuple[Directory, list[ReportRow]]:
    """The importable rows as starter services, and the report of every row."""
    d = Directory()
    report: list[ReportRow] = []
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for n, r in enumerate(rows, start=1):
        cc, phone = r["country_iso2"].strip().upper(), r["phone"].strip()
        key = (cc, digits(phone))
        sid = f"{ID_PREFIX}{cc.lower()}-{key[1] or n}"
        if key in EXCLUDED:
            report.append(ReportRow(n, cc, phone, "excluded", "", EXCLUDED[key]))
            continue
        try:
            number = normalize_phone(phone, cc)
        except ValueError as exc:
            report.append(ReportRow(n, cc, phone, "failed validation",
                                    "", f"{exc} (libphonenumber); confirm with the service"))
            continue
        dedicated = key not in NOT_DEDICATED
        oid = f"{sid}-org"
        d.organizations[oid] = Organization(
            id=oid, name=r["organisation"].strip() or "operator not named by the source", website=r["website"].strip())
        s = Service(
            id=sid, organization_id=oid, name=r["service_name"].strip(),
            kind="child_helpline" if dedicated else "helpline", time_zone=zone_for(cc),
            description=("National child helpline" if dedicated else
                         "Not a dedicated child line (general, all-ages or reporting line)")
            + (f"; hours as the source gives them: {r['hours'].strip()}" if r["hours"].strip() else "")
            + ". Starter data.",
            url=r["website"].strip(), topics=TOPICS if dedicated else ("general",),
            minimum_age=_age(r["min_age"]), maximum_age=_age(r["max_age"]),
            free_of_charge=_free(r["free"], cc, number), child_specific=dedicated, languages=_languages(r["languages"]),
            source=source_text(r, n), verified=None, starter=True,
        )
        s.areas.append(ServiceArea(id=f"{sid}-area", service_id=sid, country=cc, name=r["country_name"].strip()))
        s.channels.append(Channel(id=f"{sid}-phone", service_id=sid, type="phone", value=number,
                                  description="hours not known: check before going live"))
        chat = r["chat_url"].strip()
        if chat.startswith("https://"):
            s.channels.append(Channel(id=f"{sid}-chat", service_id=sid, type="chat", value=chat))
        if sid in d.services:  # the same number twice in one country: keep the first row
            report.append(ReportRow(n, cc, phone, "excluded", sid, "same number as an earlier row of the country"))
            continue
        d.services[sid] = s
        report.append(ReportRow(n, cc, phone, "imported", sid, "dedicated child helpline" if dedicated
                                else "imported as a general helpline (notes §6)"))
    return d, report


def write_report(report: list[ReportRow], path: Path = REPORT) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(ReportRow.FIELDS)
        for row in report:
            w.writerow(row.as_list())


def dedicated_countries(d: Directory) -> frozenset[str]:
    """Countries with an imported dedicated child helpline."""
    return frozenset(c for s in d.services.values() if s.kind == "child_helpline" for c in s.countries)
