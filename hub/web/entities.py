"""`/id/{kind}/{key}`: one entity in HTML, JSON-LD, Turtle or N-Triples; writes."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from hub.linked_data.render import jsonld_entity, ntriples_documents, turtle_documents
from hub.services import entities as service
from hub.services.records import load_document
from hub.web.bodies import parse_json_object, read_body
from hub.web.context import app_state
from hub.web.guard import require_writer
from hub.web.negotiation import HTML, JSONLD, NTRIPLES, TURTLE, Format, choose, split_extension
from hub.web.pages import entity_page
from hub.web.responses import conditional_response


async def get_entity(request: Request) -> Response:
    state = app_state(request)
    kind = request.path_params["kind"]
    key, extension = split_extension(request.path_params["key"])
    fmt = choose(request, extension=extension)
    stored = service.read_entity(state.engine, kind=kind, key=key)
    etag = f'"{stored.hash}-{fmt.extension}"'
    return conditional_response(
        request, etag, lambda: _render(request, fmt, kind, stored.doc), fmt, stored.updated_at
    )


def _render(request: Request, fmt: Format, kind: str, doc_json: str) -> bytes | str:
    if fmt is JSONLD:
        return jsonld_entity(doc_json)
    doc = load_document(doc_json)
    if fmt is TURTLE:
        return turtle_documents([doc])
    if fmt is NTRIPLES:
        return ntriples_documents([doc])
    assert fmt is HTML
    return entity_page(request, kind, doc)


async def put_entity(request: Request) -> Response:
    state = app_state(request)
    require_writer(request, state.settings)
    doc = parse_json_object(await read_body(request, state.settings.max_upload_bytes))
    key, _ = split_extension(request.path_params["key"])
    outcome = service.put_entity(
        state.engine, state.settings, kind=request.path_params["kind"], key=key, doc=doc
    )
    return _written(request, outcome)


async def patch_entity(request: Request) -> Response:
    state = app_state(request)
    require_writer(request, state.settings)
    patch = parse_json_object(await read_body(request, state.settings.max_upload_bytes))
    key, _ = split_extension(request.path_params["key"])
    outcome = service.patch_entity(
        state.engine, state.settings, kind=request.path_params["kind"], key=key, patch=patch
    )
    return _written(request, outcome)


async def delete_entity(request: Request) -> Response:
    state = app_state(request)
    require_writer(request, state.settings)
    key, _ = split_extension(request.path_params["key"])
    deletion = service.delete_entity(state.engine, kind=request.path_params["kind"], key=key)
    body = {"deleted": [state.settings.entity_iri(kind, k) for kind, k in deletion.deleted]}
    return Response(content=_json(body), media_type="application/json")


def _written(request: Request, outcome: str) -> Response:
    status = {"created": 201, "updated": 200, "unchanged": 200}[outcome]
    headers = {"Location": str(request.url.replace(query=""))} if status == 201 else None
    return Response(_json({"outcome": outcome}), status_code=status, media_type="application/json", headers=headers)


def _json(value: object) -> bytes:
    import orjson

    return orjson.dumps(value)
