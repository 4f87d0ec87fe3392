"""What each route does, for `/openapi.json`: one `Operation` per path and method.

A route added to `hub.web.routes` without an entry here fails `tests/web/test_openapi.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

LINKED: Final = ("text/html", "application/ld+json", "text/turtle", "application/n-triples")
RDF: Final = ("application/ld+json", "text/turtle", "application/n-triples")
FEED: Final = (*RDF, "application/n-quads")
JSON: Final = ("application/json",)
WRITE_BODY: Final = ("application/json", "application/ld+json")
PATCH_BODY: Final = (*WRITE_BODY, "application/merge-patch+json")  # RFC 7396 section 4
IMPORT_BODY: Final = (
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/ld+json",
    "text/turtle",
    "application/n-triples",
)
ADMIN: Final = ("401", "403")


@dataclass(frozen=True, slots=True)
class Operation:
    """One method of one path: what it answers, in which media types, with which errors."""

    summary: str
    media: tuple[str, ...]
    parameters: tuple[str, ...] = ()
    errors: tuple[str, ...] = ("404", "406")
    status: str = "200"
    body: tuple[str, ...] = ()
    cached: bool = True
    oauth_errors: bool = False  # RFC 6749 section 5.2 errors instead of problems


def _param(name: str, where: str, description: str, **schema: Any) -> dict[str, Any]:
    required = where == "path"
    return {
        "name": name,
        "in": where,
        "required": required,
        "description": description,
        "schema": schema,
    }


PARAMETERS: Final = {
    "kind": _param(
        "kind", "path", "Entity kind", enum=["organisations", "memberships", "events", "projects"]
    ),
    "key": _param(
        "key", "path", "Entity key, optionally with .html .jsonld .ttl or .nt", type="string"
    ),
    "scheme": _param(
        "scheme", "path", "Concept scheme, optionally with .html .jsonld .ttl or .nt", type="string"
    ),
    "page": _param("page", "query", "Page number, from 1", type="integer", minimum=1),
    "per_page": _param("per_page", "query", "Page size", type="integer", minimum=1, maximum=500),
    "lang": _param("lang", "query", "Language of HTML", enum=["en", "sr-Latn", "sr-Cyrl"]),
    "format": _param(
        "format", "query", "Representation, instead of Accept", enum=["html", "jsonld", "ttl", "nt"]
    ),
    "path": _param("path", "path", "A file of the style sheet folder", type="string"),
    "client_id": _param("client_id", "path", "OAuth client identifier", type="string"),
    "mode": _param(
        "mode",
        "query",
        "merge (default) or replace the cluster's member list",
        enum=["merge", "replace"],
    ),
    "dry_run": _param("dry_run", "query", "Validate and report without writing", type="boolean"),
    "language": _param(
        "language", "query", "Language of the texts of a member list", type="string"
    ),
    "cluster": _param(
        "cluster", "query", "Key of the cluster the rows are members of", type="string"
    ),
    "feed_page": _param(
        "page", "path", "Feed page number from 0, optionally with an extension", type="string"
    ),
    "extension": _param(
        "extension",
        "path",
        "html, jsonld, ttl or nt (nq: the feed only)",
        enum=["html", "jsonld", "ttl", "nt", "nq"],
    ),
}

_COLLECTION = ("page", "per_page", "lang", "format")
_ENTITY = ("kind", "key")


def _collection_by_extension(what: str) -> dict[str, Operation]:
    summary = f"{what}, paged, in the syntax the extension names"
    return {"get": Operation(summary, LINKED, ("extension", *_COLLECTION), ("400", "404"))}


def _collection(what: str) -> dict[str, Operation]:
    return {
        "get": Operation(f"{what}, paged (a Hydra collection)", LINKED, _COLLECTION, ("400", "406"))
    }


def _write(summary: str, body: tuple[str, ...] = WRITE_BODY) -> Operation:
    errors = ("401", "404", "413", "415", "422")
    return Operation(summary, JSON, _ENTITY, errors, body=body, cached=False)


OPERATIONS: Final[dict[str, dict[str, Operation]]] = {
    "/": {
        "get": Operation("Home page; the DCAT-AP 3 catalogue", LINKED, ("lang", "format"), ("406",))
    },
    "/organisations": _collection("Organisations"),
    "/organisations.{extension}": _collection_by_extension("Organisations"),
    "/clusters": _collection("Cluster organisations"),
    "/clusters.{extension}": _collection_by_extension("Cluster organisations"),
    "/events": _collection("Events"),
    "/events.{extension}": _collection_by_extension("Events"),
    "/projects": _collection("Projects"),
    "/projects.{extension}": _collection_by_extension("Projects"),
    "/id/{kind}/{key}": {
        "get": Operation(
            "One entity", LINKED, (*_ENTITY, "page", "lang", "format"), ("400", "404", "406")
        ),
        "put": _write("Create or replace the entity"),
        "patch": _write("Change the entity with a JSON Merge Patch (RFC 7396)", PATCH_BODY),
        "delete": Operation(
            "Delete the entity and the memberships naming it",
            JSON,
            _ENTITY,
            ("401", "404"),
            cached=False,
        ),
    },
    "/id/{kind}/{key}/visibility": {
        "get": Operation(
            "The record's visibility tiers (scope admin)",
            JSON,
            _ENTITY,
            (*ADMIN, "404"),
            cached=False,
        ),
        "put": Operation(
            "Set the record's visibility tiers (scope admin)",
            JSON,
            _ENTITY,
            (*ADMIN, "404", "422"),
            body=JSON,
            cached=False,
        ),
    },
    "/import": {
        "post": Operation(
            "Import a member list, JSON-LD or Turtle, all or nothing",
            JSON,
            ("mode", "dry_run", "language", "cluster"),
            ("401", "413", "415", "422"),
            body=IMPORT_BODY,
            cached=False,
        ),
    },
    "/feed": {
        "get": Operation("The event stream (LDES) with its view and shape", FEED, errors=("406",))
    },
    "/feed.{extension}": {
        "get": Operation("The event stream in the named syntax", FEED, ("extension",))
    },
    "/feed/root": {
        "get": Operation(
            "The root node of the event stream (its tree:view): relations to every page",
            FEED,
            errors=("406", "429"),
        )
    },
    "/feed/root.{extension}": {
        "get": Operation(
            "The root node in the named syntax", FEED, ("extension",), ("404", "406", "429")
        )
    },
    "/feed/{page}": {
        "get": Operation("A page of the event stream", FEED, ("feed_page",), ("404", "406", "429"))
    },
    "/vocab": {"get": Operation("Index of the vocabulary", ("text/html",), ("lang",), ("406",))},
    "/vocab/context.jsonld": {
        "get": Operation("The JSON-LD context", ("application/ld+json",), errors=())
    },
    "/vocab/ontology.ttl": {"get": Operation("The ontology of coined terms", ("text/turtle",))},
    "/vocab/shapes.ttl": {"get": Operation("The SHACL shapes, merged", ("text/turtle",))},
    "/vocab/shapes/member": {
        "get": Operation("The shape of a feed member (tree:shape)", RDF, errors=("406",))
    },
    "/vocab/profile.ttl": {
        "get": Operation("The application profile (W3C PROF)", ("text/turtle",))
    },
    "/vocab/schemes/{scheme}": {
        "get": Operation("A concept scheme", LINKED, ("scheme", "lang", "format"))
    },
    "/openapi.json": {"get": Operation("This description", JSON, errors=())},
    "/healthz": {"get": Operation("Liveness", JSON, errors=(), cached=False)},
    "/readyz": {
        "get": Operation(
            "Readiness: database reachable, schema current", JSON, errors=(), cached=False
        )
    },
    "/static/{path}": {"get": Operation("The style sheet", ("text/css",), ("path",), ("404",))},
    "/oauth/token": {
        "post": Operation(
            "Client credentials grant (RFC 6749 section 4.4): a JWT access token (RFC 9068)",
            JSON,
            errors=("429",),
            body=("application/x-www-form-urlencoded",),
            cached=False,
            oauth_errors=True,
        ),
    },
    "/oauth/revoke": {
        "post": Operation(
            "Revoke a token (RFC 7009)",
            JSON,
            errors=("429",),
            body=("application/x-www-form-urlencoded",),
            cached=False,
            oauth_errors=True,
        ),
    },
    "/.well-known/oauth-authorization-server": {
        "get": Operation("Authorization server metadata (RFC 8414)", JSON, errors=(), cached=False),
    },
    "/.well-known/jwks.json": {
        "get": Operation(
            "The instance's signing keys (RFC 7517)",
            ("application/jwk-set+json",),
            errors=(),
            cached=False,
        ),
    },
    "/admin/clients": {
        "get": Operation("OAuth clients (scope admin)", JSON, errors=ADMIN, cached=False),
        "post": Operation(
            "Register an OAuth client; its secret is shown once (scope admin)",
            JSON,
            errors=(*ADMIN, "422"),
            status="201",
            body=JSON,
            cached=False,
        ),
    },
    "/admin/clients/{client_id}": {
        "delete": Operation(
            "Revoke an OAuth client (scope admin)",
            JSON,
            ("client_id",),
            (*ADMIN, "404"),
            cached=False,
        ),
    },
}


__all__ = ["OPERATIONS", "PARAMETERS", "Operation"]
