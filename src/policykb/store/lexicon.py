"""The corpus-wide initiative lexicon: load it for parsing, and bring older articles up to date.

Once a term is known as an initiative (seen quoted anywhere), its unquoted occurrences in any
article are mentions too. Articles parsed before the term was known get those mentions here.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from sqlalchemy import Connection, Engine, delete, select

from ..clean import OffsetMap
from ..extract.initiatives import Lexicon
from ..fold import fold_for_matching
from ..parse import unquoted_mentions
from . import models as m
from .search import documents_containing
from .write import _insert_ignore, variant_ids, write_document_variants


def load_lexicon(engine: Engine) -> tuple[Lexicon, int]:
    """Every known spelling, each with its match variants, and the highest variant id read."""
    lexicon = Lexicon()
    last = 0
    with engine.connect() as conn:
        for variant_id, variant in conn.execute(
            select(m.InitiativeVariant.id, m.InitiativeVariant.variant).order_by(m.InitiativeVariant.id)
        ):
            lexicon.add_term(variant)
            last = variant_id
    return lexicon, last


def refresh_mentions(conn: Connection, *, knew: Lexicon | None = None, run_docs: Collection[int] = ()) -> int:
    """Add unquoted mentions of newly seen terms to the articles parsed without knowing them, for
    every row of ``pending_refreshes`` (left by this run or by one that was interrupted), then clear
    those rows.

    An article is searched for a term when its parse knew only older terms
    (``documents.lexicon_version`` below the variant's id), it is not from the file that brought the
    term, and it is not one of this run's articles (``run_docs``) whose lexicon (``knew``) held the
    term already. Candidates come from the full-text index, so the cost follows the hits, not the
    corpus; a term no stored article can lack is not searched at all. Returns the number of mentions
    added.
    """
    pending = conn.execute(
        select(m.PendingRefresh.variant_id, m.PendingRefresh.source_id, m.InitiativeVariant.variant).join(
            m.InitiativeVariant, m.InitiativeVariant.id == m.PendingRefresh.variant_id
        )
    ).all()
    if not pending:
        return 0
    top = max(p[0] for p in pending)
    older = {
        d: (src, version)
        for d, src, version in conn.execute(
            select(m.Document.id, m.Document.source_id, m.Document.lexicon_version).where(
                m.Document.lexicon_version < top
            )
        )
    }
    # the oldest lexicon among this run's articles and among the others: a term newer than neither
    # is lacking from no article, and its search is skipped
    oldest_run = min((v for d, (_, v) in older.items() if d in run_docs), default=top)
    oldest_other = min((v for d, (_, v) in older.items() if d not in run_docs), default=top)
    todo = [
        (variant_id, source_id, variant, knew is not None and variant in knew)
        for variant_id, source_id, variant in pending
    ]
    todo = [t for t in todo if oldest_other < t[0] or (not t[3] and oldest_run < t[0])]
    if len(older) * SCAN_COST < len(todo):
        per_doc = _lacking_by_scanning(older, todo, run_docs)
    else:
        per_doc = _lacking_by_index(conn, older, todo, run_docs, top)
    added = 0
    for doc_id in sorted(per_doc):
        added += _refresh_document(conn, doc_id, per_doc[doc_id])
    conn.execute(delete(m.PendingRefresh).where(m.PendingRefresh.variant_id.in_([p[0] for p in pending])))
    return added


# A refresh either asks the full-text index which articles hold each new term (about a millisecond a
# term, more for common ones) or reads every article that may lack one (a few milliseconds an
# article): the second when the articles are fewer than the terms by this factor (a small database
# taking a large batch).
SCAN_COST = 5

_Todo = tuple[int, int, str, bool]  # variant id, the source that brought it, spelling, known to the run


def _lacks(version: int, src: int, in_run: bool, todo: _Todo) -> bool:
    """Whether an article (its lexicon version, source, made by this run) was parsed without a term."""
    variant_id, source_id, _, known = todo
    return version < variant_id and src != source_id and not (known and in_run)


def _lacking_by_index(
    conn: Connection,
    older: dict[int, tuple[int, int]],
    todo: list[_Todo],
    run_docs: Collection[int],
    top: int,
) -> dict[int, Lexicon]:
    """Per article, the new terms it holds and lacks: candidates from the full-text index."""
    per_doc: dict[int, Lexicon] = {}
    for item in todo:
        forms = Lexicon()
        forms.add_term(item[2])
        for form in forms.variants():
            for doc_id in documents_containing(conn, form):
                src, version = older.get(doc_id, (item[1], top))
                if _lacks(version, src, doc_id in run_docs, item):
                    per_doc.setdefault(doc_id, Lexicon()).add_term(item[2])
    return per_doc


def _lacking_by_scanning(
    older: dict[int, tuple[int, int]], todo: list[_Todo], run_docs: Collection[int]
) -> dict[int, Lexicon]:
    """Per article, every new term it lacks (whether it holds it is left to the scan). Articles with
    the same lexicon version share one lexicon."""
    sources = {item[1] for item in todo}
    groups: dict[tuple[int, int | None, bool], list[int]] = {}
    for doc_id, (src, version) in older.items():
        key = (version, src if src in sources else None, doc_id in run_docs)
        groups.setdefault(key, []).append(doc_id)
    per_doc: dict[int, Lexicon] = {}
    for (version, group_src, in_run), docs in groups.items():
        src_id = -1 if group_src is None else group_src  # -1: from no source that brought a term
        terms = [item[2] for item in todo if _lacks(version, src_id, in_run, item)]
        if terms:
            lexicon = Lexicon()
            for term in terms:
                lexicon.add_term(term)
            per_doc.update(dict.fromkeys(docs, lexicon))
    return per_doc


def _refresh_document(conn: Connection, doc_id: int, lexicon: Lexicon) -> int:
    body, omap_json, region_id = conn.execute(
        select(m.Document.body, m.Document.offset_map, m.Document.region_id).where(m.Document.id == doc_id)
    ).one()
    omap = OffsetMap.from_pieces(json.loads(omap_json))
    taken = [
        (s, e)
        for s, e in conn.execute(
            select(m.InitiativeMention.start, m.InitiativeMention.end).where(
                m.InitiativeMention.document_id == doc_id
            )
        )
    ]
    sections = conn.execute(
        select(m.Section.start, m.Section.id).where(m.Section.document_id == doc_id).order_by(m.Section.start)
    ).all()
    hits = []
    for hit in unquoted_mentions(fold_for_matching(body), lexicon):
        start, end = omap.span(hit.start, hit.end)
        if not any(s < end and start < e for s, e in taken):
            hits.append((hit, start, end))
    if not hits:
        return 0
    ids, _ = variant_ids(conn, {h.term: h.canonical for h, _, _ in hits})
    rows = []
    for hit, start, end in hits:
        vid = ids[hit.term]
        section = None
        for s_start, s_id in sections:
            if s_start <= start:
                section = s_id
        rows.append(
            {
                "document_id": doc_id,
                "section_id": section,
                "variant_id": vid,
                "quoted": False,
                "start": start,
                "end": end,
            }
        )
    if rows:
        conn.execute(_insert_ignore(conn, m.InitiativeMention), rows)
        write_document_variants(conn, doc_id, region_id, [ids[h.term] for h, _, _ in hits])
    return len(rows)


def regroup_variant(conn: Connection, variant: str, target: str) -> tuple[str, str]:
    """Put a spelling under another initiative (by the initiative's name or one of its spellings),
    creating that initiative when none has the name. The choice is marked ``origin='user'`` and kept
    across re-ingests. Returns (old initiative name, new initiative name)."""
    from sqlalchemy import delete, func, insert, update

    from ..errors import QueryError

    row = conn.execute(
        select(m.InitiativeVariant.id, m.Initiative.name, m.Initiative.id)
        .join(m.Initiative)
        .where(m.InitiativeVariant.variant == variant)
    ).first()
    if row is None:
        raise QueryError(f"unknown initiative spelling: {variant!r} (see `policykb variants`)")
    variant_id, old_name, old_id = row
    found = conn.execute(
        select(m.Initiative.id, m.Initiative.name).where(m.Initiative.name == target)
    ).first()
    if found is None:
        found = conn.execute(
            select(m.Initiative.id, m.Initiative.name)
            .join(m.InitiativeVariant)
            .where(m.InitiativeVariant.variant == target)
        ).first()
    if found is None:
        new_id = conn.execute(
            insert(m.Initiative).returning(m.Initiative.id), {"name": target, "key": "user:" + target}
        ).scalar_one()
        new_name = target
    else:
        new_id, new_name = found
    conn.execute(
        update(m.InitiativeVariant)
        .where(m.InitiativeVariant.id == variant_id)
        .values(initiative_id=new_id, origin="user")
    )
    left = conn.execute(
        select(func.count())
        .select_from(m.InitiativeVariant)
        .where(m.InitiativeVariant.initiative_id == old_id)
    ).scalar_one()
    if not left:
        conn.execute(delete(m.Initiative).where(m.Initiative.id == old_id))
    return str(old_name), str(new_name)
