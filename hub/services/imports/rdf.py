"""RDF read by rdflib: Turtle (and N-Triples, a subset of it) files, and JSON-LD documents with
an inline context. The graph becomes our compact documents
(`hub.linked_data.documents.graph_documents`), one per entity.

The whole graph is held in memory (rdflib has no streaming parser): member lists of any size
belong in CSV or in JSON-LD with our context, which stream. rdflib keeps no positions in the
graph, so Turtle is read by its parser with one hook, which notes the line where each subject
is first written as the subject of a statement: the line an entity's problems are reported at.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, BinaryIO

import orjson
from rdflib import Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax, RDFSink, SinkParser
from rdflib.term import Node

from hub.linked_data.documents import graph_documents
from hub.services.errors import Problem
from hub.services.imports.entries import UNPLACED, Entry, SourceItems, entity_address
from hub.settings import Settings


def turtle_items(stream: BinaryIO, settings: Settings, syntax: str = "Turtle") -> SourceItems:
    """The entities of a Turtle file, each located at its line; a syntax error is reported
    with its line. `syntax` names the format in messages."""
    graph = Graph(bind_namespaces="none")
    # Turtle's base is the node: relative IRIs resolve against it (P5).
    parser = _LocatingParser(RDFSink(graph), settings.base_url + "/")
    try:
        with ill_typed_literals_unlogged():
            parser.loadBuf(stream.read())
    except BadSyntax as exc:
        yield Problem(f"malformed {syntax}: {getattr(exc, '_why', exc)}", line=exc.lines + 1)
        return
    except (ParserError, ValueError, UnicodeError) as exc:
        yield Problem(f"malformed {syntax}: {exc}")
        return
    for prefix, namespace in parser.prefixes().items():
        graph.bind(prefix, namespace)
    yield from graph_items(graph, settings, parser.first_lines)


def ntriples_items(stream: BinaryIO, settings: Settings) -> SourceItems:
    """The entities of an N-Triples file: N-Triples is a subset of Turtle, read as Turtle."""
    return turtle_items(stream, settings, syntax="N-Triples")


def jsonld_graph_items(document: dict[str, Any], settings: Settings) -> SourceItems:
    """The entities of a JSON-LD document whose contexts are all inline or bundled."""
    graph = Graph(bind_namespaces="none")
    try:
        with warnings.catch_warnings(), ill_typed_literals_unlogged():
            # rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally (P19).
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            data = orjson.dumps(document)
            graph.parse(data=data, format="json-ld", base=settings.base_url + "/")
    except (ParserError, ValueError, TypeError, KeyError) as exc:
        yield Problem(f"the JSON-LD cannot be read: {exc}", field="@context")
        return
    yield from graph_items(graph, settings)


def graph_items(
    graph: Graph, settings: Settings, lines: Mapping[Node, int] | None = None
) -> SourceItems:
    """Entries for the entities of `graph` and the problems of its subjects, in the order of
    `lines` (where each subject is written), else of their IRIs."""
    found = list(graph_documents(graph))
    if lines:
        found.sort(key=lambda item: lines.get(item.node, 0))
    for item in found:
        line = lines.get(item.node) if lines else None
        for error in item.errors:
            yield Problem(error.message, field=error.field, line=line, entity=item.subject)
        if item.doc is None or item.kind is None:
            continue
        try:
            kind, key = entity_address(item.subject, settings.base_url)
        except ValueError as exc:
            yield Problem(str(exc), field="id", line=line, entity=item.subject)
            continue
        if item.kind != kind:
            message = f"the type names {item.kind}, the IRI {kind}"
            yield Problem(message, field="type", line=line, entity=item.subject)
            continue
        # Problems of the graph (a property outside the vocabulary) do not stop validation:
        # the model's problems with the rest of the entity come in the same answer.
        if line is None:
            yield Entry(kind, key, item.doc, UNPLACED, None, entity=item.subject)
        else:
            yield Entry(kind, key, item.doc, line, "line", entity=item.subject)


class _LocatingParser(SinkParser):
    """rdflib's Turtle parser, noting the line where each subject is first written as the
    subject of a statement (1-based)."""

    def __init__(self, sink: RDFSink, base: str) -> None:
        super().__init__(sink, baseURI=base, turtle=True)
        self.first_lines: dict[Node, int] = {}

    def statement(self, argstr: str, i: int) -> int:
        # SinkParser.statement, with the subject noted. `lines` counts the line breaks
        # before `i`: the whitespace before a statement has been skipped, and counted.
        line = self.lines + 1
        subject: list[Any] = []
        j: int = self.object(argstr, i, subject)
        if j < 0:
            return j
        self.first_lines.setdefault(subject[0], line)
        k: int = self.property_list(argstr, j, subject[0])
        if k < 0:
            self.BadSyntax(argstr, j, "expected propertylist")
        return k

    def prefixes(self) -> dict[str, str]:
        """The prefixes the file declared (rdflib's TurtleParser binds them the same way)."""
        return dict(self._bindings)


class _IllTypedLiteral(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")


@contextmanager
def ill_typed_literals_unlogged() -> Iterator[None]:
    """rdflib logs a traceback for each ill-typed literal it reads (`"2011-02-30"^^xsd:date`);
    the value is reported as a problem of its entity (or a SHACL result), so the log would
    only be noise on stderr."""
    logger = logging.getLogger("rdflib.term")
    quiet = _IllTypedLiteral()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)
