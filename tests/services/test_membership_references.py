"""What a membership written on its own (PUT, PATCH) may name: an organisation as its member,
an organisation or a project as what it is a member of."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from hub.services.entities import patch_entity, put_entity, read_entity
from hub.services.errors import InvalidInput, Problem
from hub.services.references import wrong_kind
from hub.settings import Settings
from tests.support import samples

OWN = "http://hub.test/id/"
ACME = f"{OWN}organisations/acme"
CLUSTER = f"{OWN}organisations/vojvodina-ict"


@pytest.fixture
def stored(engine: Engine, settings: Settings) -> None:
    for kind, key, doc in (
        ("organisations", "acme", {"legalName": {"en": "Acme"}}),
        ("organisations", "vojvodina-ict", {"prefLabel": {"en": "Vojvodina ICT"}}),
        ("events", "b2b-novi-sad-2025", samples.event()),
        ("projects", "digital-balkans", samples.project()),
    ):
        put_entity(engine, settings, kind=kind, key=key, doc=doc)


def put_membership(engine: Engine, settings: Settings, **doc: Any) -> list[Problem]:
    with pytest.raises(InvalidInput) as raised:
        put_entity(engine, settings, kind="memberships", key="m", doc=doc)
    return raised.value.problems


@pytest.mark.usefixtures("stored")
def test_a_stored_entity_of_another_kind_is_refused_naming_the_field(
    engine: Engine, settings: Settings
) -> None:
    event = f"{OWN}events/b2b-novi-sad-2025"
    assert put_membership(engine, settings, member=event, organization=CLUSTER) == [
        Problem(
            f"'{event}' is an event of this node: a membership's member is an organisation",
            field="member",
        )
    ]
    assert put_membership(engine, settings, member=ACME, organization=event) == [
        Problem(
            f"'{event}' is an event of this node: a membership's organization is an organisation"
            " or a project",
            field="organization",
        )
    ]


@pytest.mark.usefixtures("stored")
def test_a_patch_cannot_point_a_membership_at_another_kind(
    engine: Engine, settings: Settings
) -> None:
    put_entity(
        engine, settings, kind="memberships", key="m", doc={"member": ACME, "organization": CLUSTER}
    )
    before = read_entity(engine, kind="memberships", key="m")
    with pytest.raises(InvalidInput) as raised:
        patch_entity(
            engine, settings, kind="memberships", key="m", patch={"member": f"{OWN}memberships/m"}
        )
    assert [problem.field for problem in raised.value.problems] == ["member"]
    assert read_entity(engine, kind="memberships", key="m") == before


@pytest.mark.usefixtures("stored")
def test_a_partner_is_a_member_of_a_project(engine: Engine, settings: Settings) -> None:
    project = f"{OWN}projects/digital-balkans"
    doc = {"member": ACME, "organization": project, "role": "prole:coordinator"}
    assert put_entity(engine, settings, kind="memberships", key="m", doc=doc) == "created"


@pytest.mark.parametrize(
    ("field", "iri"),
    [
        ("member", ACME),
        ("organization", CLUSTER),
        ("organization", f"{OWN}projects/p"),
        ("member", "https://other.example/id/events/e"),  # another node's: not judged here
        ("member", f"{OWN}things/x"),  # no kind at all: reported as naming no entity
    ],
)
def test_what_is_not_judged_wrong(field: str, iri: str) -> None:
    assert wrong_kind(field, iri, OWN) is None
