"""What every reader yields: entities found in the file (`Entry`), or problems."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from hub.services.errors import Problem
from schemas import KINDS
from schemas.entity import is_valid_key

# (kind, document path such as "address.geo.latitude") -> the field as the file names it
FieldNames = Callable[[str, str | None], str | None]


def document_paths(kind: str, path: str | None) -> str | None:
    """JSON-LD and Turtle name fields by their document path already."""
    return path


UNPLACED = 0  # the `at` of an entry whose reader knows no place for it


@dataclass(slots=True)  # not frozen: its __init__ would cost a member list a tenth more
class Entry:
    """One entity read from a file, with where it was found: `at` is a spreadsheet row
    (header = row 1) of a member list, the line where a JSON-LD node or a Turtle subject
    starts, or (`unit` None) `UNPLACED`, when the reader knows no place (a JSON-LD document
    read through rdflib, which keeps no positions)."""

    kind: str
    key: str
    doc: dict[str, Any]
    at: int
    unit: Literal["row", "line"] | None = "row"
    field_names: FieldNames = document_paths
    # Fields the reader already reported problems with: the model's problems with the same
    # fields are not reported again, and the entry is staged only for the duplicate check.
    reported: frozenset[str] = frozenset()
    entity: str | None = None

    def problem(self, message: str, path: str | None) -> Problem:
        """A problem of this entry at a document path, located as the file's reader says."""
        return Problem(
            message,
            field=self.field_names(self.kind, path),
            row=self.at if self.unit == "row" else None,
            line=self.at if self.unit == "line" else None,
            entity=self.entity,
        )


def entity_address(iri: str, base_url: str) -> tuple[str, str]:
    """(kind, key) of an own entity IRI `{base_url}/id/{kind}/{key}`; `ValueError` else."""
    prefix = f"{base_url}/id/"
    kind, _, key = iri.removeprefix(prefix).partition("/")
    if not iri.startswith(prefix) or kind not in KINDS or not is_valid_key(key):
        raise ValueError(
            f"'{iri}' is not an entity IRI of this node ({prefix}{{kind}}/{{key}}, kind one of"
            f" {', '.join(KINDS)})"
        )
    return kind, key


SourceItems = Iterator[Entry | Problem]
