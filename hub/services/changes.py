"""Changes to a record that are not edits of its document: its visibility tiers.

A node admin sets a record's tier and overrides the tier of single fields (ARCHITECTURE.md
section 5). A change takes the record to a new place in the feed, where each tier shows what
it means there: Create or Update where it may now be seen, Delete where it was seen and may
no longer be. Imports and `PUT` never touch these settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Engine

import vocab
from hub.auth.scopes import TIERS
from hub.linked_data.context import bundled_terms
from hub.services.entities import check_address
from hub.services.errors import EntityNotFound, InvalidInput, Problem
from hub.storage import entities as store
from hub.storage.transactions import read_transaction, write_transaction


@dataclass(frozen=True, slots=True)
class Visibility:
    """A record's tier and its field overrides (context term -> tier)."""

    record: str = "public"
    fields: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"record": self.record, "fields": dict(sorted(self.fields.items()))}

    def fields_json(self) -> str | None:
        return orjson.dumps(dict(sorted(self.fields.items()))).decode() if self.fields else None


def settable_terms() -> frozenset[str]:
    """Terms a tier can be set for: every term of the context, and the sub-terms that have
    defaults of their own (`numberOfEmployees.value`, the exact head-count)."""
    return frozenset(bundled_terms().terms) | frozenset(vocab.visibility_defaults())


def parse_visibility(body: dict[str, Any]) -> Visibility:
    """`{"record": tier, "fields": {term: tier}}`; every problem at once, by field."""
    problems = [
        Problem(f"'{key}' is not a visibility setting (record, fields)", field=key)
        for key in sorted(set(body) - {"record", "fields"})
    ]
    record = body.get("record")
    if record not in TIERS:
        problems.append(Problem(f"record must be one of {', '.join(TIERS)}", field="record"))
    fields = body.get("fields", {})
    if not isinstance(fields, dict):
        problems.append(Problem("fields must be an object: term -> tier", field="fields"))
        fields = {}
    known = settable_terms()
    for term, tier in sorted(fields.items()):
        if term not in known:
            problems.append(
                Problem(f"'{term}' is not a term of the context", field=f"fields.{term}")
            )
        elif tier not in TIERS:
            problems.append(
                Problem(f"the tier must be one of {', '.join(TIERS)}", field=f"fields.{term}")
            )
    if problems:
        raise InvalidInput("the visibility cannot be set", problems)
    return Visibility(str(record), {str(term): str(tier) for term, tier in fields.items()})


def read_visibility(engine: Engine, *, kind: str, key: str) -> Visibility:
    check_address(kind, key)
    with read_transaction(engine) as connection:
        found = store.get_visibility(connection, kind=kind, key=key)
    if found is None:
        raise EntityNotFound(kind, key)
    return _visibility(*found)


def set_visibility(engine: Engine, *, kind: str, key: str, wanted: Visibility) -> bool:
    """Set the tiers; True when they changed (and the feed moved the record)."""
    check_address(kind, key)
    with write_transaction(engine) as connection:
        found = store.get_visibility(connection, kind=kind, key=key)
        if found is None:
            raise EntityNotFound(kind, key)
        if _visibility(*found) == wanted:
            return False
        store.set_visibility(
            connection, kind=kind, key=key, record=wanted.record, fields=wanted.fields_json(),
            now=datetime.now(UTC),
        )
    return True


def _visibility(record: str, fields_json: str | None) -> Visibility:
    fields: dict[str, str] = orjson.loads(fields_json) if fields_json else {}
    return Visibility(record, fields)
