"""Entities and import staging.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _entity_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("iri", sa.String(2048), nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("hash", sa.String(32), nullable=False),
        sa.Column("sort_name", sa.String(300), nullable=False),
        sa.Column("is_cluster", sa.Boolean, nullable=False),
        sa.Column("member_iri", sa.String(2048)),
        sa.Column("organisation_iri", sa.String(2048)),
        sa.Column("vat_id", sa.String(32)),
        sa.Column("lei_code", sa.String(20)),
    ]


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *_entity_columns(),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
    )
    op.create_index("ix_entities_iri", "entities", ["iri"])
    op.create_index("ix_entities_kind_sort", "entities", ["kind", "sort_name", "key"])
    op.create_index("ix_entities_member", "entities", ["member_iri"])
    op.create_index("ix_entities_organisation", "entities", ["organisation_iri"])
    op.create_index("ix_entities_vat", "entities", ["vat_id"])
    op.create_index("ix_entities_lei", "entities", ["lei_code"])
    op.create_table(
        "import_rows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("import_id", sa.String(32), nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        *_entity_columns(),
    )
    op.create_index("ix_import_rows_entity", "import_rows", ["import_id", "kind", "key"])


def downgrade() -> None:
    op.drop_table("import_rows")
    op.drop_table("entities")
