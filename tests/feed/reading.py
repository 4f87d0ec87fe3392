"""Reading feed responses as RDF (rdflib, with the bundled context for JSON-LD) and the
members they hold."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import datetime

import httpx
import rdflib
from rdflib import RDF, Dataset, Graph, Namespace, URIRef
from rdflib.term import Node

from tests.support.client import AppClient
from tests.support.reading import jsonld_graph

AS = Namespace("https://www.w3.org/ns/activitystreams#")
TREE = Namespace("https://w3id.org/tree#")
LDES = Namespace("https://w3id.org/ldes#")


@dataclass(frozen=True, slots=True)
class Member:
    iri: str
    verb: str  # Create, Update, Delete
    object: str
    published: datetime


Quad = tuple[Node, Node, Node, str | None]  # graph None: the default graph


def quads(response: httpx.Response) -> list[Quad]:
    """The response's quads (all in the default graph but for N-Quads' named graphs)."""
    media = response.headers["content-type"].split(";")[0]
    if media == "application/ld+json":
        return [(s, p, o, None) for s, p, o in jsonld_graph(response.content)]
    if media != "application/n-quads":
        syntax = {"text/turtle": "turtle", "application/n-triples": "nt"}[media]
        return [(s, p, o, None) for s, p, o in Graph().parse(data=response.text, format=syntax)]
    with warnings.catch_warnings():
        # rdflib 7.x deprecates parts of its own Dataset API that parsing uses (VOCABULARY.md P19).
        warnings.simplefilter("ignore", DeprecationWarning)
        found = Dataset()
        found.parse(data=response.text, format="nquads")
        return [
            (s, p, o, None if str(g) == "urn:x-rdflib:default" else str(g))
            for s, p, o, g in found.quads((None, None, None, None))
        ]


def graph(response: httpx.Response) -> Graph:
    """All the response's triples in one graph (named graphs merged)."""
    merged = Graph()
    for subject, predicate, obj, _ in quads(response):
        merged.add((subject, predicate, obj))
    return merged


def members(data: Graph) -> list[Member]:
    """The members of a page, in seq order."""
    found = []
    for activity in data.objects(None, TREE.member):
        verb = data.value(activity, RDF.type)
        assert isinstance(verb, URIRef)
        published = data.value(activity, AS.published)
        assert isinstance(published, rdflib.Literal)
        found.append(
            Member(
                str(activity),
                verb.removeprefix(str(AS)),
                str(data.value(activity, AS.object)),
                published.toPython(),
            )
        )
    return sorted(found, key=lambda m: int(m.iri.rsplit("/", 1)[1]))


def page_members(
    client: AppClient, page: int, headers: dict[str, str] | None = None
) -> list[Member]:
    response = client.get(f"/feed/{page}.ttl", headers=headers or {})
    assert response.status_code == 200, response.text
    return members(graph(response))


def root_pages(client: AppClient, headers: dict[str, str] | None = None) -> list[int]:
    """The numbers of the pages the root (the stream's view) links to, in order."""
    response = client.get("/feed/root.ttl", headers=headers or {})
    assert response.status_code == 200, response.text
    data = graph(response)
    root = URIRef(str(response.url).removesuffix(".ttl"))
    nodes = {str(data.value(relation, TREE.node)) for relation in data.objects(root, TREE.relation)}
    return sorted(int(node.rsplit("/", 1)[1]) for node in nodes)


def all_members(client: AppClient, headers: dict[str, str] | None = None) -> list[Member]:
    """Every member of every page, reached as a client does: from the root's relations (which
    must name pages 0 to the newest, and nothing past it)."""
    pages = root_pages(client, headers)
    assert pages == list(range(len(pages)))
    found: list[Member] = []
    for page in pages:
        found += page_members(client, page, headers)
    if pages:  # (before the first write the root lists nothing; page 0 is there, empty)
        assert client.get(f"/feed/{len(pages)}.ttl", headers=headers or {}).status_code == 404
    return found


def by_object(found: list[Member]) -> dict[str, str]:
    """Entity IRI -> verb (each entity is one member: the feed is compacted)."""
    objects = [m.object for m in found]
    assert len(objects) == len(set(objects)), "an entity appears twice"
    return {m.object: m.verb for m in found}
