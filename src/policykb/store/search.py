"""Finding articles by their text: SQLite FTS5 (trigram) or PostgreSQL pg_trgm, with a scan for
one- and two-character terms, which a trigram index cannot answer (on SQLite, MATCH, LIKE and
GLOB all silently return nothing for them)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text

from . import models as m


def fts_phrase(term: str) -> str:
    """An FTS5 phrase query for ``term`` (double quotes doubled).

    >>> fts_phrase('一村"一警')
    '"一村""一警"'
    """
    return '"' + term.replace('"', '""') + '"'


def documents_containing(conn: Connection, term: str) -> list[int]:
    """Ids of the articles whose body contains ``term`` verbatim."""
    if not term:
        return []
    if conn.dialect.name == "sqlite":
        if len(term) >= 3:
            rows = conn.execute(
                text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q"),
                {"q": "body:" + fts_phrase(term)},
            )
            return [r[0] for r in rows]
        return list(
            conn.execute(select(m.Document.id).where(func.instr(m.Document.body, term) > 0)).scalars()
        )
    return list(conn.execute(select(m.Document.id).where(func.strpos(m.Document.body, term) > 0)).scalars())
