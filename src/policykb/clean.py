"""Source text → clean paragraphs, each with a map back to source offsets.

What is removed for parsing (the source text itself is never changed):
- stray spaces and line breaks that PDF extraction puts inside words (系 统集成);
- HTML remnants (<p>, <br>, <strong>) and Markdown links such as [查看原文](…);
- web-page clutter lines (您的位置, 【字号 大 中 小】, 分享/打印/关闭, 扫一扫在手机打开当前页 …);
- page-break artifacts dropped into the middle of a paragraph (作者：… footnotes, page numbers),
  after which the two halves of the paragraph are joined again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from .lexicon import read_patterns

# Characters that take no space around them in Chinese typesetting: CJK ideographs and
# punctuation, full-width forms, and the quotes that wrap Chinese terms.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f“”‘’■●◆"
_STRAY_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK}])")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>|\[[^\[\]]{0,40}\]\(https?://[^()\s]{0,500}\)|&nbsp;")
_MD_HEADING = re.compile(r"^(#{1,6})\s*")
TERMINALS = "。！？!?…；;：:”’」』)）"
# Terminal punctuation followed by spaces inside one long line: a paragraph break the
# extraction flattened (a whole article on one line, paragraphs separated by spaces).
_FLAT_BREAK = re.compile(r"(?<=[。！？!?])[”’」』]?[ \t\u00a0\u3000]{1,}(?=\S)")


class OffsetMap:
    """Maps offsets in a cleaned string back to offsets in the source text.

    The cleaned string is a concatenation of pieces, each a verbatim slice of the source.
    """

    __slots__ = ("_clean_starts", "_length", "_source_starts")

    def __init__(self) -> None:
        self._clean_starts: list[int] = []
        self._source_starts: list[int] = []
        self._length = 0

    def add(self, source_start: int, length: int) -> None:
        if length <= 0:
            return
        self._clean_starts.append(self._length)
        self._source_starts.append(source_start)
        self._length += length

    def extend(self, other: OffsetMap) -> None:
        for cs, ss in zip(other._clean_starts, other._source_starts, strict=True):
            self._clean_starts.append(self._length + cs)
            self._source_starts.append(ss)
        self._length += other._length

    def pieces(self) -> tuple[tuple[int, int, int], ...]:
        """(clean offset, source offset, length) of each piece."""
        if not self._clean_starts:
            return ()
        ends = [*self._clean_starts[1:], self._length]
        return tuple(
            (cs, ss, e - cs) for cs, ss, e in zip(self._clean_starts, self._source_starts, ends, strict=True)
        )

    @classmethod
    def from_pieces(cls, pieces: list[list[int]] | tuple[tuple[int, int, int], ...]) -> OffsetMap:
        omap = cls()
        for cs, ss, n in pieces:
            omap._clean_starts.append(cs)
            omap._source_starts.append(ss)
            omap._length = cs + n
        return omap

    def __len__(self) -> int:
        return self._length

    def to_source(self, index: int) -> int:
        """Source offset of the character at ``index`` of the cleaned string."""
        if not self._clean_starts:
            return 0
        index = max(0, min(index, self._length - 1))
        i = bisect.bisect_right(self._clean_starts, index) - 1
        return self._source_starts[i] + (index - self._clean_starts[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the cleaned slice [start, end)."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass(slots=True)
class Para:
    """One paragraph of cleaned text."""

    text: str  # stray spaces removed
    raw: str  # as printed on its line(s), tags removed, inner spaces kept (bylines need them)
    omap: OffsetMap
    md_level: int = 0  # 1–6 for a Markdown heading
    kind: str = "text"  # text | clutter | artifact
    start: int = 0
    end: int = 0
    line: int = 0  # index of its first line in the file

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.omap.span(start, end)


@dataclass(slots=True)
class CleanDoc:
    source: str
    paras: list[Para] = field(default_factory=list)


@cache
def _clutter_patterns() -> tuple[re.Pattern[str], ...]:
    return read_patterns("clutter.txt")


@cache
def _artifact_patterns() -> tuple[re.Pattern[str], ...]:
    return read_patterns("page_artifacts.txt")


def is_clutter(raw: str) -> bool:
    """A web-page chrome line (breadcrumbs, font-size switches, share/print buttons …)."""
    s = raw.strip()
    return any(p.search(s) for p in _clutter_patterns())


def is_artifact(raw: str) -> bool:
    """A line a page break dropped into a paragraph: a page number, a running footer, a byline footnote."""
    s = raw.strip()
    return any(p.search(s) for p in _artifact_patterns())


def _iter_lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield pos, stripped
        pos += len(line)


def _strip_tags(start: int, line: str) -> list[tuple[int, str]]:
    """Split a line into (source offset, text) pieces with HTML tags and Markdown links removed."""
    pieces: list[tuple[int, str]] = []
    pos = 0
    for m in _TAG.finditer(line):
        if m.start() > pos:
            pieces.append((start + pos, line[pos : m.start()]))
        pos = m.end()
    if pos < len(line):
        pieces.append((start + pos, line[pos:]))
    return pieces


def _squeeze(pieces: list[tuple[int, str]]) -> tuple[str, OffsetMap]:
    """Join pieces, dropping stray spaces next to CJK characters and trimming the ends."""
    omap = OffsetMap()
    out: list[str] = []
    joined = "".join(p for _, p in pieces)
    # Map every character of ``joined`` back through the pieces.
    bounds: list[tuple[int, int]] = []  # (joined start, source start)
    acc = 0
    for s, p in pieces:
        bounds.append((acc, s))
        acc += len(p)
    keep: list[tuple[int, int]] = []
    pos = 0
    for m in _STRAY_SPACE.finditer(joined):
        keep.append((pos, m.start()))
        pos = m.end()
    keep.append((pos, len(joined)))
    # trim leading/trailing whitespace
    text_parts: list[tuple[int, int]] = []
    for a, b in keep:
        if b > a:
            text_parts.append((a, b))
    if text_parts:
        a0, b0 = text_parts[0]
        while a0 < b0 and joined[a0].isspace():
            a0 += 1
        text_parts[0] = (a0, b0)
        a1, b1 = text_parts[-1]
        while b1 > a1 and joined[b1 - 1].isspace():
            b1 -= 1
        text_parts[-1] = (a1, b1)
    starts = [b[0] for b in bounds]
    for a, b in text_parts:
        # split [a, b) at piece boundaries so each run maps to one contiguous source slice
        while a < b:
            i = bisect.bisect_right(starts, a) - 1
            piece_end = bounds[i + 1][0] if i + 1 < len(bounds) else len(joined)
            stop = min(b, piece_end)
            omap.add(bounds[i][1] + (a - bounds[i][0]), stop - a)
            out.append(joined[a:stop])
            a = stop
    return "".join(out), omap


def _make_para(line_no: int, pieces: list[tuple[int, str]]) -> Para | None:
    raw = "".join(p for _, p in pieces).strip()
    if not raw:
        return None
    md_level = 0
    m = _MD_HEADING.match(pieces[0][1].lstrip()) if pieces else None
    if m and raw.startswith("#"):
        md_level = len(m.group(1))
        first_off, first = pieces[0]
        lead = len(first) - len(first.lstrip())
        cut = lead + m.end()
        pieces = [(first_off + cut, first[cut:]), *pieces[1:]]
        raw = "".join(p for _, p in pieces).strip()
    text, omap = _squeeze(pieces)
    if not text:
        return None
    start, end = omap.span(0, len(text))
    return Para(text=text, raw=raw, omap=omap, md_level=md_level, start=start, end=end, line=line_no)


def _split_flat_line(start: int, line: str) -> list[tuple[int, str]]:
    """A very long line holding several paragraphs separated by spaces after a full stop."""
    if len(line) < 600:
        return [(start, line)]
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _FLAT_BREAK.finditer(line):
        cut = m.start() + len(m.group().rstrip(" \t\u00a0\u3000"))
        out.append((start + pos, line[pos:cut]))
        pos = m.end()
    out.append((start + pos, line[pos:]))
    return out


def clean_text(text: str) -> CleanDoc:
    """Split ``text`` into paragraphs of clean text, classifying clutter and page artifacts."""
    doc = CleanDoc(source=text)
    for line_no, (start, line) in enumerate(_iter_lines(text)):
        for seg_start, seg in _split_flat_line(start, line):
            para = _make_para(line_no, _strip_tags(seg_start, seg))
            if para is None:
                continue
            if is_clutter(para.raw):
                para.kind = "clutter"
            elif is_artifact(para.raw):
                para.kind = "artifact"
            doc.paras.append(para)
    return doc


def ends_open(text: str) -> bool:
    """Whether a paragraph stops in mid-sentence (no closing punctuation)."""
    return bool(text) and text[-1] not in TERMINALS


def join_paras(first: Para, second: Para) -> Para:
    """One paragraph made of two halves that a page or line break separated."""
    omap = OffsetMap()
    omap.extend(first.omap)
    omap.extend(second.omap)
    return Para(
        text=first.text + second.text,
        raw=first.raw + second.raw,
        omap=omap,
        md_level=first.md_level,
        kind=first.kind,
        start=first.start,
        end=second.end,
        line=first.line,
    )
