"""The route table (ARCHITECTURE.md section 10)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from hub.web import clients, entities, oauth, operations

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
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
