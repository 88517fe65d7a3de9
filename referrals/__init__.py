"""The referral directory: schema (HSDS subset + helpline extensions), store, importers, offline
geocoding, routing and starter data. Public surface:

* :func:`route` -> list of :class:`Referral` (ranked, with reasons);
* :func:`topics_for_signal`, :data:`TOPICS`;
* :func:`find_place` -> :class:`Place` (offline gazetteer);
* :class:`DirectoryStore`, :func:`read_file`, :func:`validate_file`, :func:`export_package`;
* errors in :mod:`referrals.errors`.
"""
from __future__ import annotations

from referrals.errors import (
    ExportError, GeocodeError, ImportError_, Problem, ReferralError, RoutingError, StoreError,
    ValidationError,
)
from referrals.geo import Place, find_place
from referrals.io import export_package, read_file, validate_file
from referrals.model import Channel, Directory, Organization, Schedule, Service, ServiceArea
from referrals.routing import Referral, RoutingIndex, default_store, resolve_place, route
from referrals.store import DirectoryStore
from referrals.topics import TOPICS, topics_for_signal

__all__ = [
    "Channel", "Directory", "DirectoryStore", "ExportError", "GeocodeError", "ImportError_", "Organization",
    "Place", "Problem", "ReferralError", "Referral", "RoutingError", "RoutingIndex", "Schedule", "Service",
    "ServiceArea", "StoreError", "TOPICS", "ValidationError", "default_store", "export_package", "find_place",
    "read_file", "resolve_place", "route", "topics_for_signal", "validate_file",
]
