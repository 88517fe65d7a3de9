"""``EncryptedTrackerStore``: Rasa's tracker store with every event's content encrypted.

Configured in ``endpoints.yml``::

    tracker_store:
      type: bot.storage.tracker_store.EncryptedTrackerStore
      # url: optional SQLAlchemy URL; default POPBOT_DATABASE_URL / var/popbot.db

Structure follows Rasa 3.6's ``SQLTrackerStore``: a save appends the tracker's events that are
not stored yet (counted from the latest ``session_started``), ``retrieve`` returns the latest
session, ``retrieve_full_tracker`` all sessions. Errors are raised, never swallowed here;
``bot.storage.rasa_guards.install()`` stops Rasa from swallowing them.

A tracker this store loaded (or saved) remembers the last stored event row it knows of. If
another turn stored rows after that, saving it raises :class:`ConcurrentSaveError` instead of
appending: counting "what is new" from the stored rows would otherwise silently skip this
turn's own events. Two turns of one conversation overlap only if the conversation lock was lost
(Redis restarted while a turn ran). A user event's message id is stored hashed with a unique
index per conversation: a message stored once cannot be stored again (same error), and
:meth:`EncryptedTrackerStore.turn_of_message` finds the turn that processed it
(``bot/channels/repeats.py`` answers a retried message with that turn's replies).
"""
from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any, Iterable, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SerializedTrackerAsText, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from core.settings import ConfigError
from bot.storage import db, eventlog, runtime
from bot.storage.errors import ConcurrentSaveError
from bot.storage.runtime import Storage

logger = logging.getLogger(__name__)

#: Attribute on a tracker object: the highest event ``seq`` stored when it was loaded or saved.
_KNOWN = "_popbot_stored_seq"

#: endpoints.yml keys this store accepts besides ``type``.
ACCEPTED_KWARGS = frozenset({"url"})


class EncryptedTrackerStore(TrackerStore, SerializedTrackerAsText):
    """Stores Rasa trackers with AES-GCM encrypted events (SQLite or PostgreSQL)."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        storage: Optional[Storage] = None,
        **kwargs: Any,
    ) -> None:
        unknown = sorted(set(kwargs) - ACCEPTED_KWARGS)
        if unknown:
            raise ConfigError(
                f"endpoints.yml tracker_store: unknown field(s) {unknown} for EncryptedTrackerStore "
                f"(accepted: type, {', '.join(sorted(ACCEPTED_KWARGS))})"
            )
        if event_broker is not None:
            raise ConfigError(
                "endpoints.yml event_broker: an event broker would publish conversation events in "
                "plaintext; it is not allowed with EncryptedTrackerStore"
            )
        url = kwargs.get("url") or host
        if storage is None:
            storage = runtime.open_storage(database_url=url) if url else runtime.storage()
        self.storage = storage
        super().__init__(domain, None)
        logger.debug("encrypted tracker store ready (%s)", storage.engine.dialect.name)

    # -- Rasa's TrackerStore interface -------------------------------------------------------
    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the tracker's new events, encrypted, in one transaction (raises on failure).

        The database work runs in a worker thread so a slow disk or database never blocks the
        event loop that answers other children."""
        await asyncio.to_thread(self.save_sync, tracker)

    async def create_tracker(self, sender_id: Text, append_action_listen: bool = True) -> DialogueStateTracker:
        """A new tracker, *not* saved yet: Rasa saves it after the message was answered, so a
        failing database cannot stop the first answer to a new conversation (invariant 5)."""
        tracker = self.init_tracker(sender_id)
        setattr(tracker, _KNOWN, None)  # nothing stored yet: a save finding rows raced another turn
        if append_action_listen:
            from rasa.shared.core.events import ActionExecuted
            from rasa.shared.core.constants import ACTION_LISTEN_NAME

            tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
        return tracker

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the latest conversation session, or None."""
        return await asyncio.to_thread(self._retrieve, sender_id, all_sessions=False)

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker with the events of every session, or None."""
        return await asyncio.to_thread(self._retrieve, conversation_id, all_sessions=True)

    async def turn_of_message(self, conversation_id: Text, message_id: Text) -> Optional[list[dict[str, Any]]]:
        """The stored events of the turn that processed ``message_id`` in this conversation (its
        user event first), or None if that message was never stored (bot/channels/repeats.py)."""
        return await asyncio.to_thread(self._turn_of_message, conversation_id, message_id)

    async def keys(self) -> Iterable[Text]:
        """Every conversation id (pseudonym) with stored events."""
        return await asyncio.to_thread(self._keys)

    async def exists(self, conversation_id: Text) -> bool:
        """Whether ``conversation_id`` has stored events."""
        return await asyncio.to_thread(self._exists, conversation_id)

    # -- implementation ---------------------------------------------------------------------
    def save_sync(self, tracker: DialogueStateTracker) -> None:
        """Synchronous body of :meth:`save`."""
        conversation_id = tracker.sender_id
        with self.storage.engine.begin() as conn:
            max_seq, session_start = eventlog.stored_position(conn, conversation_id)
            known = getattr(tracker, _KNOWN, max_seq)
            if known != max_seq:
                raise ConcurrentSaveError("another turn saved this conversation after this one loaded it; nothing saved")
            if max_seq is None:
                stored_in_session, next_seq = 0, 0
            else:
                stored_in_session = max_seq - (session_start or 0) + 1
                next_seq = max_seq + 1
            new_events = [
                event.as_dict()
                for event in itertools.islice(tracker.events, stored_in_session, len(tracker.events))
            ]
            try:
                eventlog.append_events(conn, self.storage.data_keys, conversation_id, next_seq, new_events)
            except sa.exc.IntegrityError:  # a row of that seq or that user message id exists already
                raise ConcurrentSaveError(
                    "another turn stored this conversation (or this very message) meanwhile; nothing saved"
                ) from None
        setattr(tracker, _KNOWN, next_seq + len(new_events) - 1 if new_events or max_seq is not None else None)

    def _turn_of_message(self, conversation_id: Text, message_id: Text) -> Optional[list[dict[str, Any]]]:
        with self.storage.engine.connect() as conn:
            return eventlog.turn_of_message(conn, self.storage.data_keys, conversation_id, message_id)

    def _keys(self) -> list[Text]:
        with self.storage.engine.connect() as conn:
            return list(conn.execute(sa.select(db.events.c.conversation_id).distinct()).scalars())

    def _exists(self, conversation_id: Text) -> bool:
        with self.storage.engine.connect() as conn:
            row = conn.execute(
                sa.select(db.events.c.id).where(db.events.c.conversation_id == conversation_id).limit(1)
            ).first()
        return row is not None

    def _retrieve(self, sender_id: Text, *, all_sessions: bool) -> Optional[DialogueStateTracker]:
        with self.storage.engine.connect() as conn:
            loaded = eventlog.load_events_and_last_seq(conn, self.storage.data_keys, sender_id, all_sessions=all_sessions)
        if not loaded:
            return None
        events, max_seq = loaded
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not all_sessions:  # a full tracker is for reading; saving one is not this store's path
            setattr(tracker, _KNOWN, max_seq)
        return tracker
