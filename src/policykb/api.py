"""The Python API: open a knowledge base, ingest, ask, export. The CLI calls these and nothing else."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from . import query
from .errors import InputError
from .load import DEFAULT_MAX_BYTES
from .store.db import database_url, open_engine

if TYPE_CHECKING:  # the parser's records are imported by the commands that parse, not by questions
    from .records import ParsedFile


def parse_text(text: str, name: str = "<text>") -> ParsedFile:
    """Parse one file's text into articles without any database (plain dataclasses)."""
    from .parse import parse_text as _parse

    return _parse(text, name)


def parse_file(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedFile:
    """Read (detecting the encoding) and parse one file, without any database."""
    from .load import read_source
    from .parse import parse_text as _parse

    source = read_source(path, max_bytes)
    return _parse(source.text, source.name, encoding=source.encoding)


class KnowledgeBase:
    """A policykb database: SQLite file or SQLAlchemy URL."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing
    def ingest(
        self,
        paths: list[str | os.PathLike[str]],
        *,
        force: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        jobs: int = 1,
        progress: Any = None,
    ) -> Any:
        """Ingest files and folders; returns an :class:`policykb.ingest.IngestReport`."""
        from .ingest import ingest_paths

        return ingest_paths(
            self.engine,
            [os.fspath(p) for p in paths],
            force=force,
            max_bytes=max_bytes,
            jobs=jobs,
            progress=progress,
        )

    # --- reading
    def export(self, document_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
        """Articles in the interchange format of gold/SCHEMA.md, one dict each."""
        from .store.export import iter_documents

        with self.engine.connect() as conn:
            yield from iter_documents(conn, document_ids)

    def provinces(self, term: str) -> query.ProvinceAnswer:
        with self.engine.connect() as conn:
            return query.provinces(conn, term)

    def initiatives(
        self, *, region: str | None = None, min_regions: int = 0, limit: int | None = None
    ) -> list[Any]:
        with self.engine.connect() as conn:
            return query.initiatives(conn, region=region, min_regions=min_regions, limit=limit)

    def compare(self, a: str, b: str) -> query.Comparison:
        with self.engine.connect() as conn:
            return query.compare(conn, a, b)

    def documents(
        self,
        *,
        region: str | None = None,
        author: str | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[Any]:
        with self.engine.connect() as conn:
            return query.documents(conn, region=region, author=author, text=text, limit=limit)

    def show(self, document_id: int) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return query.show(conn, document_id)

    def figures(self, **filters: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return query.figures(conn, **filters)

    def directives(self, **filters: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return query.directives(conn, **filters)

    def search(self, text: str, *, limit: int | None = 20) -> list[Any]:
        with self.engine.connect() as conn:
            return query.search(conn, text, limit=limit)

    def variants(self, *, initiative: str | None = None, limit: int | None = None) -> list[query.VariantRow]:
        with self.engine.connect() as conn:
            return query.variants(conn, initiative=initiative, limit=limit)

    def regroup(self, variant: str, target: str) -> tuple[str, str]:
        """Move a spelling under another initiative (a user's override, kept across re-ingests)."""
        from .store.db import write_transaction
        from .store.lexicon import regroup_variant

        with write_transaction(self.engine) as conn:
            return regroup_variant(conn, variant, target)

    def sql(self, statement: str, *, timeout: float = 10.0, limit: int | None = None) -> query.SqlResult:
        return query.run_sql(self.engine, statement, timeout=timeout, limit=limit)

    def stats(self) -> query.Stats:
        with self.engine.connect() as conn:
            return query.stats(conn, self.url)


def open_kb(
    db: str | os.PathLike[str] | None = None, *, create: bool = True, readonly: bool = False
) -> KnowledgeBase:
    """Open (creating and migrating on first use) a knowledge base.

    ``db`` is a file path or a SQLAlchemy URL; default $POLICYKB_DB or ./policykb.db.
    """
    url = database_url(db)
    return KnowledgeBase(open_engine(db, create=create, readonly=readonly), url)


def check_readable(path: str) -> None:
    if not Path(path).exists():
        raise InputError(path, "no such file or folder")
