"""`/healthz` and `/readyz`."""

from __future__ import annotations

from pathlib import Path

from hub.app import create_app
from hub.settings import Settings
from hub.storage.engine import database_engine
from tests.support.client import AppClient


def test_healthz_answers_while_the_process_runs(client: AppClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert response.headers["cache-control"] == "no-store"


def test_readyz_is_ok_on_a_current_database(client: AppClient) -> None:
    response = client.get("/readyz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_is_503_until_the_schema_is_upgraded(tmp_path: Path) -> None:
    settings = Settings(
        base_url="http://hub.test", database_url=f"sqlite:///{tmp_path / 'new.sqlite3'}"
    )
    engine = database_engine(settings.database_url)
    client = AppClient(create_app(settings, engine))
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {
            "status": "unavailable",
            "reason": "the database schema is not current: run 'clusterhub db upgrade'",
        }
    finally:
        client.close()
        engine.dispose()


def test_readyz_is_503_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "db.sqlite3"
    settings = Settings(base_url="http://hub.test", database_url=f"sqlite:///{missing}")
    engine = database_engine(settings.database_url)
    client = AppClient(create_app(settings, engine))
    try:
        response = client.get("/readyz")
        assert (response.status_code, response.json()) == (
            503,
            {"status": "unavailable", "reason": "OperationalError"},
        )
    finally:
        client.close()
        engine.dispose()
