"""The feed on a real database of each backend, with small pages (10 changes) so that a test
builds several pages with a few dozen writes. The base URL is https: partner callers get their
tokens from the instance's OAuth server (RFC 6749 section 3.2 needs TLS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from hub.app import create_app
from hub.auth.clients import add_client
from hub.settings import Settings
from tests.support.client import AppClient
from tests.support.samples import cluster_profile

BASE = "https://hub.test"
PAGE_SIZE = 10


@pytest.fixture
def settings(database: str) -> Settings:
    return Settings(
        base_url=BASE, database_url=database, cluster_key="vojvodina-ict", feed_page_size=PAGE_SIZE
    )


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[AppClient]:
    client = AppClient(create_app(settings, engine), base_url=BASE)
    yield client
    client.close()


def bearer(client: AppClient, engine: Engine, *scopes: str) -> dict[str, str]:
    """An `Authorization` header with a fresh token of a new client holding `scopes`."""
    registered = add_client(engine, name=f"client with {' '.join(scopes)}", scopes=list(scopes))
    response = client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(registered["client_id"], registered["client_secret"]),
    )
    assert response.status_code == 200, response.text
    return {"authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
def partner(client: AppClient, engine: Engine) -> dict[str, str]:
    return bearer(client, engine, "read:partner")


@pytest.fixture
def admin(client: AppClient, engine: Engine) -> dict[str, str]:
    return bearer(client, engine, "admin")


def organisation(key: str, label: str, **extra: Any) -> dict[str, Any]:
    """A small member organisation document."""
    return {"type": ["Organization"], "prefLabel": {"en": label}, **extra}


def cluster() -> dict[str, Any]:
    """The full cluster profile (contact point, management team...) under the test base URL."""
    return cluster_profile(BASE)
