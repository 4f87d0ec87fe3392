"""The route table (ARCHITECTURE.md section 10)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from hub.web import entities, operations

STATIC_DIR = __import__("pathlib").Path(__file__).resolve().parent / "static"


def routes() -> list[BaseRoute]:
    return [
        Route("/healthz", operations.healthz, methods=["GET"]),
        Route("/readyz", operations.readyz, methods=["GET"]),
        Route("/id/{kind}/{key}", entities.get_entity, methods=["GET", "HEAD"]),
        Route("/id/{kind}/{key}", entities.put_entity, methods=["PUT"]),
        Route("/id/{kind}/{key}", entities.patch_entity, methods=["PATCH"]),
        Route("/id/{kind}/{key}", entities.delete_entity, methods=["DELETE"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
