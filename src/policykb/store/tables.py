"""The normalized schema as SQLAlchemy Core tables: what the query path reads, and what the ORM
models (``models.py``) and Alembic's autogenerate check are built on.

Kept free of ``sqlalchemy.orm`` so that a question does not pay for importing the ORM and
configuring its mappers. Tables are plural, foreign keys ``<singular>_id``. Every extracted row
carries ``start``/``end``: character offsets into the decoded source text.
Alembic creates every table (``migrations/``); this metadata is what it checks them against.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _cascade(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="CASCADE")


def _offsets() -> tuple[Column[int], Column[int]]:
    return Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)


# Province-level regions (34) and, under them, prefectures and counties the resolver knows.
regions = Table(
    "regions",
    metadata,
    _id(),
    Column("code", String(12), nullable=False, unique=True),
    Column("name", String(64), nullable=False, index=True),
    Column("short_name", String(32)),
    Column("level", String(16), nullable=False),  # province | prefecture | county
    Column("province_id", Integer, ForeignKey("regions.id"), index=True),
)

# Other names of a province-level region (short, one-character and literary names).
region_aliases = Table(
    "region_aliases",
    metadata,
    _id(),
    Column("region_id", Integer, _cascade("regions.id"), nullable=False, index=True),
    Column("alias", String(32), nullable=False),
    Column("kind", String(16), nullable=False),  # short | abbreviation | literary
    UniqueConstraint("region_id", "alias"),
)

# One ingested file.
sources = Table(
    "sources",
    metadata,
    _id(),
    Column("name", String(512), nullable=False, index=True),
    Column("path", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("size", Integer, nullable=False),
    Column("encoding", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("parser_version", String(32), nullable=False),
    # written last: a check that the file landed whole
    Column("article_count", Integer, nullable=False),
)

# One article (a file can hold several).
documents = Table(
    "documents",
    metadata,
    _id(),
    Column("source_id", Integer, _cascade("sources.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),  # place in the file, 1-based
    Column("title", Text),
    Column("subtitle", Text),
    Column("abstract", Text),
    Column("region_id", Integer, ForeignKey("regions.id"), index=True),
    *_offsets(),
    Column("body", Text, nullable=False),  # cleaned body text (what search reads)
    # the highest initiative_variants.id its parse knew: terms stored later are looked for afterwards
    Column("lexicon_version", Integer, nullable=False),
    Column("offset_map", Text, nullable=False),  # JSON [[body_offset, source_offset], …] pieces
    Index("ix_documents_source_ordinal", "source_id", "ordinal", unique=True),
)

people = Table(
    "people",
    metadata,
    _id(),
    Column("name", String(64), nullable=False, unique=True),
)

# A person's part in a document: author, reporter or editor.
authorships = Table(
    "authorships",
    metadata,
    _id(),
    Column("document_id", Integer, _cascade("documents.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("positions_text", Text),  # the positions as printed
    Column("region_id", Integer, ForeignKey("regions.id"), index=True),
    *_offsets(),
    CheckConstraint("role IN ('author', 'reporter', 'editor')", name="role"),
)

# One office of an authorship, as printed (split on 、).
positions = Table(
    "positions",
    metadata,
    _id(),
    Column("authorship_id", Integer, _cascade("authorships.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("title", String(128), nullable=False),
)

keywords = Table(
    "keywords",
    metadata,
    _id(),
    Column("document_id", Integer, _cascade("documents.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("keyword", String(128), nullable=False, index=True),
)

# The outline as a tree.
sections = Table(
    "sections",
    metadata,
    _id(),
    Column("document_id", Integer, _cascade("documents.id"), nullable=False, index=True),
    Column("parent_id", Integer, _cascade("sections.id"), index=True),
    Column("position", Integer, nullable=False),  # order in the document, 1-based
    Column("depth", Integer, nullable=False),
    Column("ordinal", Integer, nullable=False),  # among its siblings
    Column("label", String(16), nullable=False),
    Column("title", Text, nullable=False),
    *_offsets(),
    Column("body_end", Integer, nullable=False),
)

directives = Table(
    "directives",
    metadata,
    _id(),
    Column("document_id", Integer, _cascade("documents.id"), nullable=False, index=True),
    Column("section_id", Integer, ForeignKey("sections.id", ondelete="SET NULL"), index=True),
    Column("modality", String(16), nullable=False, index=True),
    Column("verb", String(32)),
    Column("text", Text, nullable=False),
    *_offsets(),
    CheckConstraint("modality IN ('must', 'prohibit', 'will', 'should')", name="modality"),
)

figures = Table(
    "figures",
    metadata,
    _id(),
    Column("document_id", Integer, _cascade("documents.id"), nullable=False, index=True),
    Column("section_id", Integer, ForeignKey("sections.id", ondelete="SET NULL"), index=True),
    Column("text", String(64), nullable=False),
    Column("value", Float, index=True),
    Column("unit", String(16), index=True),
    Column("approx", Boolean, nullable=False),
    Column("placeholder", Boolean, nullable=False),
    Column("subject", String(128)),
    Column("role", String(8)),  # start | end of a change
    Column("numerals", String(8), nullable=False),  # arabic (digits or XX) | chinese (三年, 一万人)
    # the figure's sentence is documents.body[sentence_start:sentence_end] (not stored twice)
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    *_offsets(),
    Index("ix_figures_subject", "subject"),
)

# One canonical initiative; its spellings are its variants.
initiatives = Table(
    "initiatives",
    metadata,
    _id(),
    Column("name", String(256), nullable=False),  # the display name (most frequent spelling)
    Column("key", String(256), nullable=False, unique=True),  # canonical_form() of its spellings
)

# A spelling seen in the corpus, pointing at its initiative. Users may edit ``initiative_id``
# (``origin = 'user'``) to regroup; re-ingest keeps their choice.
initiative_variants = Table(
    "initiative_variants",
    metadata,
    _id(),
    Column("initiative_id", Integer, _cascade("initiatives.id"), nullable=False, index=True),
    Column("variant", String(256), nullable=False, unique=True),
    Column("origin", String(8), nullable=False),  # auto | user
)

initiative_mentions = Table(
    "initiative_mentions",
    metadata,
    _id(),
    Column("document_id", Integer, _cascade("documents.id"), nullable=False, index=True),
    Column("section_id", Integer, ForeignKey("sections.id", ondelete="SET NULL"), index=True),
    Column("variant_id", Integer, _cascade("initiative_variants.id"), nullable=False),
    Column("quoted", Boolean, nullable=False),
    *_offsets(),
    UniqueConstraint("document_id", "start", "variant_id"),
    # covers "which articles mention this initiative" without reading the table's rows
    Index("ix_initiative_mentions_variant_document", "variant_id", "document_id"),
)

# Each article once per spelling it mentions, with the article's home region (kept in step with
# initiative_mentions by the writers): "which provinces mention X" reads these rows only, one per
# article, where a common initiative has several mentions an article. Clustered on its key in SQLite.
document_variants = Table(
    "document_variants",
    metadata,
    Column("variant_id", Integer, _cascade("initiative_variants.id"), primary_key=True),
    Column("document_id", Integer, _cascade("documents.id"), primary_key=True, index=True),
    Column("region_id", Integer, ForeignKey("regions.id")),
    sqlite_with_rowid=False,
)

# A term first seen in a file whose unquoted mentions in older articles are still to be added.
# Written in the file's own transaction and deleted once the refresh is done, so a crash between
# the two loses nothing: the next ingest finishes the work.
pending_refreshes = Table(
    "pending_refreshes",
    metadata,
    Column("variant_id", Integer, _cascade("initiative_variants.id"), primary_key=True),
    Column("source_id", Integer, _cascade("sources.id"), nullable=False, index=True),
)

# A region an article is about (``subject``) or mentions, with how often it is named.
document_regions = Table(
    "document_regions",
    metadata,
    Column("document_id", Integer, _cascade("documents.id"), primary_key=True),
    Column("region_id", Integer, ForeignKey("regions.id"), primary_key=True, index=True),
    Column("role", String(12), primary_key=True),  # subject | mentioned
    Column("count", Integer, nullable=False),
)
