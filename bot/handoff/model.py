"""What the handoff service takes and returns: the context, the actor and frozen records.

Only :class:`Message` and :class:`Note` carry text (returned by audited reads, or the text the
actor just typed)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from bot.handoff.nudge import nudge_for
from bot.storage.runtime import Storage, storage as default_storage

STATES = ("bot", "waiting", "held", "returned", "closed")
#: States in which a person is (or will be) responsible: the bot stays silent / queues.
ACTIVE_STATES = ("waiting", "held")
OUTCOMES = ("resolved", "referred", "emergency_services", "child_left", "no_reply", "other")
ROLES = ("counselor", "supervisor")
CHANNELS = ("web", "telegram")
#: A counselor message's delivery states (``messages.delivery``; bot/handoff/delivery.py).
DELIVERY_STATES = ("pending", "sending", "sent", "unconfirmed", "delivered", "failed")
MAX_TEXT = 4096
MAX_NOTE = 2000
#: Highest priority (urgent = 1, +1 per later urgent signal).
MAX_PRIORITY = 9


class Nudge(Protocol):
    """Tells other processes that event ``event_id`` was committed (a hint, never the truth)."""

    def publish(self, event_id: int) -> None: ...


@dataclass
class Context:
    """What every handoff function needs: storage, a clock (tests move it) and the nudge."""

    storage: Storage
    clock: Callable[[], float] = time.time
    nudge: Nudge | None = None

    @classmethod
    def of(cls, store: Storage, clock: Callable[[], float] = time.time) -> "Context":
        """``store`` with the Redis nudge when its settings name Redis (``POPBOT_REDIS_URL``)."""
        return cls(store, clock=clock, nudge=nudge_for(store.settings.redis_url))

    @classmethod
    def default(cls) -> "Context":
        """The process's storage (:meth:`of`)."""
        return cls.of(default_storage())

    def now(self) -> float:
        return self.clock()


@dataclass(frozen=True)
class Actor:
    """A person acting on conversations (satisfies ``bot.console.permissions.Subject``)."""

    username: str
    role: str
    via: str = "console"


@dataclass(frozen=True)
class QueueEntry:
    conversation_id: str
    channel: str
    persona: str
    lang: str
    signal: str
    urgent: bool
    priority: int
    state: str
    holder: str | None
    target_role: str | None
    handover_note: str | None
    entered_at: float
    claimed_at: float | None
    last_child_at: float | None
    last_counselor_at: float | None
    episodes: int
    outcome: str | None
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Message:
    id: str  # "t<seq>" (tracker event) or "h<id>" (handoff message)
    at: float
    author: str  # "child" | "bot" | "counselor"
    actor: str | None
    text: str
    signal: str | None = None
    urgent: bool = False
    delivery: str | None = None


@dataclass(frozen=True)
class Note:
    id: int
    at: float
    author: str
    text: str


@dataclass(frozen=True)
class Child:
    """What the bot learnt about the child (tracker slots ``location``/``country``, ``age``,
    ``lang``); ``None`` = not known. ``location_masked``: the reader may not see the place
    (``see_location`` in permissions.yml), so ``location`` and ``country`` are ``None``."""

    location: str | None = None
    country: str | None = None
    age: str | None = None
    lang: str | None = None
    location_masked: bool = False


@dataclass(frozen=True)
class Transcript:
    entry: QueueEntry
    messages: list[Message]
    notes: list[Note]
    child: Child = Child()


@dataclass(frozen=True)
class Event:
    id: int
    at: float
    kind: str
    conversation_id: str
    actor: str | None
    detail: dict[str, Any] = field(default_factory=dict)
