"""Concurrent writers and readers: two ``policykb ingest`` processes on overlapping folders into the
same database finish without lock errors and store every file exactly once; a reader polling while
an ingest runs never sees half of a file.

Runs on SQLite and, with POLICYKB_TEST_DB set, on PostgreSQL (each test gets a fresh database).
The writers are started "warm" (tests/helpers_corpus.py: dictionaries loaded, then released
together), so that they really overlap instead of being serialised by their start-up times.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

import policykb
from policykb.store.db import open_engine, write_transaction
from policykb.store.write import write_file

from .helpers_corpus import finish, go, start_ingest, write_corpus

SEED = 777
PART = 20  # files per folder
SUMMARY = re.compile(r"^(\d+) files: (\d+) stored, (\d+) already stored, (\d+) failed;", re.MULTILINE)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """part000–part002 (20 articles each) and ``copies``: part000's files again under other names."""
    root = tmp_path_factory.mktemp("concurrency")
    write_corpus(root / "corpus", 3 * PART, seed=SEED, per_folder=PART)
    parts = {p.name: p for p in sorted((root / "corpus").iterdir())}
    copies = root / "copies"
    copies.mkdir()
    for f in parts["part000"].iterdir():
        shutil.copyfile(f, copies / f"copy_of_{f.name}")
    return {**parts, "copies": copies}


def summary(out: str) -> tuple[int, int, int, int]:
    m = SUMMARY.search(out)
    assert m, out
    files, stored, skipped, failed = (int(x) for x in m.groups())
    return files, stored, skipped, failed


def sources(url: str) -> tuple[int, int, set[str]]:
    """(rows, distinct hashes, paths) of the sources table."""
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            n, hashes = conn.execute(text("SELECT count(*), count(DISTINCT sha256) FROM sources")).one()
            paths = set(conn.execute(text("SELECT path FROM sources")).scalars())
    finally:
        engine.dispose()
    return int(n), int(hashes), paths


# ----------------------------------------------------------------------------- two writers


@pytest.mark.parametrize(
    ("fresh", "jobs"),
    [
        pytest.param(
            True,
            (1, 1),
            id="fresh-database",
        ),
        pytest.param(False, (1, 1), id="existing-database"),
        pytest.param(False, (2, 2), id="existing-database-jobs2"),
    ],
)
def test_two_writers_on_overlapping_folders(
    db_url: str, folders: dict[str, Path], fresh: bool, jobs: tuple[int, int]
) -> None:
    """Writer A: part000, part001. Writer B: part001 (the same paths), part002, and copies of part000
    (the same contents under other names). Together: 60 distinct files, each stored once."""
    if not fresh:
        policykb.open_kb(db_url).close()  # created and migrated before the race
    a = start_ingest(db_url, [folders["part000"], folders["part001"]], jobs[0], warm=True)
    b = start_ingest(db_url, [folders["part001"], folders["part002"], folders["copies"]], jobs[1], warm=True)
    go(a)
    go(b)
    (code_a, out_a, err_a), (code_b, out_b, err_b) = finish(a), finish(b)
    assert (code_a, err_a) == (0, ""), err_a
    assert (code_b, err_b) == (0, ""), err_b
    assert "locked" not in err_a + err_b
    files_a, stored_a, skipped_a, _ = summary(out_a)
    files_b, stored_b, skipped_b, _ = summary(out_b)
    assert (files_a, files_b) == (2 * PART, 3 * PART)
    assert stored_a + stored_b == 3 * PART
    assert skipped_a + skipped_b == 2 * PART
    n, hashes, paths = sources(db_url)
    assert n == hashes == 3 * PART
    distinct = {p.name.removeprefix("copy_of_") for p in map(Path, paths)}
    assert len(distinct) == 3 * PART


# ----------------------------------------------------------------------------- the same file at once


def _stored_and_error(kb: Any, path: Path, out: dict[str, Any]) -> Callable[[], None]:
    def target() -> None:
        try:
            out["report"] = kb.ingest([path])
        except Exception as err:
            out["error"] = err

    return target


def test_same_file_stored_by_two_writers_at_once(db_url: str, folders: dict[str, Path]) -> None:
    """Writer A has inserted a file and not committed yet; writer B ingests the same content then.
    B must wait, then skip it (not fail, not store it twice)."""
    path = sorted(folders["part002"].iterdir())[0]
    from policykb.load import read_source
    from policykb.parse import PARSER_VERSION, parse_text

    source = read_source(path)
    parsed = parse_text(source.text, source.name, encoding=source.encoding)
    kb_b = policykb.open_kb(db_url)
    engine_a = open_engine(db_url)
    out: dict[str, Any] = {}
    thread = threading.Thread(target=_stored_and_error(kb_b, path, out))
    try:
        with write_transaction(engine_a) as conn:
            write_file(
                conn,
                parsed,
                path=source.path,
                sha256=source.sha256,
                size=source.size,
                parser_version=PARSER_VERSION,
            )
            thread.start()
            thread.join(timeout=2.0)
            assert thread.is_alive(), out  # B waits for A's transaction
        thread.join(timeout=60)
    finally:
        engine_a.dispose()
        kb_b.close()
    assert "error" not in out, out["error"]
    assert (out["report"].stored, out["report"].skipped) == (0, 1)
    assert sources(db_url)[:2] == (1, 1)


# ----------------------------------------------------------------------------- two first opens at once


def test_two_first_opens_at_once(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opener A has migrated the new database and not committed yet; opener B opens it then. B must
    wait for A and find the schema made, not fail."""
    from alembic import command

    real_upgrade = command.upgrade
    migrated, release = threading.Event(), threading.Event()

    def upgrade_then_pause(config: Any, revision: str) -> None:
        real_upgrade(config, revision)
        if not migrated.is_set():  # the first migrator holds its transaction open
            migrated.set()
            release.wait(timeout=30)

    monkeypatch.setattr(command, "upgrade", upgrade_then_pause)
    results: dict[str, Any] = {}

    def opener(name: str) -> Callable[[], None]:
        def target() -> None:
            try:
                with policykb.open_kb(db_url) as kb:
                    results[name] = kb.stats().tables["regions"]
            except Exception as err:
                results[name] = err

        return target

    a, b = threading.Thread(target=opener("a")), threading.Thread(target=opener("b"))
    a.start()
    assert migrated.wait(timeout=60)
    b.start()
    b.join(timeout=2.0)
    b_waited = b.is_alive()
    release.set()
    a.join(timeout=60)
    b.join(timeout=60)
    assert isinstance(results["a"], int), results["a"]
    assert results["b"] == results["a"], results["b"]
    assert b_waited


# ----------------------------------------------------------------------------- readers during an ingest


@cache
def expected_counts(path: str) -> tuple[int, int, int, int]:
    """(documents, sections, figures, directives) of parsing the file."""
    a = policykb.parse_text(Path(path).read_text(encoding="utf-8"), Path(path).name).articles
    return (
        len(a),
        sum(len(x.sections) for x in a),
        sum(len(x.figures) for x in a),
        sum(len(x.directives) for x in a),
    )


def _per_source(table: str) -> str:
    return (
        f"(SELECT count(*) FROM {table} t JOIN documents d ON d.id = t.document_id WHERE d.source_id = s.id)"
    )


# One statement, so one snapshot on both backends.
SNAPSHOT = text(
    "SELECT s.path, s.article_count, (SELECT count(*) FROM documents d WHERE d.source_id = s.id), "
    + ", ".join(_per_source(t) for t in ("sections", "figures", "directives"))
    + ", (SELECT count(*) FROM documents d WHERE NOT EXISTS "
    "(SELECT 1 FROM sources x WHERE x.id = d.source_id)) FROM sources s"
)


class Reader(threading.Thread):
    """Polls the stored state until told to stop; records every half-stored file it sees."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(daemon=True)
        self.engine = engine
        self.stop = threading.Event()
        self.polls = 0
        self.seen_counts: set[int] = set()
        self.problems: list[str] = []

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                with self.engine.connect() as conn:
                    rows = conn.execute(SNAPSHOT).all()
                self.polls += 1
                self.seen_counts.add(len(rows))
                self.problems += [self.check(row) for row in rows if self.check(row)]
        except Exception as err:  # surfaced by the test
            self.problems.append(f"reader failed: {err!r}")

    @staticmethod
    def check(row: Any) -> str:
        path, article_count, docs, sections, figures, directives, orphans = row
        if orphans:
            return f"{orphans} documents without their source"
        if docs != article_count:
            return f"{path}: {docs} of {article_count} articles"
        if (docs, sections, figures, directives) != expected_counts(path):
            return f"{path}: half its rows ({docs}, {sections}, {figures}, {directives})"
        return ""


def test_readers_never_see_half_a_file(db_url: str, folders: dict[str, Path]) -> None:
    files = [f for p in ("part000", "part001", "part002") for f in sorted(folders[p].iterdir())]
    for f in files:
        expected_counts(str(f))  # parse now, not in the reader's loop
    policykb.open_kb(db_url).close()
    engine = open_engine(db_url)
    writer = start_ingest(db_url, [folders["part000"], folders["part001"], folders["part002"]], warm=True)
    reader = Reader(engine)
    try:
        go(writer)
        reader.start()
        code, out, err = finish(writer)
        time.sleep(0.05)
    finally:
        reader.stop.set()
        reader.join(timeout=30)
        engine.dispose()
    assert code == 0, err
    assert summary(out)[1] == len(files)
    assert not reader.problems, reader.problems[:5]
    # it really watched the ingest: many polls, and many intermediate states
    assert reader.polls >= 20 and len(reader.seen_counts) >= 10, (reader.polls, sorted(reader.seen_counts))
