"""Keep the ``regions`` table in step with the bundled administrative-division data."""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select

from ..lexicon import read_tsv
from .models import Region


def sync_regions(engine: Engine) -> None:
    """Insert the regions of ``data/regions.tsv`` that the table lacks (idempotent)."""
    rows = read_tsv("regions.tsv")
    from .db import write_transaction

    with write_transaction(engine) as conn:
        have = conn.execute(select(func.count()).select_from(Region)).scalar_one()
        if have >= len(rows):
            return
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
