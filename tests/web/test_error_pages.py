"""Errors on a page a browser asked for are HTML pages; API clients get problem+json."""

from __future__ import annotations

import pytest

from tests.support.client import AppClient
from tests.support.reading import links, parse_html

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
NOT_FOUND = {
    "type": "https://w3id.org/clusterhub/problems/not-found",
    "title": "there is no organisation 'nope'",
    "status": 404,
    "errors": [],
}


def test_a_browser_following_a_dead_link_gets_an_html_page(client: AppClient) -> None:
    response = client.get("/id/organisations/nope", headers={"accept": BROWSER})
    assert (response.status_code, response.headers["content-type"]) == (
        404,
        "text/html; charset=utf-8",
    )
    assert response.headers["vary"] == "Accept, Accept-Language, Authorization"
    document = parse_html(response.text)
    assert document.find("title").text() == "there is no organisation 'nope' · clusterhub node"
    header = document.find("header", class_="page-header")
    assert [element.text() for element in header.find_all("p")] == ["HTTP 404"]
    assert header.find("h1").text() == "there is no organisation 'nope'"
    assert links(document.find("main")) == [("Home", "/")]
    assert document.find_all("script") == []


def test_the_error_page_speaks_the_readers_language_and_keeps_it(client: AppClient) -> None:
    response = client.get("/id/organisations/nope.html?lang=sr-Cyrl")
    assert response.status_code == 404
    document = parse_html(response.text)
    assert document.find("html").attrs["lang"] == "sr-Cyrl"
    assert links(document.find("main")) == [("Почетна", "/?lang=sr-Cyrl")]


def test_head_of_a_dead_link_is_an_html_404(client: AppClient) -> None:
    response = client.head("/id/organisations/nope", headers={"accept": BROWSER})
    assert (response.status_code, response.headers["content-type"]) == (
        404,
        "text/html; charset=utf-8",
    )


@pytest.mark.parametrize("accept", ["application/json", "application/ld+json", "*/*", ""])
def test_api_clients_get_the_problem_as_json(client: AppClient, accept: str) -> None:
    response = client.get("/id/organisations/nope", headers={"accept": accept})
    assert (response.status_code, response.headers["content-type"]) == (
        404,
        "application/problem+json",
    )
    assert response.json() == NOT_FOUND


def test_a_client_asking_only_for_problems_is_told_what_the_entity_offers(
    client: AppClient,
) -> None:
    response = client.get("/id/organisations/nope", headers={"accept": "application/problem+json"})
    assert (response.status_code, response.headers["content-type"]) == (
        406,
        "application/problem+json",
    )


def test_writes_from_a_browser_get_the_problem_as_json(client: AppClient) -> None:
    response = client.put(
        "/id/organisations/acme",
        content=b"x",
        headers={"accept": BROWSER, "content-type": "text/plain"},
    )
    assert (response.status_code, response.headers["content-type"]) == (
        415,
        "application/problem+json",
    )
