"""Engine, connection pragmas and migrations: opening a database creates or upgrades it.

SQLite is the default (one file); a SQLAlchemy URL selects another backend (PostgreSQL).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from ..errors import DatabaseError

DEFAULT_DB = "policykb.db"
# The newest migration. Opening a database at this revision needs no Alembic import, so query
# commands start fast; tests/test_store.py checks that it is the head of migrations/.
HEAD_REVISION = "0002"
BUSY_TIMEOUT_MS = 60_000


def database_url(db: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL for a path or URL; ``None`` means $POLICYKB_DB or ./policykb.db."""
    raw = os.fspath(db) if db is not None else os.environ.get("POLICYKB_DB") or DEFAULT_DB
    if "://" in raw:
        return raw
    return f"sqlite:///{Path(raw).expanduser()}"


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    if isinstance(dbapi_conn, sqlite3.Connection):
        # Let SQLAlchemy issue BEGIN itself (pysqlite's own transaction handling defers it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        # In WAL mode NORMAL never corrupts the database; a power cut may lose the last commit only.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # checkpoint every ~40 MB of WAL instead of 4 MB: an ingest copies hot pages (the full-text
        # index's) back to the database file less often (200-file ingest: 0.96x wall)
        cur.execute("PRAGMA wal_autocheckpoint=10000")
        cur.close()


def _on_begin(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        # BEGIN IMMEDIATE for writers would block readers' upgrades; readers use plain BEGIN.
        mode = conn.info.get("begin", "BEGIN")
        conn.exec_driver_sql(mode)


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("sqlite:///", 1)[-1]
        if readonly:
            uri = f"sqlite:///file:{path}?mode=ro&uri=true"
            engine = create_engine(uri, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        else:
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrations_dir() -> str:
    return str(resources.files("policykb.migrations"))


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", migrations_dir())
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def check_sqlite_file(url: str) -> None:
    """Refuse a file that exists but is not SQLite, before SQLAlchemy touches it."""
    if not url.startswith("sqlite:///"):
        return
    path = Path(url.split("sqlite:///", 1)[1])
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            magic = fh.read(16)
        if magic != b"SQLite format 3\x00":
            raise DatabaseError(f"{path}: not a SQLite database (not created by policykb?)")


def open_engine(db: str | os.PathLike[str] | None, *, create: bool = True, readonly: bool = False) -> Engine:
    """An engine on a migrated policykb database, creating or upgrading it when allowed."""
    url = database_url(db)
    check_sqlite_file(url)
    if url.startswith("sqlite:///") and not readonly:
        path = Path(url.split("sqlite:///", 1)[1])
        # os.access says yes to root for any file: honour the mode bits the user set as well
        if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
            readonly = True
        if not path.exists() and not create:
            raise DatabaseError(f"{path}: no such database (run `policykb ingest` first)")
        if not path.exists() and path.parent and not path.parent.exists():
            raise DatabaseError(f"{path}: folder {path.parent} does not exist")
    engine = make_engine(url, readonly=readonly)
    try:
        prepare(engine, migrate=not readonly)
    # sqlite3.DatabaseError: _set_wal uses the raw connection, whose errors SQLAlchemy does not wrap
    except (SADatabaseError, OperationalError, sqlite3.DatabaseError) as err:
        engine.dispose()
        raise DatabaseError(f"{_shown(url)}: cannot open database ({_first_line(err)})") from None
    except DatabaseError:
        engine.dispose()
        raise
    return engine


def _shown(url: str) -> str:
    return url.split("sqlite:///", 1)[1] if url.startswith("sqlite:///") else url.split("@")[-1]


def _first_line(err: Exception) -> str:
    orig = getattr(err, "orig", None)
    return str(orig or err).splitlines()[0][:200]


def _set_wal(engine: Engine) -> None:
    """WAL lets readers go on while a file is written; set outside any transaction.

    Switching a new file to WAL needs an exclusive lock that SQLite takes without calling the busy
    handler: when another process is opening the same new file at that moment the pragma fails at
    once with 'database is locked'. It is retried here, with back-off, for up to the busy timeout.
    """
    raw = engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        assert isinstance(dbapi, sqlite3.Connection)
        delay, deadline = 0.01, time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                dbapi.execute("PRAGMA journal_mode=WAL")  # a file system without WAL keeps its mode
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
    finally:
        raw.close()


def prepare(engine: Engine, *, migrate: bool = True) -> None:
    """Check the schema version; create or upgrade when ``migrate``; set WAL on SQLite (only on a
    file known to be policykb's: another program's database is refused untouched)."""
    wal = engine.dialect.name == "sqlite" and migrate
    with engine.connect() as conn:
        rev = current_revision(conn)
        tables = set(inspect(conn).get_table_names()) if rev != HEAD_REVISION else set()
        conn.rollback()
    if rev == HEAD_REVISION:
        if wal:
            _set_wal(engine)
        return
    head = head_revision()
    if rev is None and tables - {"alembic_version"}:
        raise DatabaseError(f"{_shown(str(engine.url))}: not a policykb database (it has other tables)")
    if rev is not None and rev not in known_revisions():
        raise DatabaseError(
            f"{_shown(str(engine.url))}: database schema {rev} is newer than this policykb; upgrade policykb"
        )
    if wal:
        _set_wal(engine)
    if rev == head:
        return
    if not migrate:
        raise DatabaseError(f"{_shown(str(engine.url))}: database needs an upgrade but is read-only")
    upgrade(engine)


SCHEMA_LOCK = 0x706B62  # "pkb"


def lock_schema(conn: Connection) -> None:
    """One process at a time creates or fills the schema: on PostgreSQL an advisory lock held to the
    end of the transaction (on SQLite, the BEGIN IMMEDIATE of write_transaction already is one)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction: on SQLite ``BEGIN IMMEDIATE`` takes the write lock up front, so two
    writers queue on the busy timeout instead of failing with 'database is locked' mid-way."""
    with engine.connect() as conn:
        conn.info["begin"] = "BEGIN IMMEDIATE"
        try:
            with conn.begin():
                yield conn
        finally:
            conn.info.pop("begin", None)


def upgrade(engine: Engine) -> None:
    from alembic import command

    with write_transaction(engine) as conn:
        lock_schema(conn)
        rev = current_revision(conn)
        if rev != head_revision():  # another process may have migrated while we waited
            command.upgrade(alembic_config(conn), "head")
    from .regions import sync_regions

    sync_regions(engine)
