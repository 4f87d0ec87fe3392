"""The route table (ARCHITECTURE.md section 10)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from hub.web import (
    catalogue,
    clients,
    entities,
    feed,
    imports,
    oauth,
    openapi,
    operations,
    visibility,
    vocabulary,
)
from hub.web.collections import collection_routes

STATIC_DIR = __import__("pathlib").Path(__file__).resolve().parent / "static"


def routes() -> list[BaseRoute]:
    return [
        Route("/healthz", operations.healthz, methods=["GET"]),
        Route("/oauth/token", oauth.token, methods=["POST"]),
        Route("/oauth/revoke", oauth.revoke, methods=["POST"]),
        Route("/.well-known/oauth-authorization-server", oauth.metadata, methods=["GET"]),
        Route("/.well-known/jwks.json", oauth.jwks, methods=["GET"]),
        Route("/admin/clients", clients.list_clients, methods=["GET"]),
        Route("/admin/clients", clients.add_client, methods=["POST"]),
        Route("/admin/clients/{client_id}", clients.revoke_client, methods=["DELETE"]),
        Route("/readyz", operations.readyz, methods=["GET"]),
        Route("/id/{kind}/{key}", entities.get_entity, methods=["GET", "HEAD"]),
        Route("/id/{kind}/{key}", entities.put_entity, methods=["PUT"]),
        Route("/id/{kind}/{key}", entities.patch_entity, methods=["PATCH"]),
        Route("/id/{kind}/{key}", entities.delete_entity, methods=["DELETE"]),
        Route("/import", imports.import_records, methods=["POST"]),
        Route("/id/{kind}/{key}/visibility", visibility.get_visibility, methods=["GET"]),
        Route("/id/{kind}/{key}/visibility", visibility.put_visibility, methods=["PUT"]),
        Route("/feed", feed.stream, methods=["GET", "HEAD"]),
        Route("/feed.{extension}", feed.stream, methods=["GET", "HEAD"]),
        Route("/feed/root", feed.feed_root, methods=["GET", "HEAD"]),
        Route("/feed/root.{extension}", feed.feed_root, methods=["GET", "HEAD"]),
        Route("/feed/{page}", feed.feed_page, methods=["GET", "HEAD"]),
        Route("/vocab/shapes/member", feed.member_shape, methods=["GET", "HEAD"]),
        Route("/", catalogue.home, methods=["GET"]),
        *collection_routes(),
        Route("/vocab", vocabulary.index, methods=["GET"]),
        Route("/vocab/context.jsonld", vocabulary.context, methods=["GET"]),
        Route("/vocab/ontology.ttl", vocabulary.ontology, methods=["GET"]),
        Route("/vocab/shapes.ttl", vocabulary.shapes, methods=["GET"]),
        Route("/vocab/profile.ttl", vocabulary.profile, methods=["GET"]),
        Route("/vocab/schemes/{scheme}", vocabulary.scheme, methods=["GET"]),
        Route("/openapi.json", openapi.openapi, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
