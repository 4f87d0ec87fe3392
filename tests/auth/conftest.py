"""Registered OAuth clients for the auth tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from sqlalchemy import Engine

from hub.app import create_app
from hub.auth.clients import add_client
from hub.settings import Settings
from tests.support.client import AppClient


@pytest.fixture
def secret_client(engine: Engine) -> dict[str, Any]:
    """A partner cluster's client authenticating with a secret (client_secret_basic)."""
    return add_client(engine, name="Cluj IT Cluster hub", scopes=["read:partner"])


@pytest.fixture
def client_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture
def key_client(engine: Engine, client_key: ec.EllipticCurvePrivateKey) -> dict[str, Any]:
    """A client authenticating with a signed assertion (private_key_jwt, RFC 7523)."""
    public = ECAlgorithm.to_jwk(client_key.public_key(), as_dict=True)
    public.update(kid="cluster-key-1", use="sig", alg="ES256")
    return add_client(
        engine,
        name="Serbian Cluster Association hub",
        scopes=["read:partner", "write"],
        jwks={"keys": [public]},
    )


@pytest.fixture
def settings(database: str) -> Settings:
    """OAuth runs over TLS only (RFC 6749 section 3.2): the instance's public URL is https."""
    return Settings(base_url="https://hub.test", database_url=database, cluster_key="vojvodina-ict")


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[AppClient]:
    client = AppClient(create_app(settings, engine), base_url=settings.base_url)
    yield client
    client.close()
