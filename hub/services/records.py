"""From a validated model to the row the store keeps, and back."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from hub.services.folding import fold
from hub.storage.records import EntityRow
from schemas import Membership, Organisation
from schemas.entity import EntityModel


def document_hash(doc: dict[str, Any]) -> str:
    """A digest of the canonical JSON: equal documents, equal hashes (strong ETags)."""
    return hashlib.blake2b(
        orjson.dumps(doc, option=orjson.OPT_SORT_KEYS), digest_size=16
    ).hexdigest()


def _sort_name(model: EntityModel, doc: dict[str, Any]) -> str:
    names = doc.get("prefLabel") or doc.get("legalName") or doc.get("name") or {}
    text = next(iter(names.values()), "") if isinstance(names, dict) else ""
    return fold(text)[:300]


def entity_row(model: EntityModel, key: str) -> EntityRow:
    doc = model.to_jsonld()
    member = organisation = vat_id = lei_code = None
    is_cluster = False
    if isinstance(model, Membership):
        member, organisation = model.member, model.organization
    elif isinstance(model, Organisation):
        is_cluster, vat_id, lei_code = model.is_cluster, model.vat_id, model.lei_code
    return EntityRow(
        kind=model.entity_kind,
        key=key,
        iri=model.id,
        doc=orjson.dumps(doc).decode(),
        hash=document_hash(doc),
        sort_name=_sort_name(model, doc),
        is_cluster=is_cluster,
        member_iri=member,
        organisation_iri=organisation,
        vat_id=vat_id,
        lei_code=lei_code,
    )


def load_document(doc: str) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads(doc)
    return loaded
