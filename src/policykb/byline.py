"""Byline grammar: who wrote an article and which offices they hold.

Forms of the genre:
- ``■ 张三`` (a magazine's author mark);
- ``…标题 山西省公安厅厅长 张三`` (a title line that ends in positions and a name; a name may be
  printed with a space inside, ``王 强``);
- ``作者：某省副省长、省公安厅厅长`` (positions in a footnote);
- ``某市市长 张三`` or a caption ``…某省人民政府省长张三作政府工作报告`` under a work report's title;
- ``（张三）`` or ``（记者 张三 李四）`` at the end of a news feature (reporters);
- ``文/张三``, ``作者：张三 李四``, ``本报记者 张三 通讯员 李四``, ``张三（某省公安厅厅长）``, two bare
  names on a line under the title (a run of names, each with its role);
- ``（作者系某省委常委、政法委书记）``, ``作者单位：某市公安局``, ``【作者简介】张三，男，…`` (a note giving
  the offices or the workplace of an author named elsewhere);
- ``责任编辑 张三`` (editors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, read_lines, read_tsv, read_words
from .segment import pos_cut

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
    unit: str = ""  # the workplace printed for the author (作者单位：…), where no office is


@dataclass(frozen=True, slots=True)
class AuthorNote:
    """What a note about an author gives: ``（作者系…）``, ``作者单位：…``, ``【作者简介】…``."""

    name: str | None
    positions: tuple[str, ...] = ()
    unit: str = ""


@cache
def _position_re() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(read_words('positions.txt'))})$")


@cache
def _editor_re() -> re.Pattern[str]:
    words = alternation(read_words("editor_markers.txt"))
    return re.compile(
        rf"(?:{words})\s*[:：/／|｜]?\s*(?P<names>{_HAN}(?:[\s、，,]{{0,3}}{_HAN}){{1,15}})\s*[）)】\]]?\s*$"
    )


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
    """``责任编辑 张三`` → 张三 (the first editor named)."""
    names = parse_editors(raw)
    return names[0] if names else None


def parse_editors(raw: str) -> list[str]:
    """``责任编辑 张三``, ``（责任编辑：张 三）``, ``责编：张三 李四``, ``编辑 / 张三`` → the names.

    >>> parse_editors("责任编辑：王 敏"), parse_editors("责编：关晓敏、胡海")
    (['王敏'], ['关晓敏', '胡海'])
    """
    m = _editor_re().search(raw.strip())
    if not m:
        return []
    tokens = [t for t in re.split(r"[\s、，,]+", m.group("names")) if t]
    if all(len(t) == 1 for t in tokens):  # one name printed with spaces inside
        name = "".join(tokens)
        return [name] if len(name) <= 4 else []
    if len(tokens) <= 4 and all(2 <= len(t) <= 4 for t in tokens):
        return tokens
    return []


def parse_reporters(raw: str) -> list[str]:
    """``（张三）`` / ``（记者 张三 李四）`` closing a news feature → names."""
    m = _REPORTER.match(raw.strip())
    if not m:
        return []
    return [n for n in re.split(r"[\s、，,]+", m.group("names")) if n and not is_position(n)]


@cache
def surnames() -> frozenset[str]:
    """Chinese surnames, single and compound (欧阳, 司马)."""
    return frozenset(w for line in read_lines("surnames.txt") for w in line.split())


def has_surname(name: str) -> bool:
    """Whether ``name`` opens with a surname (a name with ·, of a minority people, always does)."""
    return "·" in name or name[:2] in surnames() or name[:1] in surnames()


@cache
def _markers() -> dict[str, str]:
    return {row[0]: row[1] for row in read_tsv("byline_markers.tsv") if len(row) >= 2}


@cache
def _byline_token_re() -> re.Pattern[str]:
    authors = alternation(frozenset(w for w, kind in _markers().items() if kind == "author"))
    reporters = alternation(frozenset(w for w, kind in _markers().items() if kind == "reporter"))
    # 文/张三, 作者：张三 need their separator (文涛 is a name); 本报记者张三 may run on.
    return re.compile(
        rf"(?P<marker>{authors})(?:\s*[:：/／|｜]\s*|\s+(?={_HAN}))"
        rf"|(?P<rmarker>{reporters})(?:\s*[:：/／|｜]\s*|\s*(?={_HAN}))"
        rf"|(?P<name>{_NAME}|{_HAN})\s*[（(](?P<bracket>[^（）()]{{2,80}})[）)]"
        rf"|(?P<word>[^\s、，,;；:：/／|｜（）()]+)"
    )


_NAME_SEP = re.compile(r"[\s、，,;；]+")


@dataclass(slots=True)
class _Name:
    """A name read from a byline line, with the role word before it and its offices."""

    name: str
    role: str
    positions: list[str]
    start: int
    end: int


def parse_names(text: str, *, marked: bool = False, bare: bool = True, offset: int = 0) -> list[Byline]:
    """A run of names with their roles and offices, the whole of a byline line.

    ``文/张三``, ``作者：张三 李四``, ``本报记者 张三 通讯员 李四 王五``, ``张三（某省公安厅厅长）``,
    ``作者：张三，某省公安厅副厅长``. Without a role word (文, 作者, 记者 …) or a bracketed office the
    line must hold two names or more (``张三 李四``); each name opens with a surname unless the line
    carries an author's mark (``marked``: ■ 张三). ``bare=False`` refuses names without a mark, a
    role word or an office (a line before the title). Spans are offsets in ``text`` plus ``offset``.

    >>> [(b.name, b.role) for b in parse_names("本报记者 陈明 通讯员 李华 周 平")]
    [('陈明', 'reporter'), ('李华', 'reporter'), ('周平', 'reporter')]
    >>> [(b.name, b.positions) for b in parse_names("作者：汤明，安徽省公安厅副厅长")]
    [('汤明', ('安徽省公安厅副厅长',))]
    >>> parse_names("严打 整治"), parse_names("记者招待会"), parse_names("常态长效 齐抓共管")
    ([], [], [])
    """
    text = text.replace("／", "/")  # 文／图 as 文/图 (same length: the spans hold)
    role, led, offices = "author", False, False
    glued = False  # a role word runs on into a name (本报记者张三)
    names: list[_Name] = []
    pending: list[str] = []  # offices printed before the name they belong to
    pos = 0
    after_comma = False
    while pos < len(text):
        sep = _NAME_SEP.match(text, pos)
        if sep:
            after_comma = bool(re.search(r"[，,;；]", sep.group()))
            pos = sep.end()
            continue
        m = _byline_token_re().match(text, pos)
        if not m:
            return []
        marker = m.group("marker") or m.group("rmarker")
        if marker is not None:
            if pending:
                return []
            role, led = _markers()[marker], True
            glued = glued or m.end() == m.start() + len(marker)
        elif m.group("bracket") is not None:  # 张三（某省公安厅厅长）
            positions = split_positions(m.group("bracket"))
            if not positions or not is_position(positions[-1]):
                return []
            names.append(_Name(m.group("name"), role, [*pending, *positions], m.start(), m.end("name")))
            pending, offices = [], True
        elif is_position(word := m.group("word")) and len(word) > 1:
            if after_comma and names and not pending:  # 张三，某省公安厅副厅长
                names[-1].positions.extend(split_positions(word))
            else:  # 某省公安厅厅长 张三
                pending.extend(split_positions(word))
            offices = True
        else:
            names.append(_Name(word, role, pending, m.start(), m.end()))
            pending = []
        after_comma = False
        pos = m.end()
    joined = _join_split_names(names) if names and not pending else None
    if not joined or not (marked or led or offices or (bare and len(joined) >= 2)):
        return []
    # a surname opens each name, unless a mark or a separated role word vouches for the names
    # (本刊记者 卓玛央宗); glued to its role word (记者招待会) a name needs its surname
    vouched = marked or (led and not glued)
    if not all(_is_name(n.name) and (vouched or has_surname(n.name)) for n in joined):
        return []
    if not (marked or led or offices) and not all(_is_bare_name(n.name) for n in joined):
        return []
    return [Byline(n.name, tuple(n.positions), n.role, "", n.start + offset, n.end + offset) for n in joined]


def _is_bare_name(name: str) -> bool:
    """A name printed with no role word or mark: four characters only after a compound surname
    (欧阳明辉), as a four-character phrase under a title (常态长效 齐抓共管) opens with a surname as often
    as not; and not a dictionary word other than a name (严打 严管, 公正 廉洁).

    >>> _is_bare_name("程立新"), _is_bare_name("严打"), _is_bare_name("欧阳明辉"), _is_bare_name("常态长效")
    (True, False, True, False)
    """
    if "·" in name:
        return True
    if len(name) > 3 and name[:2] not in surnames():
        return False
    words = pos_cut(name)
    return not (len(words) == 1 and not words[0][1].startswith("nr"))


def _join_split_names(names: list[_Name]) -> list[_Name] | None:
    """A two-character name printed with a space inside (``周 平``): its halves joined again."""
    out: list[_Name] = []
    k = 0
    while k < len(names):
        n = names[k]
        if len(n.name) == 1:
            if k + 1 >= len(names) or len(names[k + 1].name) != 1 or names[k + 1].positions:
                return None
            nxt = names[k + 1]
            out.append(_Name(n.name + nxt.name, n.role, n.positions, n.start, nxt.end))
            k += 2
            continue
        out.append(n)
        k += 1
    return out


def parse_byline_line(raw: str, *, bare: bool = True) -> list[Byline]:
    """A line that is all byline: an author's mark, a role word or names (see ``parse_names``)."""
    s = raw.rstrip()
    offset = len(s) - len(s.lstrip())
    s = s.lstrip()
    marked = bool(s) and s[0] in "■●◆▲□"
    if marked:
        rest = s[1:].lstrip()
        offset += len(s) - len(rest)
        s = rest
    return parse_names(s, marked=marked, bare=bare, offset=offset)


def is_group_signature(text: str) -> bool:
    """A report signed by a body rather than a person: ``某县公安局课题组``.

    >>> is_group_signature("云南省宾川县公安局课题组"), is_group_signature("课题组深入基层开展调研")
    (True, False)
    """
    groups = alternation(frozenset(w for w, kind in _markers().items() if kind == "group"))
    return bool(re.fullmatch(rf"{_HAN}[\u4e00-\u9fffXＸ×]{{1,40}}(?:{groups})", text.strip()))


_NOTE = re.compile(
    r"^[（(【\[]?\s*作\s*者\s*"
    r"(?:(?P<is>系|为|现任)|(?P<kind>单位|简介)\s*(?:[】\]]\s*[:：]?|[:：]))"
    r"\s*(?P<rest>[^（）()]+?)\s*[）)]?\s*$"
)


def parse_author_note(raw: str) -> AuthorNote | None:
    """A note about an author: ``（作者系某省委常委、政法委书记）`` gives offices, ``作者单位：某市公安局``
    a workplace, ``【作者简介】张三，男，汉族，某市公安局副局长。`` a name and offices.

    >>> parse_author_note("（作者系湖北省委常委、政法委书记）").positions
    ('湖北省委常委', '政法委书记')
    >>> parse_author_note("作者单位：江西省赣州市公安局").unit
    '江西省赣州市公安局'
    >>> n = parse_author_note("【作者简介】蓝明，男，壮族，南宁市公安局副局长。")
    >>> (n.name, n.positions)
    ('蓝明', ('南宁市公安局副局长',))
    """
    s = raw.strip()
    m = _NOTE.match(s)
    if not m:
        return None
    rest = m.group("rest").rstrip("。.；;")
    if m.group("kind") == "单位":
        return AuthorNote(None, (), rest)
    tokens = [t for t in re.split(r"[，,、；;。\s]+", rest) if t]
    name = tokens[0] if tokens and _is_name(tokens[0]) and has_surname(tokens[0]) else None
    positions = tuple(t for t in tokens if is_position(t) and t != name)
    if m.group("kind") is None:
        # 作者系… outside brackets only as a list of offices (作者系统梳理了… is a sentence)
        bracketed = s[0] in "（(" and s[-1] in "）)"
        if not bracketed and (not positions or len(positions) < len(tokens)):
            return None
        if not positions:
            return AuthorNote(name, (), rest)
    return AuthorNote(name, positions, "")
