"""Checking bearer tokens on requests (RFC 9068 section 4, RFC 6750 section 3).

Signature against an algorithm allow-list (never `none`, never HMAC: a public key used as an
HMAC secret is the classic forgery), `typ`, `iss`, `aud`, `exp`/`nbf` with a small skew,
revocation of the token and of its client.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import orjson
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import Engine

from hub.auth.issuers import IssuerError, TrustedIssuers
from hub.auth.keys import KeyRing
from hub.auth.scopes import Tier, parse_scopes, tier_of
from hub.storage import oauth as store

ALLOWED_ALGORITHMS = ["ES256", "ES384", "RS256", "PS256", "EdDSA"]
SKEW_SECONDS = 30


class TokenError(Exception):
    """The token cannot be used (RFC 6750 `invalid_token`)."""


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking: a client with scopes, or nobody (public)."""

    client_id: str | None = None
    scopes: frozenset[str] = frozenset()
    issuer: str | None = None

    @property
    def tier(self) -> Tier:
        return tier_of(self.scopes)

    @property
    def authenticated(self) -> bool:
        return self.client_id is not None


ANONYMOUS = Caller()


def _segment(part: str) -> dict[str, Any]:
    padded = part + "=" * (-len(part) % 4)
    value = orjson.loads(base64.urlsafe_b64decode(padded))
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def unverified_parts(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims, read before any check, only to pick the keys to check with."""
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenError("the token is not a signed JWT")
    try:
        return _segment(parts[0]), _segment(parts[1])
    except (ValueError, orjson.JSONDecodeError) as exc:
        raise TokenError("the token is not a readable JWT") from exc


class TokenVerifier:
    def __init__(
        self,
        engine: Engine,
        *,
        issuer: str,
        audience: str,
        keys: KeyRing,
        trusted: TrustedIssuers,
    ) -> None:
        self._engine = engine
        self._issuer = issuer
        self._audience = audience
        self._keys = keys
        self._trusted = trusted

    async def verify(self, token: str) -> Caller:
        header, claims = unverified_parts(token)
        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:
            raise TokenError(f"the signing algorithm '{algorithm}' is not accepted")
        issuer = claims.get("iss")
        kid = header.get("kid") if isinstance(header.get("kid"), str) else None
        if issuer == self._issuer:
            if header.get("typ") not in ("at+jwt", "application/at+jwt"):
                raise TokenError("the token is not a JWT access token (typ at+jwt)")
            keys = self._keys.verification_keys(kid)
        elif isinstance(issuer, str) and self._trusted.trusts(issuer):
            try:
                keys = await self._trusted.keys(issuer, kid)
            except IssuerError as exc:
                raise TokenError(f"the issuer's keys cannot be had: {exc}") from exc
        else:
            raise TokenError("the token's issuer is not trusted here")
        verified = self._check(token, keys, issuer)
        if issuer == self._issuer:
            self._check_not_revoked(verified)
        scope = verified.get("scope", verified.get("scp", ""))
        scopes = parse_scopes(" ".join(scope) if isinstance(scope, list) else str(scope))
        client_id = str(verified.get("client_id") or verified.get("azp") or verified.get("sub"))
        return Caller(client_id=client_id, scopes=scopes, issuer=issuer)

    def _check(self, token: str, keys: KeySet, issuer: str) -> dict[str, Any]:
        try:
            decoded = jwt.decode(token, keys, algorithms=ALLOWED_ALGORITHMS)
            jwt.JWTClaimsRegistry(
                leeway=SKEW_SECONDS,
                iss={"essential": True, "value": issuer},
                aud={"essential": True, "value": self._audience},
                exp={"essential": True},
            ).validate(decoded.claims)
        except JoseError as exc:
            raise TokenError(exc.description or exc.error) from exc
        except ValueError as exc:
            raise TokenError(str(exc)) from exc
        claims: dict[str, Any] = decoded.claims
        return claims

    def _check_not_revoked(self, claims: dict[str, Any]) -> None:
        with self._engine.connect() as connection:
            revoked, live_client = store.token_standing(
                connection, jti=str(claims.get("jti")), client_id=str(claims.get("client_id"))
            )
        if revoked:
            raise TokenError("the token was revoked")
        if not live_client:
            raise TokenError("the token's client is revoked")
