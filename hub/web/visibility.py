"""`/id/{kind}/{key}/visibility`: a record's visibility tiers, for callers with `admin`.

Body of `PUT` and answer of both: `{"record": "public|partner|private",
"fields": {"<term>": "public|partner|private"}}`. A bad body is a `422` problem naming each
field (RFC 9457).
"""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response

from hub.auth.scopes import ADMIN
from hub.services import changes as service
from hub.web.authentication import require_scope
from hub.web.bodies import parse_json_object, read_body
from hub.web.context import app_state

_MAX_BODY = 64 * 1024


def _json(visibility: service.Visibility) -> Response:
    return Response(
        orjson.dumps(visibility.as_dict()),
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


async def get_visibility(request: Request) -> Response:
    require_scope(request, ADMIN)
    kind, key = request.path_params["kind"], request.path_params["key"]
    return _json(service.read_visibility(app_state(request).engine, kind=kind, key=key))


async def put_visibility(request: Request) -> Response:
    require_scope(request, ADMIN)
    kind, key = request.path_params["kind"], request.path_params["key"]
    wanted = service.parse_visibility(parse_json_object(await read_body(request, _MAX_BODY)))
    service.set_visibility(app_state(request).engine, kind=kind, key=key, wanted=wanted)
    return _json(wanted)
