"""Cheaper bulk writes: imports stage their keys in a temporary table (`import_keys`), so
`import_rows` goes; and the indexes of columns only some kinds have become partial.

A temporary table is private to the importing connection and never written to the
database's log, so staging costs a fraction of what the shared table did, and nothing is
left behind by an import that stopped half-way. The member, organisation, VAT and LEI
indexes held an entry for every entity, mostly NULL (organisations have no member,
memberships no VAT number): they now hold only the rows that have a value, which every
lookup by those columns asks for.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


_PARTIAL = {
    "ix_entities_member": "member_iri",
    "ix_entities_organisation": "organisation_iri",
    "ix_entities_vat": "vat_id",
    "ix_entities_lei": "lei_code",
}


def upgrade() -> None:
    op.drop_index("ix_import_rows_entity", "import_rows")
    op.drop_table("import_rows")
    for name, column in _PARTIAL.items():
        present = sa.text(f"{column} IS NOT NULL")
        op.drop_index(name, "entities")
        op.create_index(
            name, "entities", [column], sqlite_where=present, postgresql_where=present
        )


def downgrade() -> None:
    for name, column in _PARTIAL.items():
        op.drop_index(name, "entities")
        op.create_index(name, "entities", [column])
    op.create_table(
        "import_rows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("import_id", sa.String(32), nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
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
    )
    op.create_index("ix_import_rows_entity", "import_rows", ["import_id", "kind", "key"])
