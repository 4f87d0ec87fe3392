"""From a validated model to the row the store keeps, and back."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from hub.services.folding import fold
from hub.storage.records import EntityRow
from schemas import Membership, Organisation
from schemas.entity import EntityModel


def document_hash(doc: bytes) -> str:
    """A digest of a document's stored JSON: the strong validator (ETag) of its representations,
    and how an import tells changed rows from unchanged ones. Of the bytes themselves, as
    RFC 9110 (8.8.1) asks of a strong validator: JSON that differs only in the order of a
    language map's keys is served differently, so it is a change too."""
    return hashlib.blake2b(doc, digest_size=16).hexdigest()


def _sort_name(model: EntityModel) -> str:
    names = model.names()
    return fold(next(iter(names.values())))[:300] if names else ""


def entity_row(model: EntityModel, key: str) -> EntityRow:
    doc = model.to_json()
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
        doc=doc.decode(),
        hash=document_hash(doc),
        sort_name=_sort_name(model),
        is_cluster=is_cluster,
        member_iri=member,
        organisation_iri=organisation,
        vat_id=vat_id,
        lei_code=lei_code,
    )


def load_document(doc: str) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads(doc)
    return loaded
