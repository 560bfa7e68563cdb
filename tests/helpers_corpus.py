"""A small synthetic corpus for the reliability tests, generated from the bundled seeds, and the
``policykb ingest`` processes that the crash and concurrency tests start, race and kill.

Each generated article keeps the opening lines of one seed (its title and byline, so the header
parser has work to do), follows them with a seeded-random sample of that seed's other paragraphs in
shuffled order, and ends with a unique marker line, so every file has a distinct content hash.
The same arguments always give byte-identical files.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
HEAD_LINES = 2  # title and subtitle/byline stay first
MAX_PARA_CHARS = 1200
MIN_BODY_CHARS = 60  # long paragraphs are cut at a sentence end to keep files small


@cache
def seed_paragraphs() -> tuple[tuple[str, ...], ...]:
    """The non-empty lines of each seed file, in file order."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        out.append(tuple(_shortened(ln) for ln in lines if ln))
    return tuple(out)


def _shortened(para: str) -> str:
    if len(para) <= MAX_PARA_CHARS:
        return para
    cut = para.rfind("。", 0, MAX_PARA_CHARS)
    return para[: cut + 1] if cut > 0 else para[:MAX_PARA_CHARS]


def article_text(index: int, *, seed: int = 0, body_paras: int = 6) -> str:
    """The text of generated article ``index``: deterministic in (index, seed, body_paras)."""
    seeds = seed_paragraphs()
    paras = seeds[index % len(seeds)]
    rng = random.Random(f"{seed}:{index}")
    head = list(paras[:HEAD_LINES])
    # prose paragraphs only, so that every article has a body (a run of bare headings is another test's job)
    rest = [p for p in paras[HEAD_LINES:] if len(p) >= MIN_BODY_CHARS]
    body = rng.sample(rest, min(body_paras, len(rest)))
    marker = f"（样本编号：{seed}-{index:05d}）"
    return "\n\n".join([*head, *body, marker]) + "\n"


def write_corpus(
    dest: Path, count: int, *, seed: int = 0, start: int = 0, body_paras: int = 6, per_folder: int = 0
) -> list[Path]:
    """Write articles ``start`` … ``start + count - 1`` under ``dest`` and return their paths, sorted.

    ``per_folder`` > 0 spreads the files over sub-folders of that many files each.
    """
    dest.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(start, start + count):
        folder = dest / f"part{i // per_folder:03d}" if per_folder else dest
        folder.mkdir(exist_ok=True)
        path = folder / f"article_{i:05d}.txt"
        path.write_text(article_text(i, seed=seed, body_paras=body_paras), encoding="utf-8")
        paths.append(path)
    return sorted(paths)


# ----------------------------------------------------------------------------- ingest processes

# ``policykb ingest`` with the parser's dictionaries loaded before the command starts: jieba and its
# part-of-speech tables take ~2 s of CPU per process, which would otherwise dominate every trial.
# The process loads them, says "ready", waits for a line on stdin, then runs the CLI's main() on its
# arguments, exactly as the ``policykb`` script does. Cold trials run the plain CLI.
WARM_CLI = (
    "import sys\n"
    "from policykb.parse import parse_text\n"
    "parse_text('全省公安机关要坚持和发展新时代“枫桥经验”，依法打掉犯罪团伙12个。')\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
    "from policykb.cli import main\n"
    "main(sys.argv[1:], prog_name='policykb')\n"
)


def start_ingest(
    db: str | Path, folders: Path | list[Path], jobs: int = 1, *, warm: bool = False
) -> subprocess.Popen[bytes]:
    """``policykb --db DB ingest FOLDER… --jobs N`` in a process group of its own (the kill takes the
    parser workers too); a warm one waits for :func:`go`."""
    head = [sys.executable, "-c", WARM_CLI] if warm else [sys.executable, "-m", "policykb.cli"]
    paths = [str(f) for f in (folders if isinstance(folders, list) else [folders])]
    return subprocess.Popen(
        [*head, "--db", str(db), "ingest", *paths, "--jobs", str(jobs)],
        stdin=subprocess.PIPE if warm else subprocess.DEVNULL,
        stdout=subprocess.PIPE if warm else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def go(proc: subprocess.Popen[bytes]) -> None:
    """Let a warm ingest start, once its dictionaries are loaded."""
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline() == b"ready\n"
    proc.stdin.write(b"go\n")
    proc.stdin.flush()


def kill_group(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL the ingest and its workers; True when it was still running."""
    running = proc.poll() is None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
    return running


def finish(proc: subprocess.Popen[bytes], timeout: float = 300) -> tuple[int, str, str]:
    """Wait for an ingest to end: (exit code, stdout, stderr)."""
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, (out or b"").decode(), (err or b"").decode()


# ----------------------------------------------------------------------------- hang guard


class Hung(BaseException):
    """Raised by the alarm of :func:`stopped_after`: a BaseException, so that no ``except Exception``
    (or ``except OSError``, which TimeoutError would meet) in the code under test can swallow it."""


@contextlib.contextmanager
def stopped_after(seconds: float) -> Iterator[None]:
    """Fail the test if the block runs longer than ``seconds`` (SIGALRM; main thread only), so that a
    hang (a runaway parse, a FIFO opened for reading) fails fast instead of blocking CI."""

    def on_alarm(_signum: int, _frame: object) -> None:
        raise Hung

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Hung:
        # a fresh exception, without the interrupted frame (pytest cannot always format that one),
        # and an Exception, so that hypothesis reports the example that hung
        raise AssertionError(f"still running after {seconds} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
