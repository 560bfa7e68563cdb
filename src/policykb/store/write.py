"""Write a parsed file into the database: one transaction per file, rows in bulk.

The many rows of an article (figures, directives, mentions, regions) go to the driver's
``executemany`` as they are, through an INSERT compiled once per table and dialect: SQLAlchemy's
per-row parameter processing was a third of the writer's time, and the writer is the one process
that ``ingest --jobs 2`` cannot parallelise.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..records import Article, ParsedFile
from . import models as m


def _insert_ignore(conn: Connection, table: Any) -> Any:
    """INSERT … ON CONFLICT DO NOTHING for the connection's dialect."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def _bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]], *, ignore: bool = False) -> None:
    """INSERT ``rows`` (all with the same keys) with one ``executemany`` of the driver."""
    if not rows:
        return
    keys = tuple(rows[0])
    sql, order = _compiled_insert(conn.dialect, table.__table__, keys, ignore)
    if order is None:  # a named paramstyle (psycopg): the dicts as they are
        conn.exec_driver_sql(sql, rows)
    else:
        get = itemgetter(*order)
        params = [get(r) for r in rows] if len(order) > 1 else [(get(r),) for r in rows]
        conn.exec_driver_sql(sql, params)


@lru_cache(maxsize=64)
def _compiled_insert(
    dialect: Any, table: Any, keys: tuple[str, ...], ignore: bool
) -> tuple[str, tuple[str, ...] | None]:
    """The INSERT's SQL for the dialect's driver, and the key order of its positional parameters."""
    stmt: Any = insert(table)
    if ignore:
        dml: Any = postgresql if dialect.name == "postgresql" else sqlite
        stmt = dml.insert(table).on_conflict_do_nothing()
    compiled = stmt.compile(dialect=dialect, column_keys=list(keys), for_executemany=True)
    order = compiled.positiontup
    if order is not None and sorted(order) != sorted(keys):
        raise ValueError(f"{table.name}: the compiled INSERT wants {order}, the rows have {keys}")
    return str(compiled), tuple(order) if order is not None else None


_ARABIC = re.compile(r"[0-9０-９XxＸ]")


def figure_numerals(text: str) -> str:
    """Whether a figure is written with digits (or XX placeholders) or in Chinese numerals.

    >>> figure_numerals("2.8万元"), figure_numerals("XX%"), figure_numerals("三年")
    ('arabic', 'arabic', 'chinese')
    """
    return "arabic" if _ARABIC.search(text) else "chinese"


def source_id_by_hash(conn: Connection, sha256: str) -> int | None:
    return conn.execute(select(m.Source.id).where(m.Source.sha256 == sha256)).scalar_one_or_none()


def delete_source(conn: Connection, source_id: int) -> None:
    conn.execute(delete(m.Source).where(m.Source.id == source_id))


class RegionIds:
    """Province name → regions.id, loaded once per connection use."""

    def __init__(self, conn: Connection) -> None:
        rows = conn.execute(select(m.Region.name, m.Region.id).where(m.Region.level == "province"))
        self._ids = dict(rows.all())

    def get(self, name: str | None) -> int | None:
        return self._ids.get(name) if name else None


def write_file(
    conn: Connection,
    parsed: ParsedFile,
    *,
    path: str,
    sha256: str,
    size: int,
    parser_version: str,
    lexicon_version: int = 0,
    known: VariantIds | None = None,
) -> tuple[int, list[int], list[int]]:
    """Insert one parsed file; returns (source id, ids of the variants it created, document ids).

    ``known`` remembers variant ids across the files of a run (the caller commits or rolls it back
    with the transaction)."""
    source_id = conn.execute(
        insert(m.Source).returning(m.Source.id),
        {
            "name": parsed.name,
            "path": path,
            "sha256": sha256,
            "size": size,
            "encoding": parsed.encoding,
            "ingested_at": datetime.now(UTC),
            "parser_version": parser_version,
            "article_count": len(parsed.articles),
        },
    ).scalar_one()
    regions = RegionIds(conn)
    new_variants: list[int] = []
    doc_ids: list[int] = []
    for ordinal, article in enumerate(parsed.articles, start=1):
        doc_id, created = _write_article(
            conn, source_id, ordinal, article, regions, lexicon_version, known or VariantIds()
        )
        doc_ids.append(doc_id)
        new_variants += created
    if new_variants:  # older articles are searched for these terms at the end of the run
        conn.execute(
            _insert_ignore(conn, m.PendingRefresh),
            [{"variant_id": v, "source_id": source_id} for v in dict.fromkeys(new_variants)],
        )
    return source_id, new_variants, doc_ids


def _write_article(
    conn: Connection,
    source_id: int,
    ordinal: int,
    a: Article,
    regions: RegionIds,
    lexicon_version: int,
    known: VariantIds,
) -> tuple[int, list[int]]:
    doc_id = conn.execute(
        insert(m.Document).returning(m.Document.id),
        {
            "source_id": source_id,
            "ordinal": ordinal,
            "title": a.title,
            "subtitle": a.subtitle,
            "abstract": a.abstract,
            "region_id": regions.get(a.region),
            "start": a.start,
            "end": a.end,
            "body": a.body,
            "offset_map": json.dumps(a.body_map, separators=(",", ":")),
            "lexicon_version": lexicon_version,
        },
    ).scalar_one()
    _write_people(conn, doc_id, a, regions)
    if a.keywords:
        _bulk_insert(
            conn,
            m.Keyword,
            [{"document_id": doc_id, "ordinal": i, "keyword": k} for i, k in enumerate(a.keywords, 1)],
        )
    section_ids = _write_sections(conn, doc_id, a)

    def sid(index: int | None) -> int | None:
        return section_ids[index] if index is not None else None

    if a.figures:
        _bulk_insert(
            conn,
            m.Figure,
            [
                {
                    "document_id": doc_id,
                    "section_id": sid(f.section),
                    "text": f.text[:64],
                    "value": f.value,
                    "unit": f.unit,
                    "approx": f.approx,
                    "placeholder": f.placeholder,
                    "subject": f.subject[:128] if f.subject else None,
                    "role": f.role,
                    "numerals": figure_numerals(f.text),
                    "sentence_start": f.sentence_start,
                    "sentence_end": f.sentence_end,
                    "start": f.start,
                    "end": f.end,
                }
                for f in a.figures
            ],
        )
    if a.directives:
        _bulk_insert(
            conn,
            m.Directive,
            [
                {
                    "document_id": doc_id,
                    "section_id": sid(d.section),
                    "modality": d.modality,
                    "verb": d.verb[:32] if d.verb else None,
                    "text": d.text,
                    "start": d.start,
                    "end": d.end,
                }
                for d in a.directives
            ],
        )
    new_variants = _write_initiatives(conn, doc_id, a, sid, known, regions.get(a.region))
    _write_regions(conn, doc_id, a, regions)
    return doc_id, new_variants


def _person_ids(conn: Connection, names: Iterable[str]) -> dict[str, int]:
    names = sorted(set(names))  # one order for every writer: no deadlock between two of them
    if not names:
        return {}
    conn.execute(_insert_ignore(conn, m.Person), [{"name": n} for n in names])
    rows = conn.execute(select(m.Person.name, m.Person.id).where(m.Person.name.in_(names)))
    return dict(rows.all())


def _write_people(conn: Connection, doc_id: int, a: Article, regions: RegionIds) -> None:
    ids = _person_ids(conn, [x.name for x in a.authors] + list(a.editors))
    rows: list[dict[str, Any]] = []
    positions: list[list[str]] = []
    for i, au in enumerate(a.authors, 1):
        rows.append(
            {
                "document_id": doc_id,
                "person_id": ids[au.name],
                "role": au.role,
                "ordinal": i,
                "positions_text": "、".join(au.positions) or None,
                "region_id": regions.get(au.region),
                "start": au.start,
                "end": au.end,
            }
        )
        positions.append(list(au.positions))
    for j, name in enumerate(a.editors, len(rows) + 1):
        rows.append(
            {
                "document_id": doc_id,
                "person_id": ids[name],
                "role": "editor",
                "ordinal": j,
                "positions_text": None,
                "region_id": None,
                "start": a.end,
                "end": a.end,
            }
        )
        positions.append([])
    if not rows:
        return
    auth_ids = (
        conn.execute(insert(m.Authorship).returning(m.Authorship.id, sort_by_parameter_order=True), rows)
        .scalars()
        .all()
    )
    pos_rows = [
        {"authorship_id": aid, "ordinal": k, "title": p[:128]}
        for aid, plist in zip(auth_ids, positions, strict=True)
        for k, p in enumerate(plist, 1)
    ]
    _bulk_insert(conn, m.Position, pos_rows)


def _write_sections(conn: Connection, doc_id: int, a: Article) -> list[int]:
    if not a.sections:
        return []
    ids = (
        conn.execute(
            insert(m.Section).returning(m.Section.id, sort_by_parameter_order=True),
            [
                {
                    "document_id": doc_id,
                    "parent_id": None,
                    "position": i,
                    "depth": s.depth,
                    "ordinal": s.ordinal,
                    "label": s.label,
                    "title": s.title,
                    "start": s.start,
                    "end": s.end,
                    "body_end": s.body_end,
                }
                for i, s in enumerate(a.sections, 1)
            ],
        )
        .scalars()
        .all()
    )
    parented = [
        {"sid": ids[i], "pid": ids[s.parent]} for i, s in enumerate(a.sections) if s.parent is not None
    ]
    if parented:
        from sqlalchemy import bindparam

        conn.execute(
            update(m.Section).where(m.Section.id == bindparam("sid")).values(parent_id=bindparam("pid")),
            parented,
        )
    return list(ids)


class VariantIds:
    """Variant spelling → id as stored, remembered across a run's files. Ids learnt inside a
    transaction are kept only once it commits (``commit``); ``rollback`` forgets them. A variant's
    id never changes once stored (regrouping moves it to another initiative, keeping its id)."""

    def __init__(self) -> None:
        self.stored: dict[str, int] = {}
        self.fresh: dict[str, int] = {}

    def get(self, variant: str) -> int | None:
        return self.stored.get(variant) or self.fresh.get(variant)

    def commit(self) -> None:
        self.stored.update(self.fresh)
        self.fresh.clear()

    def rollback(self) -> None:
        self.fresh.clear()


def variant_ids(
    conn: Connection, pairs: dict[str, str], known: VariantIds | None = None
) -> tuple[dict[str, int], list[int]]:
    """Ids of variants (spelling → canonical key), creating initiatives and variants as needed.

    Returns the ids and the ids of the variants created now.
    """
    out: dict[str, int] = {}
    if known is not None:
        for v in pairs:
            if (got := known.get(v)) is not None:
                out[v] = got
        pairs = {v: k for v, k in pairs.items() if v not in out}
    if not pairs:
        return out, []
    spellings = sorted(pairs)
    before = dict(
        conn.execute(
            select(m.InitiativeVariant.variant, m.InitiativeVariant.id).where(
                m.InitiativeVariant.variant.in_(spellings)
            )
        ).all()
    )
    missing = [v for v in spellings if v not in before]
    after = before
    if missing:
        keys = sorted({pairs[v] for v in missing})
        conn.execute(
            _insert_ignore(conn, m.Initiative), [{"key": k, "name": _display(k, pairs)} for k in keys]
        )
        ini = dict(
            conn.execute(select(m.Initiative.key, m.Initiative.id).where(m.Initiative.key.in_(keys))).all()
        )
        # RETURNING gives the rows this statement inserted: on PostgreSQL another writer may have
        # inserted one of them since the SELECT above, and that variant is its to announce
        created = [
            int(i)
            for i in conn.execute(
                _insert_ignore(conn, m.InitiativeVariant).returning(m.InitiativeVariant.id),
                [{"variant": v, "initiative_id": ini[pairs[v]], "origin": "auto"} for v in missing],
            ).scalars()
        ]
        after = dict(
            conn.execute(
                select(m.InitiativeVariant.variant, m.InitiativeVariant.id).where(
                    m.InitiativeVariant.variant.in_(spellings)
                )
            ).all()
        )
    else:
        created = []
    if known is not None:
        known.fresh.update(after)
    return out | after, created


def _display(key: str, pairs: dict[str, str]) -> str:
    spellings = sorted((v for v, k in pairs.items() if k == key), key=lambda v: (len(v), v))
    return spellings[0] if spellings else key


def _write_initiatives(
    conn: Connection, doc_id: int, a: Article, sid: Any, known: VariantIds, region_id: int | None
) -> list[int]:
    if not a.initiatives:
        return []
    pairs = {x.term: x.canonical for x in a.initiatives}
    ids, created = variant_ids(conn, pairs, known)
    _bulk_insert(
        conn,
        m.InitiativeMention,
        [
            {
                "document_id": doc_id,
                "section_id": sid(x.section),
                "variant_id": ids[x.term],
                "quoted": x.quoted,
                "start": x.start,
                "end": x.end,
            }
            for x in a.initiatives
        ],
        ignore=True,
    )
    write_document_variants(conn, doc_id, region_id, [ids[x.term] for x in a.initiatives])
    return created


def write_document_variants(conn: Connection, doc_id: int, region: int | None, variants: list[int]) -> None:
    """Record that an article mentions these spellings (kept in step with its mentions)."""
    rows = [{"variant_id": v, "document_id": doc_id, "region_id": region} for v in dict.fromkeys(variants)]
    _bulk_insert(conn, m.DocumentVariant, rows, ignore=True)


def _write_regions(conn: Connection, doc_id: int, a: Article, regions: RegionIds) -> None:
    counts = Counter(r.region for r in a.regions)
    rows = [
        {"document_id": doc_id, "region_id": rid, "role": "mentioned", "count": n}
        for name, n in counts.items()
        if (rid := regions.get(name)) is not None
    ]
    home = regions.get(a.region)
    if home is not None:
        rows.append(
            {
                "document_id": doc_id,
                "region_id": home,
                "role": "subject",
                "count": counts.get(a.region or "", 0),
            }
        )
    _bulk_insert(conn, m.DocumentRegion, rows)
