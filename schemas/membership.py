"""Memberships: member -> cluster, cluster -> umbrella or network, partner -> project."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import field_validator, model_validator

from schemas.entity import EntityModel
from schemas.types import Iri, IsoDate, concept, type_list


class Membership(EntityModel):
    """`org:Membership` + `schema:OrganizationRole`, dated, with a role concept."""

    entity_kind: ClassVar[str] = "memberships"

    type: list[Literal["Membership", "OrganizationRole"]] = type_list(
        "Membership", "OrganizationRole"
    )
    member: Iri
    organization: Iri
    role: concept("mrole", "prole") | None = None  # type: ignore[valid-type]
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None

    @model_validator(mode="after")
    def _sane(self) -> Membership:
        if self.member == self.organization:
            raise ValueError("an organisation cannot be a member of itself")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("endDate is before startDate")
        return self

    @field_validator("type")
    @classmethod
    def _both_types(cls, value: list[str]) -> list[str]:
        """Either type given means both (a field validator runs only when it is given)."""
        return ["Membership", "OrganizationRole"]


__all__ = ["Membership"]
