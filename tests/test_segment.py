"""segment.py cuts windows itself (one pass instead of jieba's three): it must cut exactly as jieba's
``cut(text, HMM=False)`` and ``posseg.cut(text, HMM=False)`` do, with and without user words.

Compared on every window of the bundled seeds, on text of the genre written for these tests, on the
odd characters jieba treats apart (letters, digits, %, -, spaces, line breaks), and on random
strings drawn from the same alphabet.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykb import segment
from policykb.segment import add_words, cut, plain_cut, plain_tokenizer, pos_cut

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

GENRE = [
    "全市公安机关坚持和发展新时代“枫桥经验”，破获电信网络诈骗案件1,203起，同比下降12.5%。",
    "要健全“两队一室”运行机制，严禁以罚代管、选择性执法。",
    "2025年全区刑事案件立案数下降18.3个百分点，群众安全感达98.35%以上。",
    "推进情指行一体化实战化运行，建成智慧警务室52个，覆盖率100%。",
    "  第一，坚持党对公安工作的绝对领导；第二，\r\n深化改革。",
    "GDP增长5.2%、CPI上涨0.3%，PM2.5浓度下降到30微克/立方米。",
    "A-1号线、B2标段、C++项目和#3通道&4号口_5段 已完工。",
    "一是抓源头；二是抓基层；三是抓队伍。",
]


@cache
def _jieba() -> tuple[Any, Any]:
    """jieba itself: the tokenizer and part-of-speech tokenizer segment.py holds."""
    router, pos_tokenizer = segment._tokenizers()
    return router.tokenizer, pos_tokenizer


def _jieba_cut(text: str) -> list[str]:
    return list(_jieba()[0].cut(text, HMM=False))


def _jieba_pos(text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in _jieba()[1].cut(text, HMM=False)]


def _windows(text: str, rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        i = rnd.randrange(len(text))
        out.append(text[i : i + rnd.randrange(1, 24)])
    return out


def _seed_windows() -> list[str]:
    rnd = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*"))]
    return [w for t in texts for w in _windows(t, rnd, 400)]


@pytest.mark.parametrize("text", GENRE)
def test_cut_is_jiebas(text: str) -> None:
    assert cut(text) == _jieba_cut(text)
    assert pos_cut(text) == _jieba_pos(text)
    assert plain_cut(text) == list(plain_tokenizer().cut(text, HMM=False))


def test_every_seed_window_is_cut_as_jieba_cuts_it() -> None:
    windows = _seed_windows()
    assert len(windows) > 1000
    for w in windows:
        assert cut(w) == _jieba_cut(w), w
        assert pos_cut(w) == _jieba_pos(w), w
        assert plain_cut(w) == list(plain_tokenizer().cut(w, HMM=False)), w


def test_whole_seed_files_are_cut_as_jieba_cuts_them() -> None:
    for path in sorted(SEEDS.glob("*")):
        text = path.read_text(encoding="utf-8")[:20000]
        assert cut(text) == _jieba_cut(text), path.name


def test_a_user_word_added_after_cutting_changes_the_cut_as_in_jieba() -> None:
    text = "推行青禾守望工作法，青禾守望成效明显"
    before = cut(text)
    add_words(["青禾守望工作法"])
    after = cut(text)
    assert after == _jieba_cut(text)
    assert "青禾守望工作法" in after and after != before
    assert ("青禾守望工作法", segment.USER_WORD_TAG) in pos_cut(text)
    assert pos_cut(text) == _jieba_pos(text)
    # the plain tokenizer never takes user words
    assert "青禾守望工作法" not in plain_cut(text)


_ALPHABET = (
    "公安机关枫桥经验两队一室情指行一体化要必须严禁案件起个百分点万亿元年来第一二三是"
    "，。、；：“”%-.+#&_ aZ09\r\n\t（）"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_random_strings_are_cut_as_jieba_cuts_them(text: str) -> None:
    assert cut(text) == _jieba_cut(text)
    assert pos_cut(text) == _jieba_pos(text)
