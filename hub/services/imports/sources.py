"""One plan per format: how its entries are read, located, and what a replace may delete."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal

from sqlalchemy import Connection

from hub.services.imports.chunks import Chunk, read_entries
from hub.services.imports.cluster import member_list_cluster
from hub.services.imports.jsonld import jsonld_items
from hub.services.imports.member_rows import MemberListTarget
from hub.services.imports.options import ImportOptions
from hub.services.imports.rdf import ntriples_items, turtle_items
from hub.services.imports.tabular import csv_rows, member_list, xlsx_rows
from hub.settings import Settings
from hub.storage.imports import ReplaceScope
from schemas import KINDS


@dataclass(frozen=True, slots=True)
class SourcePlan:
    """The chunks of a file and how to name places in it: `unit` is what its positions
    count (spreadsheet rows, lines, or nothing for RDF graphs); `key_field` and
    `reference_fields` name the fields behind duplicate keys and unknown references."""

    chunks: Iterator[Chunk]
    scope: ReplaceScope
    unit: Literal["row", "line"] | None
    key_field: str
    reference_fields: dict[str, str]
    member_list: bool


def plan_source(
    connection: Connection, settings: Settings, source: BinaryIO, options: ImportOptions
) -> SourcePlan:
    """How to read `source` in its format; for a member list, its cluster is resolved first."""
    if options.format in ("csv", "xlsx"):
        cluster = member_list_cluster(connection, settings, options.cluster)
        target = MemberListTarget(settings.base_url, cluster, options.mode == "replace")
        rows = csv_rows(source) if options.format == "csv" else xlsx_rows(source)
        return SourcePlan(
            chunks=member_list(rows, target, options.language),
            scope=ReplaceScope(organisation_iri=settings.entity_iri("organisations", cluster)),
            unit="row",
            key_field="key",
            reference_fields={"member": "key", "organization": "cluster"},
            member_list=True,
        )
    if options.format == "jsonld":
        chunks = jsonld_items(source, settings)
    else:  # Turtle, or N-Triples (a subset of it): each entity at the line it starts
        read = ntriples_items if options.format == "ntriples" else turtle_items
        chunks = read_entries(read(source, settings))
    return SourcePlan(
        chunks=chunks,
        # The file is the complete set of own records: what it lacks goes.
        scope=ReplaceScope(kinds=tuple(KINDS)),
        unit="line",
        key_field="id",
        reference_fields={"member": "member", "organization": "organization"},
        member_list=False,
    )
