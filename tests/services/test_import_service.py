"""`import_file` itself: which cluster a member list belongs to, progress, per-row clusters."""

from __future__ import annotations

import dataclasses
import io

import orjson
import pytest
from sqlalchemy import Engine

from hub.services.entities import put_entity, read_entity
from hub.services.errors import EntityNotFound, InvalidInput, Problem
from hub.services.imports import ImportOptions, ImportReport, import_file
from hub.settings import Settings

MEMBERS = b"key,name,cluster\nacme,Acme,\nbeta,Beta,\n"


def cluster(engine: Engine, settings: Settings, key: str) -> None:
    doc = {"type": ["ClusterOrganisation"], "prefLabel": {"en": key}}
    put_entity(engine, settings, kind="organisations", key=key, doc=doc)


def run(engine: Engine, settings: Settings, body: bytes, **options: object) -> ImportReport:
    return import_file(engine, settings, io.BytesIO(body), ImportOptions(format="csv", **options))  # type: ignore[arg-type]


def problems(engine: Engine, settings: Settings, body: bytes, **options: object) -> list[Problem]:
    with pytest.raises(InvalidInput) as raised:
        run(engine, settings, body, **options)
    return raised.value.problems


def test_without_a_setting_the_only_cluster_stored_is_the_cluster(
    engine: Engine, settings: Settings
) -> None:
    unset = dataclasses.replace(settings, cluster_key=None)
    assert problems(engine, unset, MEMBERS) == [
        Problem(
            "which cluster are these the members of? none is stored: name it with ?cluster="
            " (or --cluster), or set CLUSTERHUB_CLUSTER_KEY",
            field="cluster",
        )
    ]
    cluster(engine, settings, "cluj-it")
    assert run(engine, unset, MEMBERS).created == 4
    cluster(engine, settings, "vojvodina-ict")
    assert problems(engine, unset, MEMBERS) == [
        Problem(
            "which cluster are these the members of? 2 are stored (cluj-it, vojvodina-ict): name it"
            " with ?cluster= (or --cluster), or set CLUSTERHUB_CLUSTER_KEY",
            field="cluster",
        )
    ]


def test_a_row_may_name_another_stored_cluster(engine: Engine, settings: Settings) -> None:
    cluster(engine, settings, "vojvodina-ict")
    cluster(engine, settings, "cluj-it")
    body = b"key,name,cluster\nacme,Acme,\nbeta,Beta,cluj-it\n"
    assert run(engine, settings, body) == ImportReport(False, "merge", 4, 0, 0, 0, 4)
    assert problems(engine, settings, body, mode="replace") == [
        Problem("a replace import covers the cluster 'vojvodina-ict' only", field="cluster", row=3)
    ]
    assert problems(engine, settings, b"key,name,cluster\ngamma,Gamma,nowhere\n") == [
        Problem(
            "'http://hub.test/id/organisations/nowhere' is neither in the file nor stored in"
            " this node",
            field="cluster",
            row=2,
        )
    ]


def test_a_member_list_belongs_to_a_cluster_organisation(
    engine: Engine, settings: Settings
) -> None:
    cluster(engine, settings, "vojvodina-ict")
    company = {"legalName": {"en": "Dunav Soft"}}
    put_entity(engine, settings, kind="organisations", key="dunav-soft", doc=company)
    not_a_cluster = "is not a cluster organisation (its type has no ClusterOrganisation)"
    assert problems(engine, settings, MEMBERS, cluster="dunav-soft") == [
        Problem(f"'dunav-soft' {not_a_cluster}", field="cluster")
    ]
    # A row's cluster: a stored organisation, or another row (a member, in a dry run too).
    body = b"key,name,cluster\nacme,Acme,dunav-soft\nbeta,Beta,acme\ngamma,Gamma,\n"
    expected = [
        Problem(f"'dunav-soft' {not_a_cluster}", field="cluster", row=2),
        Problem(f"'acme' {not_a_cluster}", field="cluster", row=3),
    ]
    for dry_run in (True, False):
        assert problems(engine, settings, body, dry_run=dry_run) == expected
    with pytest.raises(EntityNotFound):
        read_entity(engine, kind="organisations", key="acme")


def test_a_member_list_does_not_hold_its_cluster(engine: Engine, settings: Settings) -> None:
    cluster(engine, settings, "vojvodina-ict")
    assert problems(engine, settings, b"key,name\nvojvodina-ict,Vojvodina ICT\n") == [
        Problem(
            "'vojvodina-ict' is the cluster itself: a member list holds its members",
            field="key",
            row=2,
        )
    ]


def test_progress_is_told_the_entities_read(engine: Engine, settings: Settings) -> None:
    cluster(engine, settings, "vojvodina-ict")
    body = b"key,name\n" + b"".join(f"m{n},Member {n}\n".encode() for n in range(2500))
    seen: list[int] = []
    report = import_file(
        engine, settings, io.BytesIO(body), ImportOptions(format="csv"), seen.append
    )
    assert (report.created, seen) == (5000, [2000, 4000, 5000])


def test_concept_cells_take_alternative_labels_in_both_scripts(
    engine: Engine, settings: Settings
) -> None:
    """A Serbian member list says "MSP" (or "МСП") for an SME: the scheme's skos:altLabel."""
    cluster(engine, settings, "vojvodina-ict")
    body = "key,name,organisation_type\nacme,Acme,MSP\nbeta,Beta,МСП\n".encode()
    assert run(engine, settings, body).created == 4
    for key in ("acme", "beta"):
        stored = orjson.loads(read_entity(engine, kind="organisations", key=key).doc)
        assert stored["classification"] == ["orgtype:sme"]
