"""Visibility tiers (ARCHITECTURE.md section 5): what each caller may see of a record.

Every field has a tier: `public`, `partner` (the `read:partner` scope) or `private` (never
leaves the node). Defaults per term ship in `vocab/visibility.json`; a node admin can set a
whole record's tier and override single fields. `project()` is the one place that cuts a
document down to a tier; every read surface goes through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import vocab
from hub.auth.scopes import TIERS, Tier

RANK: Final[dict[str, int]] = {tier: index for index, tier in enumerate(TIERS)}
EXACT_HEADCOUNT = "numberOfEmployees.value"


def can_see(caller: Tier, tier: str) -> bool:
    return RANK[tier] <= RANK[caller]


def field_tiers(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The tier of each non-public term: the shipped defaults, then the record's overrides."""
    return {**vocab.visibility_defaults(), **(overrides or {})}


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
    tiers = field_tiers(overrides)
    hidden = {term for term, tier in tiers.items() if not can_see(caller, tier)}
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
