"""The interim write guard: writes from 127.0.0.1 or with the static admin token.

Issue "Sync and security" replaces this with OAuth scopes.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from hub.services.errors import Unauthorised
from hub.settings import Settings

_LOOPBACK = {"127.0.0.1", "::1"}


def require_writer(request: Request, settings: Settings) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if settings.admin_token and scheme.lower() == "bearer":
        if hmac.compare_digest(token.strip().encode(), settings.admin_token.encode()):
            return
        raise Unauthorised("the bearer token is not valid")
    if request.client is not None and request.client.host in _LOOPBACK:
        return
    raise Unauthorised("writes need the admin token (Authorization: Bearer ...) or a local client")
