"""`/`: the home page for people, the DCAT-AP 3 catalogue for machines."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from sqlalchemy import Engine

from hub.app import create_app
from hub.settings import Settings
from tests.support.client import AppClient
from tests.support.reading import definitions, jsonld_graph, links, parse_html
from tests.support.samples import samples
from tests.support.tokens import operator_client

BASE = "http://hub.test"
PROFILE = rdflib.URIRef("https://w3id.org/clusterhub/profile/0.1")
IANA = "https://www.iana.org/assignments/media-types/"
CLUSTER = rdflib.URIRef(f"{BASE}/id/organisations/vojvodina-ict")
COLLECTIONS = ("organisations", "clusters", "events", "projects")


@pytest.fixture
def seeded(client: AppClient) -> AppClient:
    for sample in samples():
        assert client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc).status_code == 201
    return client


def catalogue(client: AppClient) -> rdflib.Graph:
    response = client.get("/", headers={"accept": "application/ld+json"})
    assert response.headers["content-type"] == "application/ld+json"
    return jsonld_graph(response.content)


def test_jsonld_turtle_and_ntriples_are_one_graph(seeded: AppClient) -> None:
    expected = catalogue(seeded)
    turtle = seeded.get("/", headers={"accept": "text/turtle"})
    assert turtle.headers["content-type"] == "text/turtle; charset=utf-8"
    assert isomorphic(rdflib.Graph().parse(data=turtle.text, format="turtle"), expected)
    ntriples = seeded.get("/?format=nt").text
    assert isomorphic(rdflib.Graph().parse(data=ntriples, format="nt"), expected)


def test_catalogue_has_the_mandatory_dcat_ap_properties(seeded: AppClient) -> None:
    graph = catalogue(seeded)
    node = rdflib.URIRef(f"{BASE}/#catalogue")
    assert set(graph.subjects(RDF.type, DCAT.Catalog)) == {node}
    assert graph.value(node, DCTERMS.title) == rdflib.Literal("clusterhub node", lang="en")
    assert graph.value(node, DCTERMS.description) is not None
    assert graph.value(node, DCTERMS.publisher) == CLUSTER
    assert (CLUSTER, RDF.type, FOAF.Agent) in graph
    assert (
        graph.value(CLUSTER, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
        is not None
    )
    assert graph.value(node, DCTERMS.conformsTo) == PROFILE
    assert graph.value(node, FOAF.homepage) == rdflib.URIRef(f"{BASE}/")
    assert graph.value(node, DCTERMS.license) is not None
    assert set(graph.objects(node, DCTERMS.language)) == {
        rdflib.URIRef("http://publications.europa.eu/resource/authority/language/ENG"),
        rdflib.URIRef("http://publications.europa.eu/resource/authority/language/SRP"),
    }
    datasets = {rdflib.URIRef(f"{BASE}/#dataset-{name}") for name in COLLECTIONS}
    assert (
        set(graph.objects(node, DCAT.dataset))
        == datasets
        == set(graph.subjects(RDF.type, DCAT.Dataset))
    )


def test_every_dataset_has_titles_profile_and_distributions(seeded: AppClient) -> None:
    graph = catalogue(seeded)
    for name in COLLECTIONS:
        dataset = rdflib.URIRef(f"{BASE}/#dataset-{name}")
        assert {title.language for title in graph.objects(dataset, DCTERMS.title)} == {
            "en",
            "sr-Latn",
            "sr-Cyrl",
        }
        assert graph.value(dataset, DCTERMS.description) is not None
        assert graph.value(dataset, DCTERMS.conformsTo) == PROFILE
        assert graph.value(dataset, DCAT.landingPage) == rdflib.URIRef(f"{BASE}/{name}")
        distributions = {
            (
                str(graph.value(d, DCAT.accessURL)),
                str(graph.value(d, DCAT.downloadURL)),
                str(graph.value(d, DCAT.mediaType)),
            )
            for d in graph.objects(dataset, DCAT.distribution)
        }
        assert distributions == {
            (f"{BASE}/{name}", f"{BASE}/{name}.{fmt}", IANA + media)
            for fmt, media in (
                ("jsonld", "application/ld+json"),
                ("ttl", "text/turtle"),
                ("nt", "application/n-triples"),
                ("html", "text/html"),
            )
        }


def test_the_read_api_is_a_data_service_serving_every_dataset(seeded: AppClient) -> None:
    graph = catalogue(seeded)
    service = rdflib.URIRef(f"{BASE}/#api")
    assert set(graph.subjects(RDF.type, DCAT.DataService)) == {service}
    assert graph.value(rdflib.URIRef(f"{BASE}/#catalogue"), DCAT.service) == service
    assert graph.value(service, DCAT.endpointURL) == rdflib.URIRef(f"{BASE}/")
    assert graph.value(service, DCTERMS.title) is not None
    assert set(graph.objects(service, DCAT.servesDataset)) == set(
        graph.subjects(RDF.type, DCAT.Dataset)
    )


def test_catalogue_has_no_blank_nodes(seeded: AppClient) -> None:
    graph = catalogue(seeded)
    assert [term for triple in graph for term in triple if isinstance(term, rdflib.BNode)] == []


def test_without_a_cluster_key_the_only_cluster_publishes(
    settings: Settings, engine: Engine
) -> None:
    keyless = Settings(base_url=BASE, database_url=settings.database_url)
    client = operator_client(create_app(keyless, engine), engine, BASE)
    try:
        for sample in samples():
            client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc)
        assert (
            catalogue(client).value(rdflib.URIRef(f"{BASE}/#catalogue"), DCTERMS.publisher)
            == CLUSTER
        )
        client.put(
            "/id/organisations/second",
            json={"type": ["ClusterOrganisation"], "prefLabel": {"en": "Second"}},
        )
        publisher = catalogue(client).value(rdflib.URIRef(f"{BASE}/#catalogue"), DCTERMS.publisher)
        assert publisher == rdflib.URIRef(f"{BASE}/#publisher")  # two clusters: the node itself
    finally:
        client.close()


def test_catalogue_answers_304_until_the_data_changes(seeded: AppClient) -> None:
    etag = seeded.get("/", headers={"accept": "text/turtle"}).headers["etag"]

    def status() -> int:
        return seeded.get("/", headers={"accept": "text/turtle", "if-none-match": etag}).status_code

    assert status() == 304
    seeded.put("/id/events/fair", json={"name": {"en": "Fair"}, "startDate": "2026-05-01"})
    assert status() == 200


def test_home_page_shows_the_cluster_counts_and_collections(seeded: AppClient) -> None:
    response = seeded.get("/", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    document = parse_html(response.text)
    summary = document.section("cluster-profile")
    assert links(summary.find("h2")) == [
        ("Vojvodina ICT Cluster", "/id/organisations/vojvodina-ict")
    ]
    assert definitions(summary.find("dl"))["Members"] == ["1"]
    tiles = document.section("browse").find("ul")
    assert links(tiles) == [
        ("3 Organisations", "/organisations"),
        ("1 Clusters", "/clusters"),
        ("1 Events", "/events"),
        ("1 Projects", "/projects"),
    ]
    embedded = document.find("script", type="application/ld+json").text()
    assert isomorphic(jsonld_graph(embedded), catalogue(seeded))


def test_home_page_is_the_default_and_speaks_the_readers_language(client: AppClient) -> None:
    response = client.get("/", headers={"accept": "*/*", "accept-language": "sr-Cyrl"})
    document = parse_html(response.text)
    assert document.find("html").attrs["lang"] == "sr-Cyrl"
    assert document.section("browse").find("h2").text() == "Прегледајте"
    assert document.find_all(aria_labelledby="cluster-profile") == []  # no cluster stored yet


def test_home_offers_only_its_representations(client: AppClient) -> None:
    response = client.get("/", headers={"accept": "application/pdf"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
