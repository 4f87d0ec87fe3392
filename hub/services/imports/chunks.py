"""Chunks: the unit of an import's CPU work.

A reader cuts its file into chunks of raw units (member-list rows, the text of JSON-LD
nodes, or entries it had to read whole, as from an RDF graph). `prepare` turns a chunk into
what the importing process stores: for each entity, its validated row, or the problems that
stop it. Preparing needs no database and no state beyond the chunk, so it runs in a worker
process as well as inline (`hub.services.imports.pool`); it is most of an import's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from hub.services.errors import Problem
from hub.services.imports.entries import Entry
from hub.services.records import entity_row
from hub.services.validation import validate_document
from hub.storage.records import EntityRow

# What a chunk becomes, in file order: problems, and (place in the file, row to stage).
Prepared = list[Problem | tuple[int, EntityRow]]


class Chunk(Protocol):
    """A slice of a file. `shippable` chunks are worth sending to a worker process (they
    pickle small and take long to prepare)."""

    shippable: ClassVar[bool]

    def entries(self) -> Iterable[Entry | Problem]: ...


@dataclass(frozen=True, slots=True)
class ReadEntries:
    """Entries the reader has built already (RDF graphs are read whole): prepared inline."""

    items: Sequence[Entry | Problem]
    shippable: ClassVar[bool] = False

    def entries(self) -> Iterable[Entry | Problem]:
        return self.items


def read_entries(items: Iterable[Entry | Problem], size: int = 1000) -> Iterator[ReadEntries]:
    """`items` in chunks of `size`."""
    chunk: list[Entry | Problem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield ReadEntries(chunk)
            chunk = []
    if chunk:
        yield ReadEntries(chunk)


def prepare(chunk: Chunk) -> Prepared:
    """The problems and validated rows of a chunk, in file order."""
    # Read the whole chunk first, then validate: interleaving the two (a row read, its
    # entities validated, the next row read...) cost a tenth more, as each pass evicts the
    # other's code and data from the CPU's caches.
    items = list(chunk.entries())
    prepared: Prepared = []
    for item in items:
        if isinstance(item, Problem):
            prepared.append(item)
        else:
            prepared.extend(_validated(item))
    return prepared


def _validated(entry: Entry) -> Prepared:
    """The entry's row, after the problems validation finds in it. An entry with problems
    (the reader's or the model's) still yields a stand-in row: it takes part in the
    duplicate-key check, and keeps its IRI, so that references to it are not reported as
    unknown."""
    model, problems = validate_document(entry.kind, entry.doc)
    # Once the reader dropped a bad cell, rules on the whole entity (no field) may fail for
    # that reason alone: only problems with fields of their own are worth reporting then.
    located = [
        entry.problem(problem.message, problem.field)
        for problem in problems
        if problem.field or not entry.reported
    ]
    prepared: Prepared = [problem for problem in located if problem.field not in entry.reported]
    if model is not None and not entry.reported:
        prepared.append((entry.at, entity_row(model, entry.key)))
        return prepared
    iri = entry.doc.get("id")
    stand_in = EntityRow(
        kind=entry.kind,
        key=entry.key,
        iri=iri if isinstance(iri, str) else "",
        doc="{}",
        hash="",
        sort_name="",
    )
    prepared.append((entry.at, stand_in))
    return prepared
