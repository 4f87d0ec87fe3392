"""Document hashes of the stored JSON itself.

An entity's hash was a digest of its document's JSON with the keys sorted at every level;
it is now a digest of the JSON as stored and served (`hub.services.records.document_hash`):
a strong validator changes with the bytes it stands for (RFC 9110, 8.8.1), and the digest
no longer needs the document parsed and dumped again. Every stored hash is recomputed,
so that the next import of an unchanged file still finds its rows unchanged.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 1000  # rows read and rewritten at a time


def upgrade() -> None:
    _rehash(lambda doc: doc.encode())


def downgrade() -> None:
    _rehash(_sorted_json)


def _sorted_json(doc: str) -> bytes:
    """The JSON the hash was a digest of before: keys sorted, compact, UTF-8 (orjson's)."""
    canonical = json.dumps(
        json.loads(doc), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return canonical.encode()


def _rehash(digested: Callable[[str], bytes]) -> None:
    """Each entity's hash, as a digest of `digested(doc)`."""
    connection = op.get_bind()
    entities = sa.table(
        "entities", sa.column("id", sa.Integer), sa.column("doc", sa.Text), sa.column("hash")
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(entities.c.id, entities.c.doc)
            .where(entities.c.id > last)
            .order_by(entities.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            entities.update()
            .where(entities.c.id == sa.bindparam("row_id"))
            .values(hash=sa.bindparam("digest")),
            [
                {
                    "row_id": row_id,
                    "digest": hashlib.blake2b(digested(doc), digest_size=16).hexdigest(),
                }
                for row_id, doc in rows
            ],
        )
        last = rows[-1].id
