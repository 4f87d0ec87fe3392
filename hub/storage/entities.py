"""Reading and writing stored entities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, and_, bindparam, delete, func, or_, select, update

from hub.storage import feed
from hub.storage.records import EntityRow, StoredEntity
from hub.storage.tables import entities

_STORED = (
    entities.c.kind,
    entities.c.key,
    entities.c.iri,
    entities.c.doc,
    entities.c.hash,
    entities.c.updated_at,
    entities.c.visibility,
    entities.c.field_visibility,
)

_NAMES = ("kind", "key", "iri", "doc", "hash", "updated_at", "visibility", "field_visibility")

# Record tiers a reader may see: None means every tier (the node itself: exports, checks).
Tiers = tuple[str, ...] | None

WriteOutcome = Literal["created", "updated", "unchanged"]


# Built once: on the entity read path, building a select costs more than running it
# (tests/benchmarks/bench_reads.py).
_BY_KIND_AND_KEY = select(*_STORED).where(
    entities.c.kind == bindparam("kind"), entities.c.key == bindparam("key")
)


def get_entity(connection: Connection, *, kind: str, key: str) -> StoredEntity | None:
    row = connection.execute(_BY_KIND_AND_KEY, {"kind": kind, "key": key}).one_or_none()
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
    tiers: Tiers = None,
) -> list[StoredEntity]:
    query = select(*_STORED).where(entities.c.kind == kind)
    if tiers is not None:
        query = query.where(entities.c.visibility.in_(tiers))
    if clusters_only:
        query = query.where(entities.c.is_cluster.is_(True))
    query = query.order_by(entities.c.sort_name, entities.c.key).offset(offset).limit(limit)
    return [StoredEntity(*row) for row in connection.execute(query)]


def count_entities(
    connection: Connection, *, kind: str, clusters_only: bool = False, tiers: Tiers = None
) -> int:
    query = select(func.count()).select_from(entities).where(entities.c.kind == kind)
    if tiers is not None:
        query = query.where(entities.c.visibility.in_(tiers))
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
    tiers: Tiers = None,
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
    if tiers is not None:
        # A membership shows only when it and the entity on its other side may be seen.
        condition = and_(
            condition,
            membership.c.visibility.in_(tiers),
            or_(other.c.iri.is_(None), other.c.visibility.in_(tiers)),
        )
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


def count_memberships(
    connection: Connection, *, organisation_iri: str, tiers: Tiers = None
) -> int:
    membership = entities.alias("m")
    other = entities.alias("o")
    condition = and_(
        membership.c.kind == "memberships", membership.c.organisation_iri == organisation_iri
    )
    if tiers is not None:
        condition = and_(
            condition,
            membership.c.visibility.in_(tiers),
            or_(other.c.iri.is_(None), other.c.visibility.in_(tiers)),
        )
    query = (
        select(func.count())
        .select_from(membership.outerjoin(other, other.c.iri == membership.c.member_iri))
        .where(condition)
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
    """Create or replace one entity; a document equal to the stored one changes nothing.
    A change takes the next place in the feed (hub/storage/feed.py); the record's visibility
    is the admin's and stays as it is."""
    current = connection.execute(
        select(entities.c.id, entities.c.hash, entities.c.visibility, entities.c.feed_tiers).where(
            entities.c.kind == row.kind, entities.c.key == row.key
        )
    ).one_or_none()
    if current is not None and current.hash == row.hash:
        return "unchanged"
    seq, published = feed.reserve(connection, count=1, now=now).stamp()
    if current is None:
        connection.execute(
            entities.insert().values(
                **row.values(), created_at=now, updated_at=now, seq=seq, published_at=published,
                feed_tiers=feed.TIER_BITS["public"],
            )
        )
        feed.forget_tombstones(connection, iris=[row.iri])
        return "created"
    connection.execute(
        update(entities)
        .where(entities.c.id == current.id)
        .values(
            **row.values(), updated_at=now, seq=seq, published_at=published,
            feed_tiers=current.feed_tiers | feed.TIER_BITS.get(current.visibility, 0),
        )
    )
    return "updated"


def delete_entities(
    connection: Connection, *, keys: Sequence[tuple[str, str]], now: datetime
) -> None:
    """Delete these entities, each leaving a tombstone in the feed."""
    doomed = []
    for kind, key in keys:
        found = connection.execute(
            select(entities.c.iri, entities.c.feed_tiers).where(
                entities.c.kind == kind, entities.c.key == key
            )
        ).one_or_none()
        if found is not None:
            doomed.append((kind, key, found.iri, found.feed_tiers))
    feed.bury(connection, doomed=doomed, now=now)
    for kind, key, _, _ in doomed:
        connection.execute(delete(entities).where(entities.c.kind == kind, entities.c.key == key))


def get_visibility(connection: Connection, *, kind: str, key: str) -> tuple[str, str | None] | None:
    """(record tier, field overrides as JSON) of an entity, None when there is none."""
    row = connection.execute(
        select(entities.c.visibility, entities.c.field_visibility).where(
            entities.c.kind == kind, entities.c.key == key
        )
    ).one_or_none()
    return (row.visibility, row.field_visibility) if row else None


def set_visibility(
    connection: Connection, *, kind: str, key: str, record: str, fields: str | None, now: datetime
) -> None:
    """Set an entity's tiers. The record takes a new place in the feed, where each tier shows
    what the change means to it (ARCHITECTURE.md section 5: leaving a tier is a Delete there)."""
    seq, published = feed.reserve(connection, count=1, now=now).stamp()
    connection.execute(
        update(entities)
        .where(entities.c.kind == kind, entities.c.key == key)
        .values(
            visibility=record, field_visibility=fields, updated_at=now, seq=seq,
            published_at=published,
            feed_tiers=entities.c.feed_tiers.op("|")(feed.TIER_BITS.get(record, 0)),
        )
    )


def dependent_memberships(connection: Connection, *, iri: str) -> list[tuple[str, str]]:
    """Memberships that name `iri` as member or organisation (they go when it goes)."""
    query = select(entities.c.kind, entities.c.key).where(
        and_(
            entities.c.kind == "memberships",
            or_(entities.c.member_iri == iri, entities.c.organisation_iri == iri),
        )
    )
    return [(row.kind, row.key) for row in connection.execute(query)]


def entity_stats(
    connection: Connection,
    *,
    kind: str | None = None,
    clusters_only: bool = False,
    tiers: Tiers = None,
) -> tuple[int, datetime | None]:
    """How many entities (of `kind`, or of every kind) and when the newest change was made:
    together a cheap validator for pages listing them."""
    query = select(func.count(), func.max(entities.c.updated_at)).select_from(entities)
    if tiers is not None:
        query = query.where(entities.c.visibility.in_(tiers))
    if kind is not None:
        query = query.where(entities.c.kind == kind)
    if clusters_only:
        query = query.where(entities.c.is_cluster.is_(True))
    count, newest = connection.execute(query).one()
    return int(count), newest


def stats_by_kind(
    connection: Connection, *, tiers: Tiers = None
) -> dict[tuple[str, bool], tuple[int, datetime | None]]:
    """(count, newest `updated_at`) of the entities, grouped by (kind, is_cluster)."""
    query = select(
        entities.c.kind, entities.c.is_cluster, func.count(), func.max(entities.c.updated_at)
    )
    if tiers is not None:
        query = query.where(entities.c.visibility.in_(tiers))
    query = query.group_by(entities.c.kind, entities.c.is_cluster)
    return {
        (kind, bool(cluster)): (int(count), newest)
        for kind, cluster, count, newest in connection.execute(query)
    }
