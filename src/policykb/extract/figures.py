"""Quoted figures: counts, amounts, shares, rates and durations written as numbers.

``extract_figures`` finds 52个, 3.6亿元, 97.5%, XX余起 (and, if asked, 三年, 两千余名) in one
paragraph of cleaned text. One compiled regex finds every number with what may stand around
it (an approximation word, a multiplier, a unit); small rules then drop what is not a statistic
(calendar years, dates, ordinals, numbers inside quoted names, set phrases, numbered
formulations). The subject (what the figure counts) comes from the figure's own clause, read
with jieba's part-of-speech tags in a small window on either side.

Every Chinese word the rules use lives in ``policykb/data``: units.tsv, approx_markers.tsv,
figure_numerals.tsv and figure_words.tsv (grammar words, each with its role).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache

from ..lexicon import alternation, read_tsv
from ..segment import cut, opens_word, pos_cut
from .hits import FigureHit

# Clause boundaries: a subject never reaches across them.
_CLAUSE_BREAKS = frozenset("，,；;。！？!?：:\n（）()【】")
_CLAUSE_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_BREAKS))) + "]")
_SENTENCE_BREAKS = frozenset("。！？!?；;\n")
_OPEN_QUOTES = "“「『‘"
_CLOSE_QUOTES = "”」』’"
_QUOTE_CHARS = "“”「」『』‘’\"'"
_QUOTE_RE = re.compile(r'[“”「」『』‘’"]')
_DIGITS = "0-9０-９"
_PLACEHOLDER_DIGITS = "XＸ"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．Ｘ，", "0123456789.X,")
_DASHES = "-—–~～－"
# Before a number: these make it part of a code, a name, a product or a longer number (4G/5G, 7×24, PM2.5),
# or a rate's denominator or a period (每10万人, 每5年).
_NOT_BEFORE = "0-9０-９.．A-Za-zＡ-Ｚａ-ｚXＸ×*＊/／_每"
_CJK = re.compile(r"[\u3400-\u9fff]")
_SHORT_QUOTE = 20  # a quotation up to this long without a clause break is a name, not speech
_WINDOW = 30  # characters read on either side of a figure for its subject
_MAX_SUBJECT_TOKENS = 7
_MAX_SUBJECT_CHARS = 16
_SMALL = 10  # a Chinese numeral under this is a small count, judged more strictly
_MAX_GROUP = 12  # figures in one 分别 list at most
_MAX_MODIFIER = 4  # characters of a modifier that 分别 parts share a head after (城镇、农村居民收入)
_CHANGE_REACH = 12  # how far before a change's first figure its 由/从 may stand


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


# jieba part-of-speech tags (its ICTCLAS-style tag set).
_NOUN_TAGS = _tags("n nr nr1 nr2 nrj nrf nrt ns nsf nt nz nl ng vn an j s b l i eng zg g h k")
_STOP_TAGS = _tags("p d r m q t f y e o u uj ul uz ug uv ud c tg mq rr rz dg df x")
_VERB_TAGS = _tags("v vd vg vi vq a ad ag d")
_PLAIN_VERB_TAGS = _tags("v vd vi")
_DATE_TAGS = _tags("m t q mq f")  # 2020年, 上年: a date before 的 or a link word


@dataclass(frozen=True, slots=True)
class Unit:
    printed: str
    kind: str  # measure | currency | percent | ratio | time | size | count (a bare count: 76万群众)
    canonical: str | None
    small_chinese: bool


_BARE_COUNT = Unit("", "count", None, False)


@dataclass(slots=True)
class _Figure:
    """A figure being built: the FigureHit fields plus where its context starts and ends."""

    text: str
    value: float | None
    unit: Unit
    approx: bool
    placeholder: bool
    start: int
    end: int
    outer_start: int  # with a leading approximation word (近/约/超 …)
    outer_end: int  # with a trailing one (以上/左右 …)
    role: str | None = None
    subject: str | None = None
    partner: int | None = None  # index of the other end of a range or a change

    def hit(self) -> FigureHit:
        unit = self.unit.canonical
        return FigureHit(
            self.text,
            self.value,
            unit,
            self.approx,
            self.placeholder,
            self.subject,
            self.role,
            self.start,
            self.end,
        )


# ---------------------------------------------------------------- data


@cache
def _units() -> dict[str, Unit]:
    return {row[0]: Unit(row[0], row[1], row[2], row[3] == "yes") for row in read_tsv("units.tsv")}


@cache
def _markers() -> dict[str, frozenset[str]]:
    """Approximation markers by position: prefix, infix, suffix, suffix_time."""
    out: dict[str, set[str]] = {}
    for marker, position in read_tsv("approx_markers.tsv"):
        out.setdefault(position, set()).add(marker)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _roles() -> dict[str, frozenset[str]]:
    """figure_words.tsv: the words of each grammatical role."""
    out: dict[str, set[str]] = {}
    for word, role in read_tsv("figure_words.tsv"):
        out.setdefault(role, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _words(*roles: str) -> frozenset[str]:
    """The words of one or more roles."""
    table = _roles()
    return frozenset().union(*(table.get(role, frozenset()) for role in roles))


@cache
def _numerals() -> tuple[dict[str, int], dict[str, int]]:
    """(digits, multipliers) of Chinese number writing."""
    digits: dict[str, int] = {}
    multipliers: dict[str, int] = {}
    for char, value, kind in read_tsv("figure_numerals.tsv"):
        (digits if kind == "digit" else multipliers)[char] = int(value)
    return digits, multipliers


# ---------------------------------------------------------------- numbers


def parse_chinese_number(numeral: str) -> int:
    """The value of a Chinese numeral written the standard way; ValueError for anything else.

    >>> [parse_chinese_number(n) for n in ("一万", "三", "十", "二十五", "两", "一百零五", "两千三百万")]
    [10000, 3, 10, 25, 2, 105, 23000000]
    >>> parse_chinese_number("三亿五千万"), parse_chinese_number("三万五千"), parse_chinese_number("万亿")
    (350000000, 35000, 1000000000000)
    >>> parse_chinese_number("十四五")  # a period's name, not a number
    Traceback (most recent call last):
    ValueError: not a Chinese number: '十四五'
    """
    digits, multipliers = _numerals()
    if not numeral:
        raise ValueError("not a Chinese number: ''")
    total = section = 0
    digit: int | None = None  # a digit not yet taken by a multiplier
    last: int | None = None  # the last multiplier seen
    small: int | None = None  # the last of 十百千 in the current 万/亿 section: they must fall
    gap = False  # a 零 since the last multiplier (一百零五)
    for char in numeral:
        if char in digits and digits[char] == 0 and digit is None:
            gap = True
        elif char in digits and digit is None:
            digit = digits[char]
        elif char in multipliers and (
            multipliers[char] >= 10_000 or small is None or multipliers[char] < small
        ):
            value = multipliers[char]
            if value < 10_000:
                section += (1 if digit is None else digit) * value
                small = value
            elif value == 10_000:
                section = (section + (digit or 0) or 1) * value
                small = None
            else:
                total = (total + section + (digit or 0) or 1) * value
                section, small = 0, None
            digit, last, gap = None, value, False
        else:  # two digits in a row (十四五, 二〇二四), a rising multiplier, or not a numeral at all
            raise ValueError(f"not a Chinese number: {numeral!r}")
    if digit is not None and last not in (None, 10) and not gap:
        raise ValueError(f"not a Chinese number: {numeral!r}")  # 一百五, 一万二: colloquial, ambiguous
    return total + section + (digit or 0)


def _multiplier_value(multiplier: str) -> int:
    _, multipliers = _numerals()
    value = 1
    for char in multiplier:
        value *= multipliers[char]
    return value


def normalize_value(number: str, multiplier: str) -> float:
    """A number as printed (Arabic, full-width or Chinese) with its multiplier applied.

    >>> normalize_value("3.6", "亿")
    360000000.0
    >>> normalize_value("1.5", "万")
    15000.0
    >>> normalize_value("6.36", "万亿")
    6360000000000.0
    >>> normalize_value("2,350", "")
    2350.0
    >>> normalize_value("两千", "")
    2000.0
    """
    digits = _digits_of(number)
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        amount = Decimal(digits)
    else:
        amount = Decimal(parse_chinese_number(number))
    return float(amount * _multiplier_value(multiplier))


# ---------------------------------------------------------------- the candidate pattern


@cache
def _pattern(chinese: bool) -> re.Pattern[str]:
    """One regex for every number with its possible prefix, range, multiplier, unit and suffix."""
    digits, multipliers = _numerals()
    # A multiplier character that starts a unit belongs to the unit (198万千瓦 is 万 + 千瓦).
    unit_ahead = alternation(tuple(u for u in _units() if u[0] in multipliers))
    mult = f"(?:(?!{unit_ahead})[{''.join(multipliers)}])"
    cn = f"(?:(?!{unit_ahead})[{''.join(digits)}{''.join(multipliers)}])++"
    # 1,120; 1 120 (a thousands space, as PDF text has it): one separator throughout
    grouped = "|".join(rf"[{_DIGITS}]{{1,3}}(?:{sep}[{_DIGITS}]{{3}})+(?![{_DIGITS}])" for sep in (",", " "))
    arabic = rf"(?:{grouped}|[{_DIGITS}{_PLACEHOLDER_DIGITS}]+)(?:[.．][{_DIGITS}]+)?"
    markers = _markers()
    infix = alternation(markers["infix"])
    units = alternation(tuple(_units()))
    # A Chinese numeral is only a candidate with a unit after it: 一 and 二 are everywhere in prose.
    number = f"{arabic}|{cn}(?=(?:{infix})?(?:{units}))" if chinese else arabic
    low = f"{arabic}|{cn}" if chinese else arabic
    not_before = _NOT_BEFORE + ("".join(digits) + "".join(multipliers) if chinese else "")
    spaces = r"[ \u00a0]?"
    # Every match starts with one of these: checking it first lets the engine skip most positions fast.
    first = "".join(sorted({w[0] for w in markers["prefix"]})) + _DIGITS + _PLACEHOLDER_DIGITS
    first += "".join(digits) + "".join(multipliers) if chinese else ""
    return re.compile(
        rf"(?=[{first}])(?<![{not_before}])(?<![{_DIGITS}] )"  # not the tail of 1 2 0 3
        rf"(?P<pre>{alternation(markers['prefix'])})?"
        rf"(?:(?P<lo>{low}){spaces}(?P<lomult>{mult}*){spaces}"
        rf"(?P<dash>[{_DASHES}]|{alternation(_words('range'))}){spaces})?"
        rf"(?P<num>{number})(?![A-Za-z])"
        rf"{spaces}(?P<inf1>{infix})?"
        rf"(?P<mult>{mult}*)"
        rf"(?P<inf2>{infix})?"
        rf"{spaces}(?P<unit>{units})?"
        rf"(?P<per>[/／]{mult}*(?:{units}))?"  # a rate: 58万元/人, 0.6人/百亿元, 120公里/小时
        rf"(?P<suf>{alternation(markers['suffix'])})?"
    )


@cache
def _fraction_pattern() -> re.Pattern[str]:
    """百分之九十: a percent written in Chinese."""
    digits, multipliers = _numerals()
    cn = "[" + "".join(digits) + "".join(multipliers) + "]+"
    return re.compile(rf"(?P<frac>{alternation(_words('percent_word'))})(?P<num>{cn})")


# ---------------------------------------------------------------- quotes


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotation marks of a paragraph, in order."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    ascii_open: int | None = None
    for m in _QUOTE_RE.finditer(text):
        i, char = m.start(), m.group()
        if char in _OPEN_QUOTES:
            opened = i
        elif char in _CLOSE_QUOTES:
            if opened is not None:
                spans.append((opened, i))
                opened = None
        elif ascii_open is None:
            ascii_open = i
        else:
            spans.append((ascii_open, i))
            ascii_open = None
    spans.sort()
    return spans


def _enclosing_quote(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(spans, (pos, len(spans) + 10**9)) - 1
    if i >= 0 and spans[i][0] < pos < spans[i][1]:
        return spans[i]
    return None


def _is_name_quote(text: str, quote: tuple[int, int]) -> bool:
    """A short quotation without a clause break names something; a long one is speech."""
    if quote[1] - quote[0] - 1 > _SHORT_QUOTE:
        return False
    return not any(c in _CLAUSE_BREAKS for c in text[quote[0] + 1 : quote[1]])


# ---------------------------------------------------------------- one candidate


def _unit_of(m: re.Match[str]) -> Unit:
    printed = m.group("unit")
    return _units()[printed] if printed else _BARE_COUNT


def _is_chinese(number: str) -> bool:
    return bool(_CJK.match(number))


def _digits_of(number: str) -> str:
    return number.translate(_FULLWIDTH).replace(",", "").replace(" ", "")


def _is_time(unit: Unit) -> bool:
    return unit.kind in ("time", "year")


def _is_year(number: str, unit: Unit) -> bool:
    """2019年, 202X年, XXXX年: a calendar year, not a duration."""
    return unit.kind == "year" and bool(re.fullmatch(r"[12X][0-9X]{3}", _digits_of(number)))


def _followed_by(text: str, end: int, words: frozenset[str]) -> bool:
    return any(text.startswith(w, end) for w in words)


def _preceded_by(text: str, start: int, words: frozenset[str]) -> bool:
    return any(text.endswith(w, 0, start) for w in words)


def _is_date_or_class(text: str, m: re.Match[str], unit: Unit) -> bool:
    """2024年度, 90年代, 三年级; 万亿元级, 三年制."""
    end = m.end("unit")
    if _followed_by(text, end, _words("unit_block")):
        return True
    if unit.canonical in _words("session_unit") and _followed_by(text, end, _words("session")):
        return True
    return unit.kind == "year" and _followed_by(text, end, _words("year_follow"))


def _is_ordinal(text: str, start: int) -> bool:
    return _preceded_by(text, start, _words("ordinal"))


def _is_rank(text: str, start: int, unit: Unit) -> bool:
    return unit.canonical in _words("rank_unit") and _preceded_by(text, start, _words("rank"))


def _is_clock(text: str, start: int, unit: Unit) -> bool:
    """1时20分: a time of day, not a score."""
    return unit.canonical in _words("clock_unit") and _preceded_by(text, start, _words("clock"))


def _is_set_phrase(text: str, figure_text: str, end: int) -> bool:
    """24小时在线受理: a set phrase used as an adverb before a verb, not a statistic."""
    if figure_text not in _words("set_phrase") or end >= len(text):
        return False
    return bool(_CJK.match(text[end])) and not _followed_by(text, end, _words("since"))


def _is_word_start(text: str, unit: Unit, end: int) -> bool:
    """5个人, 3项目, 100万人口: the unit character starts a longer word, so it is not a measure word."""
    if unit.kind != "measure" or len(unit.printed) != 1 or end >= len(text) or not _CJK.match(text[end]):
        return False
    if not opens_word(text[end - 1 : end + 1]):
        return False  # no word starts with the unit and the next character: the unit stands alone
    words = cut(text[end - 1 : end + 3])
    return bool(words) and words[0] != unit.printed


def _is_named(text: str, quotes: list[tuple[int, int]], start: int, end: int, chinese: bool) -> bool:
    """A figure in a short quotation is part of a name (“12小时服务站”) unless it ends it (“三个100%”)."""
    quote = _enclosing_quote(quotes, start)
    if quote is None or not _is_name_quote(text, quote):
        return False
    if chinese:
        return True
    rest = text[end : quote[1]]
    if any(c.isalnum() for c in rest):
        return True
    # a quotation that is nothing but a count of measures names a policy (“30条”, “新十条”); a
    # quoted share is a target (“两个40%”, “100%”)
    whole = text[quote[0] + 1 : quote[1]].strip() == text[start:end].strip()
    return whole and not text[start:end].rstrip().endswith(("%", "％"))


def _is_whole_words(text: str, start: int, end: int) -> bool:
    """A Chinese numeral and its unit are whole words, not part of 三番五次 or 七台河."""
    left = max(0, start - 4)
    bounds = {0}
    pos = 0
    for word in cut(text[left : end + 4]):
        pos += len(word)
        bounds.add(pos)
    return start - left in bounds and end - left in bounds


def _next_word(text: str, end: int) -> tuple[str, str]:
    words = pos_cut(text[end : end + 6])
    return words[0] if words else ("", "")


def _is_formulation(text: str, end: int, unit: Unit, value: float) -> bool:
    """三年行动计划, 两个维护, 四个意识, 八项规定, 从三个方面: Chinese numerals that name, not count."""
    word, tag = _next_word(text, end)
    if word in _words("discourse") or (end < len(text) and text[end] in _OPEN_QUOTES + '"'):
        return True  # 十个方面的工作; 五个“必须统筹好”
    if _is_time(unit):
        return tag in _NOUN_TAGS  # 三年行动: a duration used as an attribute of a name
    return value < _SMALL and tag in _VERB_TAGS


def _is_time_frame(text: str, start: int, end: int, unit: Unit) -> bool:
    """这五年, 过去五年, 五年来: a span of time the text talks about, not a duration it reports."""
    if not _is_time(unit):
        return False
    return _preceded_by(text, start, _words("frame")) or _followed_by(text, end, _words("since"))


def _chinese_ok(text: str, m: re.Match[str], unit: Unit, value: float, quoted: bool) -> bool:
    """The stricter checks a figure written in Chinese numerals must pass."""
    digits, multipliers = _numerals()
    number = m.group("num")
    start = m.start("num")
    end = m.end("unit")
    if quoted or value <= 1:
        return False
    if not any(c in digits for c in number) and multipliers[number[0]] > _SMALL:
        return False  # 百, 千, 万元: a bare multiplier is an order of magnitude, not a figure
    if _preceded_by(text, start, _words("vague")):
        return False
    if value < _SMALL and not unit.small_chinese:
        return False
    if _is_time_frame(text, start, end, unit):
        return False
    return _is_whole_words(text, start, end) and not _is_formulation(text, end, unit, value)


def _figure_from(text: str, m: re.Match[str], quotes: list[tuple[int, int]]) -> _Figure | None:
    """The figure a regex match holds, or None where the number is not a statistic."""
    number, multiplier, unit = m.group("num"), m.group("mult"), _unit_of(m)
    chinese = _is_chinese(number)
    if m.group("unit") is None and not any(c in multiplier for c in _big_multipliers()):
        return None
    if unit.kind == "ordinal" or _followed_by_latin(text, m.end()):
        return None  # 成立75周年; 4.8万P of computing power
    placeholder = "X" in _digits_of(number)
    start = m.start("num")
    end = m.end("unit") if m.group("unit") else m.end("mult")
    if m.group("unit") and m.group("per"):
        unit, end = _per(unit, m.group("per")), m.end("per")
    if _is_year(number, unit) or _is_date_or_class(text, m, unit):
        return None
    if _is_ordinal(text, m.start()) or _is_rank(text, m.start(), unit) or _is_clock(text, m.start(), unit):
        return None
    if _is_word_start(text, unit, end):
        if not any(c in multiplier for c in _big_multipliers()):
            return None
        unit, end = _BARE_COUNT, m.end("inf2") if m.group("inf2") else m.end("mult")
    quoted = _is_named(text, quotes, start, end, chinese)
    if quoted and not chinese:
        return None
    try:
        value = None if placeholder else normalize_value(number, multiplier)
    except (ValueError, ArithmeticError):
        return None
    if chinese and not _chinese_ok(text, m, unit, value or 0.0, quoted):
        return None
    figure_text = re.sub(r"\s", "", text[start:end])
    if _is_set_phrase(text, figure_text, end):
        return None
    figure = _Figure(figure_text, value, unit, False, placeholder, start, end, start, end)
    return _with_markers(text, m, figure)


def _per(unit: Unit, per: str) -> Unit:
    """The unit of a rate: 元 per 人 → 元/人 (the denominator as printed, with its multiplier)."""
    denominator = per[1:]
    canonical = f"{unit.canonical or unit.printed}/{denominator}"
    return Unit(f"{unit.printed}/{denominator}", "ratio", canonical, False)


def _followed_by_latin(text: str, end: int) -> bool:
    return end < len(text) and text[end].isascii() and text[end].isalpha()


@cache
def _big_multipliers() -> str:
    """万 and 亿: a number carrying one is a count even without a measure word (76万群众)."""
    _, multipliers = _numerals()
    return "".join(c for c, v in multipliers.items() if v >= 10_000)


def _with_markers(text: str, m: re.Match[str], figure: _Figure) -> _Figure:
    """Approximation: 近/约/超 before, 多/余 inside, 以上/左右 after (3年多 for a duration)."""
    markers = _markers()
    approx = bool(m.group("inf1") or m.group("inf2"))
    approx = approx or any(c in figure.unit.printed for c in markers["infix"])  # 1个多月
    outer_start, outer_end = figure.start, figure.end
    if m.group("pre") and _opens_word(text, m.start("pre"), m.end("pre")):
        outer_start = m.start("pre")
        approx = approx or not _is_recent(text, m, figure.unit)
    elif not m.group("pre") and _after_marker_verb(text, figure.start):
        approx = True  # 约占30%, 约为
    if m.group("suf") and m.start("suf") == figure.end:
        outer_end = m.end("suf")
        approx = True
    elif _is_time(figure.unit) and _followed_by(text, figure.end, markers.get("suffix_time", frozenset())):
        figure = replace(figure, text=figure.text + text[figure.end], end=figure.end + 1)
        outer_end = figure.end
        approx = True
    elif (
        _is_time(figure.unit)
        and _followed_by(text, figure.end, markers.get("bound_time", frozenset()))
        and cut(text[figure.end : figure.end + 3])[:1] == [text[figure.end]]  # not 3年内容
    ):
        outer_end = figure.end + 1  # 20个工作日内: a bound, like 以内 (not 近3年内, a recent span)
        approx = approx or not (m.group("pre") and _is_recent(text, m, figure.unit))
    return replace(figure, approx=approx, outer_start=outer_start, outer_end=outer_end)


def _opens_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (an approximation marker) starts a word: not the 约 of 签约20个."""
    left = max(0, start - 3)
    pos = left
    for word in cut(text[left:end]):
        if pos == start:
            return True
        pos += len(word)
    return pos == start


def _after_marker_verb(text: str, start: int) -> bool:
    """约占30%, 约为5万人, 近达: an approximation marker, then a verb, right before the number."""
    for verb in _words("marker_verb"):
        if text.endswith(verb, 0, start):
            at = start - len(verb)
            for marker in _markers()["prefix"]:
                if text.endswith(marker, 0, at) and _opens_word(text, at - len(marker), at):
                    return True
    return False


def _is_recent(text: str, m: re.Match[str], unit: Unit) -> bool:
    """最近3年, 近五年来, 近3年，…: 近 says "the recent", not "nearly"."""
    if m.group("pre") not in _words("near"):
        return False
    if _preceded_by(text, m.start("pre"), _words("recent")):
        return True
    before = text[: m.start("pre")].rstrip(" ")
    if _is_time(unit) and (not before or before[-1] in _CLAUSE_BREAKS):
        return True  # 近3年，全省…; 近5年提升21个百分点: a span that opens its clause
    return _is_time(unit) and _followed_by(text, m.end("unit"), _words("since"))


def _range_start(text: str, m: re.Match[str], figure: _Figure) -> _Figure | None:
    """3至5年, 2—3个百分点: the lower end of a range takes the upper end's unit."""
    lo = m.group("lo")
    if lo is None or (_is_chinese(lo) != _is_chinese(m.group("num"))):
        return None
    multiplier = m.group("lomult") or m.group("mult")
    try:
        value = None if "X" in _digits_of(lo) else normalize_value(lo, multiplier)
    except (ValueError, ArithmeticError):
        return None
    start, end = m.start("lo"), m.end("lomult")
    printed = re.sub(r"\s", "", text[start:end])  # as printed: 3 of 3至5年 (its unit is the range's)
    outer_start = m.start("pre") if m.group("pre") else start
    return _Figure(printed, value, figure.unit, figure.approx, value is None, start, end, outer_start, end)


def _candidates(text: str, chinese: bool) -> list[_Figure]:
    quotes = _quote_spans(text)
    figures: list[_Figure] = []
    for m in _pattern(chinese).finditer(text):
        if not m.group("num"):
            continue
        figure = _figure_from(text, m, quotes)
        if figure is None:
            continue
        low = _range_start(text, m, figure)
        if low is not None:
            if _is_year(m.group("lo"), figure.unit):
                continue
            low.partner = len(figures) + 1
            figure.partner = len(figures)
            figure.outer_start = low.outer_start
            figures.append(low)
        figures.append(figure)
    if chinese:
        figures.extend(_fractions(text, quotes))
        figures.sort(key=lambda f: f.start)
    return figures


def _fractions(text: str, quotes: list[tuple[int, int]]) -> list[_Figure]:
    """百分之九十 → 90 %."""
    out: list[_Figure] = []
    percent = _units()["%"]
    for m in _fraction_pattern().finditer(text):
        if _enclosing_quote(quotes, m.start()) is not None:
            continue
        try:
            value = float(parse_chinese_number(m.group("num")))
        except ValueError:
            continue
        out.append(_Figure(m.group(0), value, percent, False, False, m.start(), m.end(), m.start(), m.end()))
    return out


# ---------------------------------------------------------------- changes: 由A上升到B


@cache
def _change_pattern() -> re.Pattern[str]:
    """What stands between the two figures of a change: 上升到, 降至, 提高到, 拓展到 (any short verb
    before 到/至: the change needs 由/从 before its first figure as well)."""
    verb = rf"(?:{alternation(_words('change'))}|[\u4e00-\u9fff]{{1,2}})"
    return re.compile(rf"{verb}?(?:{alternation(_words('change_to'))})")


def _mark_changes(text: str, figures: list[_Figure], clauses: _Clauses) -> None:
    """由91.2%提升到97.5%, 从3个增加到5个: the first figure is the start, the second the end."""
    for a, b in itertools.pairwise(figures):
        if a.partner is not None or b.partner is not None:
            continue
        if not _change_pattern().fullmatch(text[a.outer_end : b.outer_start].strip()):
            continue
        lo, _ = clauses.around(a.outer_start, a.outer_end)
        before = text[max(lo, a.outer_start - _CHANGE_REACH) : a.outer_start]
        if any(w in before for w in _words("change_from")):
            a.role, b.role = "start", "end"


# ---------------------------------------------------------------- subjects


class _Clauses:
    """The clause breaks of a paragraph, found once: a subject never reaches across one."""

    __slots__ = ("_breaks", "_length")

    def __init__(self, text: str) -> None:
        self._breaks = [m.start() for m in _CLAUSE_RE.finditer(text)]
        self._length = len(text)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the clause holding text[start:end]."""
        i = bisect.bisect_left(self._breaks, start)
        lo = self._breaks[i - 1] + 1 if i else 0
        j = bisect.bisect_left(self._breaks, end)
        hi = self._breaks[j] if j < len(self._breaks) else self._length
        return lo, hi


def _is_punct(word: str) -> bool:
    return not any(c.isalnum() for c in word)


def _clean_subject(words: Sequence[str]) -> str | None:
    """Join the words of a subject, dropping leading scope words (全区, 各类) and quotation marks."""
    words = list(words)
    drop = _words("scope", "conj", "of")
    while words and words[0] in drop:
        words.pop(0)
    while words and words[-1] in _words("conj", "of"):
        words.pop()
    subject = "".join(words).translate({ord(c): None for c in _QUOTE_CHARS}).strip()
    return subject if len(subject) >= 2 else None


def _words_before(left: str, *, parts: bool = False) -> list[tuple[str, str]]:
    """The noun phrase just before a figure: link words and a comparison (高于全国) dropped.

    ``parts``: the subject of a 分别 list, whose size limit holds for each of its parts.
    """
    tokens = _strip_link(_before_compare(_pos(left)), _words("action"))
    if tokens and tokens[-1][0] in _words("of"):
        if len(tokens) < 2 or tokens[-2][1] not in _DATE_TAGS:
            return []  # 显著提升的五年: what stands before 的 describes the figure, it is not its subject
        tokens = _strip_link(tokens[:-2])  # 寿命从2020年的82.4岁: the date is not the subject
    phrase: list[tuple[str, str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        if not _takes_before(tokens, i, phrase):
            break
        phrase.insert(0, tokens[i])
        if _is_full(_first_part(phrase) if parts else phrase):
            break
    return phrase


def _first_part(phrase: list[tuple[str, str]]) -> list[tuple[str, str]]:
    conj = _words("conj")
    return list(itertools.takewhile(lambda token: token[0] not in conj, phrase))


def _is_full(phrase: list[tuple[str, str]]) -> bool:
    words = [w for w, _ in phrase if w not in _QUOTE_CHARS and w not in _words("conj")]
    return len(words) >= _MAX_SUBJECT_TOKENS or sum(map(len, words)) >= _MAX_SUBJECT_CHARS


def _pos(text: str) -> list[tuple[str, str]]:
    """jieba's words and tags, with numbers tagged m (without its HMM jieba tags 2020 as eng), and
    grammar words that jieba cut in two joined again (打/掉, 占/比)."""
    return list(_pos_cached(text))


@lru_cache(maxsize=1024)
def _pos_cached(text: str) -> tuple[tuple[str, str], ...]:
    if not text:
        return ()
    tokens = [(w, "m" if w.isdigit() else t) for w, t in pos_cut(text)]
    known = _words("link", "action", "change")
    out: list[tuple[str, str]] = []
    for word, tag in tokens:
        if out and out[-1][0] + word in known:
            out[-1] = (out[-1][0] + word, "v")
        else:
            out.append((word, tag))
    return tuple(out)


def _before_compare(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """高于全国0.4个百分点, 比上年增长5%: what follows a comparison word is the standard, not the subject."""
    compare = _words("compare")
    cut_at = max((i for i, (w, _) in enumerate(tokens) if w in compare), default=-1)
    return tokens[:cut_at] if cut_at >= 0 else tokens


def _strip_link(tokens: list[tuple[str, str]], more: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Drop what stands between a subject and its number: 达到, 分别为, 同比增长, 由 …

    ``more`` adds words to drop: the verbs of 中欧班列累计开行1.3万列, whose topic stands before them.
    """
    link = _words("link") | more if more else _words("link")
    while tokens and (
        tokens[-1][0] in link
        or tokens[-1][1] in ("p", "d", "c", "y")
        or (tokens[-1][1] in _DATE_TAGS and any(w in link for w, _ in tokens[-3:-1]))
    ):
        tokens = tokens[:-1]
    return tokens


def _takes_before(tokens: list[tuple[str, str]], i: int, phrase: list[tuple[str, str]]) -> bool:
    """Whether token i still belongs to the noun phrase that ends at the figure."""
    word, tag = tokens[i]
    if word in _words("conj") or word in _words("of"):
        return bool(phrase) and _nominal_before(tokens, i)
    if word in _QUOTE_CHARS:
        return True  # dropped when the subject is cleaned
    if _is_punct(word) or word in _words("distributive"):
        return False
    if phrase and phrase[0][0] in _words("suffix") and tag in _VERB_TAGS:
        return True  # 解决率, 开行量: a one-character suffix makes the verb part of a noun
    if word in _words("action"):
        return False  # 破获诈骗案件520起, 共有民警300名: what is counted follows the verb
    return tag not in _STOP_TAGS


def _nominal_before(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the word before token i (quotation marks skipped) can end a noun phrase."""
    for word, tag in reversed(tokens[:i]):
        if word not in _QUOTE_CHARS:
            return tag in _NOUN_TAGS or tag in ("v", "vn")
    return False


def _words_after(right: str, *, left: str = "", relative: bool = False) -> tuple[list[tuple[str, str]], bool]:
    """The noun phrase just after a figure (52个社区警务室), and whether 的 or a quote led to it.

    After a preposition or a pivot verb at the end of ``left`` a verb ends the phrase even between
    nouns (为29个省份保供煤炭): the verb after the counted noun is the clause's own.
    ``relative``: a clause ending in 的 may stand between a count and what it counts.
    """
    stripped = right.lstrip(" " + _CLOSE_QUOTES + "\"'")
    led = stripped != right
    for bound in _words("bound"):
        if stripped.startswith(bound):  # 10万千瓦及以下燃煤机组
            stripped = stripped[len(bound) :]
    for of in _words("of"):
        if stripped.startswith(of):
            stripped, led = stripped[len(of) :], True
    if not stripped or (_is_punct(stripped[0]) and stripped[0] not in _OPEN_QUOTES + '"'):
        return [], led  # 增长5.4%、…: nothing follows in the clause
    tokens = _pos(stripped[:_WINDOW])
    head = _relative_head(stripped, tokens) if relative else None
    if head is not None:
        return head, True
    # left is only read (one more jieba call) where a verb stands after the figure
    strict = any(t in _PLAIN_VERB_TAGS for _, t in tokens) and _after_pivot(left)
    phrase: list[tuple[str, str]] = []
    quoted = False
    for i, (word, tag) in enumerate(tokens):
        if word in _QUOTE_CHARS:
            quoted = word in _OPEN_QUOTES or (word in "\"'" and not quoted)
        elif quoted:  # 9个“一件事”全链条治理: a quoted name is taken whole
            phrase.append((word, "nz"))
            continue
        if not _takes_after(tokens, i, phrase, strict):
            if tag in _VERB_TAGS:
                phrase = _before_last_conj(phrase)  # 十项制度和巡查督办五类情形: the verb starts a new item
            break
        phrase.append((word, tag))
        if _is_full(phrase):
            break
    while phrase and phrase[-1][0] in _OPEN_QUOTES:
        phrase.pop()
    return phrase, led


def _relative_head(text: str, tokens: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """300个具有辐射引领作用的实训基地, 100所达到二级医院服务能力的次中心: a verb after the figure
    opens a clause that ends in 的; what is counted is the noun phrase after it."""
    if not tokens or tokens[0][1] not in _PLAIN_VERB_TAGS:
        return None
    of = _words("of")
    at = 0
    for word, _ in tokens:
        if word in of:
            break
        if _is_punct(word):
            return None
        at += len(word)
    else:
        return None
    phrase, _ = _words_after(text[at + 1 :])
    return phrase if any(t in _NOUN_TAGS for _, t in phrase) else None


def _before_last_conj(phrase: list[tuple[str, str]]) -> list[tuple[str, str]]:
    conj = [i for i, (w, _) in enumerate(phrase) if w in _words("conj")]
    return phrase[: conj[-1]] if conj else phrase


def _takes_after(tokens: list[tuple[str, str]], i: int, phrase: list[tuple[str, str]], strict: bool) -> bool:
    word, tag = tokens[i]
    if word in _QUOTE_CHARS:
        return True  # 86个“两重”项目: the quoted name is part of the subject
    if _is_punct(word) or word in _words("stop", "of", "predicate"):
        return False  # 47人入选…: what the counted things achieve is no part of them
    has_noun = any(t in _NOUN_TAGS for _, t in phrase)
    nxt_word, nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
    if strict and tag in _PLAIN_VERB_TAGS and (phrase or nxt not in _NOUN_TAGS):
        return False  # 帮扶42.6万人消除返贫致贫风险; not 帮扶7.2万名就业困难人员
    if word in _words("conj"):
        return has_noun and nxt in _NOUN_TAGS
    if tag == "t" and nxt in _NOUN_TAGS:
        return True  # 20个未来产业
    if tag == "m" and all(c in _numerals()[1] for c in word):
        return True  # 4个万亿级产业基地
    if tag == "m" and len(word) == 1 and has_noun and nxt in _NOUN_TAGS and word not in _numerals()[0]:
        return True  # 厨|余|垃圾处理设施: a character jieba read as a number inside a noun
    if tag == "q" and phrase and phrase[-1][1] == "m":
        return True
    if not phrase and tag in ("r", "f") and len(word) > 1 and nxt in _NOUN_TAGS:
        return True  # 8所本科院校, 326项两岸共通标准: jieba's pronoun or locality tag on a noun's first word
    if tag in _STOP_TAGS:
        return False
    if tag in _VERB_TAGS and has_noun:  # 治安管理服务中心, 智慧警务站: a verb inside a noun
        last = len(word) == 1 and (not nxt_word or _is_punct(nxt_word))
        inside = nxt in _NOUN_TAGS and (len(word) > 1 or len(nxt_word) > 1)  # not 提/质/增效
        return (inside or last) and word not in _words("action", "link")
    return True


def _after_pivot(left: str) -> bool:
    """Whether a preposition or a pivot verb stands right before the figure (为, 与, 支持, 帮扶)."""
    tokens = _pos(left) if left else []
    return bool(tokens) and (tokens[-1][1] == "p" or tokens[-1][0] in _words("pivot"))


def _subject_after(right: str, unit: Unit, left: str) -> tuple[str | None, bool, bool]:
    """The subject after the figure; whether 的 or a closing quote led to it; whether it is nominal."""
    # a count or a share, not an amount of money (安排450亿元支持…的发展) or a duration (70年来取得的成就)
    relative = unit.kind in ("measure", "count", "percent")
    phrase, led = _words_after(right, left=left, relative=relative)
    if not phrase:
        return None, led, False
    tags = [t for _, t in phrase]
    nominal = any(t in _NOUN_TAGS for t in tags)
    if unit.kind in ("measure", "count") and not led:
        return _clean_subject([w for w, _ in phrase]), led, nominal
    if _is_time(unit) and not nominal:
        verb = phrase[0][0] if tags[0] in _PLAIN_VERB_TAGS else None
        return verb, led, False  # 30年坚守: what lasted
    if nominal and (led or tags[0] in _NOUN_TAGS or unit.kind in ("measure", "count")):
        return _clean_subject([w for w, _ in phrase]), led, nominal
    return None, led, False


def _subject_of(left: str, right: str, unit: Unit, *, more: bool = False) -> str | None:
    """52个警务室 (after) or 警务室52个 (before); after 的, a noun before wins (民警不少于3人的标准)
    unless what stands before is no noun phrase (可申请最高不超过300万元的创业担保贷款).

    ``more``: the clause goes on after the figure. A verb alone before the figure then takes it as
    its object (筹措7亿元实施…, 确定4.5%左右的增长目标): it is no subject; a clause that ends at the
    figure keeps it (城镇新增就业86万人).
    """
    after, led, nominal = _subject_after(right, unit, left)
    if after and nominal and not led:
        return after
    phrase = _words_before(left)
    before = _clean_subject([w for w, _ in phrase])
    if before and (more or led) and _is_verbal(phrase):
        return after if nominal else None
    if before and led and nominal and (not _ends_nominal(phrase) or _acts_on_figure(left)):
        return after  # 群众可获得不超过5万元的奖励金: the noun before is the agent, not what is measured
    if before and (led or not nominal):
        return before  # 民警不少于3人的配备标准; 平房2008户申请式退租
    return after or before


def _is_verbal(phrase: list[tuple[str, str]]) -> bool:
    """A phrase without a noun in it (筹措, 确定, 努力): not a noun phrase, unless a noun suffix ends
    it (化解率)."""
    words = [(w, t) for w, t in phrase if w not in _QUOTE_CHARS]
    if not words or words[-1][0][-1] in _words("suffix"):
        return False
    return not any(t in _NOUN_TAGS for _, t in words)


def _acts_on_figure(left: str) -> bool:
    """Whether a verb that takes the figure as (part of) its object stands just before it (获得, 破获)."""
    tokens = _strip_link(_before_compare(_pos(left)))
    return bool(tokens) and tokens[-1][0] in _words("action")


def _ends_nominal(phrase: list[tuple[str, str]]) -> bool:
    """Whether a phrase ends in a noun (its head): 民警, 解决率, 投资; not 可申请最高."""
    words = [(w, t) for w, t in phrase if w not in _QUOTE_CHARS]
    if not words:
        return False
    word, tag = words[-1]
    return tag in _NOUN_TAGS or tag == "v" or word[-1] in _words("suffix")


def _split_parts(phrase: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """破案率和满意率 → [[破案率], [满意率]]; quotation marks dropped, a noun suffix kept with its
    verb (解决 率 → 解决率)."""
    parts: list[list[tuple[str, str]]] = [[]]
    for word, tag in phrase:
        if word in _words("conj"):
            parts.append([])
        elif word in _QUOTE_CHARS:
            continue
        elif parts[-1] and word in _words("suffix"):
            parts[-1][-1] = (parts[-1][-1][0] + word, "n")
        else:
            parts[-1].append((word, tag))
    return [p for p in parts if p]


def _distribute(phrase: list[tuple[str, str]], count: int) -> list[str | None] | None:
    """群众安全感和满意率 分别为 A、B → 群众安全感, 群众满意率; 城镇、农村居民人均可支配收入 分别
    增长 A、B → 城镇居民人均可支配收入, 农村居民人均可支配收入."""
    parts = [[w for w, _ in p] for p in _split_parts(phrase)]
    if len(parts) != count:
        return None
    head = [w for w in parts[0] if w not in _words("scope")]
    firsts = ["".join(head)] + ["".join(p) for p in parts[1:-1]]
    whole = len("".join(parts[0]))  # 全国文明城市: a scope word does not make a name a modifier
    tail = _shared_tail(firsts, _split_parts(phrase)[-1]) if whole <= _MAX_MODIFIER else ""
    if tail:
        return [_clean_subject([first, tail]) for first in firsts] + [_clean_subject(parts[-1])]
    single = all(len(p) == 1 and len(p[0]) > 1 for p in parts[1:])
    shared = head[:-1] if len(head) > 1 and len(head[-1]) > 1 and single else []
    return [_clean_subject(parts[0])] + [_clean_subject(shared + p) for p in parts[1:]]


def _shared_tail(firsts: list[str], last: list[tuple[str, str]]) -> str:
    """城镇 | 农村居民人均可支配收入 → 居民人均可支配收入: the head that short parallel modifiers share
    with the last part of a 分别 list; "" where the parts are whole (破案率和满意率, 刑事案件、治安案件,
    原煤、原油、天然气产量)."""
    size = len(firsts[0])
    text = "".join(w for w, _ in last)
    if size > _MAX_MODIFIER or any(len(f) != size or f[-1] == text[-1] for f in firsts):
        return ""
    tail = text[size:]
    if len(tail) < 2:
        return ""
    first_word = last[0][0]
    if len(first_word) > size:  # 农村居民: the modifier and the start of the head written as one word
        return tail if len(first_word) - size >= 2 and last[0][1] != "v" else ""
    ends = list(itertools.accumulate(len(w) for w, _ in last))
    if size not in ends[:2]:
        return ""  # 普惠小微: the modifier of the last part is not as long
    modifier = last[: ends.index(size) + 1]
    return tail if all(t != "v" for _, t in modifier) else ""  # 共建“一带一路”国家: a verb, not a modifier


def _continues(text: str, a: _Figure, b: _Figure, left: str) -> bool:
    """5.2万亿元、增长5.4%、高于全国0.4个百分点: a figure with only a verb before it continues the last;
    one that opens its clause does not (企业45家，2人当选中国工程院院士)."""
    gap = text[a.outer_end : b.outer_start]
    if any(c in _SENTENCE_BREAKS for c in gap) or (
        not left.strip() and any(c in _CLAUSE_BREAKS for c in gap)
    ):
        return False
    tokens = _before_compare(_pos(left))
    words = _words("link", "change", "conj", "action")
    return all(w in words or _is_punct(w) for w, _ in tokens)


def _assign_subjects(text: str, figures: list[_Figure], clauses: _Clauses) -> None:
    done: set[int] = set()
    for i, figure in enumerate(figures):
        if i in done:
            continue
        done.add(i)
        linked = _linked(figures, i)
        if linked is not None:
            figure.subject = figures[linked].subject
            continue
        lo, hi = clauses.around(figure.outer_start, figure.outer_end)
        prev_end = figures[i - 1].outer_end if i and figures[i - 1].outer_end > lo else lo
        # 新建5个紧密型城市医疗集团、区级覆盖率达80%: the noun after the last figure is its own
        item_end = _past_item(text, prev_end, figures[i - 1], figure) if prev_end > lo else prev_end
        listed = item_end > prev_end
        prev_end = item_end
        left = text[max(lo, prev_end, figure.outer_start - _WINDOW) : figure.outer_start]
        group = _distributive_group(text, figures, i, left, hi)
        if group:
            subjects = _group_subjects(text, figures, group, text[max(lo, prev_end) : figure.outer_start])
            if subjects is not None:
                for k, s in zip(group, subjects, strict=True):
                    figures[k].subject = s
                done.update(group)
                continue
        # the lower end of a range (3—12个月的就业见习) reads what follows the upper end
        j = figure.partner if figure.partner is not None and figure.partner > i else i
        end = figures[j].outer_end
        nxt = figures[j + 1].outer_start if j + 1 < len(figures) and figures[j + 1].outer_start < hi else hi
        right = "" if figure.role == "start" else text[end : min(nxt, end + _WINDOW)]
        more = figure.role != "start" and _goes_on(text[end:hi])  # not the change itself (排名由369位上升到…)
        figure.subject = _subject_of(left, right, figure.unit, more=more)
        if figure.subject is None and i and not listed and _continues(text, figures[i - 1], figure, left):
            figure.subject = figures[i - 1].subject


def _past_item(text: str, pos: int, last: _Figure, figure: _Figure) -> int:
    """Where the item of a list that ``last`` opens ends (5个紧密型城市医疗集团、): after the subject
    written right after it and the 、 or 和 that follows; ``pos`` where there is no such item."""
    end = _past_subject(text, pos, last.subject, figure.outer_start)
    if end == pos:
        return pos
    rest = text[end : figure.outer_start]
    conj = next((w for w in _words("conj") if rest.startswith(w)), "")
    return end + len(conj) if conj else pos


def _past_subject(text: str, pos: int, subject: str | None, stop: int) -> int:
    """Where the subject written right after a figure (at ``pos``) ends; ``pos`` where there is none."""
    if not subject:
        return pos
    skip = set(_QUOTE_CHARS + " ") | set("".join(_words("of", "bound")))
    j, k = pos, 0
    while j < stop and k < len(subject):
        if text[j] == subject[k]:
            k += 1
        elif text[j] not in (skip if k == 0 else _QUOTE_CHARS):
            return pos
        j += 1
    return j if k == len(subject) else pos


def _goes_on(rest: str) -> bool:
    """Whether words follow a figure in its clause (12类45件民生实事, 7亿元实施…)."""
    rest = rest.lstrip(" " + _QUOTE_CHARS)
    return bool(rest) and not _is_punct(rest[0])


def _group_subjects(
    text: str, figures: list[_Figure], group: list[int], left: str
) -> list[str | None] | None:
    """The subjects of a 分别 list: one part of the subject each (``left`` is the clause before the
    list), or those of as many figures just before in the sentence (分别新增12项和44项，累计分别达到64项
    和288项; 接待游客3亿人次，游客花费3595亿元，分别增长14%和21%)."""
    phrase = _words_before(left[: left.rfind(_distributive_word(left))], parts=True)
    if phrase:
        return _distribute(phrase, len(group))
    first = group[0] - len(group)
    if first < 0 or any(
        c in _SENTENCE_BREAKS for c in text[figures[first].outer_end : figures[group[0]].outer_start]
    ):
        return None
    subjects = [figures[k].subject for k in range(first, group[0])]
    return subjects if None not in subjects and len(set(subjects)) == len(subjects) else None


def _linked(figures: list[_Figure], i: int) -> int | None:
    """The figure whose subject this one shares: the start of a change, the upper end of a range."""
    figure = figures[i]
    if figure.role == "end" and i:
        return i - 1
    if figure.partner is not None and figure.partner < i:
        return figure.partner
    return None


def _distributive_word(left: str) -> str:
    return next((w for w in _words("distributive") if w in left), "\0")


def _distributive_group(text: str, figures: list[_Figure], i: int, left: str, hi: int) -> list[int]:
    """分别为 97.1%、95.6%: the figures of one 分别 list, in order."""
    word = _distributive_word(left)
    if word == "\0":
        return []
    tail = left[left.rfind(word) + len(word) :].strip()
    verbs = _words("link", "action", "change")
    if tail and not all(w in verbs or t in _PLAIN_VERB_TAGS for w, t in _pos(tail)):
        return []  # 分别为, 分别参保; not 分别占全省的
    group = [i]
    k = i
    while k + 1 < len(figures) and figures[k + 1].outer_start < hi and len(group) < _MAX_GROUP:
        gap = text[figures[k].outer_end : figures[k + 1].outer_start]
        if gap.strip() not in _words("conj") and gap.strip() not in ("，", ","):
            break
        k += 1
        group.append(k)
    return group if len(group) > 1 else []


# ---------------------------------------------------------------- the extractor


def extract_figures(text: str, *, chinese_numerals: bool = True) -> list[FigureHit]:
    """The quoted figures of one paragraph of cleaned text, in order.

    ``chinese_numerals=False`` keeps only figures written with Arabic digits or X placeholders.

    >>> [(h.text, h.value, h.unit, h.subject) for h in extract_figures("破获诈骗案件520起，挽回损失3.6亿元")]
    [('520起', 520.0, '起', '诈骗案件'), ('3.6亿元', 360000000.0, '元', '挽回损失')]
    >>> [(h.value, h.role) for h in extract_figures("群众安全感由91.2%提升到97.5%")]
    [(91.2, 'start'), (97.5, 'end')]
    """
    if not text:
        return []
    figures = _candidates(text, chinese_numerals)
    if not figures:
        return []
    clauses = _Clauses(text)
    _mark_changes(text, figures, clauses)
    _assign_subjects(text, figures, clauses)
    return [f.hit() for f in figures]
