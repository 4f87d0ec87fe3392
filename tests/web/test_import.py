"""`POST /import`: the four formats, merge and replace, dry runs, and re-imports."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, text

import vocab
from hub.linked_data.render import turtle_documents
from schemas import entity_model
from tests.support import members
from tests.support.client import AppClient

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSONLD = "application/ld+json"
TURTLE = "text/turtle"
TEMPLATES = vocab.VOCAB_DIR / "templates"
BASE = "http://hub.test"
CLUSTER = {"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT Cluster"}}


def post(client: AppClient, body: bytes, media_type: str, **params: str) -> httpx.Response:
    return client.post("/import", content=body, headers={"content-type": media_type}, params=params)


def report(
    created: int = 0,
    updated: int = 0,
    unchanged: int = 0,
    deleted: int = 0,
    *,
    entities: int,
    mode: str = "merge",
    dry_run: bool = False,
) -> dict[str, Any]:
    return {
        "dryRun": dry_run,
        "mode": mode,
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "deleted": deleted,
        "entities": entities,
    }


def store(engine: Engine) -> list[tuple[Any, ...]]:
    """Everything an import could change: stored entities, with their versions and their
    places in the feed. (What an import stages lives in a temporary table of its own
    connection, gone with its transaction.)"""
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT kind, key, hash, updated_at, seq FROM entities ORDER BY kind, key")
        ).all()
    return [tuple(row) for row in stored]


def member_csv(count: int, seed: int = 7) -> bytes:
    out = io.StringIO()
    members.write_csv(out, count, seed)
    return out.getvalue().encode()


def member_jsonld(count: int, seed: int = 7, extra: list[dict[str, Any]] | None = None) -> bytes:
    graph = [
        doc
        for m in members.generate(count, seed)
        for doc in members.documents(m, BASE, "vojvodina-ict")
    ]
    return json.dumps({"@context": vocab.CONTEXT_URL, "@graph": [*(extra or []), *graph]}).encode()


@pytest.fixture
def cluster(client: AppClient) -> None:
    assert client.put("/id/organisations/vojvodina-ict", json=CLUSTER).status_code == 201


@pytest.mark.usefixtures("cluster")
def test_csv_example_creates_each_member_and_its_membership(client: AppClient) -> None:
    response = post(client, (TEMPLATES / "members-example.csv").read_bytes(), CSV)
    assert (response.status_code, response.json()) == (200, report(20, entities=20))
    membership = client.get("/id/memberships/bitlab-in-vojvodina-ict.jsonld").json()
    assert membership == {
        "@context": vocab.CONTEXT_URL,
        "id": f"{BASE}/id/memberships/bitlab-in-vojvodina-ict",
        "type": ["Membership", "OrganizationRole"],
        "member": f"{BASE}/id/organisations/bitlab",
        "organization": f"{BASE}/id/organisations/vojvodina-ict",
        "role": "mrole:founding-member",
        "startDate": "2012-03-01",
    }
    me = f"{BASE}/id/organisations/sirmium-code"
    assert client.get("/id/organisations/sirmium-code.jsonld").json() == {
        "@context": vocab.CONTEXT_URL,
        "id": me,
        "type": ["Organization", "schema:Organization", "LegalEntity"],
        "legalName": {"sr-Latn": "Sirmium Kod d.o.o.", "sr-Cyrl": "Сирмијум Код д.о.о."},
        "prefLabel": {"sr-Latn": "Sirmium Kod"},
        "foundingYear": "2016",
        "homepage": "https://sirmium.example.rs",
        "classification": ["orgtype:micro-enterprise"],
        "numberOfEmployees": {"id": f"{me}#employees", "type": "QuantitativeValue", "value": 7},
        "companyActivity": ["nace2:6201"],
        "sectoralIndustry": ["sector:information-technology-and-analytical-instruments"],
        "emergingIndustry": ["emerging:digital-industries"],
        "industrialEcosystem": ["ecosystem:digital"],
        "technologyField": ["techfield:gaming"],
        "knowsLanguage": ["lang:SRP"],
        "vatID": "RS109445214",
        "address": {
            "id": f"{me}#address",
            "type": "Address",
            "thoroughfare": "Trg Svetog Stefana 2",
            "postCode": "22000",
            "postName": "Sremska Mitrovica",
            "countryCode": "country:SRB",
            "nutsCode": "nuts:RS12",
        },
        "makesOffer": [
            {
                "id": f"{me}#offer-1",
                "type": "Offer",
                "itemOffered": {
                    "id": f"{me}#offer-1-service",
                    "type": "Service",
                    "name": {"sr-Latn": "Razvoj igara", "en": "Game development"},
                },
            }
        ],
    }


@pytest.mark.usefixtures("cluster")
def test_xlsx_example_stores_what_the_csv_example_stores(client: AppClient) -> None:
    first = post(client, (TEMPLATES / "members-example.xlsx").read_bytes(), XLSX)
    second = post(client, (TEMPLATES / "members-example.csv").read_bytes(), CSV)
    assert first.json() == report(20, entities=20)
    assert second.json() == report(unchanged=20, entities=20)


@pytest.mark.usefixtures("cluster")
def test_reimporting_the_same_file_changes_nothing(client: AppClient, engine: Engine) -> None:
    body = member_csv(30)
    assert post(client, body, CSV).json() == report(60, entities=60)
    before = store(engine)
    assert post(client, body, CSV).json() == report(unchanged=60, entities=60)
    assert store(engine) == before


@pytest.mark.usefixtures("cluster")
def test_csv_jsonld_and_turtle_of_the_same_members_store_the_same_documents(
    client: AppClient,
) -> None:
    assert post(client, member_jsonld(12), JSONLD).json() == report(24, entities=24)
    assert post(client, member_csv(12), CSV).json() == report(unchanged=24, entities=24)
    graph = json.loads(member_jsonld(12))["@graph"]
    models = [entity_model(doc["id"].split("/")[-2]).model_validate(doc) for doc in graph]
    turtle = turtle_documents(model.to_jsonld() for model in models).encode()
    assert post(client, turtle, TURTLE).json() == report(unchanged=24, entities=24)


@pytest.mark.usefixtures("cluster")
def test_jsonld_single_node_and_plain_json_media_type(client: AppClient) -> None:
    node = {
        "@context": vocab.CONTEXT_URL,
        "id": f"{BASE}/id/organisations/acme",
        "type": "Organization",
        "legalName": {"en": "Acme"},
    }
    response = post(client, json.dumps(node).encode(), "application/json; charset=utf-8")
    assert response.json() == report(1, entities=1)
    assert client.get("/id/organisations/acme.jsonld").json() == {
        "@context": vocab.CONTEXT_URL,
        "id": f"{BASE}/id/organisations/acme",
        "type": ["Organization", "schema:Organization"],
        "legalName": {"en": "Acme"},
    }


def test_jsonld_with_an_inline_context_is_read_through_rdflib(client: AppClient) -> None:
    document = {
        "@context": {
            "org": "http://www.w3.org/ns/org#",
            "legal": "http://www.w3.org/ns/legal#",
            "name": {"@id": "legal:legalName", "@container": "@language"},
        },
        "@graph": [
            {
                "@id": "id/organisations/acme",
                "@type": "org:Organization",
                "name": {"en": "Acme", "sr-Latn": "Akme"},
            }
        ],
    }
    response = post(client, json.dumps(document).encode(), JSONLD)
    assert response.json() == report(1, entities=1)
    assert client.get("/id/organisations/acme.jsonld").json() == {
        "@context": vocab.CONTEXT_URL,
        "id": f"{BASE}/id/organisations/acme",
        "type": ["Organization", "schema:Organization"],
        "legalName": {"en": "Acme", "sr-Latn": "Akme"},
    }


def test_turtle_resolves_relative_iris_against_the_node(client: AppClient) -> None:
    turtle = (
        b"@prefix org: <http://www.w3.org/ns/org#> .\n"
        b"@prefix legal: <http://www.w3.org/ns/legal#> .\n"
        b'<id/organisations/acme> a org:Organization ; legal:legalName "Acme"@en .\n'
    )
    assert post(client, turtle, TURTLE).json() == report(1, entities=1)
    assert (
        client.get("/id/organisations/acme.jsonld").json()["id"] == f"{BASE}/id/organisations/acme"
    )


def test_ntriples_is_read_and_what_it_serves_imports_back_unchanged(client: AppClient) -> None:
    acme = f"<{BASE}/id/organisations/acme>"
    ntriples = (
        f"{acme} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        " <http://www.w3.org/ns/org#Organization> .\n"
        f'{acme} <http://www.w3.org/ns/legal#legalName> "Acme"@en .\n'
    ).encode()
    assert post(client, ntriples, "application/n-triples").json() == report(1, entities=1)
    served = client.get("/id/organisations/acme.nt").content
    assert post(client, served, "application/n-triples").json() == report(unchanged=1, entities=1)


@pytest.mark.usefixtures("cluster")
def test_merge_keeps_what_the_file_lacks_and_replace_deletes_it(client: AppClient) -> None:
    post(client, member_csv(5), CSV)
    rows = member_csv(5).decode().splitlines()
    changed = rows[1].replace("Razvoj", "Izrada", 1)
    smaller = "\n".join([rows[0], changed, rows[2]]).encode()
    assert post(client, smaller, CSV).json() == report(updated=1, unchanged=3, entities=4)
    replaced = post(client, smaller, CSV, mode="replace")
    assert replaced.json() == report(unchanged=4, deleted=6, entities=4, mode="replace")
    kept, gone = rows[2].split(",")[0], rows[3].split(",")[0]
    assert client.get(f"/id/organisations/{kept}").status_code == 200
    assert client.get(f"/id/organisations/{gone}").status_code == 404
    assert client.get(f"/id/memberships/{gone}-in-vojvodina-ict").status_code == 404
    assert client.get("/id/organisations/vojvodina-ict").status_code == 200


def test_replace_of_jsonld_deletes_every_own_record_the_file_lacks(
    client: AppClient, engine: Engine
) -> None:
    cluster = {"id": f"{BASE}/id/organisations/vojvodina-ict", **CLUSTER}
    post(client, member_jsonld(4, extra=[cluster]), JSONLD)
    response = post(client, member_jsonld(1, extra=[cluster]), JSONLD, mode="replace")
    assert response.json() == report(unchanged=3, deleted=6, entities=3, mode="replace")
    first = next(members.generate(1)).key
    assert [entry[:2] for entry in store(engine)] == [
        ("memberships", f"{first}-in-vojvodina-ict"),
        ("organisations", first),
        ("organisations", "vojvodina-ict"),
    ]


@pytest.mark.usefixtures("cluster")
def test_dry_run_reports_the_same_counts_and_writes_nothing(
    client: AppClient, engine: Engine
) -> None:
    before = store(engine)
    dry = post(client, member_csv(8), CSV, dry_run="true")
    assert dry.json() == report(16, entities=16, dry_run=True)
    assert store(engine) == before
    assert post(client, member_csv(8), CSV).json() == report(16, entities=16)


@pytest.mark.usefixtures("cluster")
def test_cluster_can_be_named_in_the_query(client: AppClient) -> None:
    client.put(
        "/id/organisations/cluj-it",
        json={"type": ["ClusterOrganisation"], "prefLabel": {"en": "Cluj IT"}},
    )
    assert post(client, member_csv(2), CSV, cluster="cluj-it").json() == report(4, entities=4)
    key = next(members.generate(1)).key
    assert client.get(f"/id/memberships/{key}-in-cluj-it").status_code == 200


def test_a_member_list_needs_a_stored_cluster(client: AppClient, engine: Engine) -> None:
    before = store(engine)
    response = post(client, member_csv(2), CSV)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "message": "the cluster organisation 'vojvodina-ict' is not stored in this node:"
            " create it"
            " first (PUT /id/organisations/vojvodina-ict), then import its members",
            "field": "cluster",
        }
    ]
    assert store(engine) == before


def test_language_less_columns_take_the_language_option(client: AppClient, tmp_path: Path) -> None:
    client.put("/id/organisations/vojvodina-ict", json=CLUSTER)
    body = b"key,name,description\nacme,Acme,Software\n"
    assert post(client, body, CSV, language="en").json() == report(2, entities=2)
    doc = client.get("/id/organisations/acme.jsonld").json()
    assert (doc["prefLabel"], doc["description"]) == ({"en": "Acme"}, {"en": "Software"})


def test_imports_need_a_token_with_the_write_scope(
    public_client: AppClient, engine: Engine
) -> None:
    before = store(engine)
    response = post(public_client, member_csv(1), CSV)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer realm="clusterhub"'
    assert store(engine) == before


def test_jsonld_context_may_follow_the_graph_or_extend_ours(client: AppClient) -> None:
    node = {
        "id": f"{BASE}/id/organisations/acme",
        "type": "Organization",
        "legalName": {"en": "Acme"},
    }
    last = (
        b'{"@graph": ['
        + json.dumps(node).encode()
        + b'], "@context": "'
        + vocab.CONTEXT_URL.encode()
        + b'"}'
    )
    assert post(client, last, JSONLD).json() == report(1, entities=1)
    extended = {
        "@context": [
            vocab.CONTEXT_URL,
            {"nick": {"@id": "skos:altLabel", "@container": "@language"}},
        ],
        "@graph": [{**node, "nick": {"en": "ACME"}}],
    }
    assert post(client, json.dumps(extended).encode(), JSONLD).json() == report(
        updated=1, entities=1
    )
    assert client.get("/id/organisations/acme.jsonld").json() == {
        "@context": vocab.CONTEXT_URL,
        "id": f"{BASE}/id/organisations/acme",
        "type": ["Organization", "schema:Organization"],
        "legalName": {"en": "Acme"},
        "altLabel": {"en": ["ACME"]},
    }
