"""policykb benchmark: ingest, memory, questions, start-up, size and growth, each against a baseline
measured in the same run, reported as min/median/max over repeated runs.

    python bench/run.py                 # full: 1,000 and 20,000 articles → bench/RESULTS.md
    python bench/run.py --quick         # 1,000 articles, fewer repeats, < 5 min → bench/out/
    python bench/run.py --quick --no-timing-targets --n 120   # the CI smoke test

Run it with the project's virtualenv Python (it calls the ``policykb`` command installed next to
it and imports ``policykb`` for in-process questions). Public tools only: the standard library,
policykb's own dependencies (jieba for the baseline) and ripgrep (``rg``; ``grep -rl`` when absent).

Exit status 0 when every correctness check passes (planted initiatives' regions equal the
manifest, search equals a brute-force scan, every file ingested); 1 otherwise. Timing targets are
reported, never enforced by the exit status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import math
import os
import platform
import pstats
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (the generator next to this file)

SMALL = 1000  # the reference scale for memory and growth
SEARCH_LONG = "矛盾纠纷"  # 3+ characters: answered by the FTS5 trigram index
SEARCH_SHORT = ("枫桥", "藏")  # 1–2 characters: the trigram index cannot answer, a scan must

_JIEBA_PASS = r"""
import json, sys, time
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(60)
jieba.initialize()
t1 = time.perf_counter()
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
nbytes = ntokens = 0
for p in paths:
    data = open(p, "rb").read()
    nbytes += len(data)
    ntokens += len(jieba.lcut(data.decode("utf-8")))
t2 = time.perf_counter()
print(json.dumps({"init": t1 - t0, "seconds": t2 - t1, "bytes": nbytes, "tokens": ntokens}))
"""


# ============================================================================ measurements


@dataclass
class Stat:
    values: list[float]

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def max(self) -> float:
        return max(self.values)


@dataclass
class Row:
    measure: str
    scale: str
    stat: Stat | None
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Measured:
    """A child process run: wall seconds, its own peak RSS, and the peak RSS of its process tree."""

    wall: float
    returncode: int
    maxrss_mb: float  # getrusage of the child (max over the child and its reaped children)
    tree_peak_mb: float  # sum of VmRSS over the child and its descendants, polled every 50 ms
    stdout: str
    stderr: str


@dataclass
class Bench:
    args: argparse.Namespace
    workdir: Path
    rows: list[Row] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    profile: str = ""
    loads: list[float] = field(default_factory=list)  # 1-minute load average as each run starts
    reused: list[str] = field(default_factory=list)  # runs taken from runs.jsonl (--reuse-runs)
    versions: set[str] = field(default_factory=set)  # code versions seen as the ingest runs started

    def add(self, row: Row) -> Row:
        if self.args.no_timing_targets and row.unit not in {"", "bool"}:
            row.met = None
        self.rows.append(row)
        print("  " + _row_line(row), flush=True)
        return row

    def record(self, entry: dict[str, Any]) -> None:
        """Append a finished run to ``runs.jsonl`` in the workdir (for --reuse-runs)."""
        entry = {
            **entry,
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "commit": code_version(),
            "generator": generator_hash(),
        }
        with (self.workdir / "runs.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def recorded(self, kind: str, n: int, **match: Any) -> list[dict[str, Any]]:
        """Runs recorded earlier for this corpus (same N and generator), oldest first."""
        path = self.workdir / "runs.jsonl"
        if not self.args.reuse_runs or not path.exists():
            return []
        wanted = {"kind": kind, "n": n, "generator": generator_hash(), **match}
        entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        return [e for e in entries if all(e.get(k) == v for k, v in wanted.items())]

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print(f"  CHECK FAILED: {message}", flush=True)

    def passed(self, message: str) -> None:
        self.checks.append(message)
        print(f"  ok: {message}", flush=True)


def _children(pid: int) -> list[int]:
    try:
        raw = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in raw.split()]


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kb(p)
        todo.extend(_children(p))
    return total


# Python children write and reuse bytecode in one cache of the benchmark's own, as an installed package
# would (PYTHONDONTWRITEBYTECODE would make every start-up compile policykb's modules from source).
PYCACHE: Path | None = None


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.update(extra)
    return env


def run_measured(cmd: Sequence[str], *, env: dict[str, str] | None = None, poll: bool = True) -> Measured:
    """Run a command to its end; its wall time, rusage peak RSS and (polled) process-tree peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env or child_env())
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss_kb(proc.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        if poll:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        if poll:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            wall,
            proc.returncode,
            usage.ru_maxrss / 1024,
            peak[0] / 1024,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def time_calls(fn: Callable[[], Any], repeat: int) -> tuple[float, Stat, Any]:
    """(first call's seconds, stat of the following calls, last result)."""
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    values = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        values.append(time.perf_counter() - t0)
    return first, Stat(values), result


def ratio_stat(num: Sequence[float], den: Sequence[float]) -> Stat:
    """Ratios of paired runs (same repeat index), or of every pair when the counts differ."""
    if len(num) == len(den):
        return Stat([a / b for a, b in zip(num, den, strict=True)])
    return Stat([a / b for a in num for b in den])


# ============================================================================ tools


def policykb_cmd() -> list[str]:
    script = Path(sys.executable).parent / "policykb"
    if script.exists():
        return [str(script)]
    found = shutil.which("policykb")
    if found:
        return [found]
    return [sys.executable, "-m", "policykb"]


def grep_tool() -> tuple[list[str], str]:
    rg = shutil.which("rg")
    if rg:
        return [rg, "-l", "-F", "--no-messages"], "rg -l"
    return ["grep", "-rlF"], "grep -rl (ripgrep not installed)"


def code_version() -> str:
    """The git commit of the code under test, and whether src/ differs from it."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src", "migrations"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return (commit or "?") + (", src/ modified" if dirty else "")


def machine_info() -> dict[str, str]:
    import jieba
    import sqlalchemy

    import policykb

    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    rg = shutil.which("rg")
    rg_version = (
        subprocess.run([rg, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        if rg
        else "absent"
    )
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": ram,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "jieba": getattr(jieba, "__version__", "?"),
        "policykb": f"{policykb.__version__} (git {code_version()})",
        "ripgrep": rg_version,
    }


# ============================================================================ corpus


def generator_hash() -> str:
    return hashlib.sha256(Path(make_corpus.__file__).read_bytes()).hexdigest()[:16]


def ensure_corpus(workdir: Path, n: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The corpus of ``n`` articles, built once and reused while the generator is unchanged."""
    out = workdir / f"corpus-n{n}-s{seed}"
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("generator") == generator_hash() and manifest.get("n") == n:
            print(f"corpus: reusing {out} ({manifest['bytes'] / 1e6:.1f} MB)", flush=True)
            return out, manifest
        shutil.rmtree(out)
    print(f"corpus: building {n} articles in {out} …", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    manifest = make_corpus.build(n, out, seed)
    manifest["generator"] = generator_hash()
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        f"corpus: {manifest['bytes'] / 1e6:.1f} MB, mean {manifest['mean_bytes']} bytes/article", flush=True
    )
    return out, manifest


def corpus_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "articles").rglob("*.txt"))


def spread_sample(files: list[Path], k: int) -> list[Path]:
    """``k`` files spread evenly over the corpus (all of them when k >= len)."""
    if k >= len(files):
        return files
    step = len(files) / k
    return [files[int(i * step)] for i in range(k)]


# ============================================================================ ingest


@dataclass
class IngestRun:
    jobs: int
    m: Measured
    db: Path
    db_bytes: int
    counts: str  # "N articles, F figures, D directives, I initiative mentions" from the summary line
    ok: bool = True  # every file stored


def db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def remove_db(db: Path) -> None:
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)


def ingest_once(b: Bench, corpus: Path, n: int, jobs: int, tag: str) -> IngestRun:
    db = b.workdir / "db" / f"n{n}-j{jobs}-{tag}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    remove_db(db)
    cmd = [*policykb_cmd(), "--db", str(db), "ingest", str(corpus / "articles"), "--jobs", str(jobs)]
    print(f"  ingest n={n} --jobs {jobs} ({tag}) …", flush=True)
    b.loads.append(os.getloadavg()[0])
    b.versions.add(code_version())
    m = run_measured(cmd)
    summary = m.stdout.strip().splitlines()[-1] if m.stdout.strip() else ""
    found = re.search(r"(\d+) files: (\d+) stored.*?(\d+) failed; (\d+) articles", summary)
    ok = m.returncode == 0 and found is not None and int(found.group(2)) == n and int(found.group(3)) == 0
    if not ok:
        b.fail(f"ingest n={n} --jobs {jobs}: exit {m.returncode}: {summary or m.stderr[-500:]}")
    counts = re.search(r"\d+ articles,.*?initiative mentions", summary)
    print(
        f"    {m.wall:.1f} s, peak RSS {m.maxrss_mb:.0f} MB (tree {m.tree_peak_mb:.0f} MB): {summary}",
        flush=True,
    )
    return IngestRun(jobs, m, db, db_bytes(db), counts.group(0) if counts else "?", ok)


def record_ingest(b: Bench, n: int, run: IngestRun, manifest_ok: bool) -> None:
    """Keep a finished, complete ingest run in runs.jsonl (for --reuse-runs)."""
    if not run.ok:
        return
    m = run.m
    b.record(
        {
            "kind": "ingest",
            "n": n,
            "jobs": run.jobs,
            "wall": m.wall,
            "maxrss_mb": m.maxrss_mb,
            "tree_peak_mb": m.tree_peak_mb,
            "db": str(run.db),
            "db_bytes": run.db_bytes,
            "counts": run.counts,
            "manifest_ok": manifest_ok,
        }
    )


def check_manifest(b: Bench, db: Path, manifest: dict[str, Any], label: str) -> bool:
    """Each planted initiative's provinces (and article count) equal the manifest's."""
    import policykb

    ok = True
    with policykb.open_kb(db, create=False) as kb:
        for term, truth in manifest["planted"].items():
            answer = kb.provinces(term)
            got = sorted(r.region for r in answer.rows)
            articles = sum(r.articles for r in answer.rows)
            if answer.initiative is None:
                b.fail(f"{label}: {term} is not found as an initiative (answered by text search)")
                ok = False
            if got != truth["provinces"] or articles != truth["count"]:
                b.fail(
                    f"{label}: provinces({term}) = {got} in {articles} articles; "
                    f"manifest: {truth['provinces']} in {truth['count']} articles"
                )
                ok = False
    if ok:
        b.passed(f"manifest check passed ({label}: {len(manifest['planted'])} planted initiatives)")
    return ok


def jieba_once(files: list[Path]) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(map(str, files)))
        listing = fh.name
    try:
        m = run_measured([sys.executable, "-c", _JIEBA_PASS, listing], poll=False)
    finally:
        os.unlink(listing)
    if m.returncode != 0:
        raise RuntimeError(f"jieba pass failed: {m.stderr[-500:]}")
    out: dict[str, float] = json.loads(m.stdout.strip().splitlines()[-1])
    out["wall"] = m.wall
    return out


# ============================================================================ one scale


@dataclass(frozen=True)
class Target:
    text: str
    test: Callable[[Stat], bool]


def at_least(x: float, unit: str = "×") -> Target:
    return Target(f"≥ {x:g}{unit}", lambda s: s.median >= x)


def at_most(x: float, unit: str = "×", *, worst: bool = False) -> Target:
    """``worst``: judged on the maximum (memory, size) rather than the median."""
    return Target(f"≤ {x:g}{unit}", lambda s: (s.max if worst else s.median) <= x)


def ms(values: Sequence[float]) -> Stat:
    return Stat([v * 1000 for v in values])


@dataclass
class Scale:
    n: int
    corpus: Path
    manifest: dict[str, Any]
    source_bytes: int
    big: bool  # the scale the targets are judged at
    ingest1: list[IngestRun] = field(default_factory=list)
    ingest2: list[IngestRun] = field(default_factory=list)
    jieba: list[dict[str, float]] = field(default_factory=list)
    jieba_files: int = 0
    db: Path | None = None  # kept for the questions
    term: str = ""
    provinces: Stat | None = None
    search_long: Stat | None = None

    @property
    def label(self) -> str:
        return f"{self.n:,}"

    def row(
        self, b: Bench, measure: str, stat: Stat, unit: str, target: Target | None = None, note: str = ""
    ) -> None:
        """A row; its target is judged only at the large scale."""
        judged = target is not None and self.big
        b.add(
            Row(
                measure,
                self.label,
                stat,
                unit,
                target.text if judged and target else "",
                target.test(stat) if judged and target else None,
                note,
            )
        )


def measure_ingest(b: Bench, s: Scale, repeat: int) -> None:
    files = corpus_files(s.corpus)
    sample = spread_sample(files, b.args.jieba_files or len(files))
    s.jieba_files = len(sample)
    reuse_runs(b, s, repeat)
    for r in range(repeat):  # interleaved, so that drift in the machine's load hits every mode alike
        for jobs, runs in ((1, s.ingest1), (2, s.ingest2)):
            if (jobs == 2 and b.args.skip_jobs2) or len(runs) > r:
                continue
            run = ingest_once(b, s.corpus, s.n, jobs, f"r{r}")
            record_ingest(
                b, s.n, run, check_manifest(b, run.db, s.manifest, f"n={s.n} --jobs {jobs} run {r + 1}")
            )
            runs.append(run)
        if len(s.jieba) > r:
            continue
        print(f"  jieba.lcut pass over {len(sample)} files …", flush=True)
        b.loads.append(os.getloadavg()[0])
        res = jieba_once(sample)
        print(f"    {res['seconds']:.1f} s for {res['bytes'] / 1e6:.1f} MB", flush=True)
        s.jieba.append(res)
        b.record({"kind": "jieba", "n": s.n, "files": len(sample), **res})
    if not s.ingest1[-1].db.exists():  # reused runs whose database is gone: build one more
        run = ingest_once(b, s.corpus, s.n, 1, "db")
        record_ingest(
            b, s.n, run, check_manifest(b, run.db, s.manifest, f"n={s.n} --jobs 1 (for the questions)")
        )
        s.ingest1.append(run)
    elif b.reused:
        check_manifest(b, s.ingest1[-1].db, s.manifest, f"n={s.n} --jobs 1 (reused database)")
    s.db = s.ingest1[-1].db
    if not b.args.keep_dbs:
        for run in s.ingest1[:-1] + s.ingest2:
            remove_db(run.db)
    report_ingest(b, s)


def reuse_runs(b: Bench, s: Scale, repeat: int) -> None:
    """With --reuse-runs: take up to ``repeat`` runs of each kind recorded earlier for this corpus."""
    for jobs, runs in ((1, s.ingest1), (2, s.ingest2)):
        for e in b.recorded("ingest", s.n, jobs=jobs)[-repeat:]:
            m = Measured(e["wall"], 0, e["maxrss_mb"], e["tree_peak_mb"], "", "")
            runs.append(IngestRun(jobs, m, Path(e["db"]), e["db_bytes"], e["counts"]))
            label = f"n={s.n:,} --jobs {jobs} ingest of {e['date']} (git {e['commit']})"
            b.reused.append(label)
            if e.get("manifest_ok"):
                b.passed(f"manifest check passed when recorded ({label})")
            elif e.get("manifest_ok") is False:
                b.fail(f"manifest check failed when recorded ({label})")
    for e in b.recorded("jieba", s.n, files=s.jieba_files)[-repeat:]:
        s.jieba.append(e)
        b.reused.append(f"n={s.n:,} jieba pass of {e['date']}")


def compare_counts(b: Bench, s: Scale) -> None:
    """Rows stored by each run: every run of one corpus should store the same facts."""
    seen: dict[str, set[str]] = defaultdict(set)
    for r in s.ingest1 + s.ingest2:
        seen[f"--jobs {r.jobs}"].add(r.counts)
    if len({c for cs in seen.values() for c in cs}) > 1:
        detail = "; ".join(f"{k}: {' / '.join(sorted(v))}" for k, v in seen.items())
        b.notes.append(f"n={s.n:,}: the runs did not store the same rows ({detail})")


def report_ingest(b: Bench, s: Scale) -> None:
    compare_counts(b, s)
    mb = s.source_bytes / 1e6
    thr1 = [mb / r.m.wall for r in s.ingest1]
    jb = [x["bytes"] / 1e6 / x["seconds"] for x in s.jieba]
    s.row(b, "ingest throughput, --jobs 1", Stat(thr1), "MB/s")
    s.row(b, "bare jieba.lcut throughput (baseline)", Stat(jb), "MB/s", note=f"{s.jieba_files} files")
    s.row(b, "ingest / jieba.lcut throughput", ratio_stat(thr1, jb), "×", at_least(3))
    if s.ingest2:
        thr2 = [mb / r.m.wall for r in s.ingest2]
        s.row(b, "ingest throughput, --jobs 2", Stat(thr2), "MB/s")
        s.row(b, "--jobs 2 / --jobs 1 throughput", ratio_stat(thr2, thr1), "×", at_least(1.7))
    rss = Stat([r.m.maxrss_mb for r in s.ingest1])
    s.row(b, "peak RSS, ingest --jobs 1", rss, "MB", at_most(400, " MB", worst=True))
    if s.ingest2:
        tree = Stat([r.m.tree_peak_mb for r in s.ingest2])
        s.row(b, "peak RSS of the process tree, --jobs 2", tree, "MB", note="sum over processes, polled")
    size = Stat([r.db_bytes / s.source_bytes for r in s.ingest1])
    b.add(Row("database size / source bytes", s.label, size, "×", "≤ 4×", size.max <= 4))
    s.row(b, "ingest time per article, --jobs 1", Stat([r.m.wall / s.n * 1000 for r in s.ingest1]), "ms")


# ============================================================================ questions


def most_common_initiative(db: Path) -> tuple[str, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT i.name, COUNT(DISTINCT im.document_id) AS c FROM initiative_mentions im "
            "JOIN initiative_variants v ON v.id = im.variant_id "
            "JOIN initiatives i ON i.id = v.initiative_id GROUP BY i.id ORDER BY c DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return str(row[0]), int(row[1])


def brute_force_ids(db: Path, term: str) -> tuple[set[int], float]:
    t0 = time.perf_counter()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        ids = {i for i, body in con.execute("SELECT id, body FROM documents") if body and term in body}
    finally:
        con.close()
    return ids, time.perf_counter() - t0


def time_grep(corpus: Path, term: str, repeat: int) -> tuple[Stat, int]:
    """Wall times (ms) of ``rg -l TERM`` over the corpus files, and how many files it listed."""
    base, _ = grep_tool()
    values, count = [], 0
    for _ in range(repeat):
        m = run_measured([*base, term, str(corpus / "articles")], poll=False)
        values.append(m.wall)
        count = len(m.stdout.split())
    return ms(values), count


def measure_questions(b: Bench, s: Scale) -> None:
    import policykb

    assert s.db is not None
    q = b.args.query_repeat
    s.term, n_docs = most_common_initiative(s.db)
    gname = grep_tool()[1]
    print(f"  questions on n={s.n}: most common initiative {s.term} ({n_docs} articles)", flush=True)
    with policykb.open_kb(s.db, create=False) as kb:
        first, st, answer = time_calls(lambda: kb.provinces(s.term), q)
        s.provinces = ms(st.values)
        note = f"{len(answer.rows)} regions, {n_docs} articles; first call {first * 1000:.0f} ms"
        s.row(b, f"provinces {s.term} (in-process)", s.provinces, "ms", at_most(20, " ms"), note)
        grep, files = time_grep(s.corpus, s.term, b.args.grep_repeat)
        s.row(b, f"{gname} {s.term} (baseline)", grep, "ms", note=f"{files} files")
        s.row(b, f"{gname} / provinces time", ratio_stat(grep.values, s.provinces.values), "×", at_least(10))

        # a 3+ character term: the trigram index answers
        first, st, _ = time_calls(lambda: kb.search(SEARCH_LONG), q)
        s.search_long = ms(st.values)
        note = f"first call {first * 1000:.0f} ms"
        s.row(b, f"search {SEARCH_LONG} (limit 20)", s.search_long, "ms", at_most(20, " ms"), note)
        _, st, hits = time_calls(lambda: kb.search(SEARCH_LONG, limit=None), max(3, q // 4))
        s.row(b, f"search {SEARCH_LONG} (no limit)", ms(st.values), "ms", note=f"{len(hits)} articles")
        check_search(b, s.db, SEARCH_LONG, {h.document_id for h in hits}, s.n)
        grep, _ = time_grep(s.corpus, SEARCH_LONG, b.args.grep_repeat)
        ratio = ratio_stat(grep.values, s.search_long.values)
        note = f"{gname} median {grep.median:.0f} ms"
        s.row(b, f"{gname} {SEARCH_LONG} / search time", ratio, "×", at_least(10), note)

        # 1–2 character terms: the trigram index cannot answer, a scan must
        for term in SEARCH_SHORT:
            label = f"search {term} ({len(term)} char"
            _, st, _ = time_calls(lambda t=term: kb.search(t), max(3, q // 4))  # type: ignore[misc]
            s.row(b, f"{label}, limit 20)", ms(st.values), "ms")
            _, st, hits = time_calls(lambda t=term: kb.search(t, limit=None), 2)  # type: ignore[misc]
            s.row(b, f"{label}, no limit)", ms(st.values), "ms", note=f"{len(hits)} articles")
            check_search(b, s.db, term, {h.document_id for h in hits}, s.n)


def check_search(b: Bench, db: Path, term: str, got: set[int], n: int) -> None:
    truth, seconds = brute_force_ids(db, term)
    if got != truth:
        b.fail(
            f"search {term!r} at n={n}: {len(got)} articles, brute-force scan of the bodies: {len(truth)} "
            f"(missing {sorted(truth - got)[:5]}, extra {sorted(got - truth)[:5]})"
        )
    else:
        b.passed(
            f"search {term!r} at n={n} equals a brute-force scan of the bodies "
            f"({len(truth)} articles; the scan took {seconds * 1000:.0f} ms)"
        )


# ============================================================================ CLI start-up


def imports_jieba(cmd: list[str]) -> tuple[bool, int]:
    m = run_measured(cmd, env=child_env(PYTHONPROFILEIMPORTTIME="1"), poll=False)
    lines = m.stderr.splitlines()
    modules = [x.rsplit("|", 1)[-1].strip() for x in lines if x.startswith("import time:")]
    return any(x == "jieba" or x.startswith("jieba.") for x in modules), len(modules)


def measure_cli(b: Bench, s: Scale) -> None:
    assert s.db is not None
    commands = {
        "policykb --help": [*policykb_cmd(), "--help"],
        f"policykb provinces {s.term}": [
            *policykb_cmd(),
            "--db",
            str(s.db),
            "provinces",
            s.term,
            "--format",
            "json",
        ],
        'python -c "import sqlalchemy"': [sys.executable, "-c", "import sqlalchemy"],
    }
    times: dict[str, list[float]] = defaultdict(list)
    for cmd in commands.values():  # warm-up: bytecode cache, page cache
        run_measured(cmd, poll=False)
    for _ in range(b.args.cli_repeat):  # interleaved
        for label, cmd in commands.items():
            m = run_measured(cmd, poll=False)
            if m.returncode != 0:
                b.fail(f"{label}: exit {m.returncode}: {m.stderr[-300:]}")
            times[label].append(m.wall)
    *mine, floor_label = commands
    floor = ms(times[floor_label])
    s.row(b, f"{floor_label} (floor)", floor, "ms")
    for label in mine:
        st = ms(times[label])
        s.row(b, f"{label} wall time", st, "ms")
        target = at_most(2) if "provinces" in label else None
        s.row(b, f"{label} / import sqlalchemy", ratio_stat(st.values, floor.values), "×", target)
        jieba, count = imports_jieba(commands[label])
        note = f"{'yes' if jieba else 'no'} ({count} modules imported)"
        b.add(Row(f"{label} imports jieba", s.label, None, "bool", "no", not jieba, note))


# ============================================================================ growth, profile


def measure_growth(b: Bench, small: Scale, big: Scale) -> None:
    label = f"{big.n:,} vs {small.n:,}"
    per_small = [r.m.wall / small.n for r in small.ingest1]
    per_big = [r.m.wall / big.n for r in big.ingest1]
    g = ratio_stat(per_big, per_small)
    b.add(Row("growth: ingest time per article", label, g, "×", "≤ 1.25×", g.median <= 1.25))
    mem = ratio_stat([r.m.maxrss_mb for r in big.ingest1], [r.m.maxrss_mb for r in small.ingest1])
    b.add(Row("growth: peak RSS of ingest --jobs 1", label, mem, "×", "≤ 1.2×", mem.median <= 1.2))
    factor = big.n / small.n
    for name, a, c in (
        ("provinces", small.provinces, big.provinces),
        ("search", small.search_long, big.search_long),
    ):
        if a is None or c is None:
            continue
        r = ratio_stat(c.values, a.values)
        slope = math.log(max(r.median, 1e-9)) / math.log(factor)
        note = f"log-log slope {slope:.2f} (1 = linear)"
        b.add(
            Row(f"growth: {name} query time", label, r, "×", f"sublinear (< {factor:.0f}×)", slope < 1, note)
        )


_GROUPS = (
    ("jieba", "word segmentation (segment.py's route on jieba's dictionary)"),
    ("policykb/segment", "word segmentation (segment.py's route on jieba's dictionary)"),
    ("policykb/extract/scanner", "extract/initiatives"),
    ("sqlalchemy", "database (SQLAlchemy + sqlite3)"),
    ("sqlite3", "database (SQLAlchemy + sqlite3)"),
    ("policykb/extract/figures", "extract/figures"),
    ("policykb/extract/directives", "extract/directives"),
    ("policykb/extract/initiatives", "extract/initiatives"),
    ("policykb/extract/regions", "extract/regions"),
    ("policykb/clean", "clean"),
    ("policykb/store", "store (write, lexicon)"),
    ("policykb/", "other policykb"),
)


def _group_of(filename: str) -> str:
    for key, label in _GROUPS:
        if key in filename:
            return label
    return "other (re, stdlib, builtins)"


def own_time_by_area(st: pstats.Stats) -> dict[str, float]:
    """Seconds of own time per area; a built-in (C) function's time goes to its callers' areas."""
    own: dict[str, float] = defaultdict(float)
    raw: dict[Any, Any] = st.stats  # type: ignore[attr-defined]
    for (filename, _line, _name), (_cc, _nc, tt, _ct, callers) in raw.items():
        if filename != "~" or not callers:
            own[_group_of(filename) if filename != "~" else "builtins"] += tt
            continue
        edge_total = sum(edge[2] for edge in callers.values()) or 1.0
        for (cfile, _cl, _cn), edge in callers.items():
            area = _group_of(cfile) if cfile != "~" else "builtins"
            own[area] += tt * edge[2] / edge_total
    return own


_PHASES = (
    ("load.py", "read_source", "read + decode files, both passes (read_source)"),
    ("parse.py", "quoted_terms", "first pass: the terms each file quotes (quoted_terms)"),
    ("parse.py", "parse_text", "parse (parse_text)"),
    ("ingest.py", "_store", "write rows + FTS index (_store)"),
    ("lexicon.py", "refresh_mentions", "refresh older articles' mentions (refresh_mentions)"),
    ("lexicon.py", "load_lexicon", "load the lexicon (load_lexicon)"),
)


def phase_times(st: pstats.Stats) -> list[tuple[str, float]]:
    raw: dict[Any, Any] = st.stats  # type: ignore[attr-defined]
    out = []
    for file_end, func, label in _PHASES:
        ct = sum(v[3] for (f, _l, n), v in raw.items() if f.endswith(file_end) and n == func)
        out.append((label, ct))
    return out


WARM_FILES = 5


_PROFILE_CHILD = r"""
import cProfile, json, sys, time
import policykb

files, db, out, warm = json.loads(sys.argv[1])
prof = cProfile.Profile()
with policykb.open_kb(db) as kb:
    kb.ingest(files[:warm])  # warm-up: jieba's dictionaries and the data files load outside the profile
    t0 = time.perf_counter()
    prof.enable()
    kb.ingest(files[warm:])
    prof.disable()
    print(time.perf_counter() - t0)
prof.dump_stats(out)
"""


def profile_ingest(b: Bench, small: Scale) -> None:
    """cProfile of an ingest of the first K files of the small corpus, in a fresh child process
    (so that it profiles the code as it is on disk now, and nothing of this process leaks in)."""
    k = b.args.profile_files
    files = corpus_files(small.corpus)[:k]
    db = b.workdir / "db" / "profile.db"
    dump = b.workdir / "profile-ingest.pstats"
    remove_db(db)
    print(f"profile: cProfile of ingesting {len(files)} files …", flush=True)
    arg = json.dumps([[str(f) for f in files], str(db), str(dump), WARM_FILES])
    m = run_measured([sys.executable, "-c", _PROFILE_CHILD, arg], poll=False)
    remove_db(db)
    if m.returncode != 0:
        b.notes.append(f"profile run failed: {m.stderr.strip().splitlines()[-1:] or m.returncode}")
        return
    wall = float(m.stdout.strip().splitlines()[-1])
    prof = pstats.Stats(str(dump))
    own = own_time_by_area(prof)
    total = sum(own.values()) or 1.0
    phases = phase_times(prof)
    lines = [
        f"cProfile, {len(files[WARM_FILES:])} files "
        f"({sum(p.stat().st_size for p in files[WARM_FILES:]) / 1e6:.1f} MB), "
        f"{wall:.1f} s under the profiler",
        "",
    ]
    lines.append("Phases (cumulative time):")
    for label, ct in phases:
        lines.append(f"  {label:<52} {ct:7.1f} s  {ct / total:6.1%}")
    lines.append("")
    lines.append("Own time by area (tottime; time in C functions such as regex matching or sqlite3 calls is")
    lines.append("counted to the area of the Python function that called them):")
    for label, tt in sorted(own.items(), key=lambda x: -x[1]):
        lines.append(f"  {label:<30} {tt:7.1f} s  {tt / total:6.1%}")
    buf = io.StringIO()
    pstats.Stats(str(dump), stream=buf).sort_stats("cumulative").print_stats(30)
    cum = _trim_stats(buf.getvalue())
    buf = io.StringIO()
    pstats.Stats(str(dump), stream=buf).sort_stats("tottime").print_stats(25)
    tot = _trim_stats(buf.getvalue())
    text = (
        "\n".join(lines) + "\n\nTop 30 by cumulative time:\n" + cum + "\n\nTop 25 by own time:\n" + tot + "\n"
    )
    (b.workdir / "profile-ingest.txt").write_text(text, encoding="utf-8")
    b.profile = text
    print(f"profile: written to {b.workdir / 'profile-ingest.txt'}", flush=True)


def _trim_stats(text: str) -> str:
    keep = []
    started = False
    for line in text.splitlines():
        if line.strip().startswith("ncalls"):
            started = True
        if started and line.strip():
            keep.append(re.sub(r"/\S*/(site-packages|src|lib/python3\.\d+)/", r"\1/", line))
    return "\n".join(keep)


# ============================================================================ report


def _fmt(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def _met(row: Row) -> str:
    if row.met is None:
        return "—" if row.target else ""
    return "yes" if row.met else "**NO**"


def _row_line(row: Row) -> str:
    if row.stat is None:
        vals = row.note
    else:
        vals = f"{_fmt(row.stat.min)} / {_fmt(row.stat.median)} / {_fmt(row.stat.max)} {row.unit}"
    tgt = f"  [target {row.target}: {_met(row).replace('*', '')}]" if row.target else ""
    note = f"  ({row.note})" if row.note and row.stat is not None else ""
    return f"{row.measure} @ {row.scale}: {vals}{tgt}{note}"


def print_table(b: Bench) -> None:
    print("\n" + "=" * 100)
    for row in b.rows:
        print(_row_line(row))
    print("=" * 100)


def markdown(b: Bench, info: dict[str, str], scales: list[Scale]) -> str:
    a = b.args
    out = ["# policykb benchmark results", ""]
    mode = "quick" if a.quick else "full"
    out.append(f"Run: `{' '.join(['python', 'bench/run.py', *sys.argv[1:]])}` ({mode}), {info['date']}.")
    out.append("")
    out.append("## Machine and versions")
    out.append("")
    out.append("| | |\n|---|---|")
    for k in ("cpu", "cores", "ram", "os", "python", "sqlite", "sqlalchemy", "jieba", "policykb", "ripgrep"):
        out.append(f"| {k} | {info[k]} |")
    out.append("")
    out.append("## Corpora")
    out.append("")
    out.append(
        "| articles | bytes | mean bytes/article | planted initiatives (articles) |\n|---|---|---|---|"
    )
    for s in scales:
        planted = ", ".join(f"{t} ({v['count']})" for t, v in s.manifest["planted"].items())
        out.append(f"| {s.n:,} | {s.source_bytes / 1e6:.1f} MB | {s.manifest['mean_bytes']:,} | {planted} |")
    out.append("")
    out.append(
        "Repeats: ingest (each of --jobs 1, --jobs 2 and the jieba pass) "
        + ", ".join(f"{len(s.ingest1)}× at {s.n:,}" for s in scales)
        + f"; in-process questions {a.query_repeat}× after one warm-up call; "
        f"{grep_tool()[1]} {a.grep_repeat}×; CLI commands {a.cli_repeat}×."
    )
    out.append("")
    out.append("## Results")
    out.append("")
    out.append(
        "Every figure is min / median / max over the repeats. Targets are judged on the median "
        "(peak RSS and database size on the max)."
    )
    out.append("")
    out.append("| measure | scale | min | median | max | unit | target | met? | note |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for r in b.rows:
        if r.stat is None:
            out.append(
                f"| {r.measure} | {r.scale} | | {r.note.split(' ')[0]} | | | {r.target} | {_met(r)} "
                f"| {r.note} |"
            )
        else:
            out.append(
                f"| {r.measure} | {r.scale} | {_fmt(r.stat.min)} | {_fmt(r.stat.median)} "
                f"| {_fmt(r.stat.max)} "
                f"| {r.unit} | {r.target} | {_met(r)} | {r.note} |"
            )
    out.append("")
    out.append("## Correctness checks")
    out.append("")
    for c in b.checks:
        out.append(f"- ok: {c}")
    for f in b.failures:
        out.append(f"- **FAILED**: {f}")
    out.append("")
    if b.notes:
        out.append("## Notes")
        out.append("")
        out.extend(f"- {n}" for n in b.notes)
        out.append("")
    if b.profile:
        out.append("## Where ingest time goes (cProfile)")
        out.append("")
        out.append("```")
        out.append(b.profile.split("\n\nTop 25 by own time:")[0])
        out.append("```")
        out.append("")
    out.append("## Method")
    out.append("")
    out.append(METHOD)
    return "\n".join(out) + "\n"


ANALYSIS_START, ANALYSIS_END = "<!-- analysis: kept across runs -->", "<!-- /analysis -->"


def kept_analysis(results: Path) -> str:
    """The hand-written analysis block of an earlier RESULTS.md (between the markers), kept as is."""
    if not results.exists():
        return ""
    old = results.read_text(encoding="utf-8")
    start, end = old.find(ANALYSIS_START), old.find(ANALYSIS_END)
    if start < 0 or end < start:
        return ""
    return "\n" + old[start : end + len(ANALYSIS_END)] + "\n"


METHOD = """\
- Corpus: `bench/make_corpus.py` (deterministic, seed 42) draws prose paragraphs from `seeds/` and
  `../shared/corpus/`, swaps in one province per article, prefixes a title and a byline
  (`山东省公安厅厅长 王某`) and plants six invented initiatives (“云端护航九步法” …) in 1–13 known
  articles each; `manifest.json` holds the truth.
- Ingest: `policykb --db DB ingest CORPUS/articles --jobs J` in a child process on a fresh database;
  throughput = source bytes / wall time of the whole command (start-up, parse, write, FTS index).
  Peak RSS = `ru_maxrss` of that child from `os.wait4`; for `--jobs 2` also the sum of VmRSS over
  the process tree, polled every 50 ms.
- jieba baseline: a child process runs `jieba.lcut(text)` over every file's decoded text (at the large
  scale, a sample of files spread evenly over the corpus); its rate counts only the read+decode+lcut
  loop, not Python start-up or the dictionary load, so the ratio is conservative.
- Questions: in-process `kb.provinces(term)` / `kb.search(text)` on the `--jobs 1` database, warm
  (one call first). Baseline: `rg -l -F TERM CORPUS/articles`, warm page cache, wall time of the command.
- CLI start-up: wall time of `policykb --help`, `policykb --db DB provinces TERM --format json` and
  `python -c "import sqlalchemy"`, interleaved; jieba import detected with `PYTHONPROFILEIMPORTTIME=1`.
- Database size: the SQLite file (+ WAL, SHM if left) after ingest / source bytes.
- Growth: per-article ingest time and query time at the large scale / at 1,000 articles.
"""


# ============================================================================ main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="policykb benchmark (see bench/README.md)")
    ap.add_argument(
        "--quick", action="store_true", help="1,000 articles, fewer repeats; results to --workdir"
    )
    ap.add_argument("--n", type=int, default=None, help="large scale (default 20,000; --quick: 1,000)")
    ap.add_argument(
        "--repeat", type=int, default=None, help="ingest repeats at 1,000 articles (default 3; quick 1)"
    )
    ap.add_argument(
        "--repeat-large", type=int, default=1, help="ingest repeats at the large scale (default 1)"
    )
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--workdir", type=Path, default=HERE / "out", help="corpora, databases, quick results")
    ap.add_argument(
        "--jieba-files",
        type=int,
        default=None,
        help="files in the jieba pass (default: all up to 2,000; quick 250)",
    )
    ap.add_argument(
        "--query-repeat", type=int, default=None, help="in-process question repeats (default 20; quick 10)"
    )
    ap.add_argument("--grep-repeat", type=int, default=None, help="rg repeats (default 5; quick 3)")
    ap.add_argument("--cli-repeat", type=int, default=None, help="CLI start-up repeats (default 10; quick 5)")
    ap.add_argument(
        "--profile-files",
        type=int,
        default=None,
        help="cProfile an ingest of K files (default 150; quick 0 = off)",
    )
    ap.add_argument(
        "--reuse-runs",
        action="store_true",
        help="take ingest and jieba runs recorded in WORKDIR/runs.jsonl by earlier runs of the same corpus",
    )
    ap.add_argument("--skip-jobs2", action="store_true", help="do not measure --jobs 2")
    ap.add_argument(
        "--keep-dbs", action="store_true", help="keep every database built (default: one per scale)"
    )
    ap.add_argument(
        "--no-timing-targets", action="store_true", help="report timings without judging them (CI smoke test)"
    )
    a = ap.parse_args(argv)
    q = a.quick
    a.n = a.n or (SMALL if q else 20_000)
    a.repeat = a.repeat or (1 if q else 3)
    a.jieba_files = a.jieba_files if a.jieba_files is not None else (250 if q else 2000)
    a.query_repeat = a.query_repeat or (10 if q else 20)
    a.grep_repeat = a.grep_repeat or (3 if q else 5)
    a.cli_repeat = a.cli_repeat or (5 if q else 10)
    a.profile_files = a.profile_files if a.profile_files is not None else (0 if q else 150)
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    t_start = time.perf_counter()
    a.workdir.mkdir(parents=True, exist_ok=True)
    b = Bench(a, a.workdir.resolve())
    global PYCACHE
    PYCACHE = b.workdir / "pycache"
    info = machine_info()
    print(
        f"policykb bench ({'quick' if a.quick else 'full'}) on {info['cpu']}, {info['cores']} cores; "
        f"workdir {b.workdir}",
        flush=True,
    )
    if shutil.which("rg") is None:
        b.notes.append(
            "ripgrep (rg) is not installed: the baseline is `grep -rlF`, slower than rg, "
            "so the ratios flatter policykb"
        )
    sizes = [a.n] if a.n <= SMALL else [SMALL, a.n]
    scales: list[Scale] = []
    for n in sizes:
        corpus, manifest = ensure_corpus(b.workdir, n, a.seed)
        s = Scale(n, corpus, manifest, int(manifest["bytes"]), big=n == a.n)
        scales.append(s)
        print(f"\n--- scale {n:,} articles ({s.source_bytes / 1e6:.1f} MB)", flush=True)
        repeat = a.repeat if n <= SMALL else a.repeat_large
        measure_ingest(b, s, repeat)
        measure_questions(b, s)
    print("\n--- CLI start-up", flush=True)
    measure_cli(b, scales[-1])
    if len(scales) > 1:
        measure_growth(b, scales[0], scales[-1])
    else:
        b.notes.append(f"growth rows need a large scale (--n > {SMALL}); skipped")
    if a.profile_files:
        profile_ingest(b, scales[0])
    b.notes.append(f"whole benchmark run: {(time.perf_counter() - t_start) / 60:.1f} min")
    if len(b.versions) > 1:
        b.notes.append(
            "the code under test changed during the run: ingest runs started on "
            + ", ".join(sorted(b.versions))
        )
    if b.reused:
        b.notes.append("runs reused from earlier invocations (--reuse-runs): " + "; ".join(b.reused))
    if b.loads:
        b.notes.append(
            f"1-minute load average as each ingest / jieba run started: {min(b.loads):.1f} to "
            f"{max(b.loads):.1f} on {os.cpu_count()} cores (other work on the machine makes absolute "
            "figures noisy; the ratios pair runs taken back to back)"
        )
    print_table(b)
    text = markdown(b, info, scales)
    quick = a.quick or a.no_timing_targets
    target = b.workdir / "results-quick.md" if quick else HERE / "RESULTS.md"
    target.write_text(text + kept_analysis(target), encoding="utf-8")
    (b.workdir / ("results-quick.json" if target.name != "RESULTS.md" else "results-full.json")).write_text(
        json.dumps(
            {
                "info": info,
                "rows": [
                    {
                        "measure": r.measure,
                        "scale": r.scale,
                        "values": r.stat.values if r.stat else None,
                        "unit": r.unit,
                        "target": r.target,
                        "met": r.met,
                        "note": r.note,
                    }
                    for r in b.rows
                ],
                "checks": b.checks,
                "failures": b.failures,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"results written to {target}")
    if b.failures:
        print(f"CORRECTNESS CHECKS FAILED ({len(b.failures)}):", file=sys.stderr)
        for f in b.failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    print(f"all correctness checks passed ({len(b.checks)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
