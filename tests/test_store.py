"""Storage: migrations, ingest (idempotent, whole files only, bad input, encodings) and export."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

import policykb
from policykb.errors import DatabaseError
from policykb.store import models as m
from policykb.store.db import HEAD_REVISION, alembic_config, database_url, head_revision, open_engine

from .conftest import ON_PG, SEEDS, sqlite_only

ARTICLE = (
    "深化平安建设 护航高质量发展\n\n■ 周明远\n\n一、坚持党的领导\n\n"
    "全省公安机关要坚持和发展新时代“枫桥经验”，依法打掉犯罪团伙12个。\n\n"
    "二、推进改革\n\n要深化“两队一室”改革，严禁以罚代管。\n"
)


def _count(url: str, model: type[m.Base]) -> int:
    engine = open_engine(url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return int(n)


# ----------------------------------------------------------------------------- migrations


def test_migrations_create_every_table(db_url: str) -> None:
    engine = open_engine(db_url)
    from sqlalchemy import inspect

    tables = set(inspect(engine).get_table_names())
    assert set(m.Base.metadata.tables) <= tables
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
        provinces = conn.execute(
            select(func.count()).select_from(m.Region).where(m.Region.level == "province")
        )
        assert provinces.scalar_one() == 34
    engine.dispose()


def test_models_and_migrations_agree(db_url: str) -> None:
    from alembic import command

    engine = open_engine(db_url)
    with engine.connect() as conn:
        command.check(alembic_config(conn))  # raises if autogenerate would change anything
    engine.dispose()


def test_upgrading_a_database_fills_document_variants_from_its_mentions(db_url: str) -> None:
    """A database made before 0002 (down to 0001, which drops the table) gets document_variants
    filled from the mentions it holds."""
    from alembic import command

    with policykb.open_kb(db_url) as kb:
        assert kb.ingest([SEEDS]).ok
    engine = open_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    engine.dispose()
    stored, want = _in_step(db_url)
    assert stored == want and len(stored) > 100


def test_models_type_every_column_of_their_tables() -> None:
    """The ORM models are mapped onto the Core tables; their ``Mapped[]`` annotations (what type
    checkers see) name every column, and say ``None`` exactly where the column is nullable."""
    models = list(m.Base.registry.mappers)
    assert {mp.local_table.name for mp in models} == set(m.Base.metadata.tables)
    for mp in models:
        cls, table = mp.class_, mp.local_table
        hints = {k: v for k, v in cls.__annotations__.items() if str(v).startswith("Mapped[")}
        assert set(hints) == set(table.c.keys()), cls.__name__
        for name, hint in hints.items():
            assert ("None" in hint) == bool(table.c[name].nullable), f"{cls.__name__}.{name}: {hint}"


def test_one_head() -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1
    assert heads[0] == HEAD_REVISION, "update store/db.py HEAD_REVISION with each new migration"


@sqlite_only
def test_foreign_keys_enforced_on_sqlite(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "kb.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        with pytest.raises(Exception, match="FOREIGN KEY"):
            conn.execute(text("INSERT INTO keywords (document_id, ordinal, keyword) VALUES (999, 1, 'x')"))
    engine.dispose()


@sqlite_only
def test_database_newer_than_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    open_engine(path).dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    with pytest.raises(DatabaseError, match="newer than this policykb"):
        open_engine(path)


@sqlite_only
def test_not_a_policykb_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE stuff (x)")
    with pytest.raises(DatabaseError, match="not a policykb database"):
        open_engine(path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 10)
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        open_engine(junk)


@sqlite_only
def test_new_file_opened_while_another_process_reads_it(tmp_path: Path) -> None:
    """Switching a new file to WAL fails at once (SQLite calls no busy handler) while another
    connection holds the write lock of the file in rollback mode; the open must wait for the lock
    instead of reporting 'database is locked'. (Two ingests started together on a new file hit this
    in CI.)"""
    import threading

    path = tmp_path / "kb.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the write lock, in rollback-journal mode
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        engine = open_engine(path)
    finally:
        release.join()
        other.close()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.execute(select(func.count()).select_from(m.Region)).scalar_one() >= 34
    engine.dispose()


def test_database_url_accepts_paths_and_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url("a/b.db") == "sqlite:///a/b.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("POLICYKB_DB", "env.db")
    assert database_url(None) == "sqlite:///env.db"


# ----------------------------------------------------------------------------- ingest


def test_ingest_seeds_is_idempotent(db_url: str) -> None:
    with policykb.open_kb(db_url) as kb:
        first = kb.ingest([SEEDS])
        assert first.ok and first.stored == 5 and first.articles == 8
        before = {
            t: _count(db_url, t) for t in (m.Document, m.Figure, m.Directive, m.InitiativeMention, m.Section)
        }
        second = kb.ingest([SEEDS])
    assert second.stored == 0 and second.skipped == 5
    after = {t: _count(db_url, t) for t in before}
    assert after == before


def test_force_reparses_and_replaces_rows(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    with policykb.open_kb(db_url) as kb:
        kb.ingest([f])
        docs = _count(db_url, m.Document)
        report = kb.ingest([f], force=True)
    assert report.stored == 1 and report.skipped == 0
    assert _count(db_url, m.Document) == docs == 1
    assert _count(db_url, m.Source) == 1


def _bad_inputs(folder: Path) -> dict[str, str]:
    """File name → the words its one-line error must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "undecodable.txt").write_bytes("公安工作".encode() + b"\xff\xff\xff")
    (folder / "big.txt").write_text("公安工作。" * 400, encoding="utf-8")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "undecodable.txt": "cannot decode",
        "big.txt": "too large",
    }


def test_bad_input_gets_one_line_and_good_files_land(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected = _bad_inputs(folder)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with policykb.open_kb(db_url) as kb:
        report = kb.ingest([folder], max_bytes=5000)
    assert report.stored == 1
    failed = {Path(p).name: reason for p, reason in report.failed}
    assert set(failed) == set(expected)
    for name, words in expected.items():
        assert words in failed[name] and name in failed[name] and "\n" not in failed[name]
    assert _count(db_url, m.Source) == 1


def test_failing_file_leaves_no_partial_rows(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policykb.store import write

    good, bad = tmp_path / "1.txt", tmp_path / "2.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_text(ARTICLE.replace("周明远", "吴立新"), encoding="utf-8")
    real = write._write_regions

    def explode(conn, doc_id, a, regions):  # type: ignore[no-untyped-def]
        if any(x.name == "吴立新" for x in a.authors):
            raise RuntimeError("disk on fire")
        return real(conn, doc_id, a, regions)

    monkeypatch.setattr(write, "_write_regions", explode)
    with policykb.open_kb(db_url) as kb, pytest.raises(RuntimeError):
        kb.ingest([tmp_path])
    assert _count(db_url, m.Source) == 1
    assert _count(db_url, m.Document) == 1
    assert _count(db_url, m.Person) == 1


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", ARTICLE.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + ARTICLE.encode("utf-8")),
        ("gb18030", ARTICLE.encode("gb18030")),
        ("utf-16", ARTICLE.encode("utf-16")),
        ("utf-16", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
    ],
)
def test_encodings_are_detected_and_stored(db_url: str, tmp_path: Path, encoding: str, data: bytes) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    with policykb.open_kb(db_url) as kb:
        report = kb.ingest([f])
        assert report.ok
        docs = list(kb.export())
    engine = open_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(select(m.Source.encoding)).scalar_one() == encoding
    engine.dispose()
    assert docs[0]["title"] == "深化平安建设护航高质量发展"


def test_missing_path_is_reported(db_url: str, tmp_path: Path) -> None:
    with policykb.open_kb(db_url) as kb:
        report = kb.ingest([tmp_path / "nope"])
    assert not report.ok and "no such file" in report.failed[0][1]


# ----------------------------------------------------------------------------- export


def test_export_carries_offsets_into_the_source(seeded_url: str) -> None:
    with policykb.open_kb(seeded_url) as kb:
        docs = list(kb.export())
    assert len(docs) == 8
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    checked = 0
    for doc in docs:
        source = texts[doc["source"]]
        for s in doc["sections"]:
            printed = "".join(source[s["start"] : s["end"]].split())
            assert "".join(s["title"].split())[:4] in printed.replace('"', '"'), (s, printed)
            checked += 1
        for f in doc["figures"]:
            assert 0 <= f["start"] < f["end"] <= len(source)
        for d in doc["directives"]:
            assert "".join(source[d["start"] : d["end"]].split())[:6] == "".join(d["text"].split())[:6]
    assert checked > 100


def test_export_fields_match_the_gold_schema(seed_docs: list[dict[str, object]]) -> None:
    keys = {
        "source",
        "title",
        "subtitle",
        "authors",
        "editors",
        "region",
        "keywords",
        "has_abstract",
        "sections",
        "figures",
        "initiatives",
        "regions_mentioned",
        "directives",
    }
    for doc in seed_docs:
        assert keys <= set(doc)


# ----------------------------------------------------------------------------- wheel


@sqlite_only
@pytest.mark.skipif(os.environ.get("POLICYKB_SKIP_WHEEL") == "1", reason="wheel test disabled")
def test_wheel_install_creates_a_database(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(root),
        ],
        check=True,
    )
    wheel = next(dist.glob("policykb-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)], check=True
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POLICYKB_DB")}
    # the dependencies come from this interpreter's site-packages (no network needed); policykb
    # itself only from the wheel: the editable install's path hook lives in a .pth file, which
    # PYTHONPATH entries do not run
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    (empty / "a.txt").write_text(ARTICLE, encoding="utf-8")
    subprocess.run(
        [str(venv / "bin" / "policykb"), "--db", "x.db", "ingest", "a.txt"],
        cwd=empty,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    out = subprocess.run(
        [str(venv / "bin" / "policykb"), "--db", "x.db", "stats", "--format", "json"],
        cwd=empty,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(out.stdout)["tables"]["regions"] > 34
    shown = subprocess.run(
        [str(py), "-c", "import policykb.store.db as d; print(d.migrations_dir())"],
        cwd=empty,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert str(root) not in shown  # the migrations came from the wheel, not the checkout
    shutil.rmtree(venv)


def test_pg_engine_is_used_when_asked() -> None:
    if not ON_PG:
        pytest.skip("PostgreSQL run only")
    engine = create_engine(os.environ["POLICYKB_TEST_DB"])
    assert engine.dialect.name == "postgresql"
    engine.dispose()


def test_traditional_and_full_width_text_is_folded_for_matching(db_url: str, tmp_path: Path) -> None:
    f = tmp_path / "trad.txt"
    f.write_text(
        "堅持和發展新時代楓橋經驗\n\n■ 周明遠\n\n一、夯實基層基礎\n\n"
        "全省公安機關要堅持和發展新時代“楓橋經驗”，打掉犯罪團夥１２個。\n",
        encoding="utf-8",
    )
    with policykb.open_kb(db_url) as kb:
        assert kb.ingest([f]).ok
        doc = next(iter(kb.export()))
        answer = kb.provinces("枫桥经验")
    assert "枫桥经验" in doc["initiatives"]
    assert [(x["value"], x["unit"]) for x in doc["figures"]] == [(12, "个")]
    assert doc["title"] == "堅持和發展新時代楓橋經驗"  # the stored text keeps what the source printed
    assert not answer.fallback


def _mention_sets(url: str) -> dict[str, set[tuple[str, bool]]]:
    """Per source file and article: the (variant, quoted) pairs stored."""
    engine = open_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Source.name, m.Document.ordinal, m.InitiativeVariant.variant, m.InitiativeMention.quoted)
            .join(m.Document, m.Document.source_id == m.Source.id)
            .join(m.InitiativeMention, m.InitiativeMention.document_id == m.Document.id)
            .join(m.InitiativeVariant, m.InitiativeVariant.id == m.InitiativeMention.variant_id)
        ).all()
    engine.dispose()
    out: dict[str, set[tuple[str, bool]]] = {}
    for name, ordinal, variant, quoted in rows:
        out.setdefault(f"{name}#{ordinal}", set()).add((variant, bool(quoted)))
    return out


def test_older_articles_get_mentions_of_terms_learnt_later(tmp_path: Path) -> None:
    """Ingest order does not matter: a term first quoted in a later file is found unquoted in
    the files stored before it; with --jobs 2 the mentions are the same too."""
    forward, backward, parallel = (str(tmp_path / f"{n}.db") for n in ("f", "b", "p"))
    files = sorted(SEEDS.glob("*.txt"))
    with policykb.open_kb(forward) as kb:
        kb.ingest(files)
    with policykb.open_kb(backward) as kb:
        for f in reversed(files):
            kb.ingest([f])
    with policykb.open_kb(parallel) as kb:
        kb.ingest(files, jobs=2)
    expected = _mention_sets(forward)
    assert _mention_sets(backward) == expected
    assert _mention_sets(parallel) == expected
    with policykb.open_kb(backward) as kb:
        assert {r.region for r in kb.provinces("新质公安战斗力").rows} == {
            "上海市",
            "内蒙古自治区",
            "山东省",
            "山西省",
            "湖南省",
        }


def test_one_run_knows_every_term_of_the_run_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass reads every file's quoted terms, so an article stored early in a run already
    has the unquoted mentions of a term that only a later file quotes: the end-of-run refresh has
    nothing left to do for the run's own articles."""
    import policykb.ingest as ingest_module

    (tmp_path / "a.txt").write_text(
        "基层治理调研报告\n\n各地推进城乡社区网格化服务管理，持续深化平安守护计划，群众安全感不断增强。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "全面推进“平安守护计划”\n\n近年来，我省实施“平安守护计划”，基层基础不断夯实。\n", encoding="utf-8"
    )
    db = str(tmp_path / "kb.db")
    monkeypatch.setattr(ingest_module, "refresh_mentions", lambda *args, **kwargs: 0)
    with policykb.open_kb(db) as kb:
        assert kb.ingest([tmp_path / "a.txt", tmp_path / "b.txt"]).ok
    got = _mention_sets(db)
    assert ("平安守护计划", False) in got["a.txt#1"]
    assert ("平安守护计划", True) in got["b.txt#1"]


# ----------------------------------------------------------------------------- provinces from indexes


def _provinces_by_join(url: str) -> dict[int, dict[str, tuple[int, int]]]:
    """Per initiative: region → (articles, first article id), by the plain join over every mention
    row (the reference that query.articles_by_region must agree with)."""
    d = m.Document
    engine = open_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                m.InitiativeVariant.initiative_id, m.Region.name, func.count(d.id.distinct()), func.min(d.id)
            )
            .join(m.InitiativeMention, m.InitiativeMention.variant_id == m.InitiativeVariant.id)
            .join(d, d.id == m.InitiativeMention.document_id)
            .join(m.Region, m.Region.id == d.region_id)
            .group_by(m.InitiativeVariant.initiative_id, m.Region.name)
        ).all()
    engine.dispose()
    out: dict[int, dict[str, tuple[int, int]]] = {}
    for ini_id, region, n, first in rows:
        out.setdefault(ini_id, {})[region] = (n, first)
    return out


def _provinces_answered(url: str) -> dict[int, dict[str, tuple[int, int]]]:
    """The same, as ``provinces`` answers it, asked by one spelling of each initiative."""
    engine = open_engine(url)
    with engine.connect() as conn:
        spellings = conn.execute(
            select(m.InitiativeVariant.initiative_id, func.min(m.InitiativeVariant.variant)).group_by(
                m.InitiativeVariant.initiative_id
            )
        ).all()
    engine.dispose()
    out: dict[int, dict[str, tuple[int, int]]] = {}
    with policykb.open_kb(url) as kb:
        for ini_id, spelling in spellings:
            answer = kb.provinces(spelling)
            assert not answer.fallback
            if answer.rows:
                out[ini_id] = {r.region: (r.articles, r.document_id) for r in answer.rows}
    return out


def _assert_provinces_agree(url: str) -> None:
    expected = _provinces_by_join(url)
    assert expected  # the seeds mention initiatives in articles with a home region
    assert _provinces_answered(url) == expected


def test_provinces_agree_with_the_mentions_after_ingest_force_and_regroup(db_url: str) -> None:
    with policykb.open_kb(db_url) as kb:
        assert kb.ingest([SEEDS]).ok
    _assert_provinces_agree(db_url)
    with policykb.open_kb(db_url) as kb:
        assert kb.ingest([sorted(SEEDS.glob("*.txt"))[0]], force=True).stored == 1  # new article ids
        before = kb.provinces("两队一室")
        kb.regroup("一室两队", "一室两队（单列）")
        moved = kb.provinces("一室两队（单列）")
    _assert_provinces_agree(db_url)
    assert moved.rows and moved.initiative == "一室两队（单列）"
    with policykb.open_kb(db_url) as kb:
        kb.regroup("一室两队", "两队一室")
        assert kb.provinces("两队一室").rows == before.rows
    _assert_provinces_agree(db_url)


def test_provinces_agree_with_mentions_added_to_older_articles(db_url: str) -> None:
    """Ingested newest first, older articles get their mentions in the end-of-run refresh."""
    with policykb.open_kb(db_url) as kb:
        for f in sorted(SEEDS.glob("*.txt"), reverse=True):
            kb.ingest([f])
        assert {r.region for r in kb.provinces("新质公安战斗力").rows} == {
            "上海市",
            "内蒙古自治区",
            "山东省",
            "山西省",
            "湖南省",
        }
    _assert_provinces_agree(db_url)


@sqlite_only
def test_provinces_reads_indexes_not_article_rows(seeded_url: str) -> None:
    """The articles mentioning an initiative are counted from document_variants alone (one row per
    article and spelling, the region in the row): neither each mention (three per article for a
    common initiative) nor each article's row (its body is stored with it) is read."""
    from sqlalchemy import event

    from policykb import query

    engine = open_engine(seeded_url)
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    with engine.connect() as conn:
        ini_id = conn.execute(
            select(m.InitiativeVariant.initiative_id).where(m.InitiativeVariant.variant == "枫桥经验")
        ).scalar_one()
        event.listen(conn, "before_cursor_execute", capture)
        assert query.articles_by_region(conn, ini_id)
        event.remove(conn, "before_cursor_execute", capture)
        (statement, parameters), *_ = seen
        plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    engine.dispose()
    if engine.dialect.name == "sqlite":
        assert any("SEARCH document_variants USING PRIMARY KEY (variant_id=?)" in p for p in plan), plan
    assert not any("documents" in p.replace("document_variants", "") for p in plan), plan
    assert not any("initiative_mentions" in p for p in plan), plan


def _in_step(url: str) -> tuple[set[tuple[int, int, int | None]], set[tuple[int, int, int | None]]]:
    """document_variants, and what the mentions and the articles' regions say it should hold."""
    engine = open_engine(url)
    with engine.connect() as conn:
        stored = {
            tuple(r)
            for r in conn.execute(text("SELECT variant_id, document_id, region_id FROM document_variants"))
        }
        want = {
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT DISTINCT m.variant_id, m.document_id, d.region_id FROM initiative_mentions m "
                    "JOIN documents d ON d.id = m.document_id"
                )
            )
        }
    engine.dispose()
    return stored, want  # type: ignore[return-value]


def test_document_variants_keep_in_step_with_the_mentions(db_url: str, tmp_path: Path) -> None:
    """Through ingest, the search of older articles for a new term, --force and deletion."""
    import policykb

    first = tmp_path / "a" / "first.txt"
    first.parent.mkdir()
    first.write_text(
        "深化基层治理的实践与思考\n山东省公安厅厅长 王建国\n一、主要做法\n"
        "全面推行青禾守望工作法，社区警务室实现全覆盖。\n",
        encoding="utf-8",
    )
    second = tmp_path / "b" / "second.txt"
    second.parent.mkdir()
    second.write_text(
        "打造新时代基层治理样板\n湖南省公安厅厅长 李卫东\n一、主要做法\n"
        "推广“青禾守望工作法”，坚持和发展新时代“枫桥经验”。\n",
        encoding="utf-8",
    )
    with policykb.open_kb(db_url) as kb:
        kb.ingest([first.parent])
        stored, want = _in_step(db_url)
        assert stored == want
        kb.ingest([second.parent])  # the older article gets its unquoted mention of the new term
        stored, want = _in_step(db_url)
        assert stored == want and len({d for _, d, _ in stored}) == 2
        answer = kb.provinces("青禾守望工作法")
        assert {r.region for r in answer.rows} == {"山东省", "湖南省"}
        kb.ingest([second.parent], force=True)
        stored, want = _in_step(db_url)
        assert stored == want


@pytest.mark.parametrize("scan_cost", [0, 10**9], ids=["full-text-index", "scan-articles"])
def test_both_refresh_strategies_find_the_same_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_cost: int
) -> None:
    """A second run brings terms the first run's articles hold unquoted; whether the refresh finds
    them through the full-text index or by reading the articles, the mentions equal one run's."""
    import policykb.store.lexicon as lexicon_module

    files = sorted(SEEDS.glob("*.txt"))
    one_run, two_runs = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    with policykb.open_kb(one_run) as kb:
        kb.ingest(files)
    monkeypatch.setattr(lexicon_module, "SCAN_COST", scan_cost)
    with policykb.open_kb(two_runs) as kb:
        kb.ingest(files[:2])
        kb.ingest(files[2:])
    assert _mention_sets(two_runs) == _mention_sets(one_run)
