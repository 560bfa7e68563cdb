"""Byline grammar: who wrote an article and which offices they hold.

Forms of the genre:
- ``■ 张三`` (a magazine's author mark);
- ``…标题 山西省公安厅厅长 张三`` (a title line that ends in positions and a name; a name may be
  printed with a space inside, ``王 强``);
- ``作者：某省副省长、省公安厅厅长`` (positions in a footnote);
- ``某市市长 张三`` or a caption ``…某省人民政府省长张三作政府工作报告`` under a work report's title;
- ``（张三）`` or ``（记者 张三 李四）`` at the end of a news feature (reporters);
- ``责任编辑 张三`` (editors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, read_words

_HAN = r"[\u4e00-\u9fff]"
_NAME = rf"{_HAN}{{2,4}}|{_HAN}{{1,6}}·{_HAN}{{1,8}}"
_SPACE = r"[ \t\u3000\u00a0]"
_MARK_NAME = re.compile(rf"^[■●◆▲□]\s*(?P<names>{_HAN}[\u4e00-\u9fff·\s、，,]{{1,40}})$")
_AUTHOR_LINE = re.compile(r"^(?:作\s*者|文)\s*[:：/]\s*(?P<rest>.+)$")
_REPORTER = re.compile(
    rf"^[（(]\s*(?:(?:本台|本报|央视)?记者|通讯员|文/?图?)?\s*"
    rf"(?P<names>{_HAN}{{2,4}}(?:[\s、，,]+{_HAN}{{2,4}}){{0,5}})\s*[）)]$"
)


@dataclass(frozen=True, slots=True)
class Byline:
    name: str
    positions: tuple[str, ...] = ()
    role: str = "author"
    prefix: str = ""  # text before the byline on the same line (a title)
    start: int = 0  # span of the name in the raw line
    end: int = 0


@cache
def _position_re() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(read_words('positions.txt'))})$")


@cache
def _editor_re() -> re.Pattern[str]:
    words = alternation(read_words("editor_markers.txt"))
    return re.compile(rf"(?:{words})\s*[:：]?\s*(?P<name>{_HAN}(?:\s?{_HAN}){{1,3}})\s*$")


@cache
def _caption_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<pos>{_HAN}{{0,24}}?(?:省长|市长|主席|书记|区长|县长|州长|盟长|部长|总理))"
        rf"(?P<name>{_HAN}{{2,3}}?)(?:同志)?(?:作|在|所作)"
    )


def is_position(token: str) -> bool:
    """Whether a token names an office (ends in a title word such as 厅长, 副省长).

    >>> is_position("山西省公安厅厅长"), is_position("公安工作现代化")
    (True, False)
    """
    return bool(_position_re().search(token))


def split_positions(text: str) -> tuple[str, ...]:
    """Positions as printed, split on 、 and spaces.

    >>> split_positions("内蒙古自治区副主席、公安厅党委书记、厅长")
    ('内蒙古自治区副主席', '公安厅党委书记', '厅长')
    """
    parts = re.split(r"[、，,;；\s]+", text.strip())
    return tuple(p for p in parts if p)


def _is_name(token: str) -> bool:
    return bool(re.fullmatch(_NAME, token)) and not is_position(token)


def parse_mark_byline(raw: str) -> list[Byline]:
    """``■ 张三`` → one author per name."""
    m = _MARK_NAME.match(raw.strip())
    if not m:
        return []
    names = [n for n in re.split(r"[、，,\s]+", m.group("names")) if n]
    if len(names) == 2 and all(len(n) == 1 for n in names):
        names = ["".join(names)]
    return [Byline(n) for n in names if 2 <= len(n) <= 12]


def parse_trailing_byline(raw: str) -> Byline | None:
    """A line ending in ``POSITION NAME``: returns the byline and the text before it.

    >>> b = parse_trailing_byline("奋力谱写新篇章 某某省公安厅厅长 王小明")
    >>> (b.prefix, b.positions, b.name)
    ('奋力谱写新篇章', ('某某省公安厅厅长',), '王小明')
    >>> parse_trailing_byline("某某市副市长、市公安局局长 李 强").name
    '李强'
    """
    tokens = [t for t in re.split(rf"{_SPACE}+", raw.strip()) if t]
    if len(tokens) < 2:
        return None
    if len(tokens) >= 3 and len(tokens[-1]) == 1 and len(tokens[-2]) == 1 and re.fullmatch(_HAN, tokens[-1]):
        name, rest = tokens[-2] + tokens[-1], tokens[:-2]
    else:
        name, rest = tokens[-1], tokens[:-1]
    if not _is_name(name) or not rest or not is_position(rest[-1]):
        return None
    # Positions may be printed as several space-separated tokens: take them all.
    pos_tokens: list[str] = []
    while rest and is_position(rest[-1]) and len(rest[-1]) <= 40:
        pos_tokens.insert(0, rest.pop())
    positions = tuple(p for t in pos_tokens for p in split_positions(t))
    start = raw.rfind(name[-1]) - (len(name) - 1)
    return Byline(name, positions, "author", " ".join(rest), max(start, 0), raw.rfind(name[-1]) + 1)


def parse_author_line(raw: str) -> tuple[tuple[str, ...], str | None] | None:
    """``作者：POSITION、POSITION`` (or ``作者：NAME``, ``作者：POSITION NAME``) → (positions, name)."""
    m = _AUTHOR_LINE.match(raw.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    trailing = parse_trailing_byline(rest)
    if trailing is not None:
        return trailing.positions, trailing.name
    if _is_name(rest.replace(" ", "")):
        return (), rest.replace(" ", "")
    positions = split_positions(rest)
    if positions and is_position(positions[-1]):
        return positions, None
    return None


def parse_caption(text: str) -> Byline | None:
    """A caption naming the speaker of a report: ``…省人民政府省长王某作政府工作报告``."""
    m = _caption_re().search(text)
    if not m:
        return None
    pos = m.group("pos")
    # drop a date or meeting phrase glued in front of the office (…会议上河南省人民政府省长)
    pos = re.split(r"[上在]|会议|大会", pos)[-1] or pos
    pos = re.sub(r"^[^年月]*?[日号]", "", pos) or pos  # a date glued in front: …16日省长
    return Byline(m.group("name"), (pos,), "author", "", m.start("name"), m.end("name"))


def parse_editor(raw: str) -> str | None:
    """``责任编辑 张三`` → 张三."""
    m = _editor_re().search(raw.strip())
    if not m:
        return None
    return re.sub(r"\s+", "", m.group("name"))


def parse_reporters(raw: str) -> list[str]:
    """``（张三）`` / ``（记者 张三 李四）`` closing a news feature → names."""
    m = _REPORTER.match(raw.strip())
    if not m:
        return []
    return [n for n in re.split(r"[\s、，,]+", m.group("names")) if n and not is_position(n)]
