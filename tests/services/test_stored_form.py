"""The stored form of a validated model stays what earlier versions stored: the document text
is the compact JSON of `to_jsonld()` (keys in its order), and its hash (the ETag, and how
imports tell changed rows from unchanged ones) is pinned, so that no stored row ever needs
rewriting."""

from __future__ import annotations

import orjson
import pytest

from hub.services.records import entity_row
from hub.services.validation import validate_document
from tests.support import samples

HASHES = {
    "cluster": "c1392c7257410dea4ecd7a45ffcbf07c",
    "member": "e4ebc82c9a35ad0ad76cb47788ab1830",
    "network": "d8873661653c7b29bcabf29cc0bd7789",
    "event": "b2a4aff8bb5cfca0bba9a18d28c41420",
    "project": "d44b0730739f364c4bc297452b01cd98",
    "membership": "d2d0a2dde99a12cd83f03d3dde19583d",
    "network-membership": "b38bc80ac0c1b559c644f4113fd9c9dd",
    "project-partnership": "b3a1970fa0fb1cce85afa17196759748",
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
