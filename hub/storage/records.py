"""The row shape shared by stored entities and staged import rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple


class EntityRow(NamedTuple):
    """A row of `entities` without its feed columns. A tuple: imports pass hundreds of
    thousands between processes, and a dataclass unpickles ten times slower."""

    kind: str
    key: str
    iri: str
    doc: str  # compact JSON-LD, without @context
    hash: str
    sort_name: str
    is_cluster: bool = False
    member_iri: str | None = None
    organisation_iri: str | None = None
    vat_id: str | None = None
    lei_code: str | None = None

    def values(self) -> dict[str, Any]:
        return self._asdict()


@dataclass(frozen=True, slots=True)
class StoredEntity:
    kind: str
    key: str
    iri: str
    doc: str
    hash: str
    updated_at: datetime
    visibility: str = "public"  # the record's tier (ARCHITECTURE.md section 5)
    field_visibility: str | None = None  # JSON {term: tier} overrides, set by the node admin


@dataclass(frozen=True, slots=True)
class ImportDiff:
    created: int
    updated: int
    unchanged: int
    deleted: int
