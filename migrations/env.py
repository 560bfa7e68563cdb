"""Alembic environment: policykb migrates its own database through ``config.attributes['connection']``;
developers can also run ``alembic upgrade head`` with ``alembic.ini`` (URL from -x db=… or $POLICYKB_DB)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from policykb.store.db import database_url
from policykb.store.tables import metadata

config = context.config
target_metadata = metadata

# Full-text tables, the pg_trgm index and views are created by hand in the migrations;
# autogenerate ignores them.
_UNMANAGED_PREFIXES = ("documents_fts",)


_UNMANAGED_INDEXES = ("ix_documents_body_trgm",)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    if type_ == "index" and name in _UNMANAGED_INDEXES:
        return False
    return not (type_ == "table" and name is not None and name.startswith(_UNMANAGED_PREFIXES))


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(database_url(url or None))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url") or database_url(None)
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
