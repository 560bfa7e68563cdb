"""Crash safety: ``policykb ingest`` killed with SIGKILL at random moments never leaves a half-stored
file, and running the same ingest again completes the set with every file exactly once.

A corpus of 294 articles (tests/helpers_corpus.py) is cut into batches of 14. The first batch is
ingested cleanly: it calibrates the timings and is the stored prefix every later trial builds on.
Each of the 20 trials then runs the CLI on its own batch (every fourth with ``--jobs 2``) and kills
its whole process group, parser workers included, with SIGKILL at a moment drawn from a seeded RNG:

- one trial in five starts the plain CLI and is killed anywhere in its run (interpreter start,
  opening the database, loading jieba, the first parse);
- the others start "warm" (helpers_corpus.WARM_CLI: the dictionaries loaded, then the CLI's main()
  released), wait until k of the batch's files are stored (k drawn from 1…14), and are killed a
  random fraction of one file's time later: while a file is parsed, while its transaction is open,
  while it commits, or, after the last file, during the final lexicon refresh and exit.

After every kill:

- the database opens; ``PRAGMA integrity_check`` is ok; ``PRAGMA foreign_key_check`` is empty; the
  FTS5 index agrees with its content table;
- every stored source has exactly ``article_count`` documents, and its documents have all their
  rows: the counts of sections, figures, directives, keywords, authorships and positions equal
  those of parsing the file again;
- the same ingest, run again, stores the rest and skips the stored: every file exactly once.

Four more trials kill the CLI on a fresh database (file creation, migration, region sync).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import policykb

from .conftest import sqlite_only
from .helpers_corpus import go, kill_group, start_ingest, write_corpus

pytestmark = sqlite_only

SEED = 20240607
TRIALS = 20
FRESH_TRIALS = 4
BATCH = 14


# ----------------------------------------------------------------------------- running and killing


@dataclass
class Timeline:
    """Seconds after the start of an ingest at which things became visible to a reader."""

    db_file: float = 0.0
    first_stored: float = 0.0
    all_stored: float = 0.0
    exited: float = 0.0

    def per_file(self, files: int) -> float:
        return max(self.all_stored - self.first_stored, 0.01) / max(files - 1, 1)


def stored_count(db: Path) -> int:
    """Sources visible to a reader now (0 while the database or its schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return int(con.execute("SELECT count(*) FROM sources").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def wait_until_stored(proc: subprocess.Popen[bytes], db: Path, target: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while proc.poll() is None and stored_count(db) < target:
        assert time.monotonic() < deadline, "the ingest stored too little in time"
        time.sleep(0.002)


def timed_ingest(db: Path, folder: Path, files: int) -> Timeline:
    """Run a (cold) ingest to the end, watching when the database, the first and the last file appear."""
    t0 = time.monotonic()
    proc = start_ingest(db, folder)
    line = Timeline()
    while proc.poll() is None:
        now = time.monotonic() - t0
        if not line.db_file and db.exists():
            line.db_file = now
        n = stored_count(db)
        if n and not line.first_stored:
            line.first_stored = now
        if n >= files and not line.all_stored:
            line.all_stored = now
        time.sleep(0.002)
    line.exited = time.monotonic() - t0
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.returncode == 0, err
    line.all_stored = line.all_stored or line.exited
    line.first_stored = line.first_stored or line.all_stored
    return line


# ----------------------------------------------------------------------------- consistency checks


@cache
def expected_counts(path: str) -> tuple[int, ...]:
    """(documents, sections, figures, directives, keywords, authorships, positions) of parsing the file."""
    parsed = policykb.parse_text(Path(path).read_text(encoding="utf-8"), Path(path).name)
    a = parsed.articles
    return (
        len(a),
        sum(len(x.sections) for x in a),
        sum(len(x.figures) for x in a),
        sum(len(x.directives) for x in a),
        sum(len(x.keywords) for x in a),
        sum(len(x.authors) + len(x.editors) for x in a),
        sum(len(au.positions) for x in a for au in x.authors),
    )


def _per_document(table: str) -> str:
    return (
        f"(SELECT count(*) FROM {table} t JOIN documents d ON d.id = t.document_id WHERE d.source_id = s.id)"
    )


STORED_COUNTS = (
    "SELECT s.path, s.article_count, "
    "(SELECT count(*) FROM documents d WHERE d.source_id = s.id), "
    + ", ".join(_per_document(t) for t in ("sections", "figures", "directives", "keywords", "authorships"))
    + ", (SELECT count(*) FROM positions p JOIN authorships t ON t.id = p.authorship_id "
    "JOIN documents d ON d.id = t.document_id WHERE d.source_id = s.id) "
    "FROM sources s ORDER BY s.id"
)


def assert_consistent(db: Path) -> list[str]:
    """The checks made after every kill; returns the stored paths."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        rows = con.execute(STORED_COUNTS).fetchall()
        con.rollback()
    finally:
        con.close()
    for path, article_count, *counts in rows:
        assert counts[0] == article_count, f"{path}: {counts[0]} of {article_count} articles stored"
        assert tuple(counts) == expected_counts(path), f"{path}: rows stored {counts}"
    with policykb.open_kb(db) as kb:  # the package opens it too (schema check, no migration needed)
        assert kb.stats().tables["sources"] == len(rows)
    return [r[0] for r in rows]


def assert_each_file_once(db: Path, files: list[Path]) -> None:
    con = sqlite3.connect(db)
    try:
        n, hashes, paths = con.execute(
            "SELECT count(*), count(DISTINCT sha256), count(DISTINCT path) FROM sources"
        ).fetchone()
        stored = {r[0] for r in con.execute("SELECT path FROM sources")}
    finally:
        con.close()
    assert n == hashes == paths == len(files)
    assert stored == {str(f) for f in files}


# ----------------------------------------------------------------------------- the tests


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[list[Path]]:
    """Batches of BATCH files, each batch a folder of its own."""
    root = tmp_path_factory.mktemp("crash_corpus")
    files = write_corpus(root, (TRIALS + 1) * BATCH, seed=SEED, per_folder=BATCH)
    return [files[i : i + BATCH] for i in range(0, len(files), BATCH)]


@pytest.fixture(scope="module")
def calibrated(
    corpus: list[list[Path]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, Timeline]]:
    """The clean ingest of the first batch: the stored prefix and the timings of one run."""
    db = tmp_path_factory.mktemp("crash_db") / "kb.db"
    line = timed_ingest(db, corpus[0][0].parent, BATCH)
    assert_consistent(db)
    yield db, line


@dataclass(frozen=True)
class Trial:
    batch: int
    cold: bool  # plain CLI, killed anywhere in its run (start-up included)
    files_first: int  # warm: kill once this many of the batch's files are stored …
    jobs: int

    def describe(self) -> str:
        kind = "cold, anywhere" if self.cold else f"after {self.files_first} stored"
        return f"batch {self.batch} (--jobs {self.jobs}), {kind}"


def plan_trials(rng: random.Random) -> list[Trial]:
    return [
        Trial(
            batch=t + 1,
            cold=t % 5 == 0,
            files_first=rng.randint(1, BATCH),
            jobs=2 if t % 4 == 3 else 1,
        )
        for t in range(TRIALS)
    ]


def test_sigkill_at_random_moments_leaves_a_consistent_database(
    corpus: list[list[Path]], calibrated: tuple[Path, Timeline]
) -> None:
    db, line = calibrated
    rng = random.Random(SEED)
    trials = plan_trials(rng)
    warm = deque(  # started ahead, so their dictionaries load while earlier trials run
        (t, start_ingest(db, corpus[t.batch][0].parent, t.jobs, warm=True)) for t in trials[:2] if not t.cold
    )
    queued = {t for t, _ in warm}
    done: list[Path] = list(corpus[0])
    outcomes: list[tuple[str, float, bool, int]] = []
    try:
        for i, trial in enumerate(trials):
            for ahead in trials[i + 1 : i + 3]:
                if not ahead.cold and ahead not in queued:
                    warm.append(
                        (ahead, start_ingest(db, corpus[ahead.batch][0].parent, ahead.jobs, warm=True))
                    )
                    queued.add(ahead)
            folder = corpus[trial.batch][0].parent
            baseline = len(done)
            if trial.cold:
                delay = rng.uniform(0, line.exited)
                proc = start_ingest(db, folder, trial.jobs)
            else:
                queued_trial, proc = warm.popleft()
                assert queued_trial == trial
                go(proc)
                wait_until_stored(proc, db, baseline + trial.files_first)
                last = trial.files_first == BATCH  # then the kill lands in the lexicon refresh or the exit
                delay = rng.uniform(0, line.exited - line.all_stored if last else line.per_file(BATCH))
            time.sleep(delay)
            was_running = kill_group(proc)

            stored = assert_consistent(db)
            landed = len(stored) - baseline
            assert 0 <= landed <= BATCH
            outcomes.append((trial.describe(), round(delay, 3), was_running, landed))

            with policykb.open_kb(db) as kb:  # the same ingest again, to completion
                report = kb.ingest([folder])
            assert report.ok, report.failed
            assert (report.stored, report.skipped) == (BATCH - landed, landed)
            done += corpus[trial.batch]
            assert_consistent(db)
            assert_each_file_once(db, done)
    finally:
        for _, proc in warm:
            kill_group(proc)

    print("\n(trial, delay s, killed while running, files landed before the kill):", *outcomes, sep="\n  ")
    killed = [o for o in outcomes if o[2]]
    assert len(killed) >= TRIALS * 3 // 4, outcomes  # really killed, not finished first
    assert len([o for o in killed if 0 < o[3] < BATCH]) >= TRIALS // 2, outcomes
    assert [o for o in killed if o[3] == 0], outcomes


def test_sigkill_on_a_fresh_database(
    corpus: list[list[Path]], calibrated: tuple[Path, Timeline], tmp_path: Path
) -> None:
    """Kills while the database is being created, migrated and filled with regions."""
    _, line = calibrated
    rng = random.Random(SEED + 1)
    folder = corpus[-1][0].parent
    for trial in range(FRESH_TRIALS):
        db = tmp_path / f"fresh{trial}.db"
        delay = rng.uniform(line.db_file * 0.5, line.first_stored)
        proc = start_ingest(db, folder)
        time.sleep(delay)
        kill_group(proc)
        if db.exists() and db.stat().st_size:
            con = sqlite3.connect(db)
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            con.close()
        with policykb.open_kb(db) as kb:  # creates or finishes the schema
            report = kb.ingest([folder])
        assert report.ok, report.failed
        assert_consistent(db)
        assert_each_file_once(db, corpus[-1])


CRASH_BEFORE_REFRESH = (
    "import os, signal, sys\n"
    "import policykb.ingest as ingest\n"
    "def crash(*args, **kwargs):\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\n"
    "ingest.refresh_mentions = crash\n"
    "from policykb.cli import main\n"
    "sys.exit(main())\n"
)


def mentions(db: Path) -> set[tuple[str, int, int, int, str]]:
    """Every initiative mention: (file, article, start, end, spelling)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            'SELECT s.path, d.ordinal, x.start, x."end", v.variant FROM initiative_mentions x '
            "JOIN documents d ON d.id = x.document_id JOIN sources s ON s.id = d.source_id "
            "JOIN initiative_variants v ON v.id = x.variant_id"
        ).fetchall()
    finally:
        con.close()
    return set(rows)


def clean_ingest(db: Path, folders: list[Path], *, refresh: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest the folders one run each; without ``refresh`` the last run skips the lexicon refresh."""
    import policykb.ingest as ingest_module

    for k, folder in enumerate(folders):
        with monkeypatch.context() as patch:
            if not refresh and k == len(folders) - 1:
                patch.setattr(ingest_module, "refresh_mentions", lambda *args, **kwargs: 0)
            with policykb.open_kb(db) as kb:
                assert kb.ingest([folder]).ok


def test_the_second_batch_exercises_the_lexicon_refresh(
    corpus: list[list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control for the test below: the second run's refresh adds mentions of the terms it brought
    to the articles the first run stored."""
    folders = [corpus[1][0].parent, corpus[2][0].parent]
    clean_ingest(tmp_path / "with.db", folders, refresh=True, monkeypatch=monkeypatch)
    clean_ingest(tmp_path / "without.db", folders, refresh=False, monkeypatch=monkeypatch)
    assert mentions(tmp_path / "without.db") < mentions(tmp_path / "with.db")


def test_kill_before_the_lexicon_refresh_loses_nothing(
    corpus: list[list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash at the worst moment for derived data, every file of a second run committed and its
    refresh of the first run's articles not run, then the same ingest again: the result must equal
    two uninterrupted ingests."""
    db = tmp_path / "kb.db"
    first, second = corpus[1][0].parent, corpus[2][0].parent
    with policykb.open_kb(db) as kb:
        assert kb.ingest([first]).ok
    proc = subprocess.run(
        [sys.executable, "-c", CRASH_BEFORE_REFRESH, "--db", str(db), "ingest", str(second)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert_consistent(db)
    with policykb.open_kb(db) as kb:
        assert kb.ingest([second]).skipped == BATCH
    clean_ingest(tmp_path / "clean.db", [first, second], refresh=True, monkeypatch=monkeypatch)
    assert mentions(db) == mentions(tmp_path / "clean.db")
