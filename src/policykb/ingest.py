"""Ingest files: read, parse, store — one transaction per file, so a file lands whole or not at all.

With ``jobs > 1`` files are parsed in worker processes and written by this one.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError

from .errors import DatabaseError, InputError, PolicyKBError
from .extract.initiatives import Lexicon
from .load import DEFAULT_MAX_BYTES, SourceText, iter_source_paths, read_source
from .parse import PARSER_VERSION, parse_text, quoted_terms
from .records import ParsedFile
from .store import models as m
from .store.db import write_transaction
from .store.lexicon import load_lexicon, refresh_mentions
from .store.write import VariantIds, delete_source, source_id_by_hash, write_file


@dataclass(slots=True)
class IngestReport:
    files: int = 0  # files looked at
    stored: int = 0
    skipped: int = 0  # already stored (same content hash)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    articles: int = 0
    figures: int = 0
    directives: int = 0
    initiatives: int = 0  # initiative mentions
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{self.files} files: {self.stored} stored, {self.skipped} already stored, "
            f"{len(self.failed)} failed; "
            f"{self.articles} articles, {self.figures} figures, {self.directives} directives, "
            f"{self.initiatives} initiative mentions; {self.seconds:.1f} s"
        )


Progress = Callable[[str, int, int], None]  # (path, done, total)


@dataclass(frozen=True, slots=True)
class _Job:
    path: str
    max_bytes: int
    lexicon: Lexicon | None = None  # in this process; workers load ``lexicon_file`` instead
    lexicon_file: str | None = None
    sha256: str | None = None  # the content the scan saw: its terms are in the lexicon already


@dataclass(frozen=True, slots=True)
class _Scanned:
    path: str
    sha256: str | None
    terms: tuple[str, ...]
    error: str | None


@dataclass(frozen=True, slots=True)
class _Parsed:
    source: SourceText | None
    parsed: ParsedFile | None
    error: str | None


@contextmanager
def _time_budget(path: str, size: int) -> Iterator[None]:
    """Parsing has a time budget: ``$POLICYKB_PARSE_TIMEOUT`` seconds, by default 60 s plus 1 s per
    20 kB; past it the body raises ParseTimeoutError. SIGALRM enforces it where a signal can be
    used (a process's main thread on POSIX: the CLI and the ``--jobs`` workers); in other threads
    the body runs without a budget. A caller's own pending alarm is put back afterwards (and, when
    it is due first, left to fire alone)."""
    import os
    import signal
    import threading

    from .errors import ParseTimeoutError

    default = 60 + size / 20_000
    try:
        budget = float(os.environ.get("POLICYKB_PARSE_TIMEOUT") or default)
    except ValueError:
        budget = default
    can_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    outer_left, outer_interval = signal.getitimer(signal.ITIMER_REAL) if can_alarm else (0.0, 0.0)
    guarded = can_alarm and budget > 0 and not 0 < outer_left <= budget

    def on_alarm(_signum: int, _frame: object) -> None:
        raise ParseTimeoutError(path, budget)

    previous = signal.signal(signal.SIGALRM, on_alarm) if guarded else None
    started = time.monotonic()
    try:
        if guarded:
            signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            yield
        finally:
            if guarded:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        if guarded:
            signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)
            if outer_left:
                left = max(outer_left - (time.monotonic() - started), 0.001)
                signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


_T = TypeVar("_T")


def _guarded(path: str, size: int, work: Callable[[], _T]) -> _T | str:
    """``work()`` under the time budget; whatever goes wrong becomes the file's one-line error (a
    str), so one bad file never ends the run."""
    from .errors import ParseTimeoutError

    try:
        with _time_budget(path, size):
            return work()
    except ParseTimeoutError as err:
        return str(err)
    except RecursionError:
        return f"{path}: text too deeply nested to parse"
    except Exception as err:  # a parser bug: charge it to this file, go on with the next
        why = f"{type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}"
        return f"{path}: parser error ({why}); please report it"


def _scan_job(job: _Job) -> _Scanned:
    """Read one file for its content hash and the terms it quotes (the first pass)."""
    try:
        source = read_source(job.path, job.max_bytes)
    except InputError as err:
        return _Scanned(job.path, None, (), str(err))
    terms = _guarded(source.path, source.size, lambda: quoted_terms(source.text))
    if isinstance(terms, str):
        return _Scanned(job.path, None, (), terms)
    return _Scanned(job.path, source.sha256, tuple(terms), None)


def _parse_job(job: _Job) -> _Parsed:
    """Read and parse one file (the second pass), knowing every term of the run."""
    try:
        source = read_source(job.path, job.max_bytes)
    except InputError as err:
        return _Parsed(None, None, str(err))
    lexicon = job.lexicon if job.lexicon is not None else _worker_lexicon(job.lexicon_file)
    learn = source.sha256 != job.sha256  # the file changed since the scan read it

    def work() -> ParsedFile:
        return parse_text(source.text, source.name, lexicon=lexicon, encoding=source.encoding, learn=learn)

    parsed = _guarded(source.path, source.size, work)
    if isinstance(parsed, str):
        return _Parsed(None, None, parsed)
    return _Parsed(source, parsed, None)


def _known_hashes(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(m.Source.sha256)).scalars())


def ingest_paths(
    engine: Engine,
    paths: list[str],
    *,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively: .txt and .md).

    Two passes. The first reads every file for its content hash (a file already stored is skipped
    without parsing, unless ``force``) and the terms it quotes, so the initiative lexicon is
    complete before any file is parsed: each article's unquoted mentions of every term of the run
    are found in one parse, whatever the order of the files or the number of ``jobs``. The second
    parses and stores the files, one transaction each. At the end, articles stored by earlier runs
    get the unquoted mentions of the terms this run brought.
    """
    t0 = time.perf_counter()
    report = IngestReport()
    files: list[str] = []
    for p in paths:
        if not Path(p).exists() and not Path(p).is_symlink():
            report.failed.append((p, f"{p}: no such file or folder"))
            continue
        files.extend(str(f) for f in iter_source_paths([p]))
    report.files = len(files) + len(report.failed)
    lexicon, known = load_lexicon(engine)
    stored = set() if force else _known_hashes(engine)
    done = 0

    def tick(path: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(path, done, len(files))

    with _Workers(jobs if len(files) > 1 else 1) as workers:
        todo: list[_Job] = []
        seen: set[str] = set()
        for scan in workers.map(_scan_job, [_Job(f, max_bytes) for f in files]):
            if scan.error is not None or scan.sha256 is None:
                report.failed.append((scan.path, scan.error or f"{scan.path}: unreadable"))
                tick(scan.path)
            elif scan.sha256 in stored or scan.sha256 in seen:
                report.skipped += 1  # stored before, or a copy of a file earlier in this run
                tick(scan.path)
            else:
                seen.add(scan.sha256)
                for term in scan.terms:
                    if term not in lexicon:
                        lexicon.add_term(term)
                todo.append(_Job(scan.path, max_bytes, sha256=scan.sha256))
        run_docs: set[int] = set()
        variants = VariantIds()
        for job, result in zip(todo, workers.parse(todo, lexicon), strict=True):
            tick(job.path)
            if result.error is not None or result.source is None or result.parsed is None:
                report.failed.append((job.path, result.error or f"{job.path}: unreadable"))
                continue
            try:
                run_docs.update(_store(engine, result.source, result.parsed, force, report, known, variants))
            except DatabaseError:
                raise  # the database cannot take writes at all: the next file would fail the same way
            except PolicyKBError as err:
                report.failed.append((job.path, f"{job.path}: {err}"))
    with write_transaction(engine) as conn:
        refresh_mentions(conn, knew=lexicon, run_docs=run_docs)
    report.seconds = time.perf_counter() - t0
    return report


# --- the worker processes of --jobs: the scan, then the parse with the run's whole lexicon


class _Workers:
    """Runs the two passes in this process, or in ``jobs`` worker processes."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        self.lexicon_file: str | None = None

    def __enter__(self) -> _Workers:
        if self.jobs > 1:
            self.pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        if self.lexicon_file is not None:
            Path(self.lexicon_file).unlink(missing_ok=True)

    def map(self, fn: Callable[[_Job], _Scanned], jobs: list[_Job]) -> Iterator[_Scanned]:
        if self.pool is None:
            return (fn(job) for job in jobs)
        return self.pool.map(fn, jobs, chunksize=max(1, min(16, len(jobs) // (self.jobs * 8))))

    def parse(self, jobs: list[_Job], lexicon: Lexicon) -> Iterator[_Parsed]:
        if self.pool is None:
            for job in jobs:
                yield _parse_job(replace(job, lexicon=lexicon))
            return
        # the workers load the lexicon from a file once, instead of receiving it with every job
        fd, self.lexicon_file = tempfile.mkstemp(prefix="policykb-lexicon-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lexicon, fh, protocol=pickle.HIGHEST_PROTOCOL)
        jobs = [replace(job, lexicon_file=self.lexicon_file) for job in jobs]
        # a bounded window of files in flight keeps memory flat
        window = self.jobs * 2
        pending = [self.pool.submit(_parse_job, job) for job in jobs[:window]]
        nxt = window
        while pending:
            fut = pending.pop(0)
            if nxt < len(jobs):
                pending.append(self.pool.submit(_parse_job, jobs[nxt]))
                nxt += 1
            yield fut.result()


_WORKER_LEXICON: tuple[str, Lexicon] | None = None


def _worker_lexicon(path: str | None) -> Lexicon:
    """A worker process reads the run's lexicon once."""
    global _WORKER_LEXICON
    if path is None:
        return Lexicon()
    if _WORKER_LEXICON is None or _WORKER_LEXICON[0] != path:
        with open(path, "rb") as fh:
            _WORKER_LEXICON = (path, pickle.load(fh))
    return _WORKER_LEXICON[1]


def _store(
    engine: Engine,
    source: SourceText,
    parsed: ParsedFile,
    force: bool,
    report: IngestReport,
    version: int,
    known: VariantIds,
) -> list[int]:
    """Store one file (retrying a PostgreSQL deadlock); returns the ids of its documents."""
    for attempt in range(5):
        try:
            return _store_once(engine, source, parsed, force, report, version, known)
        except OperationalError as err:
            # PostgreSQL may end one of two writers with a deadlock; the file is then simply retried
            if attempt == 4 or "deadlock" not in str(err).lower():
                raise
            time.sleep(0.05 * (attempt + 1))
    return []


def _store_once(
    engine: Engine,
    source: SourceText,
    parsed: ParsedFile,
    force: bool,
    report: IngestReport,
    version: int,
    known: VariantIds,
) -> list[int]:
    """Write one file in one transaction; returns the ids of its documents."""
    known.rollback()
    try:
        with write_transaction(engine) as conn:
            existing = source_id_by_hash(conn, source.sha256)
            if existing is not None:
                if not force:
                    report.skipped += 1
                    return []
                delete_source(conn, existing)
            _, _, doc_ids = write_file(
                conn,
                parsed,
                path=source.path,
                sha256=source.sha256,
                size=source.size,
                parser_version=PARSER_VERSION,
                lexicon_version=version,
                known=known,
            )
        known.commit()
    except OperationalError as err:
        if "readonly database" in str(err):
            shown = str(engine.url.database).removeprefix("file:")
            raise DatabaseError(f"{shown}: read-only database, nothing ingested") from None
        raise
    except IntegrityError:
        # Another process stored the same file between our check and our insert (PostgreSQL runs
        # writers side by side; SQLite's BEGIN IMMEDIATE queues them): the file is stored, once.
        with engine.connect() as conn:
            if source_id_by_hash(conn, source.sha256) is None:
                raise
        report.skipped += 1
        return []
    report.stored += 1
    report.articles += len(parsed.articles)
    report.figures += sum(len(a.figures) for a in parsed.articles)
    report.directives += sum(len(a.directives) for a in parsed.articles)
    report.initiatives += sum(len(a.initiatives) for a in parsed.articles)
    return doc_ids
