"""What an import is asked to do (`ImportOptions`) and what it did (`ImportReport`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Literal

from hub.services.errors import InvalidInput, Problem, UnsupportedFormat
from schemas.types import normalise_language_tag

SourceFormat = Literal["csv", "xlsx", "jsonld", "turtle", "ntriples"]
ImportMode = Literal["merge", "replace"]

FORMATS: tuple[SourceFormat, ...] = ("csv", "xlsx", "jsonld", "turtle", "ntriples")
DEFAULT_LANGUAGE = "sr-Latn"

_BY_MEDIA_TYPE: dict[str, SourceFormat] = {
    "text/csv": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
}
_BY_EXTENSION: dict[str, SourceFormat] = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".ttl": "turtle",
    ".nt": "ntriples",
}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """How to read a file and what to do with it.

    `mode="replace"` deletes what the file no longer holds: for a member list (CSV, XLSX),
    the memberships of its cluster missing from the file and the members left in no
    cluster; for JSON-LD, Turtle and N-Triples, every own record missing from the file (the file is
    the complete set of own records). `language` is the language of language-less text
    columns; `cluster` the key of the cluster a member list belongs to.
    """

    format: SourceFormat
    mode: ImportMode = "merge"
    dry_run: bool = False
    language: str = DEFAULT_LANGUAGE
    cluster: str | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import changed (or, in a dry run, would change)."""

    dry_run: bool
    mode: ImportMode
    created: int
    updated: int
    unchanged: int
    deleted: int
    entities: int

    def as_json(self) -> dict[str, Any]:
        return {
            "dryRun": self.dry_run,
            "mode": self.mode,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "entities": self.entities,
        }


def format_of_media_type(content_type: str) -> SourceFormat:
    """The format a `Content-Type` names; `UnsupportedFormat` for any other."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    found = _BY_MEDIA_TYPE.get(media_type)
    if found is None:
        offered = ", ".join(sorted(_BY_MEDIA_TYPE))
        raise UnsupportedFormat(
            f"cannot import '{media_type or 'no media type'}': send one of {offered}"
        )
    return found


def format_of_path(path: PurePath) -> SourceFormat:
    """The format a file name's extension names; `UnsupportedFormat` for any other."""
    found = _BY_EXTENSION.get(path.suffix.lower())
    if found is None:
        offered = ", ".join(sorted(_BY_EXTENSION))
        raise UnsupportedFormat(
            f"cannot tell the format of '{path.name}' (extensions: {offered}); name it"
        )
    return found


def language_option(value: str, field: str = "language") -> str:
    """A BCP 47 tag in its canonical case, or `InvalidInput` naming `field`."""
    try:
        return normalise_language_tag(value.strip())
    except ValueError as exc:
        raise InvalidInput("invalid import options", [Problem(str(exc), field=field)]) from None
