"""Access tokens for tests, issued by the instance's own authorization server."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from sqlalchemy import Engine
from starlette.applications import Starlette

from hub.auth.clients import add_client, find_client
from tests.support.client import AppClient

OPERATOR_SCOPES = ("admin", "write", "read:partner")


def issue_token(app: Starlette, engine: Engine, *, scopes: tuple[str, ...], name: str) -> str:
    """Register a client and issue it a token through the server's own token generator (the
    path `/oauth/token` ends in), skipping only the client authentication round trip."""
    public = ECAlgorithm.to_jwk(ec.generate_private_key(ec.SECP256R1()).public_key(), as_dict=True)
    created = add_client(engine, name=name, scopes=list(scopes), jwks={"keys": [public]})
    client = find_client(engine, created["client_id"])
    token = app.state.hub.auth.server.generate_token(
        "client_credentials", client, scope=" ".join(scopes), include_refresh_token=False
    )
    access_token: str = token["access_token"]
    return access_token


def operator_client(app: Starlette, engine: Engine, base_url: str) -> AppClient:
    """An in-process client holding an operator token (admin, write, read:partner)."""
    token = issue_token(app, engine, scopes=OPERATOR_SCOPES, name="node operator")
    return AppClient(app, base_url=base_url, token=token)
