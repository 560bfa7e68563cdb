"""Ingest files: read, parse, store — one transaction per file, so a file lands whole or not at all.

With ``jobs > 1`` files are parsed in worker processes and written by this one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from .errors import DatabaseError, InputError, PolicyKBError
from .extract.initiatives import Lexicon
from .load import DEFAULT_MAX_BYTES, SourceText, iter_source_paths, read_source
from .parse import PARSER_VERSION, parse_text
from .records import ParsedFile
from .store import models as m
from .store.db import write_transaction
from .store.lexicon import load_lexicon, refresh_mentions
from .store.write import delete_source, source_id_by_hash, write_file


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
    lexicon: Lexicon | None


@dataclass(frozen=True, slots=True)
class _Parsed:
    source: SourceText | None
    parsed: ParsedFile | None
    error: str | None
    version: int = 0  # the highest initiative variant id the parse knew


def _parse_job(job: _Job) -> _Parsed:
    """Read and parse one file; whatever goes wrong becomes that file's one-line error, so one bad
    file never ends the run.

    Parsing has a time budget: ``$POLICYKB_PARSE_TIMEOUT`` seconds, by default 60 s plus 1 s per
    20 kB. SIGALRM enforces it where a signal can be used (a process's main thread on POSIX: the
    CLI and the ``--jobs`` workers); in other threads the parse runs without a budget. A caller's
    own pending alarm is put back afterwards (and, when it is due first, left to fire alone).
    """
    import os
    import signal
    import threading

    from .errors import ParseTimeoutError

    try:
        source = read_source(job.path, job.max_bytes)
    except InputError as err:
        return _Parsed(None, None, str(err))
    default = 60 + source.size / 20_000
    try:
        budget = float(os.environ.get("POLICYKB_PARSE_TIMEOUT") or default)
    except ValueError:
        budget = default
    can_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    outer_left, outer_interval = signal.getitimer(signal.ITIMER_REAL) if can_alarm else (0.0, 0.0)
    guarded = can_alarm and budget > 0 and not 0 < outer_left <= budget

    def on_alarm(_signum: int, _frame: object) -> None:
        raise ParseTimeoutError(source.path, budget)

    previous = signal.signal(signal.SIGALRM, on_alarm) if guarded else None
    started = time.monotonic()
    try:
        if guarded:
            signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            lexicon = job.lexicon if job.lexicon is not None else _worker_lexicon()
            parsed = parse_text(source.text, source.name, lexicon=lexicon, encoding=source.encoding)
        finally:
            if guarded:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except ParseTimeoutError as err:
        return _Parsed(None, None, str(err))
    except RecursionError:
        return _Parsed(None, None, f"{job.path}: text too deeply nested to parse")
    except Exception as err:  # a parser bug: charge it to this file, go on with the next
        why = f"{type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}"
        return _Parsed(None, None, f"{job.path}: parser error ({why}); please report it")
    finally:
        if guarded:
            signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)
            if outer_left:
                left = max(outer_left - (time.monotonic() - started), 0.001)
                signal.setitimer(signal.ITIMER_REAL, left, outer_interval)
    return _Parsed(source, parsed, None, _WORKER_SEEN if job.lexicon is None else 0)


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

    The initiative lexicon grows as files are read: each file is parsed knowing every term stored
    before it (``--jobs`` workers read the new terms from the database before each file). At the
    end, articles parsed before a term was known get its unquoted mentions.
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
    stream = _parsed_stream(files, max_bytes, lexicon, jobs, engine.url.render_as_string(hide_password=False))
    for done, result in enumerate(stream, start=1):
        path = files[done - 1]
        if progress is not None:
            progress(path, done, len(files))
        if result.error is not None or result.source is None or result.parsed is None:
            report.failed.append((path, result.error or f"{path}: unreadable"))
            continue
        version = result.version if jobs > 1 else known
        try:
            new = _store(engine, result.source, result.parsed, force, report, version)
        except DatabaseError:
            raise  # the database cannot take writes at all: the next file would fail the same way
        except PolicyKBError as err:
            report.failed.append((path, f"{path}: {err}"))
            continue
        known = max([known, *new])
    with write_transaction(engine) as conn:
        refresh_mentions(conn)
    report.seconds = time.perf_counter() - t0
    return report


# --- the parser processes of --jobs: each keeps a lexicon and tops it up from the database

_WORKER_LEXICON: Lexicon | None = None
_WORKER_ENGINE: Engine | None = None
_WORKER_SEEN = 0


def _init_worker(lexicon: Lexicon, seen: int, url: str) -> None:
    """A parser process gets the lexicon once, then reads only the terms stored since."""
    global _WORKER_LEXICON, _WORKER_ENGINE, _WORKER_SEEN
    from .store.db import make_engine

    _WORKER_LEXICON, _WORKER_SEEN = lexicon, seen
    _WORKER_ENGINE = make_engine(url)


def _worker_lexicon() -> Lexicon | None:
    global _WORKER_SEEN
    if _WORKER_LEXICON is None or _WORKER_ENGINE is None:
        return _WORKER_LEXICON
    with _WORKER_ENGINE.connect() as conn:
        rows = conn.execute(
            select(m.InitiativeVariant.id, m.InitiativeVariant.variant)
            .where(m.InitiativeVariant.id > _WORKER_SEEN)
            .order_by(m.InitiativeVariant.id)
        ).all()
    for variant_id, variant in rows:
        _WORKER_LEXICON.add_term(variant)
        _WORKER_SEEN = variant_id
    return _WORKER_LEXICON


def _parsed_stream(
    files: list[str], max_bytes: int, lexicon: Lexicon, jobs: int, url: str
) -> Iterator[_Parsed]:
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield _parse_job(_Job(f, max_bytes, lexicon))
        return
    seen = _max_variant_id(url)
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(lexicon, seen, url)
    ) as pool:
        # a bounded window of files in flight keeps memory flat and the workers' lexicons fresh
        window = jobs * 2
        pending = [pool.submit(_parse_job, _Job(f, max_bytes, None)) for f in files[:window]]
        nxt = window
        while pending:
            fut = pending.pop(0)
            if nxt < len(files):
                pending.append(pool.submit(_parse_job, _Job(files[nxt], max_bytes, None)))
                nxt += 1
            yield fut.result()


def _max_variant_id(url: str) -> int:
    from .store.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.max(m.InitiativeVariant.id))).scalar_one() or 0)
    finally:
        engine.dispose()


def _store(
    engine: Engine, source: SourceText, parsed: ParsedFile, force: bool, report: IngestReport, version: int
) -> list[int]:
    for attempt in range(5):
        try:
            return _store_once(engine, source, parsed, force, report, version)
        except OperationalError as err:
            # PostgreSQL may end one of two writers with a deadlock; the file is then simply retried
            if attempt == 4 or "deadlock" not in str(err).lower():
                raise
            time.sleep(0.05 * (attempt + 1))
    return []


def _store_once(
    engine: Engine, source: SourceText, parsed: ParsedFile, force: bool, report: IngestReport, version: int
) -> list[int]:
    """Write one file in one transaction; returns the ids of the initiative variants it created."""
    try:
        with write_transaction(engine) as conn:
            existing = source_id_by_hash(conn, source.sha256)
            if existing is not None:
                if not force:
                    report.skipped += 1
                    return []
                delete_source(conn, existing)
            _, created, _ = write_file(
                conn,
                parsed,
                path=source.path,
                sha256=source.sha256,
                size=source.size,
                parser_version=PARSER_VERSION,
                lexicon_version=version,
            )
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
    return created
