"""`/vocab`: the context, ontology, shapes and concept schemes an instance serves."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS

import vocab
from tests.support.client import AppClient
from tests.support.reading import jsonld_graph, links, parse_html, table_rows

SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
ex:{name} a sh:NodeShape ; sh:targetClass ex:{name}Class .
"""


def test_context_is_the_bundled_file(client: AppClient) -> None:
    response = client.get("/vocab/context.jsonld")
    assert response.headers["content-type"] == "application/ld+json"
    assert response.content == vocab.read_bytes("context", "chub-context.jsonld")
    assert response.headers["cache-control"] == "public, max-age=86400"


def test_ontology_is_the_coined_terms_in_turtle(client: AppClient) -> None:
    response = client.get("/vocab/ontology.ttl")
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    expected = rdflib.Graph()
    for path in sorted((vocab.VOCAB_DIR / "ontology").glob("*.ttl")):
        expected.parse(path, format="turtle")
    assert isomorphic(rdflib.Graph().parse(data=response.text, format="turtle"), expected)


def test_shapes_are_every_shapes_file_in_one_graph(
    client: AppClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = []
    for name in ("Core", "Recommended"):
        path = tmp_path / f"{name.lower()}.ttl"
        path.write_text(SHAPE.format(name=name))
        files.append(path)
    monkeypatch.setattr(vocab, "shape_files", lambda: files)
    graph = rdflib.Graph().parse(data=client.get("/vocab/shapes.ttl").text, format="turtle")
    shapes = set(graph.subjects(RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")))
    assert shapes == {
        rdflib.URIRef("https://example.org/Core"),
        rdflib.URIRef("https://example.org/Recommended"),
    }


def test_shapes_are_a_404_problem_when_there_are_none(
    client: AppClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vocab, "shape_files", lambda: [])
    response = client.get("/vocab/shapes.ttl")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_scheme_is_turtle_for_rdf_clients(client: AppClient) -> None:
    for accept in ("", "*/*", "text/turtle"):
        response = client.get("/vocab/schemes/membership-role", headers={"accept": accept})
        assert response.headers["content-type"] == "text/turtle; charset=utf-8"
        assert response.content == vocab.read_bytes("schemes", "membership-role.ttl")


def test_scheme_jsonld_and_ntriples_are_the_turtle_graph(client: AppClient) -> None:
    turtle = rdflib.Graph().parse(
        data=client.get("/vocab/schemes/event-type.ttl").text, format="turtle"
    )
    jsonld = client.get("/vocab/schemes/event-type", headers={"accept": "application/ld+json"})
    assert jsonld.headers["content-type"] == "application/ld+json"
    assert isomorphic(jsonld_graph(jsonld.content), turtle)
    ntriples = client.get("/vocab/schemes/event-type.nt").text
    assert isomorphic(rdflib.Graph().parse(data=ntriples, format="nt"), turtle)


def test_scheme_page_lists_concepts_with_labels_in_three_languages(client: AppClient) -> None:
    response = client.get("/vocab/schemes/membership-role", headers={"accept": "text/html"})
    document = parse_html(response.text)
    graph = rdflib.Graph().parse(vocab.path("schemes", "membership-role.ttl"))
    expected = []
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        labels = {label.language: str(label) for label in graph.objects(concept, SKOS.prefLabel)}
        notation = str(graph.value(concept, SKOS.notation))
        expected.append([notation, labels["en"], labels["sr-Latn"], labels["sr-Cyrl"], ""])
    assert table_rows(document.find("table")) == sorted(expected)
    anchors = [row.attrs["id"] for row in document.find("tbody").find_all("tr")]
    assert anchors == [row[0] for row in sorted(expected)]


def test_eu_tables_are_served_as_schemes_too(client: AppClient) -> None:
    document = parse_html(
        client.get("/vocab/schemes/nace2.1", headers={"accept": "text/html"}).text
    )
    row = document.find("tr", id="6210")
    assert row.find("code").text() == "62.10"


def test_unknown_scheme_is_a_404_problem(client: AppClient) -> None:
    response = client.get("/vocab/schemes/no-such-scheme")
    assert response.status_code == 404
    assert response.json()["title"] == "there is no scheme 'no-such-scheme'"


def test_vocabulary_answers_304_to_its_etag(client: AppClient) -> None:
    for path in (
        "/vocab/context.jsonld",
        "/vocab/ontology.ttl",
        "/vocab/schemes/sectoral-industry",
    ):
        etag = client.get(path).headers["etag"]
        again = client.get(path, headers={"if-none-match": etag})
        assert (again.status_code, again.headers["cache-control"]) == (304, "public, max-age=86400")


def test_index_links_every_file_and_scheme(client: AppClient) -> None:
    document = parse_html(client.get("/vocab", headers={"accept": "text/html"}).text)
    hrefs = [href for _, href in links(document.find("main"))]
    for path in ("/vocab/context.jsonld", "/vocab/ontology.ttl", "/vocab/shapes.ttl"):
        assert path in hrefs
    schemes = {href.rsplit("/", 1)[1] for href in hrefs if href.startswith("/vocab/schemes/")}
    expected = {p.stem for p in [*vocab.scheme_files(), *vocab.external_files()]}
    assert schemes == expected
