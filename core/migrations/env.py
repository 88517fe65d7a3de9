"""Alembic environment of popbot's one history: always run through ``core.db.migrate(engine)``."""
from __future__ import annotations

from alembic import context

from core.db import VERSION_TABLE, metadata, owned

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run popbot's migrations through core.db.migrate(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    include_name=lambda name, type_, parent: type_ != "table" or owned(str(name)),
)
with context.begin_transaction():
    context.run_migrations()
