"""The platform address needed to answer a conversation (e.g. a Telegram chat id), encrypted.

Encrypted with the conversation's data key (AES-GCM, bound to the channel kind and the
pseudonym), so erasing the conversation shreds its address too. The address is an opaque
string to this module (channels store JSON). Synchronous: each call is one short transaction.
"""
from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.storage import crypto, db
from bot.storage.runtime import Storage, storage as default_storage

_ra = db.reply_addresses


def _aad(kind: str, conversation_id: str) -> bytes:
    return crypto.reply_address_aad(f"{kind}\x00{conversation_id}")


def remember(kind: str, conversation_id: str, address: str, *, storage: Storage | None = None) -> None:
    """Store (or replace) the reply address of ``conversation_id`` on channel ``kind``."""
    if not isinstance(address, str) or not address:
        raise ValueError("reply address must be a non-empty string")
    store = storage or default_storage()
    with store.engine.begin() as conn:
        key = store.data_keys.get_or_create(conn, conversation_id)
        blob = crypto.encrypt(key, address.encode("utf-8"), _aad(kind, conversation_id))
        insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(_ra)
        values = {"pseudonym": conversation_id, "kind": kind, "data": blob, "updated_at": time.time()}
        conn.execute(
            insert.values(**values).on_conflict_do_update(
                index_elements=["pseudonym"], set_={"kind": kind, "data": blob, "updated_at": values["updated_at"]}
            )
        )


def lookup(kind: str, conversation_id: str, *, storage: Storage | None = None) -> str | None:
    """The reply address stored for ``conversation_id`` on ``kind``, or None (none, or erased)."""
    store = storage or default_storage()
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(_ra.c.kind, _ra.c.data).where(_ra.c.pseudonym == conversation_id)).first()
        if row is None or row.kind != kind:
            return None
        key = store.data_keys.lookup(conn, conversation_id)
    if key is None:
        return None
    return crypto.decrypt(key, row.data, _aad(kind, conversation_id), what="reply address").decode("utf-8")


def forget(conversation_id: str, *, storage: Storage | None = None) -> None:
    """Delete the reply address of ``conversation_id`` (if any)."""
    store = storage or default_storage()
    with store.engine.begin() as conn:
        conn.execute(sa.delete(_ra).where(_ra.c.pseudonym == conversation_id))


#: Aliases in the words of the storage contract.
store_reply_address = remember
load_reply_address = lookup
