"""Finding articles by their text: SQLite FTS5 (trigram) or PostgreSQL pg_trgm, with a scan for
one- and two-character terms, which a trigram index cannot answer (on SQLite, MATCH, LIKE and
GLOB all silently return nothing for them)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text, true

from . import tables as t


def glob_literal(term: str) -> str:
    """A GLOB pattern matching ``term`` anywhere, its wildcard characters taken literally.

    >>> glob_literal("一村*一警")
    '*一村[*]一警*'
    """
    return "*" + "".join(f"[{ch}]" if ch in "*?[" else ch for ch in term) + "*"


def documents_containing(
    conn: Connection, term: str, *, max_id: int | None = None, limit: int | None = None
) -> list[int]:
    """Ids of the articles whose body contains ``term`` verbatim (only ids up to ``max_id``; at most
    ``limit`` of them, the first ones, so a search that shows 20 stops after 20)."""
    if not term:
        return []
    bound = t.documents.c.id <= max_id if max_id is not None else true()
    if conn.dialect.name == "sqlite":
        if len(term) >= 3:
            # the index is built with detail=none (a third of the size); GLOB uses it all the same
            sql = "SELECT rowid FROM documents_fts WHERE body GLOB :q"
            params: dict[str, object] = {"q": glob_literal(term)}
            if max_id is not None:
                sql += " AND rowid <= :max_id"
                params["max_id"] = max_id
            sql += " ORDER BY rowid"
            if limit:
                sql += " LIMIT :limit"
                params["limit"] = limit
            return [r[0] for r in conn.execute(text(sql), params)]
        found = func.instr(t.documents.c.body, term) > 0
    else:  # LIKE goes through the pg_trgm index
        found = t.documents.c.body.contains(term, autoescape=True)
    return list(
        conn.execute(
            select(t.documents.c.id).where(found, bound).order_by(t.documents.c.id).limit(limit)
        ).scalars()
    )
