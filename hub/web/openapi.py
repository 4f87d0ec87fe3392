"""`/openapi.json`: the OpenAPI 3.1 description of every route.

Written by hand, route by route (`hub.web.openapi_paths`): a test compares it with
`hub.web.routes.routes()`, so a route nobody documented fails the build (as datasette does
for its settings and views).
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import Response

from hub.web.context import app_state
from hub.web.negotiation import JSON
from hub.web.openapi_paths import OPERATIONS, PARAMETERS, Operation
from hub.web.responses import conditional_response

STATUS_TEXT: Final = {
    "400": "A query parameter has a value the resource cannot use",
    "401": "No valid credentials for this",
    "403": "The token lacks the scope this needs",
    "404": "No such resource",
    "406": "None of the accepted media types is available",
    "413": "The body is over the size limit",
    "415": "The body's media type is not one the resource reads",
    "422": "The input breaks the data model; `errors` lists every problem",
    "429": "Too many requests: wait for `Retry-After` seconds",
}

PROBLEM_SCHEMA: Final = {
    "type": "object",
    "description": "RFC 9457 problem details, with every problem listed in `errors`",
    "required": ["type", "title", "status", "errors"],
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "total": {"type": "integer", "description": "All problems, when `errors` is cut short"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["message"],
                "properties": {
                    "message": {"type": "string"},
                    "field": {"type": "string"},
                    "row": {"type": "integer"},
                    "line": {"type": "integer"},
                    "entity": {"type": "string"},
                },
            },
        },
    },
}

OAUTH_ERROR_SCHEMA: Final = {
    "type": "object",
    "description": "An OAuth 2.0 error response (RFC 6749 section 5.2)",
    "required": ["error"],
    "properties": {"error": {"type": "string"}, "error_description": {"type": "string"}},
}


def _reference(kind: str, name: str, description: str | None = None) -> dict[str, Any]:
    reference = {"$ref": f"#/components/{kind}/{name}"}
    return reference | {"description": description} if description else reference


def _operation(operation: Operation) -> dict[str, Any]:
    responses: dict[str, Any] = {
        operation.status: {
            "description": operation.summary,
            "content": {media: {} for media in operation.media},
        }
    }
    if operation.cached:
        responses["304"] = {"description": "Not modified: the client's ETag is current"}
    for code in operation.errors:
        responses[code] = _reference("responses", "Problem", STATUS_TEXT[code])
    if operation.oauth_errors:
        responses["400"] = _reference("responses", "OAuthError", "invalid_request, ...")
        responses["401"] = _reference("responses", "OAuthError", "invalid_client")
    document: dict[str, Any] = {
        "summary": operation.summary,
        "parameters": [_reference("parameters", name) for name in operation.parameters],
        "responses": responses,
    }
    if operation.body:
        content: dict[str, Any] = {media: {} for media in operation.body}
        document["requestBody"] = {"required": True, "content": content}
    return document


def _paths() -> dict[str, dict[str, Any]]:
    paths: dict[str, dict[str, Any]] = {}
    for path, operations in OPERATIONS.items():
        described = {method: _operation(operation) for method, operation in operations.items()}
        if "get" in described:  # Starlette answers HEAD wherever it answers GET
            described["head"] = {**described["get"], "summary": "The headers of GET"}
        paths[path] = described
    return paths


def _media(schema: str, media_type: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {media_type: {"schema": _reference("schemas", schema)}},
    }


def openapi_document(base_url: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document of an instance served at `base_url`."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "clusterhub",
            "version": "0.1.0",
            "summary": "Cluster members, memberships and activities as linked data",
            "description": "Every read surface answers in HTML, JSON-LD, Turtle and N-Triples "
            "by Accept; errors are application/problem+json (RFC 9457).",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": base_url}],
        "paths": _paths(),
        "components": {
            "parameters": PARAMETERS,
            "schemas": {"Problem": PROBLEM_SCHEMA, "OAuthError": OAUTH_ERROR_SCHEMA},
            "responses": {
                "Problem": _media("Problem", "application/problem+json", "An error"),
                "OAuthError": _media("OAuthError", "application/json", "An OAuth error"),
            },
        },
    }


@cache
def _encoded(base_url: str) -> tuple[bytes, str]:
    body = orjson.dumps(openapi_document(base_url))
    return body, '"o-' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


async def openapi(request: Request) -> Response:
    """This instance's OpenAPI 3.1 description."""
    body, etag = _encoded(app_state(request).settings.base_url)
    return conditional_response(request, etag, lambda: body, JSON)


__all__ = ["openapi", "openapi_document"]
