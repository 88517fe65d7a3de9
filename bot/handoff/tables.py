"""The handoff tables (migration ``handoff``). The queue row holds no message text: pseudonym,
persona, language, signal, urgency, times, holder. Message and note text is an AES-GCM blob
under the conversation's data key (erasing the conversation shreds it too)."""
from __future__ import annotations

import sqlalchemy as sa

from core.db import metadata

conversations = sa.Table(
    "popbot_handoff_conversations",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("persona", sa.String(64), nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("signal", sa.String(32), nullable=False),
    sa.Column("urgent", sa.Boolean, nullable=False),
    sa.Column("priority", sa.Integer, nullable=False),
    # "bot" | "waiting" | "held" | "returned" | "closed"
    sa.Column("state", sa.String(16), nullable=False, index=True),
    sa.Column("holder", sa.String(64), nullable=True),
    sa.Column("target_role", sa.String(16), nullable=True),
    # The handover note of the latest transfer (AES-GCM, conversation data key).
    sa.Column("handover_note", sa.LargeBinary, nullable=True),
    sa.Column("entered_at", sa.Float, nullable=False),
    sa.Column("claimed_at", sa.Float, nullable=True),
    sa.Column("last_child_at", sa.Float, nullable=True),
    sa.Column("last_counselor_at", sa.Float, nullable=True),
    # When the silent-holder alert was raised for the current wait (None: not yet).
    sa.Column("alerted_at", sa.Float, nullable=True),
    sa.Column("episodes", sa.Integer, nullable=False),
    sa.Column("outcome", sa.String(32), nullable=True),
    sa.Column("categories", sa.String(255), nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
)

messages = sa.Table(
    "popbot_handoff_messages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    # Random reference bound into the ciphertext's associated data (rows cannot be swapped).
    sa.Column("ref", sa.String(32), nullable=False, unique=True),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("author", sa.String(16), nullable=False),  # "child" | "counselor" | "bot"
    sa.Column("actor", sa.String(64), nullable=True),  # the counselor's username
    sa.Column("signal", sa.String(32), nullable=True),
    sa.Column("urgent", sa.Boolean, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    # Counselor lines: "pending" -> "sending" -> "delivered" | "failed"; on a channel whose
    # recipient confirms (web): "sending" -> "sent" [-> "unconfirmed"] -> "delivered" on the ack.
    sa.Column("delivery", sa.String(16), nullable=True, index=True),
    sa.Column("channel", sa.String(16), nullable=True),
    sa.Column("delivered_at", sa.Float, nullable=True),
)

notes = sa.Table(
    "popbot_handoff_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("ref", sa.String(32), nullable=False, unique=True),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

events = sa.Table(
    "popbot_handoff_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("actor", sa.String(64), nullable=True),
    # JSON, content-free (ids, signal names, outcome); never message text.
    sa.Column("detail", sa.Text, nullable=False),
)

reads = sa.Table(
    "popbot_handoff_reads",
    metadata,
    # The last audited read of a conversation per person and console view (service.transcript):
    # a live refresh inside the window is not audited again. No content; erased with the conversation.
    sa.Column("actor", sa.String(64), primary_key=True),
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    # a digest of the console session (never its token)
    sa.Column("view", sa.String(64), primary_key=True),
    sa.Column("audited_at", sa.Float, nullable=False, index=True),
)

presence = sa.Table(
    "popbot_handoff_presence",
    metadata,
    # One row per live follower of a person: a console event stream or `popbot handoff events
    # --follow` (bot/handoff/presence.py). Present while a row has not expired; no content.
    sa.Column("token", sa.String(32), primary_key=True),  # random per connection
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("via", sa.String(16), nullable=False),  # "console" | "cli"
    sa.Column("since", sa.Float, nullable=False),
    sa.Column("seen_at", sa.Float, nullable=False),  # the last heartbeat (or the disconnect)
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
)
