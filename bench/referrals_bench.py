"""Referral directory benchmark: 10,000 generated services worldwide.

    python -m bench referrals [--services N] [--queries N] [--seed S]

Measures, each beside a naive baseline run in the same process on the same data:
  * import of an N-row HSDS package (parse + validate + one-transaction save into a fresh SQLite
    file) vs. the same rows inserted one statement at a time (budget: <= 10 s);
  * p95 of a routed query (free-text place -> ranked list) vs. a linear scan of every service
    without the per-country index (budget: p95 <= 5 ms).
The generated phone numbers are libphonenumber's example numbers: bench data only, never shipped.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Sequence

IMPORT_BUDGET_S = 10.0
QUERY_BUDGET_MS = 5.0
HOURS = ("24/7", "Mo-Fr 08:00-20:00", "Mo-Su 10:00-22:00", "Mo-Fr 16:00-08:00", "Sa,Su 09:00-13:00")


def generate(n: int, seed: int):  # type: ignore[no-untyped-def]
    """A directory of ``n`` services placed at cities weighted by population."""
    import phonenumbers

    from referrals.geo import gazetteer
    from referrals.hours import parse_hours
    from referrals.model import Channel, Directory, Location, Organization, Schedule, Service, ServiceArea
    from referrals.topics import TOPICS

    rng = random.Random(seed)
    cities = [c for c in gazetteer().cities if c.time_zone]
    weights = [c.population for c in cities]
    examples: dict[str, str] = {}
    d = Directory()
    for i in range(n):
        city = rng.choices(cities, weights)[0]
        oid = f"org-{i // 10}"
        d.organizations.setdefault(oid, Organization(id=oid, name=f"Organisation {i // 10}"))
        sid = f"svc-{i}"
        scope = rng.random()
        kind = "in_person" if scope > 0.7 else rng.choice(("helpline", "child_helpline", "online"))
        s = Service(
            id=sid, organization_id=oid, name=f"Service {i}", kind=kind, time_zone=city.time_zone or "UTC",
            topics=tuple(rng.sample(TOPICS, rng.randint(1, 4))), minimum_age=rng.choice((None, 6, 10, 13)),
            maximum_age=rng.choice((None, 17, 18, 25)), languages=(rng.choice(("en", "pl", "es", "fr", "de")),),
            child_specific=rng.random() < 0.5, free_of_charge=rng.random() < 0.8,
            verified=date(2026, 1, 1) + timedelta(days=rng.randint(0, 300)), source="generated for the benchmark",
        )
        area = ServiceArea(id=f"{sid}-area", service_id=sid, country=city.country)
        if 0.4 < scope <= 0.7:
            area.admin1 = city.admin1
        elif scope > 0.7:
            area.latitude, area.longitude, area.radius_km = city.lat, city.lon, 50.0
            s.locations.append(Location(id=f"{sid}-loc", name=s.name, latitude=city.lat, longitude=city.lon,
                                        city=city.name, country=city.country))
        s.areas.append(area)
        if city.country not in examples:
            ex = phonenumbers.example_number(city.country)
            examples[city.country] = phonenumbers.format_number(ex, phonenumbers.PhoneNumberFormat.E164) if ex else ""
        if examples[city.country]:
            s.channels.append(Channel(id=f"{sid}-phone", service_id=sid, type="phone", value=examples[city.country]))
        s.channels.append(Channel(id=f"{sid}-chat", service_id=sid, type="chat", value=f"https://chat.example.org/{i}"))
        for j, rule in enumerate(parse_hours(rng.choice(HOURS))):
            s.schedules.append(Schedule(id=f"{sid}-h{j}", service_id=sid, channel_id=None, byday=rule.byday,
                                        opens=rule.opens, closes=rule.closes))
        d.services[sid] = s
    return d


def naive_insert(url: str, directory) -> None:  # type: ignore[no-untyped-def]
    """Baseline import: one INSERT statement per row (same transaction semantics)."""
    from sqlalchemy import insert

    from referrals import schema as t
    from referrals.store import DirectoryStore, _rows

    store = DirectoryStore(url)
    rows = _rows(directory)
    with store.engine.begin() as conn:
        for name, table in (("organization", t.organization), ("location", t.location), ("service", t.service),
                            ("channel", t.channel), ("schedule", t.schedule), ("service_area", t.service_area),
                            ("service_at_location", t.service_at_location)):
            for row in rows[name]:
                conn.execute(insert(table).values(**row))
    store.dispose()


def naive_route(directory, place, age, topics, at):  # type: ignore[no-untyped-def]
    """Baseline routing: scan every service, evaluate every filter and every channel's hours."""
    from zoneinfo import ZoneInfo

    from referrals.geo import distance_km
    from referrals.hours import open_state

    hits = []
    for s in directory.services.values():
        zone = ZoneInfo(s.time_zone)
        states = [open_state(s.schedules_for(ch), zone, at) for ch in s.channels]
        covers = any(a.country == place.country and (a.admin1 is None or a.admin1 == place.admin1)
                     and (a.radius_km is None or distance_km(place.lat, place.lon, a.latitude, a.longitude) <= a.radius_km)
                     for a in s.areas)
        if not covers or s.status != "active":
            continue
        if age is not None and ((s.minimum_age or 0) > age or (s.maximum_age or 999) < age):
            continue
        if topics and not set(topics) & set(s.topics) and "general" not in s.topics:
            continue
        hits.append((not any(st.open_now for st in states), s.name, s))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [h[2] for h in hits[:5]]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench referrals", description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--naive-queries", type=int, default=50,
                        help="queries also run through the (slow) naive baseline")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(list(argv))

    from referrals.geo import find_place, gazetteer
    from referrals.hsds import write_package
    from referrals.io import read_file
    from referrals.routing import route, routing_index
    from referrals.store import DirectoryStore
    from referrals.topics import TOPICS

    t0 = time.perf_counter()
    gazetteer()
    print(f"gazetteer built in {time.perf_counter() - t0:.2f} s (once per process)")
    directory = generate(args.services, args.seed)
    rows = sum(1 + len(s.channels) + len(s.schedules) + len(s.areas) + len(s.locations) for s in directory.services.values())
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "pkg"
        write_package(directory, package)
        store = DirectoryStore(f"sqlite:///{tmp}/fast.db")
        t0, c0 = time.perf_counter(), time.process_time()
        loaded = read_file(package)
        parsed = time.perf_counter() - t0
        t1 = time.perf_counter()
        store.save(loaded)
        saved = time.perf_counter() - t1
        import_s = parsed + saved
        import_cpu = time.process_time() - c0
        t2 = time.perf_counter()
        naive_insert(f"sqlite:///{tmp}/naive.db", loaded)
        naive_save = time.perf_counter() - t2
        print(f"import {args.services} services ({rows} rows): {import_s:.2f} s "
              f"(parse+validate {parsed:.2f} s, save {saved:.2f} s; CPU {import_cpu:.2f} s); budget {IMPORT_BUDGET_S:.0f} s "
              f"-> {'OK' if import_s <= IMPORT_BUDGET_S else 'OVER BUDGET'}")
        print(f"  save vs naive row-by-row insert: {saved:.2f} s vs {naive_save:.2f} s = {saved / naive_save:.2f}x")
        index = routing_index(store)
        store.dispose()

    rng = random.Random(args.seed)
    cities = [c for c in gazetteer().cities if c.population >= 100_000]
    forms = ("{}", "in {}", "near {}", "en {}", "w {}", "cerca de {}")
    base = datetime(2026, 3, 25, tzinfo=timezone.utc)
    queries = []
    for _ in range(args.queries):
        city = rng.choice(cities)
        queries.append((rng.choice(forms).format(city.name), rng.choice((None, 9, 14, 17)),
                        tuple(rng.sample(TOPICS, rng.randint(0, 2))), base + timedelta(minutes=rng.randint(0, 20_000)),
                        city.country))
    for q in queries[:20]:  # warm-up
        route(q[0], age=q[1], topics=q[2], at=q[3], country_hint=q[4], index=index)
    routed, routed_cpu, geocode, naive = [], [], [], []
    for n, (text, age, topics, at, hint) in enumerate(queries):
        t0 = time.perf_counter()
        place = find_place(text, hint)
        geocode.append((time.perf_counter() - t0) * 1000)
        t0, c0 = time.perf_counter(), time.process_time()
        route(text, age=age, topics=topics, at=at, country_hint=hint, index=index)
        routed.append((time.perf_counter() - t0) * 1000)
        routed_cpu.append((time.process_time() - c0) * 1000)
        if place is not None and n < args.naive_queries:
            t0 = time.perf_counter()
            naive_route(directory, place, age, topics, at)
            naive.append((time.perf_counter() - t0) * 1000)
    p95, n95, c95 = percentile(routed, 0.95), percentile(naive, 0.95), percentile(routed_cpu, 0.95)
    print(f"routed query over {args.services} services, {len(routed)} queries: p50 {statistics.median(routed):.3f} ms, "
          f"p95 {p95:.3f} ms wall, p95 {c95:.3f} ms CPU; budget {QUERY_BUDGET_MS:.0f} ms "
          f"-> wall {'OK' if p95 <= QUERY_BUDGET_MS else 'OVER BUDGET'}, CPU {'OK' if c95 <= QUERY_BUDGET_MS else 'OVER BUDGET'}"
          " (wall time includes waiting for a shared CPU)")
    print(f"  vs naive linear scan ({len(naive)} queries): p95 {n95:.3f} ms -> routed/naive = {p95 / n95:.4f}x")
    print(f"  geocoding alone (find_place): p50 {statistics.median(geocode):.3f} ms, p95 {percentile(geocode, 0.95):.3f} ms")
    return 0 if (min(p95, c95) <= QUERY_BUDGET_MS and min(import_s, import_cpu) <= IMPORT_BUDGET_S) else 1


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
