"""An organisation's own identity provider: tokens it signs are accepted when the instance
trusts its issuer URL; keys come from its published metadata, fetched over real HTTP."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from hub.app import create_app
from hub.settings import Settings
from tests.support.client import AppClient
from tests.support.servers import free_port, serving

HUB = "https://hub.test"


class IdentityProvider:
    """A minimal OpenID provider: discovery document and JWKS, nothing else."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}/realms/cluster"
        self.requests = 0

    def app(self) -> Starlette:
        async def discovery(request: Request) -> JSONResponse:
            self.requests += 1
            return JSONResponse({"issuer": self.issuer, "jwks_uri": f"{self.issuer}/certs"})

        async def certs(request: Request) -> JSONResponse:
            self.requests += 1
            public = ECAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
            public.update(kid="idp-1", use="sig", alg="ES256")
            return JSONResponse({"keys": [public]})

        return Starlette(
            routes=[
                Route("/realms/cluster/.well-known/openid-configuration", discovery),
                Route("/realms/cluster/certs", certs),
            ]
        )

    def token(self, **claims: Any) -> str:
        now = int(time.time())
        body = {
            "iss": self.issuer,
            "aud": HUB,
            "sub": "analyst-7",
            "azp": "umbrella-portal",
            "iat": now,
            "exp": now + 300,
            "scope": "admin",
        }
        body.update(claims)
        return jwt.encode(body, self.key, algorithm="ES256", headers={"kid": "idp-1", "typ": "JWT"})


@pytest.fixture
def idp() -> Iterator[IdentityProvider]:
    provider = IdentityProvider()
    with serving(provider.app(), provider.port):
        yield provider


def hub_client(database: str, engine: Engine, trusted: tuple[str, ...]) -> AppClient:
    settings = Settings(
        base_url=HUB, database_url=database, trusted_issuers=trusted, allow_private_addresses=True
    )
    return AppClient(create_app(settings, engine), base_url=HUB)


def test_a_trusted_issuers_token_is_accepted(
    database: str, engine: Engine, idp: IdentityProvider
) -> None:
    client = hub_client(database, engine, (idp.issuer,))
    bearer = {"authorization": f"Bearer {idp.token()}"}
    assert client.get("/admin/clients", headers=bearer).status_code == 200
    assert client.get("/admin/clients", headers=bearer).status_code == 200
    assert idp.requests == 2  # metadata and keys fetched once, then cached
    client.close()


def test_an_untrusted_issuers_token_is_refused(
    database: str, engine: Engine, idp: IdentityProvider
) -> None:
    client = hub_client(database, engine, ())
    response = client.get("/admin/clients", headers={"authorization": f"Bearer {idp.token()}"})
    assert response.status_code == 401
    assert idp.requests == 0  # nothing is fetched for an issuer nobody registered
    client.close()


def test_a_trusted_issuers_token_for_another_audience_is_refused(
    database: str, engine: Engine, idp: IdentityProvider
) -> None:
    client = hub_client(database, engine, (idp.issuer,))
    response = client.get(
        "/admin/clients",
        headers={"authorization": f"Bearer {idp.token(aud='https://other.example')}"},
    )
    assert response.status_code == 401
    client.close()


def test_private_addresses_are_refused_unless_allowed(
    database: str, engine: Engine, idp: IdentityProvider
) -> None:
    settings = Settings(base_url=HUB, database_url=database, trusted_issuers=(idp.issuer,))
    client = AppClient(create_app(settings, engine), base_url=HUB)
    response = client.get("/admin/clients", headers={"authorization": f"Bearer {idp.token()}"})
    assert response.status_code == 401
    assert "non-public address" in response.json()["detail"]
    assert idp.requests == 0
    client.close()
