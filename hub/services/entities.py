"""Reading and writing single entities: `/id/{kind}/{key}`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from hub.auth.scopes import Tier
from hub.services.errors import EntityNotFound, InvalidInput, Problem
from hub.services.records import entity_row, load_document
from hub.services.references import wrong_kind_problems
from hub.services.validation import context_problems, validate_document
from hub.services.visibility import can_see, is_whole, stored_view
from hub.settings import Settings
from hub.storage import entities as store
from hub.storage.entities import WriteOutcome
from hub.storage.records import StoredEntity
from hub.storage.transactions import read_transaction, write_transaction
from schemas import KINDS, Membership
from schemas.entity import KEY_RULE, is_valid_key


@dataclass(frozen=True, slots=True)
class Deletion:
    deleted: list[tuple[str, str]]  # (kind, key), the entity first, then cascaded memberships


def check_address(kind: str, key: str) -> None:
    if kind not in KINDS:
        raise EntityNotFound(kind, key)
    if not is_valid_key(key):
        raise InvalidInput(
            "invalid key",
            [
                Problem(
                    f"'{key}' is not a valid key ({KEY_RULE})",
                    field="key",
                )
            ],
        )


def read_entity(engine: Engine, *, kind: str, key: str) -> StoredEntity:
    """The stored entity, whole: for the node itself (patches, exports), never for readers."""
    check_address(kind, key)
    with read_transaction(engine) as connection:
        stored = store.get_entity(connection, kind=kind, key=key)
    if stored is None:
        raise EntityNotFound(kind, key)
    return stored


@dataclass(frozen=True, slots=True)
class VisibleEntity:
    """An entity as one caller may see it: `doc` is None when the stored text is the view."""

    stored: StoredEntity
    doc: dict[str, Any] | None
    tier: Tier


def read_visible_entity(engine: Engine, *, kind: str, key: str, tier: Tier) -> VisibleEntity:
    """The entity cut to `tier` (ARCHITECTURE.md section 5). A record above the caller, or a
    membership naming one, does not exist for that caller."""
    check_address(kind, key)
    with read_transaction(engine) as connection:
        stored = store.get_entity(connection, kind=kind, key=key)
        if stored is None or not can_see(tier, stored.visibility):
            raise EntityNotFound(kind, key)
        if kind == "memberships":
            sides = store.get_entities_by_iri(
                connection, iris=[stored_iri for stored_iri in _sides(stored)]
            )
            if any(not can_see(tier, side.visibility) for side in sides.values()):
                raise EntityNotFound(kind, key)
    if is_whole(stored, tier):
        return VisibleEntity(stored, None, tier)
    return VisibleEntity(stored, stored_view(stored, tier), tier)


def _sides(stored: StoredEntity) -> list[str]:
    doc = load_document(stored.doc)
    return [doc["member"], doc["organization"]]


def put_entity(
    engine: Engine, settings: Settings, *, kind: str, key: str, doc: dict[str, Any]
) -> WriteOutcome:
    """Create or replace the entity at `/id/{kind}/{key}` with `doc`."""
    check_address(kind, key)
    iri = settings.entity_iri(kind, key)
    problems = context_problems(doc["@context"], settings) if "@context" in doc else []
    if doc.get("id", iri) != iri:
        problems.append(Problem(f"id must be '{iri}', the address it is written to", field="id"))
    model, model_errors = validate_document(kind, {**doc, "id": iri})
    problems += model_errors
    if problems or model is None:
        raise InvalidInput(f"the {kind[:-1]} is not valid", problems)
    with write_transaction(engine) as connection:
        if isinstance(model, Membership):
            _check_references(connection, settings, model)
        return store.put_entity(connection, row=entity_row(model, key), now=datetime.now(UTC))


def patch_entity(
    engine: Engine, settings: Settings, *, kind: str, key: str, patch: dict[str, Any]
) -> WriteOutcome:
    """Apply a JSON Merge Patch (RFC 7396) to the stored document."""
    current = load_document(read_entity(engine, kind=kind, key=key).doc)
    return put_entity(engine, settings, kind=kind, key=key, doc=merge_patch(current, patch))


def delete_entity(engine: Engine, *, kind: str, key: str) -> Deletion:
    """Delete the entity and the memberships that name it (they cannot outlive it). Each
    leaves only a tombstone in the feed: its IRI and a time (VOCABULARY.md P16)."""
    check_address(kind, key)
    with write_transaction(engine) as connection:
        stored = store.get_entity(connection, kind=kind, key=key)
        if stored is None:
            raise EntityNotFound(kind, key)
        doomed = [(kind, key), *store.dependent_memberships(connection, iri=stored.iri)]
        store.delete_entities(connection, keys=doomed, now=datetime.now(UTC))
    return Deletion(doomed)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396: objects merge recursively, `null` removes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def _check_references(connection: Any, settings: Settings, model: Membership) -> None:
    own = f"{settings.base_url}/id/"
    misdirected = wrong_kind_problems(model.member, model.organization, own)
    if misdirected:
        raise InvalidInput("the membership names the wrong kind of entity", misdirected)
    wanted = [iri for iri in (model.member, model.organization) if iri.startswith(own)]
    found = store.get_entities_by_iri(connection, iris=wanted)
    problems = [
        Problem(f"'{iri}' is not an entity of this node", field=field)
        for field, iri in (("member", model.member), ("organization", model.organization))
        if iri in wanted and iri not in found
    ]
    if problems:
        raise InvalidInput("the membership names unknown organisations", problems)
