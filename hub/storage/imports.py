"""Import writing: each batch is compared with the store and its new or changed rows written
straight to `entities`; the keys, IRIs and references of every row are staged in
`import_keys` for the checks that need the whole file (duplicate keys, references, what a
replace deletes), which run as set queries in SQL. Everything runs inside the caller's
transaction, so a rollback (errors, or a dry run) leaves no trace.

`import_keys` is a temporary table: private to the import's connection, never written to
the database's log (SQLite's WAL, PostgreSQL's), and dropped with the import."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, text

from hub.storage.checkpoints import checkpoint_later
from hub.storage.feed import (
    MICROSECOND,
    TIER_BITS_SQL,
    bury_where,
    forget_tombstones,
    has_tombstones,
    reserve,
)
from hub.storage.records import EntityRow, ImportDiff

_COLUMNS = ", ".join(EntityRow._fields)
_UPDATES = ", ".join(f"{column} = excluded.{column}" for column in _COLUMNS.split(", ")[2:])
IMPORT_CACHE_KIB = 64 * 1024  # SQLite page cache of an import's connection
# SQLite settings of an import's connection, for its duration (`import_transaction`).
_IMPORT_PRAGMAS = {
    "temp_store": "FILE",
    "cache_size": f"-{IMPORT_CACHE_KIB}",
    "wal_autocheckpoint": "0",
}
_LOOKUP_CHUNK = 500  # keys per lookup: well under every driver's parameter limit
_KINDS = ("organisations", "memberships", "events", "projects")
# The staged columns of a membership's references, and the fields they come from.
_REFERENCES = (("member_iri", "member"), ("organisation_iri", "organization"))
_STAGED = "SELECT 1 FROM import_keys s WHERE s.kind = {0}.kind AND s.key = {0}.key"
_CREATE_STAGE = (
    "CREATE TEMPORARY TABLE import_keys (row_no INTEGER NOT NULL, kind VARCHAR(16) NOT NULL,"
    " key VARCHAR(128) NOT NULL, iri VARCHAR(2048) NOT NULL, member_iri VARCHAR(2048),"
    " organisation_iri VARCHAR(2048))"
)


@dataclass(frozen=True, slots=True)
class ReplaceScope:
    """What a replace import may delete: own entities of `kinds` absent from the file; or,
    with `organisation_iri`, the memberships in that organisation absent from the file and
    the member organisations left with no membership at all (a member list replaced)."""

    kinds: tuple[str, ...] = ()
    organisation_iri: str | None = None


@contextmanager
def import_transaction(engine: Engine) -> Iterator[Connection]:
    """`hub.storage.transactions.write_transaction` for a bulk import, with its `import_keys`.
    On SQLite, for its duration: the import's temporary storage (`import_keys`, statement
    journals, sorts) goes to a file rather than memory (the engine's `temp_store=MEMORY`,
    right for reads), as it grows with the file; and the page cache is larger
    (`IMPORT_CACHE_KIB`), so the indexes of `entities` are updated in memory rather than
    spilled to the log mid-transaction (that spilling doubled the cost of writing rows); and
    the commit does not checkpoint the WAL: once committed, `hub.storage.checkpoints` does,
    in the background."""
    with engine.connect() as connection:
        driver: Any = connection.connection.dbapi_connection
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # outside any transaction, as SQLite requires: on the driver connection
            saved = {name: _pragma(driver, name) for name in _IMPORT_PRAGMAS}
            for name, value in _IMPORT_PRAGMAS.items():
                driver.execute(f"PRAGMA {name}={value}")
        connection.info["write"] = True
        try:
            with connection.begin():
                # Created in the transaction: a rollback takes the table away too.
                connection.exec_driver_sql(_CREATE_STAGE)
                connection.exec_driver_sql("CREATE INDEX ix_import_keys ON import_keys (kind, key)")
                yield connection
                connection.exec_driver_sql("DROP TABLE import_keys")
        finally:
            connection.info.pop("write", None)
            if sqlite:
                for name, value in saved.items():
                    driver.execute(f"PRAGMA {name}={value}")
    if sqlite:  # committed (an exception skips this): the log holds all it wrote
        checkpoint_later(engine)


def _pragma(driver: Any, name: str) -> str:
    """A setting's value, as `PRAGMA name=value` takes it back."""
    return str(driver.execute(f"PRAGMA {name}").fetchone()[0])


def write_batch(
    connection: Connection, *, rows: Sequence[tuple[int, EntityRow]], write: bool, now: datetime
) -> ImportDiff:
    """Stage one batch's keys, compare it with the store, and (with `write`) write the rows
    that are new or changed, numbered into the feed in file order; unchanged rows keep their
    place, visibility stays the admin's. Returns what the batch creates, updates and leaves.

    Rows go straight to `entities`: the import's transaction makes them all or nothing (any
    problem found later, or a dry run, rolls them back). Plain driver-level executemany
    throughout: per-row dicts and SQLAlchemy parameter processing cost more than the
    inserts themselves."""
    if not rows:
        return ImportDiff(0, 0, 0, 0)
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    _stage_keys(connection, rows, marker)
    stored = _stored_hashes(connection, [row for _, row in rows], marker)
    changed = [row for _, row in rows if stored.get((row.kind, row.key)) != row.hash]
    created = sum((row.kind, row.key) not in stored for row in changed)
    diff = ImportDiff(created, len(changed) - created, len(rows) - len(changed), 0)
    if write and changed:
        _write_rows(connection, changed, stored, marker, now)
    return diff


def _stage_keys(connection: Connection, rows: Sequence[tuple[int, EntityRow]], marker: str) -> None:
    connection.exec_driver_sql(
        "INSERT INTO import_keys (row_no, kind, key, iri, member_iri, organisation_iri)"
        f" VALUES ({', '.join([marker] * 6)})",
        [
            (row_no, row.kind, row.key, row.iri, row.member_iri, row.organisation_iri)
            for row_no, row in rows
        ],
    )


def _stored_hashes(
    connection: Connection, rows: Sequence[EntityRow], marker: str
) -> dict[tuple[str, str], str]:
    """(kind, key) -> stored hash of the rows' entities that exist already."""
    keys: dict[str, list[str]] = {}
    for row in rows:
        keys.setdefault(row.kind, []).append(row.key)
    found: dict[tuple[str, str], str] = {}
    for kind, names in keys.items():
        for start in range(0, len(names), _LOOKUP_CHUNK):
            chunk = names[start : start + _LOOKUP_CHUNK]
            result = connection.exec_driver_sql(
                f"SELECT key, hash FROM entities WHERE kind = {marker}"
                f" AND key IN ({', '.join([marker] * len(chunk))})",
                (kind, *chunk),
            )
            found.update(((kind, key), digest) for key, digest in result)
    return found


def _write_rows(
    connection: Connection,
    rows: Sequence[EntityRow],
    stored: dict[tuple[str, str], str],
    marker: str,
    now: datetime,
) -> None:
    reservation = reserve(connection, count=len(rows), now=now)
    if has_tombstones(connection):
        forget_tombstones(
            connection, iris=[row.iri for row in rows if (row.kind, row.key) not in stored]
        )
    written, *published = _driver_times(connection, now, reservation.published, len(rows))
    params = [
        (*row, written, written, reservation.first + index, published[index])
        for index, row in enumerate(rows)
    ]
    connection.exec_driver_sql(
        f"INSERT INTO entities ({_COLUMNS}, created_at, updated_at, seq, published_at,"
        f" feed_tiers) VALUES ({', '.join([marker] * 15)}, 3)"
        f" ON CONFLICT (kind, key) DO UPDATE SET {_UPDATES}, updated_at = excluded.updated_at,"
        f" seq = excluded.seq, published_at = excluded.published_at,"
        f" feed_tiers = entities.feed_tiers | {TIER_BITS_SQL.format('entities')}",
        params,
    )


def _driver_times(
    connection: Connection, now: datetime, first: datetime, count: int
) -> list[object]:
    """`now`, then `count` times a microsecond apart from `first`, as the driver takes them
    for a `DateTime` column: psycopg takes datetimes; SQLite, the text SQLAlchemy's DateTime
    type writes and reads (UTC, no zone)."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # converted once, not once a row
        now, first = (time.astimezone(UTC).replace(tzinfo=None) for time in (now, first))
    times = [now, *(first + index * MICROSECOND for index in range(count))]
    return [time.isoformat(" ", "microseconds") for time in times] if sqlite else list(times)


def duplicate_keys(connection: Connection) -> list[tuple[str, str, list[int]]]:
    """(kind, key, row numbers) of every key the file holds more than once."""
    result = connection.execute(
        text(
            "SELECT kind, key, row_no FROM import_keys WHERE (kind, key) IN ("
            " SELECT kind, key FROM import_keys GROUP BY kind, key HAVING count(*) > 1)"
            " ORDER BY kind, key, row_no"
        )
    )
    grouped: dict[tuple[str, str], list[int]] = {}
    for kind, key, row_no in result:
        grouped.setdefault((kind, key), []).append(row_no)
    return [(kind, key, rows) for (kind, key), rows in grouped.items()]


def _scanned_stage(connection: Connection) -> str:
    """`import_keys s`, read in one pass: the checks over staged memberships took a lookup
    per row through the (kind, key) index otherwise (SQLite; PostgreSQL's planner scans)."""
    return "import_keys s NOT INDEXED" if connection.dialect.name == "sqlite" else "import_keys s"


def missing_references(connection: Connection, *, own_prefix: str) -> list[tuple[int, str, str]]:
    """(row, field, IRI) of staged memberships naming an own organisation that exists neither
    in the file nor in the store."""
    staged_rows = _scanned_stage(connection)
    found: list[tuple[int, str, str]] = []
    for column, field in _REFERENCES:
        # The store first: an import writes its rows as it goes, so what the file names is
        # mostly found there, in one lookup. import_keys has no index on iri: an own IRI is
        # {own_prefix}{kind}/{key}, so the staged side is looked up by (kind, key), which is
        # indexed (matching by iri made this check quadratic in the size of the file).
        staged = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM import_keys o"
            f" WHERE o.kind = '{kind}' AND o.iri = s.{column}"
            f" AND o.key = substr(s.{column}, {len(own_prefix) + len(kind) + 2}))"
            for kind in _KINDS
        )
        result = connection.execute(
            text(
                f"SELECT s.row_no, s.{column} FROM {staged_rows}"
                f" WHERE s.kind = 'memberships' AND s.{column} LIKE :prefix"
                f" AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.iri = s.{column})"
                f" AND {staged} ORDER BY s.row_no"
            ),
            {"prefix": own_prefix + "%"},
        )
        found.extend((row_no, field, iri) for row_no, iri in result)
    return sorted(found)


def references_to_other_kinds(
    connection: Connection, *, own_prefix: str, allowed: Mapping[str, tuple[str, ...]]
) -> list[tuple[int, str, str]]:
    """(row, field, IRI) of staged memberships whose `field` (member, organization) names an
    own entity, `{own_prefix}{kind}/{key}`, of a kind not in `allowed[field]`."""
    staged_rows = _scanned_stage(connection)
    found: list[tuple[int, str, str]] = []
    for column, field in _REFERENCES:
        kinds = allowed[field]
        params: dict[str, object] = {"own": own_prefix, "own_length": len(own_prefix)}
        outside = []
        for number, kind in enumerate(kinds):
            params[f"kind{number}"] = f"{own_prefix}{kind}/"
            params[f"length{number}"] = len(own_prefix) + len(kind) + 1
            outside.append(f"substr(s.{column}, 1, :length{number}) <> :kind{number}")
        result = connection.execute(
            text(
                f"SELECT s.row_no, s.{column} FROM {staged_rows}"
                f" WHERE s.kind = 'memberships' AND substr(s.{column}, 1, :own_length) = :own"
                f" AND {' AND '.join(outside)} ORDER BY s.row_no"
            ),
            params,
        )
        found.extend((row_no, field, iri) for row_no, iri in result)
    return sorted(found)


def named_non_clusters(
    connection: Connection, *, default: str, organisation_prefix: str
) -> list[tuple[int, str]]:
    """(row, IRI) of a member list's staged memberships that name, instead of the list's
    cluster `default`, an organisation that is no cluster organisation: a stored one, or
    one of the file's rows (which are members, never clusters; in a dry run they are not
    written, so they are looked up where they are staged)."""
    staged_rows = _scanned_stage(connection)
    result = connection.execute(
        text(
            f"SELECT s.row_no, s.organisation_iri FROM {staged_rows}"
            " WHERE s.kind = 'memberships' AND s.organisation_iri <> :default AND ("
            "  EXISTS (SELECT 1 FROM entities e WHERE e.iri = s.organisation_iri"
            "   AND e.kind = 'organisations' AND e.is_cluster = :false)"
            "  OR EXISTS (SELECT 1 FROM import_keys o WHERE o.kind = 'organisations'"
            "   AND o.key = substr(s.organisation_iri, :key_from)"
            "   AND o.iri = s.organisation_iri))"
            " ORDER BY s.row_no"
        ),
        {"default": default, "false": False, "key_from": len(organisation_prefix) + 1},
    )
    return [(row_no, iri) for row_no, iri in result]


def _deletion_queries(scope: ReplaceScope) -> list[tuple[str, str]]:
    """(kind filter SQL, WHERE clause) pairs selecting what a replace deletes."""
    if scope.organisation_iri is not None:
        doomed_memberships = (
            "e.kind = 'memberships' AND e.organisation_iri = :org"
            f" AND NOT EXISTS ({_STAGED.format('e')})"
        )
        doomed_members = (
            "e.kind = 'organisations' AND e.is_cluster = :false"
            f" AND NOT EXISTS ({_STAGED.format('e')})"
            " AND e.iri IN (SELECT m.member_iri FROM entities m WHERE m.kind = 'memberships'"
            "   AND m.organisation_iri = :org"
            "   AND NOT EXISTS (SELECT 1 FROM import_keys s"
            "     WHERE s.kind = m.kind AND s.key = m.key))"
            " AND NOT EXISTS (SELECT 1 FROM entities k WHERE k.kind = 'memberships'"
            "   AND k.member_iri = e.iri AND k.organisation_iri <> :org)"
            " AND NOT EXISTS (SELECT 1 FROM import_keys s WHERE s.member_iri = e.iri)"
        )
        # Members first: their test reads the memberships that are about to go.
        return [("organisations", doomed_members), ("memberships", doomed_memberships)]
    return [
        (kind, f"e.kind = '{kind}' AND NOT EXISTS ({_STAGED.format('e')})") for kind in scope.kinds
    ]


def _params(scope: ReplaceScope | None) -> dict[str, object]:
    params: dict[str, object] = {"false": False}
    if scope is not None and scope.organisation_iri is not None:
        params["org"] = scope.organisation_iri
    return params


def count_deletions(connection: Connection, *, replace: ReplaceScope) -> int:
    """How many entities the replace scope deletes, given everything the file staged."""
    params = _params(replace)
    return sum(
        int(
            connection.execute(
                text(f"SELECT count(*) FROM entities e WHERE {where}"), params
            ).scalar_one()
        )
        for _, where in _deletion_queries(replace)
    )


def finish_import(
    connection: Connection,
    *,
    replace: ReplaceScope | None,
    own_organisation_prefix: str,
    now: datetime,
) -> None:
    """After every batch is written: delete what the replace scope says, and drop
    memberships left pointing at deleted own organisations."""
    if replace is not None:
        params = _params(replace)
        # Every deletion leaves a tombstone in the feed (hub/storage/feed.py).
        for _, where in _deletion_queries(replace):
            bury_where(connection, where=where, params=params, now=now)
        orphans = {"prefix": own_organisation_prefix + "%"}
        bury_where(connection, where=_ORPHANS, params=orphans, now=now)


# Memberships left naming an own organisation that no longer exists.
_ORPHANS = (
    "e.kind = 'memberships' AND ("
    " (e.member_iri LIKE :prefix AND NOT EXISTS"
    "   (SELECT 1 FROM entities o WHERE o.iri = e.member_iri))"
    " OR (e.organisation_iri LIKE :prefix AND NOT EXISTS"
    "   (SELECT 1 FROM entities o WHERE o.iri = e.organisation_iri)))"
)


# Reading back what an import wrote: exports stream the store in the import formats, so that
# `clusterhub export` then `clusterhub import` round-trips.


def own_documents(connection: Connection, *, batch: int = 1000) -> Iterator[tuple[str, str]]:
    """(IRI, stored document) of every entity, by kind then key, read a batch at a time
    (keyset pagination: each batch is an index range scan, whatever the store's size)."""
    last_kind, last_key = "", ""
    while True:
        rows = connection.execute(
            text(
                "SELECT kind, key, iri, doc FROM entities"
                " WHERE kind > :kind OR (kind = :kind AND key > :key)"
                " ORDER BY kind, key LIMIT :batch"
            ),
            {"kind": last_kind, "key": last_key, "batch": batch},
        ).all()
        for _, _, iri, doc in rows:
            yield iri, doc
        if len(rows) < batch:
            return
        last_kind, last_key = rows[-1][0], rows[-1][1]


def member_documents(
    connection: Connection, *, organisation_iri: str, batch: int = 1000
) -> Iterator[tuple[str, str, str]]:
    """(member key, member document, membership document) of the memberships in an
    organisation whose member is stored here, by membership key, a batch at a time."""
    last = ""
    while True:
        rows = connection.execute(
            text(
                "SELECT m.key, o.key, o.doc, m.doc FROM entities m"
                " JOIN entities o ON o.iri = m.member_iri AND o.kind = 'organisations'"
                " WHERE m.kind = 'memberships' AND m.organisation_iri = :org AND m.key > :last"
                " ORDER BY m.key LIMIT :batch"
            ),
            {"org": organisation_iri, "last": last, "batch": batch},
        ).all()
        for _, member_key, member_doc, membership_doc in rows:
            yield member_key, member_doc, membership_doc
        if len(rows) < batch:
            return
        last = rows[-1][0]
