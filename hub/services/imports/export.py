"""`export_records`: every own record, streamed in one of the formats the importer reads.

JSON-LD is one document (`@context` and `@graph`) written item by item; Turtle, N-Triples
and N-Quads (one named graph per entity) go through `hub.linked_data.writers`; CSV is the
member list of the node's cluster (`vocab/templates/COLUMNS.md`). All records are exported,
whatever their visibility: this is the operator's copy, not a public surface.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import IO, Literal

import orjson
from sqlalchemy import Connection, Engine

import vocab
from hub.linked_data.triples import document_triples
from hub.linked_data.writers import TurtleWriter, ntriples
from hub.services.imports.cluster import member_list_cluster
from hub.services.imports.member_export import export_header, member_row, text_languages
from hub.services.records import load_document
from hub.settings import Settings
from hub.storage.imports import member_documents, own_documents
from hub.storage.transactions import read_transaction

ExportFormat = Literal["jsonld", "turtle", "ntriples", "nquads", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("jsonld", "turtle", "ntriples", "nquads", "csv")


def export_records(
    engine: Engine,
    settings: Settings,
    fmt: ExportFormat,
    out: IO[bytes],
    *,
    cluster: str | None = None,
) -> int:
    """Write the export to `out`; the number of records (CSV: members) written."""
    with read_transaction(engine) as connection:
        if fmt == "csv":
            return _member_list(connection, settings, out, cluster)
        documents = own_documents(connection)
        writer = _WRITERS[fmt]
        return writer(documents, out)


def _jsonld(documents: Iterator[tuple[str, str]], out: IO[bytes]) -> int:
    out.write(b'{"@context": ' + orjson.dumps(vocab.CONTEXT_URL) + b', "@graph": [')
    count = 0
    for _, doc in documents:
        out.write(b"\n" if not count else b",\n")
        out.write(doc.encode())  # stored as compact JSON without @context: written as is
        count += 1
    out.write(b"\n]}\n")
    return count


def _turtle(documents: Iterator[tuple[str, str]], out: IO[bytes]) -> int:
    writer = TurtleWriter()
    out.write(writer.header().encode())
    count = 0
    for _, doc in documents:
        out.write("".join(writer.blocks(document_triples(load_document(doc)))).encode())
        count += 1
    return count


def _lines(graphs: bool) -> Callable[[Iterator[tuple[str, str]], IO[bytes]], int]:
    def write(documents: Iterator[tuple[str, str]], out: IO[bytes]) -> int:
        count = 0
        for iri, doc in documents:
            lines = ntriples(document_triples(load_document(doc)), graph=iri if graphs else None)
            out.write("".join(lines).encode())
            count += 1
        return count

    return write


_WRITERS: dict[str, Callable[[Iterator[tuple[str, str]], IO[bytes]], int]] = {
    "jsonld": _jsonld,
    "turtle": _turtle,
    "ntriples": _lines(graphs=False),
    "nquads": _lines(graphs=True),
}


def _member_list(
    connection: Connection, settings: Settings, out: IO[bytes], cluster: str | None
) -> int:
    key = member_list_cluster(connection, settings, cluster)
    iri = settings.entity_iri("organisations", key)
    languages: dict[str, set[str]] = {}
    for _, organisation, _ in member_documents(connection, organisation_iri=iri):
        for column, tag in text_languages(load_document(organisation)):
            languages.setdefault(column, set()).add(tag)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=export_header(languages), lineterminator="\n")
    writer.writeheader()
    count = 0
    for member_key, organisation, membership in member_documents(connection, organisation_iri=iri):
        writer.writerow(
            member_row(member_key, key, load_document(organisation), load_document(membership))
        )
        count += 1
    text.detach()
    return count
