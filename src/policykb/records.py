"""Plain frozen dataclasses the parser returns: no database, no jieba.

Every record carries ``start``/``end``: character offsets into the decoded
source text as read (before any cleaning), so each fact can be traced back to
the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("must", "prohibit", "will", "should")
ROLES = ("author", "reporter", "editor")


class _Record:
    """Pickled as the class and its field values: ``ingest --jobs`` sends every parsed record from
    a worker to the writer, and the generic dataclass state (a ``fields()`` walk per object) made
    unpickling several times slower."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        names: tuple[str, ...] = self.__slots__
        return type(self), tuple(getattr(self, name) for name in names)


@dataclass(frozen=True, slots=True)
class Author(_Record):
    name: str
    role: str = "author"  # author | reporter | editor
    positions: tuple[str, ...] = ()
    region: str | None = None  # full official name of the province-level region served
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Section(_Record):
    depth: int  # 1 = the article's own top level
    label: str  # the numeral (一, 二, 1 …) or "" for an unnumbered heading
    title: str
    ordinal: int  # position among its siblings, 1-based
    parent: int | None  # index of the parent section in Article.sections
    start: int  # the heading's span in the source
    end: int
    body_end: int  # where the section's body (subsections included) ends in the source


@dataclass(frozen=True, slots=True)
class Figure(_Record):
    text: str  # number with multiplier and unit as printed (63个, 2.8万元, XXXX余起)
    value: float | None  # with 十/百/千/万/亿 applied; None for a placeholder
    unit: str | None
    approx: bool
    placeholder: bool
    subject: str | None
    sentence: str
    role: str | None  # "start" / "end" of a change (由A上升到B), else None
    section: int | None  # index into Article.sections
    start: int
    end: int
    sentence_start: int = 0  # the sentence's span in Article.body (the database keeps only these)
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class InitiativeMention(_Record):
    term: str  # as printed, quotes removed, stray spaces removed
    canonical: str  # the key variants share (see extract.initiatives.canonical_form)
    quoted: bool
    section: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RegionMention(_Record):
    region: str  # full official name of the province-level region
    code: str  # its GB/T 2260 code (two digits + 0000)
    name: str  # the place name as printed (迪庆, 呼和浩特, 齐鲁 …)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Directive(_Record):
    text: str
    modality: str  # must | prohibit | will | should
    verb: str | None  # main action verb
    section: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article(_Record):
    title: str | None
    subtitle: str | None
    abstract: str | None
    keywords: tuple[str, ...]
    authors: tuple[Author, ...]
    editors: tuple[str, ...]
    region: str | None  # home region: the province-level region the article is about
    start: int
    end: int
    body: str  # the cleaned body text (what search indexes)
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = ()
    initiatives: tuple[InitiativeMention, ...] = ()
    regions: tuple[RegionMention, ...] = ()
    directives: tuple[Directive, ...] = ()
    # pieces mapping ``body`` back to the source: (body offset, source offset, length)
    body_map: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFile(_Record):
    name: str
    text: str  # decoded source text as read
    encoding: str
    articles: tuple[Article, ...] = field(default=())
