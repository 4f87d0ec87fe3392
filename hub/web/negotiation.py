"""Content negotiation: a file extension wins; otherwise the `Accept` header with q-values."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    media_type: str


HTML = Format("html", "html", "text/html; charset=utf-8")
JSONLD = Format("jsonld", "jsonld", "application/ld+json")
TURTLE = Format("turtle", "ttl", "text/turtle; charset=utf-8")
NTRIPLES = Format("ntriples", "nt", "application/n-triples")
NQUADS = Format("nquads", "nq", "application/n-quads")
JSON = Format("json", "json", "application/json")

LINKED_DATA = (HTML, JSONLD, TURTLE, NTRIPLES)
BY_EXTENSION = {f.extension: f for f in (HTML, JSONLD, TURTLE, NTRIPLES, NQUADS, JSON)}
_BY_MEDIA_TYPE = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "application/ld+json": JSONLD,
    "application/json": JSONLD,
    "text/turtle": TURTLE,
    "application/x-turtle": TURTLE,
    "application/n-triples": NTRIPLES,
    "application/n-quads": NQUADS,
}


class NotAcceptable(Exception):
    def __init__(self, offered: tuple[Format, ...]) -> None:
        super().__init__("none of the requested media types is available")
        self.offered = offered


def split_extension(path_part: str) -> tuple[str, Format | None]:
    """`"acme.ttl"` -> (`"acme"`, Turtle); keys never contain a dot, so this is unambiguous."""
    stem, dot, extension = path_part.rpartition(".")
    if dot and extension in BY_EXTENSION:
        return stem, BY_EXTENSION[extension]
    return path_part, None


def ranked(header: str) -> list[tuple[float, str]]:
    """(quality, value) of an `Accept`-style header (RFC 9110 section 12.4.2), best first;
    equal qualities keep their order. Values are lower-cased."""
    found = []
    for position, part in enumerate(header.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            found.append((quality, -position, media.lower()))
    return [(quality, media) for quality, _, media in sorted(found, reverse=True)]


def choose(
    request: Request,
    offered: tuple[Format, ...] = LINKED_DATA,
    default: Format = JSONLD,
    extension: Format | None = None,
) -> Format:
    """The representation to send: the extension's, else the best match for `Accept`."""
    if extension is not None:
        if extension not in offered:
            raise NotAcceptable(offered)
        return extension
    requested = request.query_params.get("format")
    if requested:
        chosen = BY_EXTENSION.get(requested) or next(
            (f for f in offered if f.name == requested), None
        )
        if chosen is None or chosen not in offered:
            raise NotAcceptable(offered)
        return chosen
    header = request.headers.get("accept", "")
    if not header.strip():
        return default
    for quality, media in ranked(header):
        if quality <= 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            return default if default in offered else offered[0]
        candidate = _BY_MEDIA_TYPE.get(media)
        if candidate in offered:
            return candidate
    raise NotAcceptable(offered)
