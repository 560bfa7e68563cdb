"""Property-based tests (hypothesis) on the parser and the decoder: whatever text comes in, parsing
never raises, never hangs, and every offset it returns lies inside the text.

Each property runs 2,000 examples (small texts, so the module takes a minute or two); the huge
inputs (100,000-character lines, thousands of repeated headings) have properties and cases of
their own with fewer examples. A hang is stopped by SIGALRM after ``HANG_SECONDS``, so a runaway
parse fails the test instead of blocking CI; hypothesis' deadline reports slow examples.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from policykb.errors import InputError
from policykb.extract.figures import extract_figures
from policykb.load import decode_bytes
from policykb.parse import parse_text
from policykb.records import ParsedFile

from .conftest import ON_PG
from .helpers_corpus import stopped_after

pytestmark = pytest.mark.skipif(ON_PG, reason="no database involved: runs once, in the SQLite pass")

EXAMPLES = 2000
DEADLINE = timedelta(seconds=5)
HANG_SECONDS = 30

# Pieces of the genre, so that random text reaches the parser's real paths: headings of every
# level, bylines, header labels, figures, quoted terms, modality words, places, markup, and the
# characters that break naive code (controls, line separators, BOM, lone surrogates).
GENRE_TOKENS = [
    "一、", "二、", "十一、", "（一）", "(二)", "（十）", "1.", "2、", "3．", "（1）", "①",
    "第一章", "第二节", "第三部分", "一是", "二是", "首先，",
    "■", "●", "◆", "文/", "作者：", "记者 ", "通讯员", "责任编辑：", "编者按", "——", "--",
    "摘要", "【摘要】", "关键词", "关键词：", "[关键词]", "内容提要",
    "“", "”", "‘", "’", "「", "」", '"', "《", "》", "（", "）", "(", ")", "【", "】",
    "，", ",", "。", "、", "；", ";", "：", ":", "！", "？", "…", "……", "·",
    "\n", "\n\n", "\r\n", " ", "\u3000", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
    "\ufeff", "\u200b", "\x00", "\x7f", "\udc80", "\ud800", "\udfff",
    "12", "3.5", "90.6", "0", "10000", "一百二十", "〇", "两", "万", "亿", "亿元", "万元", "%", "个",
    "名", "起", "余", "多", "近", "约", "XX", "XXXX", "××", "由", "上升到", "下降", "增长", "同比",
    "2023年", "5月29日", "年度", "第", "次",
    "要", "必须", "严禁", "不得", "将", "应当", "坚持", "推进", "深化", "加强", "健全", "建立",
    "枫桥经验", "一村一警", "两队一室", "平安建设", "工作法", "机制", "模式", "行动",
    "山东", "山东省", "内蒙古", "内蒙古自治区", "呼和浩特", "迪庆", "齐鲁", "全国", "国务院", "公安部",
    "公安厅", "厅长", "党委书记", "副省长", "局长", "张三", "欧阳明", "衡", "省委", "市委", "县",
    "#", "# ", "## ", "<p>", "</p>", "<br/>", "&nbsp;", "[查看原文](http://x.cn/a)", "|", "---",
    "您的位置：", "【字号 大 中 小】", "分享到：", "打印", "关闭", "- 3 -", "第5页",
    "A", "z", "Ω", "é", "\u0301", "😀", "𠀀", "ｱ", "Ａ",
]  # fmt: skip
# One line's worth of tokens (no line breaks) for the 100,000-character lines.
LINE_TOKENS = [t for t in GENRE_TOKENS if not set(t) & set("\n\r\x0b\x0c\x1c\x85\u2028\u2029")]
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
PUNCTUATION = "，。、；：！？“”‘’「」『』（）《》【】〔〕—…·,.;:!?\"'()[]{}<>/\\|-_=+*&^%$#@~`\n \u3000"
DIGITS = "0123456789０１２３４５６７８９.．,%％\n 〇一二三四五六七八九十百千万亿两零"


# ----------------------------------------------------------------------------- helpers


def parse_checked(text: str, seconds: float = HANG_SECONDS) -> ParsedFile:
    """Parse ``text`` under a hang guard and check every record's offsets and indexes."""
    with stopped_after(seconds):
        parsed = parse_text(text, "fuzz.txt")
    assert parsed.text == text
    assert_offsets_inside(parsed, len(text))
    return parsed


def assert_offsets_inside(parsed: ParsedFile, length: int) -> None:
    for a in parsed.articles:
        assert 0 <= a.start <= a.end <= length, ("article", a.start, a.end, length)
        for group in (a.authors, a.sections, a.figures, a.initiatives, a.regions, a.directives):
            for r in group:
                assert 0 <= r.start <= r.end <= length, (type(r).__name__, r.start, r.end, length)
        for i, s in enumerate(a.sections):
            assert s.start <= s.body_end <= length, ("section body_end", s, length)
            assert s.parent is None or 0 <= s.parent < i, ("section parent", i, s.parent)
        for group in (a.figures, a.initiatives, a.directives):  # the store indexes sections with these
            for r in group:
                assert r.section is None or 0 <= r.section < len(a.sections), ("section index", r)
        body_len = 0
        for clean_start, source_start, n in a.body_map:
            assert clean_start == body_len and n > 0, ("body map piece", clean_start, n)
            assert source_start >= 0 and source_start + n <= length, ("body map", source_start, n, length)
            body_len += n
        assert body_len == len(a.body), ("body map covers the body", body_len, len(a.body))


@pytest.fixture(scope="module", autouse=True)
def _jieba_loaded() -> None:
    """The first parse loads jieba's dictionary (~1 s); keep it out of the deadlines."""
    parse_text("全省公安机关要坚持和发展新时代“枫桥经验”，依法打掉犯罪团伙12个。")


def _settings(
    examples: int = EXAMPLES, deadline: timedelta | None = DEADLINE, *, shrink: bool = True
) -> settings:
    """``shrink=False`` for the huge inputs: shrinking a 100,000-character failure takes many minutes,
    and the failing unit (≤ 30 tokens) is readable as it is."""
    phases = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if shrink else [])
    return settings(
        max_examples=examples,
        deadline=deadline,
        phases=phases,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def _utf8(token: str) -> bytes:
    return token.encode("utf-8", "surrogatepass")


genre_text = st.lists(st.sampled_from(GENRE_TOKENS), max_size=80).map("".join)


# ----------------------------------------------------------------------------- small texts, many examples


@_settings()
@given(st.text(st.characters(), max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    """Any code point: controls, unassigned, private use, lone surrogates, astral planes."""
    parse_checked(text)


@_settings()
@given(genre_text)
def test_genre_token_soup(text: str) -> None:
    parse_checked(text)


@_settings()
@given(st.lists(st.one_of(genre_text, st.text(st.characters(), max_size=20)), max_size=8).map("\n".join))
def test_genre_lines_mixed_with_noise(text: str) -> None:
    parse_checked(text)


@_settings()
@given(st.binary(max_size=600), st.sampled_from(["utf-8", "gb18030", "utf-16-le"]))
def test_bytes_decoded_with_surrogateescape(data: bytes, encoding: str) -> None:
    """Bytes decoded leniently (lone surrogates where a byte did not decode) still parse."""
    parse_checked(data.decode(encoding, errors="surrogateescape" if encoding != "utf-16-le" else "replace"))


@_settings()
@given(
    st.lists(
        st.one_of(
            st.sampled_from(GENRE_TOKENS).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.binary(max_size=6),
        ),
        max_size=60,
    ).map(b"".join)
)
def test_utf8_text_with_foreign_bytes_surrogateescaped(data: bytes) -> None:
    parse_checked(data.decode("utf-8", errors="surrogateescape"))


@_settings()
@given(st.text(PUNCTUATION, max_size=400))
def test_only_punctuation(text: str) -> None:
    parse_checked(text)


@_settings()
@given(st.text(DIGITS, max_size=400))
def test_only_digits_and_numerals(text: str) -> None:
    parse_checked(text)


@_settings()
@given(st.binary(max_size=2000))
def test_decoder_accepts_or_refuses_with_an_input_error(data: bytes) -> None:
    """Any bytes: decoded text, or an InputError naming the file (never another exception)."""
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except InputError as err:
        assert str(err).startswith("x.txt: ") and "\n" not in str(err)
    else:
        assert encoding in {"utf-8", "utf-8-sig", "utf-16", "gb18030"}
        assert text.strip()


# ----------------------------------------------------------------------------- huge inputs, fewer examples


@_settings(examples=25, deadline=timedelta(seconds=60), shrink=False)
@given(st.lists(st.sampled_from(LINE_TOKENS), min_size=1, max_size=30).map("".join))
def test_100k_character_line(unit: str) -> None:
    line = unit * (100_000 // len(unit) + 1)
    # The known quadratic cases (test_known_slow_cases) are left out: a long line full of figures,
    # one with an odd number of ASCII quotation marks, one long run of Chinese numerals.
    assume(not extract_figures(unit * 3) and line.count('"') % 2 == 0 and not set(unit) <= CN_NUMERALS)
    parse_checked(line)


@_settings(examples=25, deadline=timedelta(seconds=60))
@given(genre_text, st.integers(min_value=500, max_value=3000))
def test_many_repeated_lines(line: str, times: int) -> None:
    parse_checked((line + "\n") * times)


NUMERALS = "一二三四五六七八九十"
HEADING_FLOODS = [
    pytest.param("一、" * 5000, id="一、x5000"),
    pytest.param("（一）\n" * 2000, id="（一）-lines-x2000"),
    pytest.param("（一）" * 5000, id="（一）x5000"),
    pytest.param(
        "".join(f"（{'一二三四五六七八九十'[i % 10]}）加强工作\n" for i in range(2000)), id="titled-x2000"
    ),
    pytest.param("".join(f"{i}. 工作要点\n" for i in range(1, 2001)), id="1.-to-2000."),
    pytest.param("一、总体要求\n（一）指导思想\n1. 坚持\n（1）推进\n" * 500, id="four-levels-x500"),
    pytest.param("# 标题\n" * 5000, id="markdown-x5000"),
    pytest.param("第一章\n第一节\n" * 2000, id="chapters-x2000"),
    pytest.param("■ 张三\n" * 2000, id="bylines-x2000"),
    pytest.param("关键词 " * 20000, id="keywords-x20000"),
    pytest.param("\n" * 100_000, id="newlines-100k"),
    pytest.param("\r" * 100_000, id="CR-100k"),
    pytest.param("，" * 100_000, id="commas-100k"),
    pytest.param("1" * 100_000, id="digits-100k"),
    pytest.param("“" * 100_000, id="open-quotes-100k"),
    pytest.param("“枫桥经验”" * 15000, id="quoted-terms-90k"),
    pytest.param("要坚持推进工作。" * 5000, id="directives-x5000"),
]


@pytest.mark.parametrize("text", HEADING_FLOODS)
def test_floods_parse_within_budget(text: str) -> None:
    parse_checked(text, seconds=5)


# ----------------------------------------------------------------------------- found by the properties


KNOWN_SLOW = [
    pytest.param(
        "12万元，" * 8000,
        id="figures-in-one-56k-paragraph",
    ),
    pytest.param(
        "由90.6%上升到98.3%，" * 4000,
        id="changes-in-one-64k-paragraph",
    ),
    pytest.param(
        '"甲' * 8000 + '"',
        id="odd-ascii-quotes-16k",
    ),
    pytest.param(
        "亿" * 16000,
        id="chinese-numeral-run-16k",
    ),
]


@pytest.mark.parametrize("text", KNOWN_SLOW)
def test_known_slow_cases(text: str) -> None:
    parse_checked(text, seconds=3)  # linear work would take well under a second


BLOATED = [
    pytest.param(
        "12万元，" * 1000,
        id="figure-sentence-not-capped",
    ),
]


@pytest.mark.parametrize("text", BLOATED)
def test_figure_sentences_are_bounded(text: str) -> None:
    parsed = parse_checked(text, seconds=10)
    assert all(len(f.sentence) <= 1000 for a in parsed.articles for f in a.figures)
