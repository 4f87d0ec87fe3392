"""Paged collections of own entities: `/organisations`, `/clusters`, `/events`, `/projects`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from sqlalchemy import Engine

from hub.auth.scopes import Tier
from hub.services.errors import EntityNotFound
from hub.services.visibility import readable_tiers
from hub.storage import entities as store
from hub.storage.records import StoredEntity
from hub.storage.transactions import read_transaction

MAX_PER_PAGE: Final = 500


@dataclass(frozen=True, slots=True)
class CollectionSpec:
    """A collection: a path segment and the stored entities it lists."""

    name: str
    kind: str
    clusters_only: bool = False


COLLECTIONS: Final[dict[str, CollectionSpec]] = {
    spec.name: spec
    for spec in (
        CollectionSpec("organisations", "organisations"),
        CollectionSpec("clusters", "organisations", clusters_only=True),
        CollectionSpec("events", "events"),
        CollectionSpec("projects", "projects"),
    )
}


@dataclass(frozen=True, slots=True)
class Paging:
    """A 1-based page number and a page size."""

    page: int = 1
    per_page: int = 50

    @property
    def offset(self) -> int:
        """How many entities come before this page."""
        return (self.page - 1) * self.per_page

    def last_page(self, total: int) -> int:
        """The number of the last page (1 for an empty collection)."""
        return max(1, -(-total // self.per_page))


@dataclass(frozen=True, slots=True)
class CollectionSummary:
    """How many entities a collection holds and when the newest of them changed."""

    spec: CollectionSpec
    total: int
    modified: datetime | None

    @property
    def validator(self) -> str:
        """Changes whenever an entity of the collection is created, changed or deleted: a
        delete lowers the count, anything else moves the newest `updated_at`."""
        stamp = self.modified.isoformat() if self.modified else "-"
        return f"{self.spec.name}:{self.total}:{stamp}"


def collection_spec(name: str) -> CollectionSpec:
    """The collection called `name`; `EntityNotFound` when there is none."""
    try:
        return COLLECTIONS[name]
    except KeyError:
        raise EntityNotFound("collections", name) from None


def summarise_collection(engine: Engine, *, name: str, tier: Tier) -> CollectionSummary:
    """The size and newest change of the collection `name` as `tier` sees it (one query)."""
    spec = collection_spec(name)
    with read_transaction(engine) as connection:
        total, newest = store.entity_stats(
            connection,
            kind=spec.kind,
            clusters_only=spec.clusters_only,
            tiers=readable_tiers(tier),
        )
    return CollectionSummary(spec, total, as_utc(newest))


def read_collection_page(
    engine: Engine, *, name: str, paging: Paging, tier: Tier
) -> list[StoredEntity]:
    """One page of the records `tier` may see, ordered by folded name, then key; cut each
    with `hub.services.visibility.view_text` / `view_doc` before it leaves."""
    spec = collection_spec(name)
    with read_transaction(engine) as connection:
        return store.list_entities(
            connection,
            kind=spec.kind,
            offset=paging.offset,
            limit=paging.per_page,
            clusters_only=spec.clusters_only,
            tiers=readable_tiers(tier),
        )


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


__all__ = [
    "COLLECTIONS",
    "MAX_PER_PAGE",
    "CollectionSpec",
    "CollectionSummary",
    "Paging",
    "as_utc",
    "read_collection_page",
    "summarise_collection",
]
