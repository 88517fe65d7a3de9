"""Alembic environment: runs on the connection handed over by :meth:`DirectoryStore.migrate`
(``config.attributes["connection"]``) or, from the ``alembic`` command, on ``sqlalchemy.url`` /
popbot's settings."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from referrals.schema import metadata

VERSION_TABLE = "referrals_alembic_version"


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=lambda name, type_, parent: type_ != "table" or str(name).startswith("referral_"),
    )
    with context.begin_transaction():
        context.run_migrations()


config = context.config
connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from bot.settings import load_settings

        url = load_settings().database_url
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
