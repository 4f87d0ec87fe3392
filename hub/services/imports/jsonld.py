"""JSON-LD files: `{"@context": ..., "@graph": [node, ...]}` or a single node object.

With our context (by URL), each node is our compact JSON already: it goes straight to the
pydantic models, streamed one at a time. A document with an inline context is expanded by
rdflib instead (after every remote context reference has been refused, P1).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from hub.services.errors import Problem
from hub.services.imports.contexts import bundled_in_place, classify_context, embedded_references
from hub.services.imports.entries import Entry, SourceItems, entity_address
from hub.services.imports.json_stream import GraphItem, JsonSyntaxError, Member, top_level
from hub.services.imports.rdf import jsonld_graph_items
from hub.services.validation import known_contexts
from hub.settings import Settings
from schemas import kind_of_type

_BLANK = "an entity needs an IRI ('id'): a blank node cannot be updated or deleted later"


def jsonld_items(stream: BinaryIO, settings: Settings) -> SourceItems:
    """The entities of a JSON-LD file, or the problems that stop them."""
    try:
        context = _context(stream)
        stream.seek(0)
        kind = classify_context(context, settings)
        if isinstance(kind, list):
            yield from kind
        elif kind == "inline":
            yield from _inline(stream, context, settings)
        else:
            yield from _streamed(stream, settings)
    except JsonSyntaxError as exc:
        yield Problem(str(exc), line=exc.line)


def _context(stream: BinaryIO) -> Any:
    """The `@context` value: one look when it comes first (as it should), else a full pass."""
    for item in top_level(stream):
        if isinstance(item, Member) and item.name == "@context":
            return item.value
    return None


def _streamed(stream: BinaryIO, settings: Settings) -> SourceItems:
    single: dict[str, Any] = {}
    has_graph = False
    for item in top_level(stream):
        if isinstance(item, GraphItem):
            has_graph = True
            yield from node_entry(item.value, item.line, settings)
        elif item.name == "@graph":
            yield Problem("@graph must be an array of nodes", field="@graph", line=1)
            return
        elif item.name != "@context":
            single[item.name] = item.value
    if not has_graph and single:
        yield from node_entry(single, 1, settings)
    elif single:
        for name in single:
            yield Problem(
                f"'{name}' next to @graph: the file holds @context and @graph only",
                field=name,
                line=1,
            )


def node_entry(node: Any, line: int, settings: Settings) -> Iterator[Entry | Problem]:
    """The entry of one top-level node in our compact form, or why it cannot be one."""
    if not isinstance(node, dict):
        yield Problem("a @graph item must be a node object", line=line)
        return
    node = {{"@id": "id", "@type": "type"}.get(key, key): value for key, value in node.items()}
    iri = node.get("id")
    if "@context" in node:
        yield Problem(
            "a node carries no @context of its own: the file's applies", field="@context", line=line
        )
    elif not isinstance(iri, str) or iri.startswith("_:"):
        yield Problem(_BLANK, field="id", line=line)
    else:
        try:
            kind, key = entity_address(iri, settings.base_url)
        except ValueError as exc:
            yield Problem(str(exc), field="id", line=line, entity=iri)
            return
        named = _declared_kind(node.get("type"))
        if named is not None and named != kind:
            yield Problem(
                f"the type names {named}, the IRI {kind}", field="type", line=line, entity=iri
            )
            return
        yield Entry(kind, key, node, line, "line", entity=iri)


def _declared_kind(types: Any) -> str | None:
    """The kind a node's `type` names, when it is well-formed (the model checks the rest)."""
    names = [types] if isinstance(types, str) else types
    if isinstance(names, list) and all(isinstance(name, str) for name in names):
        return kind_of_type(names)
    return None


def _inline(stream: BinaryIO, context: Any, settings: Settings) -> SourceItems:
    """A document with an inline context, whole, through rdflib (no remote context left)."""
    allowed = known_contexts(settings)
    document: dict[str, Any] = {}
    graph: list[Any] = []
    for item in top_level(stream):
        if isinstance(item, GraphItem):
            graph.append(item.value)
        else:
            document[item.name] = item.value
    if graph:
        document["@graph"] = graph
    document.pop("@context", None)
    found = [*embedded_references(document, allowed, "")]
    if found:
        yield from (Problem(f"{where} (never fetched)", field="@context") for where in found)
        return
    document["@context"] = bundled_in_place(context, allowed)
    yield from jsonld_graph_items(document, settings)
