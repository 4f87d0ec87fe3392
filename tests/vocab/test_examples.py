"""`vocab/examples/`: the valid examples conform and read into the models; each invalid example
produces exactly the one violation `invalid/expected.toml` names for it."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

import vocab
from hub.linked_data.documents import graph_documents
from hub.linked_data.render import turtle_documents
from hub.linked_data.shacl import validate_graph
from hub.services.validation import validate_document, validation_context
from schemas import entity_model
from tests.support.reading import jsonld_graph

EXAMPLES = vocab.VOCAB_DIR / "examples"
VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.suffix in (".jsonld", ".ttl"))
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.suffix in (".jsonld", ".ttl"))
EXPECTED: dict[str, dict[str, str]] = tomllib.loads(
    (EXAMPLES / "invalid" / "expected.toml").read_text()
)
SCHEMA = "http://schema.org/"
ORG = "http://www.w3.org/ns/org#"


def load(path: Path) -> Graph:
    """An example as a consumer reads it: JSON-LD with our context URL served from the bundle
    (never fetched, VOCABULARY.md P1)."""
    if path.suffix == ".ttl":
        return Graph().parse(path, format="turtle")
    return jsonld_graph(path.read_text(encoding="utf-8"))


@cache
def valid_graph() -> Graph:
    graph = Graph()
    for path in VALID:
        graph += load(path)
    return graph


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_conforms_without_warnings(path: Path) -> None:
    assert validate_graph(load(path)).results == ()


def test_valid_examples_together_conform_without_warnings() -> None:
    """Together they form one node's data, so the rules that need both ends apply too."""
    assert validate_graph(valid_graph()).results == ()


def test_valid_examples_cover_every_kind_and_every_membership_pattern() -> None:
    graph = valid_graph()
    typed = {str(o) for o in graph.objects(None, RDF.type)}
    required = {
        "https://w3id.org/clusterhub/ns#ClusterOrganisation",
        ORG + "Organization",
        ORG + "Membership",
        SCHEMA + "Event",
        SCHEMA + "Project",
        SCHEMA + "MonetaryGrant",
        "http://www.w3.org/ns/person#Person",
    }
    assert required <= typed
    patterns = set()
    for membership in graph.subjects(RDF.type, URIRef(ORG + "Membership")):
        member = graph.value(membership, URIRef(ORG + "member"))
        organisation = graph.value(membership, URIRef(ORG + "organization"))
        kinds = [_kind(graph, node) for node in (member, organisation)]
        patterns.add(tuple(kinds))
    assert {
        ("organisation", "cluster"),
        ("cluster", "organisation"),
        ("cluster", "project"),
        ("person", "cluster"),
    } <= patterns
    project = next(graph.subjects(RDF.type, URIRef(SCHEMA + "Project")))
    grant = graph.value(project, URIRef(SCHEMA + "funding"))
    assert graph.value(grant, URIRef("https://w3id.org/clusterhub/ns#fundingProgramme")) is not None
    assert graph.value(grant, URIRef(SCHEMA + "amount")) is not None
    assert graph.value(project, URIRef("http://data.europa.eu/s66#hasTotalCost")) is not None


def _kind(graph: Graph, node: Any) -> str:
    types = {str(t) for t in graph.objects(node, RDF.type)}
    if "https://w3id.org/clusterhub/ns#ClusterOrganisation" in types:
        return "cluster"
    if ORG + "Organization" in types:
        return "organisation"
    if SCHEMA + "Project" in types:
        return "project"
    if "http://www.w3.org/ns/person#Person" in types:
        return "person"
    return "?"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_reads_into_the_models_without_loss(path: Path) -> None:
    """RDF -> documents -> models -> RDF gives the example's graph back; a JSON-LD example is
    exactly the JSON the models emit: the examples are what nodes publish."""
    graph = load(path)
    found = list(graph_documents(graph))
    assert len(found) == 1 and found[0].errors == []
    model = entity_model(found[0].kind or "").model_validate(
        found[0].doc, context=validation_context()
    )
    emitted = model.to_jsonld()
    assert isomorphic(Graph().parse(data=turtle_documents([emitted]), format="turtle"), graph)
    if path.suffix == ".jsonld":
        assert {"@context": vocab.CONTEXT_URL, **emitted} == json.loads(
            path.read_text(encoding="utf-8")
        )


def test_the_manifest_names_every_invalid_example_and_nothing_else() -> None:
    assert sorted(EXPECTED) == [p.name for p in INVALID]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_produces_exactly_its_expected_violation(path: Path) -> None:
    expected = EXPECTED[path.name]
    violations = validate_graph(load(path)).violations
    assert [(v.constraint, v.shape, v.path) for v in violations] == [
        (expected["constraint"], expected["shape"], expected.get("path"))
    ]
    focus = violations[0].focus_node
    assert focus.startswith("_:") if expected["focus"] == "_:" else focus == expected["focus"]


@pytest.mark.parametrize("path", [p for p in INVALID if p.suffix == ".ttl"], ids=lambda p: p.name)
def test_invalid_turtle_example_says_what_is_wrong_in_a_comment(path: Path) -> None:
    head = path.read_text(encoding="utf-8").splitlines()[:2]
    assert head[0] == f"# INVALID: {EXPECTED[path.name]['defect']}"
    assert EXPECTED[path.name]["shape"] in head[1]


# The ingest path repairs a blank part by minting an IRI under its entity (VOCABULARY.md P17);
# the published contract, which nodes must meet, still forbids it.
REPAIRED_ON_INGEST = {"address-blank-node.ttl"}


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_the_models_refuse_each_invalid_example_too(path: Path) -> None:
    problems = []
    for found in graph_documents(load(path)):
        problems += found.errors
        if not found.errors:
            problems += [p.message for p in validate_document(found.kind or "", found.doc)[1]]
    assert (problems == []) == (path.name in REPAIRED_ON_INGEST)
