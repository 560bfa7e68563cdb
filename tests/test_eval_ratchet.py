"""The ratchet: the seeds scored against ../shared/gold by ../shared/eval/score.py must not fall below
the floors in eval_floors.json. Raise a floor whenever a change raises the score; never lower one.

Skips where ../shared (the gold and the scorer) is not beside the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import policykb

from .conftest import SEEDS, SHARED, sqlite_only

SCORE = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold"
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))

pytestmark = [
    pytest.mark.skipif(
        not SCORE.exists() or not GOLD.exists(), reason="../shared/eval and ../shared/gold not present"
    ),
    sqlite_only,
]


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    tmp = tmp_path_factory.mktemp("ratchet")
    db = tmp / "kb.db"
    with policykb.open_kb(db) as kb:
        assert kb.ingest([SEEDS]).ok
        export = {"documents": list(kb.export())}
    out = tmp / "export.json"
    out.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    query_cmd = f"{sys.executable} -m policykb.cli --db {db} provinces {{term}} --format json"
    proc = subprocess.run(
        [
            sys.executable,
            str(SCORE),
            "--export",
            str(out),
            "--gold",
            str(GOLD),
            "--sources",
            str(SEEDS),
            "--query-cmd",
            query_cmd,
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, dict[str, float]] = json.loads(proc.stdout)
    return result


@pytest.mark.parametrize(("field", "measure"), [tuple(k.split(".")) for k in FLOORS])
def test_score_holds_its_floor(scores: dict[str, dict[str, float]], field: str, measure: str) -> None:
    floor = FLOORS[f"{field}.{measure}"]
    got = scores[field][measure]
    assert got is not None and got >= floor, f"{field} {measure} fell to {got} (floor {floor})"
