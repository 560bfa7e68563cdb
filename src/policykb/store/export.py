"""Export stored articles in the interchange format of ``gold/SCHEMA.md`` (what score.py reads)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, select

from . import models as m

BATCH = 200


def figure_sentence() -> Any:
    """SQL for a figure's sentence, cut from its article's body (needs documents joined)."""
    return func.substr(
        m.Document.body, m.Figure.sentence_start + 1, m.Figure.sentence_end - m.Figure.sentence_start
    )


def iter_documents(conn: Connection, document_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """One export object per article, in source and reading order, read in batches."""
    q = select(m.Document.id).join(m.Source).order_by(m.Source.name, m.Source.id, m.Document.ordinal)
    ids = list(conn.execute(q).scalars()) if document_ids is None else document_ids
    for i in range(0, len(ids), BATCH):
        yield from _batch(conn, ids[i : i + BATCH])


def _batch(conn: Connection, ids: list[int]) -> Iterator[dict[str, Any]]:
    region_names = dict(conn.execute(select(m.Region.id, m.Region.name)).all())
    docs = conn.execute(
        select(
            m.Document.id,
            m.Source.name,
            m.Document.title,
            m.Document.subtitle,
            m.Document.abstract,
            m.Document.region_id,
            m.Document.start,
            m.Document.end,
        )
        .join(m.Source)
        .where(m.Document.id.in_(ids))
    ).all()
    by_id = {d.id: d for d in docs}
    people = _people(conn, ids, region_names)
    keywords = _grouped(
        conn,
        select(m.Keyword.document_id, m.Keyword.keyword)
        .where(m.Keyword.document_id.in_(ids))
        .order_by(m.Keyword.ordinal),
    )
    sections = _sections(conn, ids)
    figures = _figures(conn, ids)
    directives = _directives(conn, ids)
    initiatives = _initiatives(conn, ids)
    regions = _grouped(
        conn,
        select(m.DocumentRegion.document_id, m.Region.name)
        .join(m.Region)
        .where(m.DocumentRegion.document_id.in_(ids), m.DocumentRegion.role == "mentioned")
        .order_by(m.Region.code),
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
            m.Authorship.id,
            m.Authorship.document_id,
            m.Person.name,
            m.Authorship.role,
            m.Authorship.region_id,
        )
        .join(m.Person)
        .where(m.Authorship.document_id.in_(ids))
        .order_by(m.Authorship.document_id, m.Authorship.ordinal)
    ).all()
    positions = _grouped(
        conn,
        select(m.Position.authorship_id, m.Position.title)
        .where(m.Position.authorship_id.in_([r.id for r in rows]))
        .order_by(m.Position.ordinal),
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
            m.Section.document_id,
            m.Section.position,
            m.Section.depth,
            m.Section.label,
            m.Section.title,
            m.Section.start,
            m.Section.end,
        ).where(m.Section.document_id.in_(ids))
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
    f_ = m.Figure
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
        .join(m.Document, m.Document.id == f_.document_id)
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
    x = m.Directive
    rows = conn.execute(
        select(x.document_id, x.text, x.modality, x.verb, m.Section.title.label("section"), x.start, x.end)
        .outerjoin(m.Section, m.Section.id == m.Directive.section_id)
        .where(m.Directive.document_id.in_(ids))
        .order_by(m.Directive.document_id, m.Directive.start)
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
        select(m.InitiativeMention.document_id, m.InitiativeVariant.variant)
        .join(m.InitiativeVariant)
        .where(m.InitiativeMention.document_id.in_(ids), m.InitiativeMention.quoted.is_(True))
        .order_by(m.InitiativeMention.document_id, m.InitiativeMention.start)
    )
    out: dict[int, list[str]] = defaultdict(list)
    for doc_id, variant in rows:
        if variant not in out[doc_id]:
            out[doc_id].append(variant)
    return out
