"""The base model: camelCase JSON-LD terms, unknown keys rejected (VOCABULARY.md P21)."""

from __future__ import annotations

from typing import Any, ClassVar, get_origin

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic.alias_generators import to_camel

from schemas.types import Stripped


class LinkedModel(BaseModel):
    """A node of our JSON-LD: its JSON keys are the terms of the bundled context."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        validate_default=False,
    )

    _type_is_list: ClassVar[bool] = False

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        field = cls.model_fields.get("type")
        cls._type_is_list = field is not None and get_origin(field.annotation) is list

    # A field validator, not a model one: it runs only when a node gives `type`, where a
    # `mode="before"` model validator ran for every model and every embedded part.
    @field_validator("type", mode="before", check_fields=False)
    @classmethod
    def _type_shape(cls, value: Any) -> Any:
        """JSON-LD lets `type` be a string or an array; take both."""
        if cls._type_is_list and isinstance(value, str):
            return [value]
        if not cls._type_is_list and isinstance(value, list) and len(value) == 1:
            return value[0]
        return value

    def to_jsonld(self) -> dict[str, Any]:
        """The compact JSON-LD form (without `@context`): no empty or absent fields."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    def to_json(self) -> bytes:
        """`to_jsonld()` as compact UTF-8 JSON, keys in its order: straight from pydantic's
        serialiser, in half the time of building the dict and dumping it."""
        return self.__pydantic_serializer__.to_json(self, by_alias=True, exclude_none=True)


class PartModel(LinkedModel):
    """A node embedded in an entity (address, identifier, grant...): it has an IRI of its own,
    minted under the entity's IRI when the input gives none (VOCABULARY.md P17)."""

    id: Stripped | None = None
