"""OAuth clients: registration (the secret is shown once), listing, revocation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import Engine

from hub.auth.scopes import parse_scopes, unknown_scopes
from hub.auth.secrets import hash_secret, new_secret, verify_secret
from hub.services.errors import EntityNotFound, InvalidInput, Problem
from hub.storage import oauth as store
from hub.storage.oauth import ClientRow
from hub.storage.transactions import read_transaction, write_transaction

AUTH_METHODS = ("client_secret_basic", "private_key_jwt")


@dataclass(frozen=True, slots=True)
class OAuthClient:
    """A registered client, as authlib's `ClientMixin` expects it."""

    row: ClientRow

    @property
    def scopes(self) -> frozenset[str]:
        return parse_scopes(self.row.scopes)

    @property
    def revoked(self) -> bool:
        return self.row.revoked_at is not None

    def get_client_id(self) -> str:
        return self.row.client_id

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str | None) -> str:
        if not scope:
            return " ".join(sorted(self.scopes))
        return " ".join(sorted(parse_scopes(scope) & self.scopes))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        stored = self.row.secret_hash
        return stored is not None and verify_secret(client_secret, stored)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == self.row.auth_method

    def check_response_type(self, response_type: str) -> bool:
        return False

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "client_credentials"

    def public_keys(self) -> KeySet:
        return KeySet.import_key_set(orjson.loads(self.row.jwks or '{"keys": []}'))

    def summary(self) -> dict[str, Any]:
        return {
            "client_id": self.row.client_id,
            "name": self.row.name,
            "token_endpoint_auth_method": self.row.auth_method,
            "scope": self.row.scopes,
            "created_at": self.row.created_at.isoformat(),
            "revoked_at": self.row.revoked_at.isoformat() if self.row.revoked_at else None,
        }


def add_client(
    engine: Engine,
    *,
    name: str,
    scopes: list[str],
    jwks: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Register a client. With `jwks` it authenticates by `private_key_jwt`; otherwise it gets
    a secret, returned here and never again."""
    problems = _client_problems(name, scopes, jwks)
    if problems:
        raise InvalidInput("the client cannot be registered", problems)
    client_id = "chc_" + secrets.token_urlsafe(16)
    secret = None if jwks is not None else new_secret()
    row = ClientRow(
        client_id=client_id,
        name=name.strip(),
        secret_hash=hash_secret(secret) if secret else None,
        auth_method="private_key_jwt" if jwks is not None else "client_secret_basic",
        jwks=orjson.dumps(jwks).decode() if jwks is not None else None,
        scopes=" ".join(sorted(set(scopes))),
        created_at=datetime.now(UTC),
        revoked_at=None,
    )
    with write_transaction(engine) as connection:
        store.add_client(connection, row=row)
    result = OAuthClient(row).summary()
    if secret is not None:
        result["client_secret"] = secret
    return result


def _client_problems(name: str, scopes: list[str], jwks: dict[str, Any] | None) -> list[Problem]:
    problems = []
    if not name.strip() or len(name) > 200:
        problems.append(Problem("a client needs a name of 1-200 characters", field="name"))
    unknown = unknown_scopes(frozenset(scopes))
    if unknown:
        problems.append(Problem(f"unknown scopes: {', '.join(unknown)}", field="scope"))
    if not scopes:
        problems.append(Problem("give at least one scope", field="scope"))
    if jwks is not None:
        try:
            keys = KeySet.import_key_set(jwks)  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            problems.append(Problem(f"the JWKS cannot be read: {exc}", field="jwks"))
        else:
            if any(key.is_private for key in keys):
                problems.append(
                    Problem("the JWKS holds a private key: send public keys only", field="jwks")
                )
    return problems


def find_client(engine: Engine, client_id: str) -> OAuthClient | None:
    with read_transaction(engine) as connection:
        row = store.get_client(connection, client_id=client_id)
    return OAuthClient(row) if row else None


def list_clients(engine: Engine) -> list[dict[str, Any]]:
    with read_transaction(engine) as connection:
        return [OAuthClient(row).summary() for row in store.list_clients(connection)]


def revoke_client(engine: Engine, client_id: str) -> None:
    with write_transaction(engine) as connection:
        if store.get_client(connection, client_id=client_id) is None:
            raise EntityNotFound("clients", client_id)
        store.revoke_client(connection, client_id=client_id, now=datetime.now(UTC))
