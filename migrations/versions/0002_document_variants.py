"""document_variants: each article once per spelling it mentions, with its home region

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 17:30:00

"Which provinces mention X" read every mention of X (56,000 for an initiative named in 17,000 of
20,000 articles); this table holds one row per article and spelling. Filled from the mentions
already stored.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_variants",
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_variants_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["regions.id"], name=op.f("fk_document_variants_region_id_regions")
        ),
        sa.ForeignKeyConstraint(
            ["variant_id"],
            ["initiative_variants.id"],
            name=op.f("fk_document_variants_variant_id_initiative_variants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("variant_id", "document_id", name=op.f("pk_document_variants")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        op.f("ix_document_variants_document_id"), "document_variants", ["document_id"], unique=False
    )
    op.execute(
        "INSERT INTO document_variants (variant_id, document_id, region_id) "
        "SELECT DISTINCT m.variant_id, m.document_id, d.region_id "
        "FROM initiative_mentions m JOIN documents d ON d.id = m.document_id"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_document_variants_document_id"), table_name="document_variants")
    op.drop_table("document_variants")
