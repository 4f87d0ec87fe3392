"""The stored form of a validated model: the document text is the compact JSON of
`to_jsonld()` (keys in its order), and its hash (the ETag, and how imports tell changed rows
from unchanged ones) is a digest of that text. Both are pinned: a change to either would
make every stored row look changed, and needs a migration (as 0005 rewrote the hashes)."""

from __future__ import annotations

import hashlib

import orjson
import pytest

from hub.services.records import entity_row
from hub.services.validation import validate_document
from schemas.entity import EntityModel
from tests.support import samples

HASHES = {
    "cluster": "db64d8b9f446d78df0f723c792b69432",
    "member": "a6af536348322f7547cdc358b5b08e2d",
    "network": "0c75be99b6a1a5feebb1d4b240e6ec9f",
    "event": "8b7adf281a1f8e3cd4e9272fa6e699f1",
    "project": "5cfe34364022c542cdc47d187d2f47d0",
    "membership": "73ae4775212e3103fe485a168c414be5",
    "network-membership": "bd0c7c5d20e4bbae58676a7f5bf9b2d3",
    "project-partnership": "a1549de1128063e18cd5401b9a54493b",
}


@pytest.mark.parametrize("sample", samples.samples(), ids=lambda s: s.name)
def test_each_sample_is_stored_as_its_compact_json_with_its_pinned_hash(
    sample: samples.Sample,
) -> None:
    model, problems = validate_document(sample.kind, sample.doc)
    assert problems == []
    assert model is not None
    row = entity_row(model, sample.key)
    assert row.doc == orjson.dumps(model.to_jsonld()).decode()
    assert (orjson.loads(row.doc), row.hash) == (sample.doc, HASHES[sample.name])
    assert row.hash == hashlib.blake2b(row.doc.encode(), digest_size=16).hexdigest()


def test_the_same_document_with_its_languages_in_another_order_is_another_representation() -> None:
    sample = next(s for s in samples.samples() if s.name == "member")
    names = sample.doc["description"]
    assert len(names) > 1
    turned = {**sample.doc, "description": dict(reversed(names.items()))}
    rows = [entity_row(validated(doc), sample.key) for doc in (sample.doc, turned)]
    assert orjson.loads(rows[0].doc) == orjson.loads(rows[1].doc)
    assert rows[0].doc != rows[1].doc  # served as it was given, so...
    assert rows[0].hash != rows[1].hash  # ...a strong ETag tells them apart


def validated(doc: dict[str, object]) -> EntityModel:
    model, problems = validate_document("organisations", doc)
    assert problems == [] and model is not None
    return model
