"""Everything a node emits is valid linked data in every format: it parses, it conforms to the
shipped SHACL shapes (code lists included), and JSON-LD, Turtle and N-Triples say the same.

JSON-LD is read two ways, never fetching the context (VOCABULARY.md P1): by rdflib with the
bundled context substituted for its URL, and by pyld (an independent JSON-LD 1.1 processor)
through a document loader that serves the bundled context and nothing else.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib import Literal as RdfLiteral
from rdflib.compare import isomorphic

import vocab
from hub.linked_data.shacl import validate_graph
from hub.web.routes import routes
from tests.support import samples
from tests.support.client import AppClient
from tests.support.reading import jsonld_graph

SAMPLES = samples.samples()
JSONLD = "application/ld+json"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"


def fetch(client: AppClient, path: str, media_type: str) -> str:
    response = client.get(path, headers={"accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    return response.text


def bundled_context_only(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader: our context from the bundle; anything else is an error."""
    if url != vocab.CONTEXT_URL:
        raise jsonld.JsonLdError(f"refused to load {url}", "loading document failed")
    return {"contentType": JSONLD, "contextUrl": None, "documentUrl": url,
            "document": vocab.context_document()}


def pyld_graph(body: str) -> Graph:
    quads = jsonld.to_rdf(
        json.loads(body), {"format": "application/n-quads", "documentLoader": bundled_context_only}
    )
    return Graph().parse(data=quads, format="nt")


def lowercase_tags(graph: Graph) -> Graph:
    """RDF 1.1 compares language tags case-insensitively; pyld lowercases them (JSON-LD 1.1
    lets processors normalise), rdflib keeps `sr-Latn`. Compare with tags in lower case."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, RdfLiteral) and o.language:
            o = RdfLiteral(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def formats(client: AppClient, path: str) -> tuple[str, Graph, Graph, Graph]:
    body = fetch(client, path, JSONLD)
    turtle = Graph().parse(data=fetch(client, path, TURTLE), format="turtle")
    ntriples = Graph().parse(data=fetch(client, path, NTRIPLES), format="nt")
    return body, jsonld_graph(body), turtle, ntriples


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_each_entity_is_the_same_conforming_graph_in_every_format(
    published: AppClient, sample: samples.Sample
) -> None:
    body, from_jsonld, turtle, ntriples = formats(published, f"/id/{sample.kind}/{sample.key}")
    assert json.loads(body) == {"@context": vocab.CONTEXT_URL, **sample.doc}
    assert len(turtle) > 0
    assert isomorphic(from_jsonld, turtle)
    assert isomorphic(ntriples, turtle)
    assert validate_graph(turtle).results == ()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_each_entity_reads_the_same_in_an_independent_jsonld_processor(
    published: AppClient, sample: samples.Sample
) -> None:
    path = f"/id/{sample.kind}/{sample.key}"
    turtle = Graph().parse(data=fetch(published, path, TURTLE), format="turtle")
    from_pyld = pyld_graph(fetch(published, path, JSONLD))
    assert isomorphic(lowercase_tags(from_pyld), lowercase_tags(turtle))


def test_everything_the_node_holds_conforms_as_one_graph(published: AppClient) -> None:
    """All entities together: the rules that need both ends of a membership apply too."""
    graph = Graph()
    for sample in SAMPLES:
        path = f"/id/{sample.kind}/{sample.key}"
        graph.parse(data=fetch(published, path, TURTLE), format="turtle")
    assert validate_graph(graph).results == ()


def route_paths() -> set[str]:
    return {getattr(route, "path", "") for route in routes()}


COLLECTIONS = ["/organisations", "/clusters", "/events", "/projects"]


@pytest.mark.parametrize("path", COLLECTIONS)
def test_each_collection_is_the_same_conforming_graph_in_every_format(
    published: AppClient, path: str
) -> None:
    if path not in route_paths():
        pytest.skip(f"{path} is not served yet (hub.web.routes)")
    body, from_jsonld, turtle, ntriples = formats(published, path)
    assert isomorphic(from_jsonld, turtle)
    assert isomorphic(ntriples, turtle)
    assert isomorphic(lowercase_tags(pyld_graph(body)), lowercase_tags(turtle))
    report = validate_graph(turtle)
    assert report.results == ()
    items = json.loads(body)["items"]
    for item in items:
        assert validate_graph(jsonld_graph({"@context": vocab.CONTEXT_URL, **item})).conforms
    assert items


def test_the_catalogue_parses_and_conforms_in_every_format(published: AppClient) -> None:
    if "/" not in route_paths():
        pytest.skip("the catalogue at / is not served yet (hub.web.routes)")
    body = fetch(published, "/", JSONLD)
    turtle = Graph().parse(data=fetch(published, "/", TURTLE), format="turtle")
    assert len(turtle) > 0
    assert isomorphic(jsonld_graph(body), turtle)
    assert isomorphic(lowercase_tags(pyld_graph(body)), lowercase_tags(turtle))
    assert validate_graph(turtle).conforms
