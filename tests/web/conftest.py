"""Fixtures shared by the web tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from tests.support.client import AppClient
from tests.web.test_import import CLUSTER, CSV, member_csv, post, store


@pytest.fixture
def stored_members(client: AppClient, engine: Engine) -> Iterator[None]:
    """The cluster and ten members are stored; the test's import must leave them as they are."""
    assert client.put("/id/organisations/vojvodina-ict", json=CLUSTER).status_code == 201
    assert post(client, member_csv(10), CSV).status_code == 200
    before = store(engine)
    yield
    assert store(engine) == before
