"""The authorization server: authlib's generic server, adapted to Starlette.

Handlers read the form body (async) first and hand authlib a ready request object, so all
of authlib runs synchronously on parsed input.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson
from authlib.oauth2 import AuthorizationServer as _AuthorizationServer
from authlib.oauth2.rfc6749 import ClientCredentialsGrant, InvalidScopeError, OAuth2Request
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7523 import JWTBearerClientAssertion
from authlib.oauth2.rfc9068 import JWTBearerTokenGenerator
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import Engine
from starlette.responses import Response

from hub.auth.clients import OAuthClient, find_client
from hub.auth.keys import ALGORITHM, KeyRing
from hub.auth.scopes import SCOPES, parse_scopes
from hub.storage import oauth as store
from hub.storage.transactions import write_transaction


class FormRequest(OAuth2Request):
    """An OAuth request whose form body has already been read."""

    def __init__(
        self, method: str, uri: str, headers: Mapping[str, str], form: dict[str, str]
    ) -> None:
        super().__init__(method=method, uri=uri, headers=headers)
        self.payload = BasicOAuth2Payload(form)
        self._form = form

    @property
    def form(self) -> dict[str, str]:
        return self._form

    @property
    def args(self) -> dict[str, str]:
        return {}


class Grant(ClientCredentialsGrant):
    """Client credentials (RFC 6749 section 4.4), by secret or by signed assertion."""

    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = ["client_secret_basic", "private_key_jwt"]

    def validate_token_request(self) -> None:
        super().validate_token_request()
        requested = parse_scopes(self.request.payload.scope)
        client: OAuthClient = self.request.client
        refused = " ".join(sorted(requested - client.scopes))
        if refused:
            raise InvalidScopeError(description=f"the client may not request: {refused}")


class PrivateKeyJwt(JWTBearerClientAssertion):
    """`private_key_jwt` (RFC 7523 section 2.2): assertions signed with the client's key,
    addressed to us, short-lived, and never accepted twice."""

    CLIENT_AUTH_METHOD = "private_key_jwt"

    def __init__(self, engine: Engine, audiences: list[str]) -> None:
        super().__init__(validate_jti=True, leeway=30)
        self._engine = engine
        self._audiences = audiences

    def get_audiences(self) -> list[str]:
        return self._audiences

    def validate_jti(self, claims: dict[str, Any], jti: str) -> bool:
        expires = datetime.fromtimestamp(int(claims["exp"]) + 60, UTC)
        with write_transaction(self._engine) as connection:
            return store.use_assertion(connection, jti=f"{claims['sub']}:{jti}", expires_at=expires)

    def resolve_client_public_key(self, client: OAuthClient) -> KeySet:
        return client.public_keys()


class AccessTokens(JWTBearerTokenGenerator):
    """JWT access tokens (RFC 9068) signed with the instance's current key."""

    def __init__(self, issuer: str, audience: str, keys: KeyRing, lifetime: int) -> None:
        super().__init__(issuer=issuer, alg=ALGORITHM, expires_generator=lambda *_: lifetime)
        self._audience = audience
        self._keys = keys

    def get_jwks(self) -> KeySet:
        return KeySet([self._keys.signing_key()])

    def get_audiences(self, client: OAuthClient, user: object, scope: str) -> str:
        return self._audience


class Revocation(RevocationEndpoint):
    """RFC 7009 for JWT access tokens: the token's `jti` is refused until it expires."""

    CLIENT_AUTH_METHODS: ClassVar[list[str]] = ["client_secret_basic", "private_key_jwt"]
    SUPPORTED_TOKEN_TYPES = ("access_token",)

    def __init__(self, server: AuthorizationServer) -> None:
        super().__init__(server)
        self._hub = server

    def query_token(self, token_string: str, token_type_hint: str | None) -> dict[str, Any] | None:
        try:
            token = jwt.decode(
                token_string, self._hub.keys.verification_keys(), algorithms=[ALGORITHM]
            )
        except (JoseError, ValueError):
            return None  # RFC 7009 section 2.2: invalid tokens need no action
        claims: dict[str, Any] = token.claims
        return claims if claims.get("iss") == self._hub.issuer else None

    def check_token_client(self, token: dict[str, Any], client: OAuthClient) -> bool:
        return bool(token.get("client_id") == client.get_client_id())

    def authenticate_token(
        self, request: OAuth2Request, client: OAuthClient
    ) -> dict[str, Any] | None:
        self.check_params(request, client)
        token = self.query_token(request.form["token"], request.form.get("token_type_hint"))
        if token is not None and not self.check_token_client(token, client):
            return None  # another client's token: nothing to do, and nothing to reveal
        return token

    def revoke_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        with write_transaction(self._hub.engine) as connection:
            store.revoke_token(
                connection,
                jti=str(token["jti"]),
                expires_at=datetime.fromtimestamp(int(token["exp"]), UTC),
            )


class AuthorizationServer(_AuthorizationServer):
    def __init__(self, engine: Engine, *, issuer: str, keys: KeyRing, token_lifetime: int) -> None:
        super().__init__(scopes_supported=list(SCOPES))
        self.engine = engine
        self.issuer = issuer
        self.keys = keys
        self.token_endpoint = f"{issuer}/oauth/token"
        self.register_grant(Grant)
        self.register_client_auth_method(
            "private_key_jwt", PrivateKeyJwt(engine, [self.token_endpoint, issuer])
        )
        self.register_token_generator("default", AccessTokens(issuer, issuer, keys, token_lifetime))
        self.register_endpoint(Revocation(self))

    def query_client(self, client_id: str) -> OAuthClient | None:
        client = find_client(self.engine, client_id)
        return None if client is None or client.revoked else client

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        """JWT access tokens are self-contained: nothing to store."""

    def create_oauth2_request(self, request: FormRequest) -> FormRequest:
        return request

    def handle_response(self, status: int, body: Any, headers: list[tuple[str, str]]) -> Response:
        content = orjson.dumps(body) if isinstance(body, dict) else (body or b"")
        response = Response(content, status_code=status)
        for name, value in headers:
            response.headers[name] = value
        return response

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        """No listeners: outcomes are visible in the responses and the access log."""

    def metadata(self) -> dict[str, Any]:
        """RFC 8414 authorization server metadata."""
        return {
            "issuer": self.issuer,
            "token_endpoint": self.token_endpoint,
            "jwks_uri": f"{self.issuer}/.well-known/jwks.json",
            "revocation_endpoint": f"{self.issuer}/oauth/revoke",
            "grant_types_supported": ["client_credentials"],
            "response_types_supported": [],
            "scopes_supported": list(SCOPES),
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"],
            "token_endpoint_auth_signing_alg_values_supported": [
                "ES256",
                "RS256",
                "PS256",
                "EdDSA",
            ],
            "revocation_endpoint_auth_methods_supported": [
                "client_secret_basic",
                "private_key_jwt",
            ],
            "code_challenge_methods_supported": [],
        }


def now_seconds() -> int:
    return int(time.time())
