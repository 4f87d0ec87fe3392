"""Nodes embedded in entities. Each carries an IRI under its entity's IRI (never a blank node)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from schemas.base import PartModel
from schemas.types import Iri, IsoDate, LangMap, Stripped, concept, type_list

Country = concept("country")
Language = concept("lang")


class GeoCoordinates(PartModel):
    type: Literal["GeoCoordinates"] = "GeoCoordinates"
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class Address(PartModel):
    type: Literal["Address"] = "Address"
    full_address: Stripped | None = Field(default=None, max_length=1000)
    thoroughfare: Stripped | None = Field(default=None, max_length=500)
    post_code: Stripped | None = Field(default=None, max_length=32)
    post_name: Stripped | None = Field(default=None, max_length=200)
    country_code: Country | None = None  # type: ignore[valid-type]
    nuts_code: concept("nuts") | None = None  # type: ignore[valid-type]
    geo: GeoCoordinates | None = None


class Place(PartModel):
    type: Literal["Place"] = "Place"
    name: LangMap | None = None
    address: Address | None = None
    url: Iri | None = None


class QuantitativeValue(PartModel):
    """A count or a range: `value`, or `minValue`/`maxValue` (ECCP sizes come as ranges)."""

    type: Literal["QuantitativeValue"] = "QuantitativeValue"
    value: int | None = Field(default=None, ge=0)
    min_value: int | None = Field(default=None, ge=0)
    max_value: int | None = Field(default=None, ge=0)
    value_reference: concept("orgtype") | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _value_or_range(self) -> QuantitativeValue:
        if self.value is None and self.min_value is None and self.max_value is None:
            raise ValueError("give value, or minValue and/or maxValue")
        if self.value is not None and (self.min_value is not None or self.max_value is not None):
            raise ValueError("give either value or a minValue/maxValue range, not both")
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValueError("minValue is greater than maxValue")
        return self


class MonetaryAmount(PartModel):
    type: Literal["MonetaryAmount"] = "MonetaryAmount"
    value: Annotated[int, Field(ge=0)] | Annotated[float, Field(ge=0)]
    currency: Stripped = Field(default="EUR", pattern=r"^[A-Z]{3}$")

    @field_validator("value")
    @classmethod
    def _whole_as_integer(cls, value: int | float) -> int | float:
        """`624844.0` -> `624844`: JSON-LD reads a number without a fractional part as
        xsd:integer (JSON-LD 1.1 API, object to RDF conversion), whatever its JSON spelling, so
        the JSON must not spell it as a float that Python tools read as xsd:double."""
        whole = isinstance(value, float) and value.is_integer() and abs(value) < 1e21
        return int(value) if whole else value


class Identifier(PartModel):
    """A registry number (`adms:Identifier`): the notation, and the register that issued it."""

    type: Literal["Identifier"] = "Identifier"
    notation: Stripped = Field(min_length=1, max_length=128)
    creator: Iri | None = None
    schema_agency: Stripped | None = Field(default=None, max_length=200)


class ContactPoint(PartModel):
    type: Literal["ContactPoint"] = "ContactPoint"
    name: LangMap | None = None
    email: Stripped | None = Field(
        default=None, max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )
    telephone: Stripped | None = Field(
        default=None, max_length=40, pattern=r"^\+?[0-9 ()./-]{5,40}$"
    )
    contact_type: Stripped | None = Field(default=None, max_length=100)
    available_language: list[Language] | None = None  # type: ignore[valid-type]


class Certification(PartModel):
    """A certificate or the Cluster Excellence Label (`kind` names the label level)."""

    type: Literal["Certification"] = "Certification"
    name: LangMap
    kind: concept("label") | None = None  # type: ignore[valid-type]
    issued_by: Iri | None = None
    valid_from: IsoDate | None = None
    expires: IsoDate | None = None


class Service(PartModel):
    type: Literal["Service"] = "Service"
    name: LangMap
    description: LangMap | None = None
    category: list[concept("svc")] | None = None  # type: ignore[valid-type]


class Offer(PartModel):
    type: Literal["Offer"] = "Offer"
    item_offered: Service


class Person(PartModel):
    type: Literal["Person"] = "Person"
    given_name: Stripped = Field(min_length=1, max_length=200)
    family_name: Stripped = Field(min_length=1, max_length=200)


class TeamMembership(PartModel):
    """A seat in a cluster's management team: an `org:Membership` whose organisation is the
    cluster and whose member is a person."""

    type: list[Literal["Membership", "OrganizationRole"]] = type_list(
        "Membership", "OrganizationRole"
    )
    member: Person
    role: concept("mgmtrole")  # type: ignore[valid-type]
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None


class MonetaryGrant(PartModel):
    type: Literal["MonetaryGrant"] = "MonetaryGrant"
    funder: Iri | None = None
    funding_programme: concept("euprog") | None = None  # type: ignore[valid-type]
    amount: MonetaryAmount | None = None
    identifier: Stripped | None = Field(default=None, max_length=128)
