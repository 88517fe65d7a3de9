"""Alembic environment of ``bot.storage``: always run through ``bot.storage.db.migrate``."""
from __future__ import annotations

from alembic import context

from bot.storage.db import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run storage migrations through bot.storage.db.migrate(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
