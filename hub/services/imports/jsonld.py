"""JSON-LD files: `{"@context": ..., "@graph": [node, ...]}` or a single node object.

With our context (by URL), each node is our compact JSON already: it goes straight to the
pydantic models, streamed one at a time. A document with an inline context is expanded by
rdflib instead (after every remote context reference has been refused, P1).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, ClassVar

import orjson

from hub.services.errors import Problem
from hub.services.imports.chunks import Chunk, ReadEntries, read_entries
from hub.services.imports.contexts import bundled_in_place, classify_context, embedded_references
from hub.services.imports.entries import Entry, SourceItems, entity_address
from hub.services.imports.json_stream import GraphItem, JsonSyntaxError, Member, top_level
from hub.services.imports.rdf import jsonld_graph_items
from hub.services.validation import known_contexts
from hub.settings import Settings
from schemas import kind_of_type

CHUNK_NODES = 2000  # @graph items per chunk (a member is two)
_BLANK = "an entity needs an IRI ('id'): a blank node cannot be updated or deleted later"


def jsonld_items(stream: BinaryIO, settings: Settings) -> Iterator[Chunk]:
    """The chunks of a JSON-LD file, or the problems that stop it."""
    try:
        context = _context(stream)
        stream.seek(0)
        kind = classify_context(context, settings)
        if isinstance(kind, list):
            yield ReadEntries(kind)
        elif kind == "inline":
            yield from read_entries(_inline(stream, context, settings))
        else:
            yield from _streamed(stream, settings)
    except JsonSyntaxError as exc:
        yield ReadEntries([Problem(str(exc), line=exc.line)])


def _context(stream: BinaryIO) -> Any:
    """The `@context` value: one look when it comes first (as it should), else a full pass."""
    for item in top_level(stream):
        if isinstance(item, Member) and item.name == "@context":
            return item.value
    return None


def _streamed(stream: BinaryIO, settings: Settings) -> Iterator[Chunk]:
    single: dict[str, Any] = {}
    has_graph = False
    nodes: list[tuple[int, str]] = []
    for item in top_level(stream, graph_text=True):
        if isinstance(item, GraphItem):
            has_graph = True
            nodes.append((item.line, item.value))
            if len(nodes) == CHUNK_NODES:
                yield NodeChunk(settings.base_url, nodes)
                nodes = []
        elif item.name == "@graph":
            yield ReadEntries([Problem("@graph must be an array of nodes", field="@graph", line=1)])
            return
        elif item.name != "@context":
            single[item.name] = item.value
    if nodes:
        yield NodeChunk(settings.base_url, nodes)
    if not has_graph and single:
        yield ReadEntries(list(node_entry(single, 1, settings.base_url)))
    elif single:
        yield ReadEntries([
            Problem(
                f"'{name}' next to @graph: the file holds @context and @graph only",
                field=name,
                line=1,
            )
            for name in single
        ])


@dataclass(frozen=True, slots=True)
class NodeChunk:
    """`@graph` items as the file writes them: (line where the item starts, its JSON text)."""

    base_url: str
    nodes: list[tuple[int, str]]
    shippable: ClassVar[bool] = True

    def entries(self) -> Iterator[Entry | Problem]:
        for line, text in self.nodes:
            try:
                node = _decoded(text)
            except json.JSONDecodeError as exc:
                yield Problem(f"malformed JSON: {exc.msg}", line=line + exc.lineno - 1)
                continue
            yield from node_entry(node, line, self.base_url)


def _decoded(text: str) -> Any:
    """orjson, several times faster; the standard library for what only it takes (NaN,
    integers over 64 bits), and for its messages, which name what is wrong."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def node_entry(node: Any, line: int, base_url: str) -> Iterator[Entry | Problem]:
    """The entry of one top-level node in our compact form, or why it cannot be one."""
    if not isinstance(node, dict):
        yield Problem("a @graph item must be a node object", line=line)
        return
    node = aliased(node)
    iri = node.get("id")
    if "@context" in node:
        yield Problem(
            "a node carries no @context of its own: the file's applies", field="@context", line=line
        )
    elif not isinstance(iri, str) or iri.startswith("_:"):
        yield Problem(_BLANK, field="id", line=line)
    else:
        try:
            kind, key = entity_address(iri, base_url)
        except ValueError as exc:
            yield Problem(str(exc), field="id", line=line, entity=iri)
            return
        named = declared_kind(node.get("type"))
        if named is not None and named != kind:
            yield Problem(
                f"the type names {named}, the IRI {kind}", field="type", line=line, entity=iri
            )
            return
        yield Entry(kind, key, node, line, "line", entity=iri)


def aliased(node: dict[str, Any]) -> dict[str, Any]:
    """The node with `@id` and `@type` under our context's aliases, `id` and `type`."""
    return {_ALIASES.get(key, key): value for key, value in node.items()}


_ALIASES = {"@id": "id", "@type": "type"}


def declared_kind(types: Any) -> str | None:
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
