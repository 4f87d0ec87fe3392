"""The feed as each tier sees it (ARCHITECTURE.md sections 5 and 7).

The stream's one `tree:view` is the root node `/feed/root`: mutable, it holds no members and,
for every page, the relations a client needs to reach it (LDES server primer, "Paginating
Your Event Stream": one root node linking to the member pages, two relations per page, lower
and upper bound on the timestamp path). A client resuming with saved state reads the root
again, skips the closed pages it has read, and reads what is new. Pages carry no relations
of their own: each is reachable from the root, and page-to-page links would make clients
fetch the mutable pages twice per run (the stock client only remembers immutable ones).

Page `n` holds the rows with seq in `[n*N, (n+1)*N)` (N = `settings.feed_page_size`): the
latest version of each entity whose seq falls there, and tombstones. For a caller of tier T:
- a record T may see is a Create (never updated) or an Update, its document projected to T
  (`hub.services.visibility.project`);
- a record T may not see, but that has been visible in T (`feed_tiers`), is a Delete: a record
  that leaves a tier is a Delete in that tier's feed; one never shown there leaves no trace;
- a tombstone is a Delete where it had been shown.

A page is closed once the next page has begun (its first seq handed out): from then on no
member is added to it (compaction only takes members away). Its bounds are the
`published_at` of the first seq of the page and of the next page, recorded when those seqs
were handed out (hub/storage/feed.py), so relations never change their values: the newest
page has a lower bound only, and gains its upper bound when the page after it begins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, NamedTuple

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLibLiteral
from sqlalchemy import Engine

import vocab
from hub.auth.scopes import Tier
from hub.linked_data.ldes import Activity, Page, Relation, Stream, Verb
from hub.linked_data.triples import Literal, Triple
from hub.services.errors import EntityNotFound
from hub.services.visibility import can_see, visible_doc, visible_text
from hub.settings import Settings
from hub.storage import feed as store
from hub.storage.feed import FeedRow
from hub.storage.transactions import read_transaction

TIER_BIT: dict[str, int] = {"public": store.PUBLIC_BIT, "partner": store.PARTNER_BIT}
SHAPE_PATH = "/vocab/shapes/member"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A page for one tier: what to render, whether it is closed, the position it reflects."""

    page: Page
    number: int
    closed: bool
    last_seq: int


def stream_of(settings: Settings) -> Stream:
    base = settings.base_url
    return Stream(iri=f"{base}/feed", view=root_iri(settings), shape=shape_iri(settings))


def shape_iri(settings: Settings) -> str:
    return f"{settings.base_url}{SHAPE_PATH}#ActivityShape"


def root_iri(settings: Settings) -> str:
    return f"{settings.base_url}/feed/root"


def page_iri(settings: Settings, number: int) -> str:
    return f"{settings.base_url}/feed/{number}"


def feed_position(engine: Engine) -> int:
    """The newest seq: together with the page number, tier and format it identifies a
    page's representation (its ETag), read without rendering anything."""
    with read_transaction(engine) as connection:
        return store.last_seq(connection)


def is_closed(settings: Settings, number: int, last_seq: int) -> bool:
    return last_seq >= (number + 1) * settings.feed_page_size


def page_count(settings: Settings, last_seq: int) -> int:
    """How many pages the root lists at position `last_seq`: none before the first write,
    then pages 0 to the newest. The root's content depends on this number only."""
    return 0 if last_seq == 0 else last_seq // settings.feed_page_size + 1


def read_root(engine: Engine, settings: Settings, *, pages: int) -> Page:
    """The root node listing pages `0..pages-1`, the last of them the newest (`pages` from
    `page_count`: every page start it needs was committed with the seqs it counts)."""
    starts: dict[int, datetime] = {}
    if pages:
        with read_transaction(engine) as connection:
            starts = store.page_starts(connection, size=settings.feed_page_size, through=pages - 1)
    relations = root_relations(settings, pages, starts)
    return Page(stream_of(settings), root_iri(settings), relations, ())


def root_relations(
    settings: Settings, pages: int, starts: dict[int, datetime]
) -> tuple[Relation, ...]:
    """Towards each page: `>=` its start, and `<` the start of the next page once that has
    begun (TREE: relations to one node combine with AND). Page 0 of a database written
    before its start was recorded is bounded below by the epoch: still a true promise."""
    root = root_iri(settings)
    relations: list[Relation] = []
    for number in range(pages):
        page = page_iri(settings, number)
        lower = starts.get(number, EPOCH if number == 0 else None)
        upper = starts.get(number + 1) if number + 1 < pages else None
        if lower is not None:
            relations.append(
                Relation(f"{root}#page-{number}-after", "GreaterThanOrEqualToRelation", page, lower)
            )
        if upper is not None:
            relations.append(
                Relation(f"{root}#page-{number}-before", "LessThanRelation", page, upper)
            )
    return tuple(relations)


def read_page(engine: Engine, settings: Settings, *, number: int, tier: Tier) -> FeedPage:
    """Page `number` as `tier` may see it; `EntityNotFound` past the newest page."""
    size = settings.feed_page_size
    with read_transaction(engine) as connection:
        last_seq = store.last_seq(connection)
        if number < 0 or number > last_seq // size:
            raise EntityNotFound("feed pages", str(number))
        rows = store.page_rows(connection, start=number * size, end=(number + 1) * size)
    # Rows written after `last_seq` was read belong to the next representation (PostgreSQL
    # reads each statement at its own snapshot).
    activities = [
        activity
        for row in rows
        if row.seq <= last_seq
        for activity in _activities(settings, row, tier)
    ]
    page = Page(stream_of(settings), page_iri(settings, number), (), tuple(activities))
    return FeedPage(page, number, is_closed(settings, number, last_seq), last_seq)


class _VisiblePayload(NamedTuple):
    """A stored document cut to `tier` when asked: only if the member is not rendered yet
    (the member cache, ldes.py). A `hub.linked_data.ldes.Payload`; a tuple, since a page
    makes a thousand."""

    doc: str
    tier: Tier
    record_tier: str
    overrides_json: str | None

    def text(self) -> str:
        return visible_text(
            self.doc, self.tier, record_tier=self.record_tier, overrides_json=self.overrides_json
        )

    def document(self) -> dict[str, Any]:
        return visible_doc(
            self.doc, self.tier, record_tier=self.record_tier, overrides_json=self.overrides_json
        )


def _activities(settings: Settings, row: FeedRow, tier: Tier) -> list[Activity]:
    iri = f"{settings.base_url}/feed/activities/{row.seq}"
    if row.doc is not None and can_see(tier, row.visibility):
        verb: Verb = "Create" if row.created else "Update"
        payload = _VisiblePayload(row.doc, tier, row.visibility, row.field_visibility)
        return [Activity(iri, verb, row.iri, row.published_at, payload, tier)]
    if row.feed_tiers & TIER_BIT[tier]:
        return [Activity(iri, "Delete", row.iri, row.published_at, None, tier)]
    return []


@cache
def member_shape(settings_base: str) -> list[Triple]:
    """The member shape (`vocab/shapes/chub-member.shacl.ttl`) with its relative IRIs resolved
    under this instance (`{base}/vocab/shapes/member#...`); parsed once per base URL."""
    graph = Graph().parse(
        vocab.member_shape_file(), format="turtle", publicID=settings_base + SHAPE_PATH
    )
    triples = [(_node(s), _node(p), _object(o)) for s, p, o in graph]
    return sorted(triples, key=lambda t: (t[0], t[1], str(t[2])))


def _node(term: Any) -> str:
    if isinstance(term, BNode):  # the shape file promises IRIs only (see its header)
        raise ValueError("the member shape must not use blank nodes")
    assert isinstance(term, URIRef)
    return str(term)


def _object(term: Any) -> str | Literal:
    if isinstance(term, RdfLibLiteral):
        datatype = str(term.datatype) if term.datatype else None
        return Literal(str(term), datatype, term.language)
    return _node(term)
