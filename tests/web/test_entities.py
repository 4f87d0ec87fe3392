"""Writing and reading single entities over HTTP."""

from __future__ import annotations

import rdflib
from rdflib.compare import isomorphic
from sqlalchemy import Engine
from starlette.applications import Starlette

from tests.support.client import AppClient
from tests.support.tokens import issue_token

ACME = {"legalName": {"sr-Latn": "Acme d.o.o.", "sr-Cyrl": "Акме д.о.о."}, "vatID": "RS101134702"}
IRI = "http://hub.test/id/organisations/acme"


def test_put_creates_then_changes_nothing_on_the_same_document(client: AppClient) -> None:
    first = client.put("/id/organisations/acme", json=ACME)
    second = client.put("/id/organisations/acme", json=ACME)
    assert (first.status_code, first.json()) == (201, {"outcome": "created"})
    assert (second.status_code, second.json()) == (200, {"outcome": "unchanged"})


def test_get_serves_the_compact_jsonld_of_the_context(client: AppClient) -> None:
    client.put("/id/organisations/acme", json=ACME)
    response = client.get("/id/organisations/acme", headers={"accept": "application/ld+json"})
    assert response.headers["content-type"] == "application/ld+json"
    assert response.json() == {
        "@context": "https://w3id.org/clusterhub/context/0.1.jsonld",
        "id": IRI,
        "type": ["Organization", "schema:Organization", "LegalEntity"],
        "legalName": {"sr-Latn": "Acme d.o.o.", "sr-Cyrl": "Акме д.о.о."},
        "vatID": "RS101134702",
    }


def test_turtle_and_ntriples_are_the_same_graph(client: AppClient) -> None:
    client.put("/id/organisations/acme", json=ACME)
    turtle = rdflib.Graph().parse(
        data=client.get("/id/organisations/acme.ttl").text, format="turtle"
    )
    nt = client.get("/id/organisations/acme", headers={"accept": "application/n-triples"}).text
    assert isomorphic(turtle, rdflib.Graph().parse(data=nt, format="nt"))
    assert (
        rdflib.URIRef(IRI),
        rdflib.URIRef("http://schema.org/vatID"),
        rdflib.Literal("RS101134702"),
    ) in turtle


def test_unchanged_entity_answers_304_to_its_etag(client: AppClient) -> None:
    client.put("/id/organisations/acme", json=ACME)
    etag = client.get("/id/organisations/acme").headers["etag"]
    again = client.get("/id/organisations/acme", headers={"if-none-match": etag})
    assert again.status_code == 304
    client.patch("/id/organisations/acme", json={"homepage": "https://acme.rs"})
    assert client.get("/id/organisations/acme", headers={"if-none-match": etag}).status_code == 200


def test_invalid_document_reports_every_problem_and_writes_nothing(client: AppClient) -> None:
    bad = {
        "@context": "http://attacker.example/ctx",
        "legalName": {"en": ""},
        "vatID": "RS101134703",
    }
    response = client.put("/id/organisations/acme", json=bad)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    fields = [error["field"] for error in response.json()["errors"]]
    assert fields == ["@context", "legalName", "vatID"]
    assert client.get("/id/organisations/acme").status_code == 404


def test_writes_need_a_token_with_the_write_scope(
    public_client: AppClient, app: Starlette, engine: Engine
) -> None:
    response = public_client.put("/id/organisations/acme", json=ACME)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer realm="clusterhub"'
    reader = AppClient(
        app,
        base_url="http://hub.test",
        token=issue_token(app, engine, scopes=("read:partner",), name="partner"),
    )
    refused = reader.put("/id/organisations/acme", json=ACME)
    assert refused.status_code == 403
    assert 'error="insufficient_scope", scope="write"' in refused.headers["www-authenticate"]
    assert public_client.get("/id/organisations/acme").status_code == 404
    reader.close()


def test_delete_takes_the_memberships_that_name_the_entity(client: AppClient) -> None:
    client.put("/id/organisations/acme", json=ACME)
    client.put(
        "/id/organisations/vojvodina-ict",
        json={"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT Cluster"}},
    )
    membership = {"member": IRI, "organization": "http://hub.test/id/organisations/vojvodina-ict"}
    assert client.put("/id/memberships/acme-in-vojvodina-ict", json=membership).status_code == 201
    response = client.delete("/id/organisations/acme")
    assert response.json() == {
        "deleted": [IRI, "http://hub.test/id/memberships/acme-in-vojvodina-ict"]
    }
    assert client.get("/id/memberships/acme-in-vojvodina-ict").status_code == 404
