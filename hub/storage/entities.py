"""Reading and writing stored entities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, and_, delete, func, or_, select, update

from hub.storage.records import EntityRow, StoredEntity
from hub.storage.tables import entities

_STORED = (
    entities.c.kind,
    entities.c.key,
    entities.c.iri,
    entities.c.doc,
    entities.c.hash,
    entities.c.updated_at,
)

_NAMES = ("kind", "key", "iri", "doc", "hash", "updated_at")

WriteOutcome = Literal["created", "updated", "unchanged"]


def get_entity(connection: Connection, *, kind: str, key: str) -> StoredEntity | None:
    row = connection.execute(
        select(*_STORED).where(entities.c.kind == kind, entities.c.key == key)
    ).one_or_none()
    return StoredEntity(*row) if row else None


def get_entities_by_iri(connection: Connection, *, iris: Iterable[str]) -> dict[str, StoredEntity]:
    wanted = sorted(set(iris))
    found: dict[str, StoredEntity] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in connection.execute(select(*_STORED).where(entities.c.iri.in_(chunk))):
            found[row.iri] = StoredEntity(*row)
    return found


def list_entities(
    connection: Connection,
    *,
    kind: str,
    offset: int,
    limit: int,
    clusters_only: bool = False,
) -> list[StoredEntity]:
    query = select(*_STORED).where(entities.c.kind == kind)
    if clusters_only:
        query = query.where(entities.c.is_cluster.is_(True))
    query = query.order_by(entities.c.sort_name, entities.c.key).offset(offset).limit(limit)
    return [StoredEntity(*row) for row in connection.execute(query)]


def count_entities(connection: Connection, *, kind: str, clusters_only: bool = False) -> int:
    query = select(func.count()).select_from(entities).where(entities.c.kind == kind)
    if clusters_only:
        query = query.where(entities.c.is_cluster.is_(True))
    return int(connection.execute(query).scalar_one())


def list_memberships(
    connection: Connection,
    *,
    member_iri: str | None = None,
    organisation_iri: str | None = None,
    offset: int = 0,
    limit: int = 1000,
) -> list[tuple[StoredEntity, StoredEntity | None]]:
    """Memberships of a member or in an organisation, each with the entity on the other side
    (None when that side is not stored here), ordered by that entity's name."""
    if (member_iri is None) == (organisation_iri is None):
        raise ValueError("give exactly one of member_iri and organisation_iri")
    membership = entities.alias("m")
    other = entities.alias("o")
    if member_iri is not None:
        condition = membership.c.member_iri == member_iri
        join_on = other.c.iri == membership.c.organisation_iri
    else:
        condition = membership.c.organisation_iri == organisation_iri
        join_on = other.c.iri == membership.c.member_iri
    columns = [membership.c[name] for name in _NAMES] + [other.c[name] for name in _NAMES]
    query = (
        select(*columns)
        .select_from(membership.outerjoin(other, join_on))
        .where(membership.c.kind == "memberships", condition)
        .order_by(other.c.sort_name, membership.c.key)
        .offset(offset)
        .limit(limit)
    )
    result = []
    for row in connection.execute(query):
        values = tuple(row)
        first = StoredEntity(*values[: len(_NAMES)])
        second = values[len(_NAMES):]
        result.append((first, StoredEntity(*second) if second[0] is not None else None))
    return result


def count_memberships(connection: Connection, *, organisation_iri: str) -> int:
    query = (
        select(func.count())
        .select_from(entities)
        .where(entities.c.kind == "memberships", entities.c.organisation_iri == organisation_iri)
    )
    return int(connection.execute(query).scalar_one())


def find_cluster_keys(connection: Connection) -> list[str]:
    query = (
        select(entities.c.key)
        .where(entities.c.kind == "organisations", entities.c.is_cluster.is_(True))
        .order_by(entities.c.key)
    )
    return list(connection.scalars(query))


def put_entity(connection: Connection, *, row: EntityRow, now: datetime) -> WriteOutcome:
    """Create or replace one entity; a document equal to the stored one changes nothing."""
    current = connection.execute(
        select(entities.c.id, entities.c.hash).where(
            entities.c.kind == row.kind, entities.c.key == row.key
        )
    ).one_or_none()
    if current is None:
        connection.execute(entities.insert().values(**row.values(), created_at=now, updated_at=now))
        return "created"
    if current.hash == row.hash:
        return "unchanged"
    connection.execute(
        update(entities).where(entities.c.id == current.id).values(**row.values(), updated_at=now)
    )
    return "updated"


def delete_entities(connection: Connection, *, keys: Sequence[tuple[str, str]]) -> None:
    for kind, key in keys:
        connection.execute(delete(entities).where(entities.c.kind == kind, entities.c.key == key))


def dependent_memberships(connection: Connection, *, iri: str) -> list[tuple[str, str]]:
    """Memberships that name `iri` as member or organisation (they go when it goes)."""
    query = select(entities.c.kind, entities.c.key).where(
        and_(
            entities.c.kind == "memberships",
            or_(entities.c.member_iri == iri, entities.c.organisation_iri == iri),
        )
    )
    return [(row.kind, row.key) for row in connection.execute(query)]
