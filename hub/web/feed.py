"""`/feed`, `/feed/root`, `/feed/{n}`: the LDES (ARCHITECTURE.md section 7), per caller tier.

HTTP behaviour follows the LDES server primer ("Serializations and HTTP Responses",
"Immutability and Caching", "HTTP Status Codes"):
- a closed page is `Cache-Control: immutable` for a year (`private` for the partner tier);
  the newest page and the root (the stream's view) are `no-cache` with an `ETag`, and a poll
  holding that ETag is answered `304` after reading one number (the newest seq), without
  rendering. The root's ETag names the newest seq too: a poll of the root alone tells a
  consumer whether anything changed;
- ETags differ per node, position, tier and format; `Vary: Accept, Authorization`;
- more renders in flight in this process than `feed_max_renders` get `429` + `Retry-After`.

The root's body depends only on how many pages there are (relation values never change), so
each process keeps the latest rendering per format and renders again when a page begins.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

import vocab
from hub.auth.scopes import Tier
from hub.linked_data.ldes import (
    MemberCache,
    Syntax,
    render_page,
    render_stream,
    render_triples,
)
from hub.services import feed as service
from hub.services.errors import EntityNotFound
from hub.settings import Settings
from hub.web.authentication import caller_of
from hub.web.context import app_state
from hub.web.errors import problem_response
from hub.web.negotiation import JSONLD, NQUADS, NTRIPLES, TURTLE, Format, choose, split_extension
from hub.web.responses import etag_matches

FORMATS = (JSONLD, TURTLE, NTRIPLES, NQUADS)
SYNTAX: dict[Format, Syntax] = {
    JSONLD: "jsonld", TURTLE: "turtle", NTRIPLES: "ntriples", NQUADS: "nquads"
}
IMMUTABLE = "max-age=31536000, immutable"
RETRY_AFTER_SECONDS = 1


@dataclass
class RenderGate:
    """Counts feed renders in flight; used from the event loop only, so it needs no lock."""

    limit: int
    busy: int = 0

    def enter(self) -> bool:
        if self.busy >= self.limit:
            return False
        self.busy += 1
        return True

    def leave(self) -> None:
        self.busy -= 1


@dataclass
class RootCache:
    """The latest rendering of the root per format, with the page count it lists. Used from
    the event loop only."""

    bodies: dict[Syntax, tuple[int, bytes]] = field(default_factory=dict)

    def get(self, syntax: Syntax, pages: int) -> bytes | None:
        found = self.bodies.get(syntax)
        return found[1] if found is not None and found[0] == pages else None

    def put(self, syntax: Syntax, pages: int, body: bytes) -> None:
        current = self.bodies.get(syntax)
        if current is None or current[0] <= pages:  # never replaced by an older rendering
            self.bodies[syntax] = (pages, body)


@dataclass
class FeedRuntime:
    """What the feed keeps per application: the render gate, the rendered members and the
    rendered root."""

    gate: RenderGate
    cache: MemberCache = field(default_factory=MemberCache)
    roots: RootCache = field(default_factory=RootCache)


def runtime(request: Request) -> FeedRuntime:
    found: FeedRuntime | None = getattr(request.app.state, "feed", None)
    if found is None:
        found = FeedRuntime(RenderGate(app_state(request).settings.feed_max_renders))
        request.app.state.feed = found
    return found


def page_number(text: str) -> int:
    """Page numbers in their one canonical spelling: `0`, `1`, ... (no sign, no zero padding)."""
    if not (text.isascii() and text.isdigit()) or (len(text) > 1 and text[0] == "0"):
        raise EntityNotFound("feed pages", text)
    return int(text)


def page_etag(settings: Settings, node: int | str, last_seq: int, tier: Tier, fmt: Format) -> str:
    """The ETag of page `node` (a number) or of the root (`"root"`) at position `last_seq`."""
    size = settings.feed_page_size
    return f'"feed.{vocab.PROFILE_VERSION}.{size}.{node}.{last_seq}.{tier}.{fmt.extension}"'


def cache_control(tier: Tier, closed: bool) -> str:
    scope = "public" if tier == "public" else "private"
    return f"{scope}, {IMMUTABLE}" if closed else f"{scope}, no-cache"


async def feed_page(request: Request) -> Response:
    """`/feed/{n}` (`.jsonld`, `.ttl`, `.nt`, `.nq` or by `Accept`)."""
    state = app_state(request)
    stem, extension = split_extension(request.path_params["page"])
    number = page_number(stem)
    fmt = choose(request, FORMATS, JSONLD, extension)
    tier = caller_of(request).tier
    last_seq = service.feed_position(state.engine)
    if number > last_seq // state.settings.feed_page_size:
        raise EntityNotFound("feed pages", stem)
    closed = service.is_closed(state.settings, number, last_seq)
    headers = _headers(page_etag(state.settings, number, last_seq, tier, fmt), tier, closed)
    if etag_matches(request, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    feed = runtime(request)
    if not feed.gate.enter():
        return _overloaded()
    try:
        page, body = await run_in_threadpool(_render, request, number, tier, fmt, feed.cache)
    finally:
        feed.gate.leave()
    etag = page_etag(state.settings, number, page.last_seq, tier, fmt)
    return Response(body, media_type=fmt.media_type, headers=_headers(etag, tier, page.closed))


async def feed_root(request: Request) -> Response:
    """`/feed/root` (`.jsonld`, `.ttl`, `.nt`, `.nq` or by `Accept`): the stream's view, with
    relations to every page."""
    state = app_state(request)
    fmt = choose(request, FORMATS, JSONLD, _extension(request.path_params.get("extension")))
    tier = caller_of(request).tier
    last_seq = service.feed_position(state.engine)
    headers = _headers(page_etag(state.settings, "root", last_seq, tier, fmt), tier, False)
    if etag_matches(request, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    feed = runtime(request)
    syntax = SYNTAX[fmt]
    pages = service.page_count(state.settings, last_seq)
    body = feed.roots.get(syntax, pages)
    if body is None:
        if not feed.gate.enter():
            return _overloaded()
        try:
            body = await run_in_threadpool(_render_root, request, pages, syntax)
        finally:
            feed.gate.leave()
        feed.roots.put(syntax, pages, body)
    return Response(body, media_type=fmt.media_type, headers=headers)


def _render_root(request: Request, pages: int, syntax: Syntax) -> bytes:
    state = app_state(request)
    root = service.read_root(state.engine, state.settings, pages=pages)
    return render_page(root, syntax, MemberCache(0))


def _render(
    request: Request, number: int, tier: Tier, fmt: Format, cache: MemberCache
) -> tuple[service.FeedPage, bytes]:
    state = app_state(request)
    page = service.read_page(state.engine, state.settings, number=number, tier=tier)
    return page, render_page(page.page, SYNTAX[fmt], cache)


def _headers(etag: str, tier: Tier, closed: bool) -> dict[str, str]:
    return {
        "ETag": etag,
        "Cache-Control": cache_control(tier, closed),
        "Vary": "Accept, Authorization",
    }


def _overloaded() -> Response:
    return problem_response(
        429,
        "too many feed requests",
        detail="the feed is busy: retry after the time in Retry-After",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


async def stream(request: Request) -> Response:
    """`/feed`: the event stream with its single `tree:view` and its shape inline."""
    settings = app_state(request).settings
    extension = request.path_params.get("extension")
    fmt = choose(request, FORMATS, JSONLD, _extension(extension))
    shape = service.member_shape(settings.base_url)
    body = render_stream(service.stream_of(settings), shape, SYNTAX[fmt])
    return _static(request, body, fmt, vary="Accept")


async def member_shape(request: Request) -> Response:
    """`/vocab/shapes/member`: the member shape under this instance's IRIs (the `tree:shape`
    of the feed is dereferenceable)."""
    settings = app_state(request).settings
    fmt = choose(request, FORMATS, TURTLE)
    shape = service.member_shape(settings.base_url)
    return _static(request, render_triples(shape, SYNTAX[fmt]), fmt, vary="Accept")


def _extension(extension: str | None) -> Format | None:
    if extension is None:
        return None
    _, fmt = split_extension(f"feed.{extension}")
    if fmt is None:
        raise EntityNotFound("feed pages", f"feed.{extension}")
    return fmt


def _static(request: Request, body: bytes, fmt: Format, *, vary: str) -> Response:
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600", "Vary": vary}
    if etag_matches(request, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=fmt.media_type, headers=headers)
