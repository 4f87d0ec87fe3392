"""Visibility tiers (ARCHITECTURE.md section 5): what each caller may see of a record.

Every field has a tier: `public`, `partner` (the `read:partner` scope) or `private` (never
leaves the node). Defaults per term ship in `vocab/visibility.json`; a node admin can set a
whole record's tier and override single fields. `project()` is the one place that cuts a
document down to a tier; every read surface goes through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Final

import orjson

import vocab
from hub.auth.scopes import TIERS, Tier
from hub.services.records import load_document
from hub.storage.records import StoredEntity

RANK: Final[dict[str, int]] = {tier: index for index, tier in enumerate(TIERS)}
EXACT_HEADCOUNT = "numberOfEmployees.value"


def can_see(caller: Tier, tier: str) -> bool:
    return RANK[tier] <= RANK[caller]


def field_tiers(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The tier of each non-public term: the shipped defaults, then the record's overrides."""
    return {**vocab.visibility_defaults(), **(overrides or {})}


def _hidden_terms(caller: Tier, overrides: Mapping[str, str] | None) -> frozenset[str]:
    return frozenset(
        term for term, tier in field_tiers(overrides).items() if not can_see(caller, tier)
    )


@cache
def _default_hidden_terms(caller: Tier) -> frozenset[str]:
    """What `caller` may not see of a record without overrides (most records; the feed
    projects a thousand per page)."""
    return _hidden_terms(caller, None)


def project(
    doc: dict[str, Any],
    caller: Tier,
    *,
    record_tier: str = "public",
    overrides: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """`doc` as `caller` may see it, or None when the record itself is above the caller."""
    if not can_see(caller, record_tier):
        return None
    hidden = _hidden_terms(caller, overrides) if overrides else _default_hidden_terms(caller)
    if not hidden:
        return doc
    visible = {term: value for term, value in doc.items() if term not in hidden}
    employees = visible.get("numberOfEmployees")
    if EXACT_HEADCOUNT in hidden and isinstance(employees, dict) and "value" in employees:
        visible.pop("numberOfEmployees")  # an exact count alone says nothing once hidden
    return visible


def check_tier(value: object) -> Tier:
    if value not in RANK:
        raise ValueError(f"'{value}' is not a visibility tier ({', '.join(TIERS)})")
    return value  # type: ignore[return-value]


def readable_tiers(caller: Tier) -> tuple[str, ...]:
    """The record tiers `caller` may see, for storage queries."""
    return tuple(tier for tier in TIERS if can_see(caller, tier))


def _load_overrides(overrides_json: str | None) -> dict[str, str] | None:
    if not overrides_json:
        return None
    loaded: dict[str, str] = orjson.loads(overrides_json)
    return loaded


def _overrides(stored: StoredEntity) -> dict[str, str] | None:
    return _load_overrides(stored.field_visibility)


def _hides_nothing(doc: str, caller: Tier, overrides: Mapping[str, str] | None) -> bool:
    """True when no term of the JSON text `doc` is hidden from `caller`. Checked on the text,
    so hot paths parse nothing (a hidden term's name inside a string value only costs a
    needless projection, never a leak)."""
    hidden = [term for term, tier in field_tiers(overrides).items() if not can_see(caller, tier)]
    return not any(f'"{term.split(".")[0]}":' in doc for term in hidden)


def is_whole(stored: StoredEntity, caller: Tier) -> bool:
    """True when `caller` may see the stored document as it is: no term of it is hidden."""
    return _hides_nothing(stored.doc, caller, _overrides(stored))


def visible_text(doc: str, caller: Tier, *, record_tier: str, overrides_json: str | None) -> str:
    """The JSON text of a record `caller` may see, cut to its tier; the stored text itself
    when nothing in it is hidden."""
    overrides = _load_overrides(overrides_json)
    if _hides_nothing(doc, caller, overrides):
        return doc
    view = project(load_document(doc), caller, record_tier=record_tier, overrides=overrides)
    if view is None:  # callers check the record's tier first; this is a bug guard
        raise PermissionError(f"a {record_tier} record is above the {caller} tier")
    return orjson.dumps(view).decode()


def visible_doc(
    doc: str, caller: Tier, *, record_tier: str, overrides_json: str | None
) -> dict[str, Any]:
    """`visible_text` parsed: the document of a record `caller` may see, cut to its tier."""
    overrides = _load_overrides(overrides_json)
    view = project(load_document(doc), caller, record_tier=record_tier, overrides=overrides)
    if view is None:  # callers check the record's tier first; this is a bug guard
        raise PermissionError(f"a {record_tier} record is above the {caller} tier")
    return view


def stored_view(stored: StoredEntity, caller: Tier) -> dict[str, Any] | None:
    """The stored document as `caller` may see it; None when the record is above the caller."""
    return project(
        load_document(stored.doc),
        caller,
        record_tier=stored.visibility,
        overrides=_overrides(stored),
    )


def view_doc(stored: StoredEntity, caller: Tier) -> dict[str, Any]:
    """The document of a record already known to be visible to `caller`, cut to its tier."""
    view = stored_view(stored, caller)
    if view is None:  # the query that found `stored` filters by tier; this is a bug guard
        raise PermissionError(f"{stored.iri} is above the {caller} tier")
    return view


def view_text(stored: StoredEntity, caller: Tier) -> str:
    """`view_doc` as JSON text, reusing the stored text when nothing is hidden."""
    if not can_see(caller, stored.visibility):
        raise PermissionError(f"{stored.iri} is above the {caller} tier")
    return visible_text(
        stored.doc, caller, record_tier=stored.visibility, overrides_json=stored.field_visibility
    )
