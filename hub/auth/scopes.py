"""Scopes and the visibility tiers they open (ARCHITECTURE.md sections 5 and 6)."""

from __future__ import annotations

from typing import Final, Literal

READ_PARTNER: Final = "read:partner"
WRITE: Final = "write"
ADMIN: Final = "admin"
SCOPES: Final = (READ_PARTNER, WRITE, ADMIN)

Tier = Literal["public", "partner", "private"]
TIERS: Final[tuple[Tier, ...]] = ("public", "partner", "private")


def parse_scopes(value: str | None) -> frozenset[str]:
    return frozenset((value or "").split())


def unknown_scopes(scopes: frozenset[str]) -> list[str]:
    return sorted(scopes - set(SCOPES))


def tier_of(scopes: frozenset[str]) -> Tier:
    """The highest tier a caller may read. `private` never leaves the node, so no scope
    opens it; `admin` and `write` imply reading what partners read."""
    if scopes & {READ_PARTNER, WRITE, ADMIN}:
        return "partner"
    return "public"
