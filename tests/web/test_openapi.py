"""`/openapi.json`: an OpenAPI 3.1 document that describes every route."""

from __future__ import annotations

import json
from typing import Any

from starlette.routing import Mount, Route

from hub.web.routes import routes
from tests.support.client import AppClient


def served(client: AppClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document: dict[str, Any] = json.loads(response.content)
    return document


def routed() -> set[tuple[str, str]]:
    """(path, method) of every route; a mount (static files: GET and HEAD) is documented as
    `{prefix}/{path}`."""
    found = set()
    for route in routes():
        if isinstance(route, Route):
            found.update((route.path, method.lower()) for method in route.methods or ())
        elif isinstance(route, Mount):
            found.update((f"{route.path}/{{path}}", method) for method in ("get", "head"))
        else:
            raise AssertionError(f"a route of an undocumented type: {route!r}")
    return found


def test_every_route_is_documented(client: AppClient) -> None:
    paths = served(client)["paths"]
    documented = {(path, method) for path, operations in paths.items() for method in operations}
    assert sorted(routed() - documented) == []
    assert sorted(documented - routed()) == []  # nor does it describe routes that do not exist


def test_document_is_openapi_3_1_with_its_references_resolved(client: AppClient) -> None:
    document = served(client)
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://hub.test"}]
    assert set(document["info"]) >= {"title", "version"}

    def references(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["$ref"]] if "$ref" in node else []
            return own + [ref for value in node.values() for ref in references(value)]
        if isinstance(node, list):
            return [ref for value in node for ref in references(value)]
        return []

    for reference in references(document):
        target: Any = document
        for part in reference.removeprefix("#/").split("/"):
            target = target[part]
        assert isinstance(target, dict), reference


def test_every_operation_has_responses_and_errors_are_problems(client: AppClient) -> None:
    document = served(client)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"], (path, method)
            assert any(code.startswith("2") for code in operation["responses"]), (path, method)
            for name in [p["$ref"].rsplit("/", 1)[1] for p in operation["parameters"]]:
                parameter = document["components"]["parameters"][name]
                assert parameter["in"] != "path" or "{" + parameter["name"] + "}" in path, (
                    path,
                    name,
                )
    problem = document["components"]["responses"]["Problem"]["content"]
    assert problem["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert document["components"]["schemas"]["Problem"]["required"] == [
        "type",
        "title",
        "status",
        "errors",
    ]


def test_openapi_answers_304_to_its_etag(client: AppClient) -> None:
    etag = client.get("/openapi.json").headers["etag"]
    assert client.get("/openapi.json", headers={"if-none-match": etag}).status_code == 304


def test_writes_document_the_media_types_they_read_and_415(client: AppClient) -> None:
    entity = served(client)["paths"]["/id/{kind}/{key}"]
    for method, types in (
        ("put", ["application/json", "application/ld+json"]),
        ("patch", ["application/json", "application/ld+json", "application/merge-patch+json"]),
    ):
        assert list(entity[method]["requestBody"]["content"]) == types
        assert "415" in entity[method]["responses"]
