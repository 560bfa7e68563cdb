"""The normalized schema, as SQLAlchemy 2.x typed models.

Tables are plural, models singular, foreign keys ``<singular>_id``. Every extracted row
carries ``start``/``end``: character offsets into the decoded source text.
Alembic creates every table (``migrations/``); these models are its metadata.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Region(Base):
    """Province-level regions (34) and, under them, prefectures and counties the resolver knows."""

    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    short_name: Mapped[str | None] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(16))  # province | prefecture | county
    province_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)


class RegionAlias(Base):
    """Other names of a province-level region (short, one-character and literary names)."""

    __tablename__ = "region_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # short | abbreviation | literary
    __table_args__ = (UniqueConstraint("region_id", "alias"),)


class Source(Base):
    """One ingested file."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    parser_version: Mapped[str] = mapped_column(String(32))
    article_count: Mapped[int] = mapped_column(Integer)  # written last: a check that the file landed whole


class Document(Base):
    """One article (a file can hold several)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)  # place in the file, 1-based
    title: Mapped[str | None] = mapped_column(Text)
    subtitle: Mapped[str | None] = mapped_column(Text)
    abstract: Mapped[str | None] = mapped_column(Text)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)  # cleaned body text (what search reads)
    # the highest initiative_variants.id its parse knew: terms stored later are looked for afterwards
    lexicon_version: Mapped[int] = mapped_column(Integer)
    offset_map: Mapped[str] = mapped_column(Text)  # JSON [[body_offset, source_offset], …] pieces


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class Authorship(Base):
    """A person's part in a document: author, reporter or editor."""

    __tablename__ = "authorships"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    ordinal: Mapped[int] = mapped_column(Integer)
    positions_text: Mapped[str | None] = mapped_column(Text)  # the positions as printed
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("role IN ('author', 'reporter', 'editor')", name="role"),)


class Position(Base):
    """One office of an authorship, as printed (split on 、)."""

    __tablename__ = "positions"
    id: Mapped[int] = mapped_column(primary_key=True)
    authorship_id: Mapped[int] = mapped_column(ForeignKey("authorships.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(128))


class Keyword(Base):
    __tablename__ = "keywords"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    keyword: Mapped[str] = mapped_column(String(128), index=True)


class Section(Base):
    """The outline as a tree."""

    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order in the document, 1-based
    depth: Mapped[int] = mapped_column(Integer)
    ordinal: Mapped[int] = mapped_column(Integer)  # among its siblings
    label: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    body_end: Mapped[int] = mapped_column(Integer)


class Directive(Base):
    __tablename__ = "directives"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"), index=True)
    modality: Mapped[str] = mapped_column(String(16), index=True)
    verb: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("modality IN ('must', 'prohibit', 'will', 'should')", name="modality"),)


class Figure(Base):
    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(String(64))
    value: Mapped[float | None] = mapped_column(Float, index=True)
    unit: Mapped[str | None] = mapped_column(String(16), index=True)
    approx: Mapped[bool] = mapped_column(Boolean)
    placeholder: Mapped[bool] = mapped_column(Boolean)
    subject: Mapped[str | None] = mapped_column(String(128))
    role: Mapped[str | None] = mapped_column(String(8))  # start | end of a change
    numerals: Mapped[str] = mapped_column(String(8))  # arabic (digits or XX) | chinese (三年, 一万人)
    # the figure's sentence is documents.body[sentence_start:sentence_end] (not stored twice)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Initiative(Base):
    """One canonical initiative; its spellings are its variants."""

    __tablename__ = "initiatives"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(256))  # the display name (most frequent spelling)
    key: Mapped[str] = mapped_column(String(256), unique=True)  # canonical_form() of its spellings


class InitiativeVariant(Base):
    """A spelling seen in the corpus, pointing at its initiative. Users may edit ``initiative_id``
    (``origin = 'user'``) to regroup; re-ingest keeps their choice."""

    __tablename__ = "initiative_variants"
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"), index=True)
    variant: Mapped[str] = mapped_column(String(256), unique=True)
    origin: Mapped[str] = mapped_column(String(8))  # auto | user


class InitiativeMention(Base):
    __tablename__ = "initiative_mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("initiative_variants.id", ondelete="CASCADE"))
    quoted: Mapped[bool] = mapped_column(Boolean)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("document_id", "start", "variant_id"),
        # covers "which articles mention this initiative" without reading the table's rows
        Index("ix_initiative_mentions_variant_document", "variant_id", "document_id"),
    )


class PendingRefresh(Base):
    """A term first seen in a file whose unquoted mentions in older articles are still to be added.

    Written in the file's own transaction and deleted once the refresh is done, so a crash between
    the two loses nothing: the next ingest finishes the work."""

    __tablename__ = "pending_refreshes"
    variant_id: Mapped[int] = mapped_column(
        ForeignKey("initiative_variants.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)


class DocumentRegion(Base):
    """A region an article is about (``subject``) or mentions, with how often it is named."""

    __tablename__ = "document_regions"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(12), primary_key=True)  # subject | mentioned
    count: Mapped[int] = mapped_column(Integer)


Index("ix_documents_source_ordinal", Document.source_id, Document.ordinal, unique=True)
Index("ix_figures_subject", Figure.subject)
