"""Smoke test of the benchmark (bench/run.py): it builds a small synthetic corpus, ingests it with
--jobs 1 and --jobs 2, asks its questions and checks the answers against the corpus manifest.

No timing is asserted: only that the run ends with exit status 0 and that the planted initiatives'
regions equal the manifest. Skipped without ../shared/corpus (the corpus is built from it) and on the
PostgreSQL run of the suite (the benchmark measures the SQLite file).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = [
    pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is missing"),
    pytest.mark.skipif(bool(os.environ.get("POLICYKB_TEST_DB")), reason="the benchmark measures SQLite"),
]

# A small corpus and few repeats keep this under two minutes on two cores.
SMOKE_ARGS = [
    "--quick",
    "--no-timing-targets",
    "--n",
    "120",
    "--jieba-files",
    "20",
    "--query-repeat",
    "2",
    "--grep-repeat",
    "1",
    "--cli-repeat",
    "1",
]


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    workdir = tmp_path_factory.mktemp("bench")
    env = {k: v for k, v in os.environ.items() if k != "POLICYKB_DB"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), *SMOKE_ARGS, "--workdir", str(workdir)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=workdir,
    )
    return proc, workdir


def test_bench_exits_zero(smoke_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    proc, _ = smoke_run
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bench_manifest_check_passed(
    smoke_run: tuple[subprocess.CompletedProcess[str], Path], jobs: int
) -> None:
    proc, _ = smoke_run
    assert f"manifest check passed (n=120 --jobs {jobs} run 1: 6 planted initiatives)" in proc.stdout
    assert "CHECK FAILED" not in proc.stdout


def test_bench_search_matches_brute_force(smoke_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    proc, _ = smoke_run
    assert proc.stdout.count("equals a brute-force scan of the bodies") == 3


def test_bench_writes_quick_results_not_results_md(
    smoke_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _, workdir = smoke_run
    text = (workdir / "results-quick.md").read_text(encoding="utf-8")
    assert "| ingest / jieba.lcut throughput |" in text
    assert "**FAILED**" not in text
    assert (workdir / "corpus-n120-s42" / "manifest.json").is_file()


def test_corpus_is_deterministic(tmp_path: Path) -> None:
    script = ROOT / "bench" / "make_corpus.py"
    for name in ("a", "b"):
        subprocess.run(
            [sys.executable, str(script), "--n", "5", "--out", str(tmp_path / name), "--seed", "7"],
            check=True,
            capture_output=True,
        )
    files_a = sorted((tmp_path / "a" / "articles").rglob("*.txt"))
    files_b = sorted((tmp_path / "b" / "articles").rglob("*.txt"))
    assert [p.name for p in files_a] == [p.name for p in files_b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(files_a, files_b, strict=True))
