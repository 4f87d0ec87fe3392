"""The media types an entity write reads: JSON and JSON-LD, and JSON Merge Patch for PATCH."""

from __future__ import annotations

import pytest

from tests.support.client import AppClient

ACME = b'{"legalName": {"en": "Acme"}}'
TURTLE = b'<http://hub.test/id/organisations/acme> <http://schema.org/name> "Acme" .'
UNSUPPORTED = "https://w3id.org/clusterhub/problems/unsupported-format"


@pytest.mark.parametrize(
    "media_type", ["text/turtle", "text/plain", "application/x-www-form-urlencoded"]
)
def test_put_of_another_media_type_is_unsupported_and_writes_nothing(
    client: AppClient, media_type: str
) -> None:
    response = client.put(
        "/id/organisations/acme", content=TURTLE, headers={"content-type": media_type}
    )
    assert (response.status_code, response.headers["content-type"]) == (
        415,
        "application/problem+json",
    )
    assert response.json() == {
        "type": UNSUPPORTED,
        "title": f"cannot read '{media_type}': send one of application/json, application/ld+json",
        "status": 415,
        "errors": [],
    }
    assert client.get("/id/organisations/acme").status_code == 404


def test_patch_of_another_media_type_is_unsupported(client: AppClient) -> None:
    client.put("/id/organisations/acme", content=ACME)
    response = client.patch(
        "/id/organisations/acme",
        content=TURTLE,
        headers={"content-type": "text/turtle; charset=utf-8"},
    )
    assert response.status_code == 415
    assert response.json() == {
        "type": UNSUPPORTED,
        "title": "cannot read 'text/turtle': send one of application/json, "
        "application/ld+json, application/merge-patch+json",
        "status": 415,
        "errors": [],
    }


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"content-type": "application/json"},
        {"content-type": "application/ld+json; charset=utf-8"},
    ],
    ids=["none", "json", "jsonld"],
)
def test_put_reads_json_and_jsonld_and_a_body_without_a_media_type(
    client: AppClient, headers: dict[str, str]
) -> None:
    response = client.put("/id/organisations/acme", content=ACME, headers=headers)
    assert (response.status_code, response.json()) == (201, {"outcome": "created"})


def test_patch_reads_a_merge_patch(client: AppClient) -> None:
    client.put("/id/organisations/acme", content=ACME)
    response = client.patch(
        "/id/organisations/acme",
        content=b'{"homepage": "https://acme.rs"}',
        headers={"content-type": "application/merge-patch+json"},
    )
    assert (response.status_code, response.json()) == (200, {"outcome": "updated"})
    document = client.get("/id/organisations/acme", headers={"accept": "application/ld+json"})
    assert document.json() == {
        "@context": "https://w3id.org/clusterhub/context/0.1.jsonld",
        "id": "http://hub.test/id/organisations/acme",
        "type": ["Organization", "schema:Organization"],
        "legalName": {"en": "Acme"},
        "homepage": "https://acme.rs",
    }


def test_the_token_is_checked_before_the_media_type(public_client: AppClient) -> None:
    response = public_client.put(
        "/id/organisations/acme", content=TURTLE, headers={"content-type": "text/turtle"}
    )
    assert response.status_code == 401
