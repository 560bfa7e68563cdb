"""The CLI: help on every command, exit codes and output of each question, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import policykb
from policykb.cli import main

from .conftest import ON_PG, SEEDS, sqlite_only


def run(*args: str, db: str | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    argv = (["--db", db] if db else []) + list(args)
    result = runner.invoke(main, argv, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example:" in out, f"{command} --help lacks an Example: block"


def test_group_help() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "provinces" in out and "ingest" in out


def test_ingest_summary_and_second_run(db_url: str) -> None:
    code, out, _ = run("ingest", str(SEEDS), db=db_url)
    assert code == 0
    assert out.startswith("5 files: 5 stored, 0 already stored, 0 failed; 8 articles,")
    code, out, _ = run("ingest", str(SEEDS), db=db_url)
    assert code == 0 and "0 stored, 5 already stored" in out


def test_ingest_bad_file_exits_nonzero_with_one_line(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("标题\n\n要坚持和发展新时代“枫桥经验”。\n", encoding="utf-8")
    code, out, err = run("ingest", str(tmp_path), db=db_url)
    assert code == 1
    lines = err.strip().splitlines()
    assert lines == [f"error: {tmp_path / 'empty.txt'}: empty file"]
    assert "1 stored" in out


def test_provinces_json_is_what_score_py_reads(seeded_url: str) -> None:
    code, out, _ = run("provinces", "枫桥经验", "--format", "json", db=seeded_url)
    assert code == 0
    rows = json.loads(out)
    assert {r["region"] for r in rows} == {"上海市", "云南省", "内蒙古自治区", "山西省"}
    assert all("«枫桥经验»" in r["snippet"] for r in rows)


def test_provinces_variant_and_fallback(seeded_url: str) -> None:
    code, out, _ = run("provinces", "一室两队", "--format", "json", db=seeded_url)
    assert code == 0 and {r["region"] for r in json.loads(out)} == {"内蒙古自治区", "山西省"}
    code, out, err = run("provinces", "扫黑除恶", "--format", "json", db=seeded_url)
    assert code == 0 and "not a known initiative" in err
    assert {r["region"] for r in json.loads(out)} == {"云南省", "内蒙古自治区", "湖南省"}


def test_provinces_table(seeded_url: str) -> None:
    code, out, _ = run("provinces", "情指行", db=seeded_url)
    assert code == 0
    assert out.splitlines()[0].startswith("initiative: 情指行")
    assert "山东省" in out and "region" in out.splitlines()[1]


def test_initiatives_ranked_and_filtered(seeded_url: str) -> None:
    code, out, _ = run("initiatives", "--min-regions", "4", "--format", "json", db=seeded_url)
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["regions"] >= 4 for r in rows)
    assert [r["regions"] for r in rows] == sorted((r["regions"] for r in rows), reverse=True)
    code, out, _ = run("initiatives", "--region", "37", "--format", "csv", "--limit", "5", db=seeded_url)
    assert code == 0 and len(list(csv.reader(io.StringIO(out)))) == 6


def test_compare(seeded_url: str) -> None:
    code, out, _ = run("compare", "山东", "湖南", "--format", "json", db=seeded_url)
    assert code == 0
    rows = json.loads(out)
    both = {r["initiative"] for r in rows if r["in"] == "both"}
    assert "第一议题" in both and "情指行" in both
    assert {r["in"] for r in rows} <= {"both", "山东省", "湖南省"}


def test_unknown_region_is_one_line_error(seeded_url: str) -> None:
    code, _, err = run("compare", "山东", "亚特兰蒂斯", db=seeded_url)
    assert code == 1 and err.strip().splitlines() == [
        "Error: unknown region: '亚特兰蒂斯' (give a province-level name, short name or code)"
    ]


def test_documents_and_docs_alias(seeded_url: str) -> None:
    code, out, _ = run("documents", "--format", "json", db=seeded_url)
    assert code == 0 and len(json.loads(out)) == 8
    code, out, _ = run("docs", "--region", "内蒙古", "--format", "json", db=seeded_url)
    assert code == 0 and {d["region"] for d in json.loads(out)} == {"内蒙古自治区"}
    code, out, _ = run("docs", "--text", "湘易办", "--format", "json", db=seeded_url)
    assert code == 0 and [d["region"] for d in json.loads(out)] == ["湖南省"]


def test_show(seeded_url: str) -> None:
    code, out, _ = run("documents", "--region", "山西", "--format", "json", db=seeded_url)
    doc_id = json.loads(out)[0]["id"]
    code, out, _ = run("show", str(doc_id), db=seeded_url)
    assert code == 0
    assert "山西省公安厅厅长" in out and "outline:" in out and "counts:" in out
    code, _, err = run("show", "99999", db=seeded_url)
    assert code == 1 and "no document with id 99999" in err


def test_figures_filters(seeded_url: str) -> None:
    code, out, _ = run(
        "figures", "--unit", "%", "--sort", "value", "--desc", "--format", "json", db=seeded_url
    )
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["unit"] == "%" for r in rows)
    values = [r["value"] for r in rows if r["value"] is not None]
    assert values == sorted(values, reverse=True)
    code, out, _ = run("figures", "--min", "1000000", "--format", "json", db=seeded_url)
    assert code == 0 and all(r["value"] >= 1000000 for r in json.loads(out))


def test_directives_filters(seeded_url: str) -> None:
    code, out, _ = run(
        "directives", "--modality", "must", "--region", "内蒙古", "--format", "json", db=seeded_url
    )
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["modality"] == "must" and r["region"] == "内蒙古自治区" for r in rows)


def test_search_long_and_short_terms(seeded_url: str) -> None:
    code, out, _ = run("search", "矛盾纠纷", "--format", "json", db=seeded_url)
    assert code == 0
    rows = json.loads(out)
    assert rows and all("«" in r["snippet"] for r in rows)
    code, out, _ = run("search", "湘", "--format", "json", db=seeded_url)  # one character: the scan
    assert code == 0 and any(r["region"] == "湖南省" for r in json.loads(out))


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO people (name) VALUES ('x')",
        "UPDATE documents SET title = 'x'",
        "DELETE FROM documents",
        "DROP TABLE documents",
        "ATTACH DATABASE ':memory:' AS other",
        "PRAGMA writable_schema = ON",
        "SELECT load_extension('x')",
        "SELECT 1; DELETE FROM documents",
    ],
)
def test_sql_refuses_writes(seeded_url: str, statement: str) -> None:
    before = run("sql", "SELECT COUNT(*) AS n FROM documents", "--format", "json", db=seeded_url)[1]
    code, _, err = run("sql", statement, db=seeded_url)
    assert code == 1 and len(err.strip().splitlines()) == 1
    after = run("sql", "SELECT COUNT(*) AS n FROM documents", "--format", "json", db=seeded_url)[1]
    assert before == after and json.loads(after)[0]["n"] == 8


def test_sql_time_limit(seeded_url: str) -> None:
    runaway = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"
        if not ON_PG
        else "SELECT pg_sleep(5)"
    )
    code, _, err = run("sql", runaway, "--timeout", "0.5", db=seeded_url)
    assert code == 1 and "time limit" in err


def test_sql_select_and_views(seeded_url: str) -> None:
    code, out, _ = run(
        "sql",
        "SELECT region FROM initiative_regions WHERE initiative = '枫桥经验' ORDER BY region",
        "--format",
        "csv",
        db=seeded_url,
    )
    assert code == 0
    assert out.splitlines() == ["region", "上海市", "云南省", "内蒙古自治区", "山西省"]


def test_stats(seeded_url: str) -> None:
    code, out, _ = run("stats", "--format", "json", db=seeded_url)
    assert code == 0
    s = json.loads(out)
    assert s["tables"]["documents"] == 8 and s["regions"]["内蒙古自治区"] == 2


def test_export_json_and_jsonl(seeded_url: str, tmp_path: Path) -> None:
    out_file = tmp_path / "out.json"
    code, _, _ = run("export", "--output", str(out_file), db=seeded_url)
    assert code == 0 and len(json.loads(out_file.read_text(encoding="utf-8"))["documents"]) == 8
    code, out, _ = run("export", "--format", "jsonl", db=seeded_url)
    assert code == 0 and len(out.strip().splitlines()) == 8


@sqlite_only
def test_query_on_missing_database_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("provinces", "枫桥经验", db=str(tmp_path / "none.db"))
    assert code == 1 and "no such database" in err and len(err.strip().splitlines()) == 1


@sqlite_only
def test_queries_import_neither_jieba_nor_the_orm(seeded_url: str) -> None:
    """Questions start fast: no jieba dictionary, no ORM (the query path reads Core tables), no
    Alembic (a database at the newest revision needs no migration)."""
    for argv in (
        ["--help"],
        ["--db", seeded_url, "provinces", "枫桥经验", "--format", "json"],
        ["--db", seeded_url, "search", "枫桥经验"],
        ["--db", seeded_url, "stats"],
        ["--db", seeded_url, "show", "1"],
    ):
        code = (
            "import sys; from policykb.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "loaded = [m for m in ('jieba', 'sqlalchemy.orm', 'alembic') if m in sys.modules]\n"
            "assert not loaded, f'imported: {loaded}'\n"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


def test_api_matches_cli(seeded_url: str) -> None:
    with policykb.open_kb(seeded_url) as kb:
        answer = kb.provinces("两队一室")
        assert {r.region for r in answer.rows} == {"内蒙古自治区", "山西省"}
        assert not answer.fallback
        assert kb.search("枫桥经验", limit=3)
        assert kb.compare("内蒙古", "150000").shared
        assert kb.stats().tables["documents"] == 8


def test_variants_and_regroup(db_url: str, tmp_path: Path) -> None:
    assert run("ingest", str(SEEDS), db=db_url)[0] == 0
    code, out, _ = run("variants", "--initiative", "两队一室", "--format", "json", db=db_url)
    assert code == 0
    spellings = {r["variant"] for r in json.loads(out)}
    assert {"两队一室", "一室两队"} <= spellings
    # a user's override: 一室两队 becomes an initiative of its own, and stays so after a re-ingest
    code, out, _ = run("regroup", "一室两队", "一室两队（单列）", db=db_url)
    assert code == 0 and "→ 一室两队（单列）" in out
    assert run("ingest", "--force", str(SEEDS), db=db_url)[0] == 0
    code, out, _ = run("variants", "--initiative", "一室两队（单列）", "--format", "json", db=db_url)
    assert code == 0 and [r["variant"] for r in json.loads(out)] == ["一室两队"]
    assert json.loads(out)[0]["origin"] == "user"
    groups = tmp_path / "groups.tsv"
    groups.write_text("# spelling\tinitiative\n一室两队\t两队一室\n", encoding="utf-8")
    assert run("regroup", "--file", str(groups), db=db_url)[0] == 0
    code, out, _ = run("provinces", "两队一室", "--format", "json", db=db_url)
    assert {r["region"] for r in json.loads(out)} == {"内蒙古自治区", "山西省"}
    code, _, err = run("regroup", "没有这个说法", "两队一室", db=db_url)
    assert code == 1 and "unknown initiative spelling" in err
