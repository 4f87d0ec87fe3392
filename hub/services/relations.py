"""What an entity's page shows beside the entity: memberships both ways and named entities.

A member's page lists its memberships (clusters, networks, projects); a cluster's or a
project's page lists its members or partners, paged; a membership, an event or a project
names other own entities (member and organisation, organisers, funders) by their IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from hub.auth.scopes import Tier
from hub.services.collections import Paging
from hub.services.entities import check_address
from hub.services.errors import EntityNotFound
from hub.services.visibility import readable_tiers, view_doc
from hub.storage import entities as store
from hub.storage.records import StoredEntity
from hub.storage.transactions import read_transaction

# A member's memberships are listed whole; a page that long is already an outlier.
MEMBERSHIPS_SHOWN = 1000


@dataclass(frozen=True, slots=True)
class Relation:
    """A membership and the entity on its other side (None when not stored here)."""

    membership: dict[str, Any]
    other: dict[str, Any] | None
    other_kind: str | None


@dataclass(frozen=True, slots=True)
class EntityView:
    """An entity with everything its page lists."""

    kind: str
    stored: StoredEntity
    doc: dict[str, Any]
    memberships: list[Relation] = field(default_factory=list)
    members: list[Relation] = field(default_factory=list)
    members_total: int = 0
    paging: Paging = field(default_factory=Paging)
    named: dict[str, dict[str, Any]] = field(default_factory=dict)  # IRI -> own entity's doc


def read_entity_view(
    engine: Engine, *, kind: str, key: str, paging: Paging, tier: Tier
) -> EntityView:
    """The entity at `/id/{kind}/{key}` and what its page lists, as `tier` may see them, in
    one read transaction; `paging` pages its members (or a project's partners)."""
    check_address(kind, key)
    tiers = readable_tiers(tier)
    with read_transaction(engine) as connection:
        stored = store.get_entity(connection, kind=kind, key=key)
        if stored is None or stored.visibility not in tiers:
            raise EntityNotFound(kind, key)
        doc = view_doc(stored, tier)
        memberships: list[Relation] = []
        members: list[Relation] = []
        total = 0
        if kind in ("organisations", "projects"):
            members = _relations(connection, tier, organisation_iri=stored.iri, paging=paging)
            total = store.count_memberships(connection, organisation_iri=stored.iri, tiers=tiers)
        if kind == "organisations":
            memberships = _relations(
                connection, tier, member_iri=stored.iri, paging=Paging(1, MEMBERSHIPS_SHOWN)
            )
        named = _named(connection, _named_iris(kind, doc), tier)
        if kind == "memberships" and len(named) < len(_own(_named_iris(kind, doc), stored.iri)):
            raise EntityNotFound(kind, key)  # it names a record this caller may not see
    return EntityView(kind, stored, doc, memberships, members, total, paging, named)


def _own(iris: list[str], entity_iri: str) -> list[str]:
    base = entity_iri.split("/id/", 1)[0] + "/id/"
    return [iri for iri in iris if iri.startswith(base)]


def _relations(
    connection: Connection,
    tier: Tier,
    *,
    paging: Paging,
    member_iri: str | None = None,
    organisation_iri: str | None = None,
) -> list[Relation]:
    rows = store.list_memberships(
        connection,
        member_iri=member_iri,
        organisation_iri=organisation_iri,
        offset=paging.offset,
        limit=paging.per_page,
        tiers=readable_tiers(tier),
    )
    return [
        Relation(
            view_doc(membership, tier),
            view_doc(other, tier) if other else None,
            other.kind if other else None,
        )
        for membership, other in rows
    ]


def _named_iris(kind: str, doc: dict[str, Any]) -> list[str]:
    if kind == "memberships":
        return [doc["member"], doc["organization"]]
    if kind == "events":
        return list(doc.get("organizer", []))
    if kind == "projects":
        return [grant["funder"] for grant in doc.get("funding", []) if "funder" in grant]
    return []


def _named(connection: Connection, iris: list[str], tier: Tier) -> dict[str, dict[str, Any]]:
    if not iris:
        return {}
    found = store.get_entities_by_iri(connection, iris=iris)
    tiers = readable_tiers(tier)
    return {
        iri: view_doc(stored, tier) for iri, stored in found.items() if stored.visibility in tiers
    }


__all__ = ["EntityView", "Relation", "read_entity_view"]
