"""The outline of an article: headings with depth, label and title.

Heading markers of the genre, each a *kind*; depth comes from the order in which kinds
nest inside one article (the first kind met is depth 1), as a careful reader assigns it:

- ``一、``            numeral + 、
- ``（一）`` ``(一)``  bracketed numeral
- ``1.`` ``1、``       Arabic numeral
- ``（1）``           bracketed Arabic numeral
- ``一是`` ``一要``    enumeration opening a heading-like sentence (run into its paragraph)
- ``首先`` ``其次`` ``第三`` ``最后``  ordinal adverbs opening a heading-like sentence
- ``#``/``##``/``###`` Markdown headings
- ``第一章``/``第一部分``  chapters and parts of documents and reports
- an unnumbered short line naming a part of a report (“十四五”时期工作回顾, 2026年重点工作): see
  ``data/part_headings.txt``
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .clean import Para
from .lexicon import read_lines

CN_DIGITS = "〇零一二三四五六七八九十百两"
_CN_NUM = f"[{CN_DIGITS}]{{1,4}}"

# (kind, pattern). The label is group "label"; the title starts at the end of the match.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第(?P<label>{_CN_NUM})(?P<unit>[章编篇]|部分)[\s、：:]*")),
    ("cn", re.compile(rf"^(?P<label>{_CN_NUM})\s*[、．.]\s*")),
    ("cn_paren", re.compile(rf"^[（(]\s*(?P<label>{_CN_NUM})\s*[）)][、，,\s]*")),
    # 1、2025年主要工作 is a heading; 1.5万 and 12、13日 are not
    ("arabic", re.compile(r"^(?P<label>\d{1,2})\s*(?:、(?!\d{1,2}(?!\d))|[．.](?![\d%％]))\s*")),
    ("arabic_paren", re.compile(r"^[（(]\s*(?P<label>\d{1,2})\s*[）)][、，,\s]*")),
    ("circled", re.compile(r"^(?P<label>[①②③④⑤⑥⑦⑧⑨⑩])\s*")),
)
_ENUM = re.compile(rf"(?P<label>{_CN_NUM})(?P<word>是|要|方面|则)[，,：:]?")
_ORDINAL = re.compile(rf"(?P<word>首先|其次|再次|最后|第(?P<label>{_CN_NUM}))[，,、：:]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_EMPHASIS = re.compile(r"\*\*|__")
_TITLE_END = re.compile(r"[。！？!?；;]")
MAX_TITLE = 80  # a heading longer than this is a paragraph that happens to start with a numeral


@dataclass(frozen=True, slots=True)
class Heading:
    para: int  # index of the paragraph it opens (in the article's paragraph list)
    start: int  # span of the whole heading (marker included) in the paragraph's clean text
    end: int
    title_start: int  # span of the title alone
    title_end: int
    kind: str
    label: str
    title: str
    run_in: bool  # the heading runs on into its paragraph
    depth: int = 0


def cn_to_int(label: str) -> int | None:
    """Value of a small Chinese numeral, for checking that a sequence runs on.

    >>> [cn_to_int(x) for x in ("一", "十", "十二", "二十", "两")]
    [1, 10, 12, 20, 2]
    """
    digits = {
        "〇": 0,
        "零": 0,
        "一": 1,
        "二": 2,
        "两": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
    }
    if label.isdigit():
        return int(label)
    if label in _CIRCLED:
        return _CIRCLED.index(label) + 1
    if not label or any(ch not in digits and ch != "十" for ch in label):
        return None
    if "十" not in label:
        return digits[label[0]] if len(label) == 1 else None
    tens, _, ones = label.partition("十")
    t = digits.get(tens, 0) if tens else 1
    o = digits.get(ones, 0) if ones else 0
    return t * 10 + o


def _title_span(text: str, pos: int, stop_at_space: bool) -> tuple[int, int, bool]:
    """Span of the title starting at ``pos`` and whether it runs on into a paragraph."""
    m = _TITLE_END.search(text, pos)
    end = m.start() if m else len(text)
    run_in = m is not None and text[m.end() :].strip() != ""
    return pos, end, run_in


def match_marker(para: Para) -> Heading | None:
    """A numbered heading at the start of a paragraph (一、 （一） 1. （1） …), if any."""
    text = para.text
    lead = _EMPHASIS.match(text)
    skip = lead.end() if lead else 0  # **一、…** : a heading printed in bold Markdown
    for kind, pat in _MARKERS:
        m = pat.match(text[skip:])
        if not m:
            continue
        raw_title_start = None if skip else _raw_inline_break(para.raw, kind)
        ts, te, run_in = _title_span(text, skip + m.end(), False)
        if raw_title_start is not None and raw_title_start < te:
            te, run_in = raw_title_start, True
        close = text.find(lead.group(), ts) if lead else -1
        if 0 <= close < te:
            te, run_in = close, text[close + skip :].strip() != ""
        title = text[ts:te].strip(" ，,、：:")
        if not title or te - ts > MAX_TITLE:
            return None
        if kind == "chapter":
            kind = f"chapter_{m.group('unit')}"
        return Heading(0, 0, te, ts, te, kind, m.group("label"), title, run_in)
    return None


_PDF_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")
_RAW_MARK = re.compile(rf"^\s*(?:{_CN_NUM}\s*、|[（(]\s*{_CN_NUM}\s*[）)])")


def _raw_inline_break(raw: str, kind: str) -> int | None:
    """Where an inline heading printed as 'MARK TITLE BODY…' ends: at the first space, when the
    words before it carry no punctuation (a short phrase) and a sentence follows.

    Returns the offset in the *clean* text (spaces removed), or None.
    """
    if kind not in ("cn", "cn_paren"):
        return None
    m = _RAW_MARK.match(raw)
    if not m:
        return None
    rest = raw[m.end() :].lstrip()
    if len(_PDF_SPACE.findall(rest)) >= 3:
        return None  # spaces inside words all over the line: PDF noise, not a layout break
    sp = re.search(r"[ \t\u3000\u00a0]+", rest)
    if not sp:
        return None
    head = rest[: sp.start()]
    tail = rest[sp.end() :]
    if not (2 <= len(head) <= 30) or re.search(r"[，,。；;：:！？、]", head):
        return None
    if len(tail) < 20 or not re.search(r"[。，,]", tail[:200]):
        return None
    if _cuts_a_word(tail):
        return None
    clean_mark = re.sub(r"\s+", "", m.group())
    return len(clean_mark) + len(head)


def _cuts_a_word(tail: str) -> bool:
    """The words after the space run on to a full stop within a few characters (推进警务系 统集成改革。):
    the space is a stray one inside a word, not the end of the heading."""
    clause = re.split(r"[。！？；;!?]", tail, maxsplit=1)[0]
    return len(clause) <= 8 and not re.search(r"[，,：:、]", clause)


MAX_PART_TITLE = 26
_PART_PUNCT = re.compile(r"[。！？!?；;，,：:、]")


def match_part(text: str) -> Heading | None:
    """An unnumbered part heading: a short line of its own that names a part of a report.

    >>> match_part("“十四五”时期工作回顾").title, match_part("2026年重点工作").kind
    ('“十四五”时期工作回顾', 'part')
    >>> match_part("今年重点工作是：稳增长。") is None, match_part("坚持和发展新时代“枫桥经验”") is None
    (True, True)
    """
    title = text.strip()
    if not title or len(title) > MAX_PART_TITLE or _PART_PUNCT.search(title):
        return None
    if not any(word in title for word in read_lines("part_headings.txt")):
        return None
    return Heading(0, 0, len(text), 0, len(text), "part", "", title, False)


def match_enumeration(text: str, pos: int) -> Heading | None:
    """An enumeration (一是/一要/首先/第三…) opening a heading-like sentence at ``pos``."""
    m = _ENUM.match(text, pos) or _ORDINAL.match(text, pos)
    if not m:
        return None
    word = m.group("word")
    label = m.group("label") or ""
    if word in ("首先", "其次", "再次", "最后"):
        kind, label = "ordinal", ""
    elif word.startswith("第"):
        kind = "ordinal"
    else:
        kind = "enum_" + word
    ts = m.end()
    te_m = _TITLE_END.search(text, ts)
    te = te_m.start() if te_m else len(text)
    title = text[ts:te].strip(" ，,、：:")
    if not title or te - ts > 60:
        return None
    run_in = te_m is not None and text[te_m.end() :].strip() != ""
    return Heading(0, pos, te, ts, te, kind, label, title, run_in)


def _ordinal_value(h: Heading) -> int | None:
    if h.kind == "ordinal":
        word_map = {"": None}
        if h.label:
            return cn_to_int(h.label)
        return word_map.get(h.label)
    return cn_to_int(h.label)


def find_headings(paras: list[Para]) -> list[Heading]:
    """Every heading of an article's body, in order, with depth assigned."""
    found: list[Heading] = []
    quoted = _quoted_paras(paras)
    for i, para in enumerate(paras):
        if para.kind != "text" or i in quoted:
            continue
        if para.md_level:
            numbered = match_marker(para)
            if numbered is not None:  # ## 一、… : the numeral is the label, the # count the depth
                found.append(_at(replace(numbered, kind=f"md{para.md_level}"), i))
                continue
            title = para.text.strip("#* ")
            if title:
                found.append(
                    Heading(i, 0, len(para.text), 0, len(para.text), f"md{para.md_level}", "", title, False)
                )
            continue
        h = match_marker(para) or match_part(para.text)
        if h is not None:
            found.append(_at(h, i))
            pos = h.end
        else:
            pos = 0
        found.extend(_enumerations(para.text, i, pos))
    found = _keep_sequences(found)
    return assign_depths(found)


MAX_QUOTED_PARAS = 12


def _quoted_paras(paras: list[Para]) -> set[int]:
    """Paragraphs that sit inside a quotation opened in an earlier paragraph (a document's list of
    headings quoted line by line): not the article's outline. A quotation left open for more than
    ``MAX_QUOTED_PARAS`` paragraphs is taken for a stray mark and ignored."""
    quoted: set[int] = set()
    i = 0
    while i < len(paras):
        depth = paras[i].text.count("“") - paras[i].text.count("”")
        if depth <= 0:
            i += 1
            continue
        j = i + 1
        while j < len(paras) and j - i <= MAX_QUOTED_PARAS and depth > 0:
            depth += paras[j].text.count("“") - paras[j].text.count("”")
            j += 1
        if depth <= 0:
            quoted.update(range(i + 1, j))
            i = j
        else:
            i += 1
    return quoted


# an enumeration opens the paragraph, a sentence, a clause after ；, or a list after ： (包括：一是…；二是…)
_SENTENCE_START = re.compile(r"(?:^|(?<=[。！？!?；;：:]))\s*")
_MID_SENTENCE = re.compile(r"[；;：:]\s*$")


def _enumerations(text: str, para_index: int, from_pos: int) -> list[Heading]:
    """Enumerations at the start of the paragraph text (after a heading) or after a full stop."""
    out: list[Heading] = []
    starts = [m.end() for m in _SENTENCE_START.finditer(text, from_pos)]
    if from_pos and (not starts or starts[0] != from_pos):
        starts.insert(0, from_pos)  # right after a heading that runs into its paragraph
    for pos in starts:
        if pos >= len(text):
            break
        if text[pos] not in CN_DIGITS + "首其再最第":
            continue
        h = match_enumeration(text, pos)
        if h is None:
            continue
        if h.kind == "ordinal" and pos != from_pos and _MID_SENTENCE.search(text, 0, pos):
            continue  # 要把握三点：第一，…；第二，… : a list inside one sentence, not an outline
        out.append(_at(h, para_index))
    return out


def _at(h: Heading, para: int) -> Heading:
    return Heading(para, h.start, h.end, h.title_start, h.title_end, h.kind, h.label, h.title, h.run_in)


def _keep_sequences(heads: list[Heading]) -> list[Heading]:
    """Keep enumeration and ordinal headings only where they form a sequence (一是 … 二是 …).

    A series runs forward from its first item: 一 needs a 二 after it, and a later item is kept
    only when its predecessor was (a list whose 一 was lost, 二是…三是…, is not an outline).
    """
    keep: list[Heading] = []
    reached: dict[str, set[int]] = {}
    for idx, h in enumerate(heads):
        if not (h.kind.startswith("enum_") or h.kind == "ordinal"):
            keep.append(h)
        elif h.kind == "ordinal":
            if sum(1 for x in heads if x.kind == "ordinal") >= 2:
                keep.append(h)
        elif (value := cn_to_int(h.label)) is not None:
            seen = reached.setdefault(h.kind, set())
            if value == 1:
                ok = any(x.kind == h.kind and cn_to_int(x.label) == 2 for x in heads[idx + 1 :])
            else:
                ok = value - 1 in seen
            if ok:
                seen.add(value)
                keep.append(h)
    return keep


def assign_depths(heads: list[Heading]) -> list[Heading]:
    """Depth from nesting: a kind met for the first time goes one level under the current one.

    Markdown headings nest by their # count.
    """
    stack: list[str] = []
    out: list[Heading] = []
    for h in heads:
        kind = h.kind
        if kind in stack:
            del stack[stack.index(kind) + 1 :]
        elif kind.startswith("md") and any(k.startswith("md") for k in stack):
            # a Markdown level between known ones: cut below the deepest shallower one
            level = int(kind[2:])
            while stack and stack[-1].startswith("md") and int(stack[-1][2:]) > level:
                stack.pop()
            stack.append(kind)
        else:
            stack.append(kind)
        out.append(
            Heading(
                h.para,
                h.start,
                h.end,
                h.title_start,
                h.title_end,
                h.kind,
                h.label,
                h.title,
                h.run_in,
                len(stack),
            )
        )
    return out
