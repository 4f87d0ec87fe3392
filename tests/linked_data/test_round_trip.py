"""RDF back to documents: the Turtle (or N-Triples, or JSON-LD) a node emits for a document,
read by `graph_documents` into the models, gives the identical JSON back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib import Graph

from hub.linked_data.documents import graph_documents
from hub.linked_data.render import jsonld_document, ntriples_documents, turtle_documents
from hub.services.validation import validation_context
from schemas import entity_model
from tests.support import samples
from tests.support.reading import jsonld_graph

SAMPLES = samples.samples()


def emitted(sample: samples.Sample) -> dict[str, Any]:
    model = entity_model(sample.kind).model_validate(sample.doc, context=validation_context())
    return model.to_jsonld()


def read_back(graph: Graph) -> dict[str, Any]:
    found = list(graph_documents(graph))
    assert [(f.errors) for f in found] == [[]]
    kind = found[0].kind
    assert kind is not None
    model = entity_model(kind).model_validate(found[0].doc, context=validation_context())
    return model.to_jsonld()


def unordered(value: Any) -> Any:
    """JSON with arrays as sorted tuples: RDF keeps no order among a property's values."""
    if isinstance(value, dict):
        return {key: unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(sorted((unordered(item) for item in value), key=json.dumps))
    return value


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_samples_are_what_the_models_emit(sample: samples.Sample) -> None:
    assert emitted(sample) == sample.doc


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_turtle_reads_back_into_the_identical_document(sample: samples.Sample) -> None:
    doc = emitted(sample)
    graph = Graph().parse(data=turtle_documents([doc]), format="turtle")
    assert read_back(graph) == doc


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_ntriples_and_jsonld_read_back_into_the_identical_document(sample: samples.Sample) -> None:
    doc = emitted(sample)
    assert read_back(Graph().parse(data=ntriples_documents([doc]), format="nt")) == doc
    assert read_back(jsonld_graph(jsonld_document(doc))) == doc


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_the_order_of_triples_changes_nothing_but_the_order_of_values(
    sample: samples.Sample,
) -> None:
    """A foreign node may serialise in any order: the same document comes back, its arrays
    possibly in another order (JSON-LD `@set`s are unordered)."""
    doc = emitted(sample)
    lines = ntriples_documents([doc]).splitlines(keepends=True)
    shuffled = Graph().parse(data="".join(reversed(lines)), format="nt")
    assert unordered(read_back(shuffled)) == unordered(doc)
