"""What every entity shares: an IRI `{base}/id/{kind}/{key}` and IRIs minted for its parts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import Field, model_validator

from schemas.base import LinkedModel, PartModel
from schemas.types import Iri

KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_~-]{0,127}$"  # no dots: `.ttl` etc. select formats
# KEY_PATTERN in words, for messages.
KEY_RULE = "letters, digits, '_', '~', '-', starting with a letter or digit; up to 128"
_KEY = re.compile(KEY_PATTERN)


def is_valid_key(key: str) -> bool:
    return bool(_KEY.match(key))


class EntityModel(LinkedModel):
    """A top-level record: one IRI that updates and deletes address."""

    entity_kind: ClassVar[str]
    id: Iri
    same_as: list[Iri] | None = Field(default=None)

    @model_validator(mode="after")
    def _mint_part_iris(self) -> EntityModel:
        prefix = f"{self.id}#"
        for fragment, part in self.parts():
            if part.id is None or part.id.startswith("_:"):
                # Straight into the field's storage: `BaseModel.__setattr__` costs about as
                # much again, for nothing here (no field is validated on assignment, and
                # nothing reads which fields were set); a member has seven or more parts.
                part.__dict__["id"] = prefix + fragment
        return self

    def parts(self) -> Iterator[tuple[str, PartModel]]:
        """Each embedded node with the fragment its IRI gets when the input names none."""
        return iter(())

    def names(self) -> dict[str, str] | None:
        """The language map that names the entity, if it has one: lists sort by it."""
        return None


def numbered(name: str, items: list[Any] | None) -> Iterator[tuple[str, Any]]:
    for index, item in enumerate(items or (), start=1):
        yield f"{name}-{index}", item
