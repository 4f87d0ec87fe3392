"""Import staging: rows land in `import_rows`, are checked and compared as sets in SQL, then
applied in one statement. Everything runs inside the caller's transaction, so a rollback
(errors, or a dry run) leaves no trace."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, DateTime, Engine, bindparam, text

from hub.storage.feed import (
    TIER_BITS_SQL,
    bury_where,
    forget_tombstones_of_import,
    reserve,
    stamp_params,
    stamped,
)
from hub.storage.records import EntityRow, ImportDiff

_COLUMNS = (
    "kind, key, iri, doc, hash, sort_name, is_cluster,"
    " member_iri, organisation_iri, vat_id, lei_code"
)
_UPDATES = ", ".join(
    f"{column} = excluded.{column}" for column in _COLUMNS.split(", ")[2:]
)
_KINDS = ("organisations", "memberships", "events", "projects")
_STAGED = (
    "SELECT 1 FROM import_rows s"
    " WHERE s.import_id = :imp AND s.kind = {0}.kind AND s.key = {0}.key"
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
    """`hub.storage.transactions.write_transaction` for a bulk import. On SQLite, the
    import's temporary storage (the statement journal of each INSERT ... SELECT, sorts) goes
    to a file rather than memory (the engine's `temp_store=MEMORY`, right for reads): it
    grows with the file, and held 4 GB in memory for a million members."""
    with engine.connect() as connection:
        driver: Any = connection.connection.dbapi_connection
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # outside any transaction, as SQLite requires: on the driver connection
            previous = int(driver.execute("PRAGMA temp_store").fetchone()[0])
            driver.execute("PRAGMA temp_store=FILE")
        connection.info["write"] = True
        try:
            with connection.begin():
                yield connection
        finally:
            connection.info.pop("write", None)
            if sqlite:
                driver.execute(f"PRAGMA temp_store={previous}")


def stage_rows(
    connection: Connection, *, import_id: str, rows: Sequence[tuple[int, EntityRow]]
) -> None:
    """Stage one batch with a plain driver-level executemany: an import stages every entity
    of the file, and per-row dict building (`asdict`) and SQLAlchemy parameter processing
    cost more than the insert itself."""
    if not rows:
        return
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    columns = f"import_id, row_no, {_COLUMNS}"
    markers = ", ".join([marker] * (columns.count(",") + 1))
    connection.exec_driver_sql(
        f"INSERT INTO import_rows ({columns}) VALUES ({markers})",
        [
            (import_id, row_no, row.kind, row.key, row.iri, row.doc, row.hash, row.sort_name,
             row.is_cluster, row.member_iri, row.organisation_iri, row.vat_id, row.lei_code)
            for row_no, row in rows
        ],
    )


def duplicate_keys(connection: Connection, *, import_id: str) -> list[tuple[str, str, list[int]]]:
    """(kind, key, row numbers) of every key the file holds more than once."""
    result = connection.execute(
        text(
            "SELECT kind, key, row_no FROM import_rows WHERE import_id = :imp AND (kind, key) IN ("
            " SELECT kind, key FROM import_rows WHERE import_id = :imp"
            " GROUP BY kind, key HAVING count(*) > 1) ORDER BY kind, key, row_no"
        ),
        {"imp": import_id},
    )
    grouped: dict[tuple[str, str], list[int]] = {}
    for kind, key, row_no in result:
        grouped.setdefault((kind, key), []).append(row_no)
    return [(kind, key, rows) for (kind, key), rows in grouped.items()]


def missing_references(
    connection: Connection, *, import_id: str, own_prefix: str
) -> list[tuple[int, str, str]]:
    """(row, field, IRI) of staged memberships naming an own organisation that exists neither
    in the file nor in the store."""
    found: list[tuple[int, str, str]] = []
    for column, field in (("member_iri", "member"), ("organisation_iri", "organization")):
        # import_rows has no index on iri: an own IRI is {own_prefix}{kind}/{key}, so the
        # staged side is looked up by (import_id, kind, key), which is indexed. Matching by
        # iri made this check quadratic in the size of the file.
        staged = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM import_rows o WHERE o.import_id = :imp"
            f" AND o.kind = '{kind}' AND o.iri = s.{column}"
            f" AND o.key = substr(s.{column}, {len(own_prefix) + len(kind) + 2}))"
            for kind in _KINDS
        )
        result = connection.execute(
            text(
                f"SELECT s.row_no, s.{column} FROM import_rows s"
                f" WHERE s.import_id = :imp AND s.kind = 'memberships'"
                f" AND s.{column} LIKE :prefix AND {staged}"
                f" AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.iri = s.{column})"
                f" ORDER BY s.row_no"
            ),
            {"imp": import_id, "prefix": own_prefix + "%"},
        )
        found.extend((row_no, field, iri) for row_no, iri in result)
    return sorted(found)


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
            "   AND NOT EXISTS (SELECT 1 FROM import_rows s WHERE s.import_id = :imp"
            "     AND s.kind = m.kind AND s.key = m.key))"
            " AND NOT EXISTS (SELECT 1 FROM entities k WHERE k.kind = 'memberships'"
            "   AND k.member_iri = e.iri AND k.organisation_iri <> :org)"
            " AND NOT EXISTS (SELECT 1 FROM import_rows s WHERE s.import_id = :imp"
            "   AND s.member_iri = e.iri)"
        )
        # Members first: their test reads the memberships that are about to go.
        return [("organisations", doomed_members), ("memberships", doomed_memberships)]
    return [
        (kind, f"e.kind = '{kind}' AND NOT EXISTS ({_STAGED.format('e')})")
        for kind in scope.kinds
    ]


def _params(import_id: str, scope: ReplaceScope | None) -> dict[str, object]:
    params: dict[str, object] = {"imp": import_id, "false": False}
    if scope is not None and scope.organisation_iri is not None:
        params["org"] = scope.organisation_iri
    return params


def diff_import(
    connection: Connection, *, import_id: str, replace: ReplaceScope | None
) -> ImportDiff:
    params = _params(import_id, replace)

    def count(sql: str) -> int:
        return int(connection.execute(text(sql), params).scalar_one())

    created = count(
        "SELECT count(*) FROM import_rows s WHERE s.import_id = :imp AND NOT EXISTS"
        " (SELECT 1 FROM entities e WHERE e.kind = s.kind AND e.key = s.key)"
    )
    joined = (
        "SELECT count(*) FROM import_rows s JOIN entities e ON e.kind = s.kind AND e.key = s.key"
        " WHERE s.import_id = :imp AND e.hash {} s.hash"
    )
    updated = count(joined.format("<>"))
    unchanged = count(joined.format("="))
    deleted = 0
    if replace is not None:
        deleted = sum(
            count(f"SELECT count(*) FROM entities e WHERE {where}")
            for _, where in _deletion_queries(replace)
        )
    return ImportDiff(created=created, updated=updated, unchanged=unchanged, deleted=deleted)


def apply_import(
    connection: Connection,
    *,
    import_id: str,
    replace: ReplaceScope | None,
    own_organisation_prefix: str,
    now: datetime,
) -> None:
    """Write the staged rows (only those that differ from what is stored), delete what the
    replace scope says, drop memberships left pointing at deleted own organisations."""
    params = _params(import_id, replace)
    if replace is not None:
        # Every deletion leaves a tombstone in the feed (hub/storage/feed.py).
        for _, where in _deletion_queries(replace):
            bury_where(connection, where=where, params=params, now=now)
        orphans = {"prefix": own_organisation_prefix + "%"}
        bury_where(connection, where=_ORPHANS, params=orphans, now=now)
    _upsert_changed(connection, import_id=import_id, now=now)
    connection.execute(text("DELETE FROM import_rows WHERE import_id = :imp"), {"imp": import_id})


# Memberships left naming an own organisation that no longer exists.
_ORPHANS = (
    "e.kind = 'memberships' AND ("
    " (e.member_iri LIKE :prefix AND NOT EXISTS"
    "   (SELECT 1 FROM entities o WHERE o.iri = e.member_iri))"
    " OR (e.organisation_iri LIKE :prefix AND NOT EXISTS"
    "   (SELECT 1 FROM entities o WHERE o.iri = e.organisation_iri)))"
)
# The window numbers row ids only, then the rows are joined back: numbering `s.*` made the
# database sort every staged document (in memory with temp_store=MEMORY: 4 GB for 1M members).
_CHANGED = (
    "SELECT s.*, r.rn FROM (SELECT c.id AS sid, row_number() OVER (ORDER BY c.row_no, c.id) AS rn"
    "   FROM import_rows c WHERE c.import_id = :imp AND NOT EXISTS (SELECT 1 FROM entities e"
    "   WHERE e.kind = c.kind AND e.key = c.key AND e.hash = c.hash)) r"
    " JOIN import_rows s ON s.id = r.sid"
)


def _upsert_changed(connection: Connection, *, import_id: str, now: datetime) -> None:
    """Insert or update the staged rows that differ from the store, numbering them into the
    feed in file order; unchanged rows keep their place. Visibility stays the admin's."""
    changed = int(
        connection.execute(text(f"SELECT count(*) FROM ({_CHANGED}) c"), {"imp": import_id})
        .scalar_one()
    )
    if not changed:
        return
    reservation = reserve(connection, count=changed, now=now)
    forget_tombstones_of_import(connection, import_id=import_id)
    statement = stamped(
        connection,
        f"INSERT INTO entities ({_COLUMNS}, created_at, updated_at, seq, published_at, feed_tiers)"
        f" SELECT {_COLUMNS}, :now, :now, :first - 1 + d.rn, {{published}}, 3"
        f" FROM ({_CHANGED}) d WHERE true"
        f" ON CONFLICT (kind, key) DO UPDATE SET {_UPDATES}, updated_at = excluded.updated_at,"
        f" seq = excluded.seq, published_at = excluded.published_at,"
        f" feed_tiers = entities.feed_tiers | {TIER_BITS_SQL.format('entities')}"
        f" WHERE entities.hash <> excluded.hash",
        rank="d.rn",
    ).bindparams(bindparam("now", type_=DateTime(timezone=True)))
    connection.execute(
        statement, {"imp": import_id, "now": now, **stamp_params(connection, reservation)}
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

