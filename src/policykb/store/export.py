"""Export stored articles in the interchange format of ``gold/SCHEMA.md`` (what score.py reads)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, select

from . import tables as t

BATCH = 200


def figure_sentence() -> Any:
    """SQL for a figure's sentence, cut from its article's body (needs documents joined)."""
    return func.substr(
        t.documents.c.body,
        t.figures.c.sentence_start + 1,
        t.figures.c.sentence_end - t.figures.c.sentence_start,
    )


def iter_documents(conn: Connection, document_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """One export object per article, in source and reading order, read in batches."""
    q = (
        select(t.documents.c.id)
        .join(t.sources)
        .order_by(t.sources.c.name, t.sources.c.id, t.documents.c.ordinal)
    )
    ids = list(conn.execute(q).scalars()) if document_ids is None else document_ids
    for i in range(0, len(ids), BATCH):
        yield from _batch(conn, ids[i : i + BATCH])


def _batch(conn: Connection, ids: list[int]) -> Iterator[dict[str, Any]]:
    region_names = dict(conn.execute(select(t.regions.c.id, t.regions.c.name)).all())
    docs = conn.execute(
        select(
            t.documents.c.id,
            t.sources.c.name,
            t.documents.c.title,
            t.documents.c.subtitle,
            t.documents.c.abstract,
            t.documents.c.region_id,
            t.documents.c.start,
            t.documents.c.end,
        )
        .join(t.sources)
        .where(t.documents.c.id.in_(ids))
    ).all()
    by_id = {d.id: d for d in docs}
    people = _people(conn, ids, region_names)
    keywords = _grouped(
        conn,
        select(t.keywords.c.document_id, t.keywords.c.keyword)
        .where(t.keywords.c.document_id.in_(ids))
        .order_by(t.keywords.c.ordinal),
    )
    sections = _sections(conn, ids)
    figures = _figures(conn, ids)
    directives = _directives(conn, ids)
    initiatives = _initiatives(conn, ids)
    regions = _grouped(
        conn,
        select(t.document_regions.c.document_id, t.regions.c.name)
        .join(t.regions)
        .where(t.document_regions.c.document_id.in_(ids), t.document_regions.c.role == "mentioned")
        .order_by(t.regions.c.code),
    )
    for doc_id in ids:
        d = by_id.get(doc_id)
        if d is None:
            continue
        authors, editors = people.get(doc_id, ([], []))
        yield {
            "id": doc_id,
            "source": d.name,
            "title": d.title,
            "subtitle": d.subtitle,
            "authors": authors,
            "editors": editors,
            "region": region_names.get(d.region_id) if d.region_id else None,
            "keywords": keywords.get(doc_id, []),
            "has_abstract": d.abstract is not None,
            "abstract": d.abstract,
            "sections": [s for _, s in sorted(sections.get(doc_id, []), key=lambda x: x[0])],
            "figures": figures.get(doc_id, []),
            "figures_in_words": figures.get(-doc_id, []),
            "initiatives": initiatives.get(doc_id, []),
            "regions_mentioned": regions.get(doc_id, []),
            "directives": directives.get(doc_id, []),
            "start": d.start,
            "end": d.end,
        }


def _grouped(conn: Connection, query: Any) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for doc_id, value in conn.execute(query):
        out[doc_id].append(value)
    return out


def _people(
    conn: Connection, ids: list[int], region_names: dict[int, str]
) -> dict[int, tuple[list[Any], list[str]]]:
    rows = conn.execute(
        select(
            t.authorships.c.id,
            t.authorships.c.document_id,
            t.people.c.name,
            t.authorships.c.role,
            t.authorships.c.region_id,
        )
        .join(t.people)
        .where(t.authorships.c.document_id.in_(ids))
        .order_by(t.authorships.c.document_id, t.authorships.c.ordinal)
    ).all()
    positions = _grouped(
        conn,
        select(t.positions.c.authorship_id, t.positions.c.title)
        .where(t.positions.c.authorship_id.in_([r.id for r in rows]))
        .order_by(t.positions.c.ordinal),
    )
    out: dict[int, tuple[list[Any], list[str]]] = {}
    for r in rows:
        authors, editors = out.setdefault(r.document_id, ([], []))
        if r.role == "editor":
            editors.append(r.name)
        else:
            authors.append(
                {
                    "name": r.name,
                    "role": r.role,
                    "positions": positions.get(r.id, []),
                    "region": region_names.get(r.region_id) if r.region_id else None,
                }
            )
    return out


def _sections(conn: Connection, ids: list[int]) -> dict[int, list[tuple[int, dict[str, Any]]]]:
    rows = conn.execute(
        select(
            t.sections.c.document_id,
            t.sections.c.position,
            t.sections.c.depth,
            t.sections.c.label,
            t.sections.c.title,
            t.sections.c.start,
            t.sections.c.end,
        ).where(t.sections.c.document_id.in_(ids))
    ).all()
    out: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for r in rows:
        out[r.document_id].append(
            (
                r.position,
                {"depth": r.depth, "label": r.label, "title": r.title, "start": r.start, "end": r.end},
            )
        )
    return out


def _figures(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    f_ = t.figures.c
    rows = conn.execute(
        select(
            f_.document_id,
            f_.text,
            f_.value,
            f_.unit,
            f_.approx,
            f_.placeholder,
            f_.subject,
            f_.role,
            figure_sentence().label("sentence"),
            f_.start,
            f_.end,
            f_.numerals,
        )
        .join(t.documents, t.documents.c.id == f_.document_id)
        .where(f_.document_id.in_(ids))
        .order_by(f_.document_id, f_.start)
    ).all()
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for f in rows:
        value: float | int | None = f.value
        if value is not None and float(value).is_integer():
            value = int(value)
        # figures written in digits or XX (the gold's definition) apart from those in Chinese numerals
        key = f.document_id if f.numerals == "arabic" else -f.document_id
        out[key].append(
            {
                "text": f.text,
                "value": value,
                "unit": f.unit,
                "approx": f.approx,
                "placeholder": f.placeholder,
                "subject": f.subject,
                "role": f.role,
                "sentence": f.sentence,
                "start": f.start,
                "end": f.end,
            }
        )
    return out


def _directives(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    x = t.directives.c
    rows = conn.execute(
        select(x.document_id, x.text, x.modality, x.verb, t.sections.c.title.label("section"), x.start, x.end)
        .outerjoin(t.sections, t.sections.c.id == t.directives.c.section_id)
        .where(t.directives.c.document_id.in_(ids))
        .order_by(t.directives.c.document_id, t.directives.c.start)
    ).all()
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for d in rows:
        out[d.document_id].append(
            {
                "text": d.text,
                "modality": d.modality,
                "verb": d.verb,
                "section": d.section,
                "start": d.start,
                "end": d.end,
            }
        )
    return out


def _initiatives(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    """The initiatives an article names in quotation marks, each once, in order of first mention."""
    rows = conn.execute(
        select(t.initiative_mentions.c.document_id, t.initiative_variants.c.variant)
        .join(t.initiative_variants)
        .where(t.initiative_mentions.c.document_id.in_(ids), t.initiative_mentions.c.quoted.is_(True))
        .order_by(t.initiative_mentions.c.document_id, t.initiative_mentions.c.start)
    )
    out: dict[int, list[str]] = defaultdict(list)
    for doc_id, variant in rows:
        if variant not in out[doc_id]:
            out[doc_id].append(variant)
    return out
