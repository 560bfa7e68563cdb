"""Keep the ``regions`` table in step with the bundled administrative-division data."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, func, insert, select

from ..lexicon import read_tsv
from .models import Region, RegionAlias


def sync_regions(engine: Engine) -> None:
    """Insert the regions of ``data/regions.tsv`` that the table lacks (idempotent)."""
    rows = read_tsv("regions.tsv")
    from .db import lock_schema, write_transaction

    with write_transaction(engine) as conn:
        lock_schema(conn)
        have = conn.execute(select(func.count()).select_from(Region)).scalar_one()
        if have >= len(rows):
            return
        _insert_regions(conn, rows)
        _insert_aliases(conn)


def _insert_aliases(conn: Connection) -> None:
    """Short names of the provinces and the aliases of ``data/region_aliases.tsv``."""
    ids = dict(conn.execute(select(Region.code, Region.id).where(Region.level == "province")).all())
    have = set(conn.execute(select(RegionAlias.region_id, RegionAlias.alias)).all())
    rows: dict[tuple[int, str], str] = {}
    for code, _name, short, level, _prov in read_tsv("regions.tsv"):
        if level == "province" and short and code in ids:
            rows[(ids[code], short)] = "short"
    for alias, code, kind, *_ in read_tsv("region_aliases.tsv"):
        if code in ids:
            rows.setdefault((ids[code], alias), kind)
    new = [{"region_id": r, "alias": a, "kind": k} for (r, a), k in rows.items() if (r, a) not in have]
    if new:
        conn.execute(insert(RegionAlias), new)


def _insert_regions(conn: Connection, rows: tuple[tuple[str, ...], ...]) -> None:
    known = dict(conn.execute(select(Region.code, Region.id)).all())
    provinces = [r for r in rows if r[3] == "province" and r[0] not in known]
    if provinces:
        conn.execute(
            insert(Region),
            [{"code": r[0], "name": r[1], "short_name": r[2] or None, "level": r[3]} for r in provinces],
        )
        known = dict(conn.execute(select(Region.code, Region.id)).all())
    others = [r for r in rows if r[3] != "province" and r[0] not in known]
    if others:
        conn.execute(
            insert(Region),
            [
                {
                    "code": r[0],
                    "name": r[1],
                    "short_name": r[2] or None,
                    "level": r[3],
                    "province_id": known.get(r[4]),
                }
                for r in others
            ],
        )
