"""`/`: the home page for people, the node's DCAT-AP 3 catalogue for machines."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

from hub.linked_data.render import jsonld_document, ntriples_documents, turtle_documents
from hub.services.catalogue import (
    NodeOverview,
    catalogue_document,
    read_overview,
    settings_fingerprint,
)
from hub.web.authentication import tier_of_request
from hub.web.context import app_state
from hub.web.language import PageLanguage, page_language
from hub.web.negotiation import HTML, JSONLD, LINKED_DATA, TURTLE, Format, choose
from hub.web.pages import VARY_DATA, VARY_HTML, Page, data_alternates, render_page
from hub.web.responses import conditional_response


async def home(request: Request) -> Response:
    """HTML for browsers; the catalogue as JSON-LD, Turtle or N-Triples by `Accept` or
    `?format=`."""
    state = app_state(request)
    fmt = choose(request, offered=LINKED_DATA, default=HTML)
    overview = read_overview(state.engine, state.settings, tier=tier_of_request(request))
    language = page_language(request)
    parts = (
        overview.validator,
        settings_fingerprint(state.settings),
        fmt.extension,
        language.tag if fmt is HTML else "",
        tier_of_request(request),  # counts and contents will differ by tier
    )
    etag = '"n-' + hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest() + '"'
    response = conditional_response(
        request, etag, lambda: _render(request, fmt, overview, language), fmt, overview.newest
    )
    response.headers["Vary"] = VARY_HTML if fmt is HTML else VARY_DATA
    return response


def _render(
    request: Request, fmt: Format, overview: NodeOverview, language: PageLanguage
) -> bytes | str:
    settings = app_state(request).settings
    catalogue = catalogue_document(overview, settings)
    if fmt is JSONLD:
        return jsonld_document(catalogue)
    if fmt is TURTLE:
        return turtle_documents([catalogue])
    if fmt is not HTML:
        return ntriples_documents([catalogue])
    page = Page(
        template="home.html",
        title=settings.title,
        language=language,
        alternates=data_alternates("/", by_extension=False),
        jsonld=jsonld_document(catalogue),
    )
    return render_page(request, page, overview=overview, cluster=overview.cluster)


__all__ = ["home"]
