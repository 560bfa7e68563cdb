"""Shared fixtures. The database under test is SQLite by default; set POLICYKB_TEST_DB to a
PostgreSQL URL (postgresql+psycopg://user@host:port/db) to run the suite against PostgreSQL:
each test then gets a fresh database of its own on that server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("POLICYKB_TEST_DB", "")
ON_PG = PG_URL.startswith("postgresql")

sqlite_only = pytest.mark.skipif(ON_PG, reason="SQLite-specific behaviour")


def _pg_database(name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _drop_pg_database(name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new PostgreSQL database."""
    if ON_PG:
        name = "pkb_" + uuid.uuid4().hex[:16]
        url = _pg_database(name)
        yield url
        _drop_pg_database(name)
    else:
        yield str(tmp_path / "kb.db")


@pytest.fixture(scope="session")
def seeded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database with the bundled seeds ingested, shared by read-only tests."""
    import policykb

    if ON_PG:
        name = "pkb_seeded_" + uuid.uuid4().hex[:12]
        url = _pg_database(name)
    else:
        url = str(tmp_path_factory.mktemp("seeded") / "kb.db")
    with policykb.open_kb(url) as kb:
        report = kb.ingest([SEEDS])
        assert report.ok, report.failed
    yield url
    if ON_PG:
        _drop_pg_database(name)


@pytest.fixture(scope="session")
def seed_docs(seeded_url: str) -> list[dict[str, object]]:
    import policykb

    with policykb.open_kb(seeded_url) as kb:
        return list(kb.export())
