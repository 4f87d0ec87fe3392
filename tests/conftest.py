"""Fixtures: every test that touches a database runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hub.app import create_app
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade
from tests.support.client import AppClient
from tests.support.databases import backends, database_url

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
def client(settings: Settings, engine: Engine) -> Iterator[AppClient]:
    client = AppClient(create_app(settings, engine), base_url=BASE_URL)
    yield client
    client.close()


@pytest.fixture
def remote_client(settings: Settings, engine: Engine) -> Iterator[AppClient]:
    """A client calling from another machine (not loopback)."""
    client = AppClient(create_app(settings, engine), client=("203.0.113.7", 40000), base_url=BASE_URL)
    yield client
    client.close()
