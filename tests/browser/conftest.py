"""Browser tests: a real uvicorn server on 127.0.0.1 in a background thread, driven by
Debian's Chromium through Playwright. Without /usr/bin/chromium they skip, unless
CLUSTERHUB_REQUIRE_BROWSER=1 asks them to fail instead."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from hub.app import create_app
from hub.auth.clients import add_client
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade

CHROMIUM = Path("/usr/bin/chromium")
# The operator client of each running server, by base URL (its secret is shown only once).
_OPERATORS: dict[str, dict[str, Any]] = {}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CLUSTERHUB_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The base URL of a clusterhub instance served by uvicorn on a free loopback port."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    base_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    settings = Settings(
        base_url=base_url,
        database_url=f"sqlite:///{tmp_path / 'browser.sqlite3'}",
        cluster_key="vojvodina-ict",
        title="Vojvodina ICT Cluster data",
    )
    engine = database_engine(settings.database_url)
    upgrade(engine)
    _OPERATORS[base_url] = add_client(engine, name="node operator", scopes=["write"])
    config = uvicorn.Config(
        create_app(settings, engine), log_level="warning", ws="none", lifespan="on"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield base_url
    finally:
        instance.should_exit = True
        thread.join(timeout=15)
        listener.close()
        engine.dispose()
        _OPERATORS.pop(base_url, None)


@pytest.fixture
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def seed(base_url: str, documents: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Write documents through the HTTP API, as a node operator would: a token from the
    instance's own token endpoint (client credentials), then PUTs."""
    operator = _OPERATORS[base_url]
    with httpx.Client(base_url=base_url, timeout=10) as client:
        granted = client.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(operator["client_id"], operator["client_secret"]),
        )
        assert granted.status_code == 200, granted.text
        client.headers["authorization"] = f"Bearer {granted.json()['access_token']}"
        for kind, key, doc in documents:
            response = client.put(f"/id/{kind}/{key}", json=doc)
            assert response.status_code in (200, 201), response.text
