"""Who is calling: a middleware turns `Authorization: Bearer` into a `Caller` (anonymous when
there is none) and answers RFC 6750 errors for tokens that cannot be used."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from hub.auth.scopes import Tier
from hub.auth.tokens import ANONYMOUS, Caller, TokenError
from hub.services.errors import Forbidden, Unauthorised
from hub.web.errors import problem_response

REALM = 'Bearer realm="clusterhub"'
# The OAuth endpoints authenticate clients themselves (HTTP Basic, assertions).
_OWN_AUTH = ("/oauth/",)


def _challenge(error: str, description: str) -> str:
    clean = description.replace('"', "'")
    return f'{REALM}, error="{error}", error_description="{clean}"'


class AuthenticationMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(_OWN_AUTH):
            await self.app(scope, receive, send)
            return
        caller = ANONYMOUS
        scheme, _, credentials = Headers(scope=scope).get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            verifier = scope["app"].state.hub.auth.verifier
            try:
                caller = await verifier.verify(credentials.strip())
            except TokenError as exc:
                response = problem_response(
                    401,
                    "invalid token",
                    detail=str(exc),
                    headers={"WWW-Authenticate": _challenge("invalid_token", str(exc))},
                )
                await response(scope, receive, send)
                return
        scope.setdefault("state", {})["caller"] = caller
        await self.app(scope, receive, send)


def caller_of(request: Request) -> Caller:
    caller: Caller = request.scope.get("state", {}).get("caller", ANONYMOUS)
    return caller


def tier_of_request(request: Request) -> Tier:
    return caller_of(request).tier


def require_scope(request: Request, scope: str) -> Caller:
    """The caller, if it holds `scope`; else 401 (no token) or 403 (RFC 6750 section 3.1)."""
    caller = caller_of(request)
    if not caller.authenticated:
        raise Unauthorised(f"this needs an access token with the '{scope}' scope")
    if scope not in caller.scopes:
        raise Forbidden(scope)
    return caller
