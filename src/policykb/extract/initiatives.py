"""Initiatives: the quoted names of campaigns, mechanisms, models and slogans, and their unquoted mentions.

An article names an initiative by putting it in quotation marks (“枫桥经验”, "情指行", 「两队一室」).
:func:`extract_quoted_terms` finds those and leaves out what quotation marks also wrap: quoted speech,
one-character emphasis, dates, plain metaphors and figures of speech, words cited as words, streaks
of results, problems and lists of offences. :func:`canonical_form` gives the
key that the variants of one initiative share (一室两队 = 两队一室, 一村(格)一警 = 一村一警).
A :class:`Lexicon` gathers the terms seen quoted anywhere, and :func:`find_lexicon_terms` finds their
unquoted mentions in any text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from itertools import permutations
from typing import Any

from ..segment import plain_cut, plain_tokenizer
from .hits import TermHit
from .scanner import TermScanner

# Fewest Chinese characters in a term matched without quotation marks: two-character terms
# (主防, 春风, 铸魂) and numbers (“1518”, “20条”) are ordinary words too often.
MIN_UNQUOTED_CJK = 3
# A term that jieba's general dictionary counts this often is an ordinary word (示范区, 一站式,
# 护城河): seen quoted it names an initiative, but unquoted it is mostly just the word.
COMMON_WORD_FREQ = 10
# Longest quotation looked at; anything longer is speech or a pairing error.
MAX_QUOTE_LEN = 300
# Longest quoted term kept: a list slogan of five 、-separated clauses fits.
MAX_TERM_LEN = 60

_NUMERALS = "一二两三四五六七八九十百千万双"
_CLOSING_PUNCT = "，,、。．；;：:！!？?)）]】》"
_OPENING_PUNCT = "、，,（(：:《【["
_SENTENCE_END = re.compile(r"[。！？!?；;…]")
_COMMA = re.compile(r"[，,]")
_PAIRED_QUOTES = (
    *(re.compile(f"{a}[^{a}{b}]{{1,{MAX_QUOTE_LEN}}}{b}") for a, b in ("“”", "「」", "『』", "〝〞")),
    re.compile(r"‘[^‘’\n]{1,60}’"),  # single quotes, mostly nested inside double ones
)
_ASCII_QUOTE = re.compile(r'["＂]')
_QUOTE_CHARS = "“”‘’「」『』〝〞\"'＂"
_NO_QUOTES = str.maketrans("", "", _QUOTE_CHARS)
_SPACE = re.compile(r"\s+")
_LATIN_SPACE = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])")
_PARENTHESISED = re.compile(r"\([^()]{1,6}\)")
# “23·7”, “8·20”: a month and a day name a disaster or an event, not an initiative.
_DATE = re.compile(r"\d{1,2}·\d{1,2}")
# One chunk of a numbered compound: a numeral and a one- or two-character noun (一室, 两队, 一万人).
_CHUNK = re.compile(rf"[{_NUMERALS}]{{1,2}}(?!个)[^{_NUMERALS}\W\d]{{1,2}}")
_LEVEL_AFTER = re.compile(r"[两二三四五六]级")
_DASH = re.compile(r"[—–－-]")
_CONTRAST_AFTER = re.compile(r"(?:[与和同跟及][“\"＂「][^”\"＂」]{1,12}[”\"＂」])?的?(?:辩证)?关系")
_CONTRAST_BEFORE = re.compile(r"[”\"＂」][与和同跟及]$")
# “青山”与“金山”共映, “颜值”与“价值”齐升: two images going on together.
_TOGETHER = "共齐并"
_PAIRED_AFTER = re.compile(rf"[与和][“\"＂][^”\"＂]{{1,3}}[”\"＂][{_TOGETHER}]")
# 18连增, 九连A, 六连冠: a streak of results, not a programme.
_STREAK = re.compile(r"[\d零一二两三四五六七八九十百]+连[^\W\d_]")
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n]")
# Width folding that keeps offsets: full-width ASCII to ASCII, the middle dots to ·.
_WIDTH_FOLD: dict[int, int | str] = {
    **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},
    **{ord(c): "·" for c in "・‧•∙"},
}


# --------------------------------------------------------------------------- data files


def _data_lines(name: str) -> list[str]:
    text = resources.files("policykb").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(fold_term(w) for w in _data_lines("initiative_stopwords.txt"))


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(_data_lines("initiative_suffixes.txt"), key=len, reverse=True))


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    cues: dict[str, list[str]] = {}
    for line in _data_lines("initiative_cues.tsv"):
        kind, word = line.split("\t")
        cues.setdefault(kind, []).append(word)
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in cues.items()}


@cache
def _cue_pattern(kind: str) -> re.Pattern[str]:
    """The context pattern of one kind of cue in data/initiative_cues.tsv."""
    words = "|".join(re.escape(w) for w in _cues()[kind])
    if kind == "speech":  # a speech verb, maybe with a comma or colon, right before the quote
        return re.compile(rf"(?:{words})[，,:：]?$")
    if kind == "storm":  # right before the quote
        return re.compile(rf"(?:{words})$")
    if kind == "category":  # …等多发性侵财犯罪, the head ending the noun phrase
        return re.compile(rf"等.{{0,14}}?(?:{words})+(?:行为|活动|案件)?(?=、|$)")
    if kind == "theme":  # 围绕“……”这一主题, 以“……”为主题
        return re.compile(rf"(?:这一|这个|为)(?:{words})")
    if kind in ("script", "pair", "counted"):  # right before the quote
        return re.compile(rf"(?:{words})$")
    if kind == "vessel":  # “奋斗者”号, not 号召 or 号令
        return re.compile(rf"(?:{words})(?![召令])")
    if kind == "attitude":  # 以“……”的定力
        return re.compile(rf"的?(?:{words})")
    if kind == "imagery":  # 播撒“……”, 绘就美丽乡村“……”; a one-character verb (吹, 送) right before
        long = "|".join(re.escape(w) for w in _cues()[kind] if len(w) > 1)
        short = "".join(re.escape(w) for w in _cues()[kind] if len(w) == 1)
        return re.compile(rf"(?:(?:{long})[\u4e00-\u9fff]{{0,8}}|[{short}])$")
    if kind == "turn":  # “A”变成“B”: the verb and at most a few characters between the quotes
        return re.compile(rf"\s*(?:{words})[^，,。；;：:“”\"＂]{{0,8}}[“\"＂]")
    return re.compile(rf"(?:{words})")  # right after the quote


@cache
def _turned_from() -> re.Pattern[str]:
    """The context before the second quote of “A”变成“B”."""
    words = "|".join(re.escape(w) for w in _cues()["turn"])
    gap = r"[^，,。；;：:“”\"＂]{0,8}"
    return re.compile(rf"[”\"＂]{gap}(?:{words}){gap}$")


# --------------------------------------------------------------------------- cleaning and keys


def clean_term(raw: str) -> str:
    """Remove the spaces a PDF leaves inside a term, keeping one between two Latin words.

    >>> clean_term(" 专业+机 制+大数据 ")
    '专业+机制+大数据'
    >>> clean_term("24 小时警局"), clean_term("Smart  Police")
    ('24小时警局', 'Smart Police')
    """
    parts = _LATIN_SPACE.split(raw.strip())
    return " ".join(_SPACE.sub("", part) for part in parts)


def fold_term(term: str) -> str:
    """Fold width, spacing, quotation marks and middle dots: the form terms are compared in.

    >>> fold_term("“专业＋机制＋大数据”")
    '专业+机制+大数据'
    >>> fold_term("感动北疆・最美警察")
    '感动北疆·最美警察'
    """
    text = unicodedata.normalize("NFKC", term).translate(_WIDTH_FOLD)
    text = re.sub(r"\s+", "", text)
    return text.translate(_NO_QUOTES)


def drop_optional_parts(term: str) -> str:
    """Drop a short parenthesised part: it marks an optional word of the name.

    >>> drop_optional_parts("一村(格)一警")
    '一村一警'
    >>> drop_optional_parts("(格)")
    '(格)'
    """
    dropped = _PARENTHESISED.sub("", term)
    return dropped or term


def strip_wrapper(term: str) -> str:
    """Strip a wrapper word (一体化, 改革, 工程…) from the end, keeping a core of two characters or more.

    A wrapper that is itself a part of a compound (专业+机制) stays.

    >>> strip_wrapper("情指行一体化"), strip_wrapper("两队一室改革"), strip_wrapper("改革")
    ('情指行', '两队一室', '改革')
    >>> strip_wrapper("大数据+专业+机制")
    '大数据+专业+机制'
    """
    for suffix in _suffixes():
        core = term[: -len(suffix)]
        if term.endswith(suffix) and len(core) >= 2 and core[-1].isalnum():
            return core
    return term


def split_numbered_chunks(term: str) -> list[str] | None:
    """Split a compound of numbered nouns (一室两队) into its chunks, or None if it is not one.

    A noun after 个 is not a chunk of its own (两个维护 is one formulation).

    >>> split_numbered_chunks("一室两队"), split_numbered_chunks("一区一警两辅")
    (['一室', '两队'], ['一区', '一警', '两辅'])
    >>> split_numbered_chunks("两个维护") is None, split_numbered_chunks("两警合一") is None
    (True, True)
    """
    chunks = _CHUNK.findall(term)
    if len(chunks) < 2 or len(chunks) > 4 or "".join(chunks) != term:
        return None
    return chunks


def sort_parts(term: str) -> str:
    """Put the parts of an A+B term and the chunks of a numbered compound in a fixed order.

    Word order does not change the initiative: 两队一室 is 一室两队, 警格+网格 is 网格+警格.
    Parts that are all numbers keep their order (1+5 is not 5+1).

    >>> sort_parts("两队一室") == sort_parts("一室两队")
    True
    >>> sort_parts("网格+警格") == sort_parts("警格+网格"), sort_parts("1+5"), sort_parts("区块链+")
    (True, '1+5', '区块链+')
    """
    parts = term.split("+")
    if len(parts) > 1 and all(parts) and all(_has_cjk(p) for p in parts):
        return "+".join(sorted(parts))
    chunks = split_numbered_chunks(term)
    return "".join(sorted(chunks)) if chunks else term


def canonical_form(term: str) -> str:
    """The key that the variants of one initiative share.

    Width, quotation marks and spacing are folded, a short parenthesised part is dropped, a wrapper
    word at the end is stripped and the parts of a compound are put in a fixed order; the steps
    repeat until the key is stable, so that a key is its own key.

    >>> canonical_form("一村（格）一警") == canonical_form("一村一警")
    True
    >>> canonical_form("两队一室") == canonical_form("“一室两队”")
    True
    >>> canonical_form("情指行一体化") == canonical_form("情 指行")
    True
    >>> canonical_form("专业＋机制＋大数据") == canonical_form("大数据+专业+机制")
    True
    """
    key = fold_term(term)
    for _ in range(4):
        new = sort_parts(strip_wrapper(drop_optional_parts(key)))
        if new == key:
            break
        key = new
    return key


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


# --------------------------------------------------------------------------- quotation marks


def _curly_spans(text: str) -> Iterator[tuple[int, int]]:
    """(open, close) positions of the marks of every paired quotation, nested ones included."""
    for pattern in _PAIRED_QUOTES:
        for m in pattern.finditer(text):
            yield m.start(), m.end() - 1


def _ascii_spans(text: str) -> list[tuple[int, int]]:
    """Pair ASCII quotation marks, which look the same whether they open or close.

    Marks pair in turn within a paragraph. A paragraph with an odd count is carried into the next
    one when it breaks off mid-sentence (a page break inside a quotation); a group still odd after
    that drops the one mark whose removal gives the most plausible pairs.
    """
    marks = [m.start() for m in _ASCII_QUOTE.finditer(text)]
    if not marks:
        return []
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    spans: list[tuple[int, int]] = []
    group: list[int] = []
    carried = 0
    for i, pos in enumerate(marks):
        group.append(pos)
        nxt = marks[i + 1] if i + 1 < len(marks) else len(text) + 1
        para_end = bisect.bisect_left(breaks, pos)
        if para_end < len(breaks) and breaks[para_end] < nxt:
            if len(group) % 2 == 0 or carried >= 1 or _ends_sentence(text, breaks[para_end]):
                spans += _pair_group(text, group)
                group, carried = [], 0
            else:
                carried += 1
    spans += _pair_group(text, group)
    return spans


def _ends_sentence(text: str, newline: int) -> bool:
    before = text[:newline].rstrip()
    return not before or before[-1] in '。！？!?；;：:…”"＂」』)）'


def _pair_group(text: str, group: list[int]) -> list[tuple[int, int]]:
    if len(group) % 2 == 1:
        best = _best_mark_to_drop(text, group)
        group = group[:best] + group[best + 1 :]
    return [(group[i], group[i + 1]) for i in range(0, len(group) - 1, 2)]


def _best_mark_to_drop(text: str, group: list[int]) -> int:
    """The mark whose removal leaves the cheapest pairing (the first such), in linear time.

    Dropping mark k pairs the marks before it from the first (g0-g1, g2-g3 …) and those after it
    from k + 1; for an odd k, marks k - 1 and k + 1 pair across it. Sums of the costs of
    neighbouring pairs, from the left and from the right, give every choice's cost at once.
    """
    n = len(group)
    gap = [_pair_cost(text, group[i], group[i + 1]) for i in range(n - 1)]
    left = [0] * (n + 1)  # left[i]: pairs (g0,g1) … (g[i-2],g[i-1]), i even
    for i in range(2, n + 1, 2):
        left[i] = left[i - 2] + gap[i - 2]
    right = [0] * (n + 2)  # right[i]: pairs (g[i],g[i+1]) … up to the last mark, n - i even
    for i in range(n - 2, -1, -1):
        right[i] = right[i + 2] + gap[i]
    costs = [
        left[k] + right[k + 1]
        if k % 2 == 0
        else left[k - 1] + _pair_cost(text, group[k - 1], group[k + 1]) + right[k + 2]
        for k in range(n)
    ]
    return costs.index(min(costs))


def _pair_cost(text: str, open_mark: int, close_mark: int) -> int:
    """How implausible a quotation between two marks is (in 1/40 of a character's length unit)."""
    inner = text[open_mark + 1 : close_mark]
    cost = len(inner) + 200 * inner.count("\n")
    if inner[:1] in _CLOSING_PUNCT or inner[-1:] in _OPENING_PUNCT:
        cost += 120
    return cost


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return sorted(set(_curly_spans(text)) | set(_ascii_spans(text)))


# --------------------------------------------------------------------------- what a quotation is


def is_speech(text: str, open_mark: int, inner: str) -> bool:
    """Whether a quotation is speech (a sentence quoted from someone) rather than a name.

    A name is a phrase: speech ends a sentence inside the marks, runs on over two commas or a long
    clause, or follows a speech verb and a colon (指出：“……”) or a comma (他说，“……”).

    >>> is_speech('习近平总书记指出:"', 9, "公平正义是政法工作的生命线。")
    True
    >>> is_speech("实现“", 3, "一警牵动全局,全局支撑一警")
    False
    >>> is_speech("提出“", 3, "省级主责、市县主战、派出所主防")
    False
    """
    if _SENTENCE_END.search(inner.rstrip()):
        return True
    before = text[max(0, open_mark - 6) : open_mark]
    after_verb = bool(_cue_pattern("speech").search(before))
    if after_verb and (before[-1:] in ":：" or (before[-1:] in "，," and len(inner) > 8)):
        return True
    commas = len(_COMMA.findall(inner))
    return commas >= 2 or (commas == 1 and (len(inner) > 20 or after_verb))


def _is_listed_offence(after: str) -> bool:
    """“盗抢骗”“黄赌毒”等多发性违法犯罪: the quoted terms name kinds of offences or problems."""
    parts = _CLAUSE_END.split(after[:60], maxsplit=1)
    ends = len(parts) == 2 or len(after) < 60  # the clause is whole
    return ends and bool(_cue_pattern("category").search(parts[0]))


def _is_contrast(before: str, after: str) -> bool:
    """正确处理“维稳”与“维权”的关系: two ordinary words set against each other."""
    m = _CONTRAST_AFTER.match(after)
    if not m:
        return False
    return m.group(0)[:1] in "与和同跟及" or bool(_CONTRAST_BEFORE.search(before))


def _is_level_chain(term: str, after: str) -> bool:
    """“公安厅—盟市”两级: a chain of administrative levels."""
    return bool(_DASH.search(term)) and bool(_LEVEL_AFTER.match(after))


def _is_plain_word(term: str) -> bool:
    """A few Chinese characters with no number and no name head: the shape a figure of speech has.

    >>> _is_plain_word("安全种子"), _is_plain_word("两个维护"), _is_plain_word("蓝天保卫战")
    (True, False, False)
    """
    if not 2 <= len(term) <= 6 or term[0] in _NUMERALS or not all(_is_cjk(ch) for ch in term):
        return False
    return not term.endswith(_cues()["head"])


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _is_figure(text: str, open_mark: int, close_mark: int, term: str) -> bool:
    """Whether a quoted plain word is a figure of speech by the words around it.

    An image is the object of a verb of painting, sowing or writing and ends the phrase (播撒“安全
    种子”，); two figures are set against each other (少说“不好办”多说“怎么办”) or one is turned
    into the other (把“愿景图”变成“实景图”); a figure is counted as a thing (这柄“玉如意”); a
    verb phrase ends in a complement (让文物“活起来”).

    >>> t = "交出“民生答卷”，交出“民生答卷”品牌，既“放得活”又“管得好”，这柄“玉如意”"
    >>> [_is_figure(t, a, b, t[a + 1 : b]) for a, b in _quote_spans(t)]
    [True, False, True, True, True]
    """
    if not _is_plain_word(term):
        return False
    before = text[max(0, open_mark - 24) : open_mark]
    after = text[close_mark + 1 : close_mark + 16]
    ends_phrase = not after or after[0] in _CLOSING_PUNCT or after[0] == "\n"
    if ends_phrase and _cue_pattern("imagery").search(before):
        return True
    if _cue_pattern("pair").search(before) or _cue_pattern("counted").search(before):
        return True
    if _cue_pattern("turn").match(after) or _turned_from().search(before):
        return True
    if len(term) <= 3 and _is_paired_image(before, after):
        return True
    return term.endswith(_cues()["ending"])


def _is_paired_image(before: str, after: str) -> bool:
    """“青山”与“金山”共映: two short words joined by 与 and going on together."""
    return bool(_PAIRED_AFTER.match(after)) or (
        bool(_CONTRAST_BEFORE.search(before)) and after[:1] in _TOGETHER
    )


def _is_cited(text: str, open_mark: int, close_mark: int, term: str) -> bool:
    """Quotes that cite a word, a craft, a streak of results, a problem or a state of mind.

    >>> t = "“人民”二字，“奋斗者”号，“18连增”，“拎马桶”问题，以“长跑”韧劲，“四风”问题"
    >>> [_is_cited(t, a, b, t[a + 1 : b]) for a, b in _quote_spans(t)]
    [True, True, True, True, True, False]
    """
    before = text[max(0, open_mark - 12) : open_mark]
    after = text[close_mark + 1 : close_mark + 16]
    if _STREAK.fullmatch(term) or _cue_pattern("script").search(before):
        return True
    if _cue_pattern("word").match(after) or _cue_pattern("vessel").match(after):
        return True
    if before.endswith("以") and _cue_pattern("attitude").match(after):
        return True
    numbered = term[0] in _NUMERALS or term[0].isdigit()
    return not numbered and bool(_cue_pattern("problem").match(after))


def _is_well_formed(term: str) -> bool:
    if len(term) < 2 or len(term) > MAX_TERM_LEN:
        return False
    if term[0] in _CLOSING_PUNCT or term[-1] in _OPENING_PUNCT:
        return False
    return not (term.startswith("《") or any(c in _QUOTE_CHARS for c in term))


def is_initiative(text: str, open_mark: int, close_mark: int, term: str) -> bool:
    """Whether the quotation text[open_mark:close_mark + 1], cleaned to ``term``, names an initiative.

    >>> t = "坚持“枫桥经验”，夯实“压舱石”，抵御“23·7”洪水。"
    >>> [is_initiative(t, a, b, t[a + 1 : b]) for a, b in [(2, 7), (11, 15), (19, 24)]]
    [True, False, False]
    """
    if not _is_well_formed(term):
        return False
    inner = text[open_mark + 1 : close_mark]
    if is_speech(text, open_mark, inner):
        return False
    folded = fold_term(term)
    if folded in _stopwords() or _DATE.fullmatch(folded):
        return False
    before = text[max(0, open_mark - 12) : open_mark]
    after = text[close_mark + 1 : close_mark + 60]
    if _is_listed_offence(after) or _is_contrast(before, after) or _is_level_chain(term, after):
        return False
    if _cue_pattern("storm").search(before):
        return False
    if _is_cited(text, open_mark, close_mark, folded) or _is_figure(text, open_mark, close_mark, folded):
        return False
    return not any(_cue_pattern(kind).match(after) for kind in ("theme", "product", "gang"))


def extract_quoted_terms(text: str) -> list[TermHit]:
    """Every quoted initiative name in ``text``, in reading order (one hit per occurrence).

    >>> [h.term for h in extract_quoted_terms('做到“两个维护”，推行"两队一室""一村(格)一警"改革。')]
    ['两个维护', '两队一室', '一村(格)一警']
    >>> [h.term for h in extract_quoted_terms("落实“零”报告制度，出版《“十四五”规划》。")]
    ['十四五']
    """
    return [hit for hit, _ in _scan_quotes(text) if hit is not None]


def _scan_quotes(text: str) -> Iterator[tuple[TermHit | None, tuple[int, int]]]:
    """Each quotation that is not speech: its hit (None when it names no initiative) and inner span."""
    for open_mark, close_mark in _quote_spans(text):
        if is_speech(text, open_mark, text[open_mark + 1 : close_mark]):
            continue
        start, end = _trimmed(text, open_mark + 1, close_mark)
        term = clean_term(text[start:end])
        hit = None
        if is_initiative(text, open_mark, close_mark, term):
            hit = TermHit(term, canonical_form(term), True, start, end)
        yield hit, (open_mark + 1, close_mark)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------- the lexicon


def match_variants(term: str) -> list[str]:
    """The forms under which a term seen quoted is looked for in running text.

    The term itself, its core without an optional part or a wrapper word, and the other orders
    of a numbered compound.

    >>> match_variants("两队一室")
    ['两队一室', '一室两队']
    >>> match_variants("情指行一体化"), match_variants("一村(格)一警")
    (['情指行一体化', '情指行'], ['一村(格)一警', '一村一警', '一警一村'])
    """
    folded = fold_term(term)
    forms = [folded, drop_optional_parts(folded), strip_wrapper(drop_optional_parts(folded))]
    chunks = split_numbered_chunks(forms[-1])
    if chunks and len(chunks) <= 3:
        forms += ["".join(p) for p in permutations(chunks)]
    return list(dict.fromkeys(forms))


def named_parts(term: str) -> list[str]:
    """The parts of a ·-joined title that are long enough to be names of their own.

    >>> named_parts("新质公安战斗力·我和草原有个约定"), named_parts("乐·上海")
    (['新质公安战斗力', '我和草原有个约定'], ['上海'])
    """
    parts = fold_term(term).split("·")
    return [p for p in parts if len(p) >= 2] if len(parts) > 1 else []


class Lexicon:
    """Known initiative variants and their canonical keys, found as whole words in running text.

    Built from (variant, canonical) pairs; :meth:`add_term` adds a term seen quoted with the
    variants :func:`match_variants` derives from it.

    >>> lex = Lexicon([("两队一室", canonical_form("两队一室"))])
    >>> lex.canonical_of("一室两队") == lex.canonical_of("两队一室")
    True
    """

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._canonical: dict[str, str] = {}
        self._keys: set[str] = set()
        self._scanner: TermScanner | None = None
        for variant, canonical in pairs:
            self.add(variant, canonical)

    def __len__(self) -> int:
        return len(self._canonical)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and fold_term(term) in self._canonical

    def add(self, variant: str, canonical: str) -> None:
        """Record that ``variant`` (as printed) names the initiative ``canonical``."""
        key = fold_term(variant)
        if key and self._canonical.get(key) != canonical:
            new = key not in self._canonical
            self._canonical[key] = canonical
            self._keys.add(canonical)
            if new and self._scanner is not None and is_matchable_unquoted(key):
                self._scanner.add(key)  # kept up to date: the lexicon grows with every file

    def add_term(self, term: str) -> None:
        """Record a term seen quoted, with its match variants, unless it is a stop-word.

        Each part of a ·-joined title is recorded as a term of its own as well.
        """
        folded = fold_term(term)
        if not folded or folded in _stopwords():
            return
        for variant in match_variants(folded):
            self.add(variant, canonical_form(folded))
        for part in named_parts(folded):
            self.add_term(part)

    def canonical_of(self, term: str) -> str | None:
        """The canonical key of a term, or None when the lexicon knows neither it nor a variant of it."""
        found = self._canonical.get(fold_term(term))
        if found is not None:
            return found
        key = canonical_form(term)
        return key if key in self._keys else None

    def __iter__(self) -> Iterator[str]:
        """The known spellings, unsorted (cheap)."""
        return iter(self._canonical)

    def variants(self) -> list[str]:
        return sorted(self._canonical)

    def scanner(self) -> TermScanner:
        """The variants long enough to be matched unquoted, in a scanner."""
        if self._scanner is None:
            self._scanner = TermScanner(v for v in self._canonical if is_matchable_unquoted(v))
        return self._scanner

    def __getstate__(self) -> dict[str, Any]:
        # the scanner is rebuilt where it is used (a parser process), not shipped with the lexicon
        return {"_canonical": self._canonical, "_keys": self._keys}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._canonical = state["_canonical"]
        self._keys = state["_keys"]
        self._scanner = None


def _tokenizer() -> Any:
    return plain_tokenizer()


def is_matchable_unquoted(variant: str) -> bool:
    """Whether a known variant is specific enough to count as a mention without quotation marks.

    >>> is_matchable_unquoted("两队一室"), is_matchable_unquoted("主防"), is_matchable_unquoted("20条")
    (True, False, False)
    >>> is_matchable_unquoted("示范区")
    False
    """
    if sum(1 for ch in variant if "\u3400" <= ch <= "\u9fff") < MIN_UNQUOTED_CJK:
        return False
    return int(_tokenizer().FREQ.get(variant, 0)) < COMMON_WORD_FREQ


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word around it (加大监督 is not 大监督).

    A small window is segmented with jieba's own dictionary (no new-word guessing). The match must
    start on a word boundary, and end on one too unless the word running on is a wrapper word
    (三所联动 in 三所联动机制, where jieba reads 联动机制). A numbered term must not follow a
    numeral (十六项措施).

    >>> is_whole_word("构建大监督格局", 2, 5), is_whole_word("加大监督力度", 1, 4)
    (True, False)
    >>> is_whole_word("落实十六项措施", 3, 7), is_whole_word("深化府院联动机制", 2, 6)
    (False, True)
    """
    digits = _NUMERALS + "0123456789"
    if start > 0 and text[start] in digits and text[start - 1] in digits:
        return False
    left = max(0, start - 6)
    pos = left
    starts_clean, ends_clean = start == left, False
    for word in plain_cut(text[left : end + 6]):
        nxt = pos + len(word)
        starts_clean = starts_clean or pos == start
        if nxt == end or (pos < end < nxt and text[end:nxt] in _suffixes()):
            ends_clean = True
        pos = nxt
    return starts_clean and ends_clean


def find_lexicon_terms(text: str, lexicon: Lexicon, exclude: Iterable[tuple[int, int]] = ()) -> list[TermHit]:
    """Unquoted mentions of known initiatives, longest match first, whole words only.

    Spans in ``exclude`` (the insides of quotation marks) are skipped. The lexicon's scanner finds
    where known variants occur; from left to right, the longest of them that is a whole word there
    is a mention, and the scan resumes after it.

    >>> lex = Lexicon()
    >>> lex.add_term("两队一室")
    >>> [(h.term, h.quoted, h.start) for h in find_lexicon_terms("全面推行一室两队改革", lex)]
    [('一室两队', False, 4)]
    """
    scanner = lexicon.scanner()
    if not len(scanner):
        return []
    starts = scanner.starts(text.translate(_WIDTH_FOLD))
    if not starts:
        return []
    spans = [*sorted(exclude), (len(text), len(text))]
    hits: list[TermHit] = []
    j, resume = 0, 0
    for i in sorted(starts):
        if i < resume:
            continue
        while spans[j][1] <= i:
            j += 1
        if spans[j][0] <= i:
            continue  # inside quotation marks
        end = _longest_whole_match(text, i, starts[i], spans[j][0])
        if end is None:
            continue
        term = text[i:end]
        hits.append(TermHit(term, lexicon.canonical_of(term) or canonical_form(term), False, i, end))
        resume = end
    return hits


def _longest_whole_match(text: str, start: int, candidates: list[str], limit: int) -> int | None:
    for variant in candidates:
        end = start + len(variant)
        if end <= limit and is_whole_word(text, start, end):
            return end
    return None


def extract_initiatives(text: str, lexicon: Lexicon | None = None) -> list[TermHit]:
    """Quoted initiative names and, with a lexicon, unquoted mentions of known ones, in reading order.

    The named parts of a quoted ·-joined title (新质公安战斗力 in “新质公安战斗力·我和草原有个约定”)
    come as unquoted hits of their own, so that the part can be found as an initiative too.

    >>> lex = Lexicon()
    >>> lex.add_term("情指行")
    >>> [(h.term, h.quoted) for h in extract_initiatives("深化“情指行”一体化，情指行一体化运行。", lex)]
    [('情指行', True), ('情指行', False)]
    """
    scanned = list(_scan_quotes(text))
    quoted = [hit for hit, _ in scanned if hit is not None]
    if lexicon is None:
        return quoted
    hits = [_with_lexicon_key(hit, lexicon) for hit in quoted]
    hits += [part for hit in quoted for part in _part_hits(text, hit, lexicon)]
    hits += find_lexicon_terms(text, lexicon, exclude=[span for _, span in scanned])
    return sorted(hits, key=lambda h: (h.start, -h.end))


def _with_lexicon_key(hit: TermHit, lexicon: Lexicon) -> TermHit:
    key = lexicon.canonical_of(hit.term)
    if key is None or key == hit.canonical:
        return hit
    return TermHit(hit.term, key, hit.quoted, hit.start, hit.end)


def _part_hits(text: str, hit: TermHit, lexicon: Lexicon) -> Iterator[TermHit]:
    parts = named_parts(hit.term)
    folded = text[hit.start : hit.end].translate(_WIDTH_FOLD) if parts else ""
    for part in parts:
        offset = folded.find(part)
        if offset >= 0 and is_matchable_unquoted(part):
            start = hit.start + offset
            end = start + len(part)
            yield TermHit(part, lexicon.canonical_of(part) or canonical_form(part), False, start, end)


@cache
def builtin_lexicon_pairs() -> tuple[tuple[str, str], ...]:
    """(variant, canonical) pairs of the standard numbered formulations (data/initiative_formulations.txt)."""
    lexicon = Lexicon()
    for term in _data_lines("initiative_formulations.txt"):
        lexicon.add_term(term)
    return tuple((v, lexicon.canonical_of(v) or v) for v in lexicon.variants())
