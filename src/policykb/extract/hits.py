"""What each extractor returns: offsets are relative to the string it was given.

The pipeline (``policykb.parse``) maps them back into the source text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FigureHit:
    text: str  # 63个, 2.8万元, XXXX余起 (without a leading 近/约/超 or a trailing 以上)
    value: float | None  # multiplier applied; None for a placeholder
    unit: str | None  # measure word, currency (元) or %; None for a bare count (76万群众)
    approx: bool
    placeholder: bool
    subject: str | None
    role: str | None  # "start" / "end" for 由A上升到B, else None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TermHit:
    term: str  # quotes removed, spaces between CJK characters removed
    canonical: str
    quoted: bool
    start: int  # span of the term itself (inside the quotes)
    end: int


@dataclass(frozen=True, slots=True)
class RegionHit:
    region: str  # full official province-level name
    code: str  # GB/T 2260 code of the province (e.g. 150000)
    name: str  # as printed
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DirectiveHit:
    text: str
    modality: str  # must | prohibit | will | should
    verb: str | None
    start: int
    end: int
