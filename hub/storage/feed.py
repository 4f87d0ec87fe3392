"""The change sequence behind the LDES feed: `seq` and `published_at` for every write,
tombstones for deletes, page bounds, and the rows of one page.

The clock is row `CLOCK` of `feed_state` (`last_seq`, `last_published`), locked by every writer
(`SELECT ... FOR UPDATE` on PostgreSQL; SQLite's write transaction already serialises writers),
so seq values commit in order. `published_at` is strictly increasing:
`max(now, last_published + 1 µs)`, plus 1 µs per further row of a bulk write; a member is
never published before the latest one (VOCABULARY.md P22, LDES `ldes:timestampPath`).

Page bounds. A page is a seq range; its lower bound on `as:published` is the `published_at` of
the first seq of the range. That row may later be compacted away (the entity moves to a new
seq, or is deleted), yet a published relation must keep its value (TREE section "Pruning
branches": relations are promises about every member behind them). So the writer records the
`published_at` of every seq that is a multiple of `FEED_PAGE_STEP` as an anchor row of
`feed_state` (`id = 1 + seq // FEED_PAGE_STEP`, `last_seq = seq`); page sizes are multiples of
that step (hub/settings.py), so every page start has an anchor. Page 0 starts at seq 1 (seq 0
is never handed out; its id would be the clock's): the `published_at` of seq 1 is the genesis
anchor, row `GENESIS` (id 0, `last_seq = 1`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, NamedTuple

from sqlalchemy import (
    Connection,
    DateTime,
    String,
    bindparam,
    delete,
    literal,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.sql.elements import TextClause

from hub.settings import FEED_PAGE_STEP
from hub.storage.tables import entities, feed_state, tombstones

CLOCK: Final = 1
GENESIS: Final = 0  # the anchor of page 0: `published_at` of seq 1
MICROSECOND: Final = timedelta(microseconds=1)
PUBLIC_BIT: Final = 1
PARTNER_BIT: Final = 2
# `feed_tiers` bits a record sets while it has this visibility (migration 0003).
TIER_BITS: Final[dict[str, int]] = {"public": PUBLIC_BIT | PARTNER_BIT, "partner": PARTNER_BIT}
# The same in SQL, for set-based writes: `feed_tiers | <this>`.
TIER_BITS_SQL: Final = (
    "CASE {0}.visibility WHEN 'public' THEN 3 WHEN 'partner' THEN 2 ELSE 0 END"
)


@dataclass(frozen=True, slots=True)
class Reservation:
    """`count` consecutive seq values from `first`; row i (0-based) is published at
    `published + i µs`."""

    first: int
    published: datetime
    count: int

    def stamp(self, index: int = 0) -> tuple[int, datetime]:
        return self.first + index, self.published + index * MICROSECOND


class FeedRow(NamedTuple):
    """One row of a page: a live entity (with its document) or a tombstone. A tuple: a page
    reads a thousand."""

    seq: int
    published_at: datetime
    iri: str
    doc: str | None  # None for a tombstone
    created: bool  # never updated since it was created
    visibility: str
    field_visibility: str | None
    feed_tiers: int


def utc(value: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; every stored time is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def reserve(connection: Connection, *, count: int, now: datetime) -> Reservation:
    """Take the next `count` seq values and publication times (inside the writer's
    transaction, which holds the clock until it commits)."""
    clock = connection.execute(
        select(feed_state.c.last_seq, feed_state.c.last_published)
        .where(feed_state.c.id == CLOCK)
        .with_for_update()
    ).one()
    published = now if clock.last_published is None else max(
        now, utc(clock.last_published) + MICROSECOND
    )
    reservation = Reservation(clock.last_seq + 1, published, count)
    if count <= 0:
        return reservation
    last_seq, last_published = reservation.stamp(count - 1)
    connection.execute(
        update(feed_state)
        .where(feed_state.c.id == CLOCK)
        .values(last_seq=last_seq, last_published=last_published)
    )
    _record_anchors(connection, reservation)
    return reservation


def _record_anchors(connection: Connection, reservation: Reservation) -> None:
    first_anchor = -(-reservation.first // FEED_PAGE_STEP) * FEED_PAGE_STEP
    end = reservation.first + reservation.count
    anchors = [
        {"id": CLOCK + seq // FEED_PAGE_STEP, "last_seq": seq,
         "last_published": reservation.stamp(seq - reservation.first)[1]}
        for seq in range(first_anchor, end, FEED_PAGE_STEP)
    ]
    if reservation.first == 1:
        anchors.append({"id": GENESIS, "last_seq": 1, "last_published": reservation.published})
    if anchors:
        connection.execute(feed_state.insert(), anchors)


def last_seq(connection: Connection) -> int:
    """The newest seq handed out (0 before the first write)."""
    return int(
        connection.scalar(select(feed_state.c.last_seq).where(feed_state.c.id == CLOCK)) or 0
    )


def page_starts(connection: Connection, *, size: int, through: int) -> dict[int, datetime]:
    """Page number -> `published_at` of the first seq of that page, for pages `0..through`
    (page n > 0 starts at seq n * size; page 0 at seq 1, the genesis anchor). A page whose
    start is not recorded (page 0 of a database written before the genesis anchor) is left
    out. Anchors never change once written."""
    step = size // FEED_PAGE_STEP
    wanted = [GENESIS, *(CLOCK + number * step for number in range(1, through + 1))]
    found: dict[int, datetime] = {}
    for start in range(0, len(wanted), 500):
        rows = connection.execute(
            select(feed_state.c.id, type_coerce(feed_state.c.last_published, String)).where(
                feed_state.c.id.in_(wanted[start : start + 500])
            )
        )
        for anchor, published in rows:
            if published is not None:
                number = 0 if anchor == GENESIS else (anchor - CLOCK) // step
                found[number] = _timestamp(published)
    return found


def page_rows(connection: Connection, *, start: int, end: int) -> list[FeedRow]:
    """Entities and tombstones with `start <= seq < end`, in seq order."""
    # `published_at` is read as text and parsed by `datetime.fromisoformat`: SQLAlchemy's
    # SQLite DateTime processing costs several ms per thousand rows (PostgreSQL hands back
    # datetimes, which pass through).
    live = select(
        entities.c.seq, type_coerce(entities.c.published_at, String), entities.c.iri,
        entities.c.doc, (entities.c.created_at == entities.c.updated_at).label("created"),
        entities.c.visibility, entities.c.field_visibility, entities.c.feed_tiers,
    ).where(entities.c.seq >= start, entities.c.seq < end)
    dead = select(
        tombstones.c.seq, type_coerce(tombstones.c.published_at, String), tombstones.c.iri,
        literal(None).label("doc"), literal(False).label("created"),
        literal("private").label("visibility"), literal(None).label("field_visibility"),
        tombstones.c.feed_tiers,
    ).where(tombstones.c.seq >= start, tombstones.c.seq < end)
    query = live.union_all(dead).order_by("seq")
    return [
        FeedRow(seq, _timestamp(published), iri, doc, bool(created), visibility, fields, tiers)
        for seq, published, iri, doc, created, visibility, fields, tiers in connection.execute(
            query
        )
    ]


def _timestamp(value: str | datetime) -> datetime:
    return utc(value if isinstance(value, datetime) else datetime.fromisoformat(value))


def has_tombstones(connection: Connection) -> bool:
    """Whether any entity was ever deleted: until one is, a write has no tombstone to forget."""
    return connection.exec_driver_sql("SELECT 1 FROM tombstones LIMIT 1").first() is not None


def forget_tombstones(connection: Connection, *, iris: Sequence[str]) -> None:
    """A re-created entity is live again: its tombstone goes."""
    for start in range(0, len(iris), 500):
        chunk = iris[start : start + 500]
        connection.execute(delete(tombstones).where(tombstones.c.iri.in_(chunk)))


def bury(
    connection: Connection, *, doomed: Sequence[tuple[str, str, str, int]], now: datetime
) -> None:
    """Tombstones for entities about to be deleted, given as (kind, key, iri, feed_tiers):
    each takes a new seq, inherits the tiers it was shown in, and replaces any older
    tombstone of its IRI. The tombstone holds no data of the record (VOCABULARY.md P16)."""
    if not doomed:
        return
    reservation = reserve(connection, count=len(doomed), now=now)
    forget_tombstones(connection, iris=[iri for _, _, iri, _ in doomed])
    rows = []
    for index, (kind, key, iri, tiers) in enumerate(doomed):
        seq, published = reservation.stamp(index)
        rows.append({"seq": seq, "kind": kind, "key": key, "iri": iri,
                     "published_at": published, "feed_tiers": tiers})
    connection.execute(tombstones.insert(), rows)


def bury_where(
    connection: Connection, *, where: str, params: Mapping[str, Any], now: datetime
) -> int:
    """Delete the entities `e` matching the SQL condition `where`, leaving tombstones (set-based:
    seq values are numbered in SQL). Returns how many went."""
    count = int(
        connection.execute(text(f"SELECT count(*) FROM entities e WHERE {where}"), params)
        .scalar_one()
    )
    if not count:
        return 0
    reservation = reserve(connection, count=count, now=now)
    selected = f"SELECT e.id FROM entities e WHERE {where}"
    connection.execute(
        text(f"DELETE FROM tombstones WHERE iri IN (SELECT e.iri FROM entities e WHERE {where})"),
        params,
    )
    numbered = (
        "SELECT d.kind, d.key, d.iri, d.feed_tiers, d.rn FROM (SELECT e.kind, e.key, e.iri,"
        f" e.feed_tiers, row_number() OVER (ORDER BY e.id) AS rn FROM entities e WHERE {where}) d"
    )
    statement = stamped(
        connection,
        "INSERT INTO tombstones (seq, kind, key, iri, published_at, feed_tiers)"
        " SELECT :first - 1 + n.rn, n.kind, n.key, n.iri, {published}, n.feed_tiers"
        f" FROM ({numbered}) n",
        rank="n.rn",
    )
    connection.execute(statement, {**params, **stamp_params(connection, reservation)})
    connection.execute(text(f"DELETE FROM entities WHERE id IN ({selected})"), params)
    return count


def stamped(connection: Connection, sql: str, *, rank: str) -> TextClause:
    """`sql` with `{published}` replaced by the publication time of the row ranked `rank`
    (1-based) in a reservation: `:published + (rank - 1) µs`, computed by the database."""
    if connection.dialect.name == "sqlite":
        # SQLAlchemy's SQLite DateTime text form, built from integer microseconds (exact).
        micros = f"(:published_us + {rank} - 1)"
        published = (
            f"(strftime('%Y-%m-%d %H:%M:%S', {micros} / 1000000, 'unixepoch')"
            f" || '.' || printf('%06d', {micros} % 1000000))"
        )
        return text(sql.format(published=published))
    published = f"(:published + ({rank} - 1) * INTERVAL '1 microsecond')"
    return text(sql.format(published=published)).bindparams(
        bindparam("published", type_=DateTime(timezone=True))
    )


def stamp_params(connection: Connection, reservation: Reservation) -> dict[str, Any]:
    """The parameters `stamped()` statements need for `reservation`."""
    if connection.dialect.name == "sqlite":
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        micros = (reservation.published - epoch) // MICROSECOND
        return {"first": reservation.first, "published_us": micros}
    return {"first": reservation.first, "published": reservation.published}
