"""`/vocab`: the vocabulary files and the concept schemes, cacheable for a day."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response

from hub.services import vocabulary as service
from hub.services.vocabulary import VocabFile
from hub.web.language import page_language
from hub.web.negotiation import HTML, JSONLD, NTRIPLES, TURTLE, Format, choose, split_extension
from hub.web.pages import Alternate, Page, html_response, render_page
from hub.web.responses import conditional_response

CACHE_CONTROL = "public, max-age=86400"
_SCHEME_FORMATS = (TURTLE, HTML, JSONLD, NTRIPLES)
_FILES = (
    ("context", "/vocab/context.jsonld"),
    ("ontology", "/vocab/ontology.ttl"),
    ("shapes", "/vocab/shapes.ttl"),
    ("profile_file", "/vocab/profile.ttl"),
)


def _send(request: Request, file: VocabFile, fmt: Format, vary: str = "Accept") -> Response:
    response = conditional_response(request, file.etag, lambda: file.body, fmt)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Vary"] = vary
    return response


def _file_endpoint(load: Callable[[], VocabFile], fmt: Format, doc: str) -> Callable[..., object]:
    async def endpoint(request: Request) -> Response:
        return _send(request, load(), fmt)

    endpoint.__doc__ = doc
    return endpoint


context = _file_endpoint(service.context_file, JSONLD, "The bundled JSON-LD context.")
ontology = _file_endpoint(service.ontology_file, TURTLE, "The ontology of coined terms.")
shapes = _file_endpoint(service.shapes_file, TURTLE, "The SHACL shapes, merged.")
profile = _file_endpoint(service.profile_file, TURTLE, "The application profile (PROF).")


async def index(request: Request) -> Response:
    """The vocabulary files and every concept scheme, for people."""
    choose(request, offered=(HTML,), default=HTML)
    own = service.own_scheme_names()
    external = [name for name in service.scheme_paths() if name not in own]
    page = Page(template="vocab.html", title="vocabulary", language=page_language(request))
    body = render_page(
        request,
        page,
        files=_FILES,
        own=service.listed(own),
        external=service.listed(external),
    )
    response = html_response(request, body)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


async def scheme(request: Request) -> Response:
    """One concept scheme: Turtle for RDF clients, a table of its concepts for browsers."""
    name, extension = split_extension(request.path_params["scheme"])
    fmt = choose(request, offered=_SCHEME_FORMATS, default=TURTLE, extension=extension)
    if fmt is HTML:
        return _scheme_page(request, name)
    loaders = {TURTLE: service.scheme_turtle, JSONLD: service.scheme_jsonld}
    load = loaders.get(fmt, service.scheme_ntriples)
    return _send(request, load(name), fmt)


def _scheme_page(request: Request, name: str) -> Response:
    table = service.scheme_table(name)
    link = f"/vocab/schemes/{name}"
    alternates = [
        Alternate(JSONLD.media_type, "JSON-LD", f"{link}.jsonld"),
        Alternate("text/turtle", "Turtle", f"{link}.ttl"),
        Alternate(NTRIPLES.media_type, "N-Triples", f"{link}.nt"),
    ]
    page = Page(
        template="scheme.html",
        title=name,
        language=page_language(request),
        alternates=alternates,
        breadcrumbs=[("home", "/"), ("vocabulary", "/vocab")],
    )
    body = render_page(request, page, table=table, languages=service.SCHEME_LANGUAGES)
    response = html_response(request, body)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


__all__ = ["context", "index", "ontology", "profile", "scheme", "shapes"]
