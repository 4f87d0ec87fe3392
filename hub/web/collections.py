"""Paged collections (`/organisations`, `/clusters`, `/events`, `/projects`) as Hydra
collections in JSON-LD, Turtle and N-Triples, and as an HTML table."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

import vocab
from hub.auth.scopes import Tier
from hub.linked_data.render import ntriples_documents, turtle_documents
from hub.services.collections import COLLECTIONS, CollectionSummary, Paging, read_collection_page
from hub.services.collections import summarise_collection as summarise
from hub.services.errors import EntityNotFound
from hub.services.visibility import view_doc, view_text
from hub.storage.records import StoredEntity
from hub.web.authentication import tier_of_request
from hub.web.context import app_state
from hub.web.language import PageLanguage, page_language
from hub.web.negotiation import (
    BY_EXTENSION,
    HTML,
    JSONLD,
    LINKED_DATA,
    TURTLE,
    Format,
    choose,
)
from hub.web.pages import VARY_DATA, VARY_HTML, Alternate, Page, data_alternates, render_page
from hub.web.paging import Endpoint, check_page, parse_paging, reports_invalid_parameters
from hub.web.responses import conditional_response


def collection_routes() -> list[BaseRoute]:
    """`/{name}` and `/{name}.{extension}` (`.html` `.jsonld` `.ttl` `.nt`) of each collection."""
    found: list[BaseRoute] = []
    for name in COLLECTIONS:
        endpoint = collection_endpoint(name)
        found.append(Route(f"/{name}", endpoint, methods=["GET"]))
        found.append(Route(f"/{name}.{{extension}}", endpoint, methods=["GET"]))
    return found


def _extension(name: str, request: Request) -> Format | None:
    extension = request.path_params.get("extension")
    if extension is None:
        return None
    fmt = BY_EXTENSION.get(extension)
    if fmt is None or fmt not in LINKED_DATA:
        raise EntityNotFound("collections", f"{name}.{extension}")
    return fmt


def collection_endpoint(name: str) -> Endpoint:
    """The GET handler of the collection `name`."""

    @reports_invalid_parameters
    async def list_collection(request: Request) -> Response:
        state = app_state(request)
        fmt = choose(request, LINKED_DATA, JSONLD, _extension(name, request))
        paging = parse_paging(request, state.settings.page_size)
        # The summary is read before the page, so the page is never older than its ETag.
        tier = tier_of_request(request)
        summary = summarise(state.engine, name=name, tier=tier)
        check_page(paging, summary.total)
        language = page_language(request)
        variant = (language.tag if fmt is HTML else "", tier)
        etag = _etag(summary, paging, fmt, variant)

        def render() -> bytes | str:
            items = read_collection_page(state.engine, name=name, paging=paging, tier=tier)
            return _render(request, fmt, summary, paging, items, language, tier)

        response = conditional_response(request, etag, render, fmt, summary.modified)
        response.headers["Vary"] = VARY_HTML if fmt is HTML else VARY_DATA
        return response

    list_collection.__name__ = f"list_{name}"
    list_collection.__doc__ = f"The paged collection /{name}."
    return list_collection


def _etag(summary: CollectionSummary, paging: Paging, fmt: Format, variant: tuple[str, str]) -> str:
    """Changes with the collection, the page, the syntax, the language and the caller's tier
    (a partner's validator must never earn a public caller a `304`)."""
    parts = (summary.validator, str(paging.page), str(paging.per_page), fmt.extension, *variant)
    return '"c-' + hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest() + '"'


def _page_link(base: str, name: str, page: int, paging: Paging, default_per_page: int) -> str:
    link = f"{base}/{name}?page={page}"
    return link if paging.per_page == default_per_page else f"{link}&per_page={paging.per_page}"


def collection_head(
    base: str, summary: CollectionSummary, paging: Paging, default_per_page: int
) -> dict[str, Any]:
    """The Hydra collection without its items: `totalItems` and the view's page links."""
    name = summary.spec.name
    last = paging.last_page(summary.total)

    def link(page: int) -> str:
        return _page_link(base, name, page, paging, default_per_page)

    view: dict[str, Any] = {"id": link(paging.page), "type": "PartialCollectionView"}
    view["first"] = link(1)
    if paging.page > 1:
        view["previous"] = link(paging.page - 1)
    if paging.page < last:
        view["next"] = link(paging.page + 1)
    view["last"] = link(last)
    return {"id": f"{base}/{name}", "type": "Collection", "totalItems": summary.total, "view": view}


def _render(
    request: Request,
    fmt: Format,
    summary: CollectionSummary,
    paging: Paging,
    items: list[StoredEntity],
    language: PageLanguage,
    tier: Tier,
) -> bytes | str:
    settings = app_state(request).settings
    head = collection_head(settings.base_url, summary, paging, settings.page_size)
    if fmt is JSONLD:
        # Documents with nothing hidden are spliced in as stored: no parsing, no re-encoding.
        opening = orjson.dumps({"@context": vocab.CONTEXT_URL, **head})[:-1]
        body = b",".join(view_text(item, tier).encode() for item in items)
        return opening + b',"items":[' + body + b"]}"
    docs = [view_doc(item, tier) for item in items]
    if fmt is HTML:
        return _html(request, summary, paging, docs, language, head)
    document = {**head, "items": docs}
    return turtle_documents([document]) if fmt is TURTLE else ntriples_documents([document])


def _html(
    request: Request,
    summary: CollectionSummary,
    paging: Paging,
    docs: list[dict[str, Any]],
    language: PageLanguage,
    head: dict[str, Any],
) -> str:
    name = summary.spec.name
    query = [f"page={paging.page}"] if paging.page > 1 else []
    if paging.per_page != app_state(request).settings.page_size:
        query.append(f"per_page={paging.per_page}")
    suffix = "?" + "&".join(query) if query else ""
    alternates = [
        Alternate(item.media_type, item.label, item.href + suffix)
        for item in data_alternates(f"/{name}", by_extension=True)
    ]
    page = Page(
        template="collection.html",
        title=name,
        language=language,
        alternates=alternates,
        jsonld=orjson.dumps(
            {"@context": vocab.CONTEXT_URL, **head, "items": [doc["id"] for doc in docs]}
        ),
        breadcrumbs=[("home", "/")],
    )
    return render_page(
        request,
        page,
        name=name,
        kind=summary.spec.kind,
        docs=docs,
        total=summary.total,
        paging=paging,
        last=paging.last_page(summary.total),
    )


__all__ = ["collection_endpoint", "collection_head", "collection_routes"]
