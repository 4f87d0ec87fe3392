"""Content negotiation over `Accept` (RFC 9110 section 12.5.1): media ranges, q=0, parameters."""

from __future__ import annotations

import pytest

from tests.support.client import AppClient

HTML = "text/html; charset=utf-8"
JSONLD = "application/ld+json"
TURTLE = "text/turtle; charset=utf-8"
NTRIPLES = "application/n-triples"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def acme(client: AppClient) -> AppClient:
    response = client.put("/id/organisations/acme", json={"legalName": {"en": "Acme"}})
    assert response.status_code == 201, response.text
    return client


def content_type(client: AppClient, path: str, accept: str) -> tuple[int, str]:
    response = client.get(path, headers={"accept": accept})
    return response.status_code, response.headers["content-type"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/*", HTML),
        ("text/*, text/html;q=0", TURTLE),
        ("text/html;q=0.4, text/*;q=0.5", TURTLE),
        ("application/*", JSONLD),
        ("application/ld+json;q=0, */*;q=0.5", HTML),
        ("application/ld+json;q=0, application/*", NTRIPLES),
        ("text/turtle, */*", TURTLE),
        ("text/html;q=0, */*", JSONLD),
        ('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', JSONLD),
        ("text/turtle;charset=utf-8;q=0.9, application/ld+json;q=0.5", TURTLE),
        ("Text/Turtle", TURTLE),
        ("application/json", JSONLD),
        ("application/xhtml+xml", HTML),
        ("*/*", JSONLD),
        ("", JSONLD),
        (BROWSER, HTML),
    ],
)
def test_entity_is_the_best_offered_format_for_the_ranges(
    acme: AppClient, accept: str, expected: str
) -> None:
    assert content_type(acme, "/id/organisations/acme", accept) == (200, expected)


@pytest.mark.parametrize(
    "accept",
    ["*/*;q=0", "text/*;q=0, application/*;q=0", "application/ld+json;q=0", "image/*"],
)
def test_entity_refused_in_every_offered_format_is_not_acceptable(
    acme: AppClient, accept: str
) -> None:
    response = acme.get("/id/organisations/acme", headers={"accept": accept})
    assert (response.status_code, response.headers["content-type"]) == (
        406,
        "application/problem+json",
    )
    assert response.json() == {
        "type": "about:blank",
        "title": "not acceptable",
        "status": 406,
        "detail": "this resource is available as text/html, application/ld+json, "
        "text/turtle, application/n-triples",
        "errors": [],
    }


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/*", JSONLD),
        ("text/*", HTML),
        ("text/*, text/html;q=0", TURTLE),
        ("*/*", HTML),
        (BROWSER, HTML),
    ],
)
def test_home_is_the_best_offered_format_for_the_ranges(
    client: AppClient, accept: str, expected: str
) -> None:
    assert content_type(client, "/", accept) == (200, expected)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("text/*", TURTLE), ("application/*", JSONLD), ("application/*, text/turtle;q=0.5", JSONLD)],
)
def test_scheme_prefers_turtle_among_equals(client: AppClient, accept: str, expected: str) -> None:
    assert content_type(client, "/vocab/schemes/membership-role", accept) == (200, expected)
