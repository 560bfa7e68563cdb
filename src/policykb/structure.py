"""An article's header (title, subtitle, bylines, abstract, keywords) and its body paragraphs.

The header is the run of short lines before the first prose paragraph; the body is the rest,
with page-break artifacts taken out and the halves of broken paragraphs joined again, a
leading table of contents dropped and appendices (附件, 名词解释, footnotes ［1］) cut off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .byline import (
    AuthorNote,
    Byline,
    has_surname,
    is_group_signature,
    is_position,
    parse_author_line,
    parse_author_note,
    parse_byline_line,
    parse_caption,
    parse_editor,
    parse_editors,
    parse_mark_byline,
    parse_reporters,
    parse_trailing_byline,
)
from .clean import Para, ends_open, join_paras
from .outline import match_enumeration, match_marker
from .split import is_prose

# 摘要, 内容摘要, 内容提要; a bare 提要 only before its colon or bracket (提要求 opens a sentence)
_ABSTRACT = re.compile(
    r"^[【\[]?\s*(?:(?:内容)?摘\s*要|内容提要|提\s*要(?=\s*[】\]:：]))\s*[】\]]?\s*[:：]?\s*"
)
_KEYWORDS = re.compile(r"^[【\[]?\s*关\s*键\s*[词字]\s*[】\]]?\s*[:：]?\s*")
_SUBTITLE = re.compile(r"^(?:——|--|—|－－|──)\s*")
_DOC_TYPE = re.compile(
    r"(报告|意见|通知|决定|办法|方案|规划|纲要|条例|规定|讲话|指导意见|公报|决议|批复|复函|函|通报|公告|命令)$"
)
_APPENDIX = re.compile(
    r"^(附\s*件\s*\d*\s*[:：]?|附\s*录|名词解释|参考文献|注\s*释|注[:：]|[［\[]\s*1\s*[］\]])"
)
# A salutation or the addressees of an official document: the body follows it.
_GREETING = re.compile(r"^各位代表[:：]?$|^同志们[:：，,]?$|^[^。！？]{2,80}[:：]$")
_TOC_HEAD = re.compile(r"^目\s*录$")
_COLUMN = re.compile(r"^【[^【】]{2,12}】$")  # a magazine column's name above the title: 【特别策划】
_STATE_DOC = re.compile(r"^(国[办发]|[^\s]{1,6}[发办函字])\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$")


@dataclass(slots=True)
class Header:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    title_para: Para | None = None
    subtitle: str | None = None
    abstract: str | None = None
    abstract_para: Para | None = None
    contents: list[Para] = field(default_factory=list)  # a table of contents before the body
    keywords: list[str] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    byline_spans: list[tuple[int, int]] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # bodies signing the article (某县公安局课题组)
    body_start: int = 0


def _is_heading_para(para: Para) -> bool:
    return (bool(para.md_level) and para.md_level > 1) or match_marker(para) is not None


def _is_toc(paras: list[Para], i: int) -> int:
    """Length of a table of contents starting at ``i``: three or more heading lines in a row."""
    j = i
    while (
        j < len(paras)
        and paras[j].kind == "text"
        and match_marker(paras[j]) is not None
        and not is_prose(paras[j])
    ):
        j += 1
    return j - i if j - i >= 3 else 0


def parse_header(paras: list[Para]) -> Header:
    """Read the header lines at the top of an article's paragraphs."""
    h = Header()
    i = 0
    n = len(paras)
    while i < n:
        para = paras[i]
        text, raw = para.text, para.raw
        note = parse_author_note(raw) if len(text) < 200 else None
        if note is not None:
            _add_note(h, note, para)
            i += 1
            continue
        if para.kind == "clutter":
            _meta_byline(h, para)
            i += 1
            continue
        if para.kind == "artifact":
            _footnote_byline(h, para)
            i += 1
            continue
        if h.title is None and _COLUMN.match(text):
            i += 1
            continue
        if _TOC_HEAD.match(text):
            toc = _is_toc(paras, i + 1)
            h.contents.extend(paras[i + 1 : i + 1 + toc])
            i += 1 + toc
            continue
        toc = _is_toc(paras, i)
        if toc and h.title is None:
            h.contents.extend(paras[i : i + toc])
            i += toc
            continue
        if _ABSTRACT.match(text) and len(text) > 6:
            h.abstract = _ABSTRACT.sub("", text).strip()
            h.abstract_para = para
            i += 1
            continue
        if _KEYWORDS.match(text):
            h.keywords = [k for k in re.split(r"[\s;；，,、]+", _KEYWORDS.sub("", raw).strip()) if k]
            i += 1
            continue
        if _GREETING.match(text) and match_marker(para) is None:
            i += 1
            break
        if _STATE_DOC.match(text):
            i += 1
            continue
        names = parse_byline_line(raw, bare=h.title is not None) if "。" not in text else []
        if names:
            _add_bylines(h, names, para)
            i += 1
            continue
        if h.title is not None and is_group_signature(text):
            h.groups.append(text)
            i += 1
            continue
        marks = parse_mark_byline(raw)
        if marks:
            h.bylines.extend(marks)
            h.byline_spans.extend([(para.start, para.end)] * len(marks))
            i += 1
            continue
        trailing = parse_trailing_byline(raw) if "。" not in text else None
        if trailing is not None:
            h.bylines.append(trailing)
            h.byline_spans.append((para.start, para.end))
            if trailing.prefix and h.title is None:
                h.title = re.sub(r"\s+", "", trailing.prefix)
                h.title_span = (para.start, para.end)
                h.title_para = para
            i += 1
            continue
        if h.title is not None and _is_caption(para):
            _caption_byline(h, para)
            i += 1
            continue
        if para.md_level and h.title is None and not is_prose(para):
            _title_line(h, para, None)
            i += 1
            continue
        if h.title is not None and _breaks_at_page(paras, i):
            break
        if is_prose(para) or _is_heading_para(para) or match_enumeration(text, 0) is not None:
            break
        if h.title is not None and _is_name_line(raw) and not _continues_title(h.title, text):
            h.bylines.append(Byline(re.sub(r"\s+", "", raw)))
            h.byline_spans.append((para.start, para.end))
            i += 1
            continue
        if parse_editor(raw) or parse_reporters(raw):
            i += 1
            continue
        _title_line(h, para, paras[i + 1] if i + 1 < n else None)
        i += 1
    h.body_start = i
    return h


_CAPTION = re.compile(r"作(?:政府)?工作报告|所作的?报告|摄\s*$|摄影[:：]")
_NAME_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,4}$"  # 张明远
    r"|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$"  # 艾尔肯·吐尼亚孜
    r"|^[\u4e00-\u9fff] [\u4e00-\u9fff]{1,2}$"  # 王 强
)


def _breaks_at_page(paras: list[Para], i: int) -> bool:
    """A line that stops mid-sentence where a page break dropped artifacts (a page number, a 作者：
    footnote) and prose runs on after them: the first half of the first body paragraph."""
    if not ends_open(paras[i].text):
        return False
    j = i + 1
    while j < len(paras) and paras[j].kind == "artifact":
        j += 1
    return i + 1 < j < len(paras) and paras[j].kind == "text" and is_prose(paras[j])


def _is_caption(para: Para) -> bool:
    """A photo caption or a line naming the speaker of a report, under the title."""
    return len(para.text) < 160 and bool(_CAPTION.search(para.text))


def _is_name_line(raw: str) -> bool:
    """A line holding only a person's name (a report's speaker under its title): a surname first.

    >>> _is_name_line("毛 明远"), _is_name_line("调研报告"), _is_name_line("艾尔肯·吐尼亚孜")
    (True, False, True)
    """
    s = raw.strip()
    if not _NAME_LINE.match(s) or is_position(s):
        return False
    if "·" in s:
        return True
    return has_surname(s.replace(" ", ""))


def _add_bylines(h: Header, bylines: list[Byline], para: Para) -> None:
    """Bylines of a line; one naming an author already seen gives that author its offices."""
    for b in bylines:
        k = next((k for k, seen in enumerate(h.bylines) if seen.name == b.name), None)
        if k is None:
            h.bylines.append(b)
            h.byline_spans.append((para.start, para.end))
        elif not h.bylines[k].positions and b.positions:
            h.bylines[k] = replace(h.bylines[k], positions=b.positions)


def _add_note(h: Header, note: AuthorNote, para: Para) -> None:
    """A note's offices or workplace go to the author it names, else to the first without any."""
    for k, b in enumerate(h.bylines):
        if (note.name is None or b.name == note.name) and not b.positions and not b.unit:
            h.bylines[k] = replace(b, positions=note.positions, unit=note.unit)
            return
    if note.name and all(b.name != note.name for b in h.bylines):
        h.bylines.append(Byline(note.name, note.positions, unit=note.unit))
        h.byline_spans.append((para.start, para.end))


def _caption_byline(h: Header, para: Para) -> None:
    """The speaker named in a caption: fills the positions of a byline already seen, or adds one."""
    caption = parse_caption(para.text)
    if caption is None:
        return
    for k, b in enumerate(h.bylines):
        if b.name == caption.name:
            if not b.positions:
                h.bylines[k] = Byline(b.name, caption.positions, b.role, b.prefix, b.start, b.end)
            return
    h.bylines.append(caption)
    h.byline_spans.append((para.start, para.end))


def _title_line(h: Header, para: Para, following: Para | None) -> None:
    text = para.text.strip()
    if _SUBTITLE.match(text):
        if h.subtitle is None:
            h.subtitle = _SUBTITLE.sub("", text).strip() or None
        if h.title is not None:
            _caption_byline(h, para)
        return
    if h.title is None:
        h.title = text
        h.title_span = (para.start, para.end)
        h.title_para = para
        return
    if h.title_span is not None and h.subtitle is None and _continues_title(h.title, text):
        h.title = h.title + text
        h.title_span = (h.title_span[0], para.end)
        return
    if h.subtitle is None and not h.bylines:
        h.subtitle = text


def _continues_title(title: str, line: str) -> bool:
    """A title broken over two lines: a very short tail, or 关于… completed by its document type."""
    if len(line) <= 6 and not _DOC_TYPE.search(title):
        return True
    # 国务院关于…（a document title printed over several lines until its document type)
    return (
        "关于" in title[:12]
        and not _DOC_TYPE.search(title)
        and len(line) <= 40
        and not line.endswith(("：", ":"))
    )


def _add_editors(h: Header, names: list[str]) -> None:
    h.editors.extend(n for n in names if n not in h.editors)


def _meta_byline(h: Header, para: Para) -> None:
    editors = parse_editors(para.raw)
    if editors and not para.raw.strip().startswith(("作者", "来源")):
        _add_editors(h, editors)
        return
    names = parse_byline_line(para.raw)
    if names:
        _add_bylines(h, names, para)
        return
    found = parse_author_line(para.raw)
    if found and found[1]:
        h.bylines.append(Byline(found[1], found[0]))
        h.byline_spans.append((para.start, para.end))


def _footnote_byline(h: Header, para: Para) -> None:
    """A 作者：… footnote: its positions go to the author that has none yet."""
    note = parse_author_note(para.raw)
    if note is not None:
        _add_note(h, note, para)
        return
    names = parse_byline_line(para.raw)
    if names:  # 作者：张三 李四, 作者：张三，某省公安厅副厅长
        _add_bylines(h, names, para)
        return
    found = parse_author_line(para.raw)
    if not found:
        return
    positions, name = found
    for k, b in enumerate(h.bylines):
        if (name is None or b.name == name) and not b.positions:
            h.bylines[k] = Byline(b.name, positions, b.role, b.prefix, b.start, b.end)
            return
    if name:
        h.bylines.append(Byline(name, positions))
        h.byline_spans.append((para.start, para.end))


def collect_body(paras: list[Para], h: Header) -> list[Para]:
    """Body paragraphs: artifacts out (feeding the byline), broken paragraphs joined, appendices cut,
    editors and closing reporters taken into the header."""
    body: list[Para] = []
    page_break = False
    for para in paras[h.body_start :]:
        if para.kind == "artifact":
            _footnote_byline(h, para)
            page_break = True
            continue
        if para.kind == "clutter":
            _meta_byline(h, para)
            continue
        editors = parse_editors(para.raw) if len(para.text) < 20 else []
        if editors:
            _add_editors(h, editors)
            continue
        note = parse_author_note(para.raw) if len(para.text) < 200 else None
        if note is not None:
            _add_note(h, note, para)
            continue
        if _APPENDIX.match(para.text) and body:
            break
        if body and _should_join(body[-1], para, page_break):
            body[-1] = join_paras(body[-1], para)
        else:
            body.append(para)
        page_break = False
    if body:
        names = parse_reporters(body[-1].raw)
        if names:
            for name in names:
                h.bylines.append(Byline(name, (), "reporter"))
                h.byline_spans.append((body[-1].start, body[-1].end))
            body.pop()
    return body


def _should_join(prev: Para, para: Para, page_break: bool) -> bool:
    """Whether ``para`` continues ``prev`` across a page or line break."""
    if prev.md_level or para.md_level or not ends_open(prev.text):
        return False
    if match_marker(para) is not None or match_enumeration(para.text, 0) is not None:
        return False
    head = match_marker(prev)
    if head is not None and not head.run_in:
        # A standalone heading line (一、…) stands alone; only a heading cut mid-word joins.
        return False
    if head is None and not is_prose(prev) and match_enumeration(prev.text, 0) is None:
        # a short line without a full stop: a title, a caption or an unnumbered heading
        return page_break or "，" in prev.text or "," in prev.text
    return True
