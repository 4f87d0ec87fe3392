"""`/oauth/token`, `/oauth/revoke`, `/.well-known/oauth-authorization-server`,
`/.well-known/jwks.json` (RFC 6749, 7009, 8414, 7517)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from urllib.parse import parse_qsl

import orjson
from authlib.common.security import is_secure_transport
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from hub.auth.server import FormRequest
from hub.web.context import app_state
from hub.web.errors import problem_response

_FORM = "application/x-www-form-urlencoded"
_MAX_FORM = 64 * 1024
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _oauth_error(
    status: int, error: str, description: str, headers: dict[str, str] | None = None
) -> Response:
    body = orjson.dumps({"error": error, "error_description": description})
    return Response(
        body,
        status_code=status,
        media_type="application/json",
        headers={**_NO_STORE, **(headers or {})},
    )


async def _form_request(request: Request) -> FormRequest | Response:
    if not is_secure_transport(app_state(request).settings.base_url + "/"):
        return _oauth_error(
            400, "invalid_request", "OAuth needs an https base URL (RFC 6749 section 3.2)"
        )
    media_type = request.headers.get("content-type", "").split(";")[0].strip()
    if media_type != _FORM:
        return _oauth_error(400, "invalid_request", f"send the parameters as {_FORM}")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > _MAX_FORM:
            return _oauth_error(400, "invalid_request", "the request body is too large")
    try:
        pairs = parse_qsl(body.decode(), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        return _oauth_error(400, "invalid_request", "the form body cannot be read")
    names = [name for name, _ in pairs]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:  # RFC 6749 section 3.2: parameters MUST NOT be included more than once
        return _oauth_error(400, "invalid_request", f"repeated parameters: {', '.join(repeated)}")
    # authlib checks the transport of this URI: it is the instance's public URL (TLS usually
    # ends at a proxy in front), which must be https unless it is a loopback address.
    endpoint = f"{app_state(request).settings.base_url}{request.url.path}"
    return FormRequest("POST", endpoint, request.headers, dict(pairs))


def _limited(request: Request) -> Response | None:
    address = request.client.host if request.client else "unknown"
    wait = app_state(request).auth.token_limiter.take(address)
    if wait <= 0:
        return None
    seconds = str(max(1, int(wait + 0.999)))
    return problem_response(
        429, "too many requests", detail=f"retry in {seconds} s", headers={"Retry-After": seconds}
    )


async def _endpoint(request: Request, call: Callable[[FormRequest], Response]) -> Response:
    """Rate limit, read the form, then let authlib answer (in a thread: it hashes secrets and
    touches the database)."""
    limited = _limited(request)
    if limited is not None:
        return limited
    form = await _form_request(request)
    if isinstance(form, Response):
        return form
    return await run_in_threadpool(call, form)


async def token(request: Request) -> Response:
    """RFC 6749 section 4.4: the client credentials grant."""
    return await _endpoint(request, app_state(request).auth.server.create_token_response)


async def revoke(request: Request) -> Response:
    """RFC 7009: token revocation."""
    server = app_state(request).auth.server
    return await _endpoint(request, partial(server.create_endpoint_response, "revocation"))


async def metadata(request: Request) -> Response:
    body = orjson.dumps(app_state(request).auth.server.metadata())
    return Response(body, media_type="application/json", headers={"Cache-Control": "max-age=3600"})


async def jwks(request: Request) -> Response:
    keys = await run_in_threadpool(app_state(request).auth.keys.jwks)
    return Response(
        orjson.dumps(keys),
        media_type="application/jwk-set+json",
        headers={"Cache-Control": "max-age=300"},
    )
