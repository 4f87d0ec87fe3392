"""Activities: events (conferences, B2B meetings, study visits...) and funded projects."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar, Literal

from pydantic import model_validator

from schemas.base import PartModel
from schemas.entity import EntityModel, numbered
from schemas.parts import MonetaryAmount, MonetaryGrant, Place
from schemas.types import Iri, IsoDate, LangMap, concept, type_list


def _check_period(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValueError("endDate is before startDate")


class Event(EntityModel):
    entity_kind: ClassVar[str] = "events"

    type: list[Literal["Event"]] = type_list("Event")
    name: LangMap
    description: LangMap | None = None
    kind: concept("etype") | None = None  # type: ignore[valid-type]
    start_date: IsoDate
    end_date: IsoDate | None = None
    location: Place | None = None
    organizer: list[Iri] | None = None
    url: Iri | None = None
    in_language: list[concept("lang")] | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _period(self) -> Event:
        _check_period(self.start_date, self.end_date)
        return self

    def names(self) -> dict[str, str] | None:
        return self.name

    def parts(self) -> Iterator[tuple[str, PartModel]]:
        if self.location is not None:
            yield "location", self.location
            if self.location.address is not None:
                yield "location-address", self.location.address
                if self.location.address.geo is not None:
                    yield "location-geo", self.location.address.geo


class Project(EntityModel):
    entity_kind: ClassVar[str] = "projects"

    type: list[Literal["Project"]] = type_list("Project")
    name: LangMap
    description: LangMap | None = None
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    url: Iri | None = None
    funding: list[MonetaryGrant] | None = None
    total_cost: MonetaryAmount | None = None

    @model_validator(mode="after")
    def _period(self) -> Project:
        _check_period(self.start_date, self.end_date)
        return self

    def names(self) -> dict[str, str] | None:
        return self.name

    def parts(self) -> Iterator[tuple[str, PartModel]]:
        for fragment, grant in numbered("grant", self.funding):
            yield fragment, grant
            if grant.amount is not None:
                yield f"{fragment}-amount", grant.amount
        if self.total_cost is not None:
            yield "total-cost", self.total_cost


__all__ = ["Event", "Project"]
