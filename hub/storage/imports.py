"""Import staging: rows land in `import_rows`, are checked and compared as sets in SQL, then
applied in one statement. Everything runs inside the caller's transaction, so a rollback
(errors, or a dry run) leaves no trace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from hub.storage.records import EntityRow, ImportDiff
from hub.storage.tables import import_rows

_COLUMNS = (
    "kind, key, iri, doc, hash, sort_name, is_cluster, member_iri, organisation_iri, vat_id, lei_code"
)
_UPDATES = ", ".join(
    f"{column} = excluded.{column}" for column in _COLUMNS.split(", ")[2:]
)
_STAGED = "SELECT 1 FROM import_rows s WHERE s.import_id = :imp AND s.kind = {0}.kind AND s.key = {0}.key"


@dataclass(frozen=True, slots=True)
class ReplaceScope:
    """What a replace import may delete: own entities of `kinds` absent from the file; or,
    with `organisation_iri`, the memberships in that organisation absent from the file and
    the member organisations left with no membership at all (a member list replaced)."""

    kinds: tuple[str, ...] = ()
    organisation_iri: str | None = None


def stage_rows(
    connection: Connection, *, import_id: str, rows: Sequence[tuple[int, EntityRow]]
) -> None:
    if rows:
        connection.execute(
            import_rows.insert(),
            [{"import_id": import_id, "row_no": row_no, **row.values()} for row_no, row in rows],
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
        result = connection.execute(
            text(
                f"SELECT s.row_no, s.{column} FROM import_rows s"
                f" WHERE s.import_id = :imp AND s.kind = 'memberships'"
                f" AND s.{column} LIKE :prefix"
                f" AND NOT EXISTS (SELECT 1 FROM import_rows o WHERE o.import_id = :imp"
                f"   AND o.iri = s.{column})"
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
        for _, where in _deletion_queries(replace):
            connection.execute(
                text(f"DELETE FROM entities WHERE id IN (SELECT e.id FROM entities e WHERE {where})"),
                params,
            )
        connection.execute(
            text(
                "DELETE FROM entities WHERE kind = 'memberships' AND ("
                " (member_iri LIKE :prefix AND NOT EXISTS"
                "   (SELECT 1 FROM entities o WHERE o.iri = entities.member_iri))"
                " OR (organisation_iri LIKE :prefix AND NOT EXISTS"
                "   (SELECT 1 FROM entities o WHERE o.iri = entities.organisation_iri)))"
            ),
            {"prefix": own_organisation_prefix + "%"},
        )
    connection.execute(
        text(
            f"INSERT INTO entities ({_COLUMNS}, created_at, updated_at)"
            f" SELECT {_COLUMNS}, :now, :now FROM import_rows WHERE import_id = :imp"
            f" ON CONFLICT (kind, key) DO UPDATE SET {_UPDATES}, updated_at = excluded.updated_at"
            f" WHERE entities.hash <> excluded.hash"
        ),
        {"imp": import_id, "now": now},
    )
    connection.execute(text("DELETE FROM import_rows WHERE import_id = :imp"), {"imp": import_id})
