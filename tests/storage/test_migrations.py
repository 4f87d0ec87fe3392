"""Migrations that rewrite stored data: rows stored before them read as rows stored after."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import orjson
import pytest
from sqlalchemy import Engine, text

from hub.services.records import entity_row
from hub.services.validation import validate_document
from hub.storage.engine import database_engine
from hub.storage.schema import downgrade, upgrade
from tests.support import samples


@pytest.fixture
def bare_engine(database: str) -> Iterator[Engine]:
    """An engine on an empty database, for the test to migrate."""
    engine = database_engine(database)
    yield engine
    engine.dispose()


def stored_hashes(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        return {
            key: digest
            for key, digest in connection.execute(text("SELECT key, hash FROM entities"))
        }


def test_0005_rehashes_every_stored_document_as_its_stored_json(bare_engine: Engine) -> None:
    upgrade(bare_engine, "0004")
    rows = []
    for sample in samples.samples():
        model, _ = validate_document(sample.kind, sample.doc)
        assert model is not None
        row = entity_row(model, sample.key)
        sorted_json = orjson.dumps(orjson.loads(row.doc), option=orjson.OPT_SORT_KEYS)
        before = hashlib.blake2b(sorted_json, digest_size=16).hexdigest()  # 0004's hash
        rows.append({**row._asdict(), "hash": before})
    with bare_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO entities (kind, key, iri, doc, hash, sort_name, is_cluster,"
                " member_iri, organisation_iri, vat_id, lei_code, created_at, updated_at)"
                " VALUES (:kind, :key, :iri, :doc, :hash, :sort_name, :is_cluster, :member_iri,"
                " :organisation_iri, :vat_id, :lei_code, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            rows,
        )
    before = stored_hashes(bare_engine)

    upgrade(bare_engine)
    assert stored_hashes(bare_engine) == {
        row["key"]: hashlib.blake2b(row["doc"].encode(), digest_size=16).hexdigest() for row in rows
    }
    assert stored_hashes(bare_engine) != before

    downgrade(bare_engine, "0004")
    assert stored_hashes(bare_engine) == before
