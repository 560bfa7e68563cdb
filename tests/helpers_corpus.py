"""A small synthetic corpus for the reliability tests, generated from the bundled seeds.

Each generated article keeps the opening lines of one seed (its title and byline, so the header
parser has work to do), follows them with a seeded-random sample of that seed's other paragraphs in
shuffled order, and ends with a unique marker line, so every file has a distinct content hash.
The same arguments always give byte-identical files.
"""

from __future__ import annotations

import random
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
