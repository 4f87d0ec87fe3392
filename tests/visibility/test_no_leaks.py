"""The attack list's last line: a `read:partner` field requested without the scope, through
every surface, never reaches a public caller (ARCHITECTURE.md section 5)."""

from __future__ import annotations

import json

import pytest
import rdflib

from tests.support.client import AppClient

BASE = "http://hub.test"
ACME = f"{BASE}/id/organisations/acme"
SECRET_MAIL = "director@acme.example"
SECRET_NAME = "Ana Horvat"
HIDDEN_RECORD = f"{BASE}/id/organisations/stealth"

# (path, headers, whether the partner view shows Acme's contact person)
SURFACES = [
    ("/id/organisations/acme", {"accept": "application/ld+json"}, True),
    ("/id/organisations/acme", {"accept": "text/turtle"}, True),
    ("/id/organisations/acme", {"accept": "application/n-triples"}, True),
    ("/id/organisations/acme", {"accept": "text/html"}, True),
    ("/id/organisations/acme.jsonld", {}, True),
    ("/id/organisations/acme.ttl", {}, True),
    ("/id/organisations/acme.nt", {}, True),
    ("/id/organisations/acme.html", {}, True),
    ("/id/organisations/acme?format=jsonld", {}, True),
    ("/id/organisations/acme?format=ttl", {}, True),
    ("/organisations", {"accept": "application/ld+json"}, True),
    ("/organisations", {"accept": "text/turtle"}, True),
    ("/organisations.nt", {}, True),
    ("/organisations", {"accept": "text/html"}, False),
    ("/organisations?format=jsonld", {}, True),
    ("/clusters", {"accept": "application/ld+json"}, False),
    ("/id/organisations/vojvodina-ict", {"accept": "text/html"}, False),
    ("/", {"accept": "text/turtle"}, False),
    ("/", {"accept": "text/html"}, False),
    ("/feed/0", {"accept": "text/turtle"}, True),
    ("/feed/0", {"accept": "application/ld+json"}, True),
    ("/feed/0", {"accept": "application/n-quads"}, True),
    ("/feed/0.nt", {}, True),
]
IDS = [f"{path} {headers.get('accept', '')}" for path, headers, _ in SURFACES]


@pytest.fixture
def node(client: AppClient) -> AppClient:
    """A cluster, a public member with a partner-tier contact person, and a partner-only member."""
    cluster = {"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT Cluster"}}
    acme = {
        "legalName": {"en": "Acme d.o.o."},
        "contactPoint": [{"name": {"sr-Latn": SECRET_NAME}, "email": SECRET_MAIL}],
        "numberOfEmployees": {"value": 137},
    }
    for key, doc in (
        ("vojvodina-ict", cluster),
        ("acme", acme),
        ("stealth", {"legalName": {"en": "Stealth"}}),
    ):
        assert client.put(f"/id/organisations/{key}", json=doc).status_code == 201
    for member in ("acme", "stealth"):
        membership = {
            "member": f"{BASE}/id/organisations/{member}",
            "organization": f"{BASE}/id/organisations/vojvodina-ict",
        }
        assert (
            client.put(f"/id/memberships/{member}-in-vojvodina-ict", json=membership).status_code
            == 201
        )
    visibility = client.put("/id/organisations/stealth/visibility", json={"record": "partner"})
    assert visibility.status_code == 200, visibility.text
    return client


@pytest.mark.parametrize(("path", "headers", "shows_contact"), SURFACES, ids=IDS)
def test_no_partner_data_reaches_a_public_caller(
    node: AppClient,
    public_client: AppClient,
    path: str,
    headers: dict[str, str],
    shows_contact: bool,
) -> None:
    partner_view = node.get(path, headers=headers)
    assert partner_view.status_code == 200, partner_view.text
    assert (SECRET_MAIL in partner_view.text) is shows_contact
    public_view = public_client.get(path, headers=headers)
    assert public_view.status_code == 200, public_view.text
    secrets = [SECRET_MAIL, SECRET_NAME, '"137"', "Stealth"]
    if not path.startswith("/feed"):
        # The public feed names the raised record once, as a bare Delete: it was public
        # before (ARCHITECTURE.md section 5: leaving a tier is a Delete there).
        secrets.append(HIDDEN_RECORD)
    for secret in secrets:
        assert secret not in public_view.text, f"{secret} leaked through {path}"


@pytest.mark.parametrize(("path", "headers", "_"), SURFACES, ids=IDS)
def test_an_etag_from_the_partner_tier_gets_no_304_and_no_partner_data(
    node: AppClient, public_client: AppClient, path: str, headers: dict[str, str], _: bool
) -> None:
    etag = node.get(path, headers=headers).headers["etag"]
    response = public_client.get(path, headers={**headers, "if-none-match": etag})
    assert response.status_code == 200
    assert SECRET_MAIL not in response.text
    assert SECRET_NAME not in response.text


def test_a_partner_only_record_is_not_found_for_the_public(
    node: AppClient, public_client: AppClient
) -> None:
    assert node.get("/id/organisations/stealth").status_code == 200
    response = public_client.get("/id/organisations/stealth")
    assert response.status_code == 404
    assert public_client.get("/id/memberships/stealth-in-vojvodina-ict").status_code == 404


def test_the_public_graph_still_has_the_public_fields(
    node: AppClient, public_client: AppClient
) -> None:
    graph = rdflib.Graph().parse(
        data=public_client.get("/id/organisations/acme.ttl").text, format="turtle"
    )
    names = set(
        graph.objects(rdflib.URIRef(ACME), rdflib.URIRef("http://www.w3.org/ns/legal#legalName"))
    )
    assert names == {rdflib.Literal("Acme d.o.o.", lang="en")}
    body = json.loads(public_client.get("/id/organisations/acme.jsonld").text)
    assert "contactPoint" not in body and "numberOfEmployees" not in body
