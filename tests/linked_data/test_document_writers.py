"""The feed's document writers (`hub.linked_data.document_writers`) say what the reference
says (`document_triples` with `hub.linked_data.writers`), in N-Triples, N-Quads and Turtle:
for every kind of stored document (the samples, generated members, the demo data) and for
the corners of JSON-LD our context uses. Both outputs are parsed by rdflib and compared."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import vocab
from hub.linked_data.document_writers import NTriplesDocumentWriter, TurtleDocumentWriter
from hub.linked_data.triples import UnknownTermError, document_triples
from hub.linked_data.writers import TurtleWriter, ntriples, turtle
from hub.services.validation import validation_context
from schemas import entity_model
from tests.support import members, samples

DEMO_GRAPH = Path(__file__).parents[2] / "deployments" / "demo" / "data" / "cluster.jsonld"
MEMBER_GRAPH = "http://hub.test/feed/activities/7"
CORNER = "http://hub.test/id/organisations/corner"


def stored(kind: str, doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` as the node stores it: through its model, which mints the parts' IRIs."""
    model = entity_model(kind).model_validate(doc, context=validation_context())
    return model.to_jsonld()


def demo_documents() -> list[dict[str, Any]]:
    nodes = json.loads(DEMO_GRAPH.read_text(encoding="utf-8"))["@graph"]
    return [stored(node["id"].split("/id/")[1].split("/")[0], node) for node in nodes]


def member_documents(count: int) -> list[dict[str, Any]]:
    docs = []
    for member in members.generate(count):
        organisation, membership = members.documents(member, samples.BASE_URL, "vojvodina-ict")
        docs += [stored("organisations", organisation), stored("memberships", membership)]
    return docs


def corner_cases() -> dict[str, Any]:
    """Escapes, numbers, booleans, single values where lists are usual, empty sets and
    language maps, a node with nothing but its IRI, the reverse term with an embedded node
    and with an IRI, and IRIs that cannot be Turtle prefixed names."""
    return {
        "@context": vocab.CONTEXT_URL,
        "id": CORNER,
        "type": "Organization",
        "legalName": {"sr-Latn": 'Say "hi"\\ to\nnew\r\tlines', "sr-Cyrl": "Ђорђе 🚀 ünïcödé"},
        "altLabel": {"en": ["one", 'two "quoted"'], "de": []},
        "description": {"en": "a backslash at the end\\"},
        "foundingYear": "2012",
        "homepage": "https://example.org/a?b=c&d#e",
        "classification": ["orgtype:sme", "nuts:RS12/x", "orgtype:ends-with-a-dot.", "Place"],
        "vatID": "RS101234510",
        "numberOfEmployees": {
            "id": f"{CORNER}#employees",
            "type": "QuantitativeValue",
            "value": 57,
            "minValue": 5.0,
            "maxValue": 2.5,
        },
        "composition": [
            {"id": f"{CORNER}#big", "value": 1e21, "valueReference": "orgtype:sme"},
            {"id": f"{CORNER}#negative", "value": -3, "valueReference": "orgtype:start-up"},
            {"id": f"{CORNER}#small", "value": 0.1},
            {"id": f"{CORNER}#yes", "value": True},
            {"id": f"{CORNER}#no", "value": False},
        ],
        "address": {
            "id": f"{CORNER}#address",
            "type": ["Address"],
            "geo": {"id": f"{CORNER}#geo", "latitude": 45.25, "longitude": 19},
        },
        "managementTeam": [
            {
                "id": f"{CORNER}#team-1",
                "type": ["Membership", "OrganizationRole"],
                "member": {"id": f"{CORNER}#person", "type": "Person", "givenName": "Đorđe"},
                "role": "mgmtrole:president",
            },
            "http://hub.test/id/memberships/named-by-iri",
        ],
        "contactPoint": [{"id": f"{CORNER}#contact-1"}],
        "sameAs": [],
    }


DOCUMENTS = {
    **{f"sample-{sample.name}": sample.doc for sample in samples.samples()},
    **{f"member-{n}": doc for n, doc in enumerate(member_documents(5))},
    **{f"demo-{doc['id'].split('/id/')[1]}": doc for doc in demo_documents()},
    "corner-cases": corner_cases(),
}


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_ntriples_are_the_reference_graph(doc: dict[str, Any]) -> None:
    ours = Graph().parse(data=NTriplesDocumentWriter().lines(doc), format="nt")
    reference = Graph().parse(data="".join(ntriples(document_triples(doc))), format="nt")
    assert len(ours) == len(reference) > 0
    assert isomorphic(ours, reference)


def graphs(nquads: str) -> dict[str | None, Graph]:
    """Each graph of an N-Quads text by name (None: the default graph)."""
    with warnings.catch_warnings():
        # rdflib 7.x deprecates parts of its own Dataset API that parsing uses (VOCABULARY.md P19).
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset()
        dataset.parse(data=nquads, format="nquads")
        found: dict[str | None, Graph] = {}
        for s, p, o, g in dataset.quads((None, None, None, None)):
            name = None if str(g) == "urn:x-rdflib:default" else str(g)
            found.setdefault(name, Graph()).add((s, p, o))
        return found


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_nquads_are_the_reference_graph_in_the_named_graph(doc: dict[str, Any]) -> None:
    ours = graphs(NTriplesDocumentWriter().lines(doc, MEMBER_GRAPH))
    reference = graphs("".join(ntriples(document_triples(doc), graph=MEMBER_GRAPH)))
    assert list(ours) == list(reference) == [MEMBER_GRAPH]
    assert isomorphic(ours[MEMBER_GRAPH], reference[MEMBER_GRAPH])


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_turtle_is_the_reference_graph(doc: dict[str, Any]) -> None:
    ours = Graph().parse(data=TurtleWriter().header() + TurtleDocumentWriter().blocks(doc),
                         format="turtle")
    reference = Graph().parse(data=turtle(document_triples(doc)), format="turtle")
    assert len(ours) == len(reference) > 0
    assert isomorphic(ours, reference)


def test_one_writer_writes_many_documents_as_the_reference_does() -> None:
    """A writer remembers the IRIs it has written: documents sharing IRIs stay right."""
    docs = list(DOCUMENTS.values())
    turtle_writer, line_writer = TurtleDocumentWriter(), NTriplesDocumentWriter()
    reference = Graph()
    for doc in docs:
        reference.parse(data="".join(ntriples(document_triples(doc))), format="nt")
    ours_turtle = TurtleWriter().header() + "".join(turtle_writer.blocks(doc) for doc in docs)
    ours_lines = "".join(line_writer.lines(doc) for doc in docs)
    assert isomorphic(Graph().parse(data=ours_turtle, format="turtle"), reference)
    assert isomorphic(Graph().parse(data=ours_lines, format="nt"), reference)


def test_turtle_is_a_block_per_node_with_prefixed_names_where_they_are_valid() -> None:
    doc = {
        "id": CORNER,
        "type": "Organization",
        "classification": ["orgtype:sme", "nuts:RS12/x", "orgtype:ends-with-a-dot."],
        "contactPoint": [{"id": f"{CORNER}#contact-1"}],
        "address": {"id": f"{CORNER}#address", "postName": 'Novi "Sad"'},
        "managementTeam": ["http://hub.test/id/memberships/m"],
    }
    assert TurtleDocumentWriter().blocks(doc) == (
        f"<{CORNER}>\n"
        "    a org:Organization ;\n"
        "    org:classification orgtype:sme, <http://data.europa.eu/nuts/code/RS12/x>,"
        " <https://w3id.org/clusterhub/scheme/organisation-type/ends-with-a-dot.> ;\n"
        f"    schema:contactPoint <{CORNER}#contact-1> ;\n"
        f"    locn:address <{CORNER}#address> .\n\n"
        f"<{CORNER}#address>\n"
        '    locn:postName "Novi \\"Sad\\"" .\n\n'
        "<http://hub.test/id/memberships/m>\n"
        f"    org:organization <{CORNER}> .\n\n"
    )


WRITERS = {
    "ntriples": lambda doc: NTriplesDocumentWriter().lines(doc),
    "turtle": lambda doc: TurtleDocumentWriter().blocks(doc),
}


@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
def test_an_unknown_term_is_refused_as_by_the_reference(
    write: Callable[[dict[str, Any]], str],
) -> None:
    doc = {"id": CORNER, "prefLabel": {"en": "x"}, "nickname": "y"}
    with pytest.raises(UnknownTermError, match="nickname"):
        document_triples(doc)
    with pytest.raises(UnknownTermError, match="nickname"):
        write(doc)
