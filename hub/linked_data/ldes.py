"""The feed as linked data: the `ldes:EventStream`, its `tree:Node`s (the root, which links to
every page, and the pages, which hold the members), and the members.

A member is an ActivityStreams activity (`as:Create`, `as:Update`, `as:Delete`) with
`as:object` (the entity) and `as:published` (LDES `ldes:timestampPath`, `ldes:versionOfPath`).
Four serialisations, one graph: JSON-LD (our context; the entity is embedded in `object`),
Turtle and N-Triples (everything in the default graph), N-Quads (each entity's triples in the
named graph of its member IRI: TREE member extraction, "named graphs" rule; LDES server
primer, "Members"). Everything has an IRI, relations included (VOCABULARY.md P17).

Built without rdflib: a page holds a thousand entities. A member is rendered on its own, and
its payload (the entity cut to the caller's tier) asked for only then: as JSON text for
JSON-LD, where it is spliced in as it is, or as a parsed document for the other three, which
`hub.linked_data.document_writers` walks once into text. The activity's three statements are
written from a template per syntax; the stream and the node go through triples and
`hub.linked_data.writers`. Rendered members are cached by (member IRI, variant, format): a
member IRI names one seq, and what a seq holds never changes (a change takes a new seq), so
a cached member never goes stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, Final, Literal, NamedTuple, Protocol

import orjson

import vocab
from hub.linked_data.context import RDF_TYPE, XSD
from hub.linked_data.document_writers import NTriplesDocumentWriter, TurtleDocumentWriter
from hub.linked_data.triples import Literal as RdfLiteral
from hub.linked_data.triples import Triple
from hub.linked_data.writers import TurtleWriter, ntriples

Verb = Literal["Create", "Update", "Delete"]
Syntax = Literal["jsonld", "turtle", "ntriples", "nquads"]

AS: Final = "https://www.w3.org/ns/activitystreams#"
TREE: Final = "https://w3id.org/tree#"
LDES: Final = "https://w3id.org/ldes#"
DCT_CONFORMS_TO: Final = "http://purl.org/dc/terms/conformsTo"
_CONTEXT: Final = orjson.dumps(vocab.CONTEXT_URL)


@dataclass(frozen=True, slots=True)
class Stream:
    """The event stream and what every page repeats about it (LDES server primer, "Context
    information"): one `tree:view`, the paths, the shape, the profile."""

    iri: str
    view: str
    shape: str
    profile: str = vocab.PROFILE_IRI


class Payload(Protocol):
    """The entity of a Create or Update as the caller may see it, in compact JSON-LD of our
    context; asked only when the member is not cached."""

    def text(self) -> str:
        """As JSON text (for JSON-LD pages)."""

    def document(self) -> dict[str, Any]:
        """As a parsed document (for N-Triples, N-Quads and Turtle pages)."""


class Activity(NamedTuple):
    """One member. `payload` gives the entity (Create, Update); `variant` tells apart
    renderings of one member IRI (the caller's tier). A tuple: a page holds a thousand."""

    iri: str
    verb: Verb
    object: str
    published: datetime
    payload: Payload | None
    variant: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A `tree:Relation` on `as:published` towards `node` (TREE, "Pruning branches")."""

    iri: str
    kind: Literal["GreaterThanOrEqualToRelation", "LessThanRelation"]
    node: str
    value: datetime


@dataclass(frozen=True, slots=True)
class Page:
    """A `tree:Node`: a page (members, no relations) or the root (relations, no members)."""

    stream: Stream
    iri: str
    relations: tuple[Relation, ...]
    activities: tuple[Activity, ...]


def timestamp(value: datetime) -> str:
    """An xsd:dateTime in UTC with microseconds (TREE: compare times with a timezone)."""
    # `isoformat` is faster than `strftime`; an aware UTC time ends in "+00:00".
    return value.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


def _datetime(value: datetime) -> RdfLiteral:
    return RdfLiteral(timestamp(value), XSD + "dateTime")


def stream_triples(stream: Stream) -> list[Triple]:
    return [
        (stream.iri, RDF_TYPE, LDES + "EventStream"),
        (stream.iri, LDES + "timestampPath", AS + "published"),
        (stream.iri, LDES + "versionOfPath", AS + "object"),
        (stream.iri, TREE + "shape", stream.shape),
        (stream.iri, DCT_CONFORMS_TO, stream.profile),
        (stream.iri, TREE + "view", stream.view),
    ]


def _node_triples(page: Page) -> list[Triple]:
    triples: list[Triple] = [(page.iri, RDF_TYPE, TREE + "Node")]
    for relation in page.relations:
        triples += [
            (page.iri, TREE + "relation", relation.iri),
            (relation.iri, RDF_TYPE, TREE + relation.kind),
            (relation.iri, TREE + "node", relation.node),
            (relation.iri, TREE + "path", AS + "published"),
            (relation.iri, TREE + "value", _datetime(relation.value)),
        ]
    triples += [(page.stream.iri, TREE + "member", a.iri) for a in page.activities]
    return triples


class MemberCache:
    """Rendered members, least recently used out first; safe across render threads."""

    def __init__(self, capacity: int = 20_000) -> None:
        self._capacity = capacity
        self._items: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, str]) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str], value: bytes) -> None:
        with self._lock:
            self._items[key] = value
            if len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class _Turtle(TurtleWriter):
    """The Turtle writer with each IRI's name looked up once: a root node repeats a few
    prefixed names for every page."""

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, str] = {}

    def name(self, iri: str) -> str:
        found = self._names.get(iri)
        if found is None:
            found = self._names[iri] = super().name(iri)
        return found


class _Renderer:
    """One rendering in one syntax; its writers remember the IRIs they have written."""

    def __init__(self, syntax: Syntax, cache: MemberCache) -> None:
        self.syntax = syntax
        self.cache = cache
        self.turtle = _Turtle()

    @cached_property
    def _turtle_documents(self) -> TurtleDocumentWriter:
        return TurtleDocumentWriter()

    @cached_property
    def _line_documents(self) -> NTriplesDocumentWriter:
        return NTriplesDocumentWriter()

    def triples(self, triples: Iterable[Triple]) -> str:
        if self.syntax == "turtle":
            return "".join(self.turtle.blocks(triples))
        return "".join(ntriples(triples))

    def member(self, activity: Activity) -> bytes:
        key = (activity.iri, activity.variant, self.syntax)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        if self.syntax == "jsonld":
            rendered = _jsonld_member(activity)
        else:
            rendered = self._rdf_member(activity).encode()
        self.cache.put(key, rendered)
        return rendered

    def _rdf_member(self, activity: Activity) -> str:
        """The activity in the default graph, then its entity: in N-Quads in the named graph
        of the member IRI."""
        head = self._activity(activity)
        if activity.payload is None:
            return head
        entity = activity.payload.document()
        if self.syntax == "turtle":
            return head + self._turtle_documents.blocks(entity)
        graph = activity.iri if self.syntax == "nquads" else None
        return head + self._line_documents.lines(entity, graph)

    def _activity(self, activity: Activity) -> str:
        """The activity's three statements: verb, object, publication time."""
        published = timestamp(activity.published)
        if self.syntax == "turtle":
            name = self.turtle.name
            return (
                f"{name(activity.iri)}\n    a {name(AS + activity.verb)} ;\n"
                f"    {name(AS + 'object')} {name(activity.object)} ;\n"
                f'    {name(AS + "published")} "{published}"^^{name(XSD + "dateTime")} .\n\n'
            )
        subject = f"<{activity.iri}>"
        return (
            f"{subject} <{RDF_TYPE}> <{AS}{activity.verb}> .\n"
            f"{subject} <{AS}object> <{activity.object}> .\n"
            f'{subject} <{AS}published> "{published}"^^<{XSD}dateTime> .\n'
        )

    def header(self) -> str:
        return self.turtle.header() if self.syntax == "turtle" else ""


def render_page(page: Page, syntax: Syntax, cache: MemberCache) -> bytes:
    """One node in `syntax`: the stream's description, the node and its relations, members."""
    renderer = _Renderer(syntax, cache)
    if syntax == "jsonld":
        return _jsonld_page(page, renderer)
    head = renderer.header() + renderer.triples(stream_triples(page.stream) + _node_triples(page))
    return b"".join([head.encode(), *(renderer.member(activity) for activity in page.activities)])


def render_stream(stream: Stream, shape: list[Triple], syntax: Syntax) -> bytes:
    """The event stream's own document (`/feed`): its description with the shape inline (the
    LDES client reads the shape from here; TREE "Initialization")."""
    if syntax == "jsonld":
        graph = [_stream_json(stream), *_expanded_nodes(shape)]
        return orjson.dumps({"@context": vocab.CONTEXT_URL, "@graph": graph})
    return render_triples(stream_triples(stream) + shape, syntax)


def render_triples(triples: list[Triple], syntax: Syntax) -> bytes:
    """Triples of the default graph in `syntax` (in JSON-LD as node objects keyed by IRIs)."""
    if syntax == "jsonld":
        return orjson.dumps({"@context": vocab.CONTEXT_URL, "@graph": _expanded_nodes(triples)})
    renderer = _Renderer(syntax, MemberCache(0))
    return (renderer.header() + renderer.triples(triples)).encode()


def _stream_json(stream: Stream) -> dict[str, Any]:
    return {
        "id": stream.iri,
        "type": "EventStream",
        "timestampPath": "as:published",
        "versionOfPath": "as:object",
        "shape": stream.shape,
        "conformsTo": stream.profile,
        "treeView": stream.view,
    }


def _jsonld_page(page: Page, renderer: _Renderer) -> bytes:
    """Assembled from bytes: the stored entity JSON goes in as it is (no parse, no dump)."""
    node = {
        "id": page.iri,
        "type": "Node",
        "relation": [
            {"id": r.iri, "type": r.kind, "node": r.node, "treePath": "as:published",
             "treeValue": timestamp(r.value)}
            for r in page.relations
        ],
    }
    members = b",".join(renderer.member(activity) for activity in page.activities)
    stream = orjson.dumps(_stream_json(page.stream))[:-1]
    return b"".join((
        b'{"@context":', _CONTEXT, b',"@graph":[', orjson.dumps(node), b",",
        stream, b',"members":[', members, b"]}]}",
    ))


def _jsonld_member(activity: Activity) -> bytes:
    head = orjson.dumps({"id": activity.iri, "type": activity.verb,
                         "published": timestamp(activity.published)})[:-1]
    target = activity.payload.text().encode() if activity.payload else orjson.dumps(activity.object)
    return head + b',"object":' + target + b"}"


def _expanded_nodes(triples: list[Triple]) -> list[dict[str, Any]]:
    """Triples of terms outside our context (the SHACL shape) as JSON-LD node objects keyed
    by absolute IRIs (JSON-LD 1.1, section 4.1.2: such keys need no term)."""
    nodes: dict[str, dict[str, Any]] = {}
    for subject, predicate, obj in triples:
        node = nodes.setdefault(subject, {"id": subject})
        if predicate == RDF_TYPE:
            node.setdefault("type", []).append(obj)
            continue
        value: dict[str, str]
        if isinstance(obj, RdfLiteral):
            value = {"@value": obj.lexical}
            if obj.language:
                value["@language"] = obj.language
            elif obj.datatype:
                value["@type"] = obj.datatype
        else:
            value = {"id": obj}
        node.setdefault(predicate, []).append(value)
    return list(nodes.values())
