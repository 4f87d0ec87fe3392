"""`/feed`, `/feed/root` and `/feed/{n}`: compaction, caching, conditional requests, overload,
the root node and its relations."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from typing import Any

import httpx
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, SH, SKOS, XSD
from sqlalchemy import Engine

import vocab
from hub.services import entities as service
from hub.settings import Settings
from hub.web import feed as feed_web
from tests.feed.conftest import BASE, PAGE_SIZE, organisation
from tests.feed.reading import (
    AS,
    LDES,
    TREE,
    all_members,
    by_object,
    graph,
    page_members,
    quads,
)
from tests.support.client import AppClient

ORG = f"{BASE}/id/organisations/"


def put(engine: Engine, settings: Settings, key: str, label: str, **extra: Any) -> None:
    service.put_entity(
        engine, settings, kind="organisations", key=key, doc=organisation(key, label, **extra)
    )


def fill(engine: Engine, settings: Settings, count: int, prefix: str = "org") -> None:
    for number in range(count):
        put(engine, settings, f"{prefix}-{number}", f"Organisation {number}")


def test_the_stream_names_one_view_its_paths_shape_and_profile(client: AppClient) -> None:
    data = graph(client.get("/feed", headers={"accept": "text/turtle"}))
    stream = URIRef(f"{BASE}/feed")
    shape = URIRef(f"{BASE}/vocab/shapes/member#ActivityShape")
    assert list(data.objects(None, TREE.view)) == [URIRef(f"{BASE}/feed/root")]
    assert set(data.predicate_objects(stream)) == {
        (RDF.type, LDES.EventStream),
        (LDES.timestampPath, AS.published),
        (LDES.versionOfPath, AS.object),
        (TREE.shape, shape),
        (DCTERMS.conformsTo, URIRef(vocab.PROFILE_IRI)),
        (TREE.view, URIRef(f"{BASE}/feed/root")),
    }
    expected = Graph().parse(vocab.member_shape_file(), publicID=f"{BASE}/vocab/shapes/member")
    assert {t for t in data if t[0] != stream} == set(expected)  # the shape, inline
    served = graph(client.get("/vocab/shapes/member"))  # and dereferenceable
    assert set(served) == set(expected)


def test_many_updates_of_one_entity_are_one_member(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    for version in range(25):
        put(engine, settings, "nsoft", f"NSoft {version}")
    found = all_members(client)
    assert [(m.iri, m.verb, m.object) for m in found] == [
        (f"{BASE}/feed/activities/25", "Update", ORG + "nsoft")
    ]
    page = graph(client.get("/feed/2.ttl"))
    assert page.value(URIRef(ORG + "nsoft"), SKOS.prefLabel) == Literal("NSoft 24", lang="en")


@pytest.mark.slow
def test_a_thousand_updates_of_ten_entities_are_ten_members(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    for version in range(100):
        for number in range(10):
            put(engine, settings, f"org-{number}", f"Organisation {number} v{version}")
    found = all_members(client)
    assert by_object(found) == {f"{ORG}org-{n}": "Update" for n in range(10)}
    assert [int(m.iri.rsplit("/", 1)[1]) for m in found] == list(range(991, 1001))


def test_a_closed_page_is_immutable_and_the_newest_answers_304_to_a_poll(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    fill(engine, settings, PAGE_SIZE + 3)
    closed = client.get("/feed/0")
    assert closed.headers["cache-control"] == "public, max-age=31536000, immutable"
    newest = client.get("/feed/1", headers={"accept": "text/turtle"})
    assert newest.headers["cache-control"] == "public, no-cache"
    etag = newest.headers["etag"]
    poll = client.get("/feed/1", headers={"accept": "text/turtle", "if-none-match": etag})
    assert (poll.status_code, poll.content, poll.headers["etag"]) == (304, b"", etag)
    put(engine, settings, "late", "Late")
    changed = client.get("/feed/1", headers={"accept": "text/turtle", "if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert ORG + "late" in by_object(page_members(client, 1))


def test_etags_differ_per_tier_and_format(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    fill(engine, settings, 3)
    tags = {
        client.get(f"/feed/{node}.{extension}", headers=headers).headers["etag"]
        for node in ("0", "root")
        for extension in ("jsonld", "ttl", "nt", "nq")
        for headers in ({}, partner)
    }
    assert len(tags) == 16
    private = client.get("/feed/0", headers=partner)
    assert private.headers["cache-control"] == "private, no-cache"
    assert private.headers["vary"] == "Accept, Authorization"


def test_the_partner_tier_caches_closed_pages_privately(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    fill(engine, settings, PAGE_SIZE)
    response = client.get("/feed/0", headers=partner)
    assert response.headers["cache-control"] == "private, max-age=31536000, immutable"


def test_more_renders_in_flight_than_allowed_get_429_with_retry_after(
    client: AppClient, engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(engine, settings, 3)
    client.app.state.feed = feed_web.FeedRuntime(feed_web.RenderGate(limit=1))  # type: ignore[attr-defined]
    started, release = threading.Event(), threading.Event()
    render = feed_web._render

    def slow_render(*args: Any) -> Any:
        started.set()
        release.wait(10)
        return render(*args)

    monkeypatch.setattr(feed_web, "_render", slow_render)

    async def both() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as concurrent:
            first = asyncio.ensure_future(concurrent.get("/feed/0"))
            await asyncio.to_thread(started.wait, 10)  # the first render is in flight
            second = await concurrent.get("/feed/0")
            release.set()
            return await first, second

    first, second = asyncio.run(both())
    assert first.status_code == 200
    assert (second.status_code, second.headers["retry-after"]) == (429, "1")
    assert second.headers["content-type"] == "application/problem+json"
    assert client.get("/feed/0").status_code == 200  # the gate opens again


def root_relations(
    client: AppClient, headers: dict[str, str] | None = None
) -> dict[int, dict[str, tuple[str, datetime]]]:
    """Page number -> {relation type: (relation IRI, value)} of the root's relations."""
    data = graph(client.get("/feed/root.ttl", headers=headers or {}))
    root = URIRef(f"{BASE}/feed/root")
    assert (root, RDF.type, TREE.Node) in data
    found: dict[int, dict[str, tuple[str, datetime]]] = {}
    for relation in data.objects(root, TREE.relation):
        assert isinstance(relation, URIRef)  # relations have IRIs
        kind = str(data.value(relation, RDF.type)).removeprefix(str(TREE))
        assert data.value(relation, TREE.path) == AS.published
        value = data.value(relation, TREE.value)
        assert isinstance(value, Literal) and value.datatype == XSD.dateTime
        number = int(str(data.value(relation, TREE.node)).removeprefix(f"{BASE}/feed/"))
        assert kind not in found.setdefault(number, {})
        found[number][kind] = (str(relation), value.toPython())
    return found


def test_the_root_bounds_every_page_and_keeps_the_bounds_after_compaction(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    fill(engine, settings, 2 * PAGE_SIZE + 5)  # seq 1..25: pages 0, 1 closed; 2 newest
    published = {int(m.iri.rsplit("/", 1)[1]): m.published for m in all_members(client)}
    start = {0: published[1], 1: published[10], 2: published[20]}

    def bounds(page: int, upper: bool = True) -> dict[str, tuple[str, datetime]]:
        iri = f"{BASE}/feed/root#page-{page}"
        found = {"GreaterThanOrEqualToRelation": (f"{iri}-after", start[page])}
        if upper:
            found["LessThanRelation"] = (f"{iri}-before", start[page + 1])
        return found

    assert root_relations(client) == {0: bounds(0), 1: bounds(1), 2: bounds(2, upper=False)}
    for page in range(3):  # pages carry no relations: the root reaches each of them
        assert not list(graph(client.get(f"/feed/{page}.ttl")).objects(None, TREE.relation))
    put(engine, settings, "org-0", "moved away")  # seq 1 leaves page 0 (seq 26) ...
    put(engine, settings, "org-9", "moved away")  # ... seq 10 leaves page 1 (seq 27) ...
    fill(engine, settings, 5, prefix="late")  # ... and seq 30 begins page 3
    assert {1, 10} & {int(m.iri.rsplit("/", 1)[1]) for m in all_members(client)} == set()
    start[3] = published_of(client, 3, 30)
    assert root_relations(client) == {
        0: bounds(0),
        1: bounds(1),
        2: bounds(2),
        3: bounds(3, upper=False),
    }


def published_of(client: AppClient, page: int, seq: int) -> datetime:
    (found,) = [
        m.published for m in page_members(client, page) if m.iri.endswith(f"/activities/{seq}")
    ]
    return found


def test_the_root_is_mutable_and_answers_304_until_anything_changes(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    fill(engine, settings, PAGE_SIZE - 2)  # seq 1..8: page 0 only
    first = client.get("/feed/root", headers={"accept": "text/turtle"})
    assert first.headers["cache-control"] == "public, no-cache"
    assert first.headers["vary"] == "Accept, Authorization"
    etag = first.headers["etag"]
    poll = client.get("/feed/root", headers={"accept": "text/turtle", "if-none-match": etag})
    assert (poll.status_code, poll.content, poll.headers["etag"]) == (304, b"", etag)
    put(engine, settings, "late", "Late")  # seq 9: the newest page changed, no page began
    changed = client.get("/feed/root", headers={"accept": "text/turtle", "if-none-match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.content == first.content  # same pages, same relations
    fill(engine, settings, 2, prefix="more")  # seq 10, 11: page 1 begins
    again = client.get(
        "/feed/root", headers={"accept": "text/turtle", "if-none-match": changed.headers["etag"]}
    )
    assert again.status_code == 200 and again.content != first.content
    assert sorted(root_relations(client)) == [0, 1]


def test_the_root_of_an_empty_feed_lists_no_page(client: AppClient) -> None:
    response = client.get("/feed/root.ttl")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, no-cache"
    assert root_relations(client) == {}


def test_the_root_is_the_same_for_every_tier_with_its_own_etag_and_caching(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    fill(engine, settings, PAGE_SIZE + 3)
    public = client.get("/feed/root.nt")
    private = client.get("/feed/root.nt", headers=partner)
    assert public.content == private.content
    assert public.headers["etag"] != private.headers["etag"]
    assert private.headers["cache-control"] == "private, no-cache"
    assert root_relations(client, partner) == root_relations(client)


def test_the_root_has_no_blank_nodes(client: AppClient, engine: Engine, settings: Settings) -> None:
    fill(engine, settings, 2 * PAGE_SIZE + 1)
    for extension in ("jsonld", "ttl", "nt", "nq"):
        for subject, _, obj, _ in quads(client.get(f"/feed/root.{extension}")):
            assert isinstance(subject, URIRef) and isinstance(obj, URIRef | Literal), extension


def test_rendering_the_root_waits_its_turn_like_a_page(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    fill(engine, settings, 3)
    client.app.state.feed = feed_web.FeedRuntime(feed_web.RenderGate(limit=0))  # type: ignore[attr-defined]
    busy = client.get("/feed/root")
    assert (busy.status_code, busy.headers["retry-after"]) == (429, "1")
    client.app.state.feed = feed_web.FeedRuntime(feed_web.RenderGate(limit=1))  # type: ignore[attr-defined]
    assert client.get("/feed/root").status_code == 200


@pytest.mark.parametrize("page", ["3", "-1", "01", "x", "1.5", "１", "2.nq", "root.xyz", "Root"])
def test_bad_page_numbers_are_404_problems(
    client: AppClient, engine: Engine, settings: Settings, page: str
) -> None:
    fill(engine, settings, 12)  # pages 0 and 1
    response = client.get(f"/feed/{page}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_all_four_formats_are_one_graph(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    from tests.support.samples import cluster_profile

    service.put_entity(
        engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster_profile(BASE)
    )
    fill(engine, settings, 4)
    service.delete_entity(engine, kind="organisations", key="org-1")
    for page in ("0", "root", None):
        path = f"/feed/{page}" if page else "/feed"
        graphs = [
            graph(client.get(path, headers={"accept": media}))
            for media in (
                "application/ld+json",
                "text/turtle",
                "application/n-triples",
                "application/n-quads",
            )
        ]
        assert len(graphs[0]) > 10
        assert all(set(g) == set(graphs[0]) for g in graphs[1:]), path


def test_nquads_put_each_payload_in_the_graph_named_by_its_member(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    put(engine, settings, "nsoft", "NSoft", homepage="https://nsoft.rs/")
    put(engine, settings, "gone", "Gone")
    service.delete_entity(engine, kind="organisations", key="gone")
    found = quads(client.get("/feed/0.nq"))
    member = f"{BASE}/feed/activities/1"
    nsoft = URIRef(ORG + "nsoft")
    assert {(s, p, o) for s, p, o, g in found if g == member} == {
        (nsoft, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")),
        (nsoft, RDF.type, URIRef("http://schema.org/Organization")),
        (nsoft, SKOS.prefLabel, Literal("NSoft", lang="en")),
        (nsoft, FOAF.homepage, URIRef("https://nsoft.rs/")),
    }
    assert {g for *_, g in found} == {None, member}  # the Delete carries no payload graph
    assert (URIRef(member), AS.object, nsoft, None) in found


def test_feed_pages_conform_to_the_member_shape(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    import pyshacl

    from tests.support.samples import cluster_profile

    service.put_entity(
        engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster_profile(BASE)
    )
    fill(engine, settings, 3)
    service.delete_entity(engine, kind="organisations", key="org-1")
    shapes = graph(client.get("/vocab/shapes/member"))
    for headers in ({}, partner):
        data = graph(client.get("/feed/0.ttl", headers=headers))
        conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
        assert conforms, report
    tampered = graph(client.get("/feed/0.ttl"))
    tampered.add((URIRef(ORG + "org-1"), URIRef("http://schema.org/email"), Literal("x@y.rs")))
    tampered.remove((URIRef(f"{BASE}/feed/activities/2"), AS.published, None))
    conforms, results, _ = pyshacl.validate(tampered, shacl_graph=shapes)
    assert not conforms
    top = results.objects(None, SH.result)  # not the nested sh:detail results
    failing = {str(results.value(result, SH.sourceShape)).rsplit("#", 1)[1] for result in top}
    assert failing == {"delete-object", "activity-published"}


# The Accept header ldes-client 0.3.0 sends (rdf-dereference; recorded from a real run).
LDES_CLIENT_ACCEPT = (
    "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
    "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35,"
    "application/xml;q=0.3,image/svg+xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,"
    "application/xhtml+xml;q=0.18,application/json;q=0.135,text/shaclc;q=0.1,"
    "text/shaclc-ext;q=0.05"
)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (LDES_CLIENT_ACCEPT, "application/n-quads"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/ld+json"),
        ("", "application/ld+json"),
        ("text/turtle", "text/turtle; charset=utf-8"),
    ],
    ids=["ldes-client", "browser", "none", "turtle"],
)
def test_negotiation_gives_an_rdf_syntax_every_client_can_read(
    client: AppClient, engine: Engine, settings: Settings, accept: str, expected: str
) -> None:
    fill(engine, settings, 2)
    for path in ("/feed", "/feed/root", "/feed/0"):
        response = client.get(path, headers={"accept": accept})
        assert (response.status_code, response.headers["content-type"]) == (200, expected)


def test_an_html_only_client_is_told_what_the_feed_offers(
    client: AppClient, engine: Engine, settings: Settings
) -> None:
    fill(engine, settings, 2)
    for path in ("/feed/0", "/feed/root"):
        response = client.get(path, headers={"accept": "text/html"})
        assert (response.status_code, response.headers["content-type"]) == (
            406,
            "application/problem+json",
        )
    assert client.get("/feed/root.html").status_code == 406


@pytest.mark.parametrize("extension", ["jsonld", "ttl", "nt", "nq"])
def test_the_stream_by_extension_is_the_same_graph(client: AppClient, extension: str) -> None:
    by_extension = graph(client.get(f"/feed.{extension}"))
    assert set(by_extension) == set(graph(client.get("/feed", headers={"accept": "text/turtle"})))
    assert client.get("/feed.html").status_code == 406
