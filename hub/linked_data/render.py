"""Rendering stored documents as JSON-LD, Turtle, N-Triples and N-Quads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

import vocab
from hub.linked_data.triples import document_triples, many_triples
from hub.linked_data.writers import ntriples, turtle

_CONTEXT_PREFIX = b'{"@context":' + orjson.dumps(vocab.CONTEXT_URL) + b","


def jsonld_entity(doc_json: str) -> bytes:
    """A stored document (compact JSON without `@context`) as a JSON-LD document; the stored
    text is reused as is, which keeps the hot read path free of JSON parsing."""
    body = doc_json.encode()
    if body == b"{}":
        return b'{"@context":' + orjson.dumps(vocab.CONTEXT_URL) + b"}"
    return _CONTEXT_PREFIX + body[1:]


def jsonld_document(doc: dict[str, Any]) -> bytes:
    return orjson.dumps({"@context": vocab.CONTEXT_URL, **doc})


def turtle_documents(docs: Iterable[dict[str, Any]]) -> str:
    return turtle(many_triples(docs))


def ntriples_documents(docs: Iterable[dict[str, Any]]) -> str:
    return "".join(ntriples(many_triples(docs)))


def nquads_document(doc: dict[str, Any], graph: str) -> str:
    return "".join(ntriples(document_triples(doc), graph=graph))
