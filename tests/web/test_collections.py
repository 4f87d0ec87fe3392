"""Paged collections: Hydra JSON-LD, the same graph in Turtle and N-Triples, HTML tables."""

from __future__ import annotations

from typing import Any

import pytest
import rdflib
from rdflib.compare import isomorphic

from tests.support.client import AppClient
from tests.support.reading import jsonld_graph, links, parse_html, table_rows
from tests.support.samples import samples

CONTEXT = "https://w3id.org/clusterhub/context/0.1.jsonld"
BASE = "http://hub.test"
JSONLD = {"accept": "application/ld+json"}
NAMES = ["Alfa", "Bravo", "Charlie", "Delta", "Echo"]


def put_organisations(client: AppClient, names: list[str]) -> None:
    for name in names:
        response = client.put(f"/id/organisations/{name.lower()}", json={"prefLabel": {"en": name}})
        assert response.status_code == 201


def stored(client: AppClient, key: str, kind: str = "organisations") -> dict[str, Any]:
    doc: dict[str, Any] = client.get(f"/id/{kind}/{key}", headers=JSONLD).json()
    del doc["@context"]
    return doc


def test_a_page_is_a_hydra_collection_of_whole_documents(client: AppClient) -> None:
    put_organisations(client, list(reversed(NAMES)))
    response = client.get("/organisations?page=2&per_page=2", headers=JSONLD)
    assert response.headers["content-type"] == "application/ld+json"
    page = "http://hub.test/organisations?page={}&per_page=2"
    assert response.json() == {
        "@context": CONTEXT,
        "id": f"{BASE}/organisations",
        "type": "Collection",
        "totalItems": 5,
        "view": {
            "id": page.format(2),
            "type": "PartialCollectionView",
            "first": page.format(1),
            "previous": page.format(1),
            "next": page.format(3),
            "last": page.format(3),
        },
        "items": [stored(client, "charlie"), stored(client, "delta")],
    }


def test_first_and_last_pages_have_no_link_beyond_them(client: AppClient) -> None:
    put_organisations(client, NAMES)
    first = client.get("/organisations?per_page=3", headers=JSONLD).json()["view"]
    last = client.get("/organisations?per_page=3&page=2", headers=JSONLD).json()["view"]
    assert first == {
        "id": f"{BASE}/organisations?page=1&per_page=3",
        "type": "PartialCollectionView",
        "first": f"{BASE}/organisations?page=1&per_page=3",
        "next": f"{BASE}/organisations?page=2&per_page=3",
        "last": f"{BASE}/organisations?page=2&per_page=3",
    }
    assert "next" not in last and last["previous"] == f"{BASE}/organisations?page=1&per_page=3"


def test_an_empty_collection_has_one_empty_page(client: AppClient) -> None:
    body = client.get("/events", headers=JSONLD).json()
    one = f"{BASE}/events?page=1"
    assert body == {
        "@context": CONTEXT,
        "id": f"{BASE}/events",
        "type": "Collection",
        "totalItems": 0,
        "view": {"id": one, "type": "PartialCollectionView", "first": one, "last": one},
        "items": [],
    }


def test_each_collection_lists_its_own_kind(client: AppClient) -> None:
    for sample in samples():
        client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc)
    ids = {
        name: [item["id"] for item in client.get(f"/{name}", headers=JSONLD).json()["items"]]
        for name in ("organisations", "clusters", "events", "projects")
    }
    assert ids == {
        "organisations": [
            f"{BASE}/id/organisations/{key}" for key in ("acme", "bbs-ict-network", "vojvodina-ict")
        ],
        "clusters": [f"{BASE}/id/organisations/vojvodina-ict"],
        "events": [f"{BASE}/id/events/b2b-novi-sad-2025"],
        "projects": [f"{BASE}/id/projects/digital-balkans"],
    }


@pytest.mark.parametrize("name", ["organisations", "events", "projects"])
def test_turtle_and_ntriples_are_the_graph_of_the_jsonld(client: AppClient, name: str) -> None:
    for sample in samples():
        client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc)
    expected = jsonld_graph(client.get(f"/{name}", headers=JSONLD).content)
    turtle = client.get(f"/{name}", headers={"accept": "text/turtle"})
    ntriples = client.get(f"/{name}.nt")
    assert turtle.headers["content-type"] == "text/turtle; charset=utf-8"
    assert ntriples.headers["content-type"] == "application/n-triples"
    assert isomorphic(rdflib.Graph().parse(data=turtle.text, format="turtle"), expected)
    assert isomorphic(rdflib.Graph().parse(data=ntriples.text, format="nt"), expected)
    hydra = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
    total = {"organisations": 3, "events": 1, "projects": 1}[name]
    assert (rdflib.URIRef(f"{BASE}/{name}"), hydra.totalItems, rdflib.Literal(total)) in expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("page=0", "page", "page must be a whole number from 1, not '0'"),
        ("page=-1", "page", "page must be a whole number from 1, not '-1'"),
        ("page=two", "page", "page must be a whole number from 1, not 'two'"),
        ("page=", "page", "page must be a whole number from 1, not ''"),
        ("page=3", "page", "page 3 is past the last page, 1"),
        ("per_page=0", "per_page", "per_page must be a whole number from 1, not '0'"),
        ("per_page=501", "per_page", "per_page must be at most 500, not 501"),
    ],
)
def test_bad_page_numbers_are_a_400_naming_the_parameter(
    client: AppClient, query: str, field: str, message: str
) -> None:
    put_organisations(client, NAMES)
    response = client.get(f"/organisations?{query}", headers=JSONLD)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "https://w3id.org/clusterhub/problems/invalid-parameter",
        "title": "invalid query parameter",
        "status": 400,
        "detail": message,
        "errors": [{"message": message, "field": field}],
    }


def test_a_page_answers_304_until_the_collection_changes(client: AppClient) -> None:
    put_organisations(client, NAMES)
    etag = client.get("/organisations", headers=JSONLD).headers["etag"]

    def status() -> int:
        return client.get("/organisations", headers={**JSONLD, "if-none-match": etag}).status_code

    assert status() == 304
    assert (
        client.get("/organisations?format=ttl", headers={"if-none-match": etag}).status_code == 200
    )
    client.patch("/id/organisations/echo", json={"homepage": "https://echo.example/"})
    assert status() == 200
    etag = client.get("/organisations", headers=JSONLD).headers["etag"]
    client.delete("/id/organisations/alfa")
    assert status() == 200
    etag = client.get("/organisations", headers=JSONLD).headers["etag"]
    client.put("/id/events/fair", json={"name": {"en": "Fair"}, "startDate": "2026-05-01"})
    assert status() == 304  # another collection changed


def test_html_lists_names_linked_with_pagination(client: AppClient) -> None:
    put_organisations(client, NAMES)
    response = client.get("/organisations?per_page=2&page=2", headers={"accept": "text/html"})
    document = parse_html(response.text)
    assert document.find("h1").text() == "Organisations 5"
    table = document.find("table")
    assert table.find("caption").text() == "3–4 of 5"
    assert table_rows(table) == [["Charlie", "Organisation", ""], ["Delta", "Organisation", ""]]
    assert links(table.find("tbody")) == [
        ("Charlie", "/id/organisations/charlie"),
        ("Delta", "/id/organisations/delta"),
    ]
    assert links(document.find("nav", class_="pagination")) == [
        ("« First", "/organisations?per_page=2"),
        ("‹ Previous", "/organisations?per_page=2"),
        ("Next ›", "/organisations?page=3&per_page=2"),
        ("Last »", "/organisations?page=3&per_page=2"),
    ]
    alternates = [e.attrs["href"] for e in document.find_all("link", rel="alternate")]
    assert alternates == [
        f"/organisations.{ext}?page=2&per_page=2" for ext in ("jsonld", "ttl", "nt")
    ]


def test_html_of_events_and_projects_shows_dates_and_programmes(client: AppClient) -> None:
    for sample in samples():
        client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc)
    events = parse_html(client.get("/events", headers={"accept": "text/html"}).text)
    projects = parse_html(
        client.get("/projects?lang=sr-Latn", headers={"accept": "text/html"}).text
    )
    assert table_rows(events.find("table"))[0][:2] == [
        "ICT B2B Matchmaking Novi Sad 2025",
        "14 October 2025 – 15 October 2025",
    ]
    assert table_rows(projects.find("table"))[0][:2] == [
        "Digital Balkans Cluster Partnership",
        "1. januar 2024. – 31. decembar 2026.",
    ]


def test_an_extension_names_the_syntax(client: AppClient) -> None:
    types = {
        ext: client.get(f"/events.{ext}", headers={"accept": "application/ld+json"}).headers[
            "content-type"
        ]
        for ext in ("html", "jsonld", "ttl", "nt")
    }
    assert types == {
        "html": "text/html; charset=utf-8",
        "jsonld": "application/ld+json",
        "ttl": "text/turtle; charset=utf-8",
        "nt": "application/n-triples",
    }
    unknown = client.get("/events.xml")
    assert (unknown.status_code, unknown.headers["content-type"]) == (
        404,
        "application/problem+json",
    )
