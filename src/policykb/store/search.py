"""Finding articles by their text: SQLite FTS5 (trigram) or PostgreSQL pg_trgm, with a scan for
one- and two-character terms, which a trigram index cannot answer (on SQLite, MATCH, LIKE and
GLOB all silently return nothing for them)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text, true

from . import models as m


def fts_phrase(term: str) -> str:
    """An FTS5 phrase query for ``term`` (double quotes doubled).

    >>> fts_phrase('一村"一警')
    '"一村""一警"'
    """
    return '"' + term.replace('"', '""') + '"'


def documents_containing(conn: Connection, term: str, *, max_id: int | None = None) -> list[int]:
    """Ids of the articles whose body contains ``term`` verbatim (only ids up to ``max_id``)."""
    if not term:
        return []
    bound = m.Document.id <= max_id if max_id is not None else true()
    if conn.dialect.name == "sqlite":
        if len(term) >= 3:
            sql = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q"
            params: dict[str, object] = {"q": "body:" + fts_phrase(term)}
            if max_id is not None:
                sql += " AND rowid <= :max_id"
                params["max_id"] = max_id
            return [r[0] for r in conn.execute(text(sql), params)]
        found = func.instr(m.Document.body, term) > 0
    else:
        found = func.strpos(m.Document.body, term) > 0
    return list(conn.execute(select(m.Document.id).where(found, bound)).scalars())
