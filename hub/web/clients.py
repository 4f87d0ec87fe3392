"""`/admin/clients`: OAuth clients over HTTP, for callers with the `admin` scope."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from hub.auth import clients as service
from hub.auth.scopes import ADMIN
from hub.services.errors import InvalidInput, Problem
from hub.web.authentication import require_scope
from hub.web.bodies import parse_json_object, read_body
from hub.web.context import app_state

_MAX_BODY = 256 * 1024


def _json(value: Any, status: int = 200) -> Response:
    return Response(
        orjson.dumps(value),
        status_code=status,
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


async def list_clients(request: Request) -> Response:
    require_scope(request, ADMIN)
    return _json({"clients": service.list_clients(app_state(request).engine)})


async def add_client(request: Request) -> Response:
    """Body: `{"name": "...", "scope": "read:partner write", "jwks": {...}?}`; the answer
    holds the client secret, shown this once."""
    require_scope(request, ADMIN)
    body = parse_json_object(await read_body(request, _MAX_BODY))
    name, scope, jwks = body.get("name"), body.get("scope"), body.get("jwks")
    problems = []
    if not isinstance(name, str):
        problems.append(Problem("name must be a string", field="name"))
    if isinstance(scope, str):
        scope = scope.split()
    if not isinstance(scope, list) or not all(isinstance(s, str) for s in scope):
        problems.append(
            Problem("scope must be a space-separated string or a list of strings", field="scope")
        )
    if jwks is not None and not isinstance(jwks, dict):
        problems.append(Problem("jwks must be a JSON Web Key Set object", field="jwks"))
    unknown = sorted(set(body) - {"name", "scope", "jwks"})
    problems += [Problem(f"'{key}' is not a client property", field=key) for key in unknown]
    if problems or not isinstance(name, str) or not isinstance(scope, list):
        raise InvalidInput("the client cannot be registered", problems)
    created = await run_in_threadpool(
        service.add_client, app_state(request).engine, name=name, scopes=scope, jwks=jwks
    )
    return _json(created, status=201)


async def revoke_client(request: Request) -> Response:
    require_scope(request, ADMIN)
    client_id = request.path_params["client_id"]
    service.revoke_client(app_state(request).engine, client_id)
    return _json({"revoked": client_id})
