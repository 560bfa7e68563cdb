"""Province-level regions named in running prose (迪庆 → 云南省) and in printed offices.

The words come from data files (see ``data/REGIONS_SOURCE.md``): ``regions.tsv`` (every
province, prefecture and county with its GB/T 2260 code), ``region_aliases.tsv`` (简称,
literary names such as 三湘), ``region_stoplist.txt`` (look-alikes such as 长治久安) and
``vague_areas.txt`` (华北, 长三角, 大兴安岭…). They are read once, on first use.

Rules, in the order they apply:

- Scanning is leftmost-longest over every name at once, so 内蒙古自治区 is one hit and a
  stop-listed or vague word (长治久安, 大兴安岭) hides the place names inside it.
- A name that belongs to divisions of two provinces (朝阳区, 城关) is never counted; a
  province's name wins over a prefecture's (海南), a prefecture's over a county's (大同).
- A county counts alone only from three characters on (香格里拉); a two-character county
  name counts only with its suffix (公安县, not 公安机关).
- A name of up to three characters must not cut a word of the sentence in two (隆重|庆祝,
  示范|县, 新乡|贤): jieba segments a small window around it.
- A name ending in 市 or 区 that runs into 市场 or 区域 gives way to a shorter name
  (河北区域 → 河北).
- A city's name that starts a street's (南京路, 南京东路) or ends a reporter's name
  (（李汉中）, 记者王海南) is no mention.
- An item of a 、-list next to a place names that place's province where it is the short name
  of one of its divisions (大连、朝阳; 莆田、南平等地; 三亚、琼海), word or not.

Scanning is fast without a Python loop per name: a regex finds the positions where a name's
first two characters stand, and a per-first-character trie regex takes the longest name there.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeAlias

from ..lexicon import read_lines, read_tsv
from ..segment import plain_cut as cut
from ..segment import plain_word_ends
from .hits import RegionHit

__all__ = [
    "Alias",
    "Division",
    "Province",
    "aliases",
    "divisions",
    "find_regions",
    "lookup_province",
    "province_name",
    "provinces",
    "region_of_position",
    "stop_words",
    "vague_areas",
]

_Trie: TypeAlias = dict[str, "_Trie"]

# Kinds of alias that name a province in their own right (湘, 三湘), as opposed to a part of
# it (湘南) or a compound (湘警); only these are Province.aliases and CLI arguments.
PROVINCE_ALIAS_KINDS = ("abbreviation", "literary")
# Names up to this length are checked against jieba's segmentation of their sentence.
CHECKED_LENGTH = 3
# Characters of context on each side given to jieba.
WINDOW = 6
# A county's short name counts alone only from this length on.
COUNTY_SHORT_MIN = 3
# The character after a name's suffix that shows the suffix belongs to the next word.
SUFFIX_GLUE = {"市": "场值", "区": "域位块间"}
# The genre names an autonomous prefecture, county or banner by its short name and a bare
# suffix: 迪庆州, 东乡县, 鄂伦春旗.
AUTONOMOUS_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
# Streets named after places (天津的赤峰道、成都道, 南京路, 南京东路); 道路/道理/道德/道地 are other
# words, and so are 路径/路子/路线/路网… (浙江路径, 走出一条湖南路子).
STREET = re.compile(r"[东西南北中]?路(?![径子线网数况标演段面])|大街|大道|道(?![路理德地])")
# An opening bracket, maybe 记者, and a one- or two-character surname right before the name.
PERSON_IN_BRACKETS = re.compile(r"[(（](?:记者|通讯员)?\s*([\u4e00-\u9fff]{1,2})$")
# Lengths of a list item's name, longest first.
LIST_ITEM_LENGTHS = (3, 2)
# 记者 or 通讯员 and one character right before a name of up to two characters: a reporter's given
# name (记者王海南报道) where that character is a surname and no preposition (记者从海南获悉).
PERSON_AFTER_BYLINE = re.compile(r"(?:记者|通讯员)\s*([\u4e00-\u9fff])$")
NOT_A_SURNAME = frozenset("从在向于赴到自对为与和同跟去来")


@dataclass(frozen=True, slots=True)
class Province:
    code: str  # GB/T 2260, six digits (150000)
    name: str  # full official name (内蒙古自治区)
    short_name: str  # 内蒙古
    aliases: tuple[str, ...]  # 简称 and literary names (湘; 三湘, 湖湘 …)


@dataclass(frozen=True, slots=True)
class Division:
    """One row of regions.tsv."""

    code: str
    name: str
    short_name: str  # "" where the name is not used without its suffix
    level: str  # province | prefecture | county
    province_code: str


@dataclass(frozen=True, slots=True)
class Alias:
    """One row of region_aliases.tsv."""

    alias: str
    province_code: str
    kind: str  # abbreviation | literary | city_nickname | part | compound
    alone: bool  # matched in running prose


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Every matchable name with its province code (None: a look-alike that names no province)."""

    names: dict[str, str | None]
    province_names: frozenset[str]  # full and short names of the 34 province-level regions
    by_first: dict[str, re.Pattern[str]]  # longest name at a position, by its first character
    prefilter: re.Pattern[str]  # positions where a name may start
    bigrams: frozenset[str]


# ---------------------------------------------------------------------------- data files


@functools.cache
def divisions() -> tuple[Division, ...]:
    return tuple(Division(*row) for row in read_tsv("regions.tsv"))


@functools.cache
def aliases() -> tuple[Alias, ...]:
    return tuple(
        Alias(alias, code, kind, alone == "yes")
        for alias, code, kind, alone in read_tsv("region_aliases.tsv")
    )


@functools.cache
def stop_words() -> tuple[str, ...]:
    return read_lines("region_stoplist.txt")


@functools.cache
def vague_areas() -> tuple[str, ...]:
    return read_lines("vague_areas.txt")


# ---------------------------------------------------------------------------- provinces


@functools.cache
def provinces() -> tuple[Province, ...]:
    """All 34 province-level regions in code order."""
    extra: dict[str, list[str]] = defaultdict(list)
    for alias in aliases():
        if alias.kind in PROVINCE_ALIAS_KINDS:
            extra[alias.province_code].append(alias.alias)
    return tuple(
        Province(d.code, d.name, d.short_name, tuple(extra[d.code]))
        for d in sorted(divisions(), key=lambda d: d.code)
        if d.level == "province"
    )


@functools.cache
def _provinces_by_code() -> dict[str, Province]:
    return {p.code: p for p in provinces()}


def _normalize_code(code: str) -> str:
    """``37`` and ``370000`` → ``370000``.

    >>> _normalize_code("37")
    '370000'
    """
    code = code.strip()
    return code + "0000" if len(code) == 2 else code


@functools.cache
def _provinces_by_name() -> dict[str, Province]:
    """Full names only (北京市, 内蒙古自治区)."""
    return {p.name: p for p in provinces()}


def province_name(code: str) -> str:
    """Full official name of a province-level region: ``province_name("150000")`` → 内蒙古自治区."""
    province = _provinces_by_code().get(_normalize_code(code))
    if province is None:
        raise KeyError(f"no province-level region has code {code!r}")
    return province.name


@functools.cache
def _province_lookup_table() -> dict[str, Province]:
    table: dict[str, Province] = {}
    for province in provinces():
        for key in (province.code, province.code[:2], province.name, province.short_name, *province.aliases):
            table.setdefault(key, province)
    return table


def lookup_province(arg: str) -> Province | None:
    """A province from a CLI argument: full name, short name, 简称, literary name or code.

    >>> lookup_province("37").name
    '山东省'
    """
    return _province_lookup_table().get(arg.strip())


# ---------------------------------------------------------------------------- the lexicon


def _province_codes_by_name(pairs: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """Name → its province code, or None where the name belongs to two provinces."""
    found: dict[str, set[str]] = defaultdict(set)
    for name, code in pairs:
        found[name].add(code)
    return {name: (codes.pop() if len(codes) == 1 else None) for name, codes in found.items()}


def _autonomous_variants(division: Division) -> Iterator[str]:
    """迪庆藏族自治州 → 迪庆州; 东乡族自治县 → 东乡县."""
    for suffix, bare in AUTONOMOUS_SUFFIX.items():
        if division.name.endswith(suffix) and division.short_name:
            yield division.short_name + bare


def _suffixed_names(level: str) -> Iterator[tuple[str, str]]:
    for d in divisions():
        if d.level == level:
            yield d.name, d.province_code
            for variant in _autonomous_variants(d):
                yield variant, d.province_code


def _short_names(level: str, min_length: int) -> Iterator[tuple[str, str]]:
    for d in divisions():
        if d.level == level and len(d.short_name) >= min_length:
            yield d.short_name, d.province_code


@functools.cache
def _lexicon_names() -> dict[str, str | None]:
    """Every name the scanner knows. Later layers override earlier ones."""
    names: dict[str, str | None] = {}
    layers = (
        _province_codes_by_name(_suffixed_names("county")),
        _province_codes_by_name(_short_names("county", COUNTY_SHORT_MIN)),
        _province_codes_by_name(_suffixed_names("prefecture")),
        _province_codes_by_name(_short_names("prefecture", 2)),
        _province_codes_by_name(_suffixed_names("province")),
        _province_codes_by_name(_short_names("province", 2)),
        {a.alias: a.province_code for a in aliases() if a.alone},
        dict.fromkeys(vague_areas()),
        dict.fromkeys(stop_words()),
    )
    for layer in layers:
        names.update(layer)
    return names


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex that matches the longest of ``words`` at a position.

    >>> re.match(_trie_pattern(["山东", "山东省", "山西"]), "山东省委").group()
    '山东省'
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node_pattern(trie)


def _trie_node_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends_here else group


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


@functools.cache
def _lexicon() -> _Lexicon:
    names = _lexicon_names()
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_first[name[0]].append(name)
    seconds = {name[1] for name in names}
    return _Lexicon(
        names=names,
        province_names=frozenset(n for p in provinces() for n in (p.name, p.short_name)),
        by_first={first: re.compile(_trie_pattern(group)) for first, group in by_first.items()},
        prefilter=re.compile(f"(?={_char_class(by_first)}{_char_class(seconds)})"),
        bigrams=frozenset(name[:2] for name in names),
    )


# ---------------------------------------------------------------------------- word boundaries


def _word_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for word in cut(text):
        yield pos, pos + len(word)
        pos += len(word)


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """Whether a word of the sentence around ``text[start:end]`` shows it is no place name.

    A word that crosses one edge of the name cuts it (隆重|庆祝 around 重庆, 示范|县 around
    范县, 新|乡贤 around 新乡). A word that begins before the name and holds it whole hides it
    (九龙江, 孙中山), unless the name is a province's and the word begins with a word of its
    own (中国台湾, 中共北京市委). A word that begins with the name is fine (延安精神, 北京大学);
    idioms of that kind are in the stop-list (长治久安).
    """
    low = max(0, start - WINDOW)
    if not _could_cut(text, low, min(len(text), end + WINDOW), start, end):
        return False
    for a, b in _word_spans(text[low : end + WINDOW]):
        a, b = a + low, b + low
        if a < start < b < end or start < a < end < b:
            return True
        if a < start and b >= end:
            return not (text[start:end] in _lexicon().province_names and _is_word(text[a:start])) and (
                _lexicon().names.get(text[a:start]) is None
            )
    return False


def _could_cut(text: str, low: int, high: int, start: int, end: int) -> bool:
    """Whether the dictionary holds any word of ``text[low:high]`` that crosses an edge of the name
    or holds it whole; where none does, no cut of the window can (checked without cutting: most
    names stand between words that leave them alone)."""
    for a in range(low, end):
        if a == start:
            continue
        for b in plain_word_ends(text, a, high):
            if a < start < b or start < a < end < b:
                return True
    return False


def _is_word(text: str) -> bool:
    return len(text) >= 2 and cut(text) == [text]


def _runs_into_next_word(text: str, end: int) -> bool:
    """河北区|域, 安宁市|场: the suffix belongs to the word after the name."""
    glue = SUFFIX_GLUE.get(text[end - 1], "")
    return end < len(text) and text[end] in glue


def _is_street(text: str, end: int) -> bool:
    """南京东路, 北京大街: a street named after a city, anywhere."""
    return STREET.match(text, end) is not None


def _is_bracketed_person(text: str, start: int, end: int) -> bool:
    """（李汉中）: a reporter's name in brackets that ends in a place name (not （四川天府）)."""
    before = PERSON_IN_BRACKETS.search(text, max(0, start - 8), start)
    return (
        before is not None
        and before.group(1) not in _lexicon().names
        and end < len(text)
        and text[end] in ")）"
    )


def _is_reporter(text: str, start: int, end: int) -> bool:
    """记者王海南报道: a reporter's name, unbracketed, that ends in a place name."""
    before = PERSON_AFTER_BYLINE.search(text, max(0, start - 6), start)
    return (
        before is not None
        and end - start <= 2
        and before.group(1) in _surnames()
        and before.group(1) not in NOT_A_SURNAME
    )


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(w for line in read_lines("surnames.txt") for w in line.split() if len(w) == 1)


def _is_accepted(text: str, start: int, end: int) -> bool:
    if _is_street(text, end) or _is_bracketed_person(text, start, end) or _is_reporter(text, start, end):
        return False
    if end - start > CHECKED_LENGTH or text[start:end] in _provinces_by_name():
        return True
    return not _cuts_a_word(text, start, end)


# ---------------------------------------------------------------------------- scanning


def _longest_name_at(text: str, start: int) -> tuple[int, str | None] | None:
    """End and province code of the longest acceptable name at ``start``; code None for a look-alike."""
    lex = _lexicon()
    pattern = lex.by_first[text[start]]
    endpos = len(text)
    while (match := pattern.match(text, start, endpos)) is not None:
        end = match.end()
        code = lex.names[match.group()]
        if not _runs_into_next_word(text, end) and (code is None or _is_accepted(text, start, end)):
            return end, code
        endpos = end - 1
    return None


def _scan_names(text: str) -> Iterator[tuple[int, int, str | None]]:
    lex = _lexicon()
    resume = 0
    for candidate in lex.prefilter.finditer(text):
        start = candidate.start()
        if start < resume or text[start : start + 2] not in lex.bigrams:
            continue
        found = _longest_name_at(text, start)
        if found is not None:
            end, code = found
            yield start, end, code
            resume = end


@functools.cache
def _list_names() -> dict[str, str | None]:
    """Short names of counties and prefectures (which win, as in the lexicon), for items of a list."""
    return _province_codes_by_name(_short_names("county", 2)) | _province_codes_by_name(
        _short_names("prefecture", 2)
    )


def _list_neighbours(text: str, hits: list[RegionHit]) -> Iterator[RegionHit]:
    """Items of a 、-list next to a place that name a division of the same province (大连、朝阳;
    莆田、南平等地; 三亚、琼海): there an everyday word (朝阳, 来宾, 白银), a word cut in two (南|平等)
    or a two-character county is the place. A longer name or word at the item (朝阳产业, 公安机关)
    is left alone."""
    names = _list_names()
    taken = {i for h in hits for i in range(h.start, h.end)}
    for hit in hits:
        after = hit.end + 1
        if text[hit.end : after] == "、":
            for length in LIST_ITEM_LENGTHS:
                name = text[after : after + length]
                if (
                    names.get(name) == hit.code
                    and taken.isdisjoint(range(after, after + length))
                    and _longest_word_at(text, after) <= after + length
                ):
                    taken.update(range(after, after + length))
                    yield RegionHit(hit.region, hit.code, name, after, after + length)
                    break
        before = hit.start - 1
        if before > 0 and text[before] == "、":
            for length in LIST_ITEM_LENGTHS:
                start = before - length
                name = text[max(0, start) : before]
                if (
                    start >= 0
                    and taken.isdisjoint(range(start, before))
                    and names.get(name) == hit.code
                    and start in _word_starts(text, start)
                ):
                    taken.update(range(start, before))
                    yield RegionHit(hit.region, hit.code, name, start, before)
                    break


def _longest_word_at(text: str, start: int) -> int:
    """End of the longest name of the lexicon or word of jieba's dictionary at ``start``."""
    pattern = _lexicon().by_first.get(text[start])
    match = pattern.match(text, start) if pattern is not None else None
    ends = plain_word_ends(text, start, min(len(text), start + WINDOW))
    return max([start, *ends, *([match.end()] if match is not None else [])])


def _word_starts(text: str, start: int) -> set[int]:
    """Where jieba starts words in a small window around ``start``."""
    low = max(0, start - WINDOW)
    return {a + low for a, _ in _word_spans(text[low : start + WINDOW])}


def find_regions(text: str) -> list[RegionHit]:
    """Every place name in ``text`` that names a province-level region, in reading order.

    >>> [(h.name, h.region) for h in find_regions("推进迪庆长治久安")]
    [('迪庆', '云南省')]
    """
    hits = []
    for start, end, code in _scan_names(text):
        if code is not None:
            hits.append(RegionHit(province_name(code), code, text[start:end], start, end))
    if "、" in text and hits:
        hits += list(_list_neighbours(text, hits))
        hits.sort(key=lambda h: h.start)
    return hits


def region_of_position(position: str) -> str | None:
    """The province a printed office belongs to (呼和浩特市公安局局长 → 内蒙古自治区), or None."""
    hits = find_regions(position)
    return hits[0].region if hits else None
