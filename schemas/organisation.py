"""Organisations: member companies, universities, institutes and cluster organisations.

The full ECCP cluster profile lives here too (mission, composition, management team...);
memberships of clusters and networks are `Membership` entities of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from schemas.base import PartModel
from schemas.entity import EntityModel, numbered
from schemas.parts import (
    Address,
    Certification,
    ContactPoint,
    Identifier,
    Offer,
    QuantitativeValue,
    TeamMembership,
)
from schemas.types import (
    Iri,
    IsoDate,
    LangMap,
    LangMapMulti,
    Stripped,
    Year,
    concept,
    type_list,
)

OrganisationType = Literal[
    "Organization",
    "schema:Organization",
    "FormalOrganization",
    "ClusterOrganisation",
    "LegalEntity",
]
_TYPE_ORDER: dict[str, int] = {
    "Organization": 0,
    "schema:Organization": 1,
    "FormalOrganization": 2,
    "LegalEntity": 3,
    "ClusterOrganisation": 4,
}
_CLUSTER_ONLY = ("composition", "management_team", "mission")


class Organisation(EntityModel):
    entity_kind: ClassVar[str] = "organisations"

    # The default is the canonical pair `_canonical_types` makes of any given types: a field
    # validator never sees a default.
    type: list[OrganisationType] = type_list("Organization", "schema:Organization")
    legal_name: LangMap | None = None
    pref_label: LangMap | None = None
    alt_label: LangMapMulti | None = None
    description: LangMap | None = None
    mission: LangMap | None = None
    founding_date: IsoDate | None = None
    founding_year: Year | None = None
    homepage: Iri | None = None
    classification: list[concept("orgtype")] | None = None  # type: ignore[valid-type]
    number_of_employees: QuantitativeValue | None = None
    company_activity: list[concept("nace21", "nace2")] | None = None  # type: ignore[valid-type]
    sectoral_industry: list[concept("sector")] | None = None  # type: ignore[valid-type]
    emerging_industry: list[concept("emerging")] | None = None  # type: ignore[valid-type]
    industrial_ecosystem: list[concept("ecosystem")] | None = None  # type: ignore[valid-type]
    technology_field: list[concept("techfield")] | None = None  # type: ignore[valid-type]
    knows_language: list[concept("lang")] | None = None  # type: ignore[valid-type]
    area_served: list[concept("country")] | None = None  # type: ignore[valid-type]
    cooperation_target_country: list[concept("country")] | None = None  # type: ignore[valid-type]
    purpose: list[concept("svc")] | None = None  # type: ignore[valid-type]
    vat_id: Stripped | None = Field(
        default=None, alias="vatID", pattern=r"^[A-Z]{2}[A-Z0-9+*]{2,13}$"
    )
    lei_code: Stripped | None = Field(default=None, pattern=r"^[A-Z0-9]{18}[0-9]{2}$")
    legal_identifier: list[Identifier] | None = None
    address: Address | None = None
    contact_point: list[ContactPoint] | None = None
    has_certification: list[Certification] | None = None
    makes_offer: list[Offer] | None = None
    composition: list[QuantitativeValue] | None = None
    management_team: list[TeamMembership] | None = None

    @field_validator("type")
    @classmethod
    def _canonical_types(cls, value: list[str]) -> list[str]:
        types = {*value, "Organization", "schema:Organization"}
        if "ClusterOrganisation" in types:
            types.add("FormalOrganization")
        return sorted(types, key=_TYPE_ORDER.__getitem__)

    @model_validator(mode="after")
    def _profile_rules(self) -> Organisation:
        if not self.legal_name and not self.pref_label:
            raise ValueError("an organisation needs a legalName or a prefLabel")
        if self.founding_date is not None and self.founding_year is not None:
            raise ValueError("give foundingDate or foundingYear, not both")
        if not self.is_cluster:
            given = [name for name in _CLUSTER_ONLY if getattr(self, name) is not None]
            if given:
                raise ValueError(f"only a ClusterOrganisation has {', '.join(given)}")
        registered = self.vat_id or self.lei_code or self.legal_identifier
        if registered and "LegalEntity" not in self.type:
            self.type = self._canonical_types([*self.type, "LegalEntity"])  # type: ignore[assignment]
        if self.composition and any(c.value_reference is None for c in self.composition):
            raise ValueError("each composition count needs a valueReference (organisation type)")
        return self

    @property
    def is_cluster(self) -> bool:
        return "ClusterOrganisation" in self.type

    def names(self) -> dict[str, str] | None:
        return self.pref_label or self.legal_name

    def display_name(self, language: str = "en") -> str:
        names = self.names()
        return (names.get(language) or next(iter(names.values()))) if names else self.id

    def parts(self) -> Iterator[tuple[str, PartModel]]:
        if self.address is not None:
            yield "address", self.address
            if self.address.geo is not None:
                yield "geo", self.address.geo
        if self.number_of_employees is not None:
            yield "employees", self.number_of_employees
        yield from numbered("identifier", self.legal_identifier)
        yield from numbered("contact", self.contact_point)
        yield from numbered("certification", self.has_certification)
        for fragment, offer in numbered("offer", self.makes_offer):
            yield fragment, offer
            yield f"{fragment}-service", offer.item_offered
        for count in self.composition or ():
            slug = (count.value_reference or "other").partition(":")[2]
            yield f"composition-{slug}", count
        for fragment, seat in numbered("team", self.management_team):
            yield fragment, seat
            yield f"{fragment}-person", seat.member


__all__ = ["Organisation", "OrganisationType"]
