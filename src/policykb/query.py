"""The questions users ask, answered from the database as small dataclasses (never ORM rows).

Knows nothing of parsing: it never loads jieba.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, distinct, func, or_, select, text
from sqlalchemy.exc import DBAPIError

from .errors import QueryError
from .store import tables as t
from .store.export import figure_sentence
from .store.search import documents_containing

HIT_OPEN, HIT_CLOSE = "«", "»"


# ----------------------------------------------------------------------------- regions


def refuse_nul(value: str | None, what: str) -> None:
    """No stored text holds a NUL; SQLite would cut a LIKE pattern or an FTS query there (matching
    everything, or failing) and PostgreSQL refuses it outright."""
    if value is not None and "\x00" in value:
        raise QueryError(f"{what} contains a NUL character")


def resolve_region(conn: Connection, arg: str) -> tuple[int, str]:
    """A province-level region from a full name, short name, alias or code (37, 370000)."""
    refuse_nul(arg, "region")
    value = arg.strip()
    q = select(t.regions.c.id, t.regions.c.name).where(t.regions.c.level == "province")
    if value.isdigit():
        code = value.ljust(6, "0") if len(value) <= 6 else value
        row = conn.execute(q.where(t.regions.c.code == code)).first()
    else:
        row = conn.execute(q.where(or_(t.regions.c.name == value, t.regions.c.short_name == value))).first()
        if row is None:
            row = conn.execute(
                select(t.regions.c.id, t.regions.c.name)
                .join(t.region_aliases, t.region_aliases.c.region_id == t.regions.c.id)
                .where(t.region_aliases.c.alias == value)
            ).first()
        if row is None:
            row = conn.execute(q.where(t.regions.c.name.startswith(value, autoescape=True))).first()
    if row is None:
        raise QueryError(f"unknown region: {arg!r} (give a province-level name, short name or code)")
    return int(row[0]), str(row[1])


# ----------------------------------------------------------------------------- provinces


@dataclass(frozen=True, slots=True)
class ProvinceRow:
    region: str
    code: str
    articles: int
    document_id: int
    title: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class ProvinceAnswer:
    term: str
    initiative: str | None  # the canonical initiative's name, None when answered by text search
    variants: tuple[str, ...]
    rows: tuple[ProvinceRow, ...]

    @property
    def fallback(self) -> bool:
        return self.initiative is None


def _canonical(term: str) -> str:
    from .extract.initiatives import canonical_form

    return canonical_form(term)


def find_initiative(conn: Connection, term: str) -> tuple[int, str] | None:
    """The initiative a term names: by exact spelling, by name, else by canonical key."""
    bare = re.sub(r"[\s“”\"'‘’「」『』]", "", term)
    row = conn.execute(
        select(t.initiatives.c.id, t.initiatives.c.name)
        .join(t.initiative_variants, t.initiative_variants.c.initiative_id == t.initiatives.c.id)
        .where(t.initiative_variants.c.variant == bare)
    ).first()
    if row is None:
        row = conn.execute(
            select(t.initiatives.c.id, t.initiatives.c.name).where(t.initiatives.c.name == bare)
        ).first()
    if row is None:
        row = conn.execute(
            select(t.initiatives.c.id, t.initiatives.c.name).where(t.initiatives.c.key == _canonical(bare))
        ).first()
    return (int(row[0]), str(row[1])) if row else None


def snippet(body: str, needle: str, width: int = 30) -> str:
    """Text around the first occurrence of ``needle`` with the hit marked.

    >>> snippet("一二三四五枫桥经验六七八九", "枫桥经验", 3)
    '…三四五«枫桥经验»六七八…'
    """
    i = body.find(needle)
    if i < 0:
        return body[: 2 * width].replace("\n", " ") + ("…" if len(body) > 2 * width else "")
    a, b = max(0, i - width), min(len(body), i + len(needle) + width)
    out = body[a:i] + HIT_OPEN + needle + HIT_CLOSE + body[i + len(needle) : b]
    return ("…" if a else "") + out.replace("\n", " ") + ("…" if b < len(body) else "")


def provinces(conn: Connection, term: str) -> ProvinceAnswer:
    """Which province-level regions' articles mention ``term`` (by any variant, quoted or not)."""
    refuse_nul(term, "term")
    found = find_initiative(conn, term)
    if found is None:
        groups = _group_by_region(conn, documents_containing(conn, term))
        return ProvinceAnswer(term, None, (term,), tuple(_region_rows(conn, groups, (term,))))
    ini_id, name = found
    variants = tuple(
        conn.execute(
            select(t.initiative_variants.c.variant).where(t.initiative_variants.c.initiative_id == ini_id)
        ).scalars()
    )
    groups = articles_by_region(conn, ini_id)
    return ProvinceAnswer(term, name, variants, tuple(_region_rows(conn, groups, variants)))


def articles_by_region(conn: Connection, initiative_id: int) -> list[tuple[int, int, int]]:
    """(home region id, article count, first article id) of the articles mentioning an initiative.

    Read from ``document_variants`` alone (one row per article and spelling, clustered on the
    spelling, the article's region in the row): for an initiative named in most of 20,000 articles
    that is some 17,000 rows, where the mentions are three times as many.
    """
    dv, v = t.document_variants.c, t.initiative_variants.c
    q = (
        select(dv.region_id, func.count(func.distinct(dv.document_id)), func.min(dv.document_id))
        .join(t.initiative_variants, v.id == dv.variant_id)
        .where(v.initiative_id == initiative_id, dv.region_id.is_not(None))
        .group_by(dv.region_id)
    )
    return [(int(r), int(n), int(first)) for r, n, first in conn.execute(q) if r is not None]


def _group_by_region(conn: Connection, doc_ids: list[int]) -> list[tuple[int, int, int]]:
    """(region id, article count, first article id) of the given articles, by home region."""
    grouped: dict[int, list[int]] = defaultdict(list)
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i : i + 500]
        for doc_id, region_id in conn.execute(
            select(t.documents.c.id, t.documents.c.region_id).where(
                t.documents.c.id.in_(chunk), t.documents.c.region_id.is_not(None)
            )
        ):
            if region_id is not None:
                grouped[region_id].append(doc_id)
    return [(r, len(set(ids)), min(ids)) for r, ids in grouped.items()]


def _region_rows(
    conn: Connection, groups: list[tuple[int, int, int]], variants: tuple[str, ...]
) -> list[ProvinceRow]:
    if not groups:
        return []
    regions = {
        r.id: r
        for r in conn.execute(
            select(t.regions.c.id, t.regions.c.name, t.regions.c.code).where(
                t.regions.c.id.in_([g[0] for g in groups])
            )
        )
    }
    firsts = {
        i: (title, body)
        for i, title, body in conn.execute(
            select(t.documents.c.id, t.documents.c.title, t.documents.c.body).where(
                t.documents.c.id.in_([g[2] for g in groups])
            )
        )
    }
    out: list[ProvinceRow] = []
    by_length = sorted(variants, key=len, reverse=True)
    for region_id, count, first in groups:
        title, body = firsts[first]
        needle = next((v for v in by_length if v in body), variants[0])
        r = regions[region_id]
        out.append(ProvinceRow(r.name, r.code, count, first, title, snippet(body, needle, 12)))
    out.sort(key=lambda x: (-x.articles, x.code))
    return out


# ----------------------------------------------------------------------------- initiatives


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    initiative: str
    regions: int
    articles: int
    mentions: int
    variants: str


def initiatives(
    conn: Connection, *, region: str | None = None, min_regions: int = 0, limit: int | None = None
) -> list[InitiativeRow]:
    """Initiatives ranked by how many regions and articles mention them."""
    d = t.documents.c
    q = (
        select(
            t.initiatives.c.id,
            t.initiatives.c.name,
            func.count(distinct(d.region_id)).label("regions"),
            func.count(distinct(d.id)).label("articles"),
            func.count(t.initiative_mentions.c.id).label("mentions"),
        )
        .join(t.initiative_variants, t.initiative_variants.c.initiative_id == t.initiatives.c.id)
        .join(t.initiative_mentions, t.initiative_mentions.c.variant_id == t.initiative_variants.c.id)
        .join(t.documents, d.id == t.initiative_mentions.c.document_id)
        .group_by(t.initiatives.c.id, t.initiatives.c.name)
    )
    if region:
        region_id, _ = resolve_region(conn, region)
        q = q.where(d.region_id == region_id)
    if min_regions:
        q = q.having(func.count(distinct(d.region_id)) >= min_regions)
    q = q.order_by(text("regions DESC"), text("articles DESC"), t.initiatives.c.name)
    if limit:
        q = q.limit(limit)
    rows = conn.execute(q).all()
    spellings: dict[int, list[str]] = defaultdict(list)
    if rows:
        for ini_id, variant in conn.execute(
            select(t.initiative_variants.c.initiative_id, t.initiative_variants.c.variant).where(
                t.initiative_variants.c.initiative_id.in_([r.id for r in rows])
            )
        ):
            spellings[ini_id].append(variant)
    return [
        InitiativeRow(r.name, r.regions, r.articles, r.mentions, "、".join(sorted(spellings[r.id], key=len)))
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class VariantRow:
    variant: str
    initiative: str
    origin: str  # auto | user
    mentions: int


def variants(
    conn: Connection, *, initiative: str | None = None, limit: int | None = None
) -> list[VariantRow]:
    """How spellings are grouped under initiatives (the grouping users can override)."""
    v = t.initiative_variants.c
    q = (
        select(v.variant, t.initiatives.c.name, v.origin, func.count(t.initiative_mentions.c.id))
        .join(t.initiatives, t.initiatives.c.id == v.initiative_id)
        .outerjoin(t.initiative_mentions, t.initiative_mentions.c.variant_id == v.id)
        .group_by(v.id, v.variant, t.initiatives.c.name, v.origin)
        .order_by(t.initiatives.c.name, v.variant)
    )
    if initiative:
        found = find_initiative(conn, initiative)
        if found is None:
            raise QueryError(f"unknown initiative: {initiative!r}")
        q = q.where(v.initiative_id == found[0])
    if limit:
        q = q.limit(limit)
    return [VariantRow(str(a), str(b), str(c), int(d)) for a, b, c, d in conn.execute(q)]


@dataclass(frozen=True, slots=True)
class Comparison:
    a: str
    b: str
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


def _region_initiatives(conn: Connection, region_id: int) -> set[str]:
    q = (
        select(t.initiatives.c.name)
        .distinct()
        .join(t.initiative_variants, t.initiative_variants.c.initiative_id == t.initiatives.c.id)
        .join(t.initiative_mentions, t.initiative_mentions.c.variant_id == t.initiative_variants.c.id)
        .join(t.documents, t.documents.c.id == t.initiative_mentions.c.document_id)
        .where(t.documents.c.region_id == region_id)
    )
    return set(conn.execute(q).scalars())


def compare(conn: Connection, a: str, b: str) -> Comparison:
    """The initiatives two regions share and those only one of them has."""
    ra, na = resolve_region(conn, a)
    rb, nb = resolve_region(conn, b)
    sa, sb = _region_initiatives(conn, ra), _region_initiatives(conn, rb)
    return Comparison(na, nb, tuple(sorted(sa & sb)), tuple(sorted(sa - sb)), tuple(sorted(sb - sa)))


# ----------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    source: str
    title: str | None
    region: str | None
    authors: str
    sections: int
    figures: int
    directives: int


def _authors_of(conn: Connection, ids: list[int]) -> dict[int, str]:
    out: dict[int, list[str]] = defaultdict(list)
    if ids:
        for doc_id, name in conn.execute(
            select(t.authorships.c.document_id, t.people.c.name)
            .join(t.people)
            .where(t.authorships.c.document_id.in_(ids), t.authorships.c.role != "editor")
            .order_by(t.authorships.c.document_id, t.authorships.c.ordinal)
        ):
            out[doc_id].append(name)
    return {k: "、".join(v) for k, v in out.items()}


def _count(conn: Connection, table: Table, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    doc = table.c.document_id
    q = select(doc, func.count()).where(doc.in_(ids)).group_by(doc)
    return {int(k): int(v) for k, v in conn.execute(q)}


def documents(
    conn: Connection,
    *,
    region: str | None = None,
    author: str | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> list[DocumentRow]:
    """Articles, filtered by home region, author name and text."""
    refuse_nul(author, "author")
    refuse_nul(text, "text")
    q = (
        select(
            t.documents.c.id,
            t.sources.c.name.label("source"),
            t.documents.c.title,
            t.regions.c.name.label("region"),
        )
        .join(t.sources)
        .outerjoin(t.regions, t.regions.c.id == t.documents.c.region_id)
        .order_by(t.documents.c.id)
    )
    if region:
        region_id, _ = resolve_region(conn, region)
        q = q.where(t.documents.c.region_id == region_id)
    if author:
        q = q.where(
            t.documents.c.id.in_(
                select(t.authorships.c.document_id)
                .join(t.people)
                .where(t.people.c.name.contains(author, autoescape=True))
            )
        )
    if text:
        q = q.where(t.documents.c.id.in_(documents_containing(conn, text) or [-1]))
    if limit:
        q = q.limit(limit)
    rows = conn.execute(q).all()
    ids = [r.id for r in rows]
    names = _authors_of(conn, ids)
    secs, figs, dirs = (
        _count(conn, t.sections, ids),
        _count(conn, t.figures, ids),
        _count(conn, t.directives, ids),
    )
    return [
        DocumentRow(
            r.id,
            r.source,
            r.title,
            r.region,
            names.get(r.id, ""),
            secs.get(r.id, 0),
            figs.get(r.id, 0),
            dirs.get(r.id, 0),
        )
        for r in rows
    ]


def show(conn: Connection, document_id: int) -> dict[str, Any]:
    """One article: header, outline and counts."""
    from .store.export import iter_documents

    docs = list(iter_documents(conn, [document_id]))
    if not docs:
        raise QueryError(f"no document with id {document_id}")
    doc = docs[0]
    doc["counts"] = {
        "sections": len(doc["sections"]),
        "figures": len(doc["figures"]),
        "directives": len(doc["directives"]),
        "initiatives": len(doc["initiatives"]),
        "regions_mentioned": len(doc["regions_mentioned"]),
    }
    return doc


# ----------------------------------------------------------------------------- figures and directives


@dataclass(frozen=True, slots=True)
class FigureRow:
    text: str
    value: float | None
    unit: str | None
    approx: bool
    subject: str | None
    region: str | None
    document_id: int
    title: str | None
    sentence: str


_FIGURE_SORTS = {
    "value": t.figures.c.value,
    "document": t.figures.c.document_id,
    "subject": t.figures.c.subject,
}


def figures(
    conn: Connection,
    *,
    subject: str | None = None,
    unit: str | None = None,
    region: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    sort: str = "document",
    descending: bool = False,
    limit: int | None = None,
) -> list[FigureRow]:
    """Quoted figures filtered by subject text, unit, region and value range."""
    refuse_nul(subject, "subject")
    refuse_nul(unit, "unit")
    f = t.figures.c
    q = (
        select(
            f.text,
            f.value,
            f.unit,
            f.approx,
            f.subject,
            t.regions.c.name,
            f.document_id,
            t.documents.c.title,
            figure_sentence(),
        )
        .join(t.documents, t.documents.c.id == f.document_id)
        .outerjoin(t.regions, t.regions.c.id == t.documents.c.region_id)
    )
    if subject:
        q = q.where(
            or_(
                f.subject.contains(subject, autoescape=True),
                figure_sentence().contains(subject, autoescape=True),
            )
        )
    if unit:
        q = q.where(f.unit == unit)
    if region:
        region_id, _ = resolve_region(conn, region)
        q = q.where(t.documents.c.region_id == region_id)
    if min_value is not None:
        q = q.where(f.value >= min_value)
    if max_value is not None:
        q = q.where(f.value <= max_value)
    if sort not in _FIGURE_SORTS:
        raise QueryError(f"unknown sort {sort!r} (one of: {', '.join(_FIGURE_SORTS)})")
    col = _FIGURE_SORTS[sort]
    q = q.order_by(col.desc() if descending else col.asc(), f.document_id, f.start)
    if limit:
        q = q.limit(limit)
    return [FigureRow(*r) for r in conn.execute(q)]


@dataclass(frozen=True, slots=True)
class DirectiveRow:
    modality: str
    verb: str | None
    text: str
    section: str | None
    region: str | None
    document_id: int
    title: str | None


def directives(
    conn: Connection,
    *,
    region: str | None = None,
    modality: str | None = None,
    text: str | None = None,
    section: str | None = None,
    limit: int | None = None,
) -> list[DirectiveRow]:
    """Directives filtered by region, modality, text and section title."""
    refuse_nul(text, "text")
    refuse_nul(section, "section")
    d = t.directives.c
    q = (
        select(
            d.modality,
            d.verb,
            d.text,
            t.sections.c.title,
            t.regions.c.name,
            d.document_id,
            t.documents.c.title,
        )
        .join(t.documents, t.documents.c.id == d.document_id)
        .outerjoin(t.sections, t.sections.c.id == d.section_id)
        .outerjoin(t.regions, t.regions.c.id == t.documents.c.region_id)
        .order_by(d.document_id, d.start)
    )
    if region:
        region_id, _ = resolve_region(conn, region)
        q = q.where(t.documents.c.region_id == region_id)
    if modality:
        if modality not in ("must", "prohibit", "will", "should"):
            raise QueryError(f"unknown modality {modality!r} (must, prohibit, will, should)")
        q = q.where(d.modality == modality)
    if text:
        q = q.where(d.text.contains(text, autoescape=True))
    if section:
        q = q.where(t.sections.c.title.contains(section, autoescape=True))
    if limit:
        q = q.limit(limit)
    return [DirectiveRow(*r) for r in conn.execute(q)]


# ----------------------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    title: str | None
    region: str | None
    snippet: str


def search(conn: Connection, query_text: str, *, limit: int | None = 20) -> list[SearchHit]:
    """Full-text search over article bodies, first articles first, the hit marked in a snippet.

    Terms of 3+ characters go through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL);
    1–2 character terms, which a trigram index cannot answer, scan the stored bodies.
    """
    term = query_text.strip()
    if not term:
        raise QueryError("empty search text")
    refuse_nul(term, "search text")
    ids = documents_containing(conn, term, limit=limit)
    if not ids:
        return []
    rows = conn.execute(
        select(t.documents.c.id, t.documents.c.title, t.regions.c.name, t.documents.c.body)
        .outerjoin(t.regions, t.regions.c.id == t.documents.c.region_id)
        .where(t.documents.c.id.in_(ids))
        .order_by(t.documents.c.id)
    )
    return [SearchHit(i, t, r, snippet(b, term, 24)) for i, t, r, b in rows]


# ----------------------------------------------------------------------------- read-only SQL


@dataclass(frozen=True, slots=True)
class SqlResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


_READ_ACTIONS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    sqlite3.SQLITE_RECURSIVE,
}
_SAFE_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "foreign_key_list", "table_list"}
_REFUSED_FUNCTIONS = {"load_extension", "writefile", "readfile", "edit", "fts3_tokenizer"}


def _authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None
) -> int:
    if action == sqlite3.SQLITE_FUNCTION:
        return sqlite3.SQLITE_DENY if (arg2 or "").lower() in _REFUSED_FUNCTIONS else sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA:
        return (
            sqlite3.SQLITE_OK
            if (arg1 or "").lower() in _SAFE_PRAGMAS and arg2 is None
            else sqlite3.SQLITE_DENY
        )
    return sqlite3.SQLITE_OK if action in _READ_ACTIONS else sqlite3.SQLITE_DENY


def run_sql(engine: Engine, statement: str, *, timeout: float = 10.0, limit: int | None = None) -> SqlResult:
    """Run one read-only statement with a time limit; writes, ATTACH, PRAGMA changes and extension
    loading are refused."""
    if not statement.strip():
        raise QueryError("empty SQL statement")
    if engine.dialect.name == "sqlite":
        return _run_sqlite(engine, statement, timeout, limit)
    return _run_other(engine, statement, timeout, limit)


def _run_sqlite(engine: Engine, statement: str, timeout: float, limit: int | None) -> SqlResult:
    raw = engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        assert isinstance(dbapi, sqlite3.Connection)
        dbapi.execute("PRAGMA query_only=ON")
        deadline = time.monotonic() + timeout
        dbapi.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        dbapi.set_authorizer(_authorizer)
        try:
            cur = dbapi.execute(statement)
            rows = cur.fetchmany(limit) if limit else cur.fetchall()
            columns = tuple(c[0] for c in cur.description or ())
        except sqlite3.DatabaseError as err:
            msg = str(err)
            if "interrupted" in msg:
                raise QueryError(f"query stopped at the time limit ({timeout:g} s)") from None
            if "not authorized" in msg or "prohibited" in msg or "readonly" in msg or "read-only" in msg:
                raise QueryError(f"refused: only read-only SELECT statements are allowed ({msg})") from None
            raise QueryError(f"SQL error: {msg}") from None
        except sqlite3.Warning as err:
            raise QueryError(f"SQL error: {err}") from None
        finally:
            dbapi.set_authorizer(None)
            dbapi.set_progress_handler(None, 0)
            dbapi.execute("PRAGMA query_only=OFF")
    finally:
        raw.close()
    return SqlResult(columns, tuple(tuple(r) for r in rows))


_WRITE_WORDS = re.compile(
    r"^\s*(insert|update|delete|drop|create|alter|attach|detach|pragma|vacuum|reindex|replace|grant|revoke|"
    r"truncate|copy|call|do|set|reset|lock|comment|cluster|refresh|listen|notify|load|begin|commit|rollback)\b",
    re.IGNORECASE,
)


def _run_other(engine: Engine, statement: str, timeout: float, limit: int | None) -> SqlResult:
    if _WRITE_WORDS.match(statement) or ";" in statement.strip().rstrip(";"):
        raise QueryError("refused: only one read-only SELECT statement is allowed")
    with engine.connect() as conn:
        try:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
            # no parameters are passed: every % is the user's, not a psycopg placeholder
            result = conn.exec_driver_sql(statement.replace("%", "%%"))
            rows = result.fetchmany(limit) if limit else result.fetchall()
            columns = tuple(result.keys())
        except DBAPIError as err:
            msg = str(err.orig).splitlines()[0] if err.orig else str(err)
            conn.rollback()
            if "statement timeout" in msg or "canceling statement" in msg:
                raise QueryError(f"query stopped at the time limit ({timeout:g} s)") from None
            if "read-only" in msg:
                raise QueryError(f"refused: only read-only SELECT statements are allowed ({msg})") from None
            raise QueryError(f"SQL error: {msg}") from None
        conn.rollback()
    return SqlResult(columns, tuple(tuple(r) for r in rows))


# ----------------------------------------------------------------------------- stats


@dataclass(frozen=True, slots=True)
class Stats:
    tables: dict[str, int]
    regions: dict[str, int]
    size_bytes: int | None
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


_TABLES = (
    "sources",
    "documents",
    "people",
    "authorships",
    "positions",
    "keywords",
    "sections",
    "directives",
    "figures",
    "initiatives",
    "initiative_variants",
    "initiative_mentions",
    "document_variants",
    "regions",
    "document_regions",
)


def stats(conn: Connection, url: str) -> Stats:
    """Rows per table, articles per home region, and the database's size."""
    tables = {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in _TABLES}
    regions = {
        str(name): int(n)
        for name, n in conn.execute(
            select(t.regions.c.name, func.count(t.documents.c.id))
            .join(t.documents, t.documents.c.region_id == t.regions.c.id)
            .group_by(t.regions.c.name)
            .order_by(func.count(t.documents.c.id).desc(), t.regions.c.name)
        )
    }
    unassigned = conn.execute(
        select(func.count()).select_from(t.documents).where(t.documents.c.region_id.is_(None))
    ).scalar_one()
    if unassigned:
        regions["(none)"] = int(unassigned)
    size: int | None = None
    if conn.dialect.name == "sqlite":
        path = url.split("sqlite:///", 1)[-1]
        if os.path.exists(path):
            size = sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    else:
        size = int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
    return Stats(tables, regions, size, url)
