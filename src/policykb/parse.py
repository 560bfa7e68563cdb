"""The pipeline: text → clean paragraphs → articles → header, outline → facts → records.

Pure: no database. ``parse_text`` is what ``policykb.parse_text`` exports.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .byline import Byline
from .clean import OffsetMap, Para, clean_text
from .extract.directives import extract_directives, is_reporting_heading
from .extract.figures import extract_figures
from .extract.hits import TermHit
from .extract.initiatives import Lexicon, extract_initiatives, extract_quoted_terms
from .extract.regions import find_regions, region_of_position
from .fold import fold_for_matching
from .outline import Heading, find_headings
from .records import Article, Author, Directive, Figure, InitiativeMention, ParsedFile, RegionMention, Section
from .segment import add_words
from .sentences import split_sentences
from .split import split_articles
from .structure import Header, collect_body, parse_header

PARSER_VERSION = "0.1.0"


@dataclass(slots=True)
class Body:
    """An article's body paragraphs joined with newlines, and the map back to the source."""

    paras: list[Para]
    text: str
    omap: OffsetMap
    para_starts: list[int]  # offset of each paragraph in ``text``
    folded: list[str]  # each paragraph folded for matching (same length: offsets carry over)

    def span(self, para: int, start: int, end: int) -> tuple[int, int]:
        base = self.para_starts[para]
        return self.omap.span(base + start, base + end)


def _join_body(paras: list[Para]) -> Body:
    omap = OffsetMap()
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for k, para in enumerate(paras):
        if k:
            parts.append("\n")
            omap.add(max(para.start - 1, 0), 1)
            pos += 1
        starts.append(pos)
        parts.append(para.text)
        omap.extend(para.omap)
        pos += len(para.text)
    return Body(paras, "".join(parts), omap, starts, [fold_for_matching(p.text) for p in paras])


def parse_text(
    text: str,
    name: str = "<text>",
    *,
    lexicon: Lexicon | None = None,
    encoding: str = "utf-8",
    learn: bool = True,
) -> ParsedFile:
    """Parse the decoded text of one file into its articles.

    ``lexicon`` holds initiatives known from other articles, so that their unquoted
    mentions are found too. With ``learn`` the terms this file quotes are added to it first (in
    place); a caller whose lexicon already holds them (ingest reads every file's terms before
    parsing any) passes ``learn=False``.
    """
    doc = clean_text(text)
    segments = split_articles(doc)
    lexicon = lexicon if lexicon is not None else Lexicon()
    if learn:
        _learn_own_terms(segments, lexicon)
    _give_jieba(lexicon)
    articles = tuple(
        article for segment in segments if (article := parse_article(segment, lexicon)) is not None
    )
    shared = _shared_editors(articles)
    if shared:
        articles = tuple(_with_editors(a, shared) for a in articles)
    return ParsedFile(name=name, text=text, encoding=encoding, articles=articles)


_GIVEN: weakref.WeakKeyDictionary[Lexicon, int] = weakref.WeakKeyDictionary()


def _give_jieba(lexicon: Lexicon) -> None:
    """jieba keeps known initiatives whole: it is given the lexicon's terms, again only when the
    lexicon has grown since (a lexicon only grows; ingest parses every file with the same one)."""
    if _GIVEN.get(lexicon) != len(lexicon):
        add_words(lexicon)
        _GIVEN[lexicon] = len(lexicon)


def _shared_editors(articles: Sequence[Article]) -> tuple[str, ...]:
    """A compilation's closing 责任编辑 belongs to every article in it."""
    if len(articles) < 2:
        return ()
    return articles[-1].editors


def _with_editors(article: Article, editors: tuple[str, ...]) -> Article:
    merged = tuple(dict.fromkeys([*article.editors, *editors]))
    return Article(
        article.title,
        article.subtitle,
        article.abstract,
        article.keywords,
        article.authors,
        merged,
        article.region,
        article.start,
        article.end,
        article.body,
        article.sections,
        article.figures,
        article.initiatives,
        article.regions,
        article.directives,
        article.body_map,
    )


def parse_article(paras: list[Para], lexicon: Lexicon | None = None) -> Article | None:
    header = parse_header(paras)
    body_paras = collect_body(paras, header)
    if not body_paras and header.title is None:
        return None
    body = _join_body(body_paras)
    headings = find_headings(body_paras)
    sections = _sections(headings, body)
    section_at = _SectionLookup(headings)
    authors = _authors(header, _title_region(header))
    figures = _figures(body, section_at)
    directives = _directives(body, headings, sections, section_at, is_news(body_paras))
    initiatives = _initiatives(body, section_at, lexicon, header)
    regions = _regions(body, header)
    region = _home_region(authors, header, regions)
    start = paras[0].start if paras else 0
    end = paras[-1].end if paras else 0
    return Article(
        title=header.title,
        subtitle=header.subtitle,
        abstract=header.abstract,
        keywords=tuple(header.keywords),
        authors=tuple(authors),
        editors=tuple(header.editors),
        region=region,
        start=start,
        end=end,
        body=body.text,
        sections=tuple(sections),
        figures=tuple(figures),
        initiatives=tuple(initiatives),
        regions=tuple(regions),
        directives=tuple(directives),
        body_map=body.omap.pieces(),
    )


def _title_region(header: Header) -> str | None:
    """The region the title names most, else the subtitle's (——某省公安机关…纪实)."""
    for line in (header.title, header.subtitle):
        found = [r.region for r in find_regions(line)] if line else []
        if found:
            return Counter(found).most_common(1)[0][0]
    return None


def _authors(header: Header, title_region: str | None) -> list[Author]:
    out: list[Author] = []
    seen: set[str] = set()
    for b, (s, e) in zip(header.bylines, header.byline_spans, strict=False):
        if b.name in seen:
            continue
        seen.add(b.name)
        out.append(Author(b.name, b.role, b.positions, _region_of(b, title_region), s, e))
    return out


# An office printed without its place: of the province (省长, 代省长, 常务副省长, 公安厅厅长, 厅长) or of a
# place in it (市公安局局长).
_LOCAL_OFFICE = re.compile(r"^(?:代|常务)?副?(?:省|市|自治区|区|州|盟|县|旗|公安厅|厅)")


# The party committee of a place printed glued to it (磐安县委常委, 黔东南州委书记): the place is what
# comes before 委.
_PARTY_COMMITTEE = re.compile(r"^(\w{2,12}?[省市县区州旗盟])委")


def _region_of_office(position: str) -> str | None:
    region = region_of_position(position)
    if region is None and (m := _PARTY_COMMITTEE.match(position)):
        region = region_of_position(m.group(1))
    return region


def _region_of(b: Byline, title_region: str | None) -> str | None:
    """The region named in the positions (or the workplace); for an office printed without its
    place (省长, 自治区主席, 厅长), the region of the article's title, as a reader takes it."""
    for pos in (*b.positions, b.unit):
        region = _region_of_office(pos) if pos else None
        if region:
            return region
    if title_region and any(_LOCAL_OFFICE.match(p) for p in b.positions):
        return title_region
    return None


class _SectionLookup:
    """Which heading a position of the body falls under."""

    def __init__(self, headings: list[Heading]) -> None:
        self._keys = [(h.para, h.start) for h in headings]

    def __call__(self, para: int, pos: int) -> int | None:

        i = bisect.bisect_right(self._keys, (para, pos)) - 1
        return i if i >= 0 else None


def _sections(headings: list[Heading], body: Body) -> list[Section]:
    out: list[Section] = []
    parents: list[int] = []  # stack of indexes
    ordinals: dict[int | None, int] = Counter()
    body_end = body.omap.span(0, len(body.text))[1] if body.text else 0
    for i, h in enumerate(headings):
        while parents and headings[parents[-1]].depth >= h.depth:
            parents.pop()
        parent = parents[-1] if parents else None
        ordinals[parent] += 1
        start, _ = body.span(h.para, h.start, h.start + 1)
        _, end = body.span(h.para, h.title_end - 1, h.title_end)
        nxt = next((k for k in range(i + 1, len(headings)) if headings[k].depth <= h.depth), None)
        sec_end = (
            body.span(headings[nxt].para, headings[nxt].start, headings[nxt].start + 1)[0]
            if nxt
            else body_end
        )
        out.append(Section(h.depth, h.label, h.title, ordinals[parent], parent, start, end, sec_end))
        parents.append(i)
    return out


SENTENCE_WINDOW = 150  # characters kept on either side of a figure when its sentence is longer


class _Sentences:
    """One paragraph's sentences, split once (not once per figure: a long paragraph full of figures
    was quadratic); the one holding a figure is cut to a window around it."""

    def __init__(self, text: str) -> None:
        self.spans = split_sentences(text)
        self.starts = [s for s, _ in self.spans]

    def span(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or not self.spans[i][0] <= start < self.spans[i][1]:
            return start, end
        s, e = self.spans[i]
        return max(s, start - SENTENCE_WINDOW), min(e, end + SENTENCE_WINDOW)


def _figures(body: Body, section_at: _SectionLookup) -> list[Figure]:
    out: list[Figure] = []
    for k, para in enumerate(body.paras):
        hits = extract_figures(body.folded[k])
        if not hits:
            continue
        sentences = _Sentences(para.text)
        for hit in hits:
            s, e = body.span(k, hit.start, hit.end)
            ss, se = sentences.span(hit.start, hit.end)
            base = body.para_starts[k]
            out.append(
                Figure(
                    hit.text,
                    hit.value,
                    hit.unit,
                    hit.approx,
                    hit.placeholder,
                    hit.subject,
                    para.text[ss:se],
                    hit.role,
                    section_at(k, hit.start),
                    s,
                    e,
                    base + ss,
                    base + se,
                )
            )
    return out


def _is_standalone_heading(headings: list[Heading], k: int, para: Para) -> bool:
    return any(h.para == k and not h.run_in and h.start == 0 for h in headings) or bool(para.md_level)


def _directives(
    body: Body, headings: list[Heading], sections: list[Section], section_at: _SectionLookup, news: bool
) -> list[Directive]:
    """Directive sentences; in news reports and past-work sections only explicit modals count."""
    reporting = [is_reporting_heading(s.title) for s in sections]

    def in_reporting(idx: int | None) -> bool:
        while idx is not None:
            if reporting[idx]:
                return True
            idx = sections[idx].parent
        return False

    out: list[Directive] = []
    for k, para in enumerate(body.paras):
        if _is_standalone_heading(headings, k, para):
            continue
        skip = _numbered_heading_end(headings, k, para.text)
        sec = section_at(k, skip)
        for hit in extract_directives(body.folded[k][skip:], reporting=news or in_reporting(sec)):
            a, b = hit.start + skip, hit.end + skip
            s, e = body.span(k, a, b)
            out.append(Directive(para.text[a:b], hit.modality, hit.verb, section_at(k, a), s, e))
    return out


_ENUM_KINDS = ("enum_", "ordinal")
# A news report's dateline: what follows reports events, so bare imperatives there are not directives.
_NEWS_LEAD = re.compile(
    r"^(?:【[^】]{1,20}】)?(?:央视网消息|新华社|本报讯|本台消息|人民网|新华网|中新网|据[^，,]{1,12}报道)|（新闻联播）|\(新闻联播\)"
)


def is_news(paras: list[Para]) -> bool:
    """Whether an article is a news report (a dateline such as 央视网消息（新闻联播）： opens it)."""
    return any(_NEWS_LEAD.search(p.text[:40]) for p in paras[:2])


def _numbered_heading_end(headings: list[Heading], k: int, text: str) -> int:
    """Where the body of a paragraph starts after a numbered heading (一、… （一）…) that opens it.

    Enumerations (一是…。 首先，…。) stay: their opening sentence can itself be a directive.
    """
    for h in headings:
        if h.para == k and h.start == 0 and not h.kind.startswith(_ENUM_KINDS):
            end = h.title_end
            while end < len(text) and text[end] in "。！？；;：:!? ":
                end += 1
            return end
    return 0


def _initiatives(
    body: Body, section_at: _SectionLookup, lexicon: Lexicon | None, header: Header
) -> list[InitiativeMention]:
    """Mentions in the body, and in the title, abstract and table of contents (the article's text
    too: an abstract or a contents line may name what the body only paraphrases, 做到“六个坚持”)."""
    out: list[InitiativeMention] = []
    for para in _header_paras(header):
        for hit in extract_initiatives(fold_for_matching(para.text), lexicon):
            if _in_title_or_abstract(header, para, hit.start):
                s, e = para.span(hit.start, hit.end)
                out.append(InitiativeMention(hit.term, hit.canonical, hit.quoted, None, s, e))
    for k in range(len(body.paras)):
        for hit in extract_initiatives(body.folded[k], lexicon):
            s, e = body.span(k, hit.start, hit.end)
            out.append(InitiativeMention(hit.term, hit.canonical, hit.quoted, section_at(k, hit.start), s, e))
    return out


def _header_paras(header: Header) -> list[Para]:
    paras = [header.title_para] if header.title and header.title_para is not None else []
    if header.abstract_para is not None and header.abstract_para is not header.title_para:
        paras.append(header.abstract_para)
    return paras + header.contents


def _in_title_or_abstract(header: Header, para: Para, pos: int) -> bool:
    """A title line may carry a byline after the title (a trailing byline): only the title counts."""
    if para is not header.title_para:
        return True
    return header.title is not None and pos < len(header.title)


def unquoted_mentions(text: str, lexicon: Lexicon) -> list[TermHit]:
    """Unquoted occurrences of lexicon terms, as the parser finds them (not inside quotation
    marks, whole words only)."""
    return [hit for hit in extract_initiatives(text, lexicon) if not hit.quoted]


def quoted_terms(text: str) -> list[str]:
    """The initiative terms a file's articles quote, in order, each once: what ``parse_text``
    learns from the file before matching."""
    return list(dict.fromkeys(_own_terms(split_articles(clean_text(text)))))


def _own_terms(segments: list[list[Para]]) -> Iterator[str]:
    for segment in segments:
        for para in segment:
            if para.kind == "text" and ("“" in para.text or '"' in para.text or "「" in para.text):
                for hit in extract_quoted_terms(fold_for_matching(para.text)):
                    yield hit.term


def _learn_own_terms(segments: list[list[Para]], lexicon: Lexicon) -> None:
    """Add the terms a file quotes to the lexicon before matching, so that their unquoted
    occurrences anywhere in the same file are mentions too (the lexicon is updated in place: the
    caller keeps what the file taught it)."""
    for term in _own_terms(segments):
        if term not in lexicon:
            lexicon.add_term(term)


def _regions(body: Body, header: Header) -> list[RegionMention]:
    out: list[RegionMention] = []
    for k in range(len(body.paras)):
        for hit in find_regions(body.folded[k]):
            s, e = body.span(k, hit.start, hit.end)
            out.append(RegionMention(hit.region, hit.code, hit.name, s, e))
    if header.title and header.title_para is not None:
        para = header.title_para
        for hit in find_regions(para.text):
            if para.text.find(hit.name) < len(header.title):
                s, e = para.span(hit.start, hit.end)
                out.append(RegionMention(hit.region, hit.code, hit.name, s, e))
    if header.abstract_para is not None and header.abstract_para is not header.title_para:
        para = header.abstract_para
        for hit in find_regions(fold_for_matching(para.text)):
            s, e = para.span(hit.start, hit.end)
            out.append(RegionMention(hit.region, hit.code, hit.name, s, e))
    return out


# A title that speaks for the whole country: its body's places are examples, not its subject.
_NATIONAL = re.compile(r"全国|国务院|中共中央|党中央|公安部|中央|我国|各地|平安中国")


def _home_region(authors: list[Author], header: Header, regions: list[RegionMention]) -> str | None:
    """The province the article is about: its authors' region, else its title's, else the body's
    clearly dominant region."""
    for a in authors:
        if a.region:
            return a.region
    for group in header.groups:  # 某省某县公安局课题组
        region = region_of_position(group)
        if region:
            return region
    title_region = _title_region(header)
    if title_region:
        return title_region
    if header.title and _NATIONAL.search(header.title):
        return None
    counts = Counter(r.region for r in regions)
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    if not rest:  # the only region the article names
        return top
    second = rest[0][1]
    if n >= 2 and n >= 2 * second and n >= 0.4 * sum(counts.values()):
        return top
    return None
