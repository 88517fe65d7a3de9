"""Vectorised ranking of one country's services (numpy): the routed query stays within a few
milliseconds even when a country holds thousands of services.

Every service of the country (emergency numbers excluded) is a row: age bounds, topic and
language bit masks, coverage (national / region by GeoNames admin1 / local circles), opening
hours as a bit per minute of the local week per channel group, and the static ranking keys.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Optional, Sequence
from zoneinfo import ZoneInfo

import numpy as np

from referrals.model import TEXT_CHANNELS
from referrals.topics import TOPICS

if TYPE_CHECKING:
    from referrals.geo import Place
    from referrals.routing import _Entry

WEEK = 7 * 1440
_TOPIC_BIT = {t: 1 << i for i, t in enumerate(TOPICS)}
_EARTH_KM = 6371.0088
NATIONAL, REGION, LOCAL, OUTSIDE = 0, 1, 2, 3


def topic_mask(topics: Sequence[str]) -> int:
    mask = 0
    for t in topics:
        mask |= _TOPIC_BIT.get(t, 0)
    return mask


def _bits(intervals: Sequence[tuple[int, int]]) -> np.ndarray:
    week = np.zeros(WEEK, dtype=bool)
    for start, end in intervals:
        week[start:end] = True
    return np.packbits(week)


def _haversine(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return _EARTH_KM * 2 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


@dataclass
class Ranked:
    entry: "_Entry"
    scope: str
    topic_exact: bool
    distance: Optional[float]


class CountryTable:
    """The services of one country as numpy columns."""

    def __init__(self, entries: Sequence["_Entry"]) -> None:
        self.entries = list(entries)
        n = len(self.entries)
        langs = sorted({lang for e in self.entries for lang in e.languages | {l for ch, _, _ in e.channels for l in ch.languages}})
        self.lang_bit = {lang: 1 << i for i, lang in enumerate(langs[:62])}
        zones: dict[ZoneInfo, int] = {}
        self.min_age = np.zeros(n, dtype=np.int16)
        self.max_age = np.full(n, 1000, dtype=np.int16)
        self.topics = np.zeros(n, dtype=np.int64)
        self.general = np.zeros(n, dtype=bool)
        self.langs = np.zeros(n, dtype=np.int64)
        self.national = np.zeros(n, dtype=bool)
        self.zone = np.zeros(n, dtype=np.int32)
        self.any_open = np.zeros((n, WEEK // 8), dtype=np.uint8)
        self.text_open = np.zeros((n, WEEK // 8), dtype=np.uint8)
        self.unknown = np.zeros(n, dtype=bool)
        self.not_child = np.zeros(n, dtype=np.int8)
        self.not_free = np.zeros(n, dtype=np.int8)
        self.verified = np.zeros(n, dtype=np.int64)
        self.in_person = np.zeros(n, dtype=bool)
        self.regions: dict[str, list[int]] = {}
        circles: list[tuple[float, float, float, int]] = []
        points: list[tuple[float, float, int]] = []
        order = sorted(range(n), key=lambda i: (self.entries[i].service.name, self.entries[i].service.id))
        self.name_rank = np.empty(n, dtype=np.int32)
        self.name_rank[order] = np.arange(n, dtype=np.int32)
        for i, e in enumerate(self.entries):
            s = e.service
            self.min_age[i] = s.minimum_age if s.minimum_age is not None else 0
            self.max_age[i] = s.maximum_age if s.maximum_age is not None else 1000
            self.topics[i] = topic_mask(s.topics)
            self.general[i] = "general" in e.topics
            mask = 0
            for lang in e.languages | {l for ch, _, _ in e.channels for l in ch.languages}:
                mask |= self.lang_bit.get(lang, 0)
            self.langs[i] = mask
            self.zone[i] = zones.setdefault(e.zone, len(zones))
            any_iv: list[tuple[int, int]] = []
            text_iv: list[tuple[int, int]] = []
            for ch, intervals, known in e.channels:
                if not known:
                    self.unknown[i] = True
                    continue
                any_iv.extend(intervals)
                if ch.type in TEXT_CHANNELS:
                    text_iv.extend(intervals)
            self.any_open[i] = _bits(any_iv)
            self.text_open[i] = _bits(text_iv)
            self.not_child[i] = not s.child_specific
            self.not_free[i] = not s.free_of_charge
            self.verified[i] = e.verified_rank
            self.in_person[i] = s.kind in ("in_person", "shelter") and bool(e.points)
            for a in e.areas:
                scope = a.scope
                if scope == "national":
                    self.national[i] = True
                elif scope == "region":
                    self.regions.setdefault(a.admin1 or "", []).append(i)
                elif a.latitude is not None and a.longitude is not None and a.radius_km is not None:
                    circles.append((a.latitude, a.longitude, a.radius_km, i))
            if self.in_person[i]:
                points.extend((la, lo, i) for la, lo in e.points)
        self.zones = list(zones)
        self.region_idx = {k: np.array(v, dtype=np.int64) for k, v in self.regions.items()}
        c = np.array(circles, dtype=float).reshape(-1, 4)
        self.circle_lat, self.circle_lon, self.circle_r, self.circle_idx = c[:, 0], c[:, 1], c[:, 2], c[:, 3].astype(np.int64)
        p = np.array(points, dtype=float).reshape(-1, 3)
        self.point_lat, self.point_lon, self.point_idx = p[:, 0], p[:, 1], p[:, 2].astype(np.int64)

    def rank(self, place: "Place", age: Optional[int], wanted: frozenset[str], lang: Optional[str], at: datetime,
             cannot_speak: bool, limit: int) -> tuple[list[Ranked], int]:
        """The top ``limit`` services and the number of services that passed the filters."""
        n = len(self.entries)
        if n == 0:
            return [], 0
        scope = np.where(self.national, NATIONAL, OUTSIDE).astype(np.int8)
        if place.kind in ("city", "region"):  # a region: a US state ("im in texas")
            idx = self.region_idx.get(place.admin1 or "")
            if idx is not None:
                scope[idx] = np.minimum(scope[idx], REGION)
        if place.kind == "city" and len(self.circle_idx):
            inside = _haversine(place.lat, place.lon, self.circle_lat, self.circle_lon) <= self.circle_r
            hit = self.circle_idx[inside]
            scope[hit] = np.minimum(scope[hit], LOCAL)
        keep = scope < OUTSIDE
        if age is not None:
            keep &= (self.min_age <= age) & (age <= self.max_age)
        wmask = topic_mask(sorted(wanted))
        exact = (self.topics & wmask) != 0 if wanted else np.ones(n, dtype=bool)
        keep &= exact | self.general
        rows = np.flatnonzero(keep)
        if len(rows) == 0:
            return [], 0
        minutes = np.empty(len(self.zones), dtype=np.int64)
        for z in np.unique(self.zone[rows]):
            local = at.astimezone(self.zones[z])
            minutes[z] = local.weekday() * 1440 + local.hour * 60 + local.minute
        minute = minutes[self.zone[rows]]
        byte, shift = minute >> 3, 7 - (minute & 7)
        any_open = ((self.any_open[rows, byte] >> shift) & 1).astype(bool)
        usable = ((self.text_open[rows, byte] >> shift) & 1).astype(bool) if cannot_speak else any_open
        open_level = np.where(any_open, 0, np.where(self.unknown[rows], 1, 2))
        if lang is None:
            not_lang = np.zeros(len(rows), dtype=np.int8)
        else:
            not_lang = ((self.langs[rows] & self.lang_bit.get(lang, 0)) == 0).astype(np.int8)
        distance = np.zeros(n, dtype=float)
        has_distance = np.zeros(n, dtype=bool)
        if len(self.point_idx):
            d = _haversine(place.lat, place.lon, self.point_lat, self.point_lon)
            distance[:] = np.inf
            np.minimum.at(distance, self.point_idx, d)
            has_distance = np.isfinite(distance)
            distance[~has_distance] = 0.0
        keys = (self.name_rank[rows], distance[rows], self.verified[rows], scope[rows], self.not_free[rows],
                (~exact[rows]).astype(np.int8), self.not_child[rows], not_lang, open_level, (~usable).astype(np.int8))
        order = np.lexsort(keys)[:limit]
        names = {NATIONAL: "national", REGION: "region", LOCAL: "local"}
        out = []
        for k in order:
            i = int(rows[k])
            out.append(Ranked(self.entries[i], names[int(scope[i])], bool(exact[i]),
                              float(distance[i]) if has_distance[i] else None))
        return out, len(rows)
