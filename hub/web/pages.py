"""HTML pages: rendered on the server from Jinja templates (autoescaped), sent with a strong
validator of their bytes, in the reader's language."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response

from hub.web.context import app_state
from hub.web.language import PageLanguage
from hub.web.negotiation import HTML
from hub.web.presenter import Presenter
from hub.web.responses import conditional_response

# What a representation varies with: the syntax, the language of HTML, the caller's tier.
VARY_DATA: Final = "Accept, Authorization"
VARY_HTML: Final = "Accept, Accept-Language, Authorization"

# (message key, path) of the main navigation.
NAVIGATION: Final = (
    ("home", "/"),
    ("organisations", "/organisations"),
    ("clusters", "/clusters"),
    ("events", "/events"),
    ("projects", "/projects"),
    ("vocabulary", "/vocab"),
)


@dataclass(frozen=True, slots=True)
class Alternate:
    """Another representation of the page: `<link rel="alternate">` and a footer link."""

    media_type: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class Page:
    """What every page has besides its own content."""

    template: str
    title: str
    language: PageLanguage
    alternates: list[Alternate] = field(default_factory=list)
    jsonld: bytes | None = None
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)  # (text, href)


def data_alternates(link: str, *, by_extension: bool) -> list[Alternate]:
    """JSON-LD, Turtle and N-Triples links: `{link}.jsonld`..., or `?format=jsonld`... when
    the resource has no file-like name (collections, the catalogue)."""
    formats = (
        ("application/ld+json", "JSON-LD", "jsonld"),
        ("text/turtle", "Turtle", "ttl"),
        ("application/n-triples", "N-Triples", "nt"),
    )
    if by_extension:
        return [Alternate(media, label, f"{link}.{ext}") for media, label, ext in formats]
    joiner = "&" if "?" in link else "?"
    return [Alternate(media, label, f"{link}{joiner}format={ext}") for media, label, ext in formats]


def presenter(request: Request, language: PageLanguage) -> Presenter:
    """The `ui` object of a page in `language`."""
    settings = app_state(request).settings
    return Presenter(request, settings.base_url, language, settings.page_size)


def render_page(request: Request, page: Page, **context: Any) -> str:
    """The page's HTML; `context` holds what its template shows."""
    state = app_state(request)
    ui = presenter(request, page.language)
    template = state.templates.get_template(page.template)
    return template.render(
        ui=ui,
        page=page,
        site_title=state.settings.title,
        navigation=NAVIGATION,
        current=_current_section(request.url.path),
        **context,
    )


def _current_section(path: str) -> str:
    for key, link in reversed(NAVIGATION):
        if link != "/" and (path == link or path.startswith(link + "/")):
            return key
    return "home" if path == "/" else ""


def html_response(request: Request, body: str) -> Response:
    """The page with an `ETag` of its bytes; `304` when the client holds them already."""
    encoded = body.encode()
    etag = '"h-' + hashlib.blake2b(encoded, digest_size=16).hexdigest() + '"'
    response = conditional_response(request, etag, lambda: encoded, HTML)
    response.headers["Vary"] = VARY_HTML
    return response


__all__ = [
    "VARY_DATA",
    "VARY_HTML",
    "Alternate",
    "Page",
    "data_alternates",
    "html_response",
    "render_page",
]
