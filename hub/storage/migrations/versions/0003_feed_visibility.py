"""Change sequence, visibility tiers and tombstones (the compacted LDES feed).

Every create or update of an entity takes the next `seq` and a strictly increasing
`published_at`; a deleted entity leaves a tombstone with the same two. The feed is these
rows in `seq` order, so it holds exactly one member per live entity plus tombstones.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger))
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True)))
        batch.add_column(
            sa.Column("visibility", sa.String(8), nullable=False, server_default="public")
        )
        batch.add_column(sa.Column("field_visibility", sa.Text))
        # Bit 1: ever visible in the public feed; bit 2: in the partner feed. A record that
        # leaves a tier becomes a Delete there; one never shown there leaves no trace in it.
        batch.add_column(sa.Column("feed_tiers", sa.Integer, nullable=False, server_default="0"))
    op.create_index("ix_entities_seq", "entities", ["seq"])
    op.create_table(
        "tombstones",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("iri", sa.String(2048), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("feed_tiers", sa.Integer, nullable=False),
    )
    op.create_index("ix_tombstones_iri", "tombstones", ["iri"])
    op.create_table(
        "feed_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_published", sa.DateTime(timezone=True)),
    )
    op.execute("INSERT INTO feed_state (id, last_seq) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table("feed_state")
    op.drop_table("tombstones")
    op.drop_index("ix_entities_seq", "entities")
    with op.batch_alter_table("entities") as batch:
        for column in ("feed_tiers", "field_visibility", "visibility", "published_at", "seq"):
            batch.drop_column(column)
