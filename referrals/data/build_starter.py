"""Generate the starter directory ``referrals/data/starter/`` (an HSDS package) from public data.

    python -m referrals.data.build_starter [--verified YYYY-MM-DD]

What goes in, and from where (nothing is typed in by hand):
  * the emergency numbers of every region libphonenumber's short-number metadata knows
    (``core.emergency.emergency_numbers``); the first one shown is the number to dial first,
    ``core.emergency.emergency_number`` (its reviewed, sourced table: 999 GB, 000 AU, 111 NZ,
    112 EU, 911 US/CA/MX, the Latin-American rows; else 911, 112, 999, 000, 111, else the
    metadata's example);
  * the national child helplines of ``sources/child_helplines.csv`` (see
    ``referrals.data.child_helplines``: validated with libphonenumber, every row reported in
    ``child_helplines_report.csv``, every imported row marked "verify before going live");
  * the child helpline 116 111 where libphonenumber says it is a valid short number of the
    region and the CSV gave no dedicated child helpline for it. In EU member states the source is Commission Decision 2007/116/EC (which reserves
    116 111 for child helplines); elsewhere only the metadata is cited and the row says that a
    partner must confirm the operator.
Every service is marked ``starter`` with its ``source`` and the ``verified`` (build) date: a
partner must check them before going live. Opening hours of 116 111 lines are not known here, so
none are given (the bot then names the number without promising that it is open).
"""
from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Final

import phonenumbers
from phonenumbers import shortnumberinfo
from phonenumbers.phonemetadata import PhoneMetadata

from core.emergency import EU_MEMBERS, emergency_numbers, emergency_source
from referrals.data.child_helplines import dedicated_countries, import_rows, write_report
from referrals.hsds import write_package
from referrals.model import DAYS, Channel, Directory, Organization, Schedule, Service, ServiceArea
from referrals.topics import TOPICS

STARTER_DIR: Final = Path(__file__).parent / "starter"
CHILD_HELPLINE: Final = "116111"
EU_DECISION: Final = (
    "Commission Decision 2007/116/EC (harmonised number 116 111 reserved for child helplines in "
    "EU member states); 116111 is a valid short number of {r} in libphonenumber's short-number "
    "metadata (phonenumbers {v}). Starter data: confirm operator and hours before going live.")
NON_EU: Final = (
    "libphonenumber short-number metadata (phonenumbers {v}) lists 116111 as a valid short number "
    "of {r}; 116 111 is the number used for child helplines in the EU (Decision 2007/116/EC) and "
    "beyond, but this region is not covered by that decision: a partner MUST confirm that a child "
    "helpline answers here before going live.")
EMERGENCY_SOURCE: Final = (
    "libphonenumber short-number metadata (phonenumbers {v}): emergency numbers of {r}; the one to "
    "dial first: {first}. Starter data: check before going live.")
#: Zones for regions with no city of 15,000 and no babel territory zone.
EXTRA_ZONES: Final = {"AC": "Atlantic/St_Helena", "XK": "Europe/Belgrade"}


def region_zone(region: str) -> str:
    from babel.core import get_global

    from referrals.geo import country_place

    place = country_place(region)
    if place is not None and place.time_zone:
        return place.time_zone
    zones = get_global("territory_zones").get(region)
    if zones:
        return zones[0]
    return EXTRA_ZONES[region]


def region_languages(region: str) -> tuple[str, ...]:
    from babel.languages import get_official_languages

    from referrals.rows import check_language

    out = []
    for code in get_official_languages(region):
        if check_language(code) and code not in out:
            out.append(code)
    return tuple(out)


def region_name(region: str) -> str:
    from babel import Locale

    return Locale("en").territories.get(region, region)


def build(verified: date) -> Directory:
    """The starter directory (the import report of the child helplines: :func:`build_with_report`)."""
    return build_with_report(verified)[0]


def build_with_report(verified: date) -> tuple[Directory, list]:
    helplines, report = import_rows(region_zone)
    dedicated = dedicated_countries(helplines)
    d = Directory()
    d.merge(helplines)
    v = phonenumbers.__version__
    for region in sorted(phonenumbers.SUPPORTED_SHORT_REGIONS):
        if region == "001":
            continue
        zone, langs, name = region_zone(region), region_languages(region), region_name(region)
        numbers = emergency_numbers(region)
        if numbers:
            oid, sid = f"starter-emergency-{region.lower()}", f"starter-emergency-{region.lower()}"
            d.organizations[oid] = Organization(id=oid, name=f"Emergency services ({name})")
            s = Service(
                id=sid, organization_id=oid, name=f"Emergency number {numbers[0]}", kind="emergency",
                time_zone=zone, description=f"Emergency numbers of {name}: {', '.join(numbers)}.",
                topics=("general",), free_of_charge=True, languages=langs,
                source=EMERGENCY_SOURCE.format(v=v, r=region, first=emergency_source(region)), verified=verified, starter=True,
            )
            s.areas.append(ServiceArea(id=f"{sid}-area", service_id=sid, country=region, name=name))
            for i, number in enumerate(numbers):
                s.channels.append(Channel(id=f"{sid}-phone{i + 1}", service_id=sid, type="phone", value=number))
            s.schedules.append(Schedule(id=f"{sid}-h1", service_id=sid, channel_id=None, byday=DAYS, opens=0,
                                        closes=1440, description="emergency numbers answer day and night"))
            d.services[sid] = s
        number = phonenumbers.parse(CHILD_HELPLINE, region)
        if region not in dedicated and shortnumberinfo.is_valid_short_number_for_region(number, region):
            oid = sid = f"starter-116111-{region.lower()}"
            eu = region in EU_MEMBERS
            d.organizations[oid] = Organization(id=oid, name=f"National child helpline 116 111 ({name})")
            s = Service(
                id=sid, organization_id=oid, name="Child helpline 116 111", kind="child_helpline",
                time_zone=zone, alternate_name="116 111",
                description=(f"The EU harmonised child helpline number in {name}." if eu else
                             f"116 111 in {name}: a valid short number there; operator to be confirmed."),
                topics=TOPICS, free_of_charge=True, child_specific=True, languages=langs,
                source=(EU_DECISION if eu else NON_EU).format(v=v, r=region), verified=verified, starter=True,
            )
            s.areas.append(ServiceArea(id=f"{sid}-area", service_id=sid, country=region, name=name))
            s.channels.append(Channel(id=f"{sid}-phone", service_id=sid, type="phone", value=CHILD_HELPLINE,
                                      description="hours not known: check before going live"))
            d.services[sid] = s
    return d, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verified", type=date.fromisoformat, default=date.today(),
                        help="verification date to record (default: today)")
    parser.add_argument("--out", type=Path, default=STARTER_DIR)
    args = parser.parse_args(argv)
    d, report = build_with_report(args.verified)
    write_package(d, args.out)
    write_report(report)
    counts = {o: sum(1 for r in report if r.outcome == o) for o in ("imported", "failed validation", "excluded")}
    print(f"wrote {len(d.services)} starter services to {args.out}; child helplines: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
