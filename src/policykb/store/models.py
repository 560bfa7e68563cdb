"""The schema as SQLAlchemy 2.x typed ORM models, mapped onto the Core tables of ``tables.py``.

Models are singular, tables plural. The writers and the Python API's users may use either; the
query path reads the Core tables only, so that a question does not import the ORM. ``Base.metadata``
is the tables' metadata: Alembic's autogenerate check compares it with the migrations.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from . import tables as t
from .tables import NAMING_CONVENTION

__all__ = [
    "NAMING_CONVENTION",
    "Authorship",
    "Base",
    "Directive",
    "Document",
    "DocumentRegion",
    "Figure",
    "Initiative",
    "InitiativeMention",
    "InitiativeVariant",
    "Keyword",
    "PendingRefresh",
    "Person",
    "Position",
    "Region",
    "RegionAlias",
    "Section",
    "Source",
]


class Base(DeclarativeBase):
    metadata = t.metadata


class Region(Base):
    __table__ = t.regions
    id: Mapped[int]
    code: Mapped[str]
    name: Mapped[str]
    short_name: Mapped[str | None]
    level: Mapped[str]
    province_id: Mapped[int | None]


class RegionAlias(Base):
    __table__ = t.region_aliases
    id: Mapped[int]
    region_id: Mapped[int]
    alias: Mapped[str]
    kind: Mapped[str]


class Source(Base):
    __table__ = t.sources
    id: Mapped[int]
    name: Mapped[str]
    path: Mapped[str]
    sha256: Mapped[str]
    size: Mapped[int]
    encoding: Mapped[str]
    ingested_at: Mapped[datetime]
    parser_version: Mapped[str]
    article_count: Mapped[int]


class Document(Base):
    __table__ = t.documents
    id: Mapped[int]
    source_id: Mapped[int]
    ordinal: Mapped[int]
    title: Mapped[str | None]
    subtitle: Mapped[str | None]
    abstract: Mapped[str | None]
    region_id: Mapped[int | None]
    start: Mapped[int]
    end: Mapped[int]
    body: Mapped[str]
    lexicon_version: Mapped[int]
    offset_map: Mapped[str]


class Person(Base):
    __table__ = t.people
    id: Mapped[int]
    name: Mapped[str]


class Authorship(Base):
    __table__ = t.authorships
    id: Mapped[int]
    document_id: Mapped[int]
    person_id: Mapped[int]
    role: Mapped[str]
    ordinal: Mapped[int]
    positions_text: Mapped[str | None]
    region_id: Mapped[int | None]
    start: Mapped[int]
    end: Mapped[int]


class Position(Base):
    __table__ = t.positions
    id: Mapped[int]
    authorship_id: Mapped[int]
    ordinal: Mapped[int]
    title: Mapped[str]


class Keyword(Base):
    __table__ = t.keywords
    id: Mapped[int]
    document_id: Mapped[int]
    ordinal: Mapped[int]
    keyword: Mapped[str]


class Section(Base):
    __table__ = t.sections
    id: Mapped[int]
    document_id: Mapped[int]
    parent_id: Mapped[int | None]
    position: Mapped[int]
    depth: Mapped[int]
    ordinal: Mapped[int]
    label: Mapped[str]
    title: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]
    body_end: Mapped[int]


class Directive(Base):
    __table__ = t.directives
    id: Mapped[int]
    document_id: Mapped[int]
    section_id: Mapped[int | None]
    modality: Mapped[str]
    verb: Mapped[str | None]
    text: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]


class Figure(Base):
    __table__ = t.figures
    id: Mapped[int]
    document_id: Mapped[int]
    section_id: Mapped[int | None]
    text: Mapped[str]
    value: Mapped[float | None]
    unit: Mapped[str | None]
    approx: Mapped[bool]
    placeholder: Mapped[bool]
    subject: Mapped[str | None]
    role: Mapped[str | None]
    numerals: Mapped[str]
    sentence_start: Mapped[int]
    sentence_end: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]


class Initiative(Base):
    __table__ = t.initiatives
    id: Mapped[int]
    name: Mapped[str]
    key: Mapped[str]


class InitiativeVariant(Base):
    __table__ = t.initiative_variants
    id: Mapped[int]
    initiative_id: Mapped[int]
    variant: Mapped[str]
    origin: Mapped[str]


class DocumentVariant(Base):
    __table__ = t.document_variants
    variant_id: Mapped[int]
    document_id: Mapped[int]
    region_id: Mapped[int | None]


class InitiativeMention(Base):
    __table__ = t.initiative_mentions
    id: Mapped[int]
    document_id: Mapped[int]
    section_id: Mapped[int | None]
    variant_id: Mapped[int]
    quoted: Mapped[bool]
    start: Mapped[int]
    end: Mapped[int]


class PendingRefresh(Base):
    __table__ = t.pending_refreshes
    variant_id: Mapped[int]
    source_id: Mapped[int]


class DocumentRegion(Base):
    __table__ = t.document_regions
    document_id: Mapped[int]
    region_id: Mapped[int]
    role: Mapped[str]
    count: Mapped[int]
