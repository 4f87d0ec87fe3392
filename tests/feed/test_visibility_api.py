"""`/id/{kind}/{key}/visibility`: the admin sets a record's tiers; the feed follows."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine

import vocab
from hub.services import entities as service
from hub.services.imports.options import ImportOptions
from hub.services.imports.service import import_file
from hub.settings import Settings
from tests.feed.conftest import bearer, cluster
from tests.feed.reading import all_members
from tests.support.client import AppClient

PATH = "/id/organisations/vojvodina-ict/visibility"


@pytest.fixture
def stored(engine: Engine, settings: Settings) -> None:
    service.put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster())


@pytest.mark.usefixtures("stored")
def test_an_admin_reads_and_sets_a_records_tiers(
    client: AppClient, admin: dict[str, str], partner: dict[str, str]
) -> None:
    assert client.get(PATH, headers=admin).json() == {"record": "public", "fields": {}}
    body = {
        "record": "partner",
        "fields": {"contactPoint": "public", "numberOfEmployees.value": "private"},
    }
    response = client.put(PATH, json=body, headers=admin)
    assert (response.status_code, response.json()) == (200, body)
    assert client.get(PATH, headers=admin).json() == body
    assert [m.verb for m in all_members(client)] == ["Delete"]
    assert [m.verb for m in all_members(client, partner)] == ["Update"]


@pytest.mark.usefixtures("stored")
def test_setting_the_same_tiers_again_keeps_the_records_place(
    client: AppClient, admin: dict[str, str]
) -> None:
    body = {"record": "public", "fields": {"contactPoint": "public"}}
    client.put(PATH, json=body, headers=admin)
    before = all_members(client)
    assert client.put(PATH, json=body, headers=admin).status_code == 200
    assert all_members(client) == before


@pytest.mark.usefixtures("stored")
def test_tiers_need_the_admin_scope(
    client: AppClient, engine: Engine, partner: dict[str, str]
) -> None:
    assert client.get(PATH).status_code == 401
    writer = bearer(client, engine, "write")
    for headers in (partner, writer):
        refused = client.put(PATH, json={"record": "private"}, headers=headers)
        assert (refused.status_code, refused.headers["content-type"]) == (
            403,
            "application/problem+json",
        )


@pytest.mark.usefixtures("stored")
def test_a_bad_body_is_a_422_problem_naming_each_field(
    client: AppClient, admin: dict[str, str]
) -> None:
    body = {
        "record": "secret",
        "fields": {"contactPoint": "nobody", "shoeSize": "public"},
        "extra": 1,
    }
    response = client.put(PATH, json=body, headers=admin)
    assert (response.status_code, response.headers["content-type"]) == (
        422,
        "application/problem+json",
    )
    assert [e["field"] for e in response.json()["errors"]] == [
        "extra",
        "record",
        "fields.contactPoint",
        "fields.shoeSize",
    ]
    assert (
        client.put(PATH, json={"record": "public", "fields": []}, headers=admin).status_code == 422
    )
    assert client.get("/id/organisations/nobody/visibility", headers=admin).status_code == 404


@pytest.mark.usefixtures("stored")
def test_put_and_import_keep_the_tiers(
    client: AppClient, engine: Engine, settings: Settings, admin: dict[str, str], tmp_path: Path
) -> None:
    tiers = {"record": "partner", "fields": {"homepage": "private"}}
    client.put(PATH, json=tiers, headers=admin)
    changed = {**cluster(), "homepage": "https://new.rs/"}
    service.put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=changed)
    assert client.get(PATH, headers=admin).json() == tiers
    source = tmp_path / "cluster.jsonld"
    renamed = {**changed, "prefLabel": {"en": "Renamed by an import"}}
    source.write_bytes(orjson.dumps({"@context": vocab.CONTEXT_URL, "@graph": [renamed]}))
    with source.open("rb") as stream:
        report = import_file(engine, settings, stream, ImportOptions(format="jsonld"))
    assert report.updated == 1
    assert client.get(PATH, headers=admin).json() == tiers
