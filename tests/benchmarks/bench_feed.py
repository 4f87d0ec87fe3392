"""Benchmark: one feed page of 1,000 members, read and rendered (issue "Sync and security",
point 4; ARCHITECTURE.md section 11), next to baselines run in the same process.

    .venv/bin/python tests/benchmarks/bench_feed.py [--runs 15]

Prints the median of each measurement in ms and its ratio to the baseline of the same format,
then shows that a poll with no changes is one conditional request answered 304. Target: a
1,000-member page within 50 ms, read and rendered. Every page row reads the page from the
database and renders it; "cold" rows clear the member cache before each run, so every member
is projected to the tier and rendered.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hub.app import create_app
from hub.linked_data.ldes import MemberCache, render_page
from hub.linked_data.triples import Literal, document_triples
from hub.services import entities as service
from hub.services import feed
from hub.services.imports.options import ImportOptions
from hub.services.imports.service import import_file
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade
from tests.support.client import AppClient
from tests.support.members import write_jsonld
from tests.support.samples import cluster_profile

BASE = "http://bench.test"
TARGET_MS = 50.0


def median_ms(
    action: Callable[[], object], runs: int, before: Callable[[], None] | None = None
) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rdflib_graph(docs: list[dict[str, Any]]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for doc in docs:
        for s, p, o in document_triples(doc):
            obj = (
                rdflib.Literal(
                    o.lexical, lang=o.language, datatype=o.datatype if o.datatype else None
                )
                if isinstance(o, Literal)
                else rdflib.URIRef(o)
            )
            graph.add((rdflib.URIRef(s), rdflib.URIRef(p), obj))
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    settings = Settings(base_url=BASE, database_url=f"sqlite:///{folder / 'bench.sqlite3'}")
    engine = database_engine(settings.database_url)
    upgrade(engine)
    cluster = cluster_profile(BASE)
    service.put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster)
    source = folder / "members.jsonld"
    write_jsonld(source, 1000, BASE, "vojvodina-ict")  # 1,000 organisations + 1,000 memberships
    with source.open("rb") as stream:
        import_file(engine, settings, stream, ImportOptions(format="jsonld"))

    def read(tier: str) -> feed.FeedPage:
        # Page 1: seq 1000..1999, a full page (page 0 starts at seq 1).
        return feed.read_page(engine, settings, number=1, tier=tier)  # type: ignore[arg-type]

    page = read("public")
    assert len(page.page.activities) == 1000, len(page.page.activities)
    docs = [a.payload.document() for a in page.page.activities if a.payload]
    graph = rdflib_graph(docs)
    cache = MemberCache()

    def page_ms(syntax: str, tier: str = "public", *, cold: bool) -> float:
        def action() -> bytes:
            return render_page(read(tier).page, syntax, cache)  # type: ignore[arg-type]

        return median_ms(action, runs, cache.clear if cold else None)

    rows = [
        (
            "service only (SQL; projection waits for render)",
            median_ms(lambda: read("public"), runs),
            None,
        ),
        ("JSON-LD page, public, cold", page_ms("jsonld", cold=True), "json"),
        ("JSON-LD page, public, warm", page_ms("jsonld", cold=False), "json"),
        ("JSON-LD page, partner, warm", page_ms("jsonld", "partner", cold=False), "json"),
        ("Turtle page, cold (member cache cleared)", page_ms("turtle", cold=True), "rdf"),
        ("Turtle page, warm (members cached)", page_ms("turtle", cold=False), "rdf"),
        ("N-Triples page, cold", page_ms("ntriples", cold=True), "rdf"),
        ("N-Triples page, warm", page_ms("ntriples", cold=False), "rdf"),
        ("N-Quads page, cold", page_ms("nquads", cold=True), "rdf"),
        ("N-Quads page, warm", page_ms("nquads", cold=False), "rdf"),
    ]
    baselines = {
        "json": (
            "orjson.dumps of the same 1,000 documents",
            median_ms(lambda: orjson.dumps(docs), runs),
        ),
        "rdf": (
            f"rdflib Turtle of the same {len(graph)} triples",
            median_ms(lambda: graph.serialize(format="turtle"), 3),
        ),
    }
    print(f"feed page of {len(page.page.activities)} members, SQLite, median of {runs} runs")
    print(f"{'measurement':<48} {'ms':>9} {'baseline ms':>12} {'ratio':>7}")
    for label, value, baseline in rows:
        _, base_ms = baselines[baseline] if baseline else ("", 0.0)
        ratio = f"{value / base_ms:7.2f}" if base_ms else "       "
        flag = "" if value <= TARGET_MS or "service" in label else "  (over the 50 ms target)"
        print(f"{label:<48} {value:9.1f} {base_ms:12.1f} {ratio}{flag}")
    for label, value in baselines.values():
        print(f"  baseline: {label}: {value:.1f} ms")
    show_conditional_poll(settings, engine)


def show_conditional_poll(settings: Settings, engine: object) -> None:
    """A consumer polling the newest page with the ETag it holds: one request, 304, no body."""
    client = AppClient(create_app(settings, engine), base_url=BASE)  # type: ignore[arg-type]
    first = client.get("/feed/2", headers={"accept": "text/turtle"})
    requests = 0
    start = time.perf_counter()
    poll = client.get(
        "/feed/2", headers={"accept": "text/turtle", "if-none-match": first.headers["etag"]}
    )
    requests += 1
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"no-change poll: {requests} conditional request -> {poll.status_code} "
        f"({len(poll.content)} bytes, {elapsed:.2f} ms;"
        f" the full page is {len(first.content)} bytes)"
    )
    client.close()


if __name__ == "__main__":
    main()
