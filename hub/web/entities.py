"""`/id/{kind}/{key}`: one entity in HTML, JSON-LD, Turtle or N-Triples; writes."""

from __future__ import annotations

from typing import Final

from starlette.requests import Request
from starlette.responses import Response

from hub.auth.scopes import WRITE
from hub.linked_data.render import (
    jsonld_document,
    jsonld_entity,
    ntriples_documents,
    turtle_documents,
)
from hub.services import entities as service
from hub.services.entities import VisibleEntity
from hub.services.errors import UnsupportedFormat
from hub.services.records import load_document
from hub.services.relations import EntityView, read_entity_view
from hub.web.authentication import require_scope, tier_of_request
from hub.web.bodies import parse_json_object, read_body
from hub.web.context import app_state
from hub.web.language import page_language
from hub.web.negotiation import HTML, JSONLD, NTRIPLES, TURTLE, Format, choose, split_extension
from hub.web.pages import Page, data_alternates, html_response, render_page
from hub.web.paging import check_page, parse_paging, reports_invalid_parameters
from hub.web.responses import conditional_response

# What a write's body may be sent as; no `Content-Type` at all is read as JSON.
_DOCUMENT_TYPES: Final = ("application/json", "application/ld+json")
_PATCH_TYPES: Final = (*_DOCUMENT_TYPES, "application/merge-patch+json")  # RFC 7396 section 4


@reports_invalid_parameters
async def get_entity(request: Request) -> Response:
    """One entity; the hot path (JSON-LD) sends the stored text without parsing it."""
    state = app_state(request)
    kind = request.path_params["kind"]
    key, extension = split_extension(request.path_params["key"])
    fmt = choose(request, extension=extension)
    if fmt is HTML:
        return _page(request, kind, key)
    tier = tier_of_request(request)
    visible = service.read_visible_entity(state.engine, kind=kind, key=key, tier=tier)
    stored = visible.stored
    # The tier is part of the validator: a partner's ETag never earns a public caller a 304.
    etag = f'"{stored.hash}-{fmt.extension}-{tier}-{stored.visibility}"'
    response = conditional_response(
        request, etag, lambda: _render(fmt, visible), fmt, stored.updated_at
    )
    response.headers["Vary"] = "Accept, Authorization"
    return response


def _render(fmt: Format, visible: VisibleEntity) -> bytes | str:
    if fmt is JSONLD:
        if visible.doc is None:
            return jsonld_entity(visible.stored.doc)
        return jsonld_document(visible.doc)
    doc = visible.doc if visible.doc is not None else load_document(visible.stored.doc)
    if fmt is TURTLE:
        return turtle_documents([doc])
    assert fmt is NTRIPLES
    return ntriples_documents([doc])


def _page(request: Request, kind: str, key: str) -> Response:
    """The HTML page: the entity, what it links to, and (paged) its members or partners."""
    state = app_state(request)
    paging = parse_paging(request, state.settings.page_size)
    view = read_entity_view(
        state.engine, kind=kind, key=key, paging=paging, tier=tier_of_request(request)
    )
    check_page(paging, view.members_total)
    link = f"/id/{kind}/{key}"
    page = Page(
        template=f"{kind}.html",
        title="",  # the template names the entity
        language=page_language(request),
        alternates=data_alternates(link, by_extension=True),
        jsonld=jsonld_document(view.doc),
        breadcrumbs=_breadcrumbs(view),
    )
    return html_response(request, render_page(request, page, view=view, doc=view.doc, link=link))


def _breadcrumbs(view: EntityView) -> list[tuple[str, str]]:
    if view.kind == "organisations":
        section = (
            "clusters" if "ClusterOrganisation" in view.doc.get("type", []) else "organisations"
        )
        return [("home", "/"), (section, f"/{section}")]
    if view.kind == "memberships":
        return [("home", "/"), ("organisations", "/organisations")]
    return [("home", "/"), (view.kind, f"/{view.kind}")]


async def put_entity(request: Request) -> Response:
    """Create or replace the entity (201 when created)."""
    state = app_state(request)
    require_scope(request, WRITE)
    _check_content_type(request, _DOCUMENT_TYPES)
    doc = parse_json_object(await read_body(request, state.settings.max_upload_bytes))
    key, _ = split_extension(request.path_params["key"])
    outcome = service.put_entity(
        state.engine, state.settings, kind=request.path_params["kind"], key=key, doc=doc
    )
    return _written(request, outcome)


async def patch_entity(request: Request) -> Response:
    """Change the entity with a JSON Merge Patch (RFC 7396)."""
    state = app_state(request)
    require_scope(request, WRITE)
    _check_content_type(request, _PATCH_TYPES)
    patch = parse_json_object(await read_body(request, state.settings.max_upload_bytes))
    key, _ = split_extension(request.path_params["key"])
    outcome = service.patch_entity(
        state.engine, state.settings, kind=request.path_params["kind"], key=key, patch=patch
    )
    return _written(request, outcome)


async def delete_entity(request: Request) -> Response:
    """Delete the entity and the memberships that name it."""
    state = app_state(request)
    require_scope(request, WRITE)
    key, _ = split_extension(request.path_params["key"])
    deletion = service.delete_entity(state.engine, kind=request.path_params["kind"], key=key)
    body = {"deleted": [state.settings.entity_iri(kind, k) for kind, k in deletion.deleted]}
    return Response(content=_json(body), media_type="application/json")


def _check_content_type(request: Request, accepted: tuple[str, ...]) -> None:
    """`UnsupportedFormat` (415) for a body declared as anything but `accepted`; checked
    before the body is read."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type and media_type not in accepted:
        raise UnsupportedFormat(f"cannot read '{media_type}': send one of {', '.join(accepted)}")


def _written(request: Request, outcome: str) -> Response:
    status = {"created": 201, "updated": 200, "unchanged": 200}[outcome]
    headers = {"Location": str(request.url.replace(query=""))} if status == 201 else None
    return Response(
        _json({"outcome": outcome}),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def _json(value: object) -> bytes:
    import orjson

    return orjson.dumps(value)
