"""Fixtures: every test that touches a database runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.applications import Starlette

from hub.app import create_app
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade
from tests.support.client import AppClient
from tests.support.databases import backends, database_url
from tests.support.tokens import OPERATOR_SCOPES, issue_token

BASE_URL = "http://hub.test"


@pytest.fixture(params=backends())
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty, migrated database of each backend."""
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def settings(database: str) -> Settings:
    return Settings(base_url=BASE_URL, database_url=database, cluster_key="vojvodina-ict")


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = database_engine(settings.database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def app(settings: Settings, engine: Engine) -> Starlette:
    return create_app(settings, engine)


@pytest.fixture
def client(app: Starlette, engine: Engine, settings: Settings) -> Iterator[AppClient]:
    """The node's operator: a token with the admin, write and read:partner scopes."""
    token = issue_token(app, engine, scopes=OPERATOR_SCOPES, name="node operator")
    client = AppClient(app, base_url=settings.base_url, token=token)
    yield client
    client.close()


@pytest.fixture
def public_client(app: Starlette, settings: Settings) -> Iterator[AppClient]:
    """Anyone: no token, the public tier (an investor browsing the catalogue)."""
    client = AppClient(app, client=("203.0.113.7", 40000), base_url=settings.base_url)
    yield client
    client.close()

