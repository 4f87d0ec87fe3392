"""A node holding every sample (full profiles of every kind), written through its HTTP API."""

from __future__ import annotations

import pytest

from tests.support import samples
from tests.support.client import AppClient


@pytest.fixture
def published(client: AppClient) -> AppClient:
    for sample in samples.samples():
        response = client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc)
        assert response.status_code == 201, response.text
    return client
