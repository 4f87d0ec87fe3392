"""Everything OAuth an instance holds, built once by `create_app`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from hub.auth.issuers import TrustedIssuers
from hub.auth.keys import KeyRing
from hub.auth.ratelimit import RateLimiter
from hub.auth.server import AuthorizationServer
from hub.auth.tokens import TokenVerifier


@dataclass(frozen=True, slots=True)
class Auth:
    keys: KeyRing
    server: AuthorizationServer
    verifier: TokenVerifier
    token_limiter: RateLimiter


def build_auth(
    engine: Engine,
    *,
    issuer: str,
    token_lifetime: int,
    trusted_issuers: tuple[str, ...],
    allow_private_addresses: bool,
    token_requests_per_minute: int,
) -> Auth:
    keys = KeyRing(engine, token_lifetime=token_lifetime)
    trusted = TrustedIssuers(trusted_issuers, allow_private=allow_private_addresses)
    return Auth(
        keys=keys,
        server=AuthorizationServer(engine, issuer=issuer, keys=keys, token_lifetime=token_lifetime),
        verifier=TokenVerifier(engine, issuer=issuer, audience=issuer, keys=keys, trusted=trusted),
        token_limiter=RateLimiter(
            capacity=token_requests_per_minute, per_minute=token_requests_per_minute
        ),
    )
