"""Build a deterministic synthetic corpus of policy articles for the benchmark.

Each article is a plain-text file made of
- a title line and a byline line (``山东省公安厅厅长 王建国``) for a province the RNG picks,
- sometimes a 摘要 line,
- paragraphs drawn at random from the real texts (``../seeds`` and ``../../shared/corpus``), with
  the province names they mention swapped for the article's province,
- in a known set of articles, a sentence naming one of a few invented initiatives in quotation marks.

``manifest.json`` records, for each planted initiative, the articles it was planted in and the
province full names of those articles: the answer ``policykb provinces TERM`` must give.

Article i is the same for every N (its own RNG is seeded with ``seed`` and ``i``); only the planted
sets depend on N. Files go to ``OUT/articles/NNN/NNNNNN.txt``, at most 1,000 per folder.

Usage: python bench/make_corpus.py --n 1000 --out DIR [--seed 42]
Stdlib only.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS_DIR = HERE.parent / "seeds"
SHARED_CORPUS_DIR = HERE.parent.parent / "shared" / "corpus"

FILES_PER_FOLDER = 1000
# Article size in bytes (UTF-8), drawn uniformly: mean 25 KB, so 20,000 articles ≈ 500 MB.
SIZE_RANGE = (15_000, 35_000)
MIN_PARA_CHARS = 40

# The 31 province-level regions of the mainland: full name, short name, office of the police chief.
PROVINCES: tuple[tuple[str, str], ...] = (
    ("北京市", "北京"),
    ("天津市", "天津"),
    ("河北省", "河北"),
    ("山西省", "山西"),
    ("内蒙古自治区", "内蒙古"),
    ("辽宁省", "辽宁"),
    ("吉林省", "吉林"),
    ("黑龙江省", "黑龙江"),
    ("上海市", "上海"),
    ("江苏省", "江苏"),
    ("浙江省", "浙江"),
    ("安徽省", "安徽"),
    ("福建省", "福建"),
    ("江西省", "江西"),
    ("山东省", "山东"),
    ("河南省", "河南"),
    ("湖北省", "湖北"),
    ("湖南省", "湖南"),
    ("广东省", "广东"),
    ("广西壮族自治区", "广西"),
    ("海南省", "海南"),
    ("重庆市", "重庆"),
    ("四川省", "四川"),
    ("贵州省", "贵州"),
    ("云南省", "云南"),
    ("西藏自治区", "西藏"),
    ("陕西省", "陕西"),
    ("甘肃省", "甘肃"),
    ("青海省", "青海"),
    ("宁夏回族自治区", "宁夏"),
    ("新疆维吾尔自治区", "新疆"),
)

# Invented initiative names (none occurs in the real texts), each planted in a fixed number of
# articles: rare on purpose, so a wrong region answer shows.
PLANTED: tuple[tuple[str, int], ...] = (
    ("云端护航九步法", 1),
    ("青禾守望工作法", 2),
    ("蓝盾枢纽联勤机制", 3),
    ("晨曦安居工程", 5),
    ("北斗警源共治模式", 8),
    ("七彩调解驿站", 13),
)

PLANT_SENTENCES = (
    "近年来，{short}公安机关创新推出“{term}”，推动矛盾纠纷就地化解，群众安全感明显提升。",
    "{short}各地认真总结推广“{term}”，把风险隐患解决在萌芽状态，取得了良好成效。",
    "实践中，我们探索形成了“{term}”，进一步夯实了基层基础，提升了社会治理效能。",
    "要坚持和完善“{term}”，健全长效机制，确保各项措施落地见效。",
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
)
GIVEN = "建国伟明志强海涛军华平东晓斌宏刚文杰鹏飞俊峰磊勇毅辉新宇红梅丽娟芳敏静燕玲霞兵亮波健松林森雪冰晨阳"

OFFICES_PROVINCE = ("公安厅厅长", "公安厅党委书记、厅长", "副省长、公安厅厅长")
OFFICES_REGION = ("公安厅厅长", "公安厅党委书记、厅长", "人民政府副主席、公安厅厅长")
OFFICES_CITY = ("公安局局长", "公安局党委书记、局长", "副市长、公安局局长")

TITLE_HEADS = (
    "奋力推进{short}公安工作高质量发展",
    "以新安全格局保障{short}新发展格局",
    "坚持和发展新时代“枫桥经验” 推进{short}平安建设",
    "深化{short}公安改革 提升社会治理效能",
    "全面提升{short}公安机关维护安全稳定能力",
    "在新征程上谱写{short}公安工作新篇章",
    "扎实推进{short}基层社会治理现代化",
    "以高水平安全护航{short}高质量发展",
)

_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|p|/div|div|/h\d)[^>]*>", re.IGNORECASE)
_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\u3000\u00a0]+(?=[\u3000-\u9fff\uff00-\uffef])"
)
# Paragraphs that would end an article's body (appendix, notes) or look like a header line.
_REJECT = re.compile(r"^(?:附|注|参考文献|名词解释|[［\[【(（]|#|作者|责任编辑|来源|关键词|摘要)")


@dataclass(frozen=True, slots=True)
class Pool:
    paragraphs: tuple[str, ...]
    abstracts: tuple[str, ...]


def source_files() -> list[Path]:
    if not SHARED_CORPUS_DIR.is_dir():
        sys.exit(
            f"make_corpus: {SHARED_CORPUS_DIR} not found: the benchmark corpus is built from the real "
            "texts in ../shared/corpus (and ../seeds); check out the shared folder next to the repository"
        )
    if not SEEDS_DIR.is_dir():
        sys.exit(f"make_corpus: {SEEDS_DIR} not found")
    files = sorted(SEEDS_DIR.glob("*.txt"))
    files += sorted(p for p in SHARED_CORPUS_DIR.rglob("*") if p.suffix in {".txt", ".md"} and p.is_file())
    return [p for p in files if p.name != "SOURCES.md"]


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def clean_lines(text: str) -> list[str]:
    """Lines of prose: HTML taken out, PDF spaces between Chinese characters removed."""
    text = _BLOCK_TAG.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    out = []
    for raw in text.splitlines():
        line = _CJK_SPACE.sub("", raw.strip())
        if line:
            out.append(line)
    return out


def is_body_paragraph(line: str) -> bool:
    return len(line) >= MIN_PARA_CHARS and "。" in line and not _REJECT.match(line)


def build_pool(files: list[Path]) -> Pool:
    paragraphs: dict[str, None] = {}
    for path in files:
        for line in clean_lines(read_text(path)):
            if is_body_paragraph(line):
                paragraphs[line] = None
    paras = tuple(paragraphs)
    abstracts = tuple(p for p in paras if 80 <= len(p) <= 220)
    return Pool(paras, abstracts)


def _province_pattern() -> re.Pattern[str]:
    fulls = sorted((f for f, _ in PROVINCES), key=len, reverse=True)
    shorts = sorted((s for _, s in PROVINCES), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, fulls + shorts)))


_PROVINCE_RE = _province_pattern()
_FULL_NAMES = frozenset(f for f, _ in PROVINCES)


def swap_provinces(text: str, full: str, short: str) -> str:
    """Every province name in ``text`` becomes the article's own (full for full, short for short)."""
    return _PROVINCE_RE.sub(lambda m: full if m.group(0) in _FULL_NAMES else short, text)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def byline(rng: random.Random, full: str) -> str:
    if full.endswith("市"):
        offices = OFFICES_CITY
    elif full.endswith("自治区"):
        offices = OFFICES_REGION
    else:
        offices = OFFICES_PROVINCE
    return f"{full}{rng.choice(offices)} {person_name(rng)}"


def make_article(index: int, seed: int, pool: Pool, planted: list[str]) -> tuple[str, str]:
    """(text, province full name) of article ``index``; ``planted`` terms are quoted in it."""
    rng = random.Random(f"{seed}:{index}")
    full, short = rng.choice(PROVINCES)
    lines = [rng.choice(TITLE_HEADS).format(short=short), byline(rng, full)]
    if rng.random() < 0.5:
        lines.append("摘要 " + swap_provinces(rng.choice(pool.abstracts), full, short))
    size = sum(len(x.encode()) + 1 for x in lines)
    target = rng.randint(*SIZE_RANGE)
    body: list[str] = []
    while size < target:
        para = swap_provinces(rng.choice(pool.paragraphs), full, short)
        body.append(para)
        size += len(para.encode()) + 1
    for term in planted:
        sentence = rng.choice(PLANT_SENTENCES).format(short=short, term=term)
        k = rng.randrange(len(body))
        body[k] = body[k] + sentence if rng.random() < 0.5 else sentence + body[k]
    return "\n".join(lines + body) + "\n", full


def article_path(out: Path, index: int) -> Path:
    return out / "articles" / f"{index // FILES_PER_FOLDER:03d}" / f"{index:06d}.txt"


def plant_plan(n: int, seed: int) -> dict[int, list[str]]:
    """Article index → planted terms, drawn with their own RNG so they do not disturb the articles."""
    rng = random.Random(f"{seed}:plant")
    plan: dict[int, list[str]] = {}
    for term, count in PLANTED:
        for i in rng.sample(range(n), min(count, n)):
            plan.setdefault(i, []).append(term)
    return plan


def build(n: int, out: Path, seed: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    pool = build_pool(source_files())
    plan = plant_plan(n, seed)
    articles: dict[str, list[str]] = {term: [] for term, _ in PLANTED}
    provinces: dict[str, set[str]] = {term: set() for term, _ in PLANTED}
    total = 0
    for i in range(n):
        text, full = make_article(i, seed, pool, plan.get(i, []))
        path = article_path(out, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        for term in plan.get(i, []):
            articles[term].append(str(path.relative_to(out)))
            provinces[term].add(full)
    manifest = {
        "n": n,
        "seed": seed,
        "bytes": total,
        "mean_bytes": round(total / n) if n else 0,
        "pool_paragraphs": len(pool.paragraphs),
        "planted": {
            term: {
                "count": len(articles[term]),
                "articles": sorted(articles[term]),
                "provinces": sorted(provinces[term]),
            }
            for term, _ in PLANTED
        },
        "seconds": round(time.perf_counter() - t0, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--out", type=Path, required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    if (args.out / "articles").exists():
        sys.exit(f"make_corpus: {args.out / 'articles'} exists; remove it or choose another --out")
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = build(args.n, args.out, args.seed)
    print(
        f"{args.n} articles, {manifest['bytes'] / 1e6:.1f} MB (mean {manifest['mean_bytes']} bytes), "
        f"{manifest['pool_paragraphs']} source paragraphs, {manifest['seconds']} s → {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
