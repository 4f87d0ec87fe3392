"""RDF read by rdflib: Turtle files, and JSON-LD documents with an inline context. The graph
becomes our compact documents (`hub.linked_data.documents.graph_documents`), one per entity.

The whole graph is held in memory (rdflib has no streaming parser): member lists of any size
belong in CSV or in JSON-LD with our context, which stream.
"""

from __future__ import annotations

import warnings
from typing import Any, BinaryIO

import orjson
from rdflib import Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from hub.linked_data.documents import graph_documents
from hub.services.errors import Problem
from hub.services.imports.entries import Entry, SourceItems, entity_address
from hub.settings import Settings


def turtle_items(stream: BinaryIO, settings: Settings) -> SourceItems:
    """The entities of a Turtle file; a syntax error is reported with its line."""
    graph = Graph()
    try:
        # publicID is Turtle's base: relative IRIs resolve against the node (P5). The bytes
        # are passed whole: rdflib takes a temporary file's descriptor number for a path.
        graph.parse(data=stream.read(), format="turtle", publicID=settings.base_url + "/")
    except BadSyntax as exc:
        yield Problem(f"malformed Turtle: {getattr(exc, '_why', exc)}", line=exc.lines + 1)
        return
    except (ParserError, ValueError, UnicodeError) as exc:
        yield Problem(f"malformed Turtle: {exc}")
        return
    yield from graph_items(graph, settings)


def jsonld_graph_items(document: dict[str, Any], settings: Settings) -> SourceItems:
    """The entities of a JSON-LD document whose contexts are all inline or bundled."""
    graph = Graph()
    try:
        with warnings.catch_warnings():
            # rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally (P19).
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            data = orjson.dumps(document)
            graph.parse(data=data, format="json-ld", base=settings.base_url + "/")
    except (ParserError, ValueError, TypeError, KeyError) as exc:
        yield Problem(f"the JSON-LD cannot be read: {exc}", field="@context")
        return
    yield from graph_items(graph, settings)


def graph_items(graph: Graph, settings: Settings) -> SourceItems:
    """Entries for the entities of `graph`, in the order of their IRIs."""
    for number, found in enumerate(graph_documents(graph), start=1):
        if found.errors:
            field = "id" if found.subject.startswith("_:") else None
            yield from (Problem(error, field=field, entity=found.subject) for error in found.errors)
            continue
        try:
            kind, key = entity_address(found.subject, settings.base_url)
        except ValueError as exc:
            yield Problem(str(exc), field="id", entity=found.subject)
            continue
        if found.kind != kind:
            message = f"the type names {found.kind}, the IRI {kind}"
            yield Problem(message, field="type", entity=found.subject)
            continue
        yield Entry(kind, key, found.doc, number, None, entity=found.subject)
