"""Content negotiation: a file extension wins, then `?format=`, then the `Accept` header
(RFC 9110 section 12.5.1: media ranges, q-values, q=0 refusing a type)."""

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


# Where `choose` keeps its choice in the request's ASGI state.
_STATE_KEY = "negotiated_format"
# The specificity of a range that names the media type, ours or an alias of it.
_NAMED = 2


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
    """The representation to send: the extension's, else `?format=`, else the best match for
    `Accept`. The choice is kept on the request, for an error page in the same format."""
    chosen = _choose(request, offered, default, extension)
    request.scope.setdefault("state", {})[_STATE_KEY] = chosen
    return chosen


def negotiated(request: Request) -> Format | None:
    """The format `choose` picked for this request, if it ran."""
    chosen = request.scope.get("state", {}).get(_STATE_KEY)
    return chosen if isinstance(chosen, Format) else None


def _choose(
    request: Request, offered: tuple[Format, ...], default: Format, extension: Format | None
) -> Format:
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
    return _by_accept(header, offered, default)


def _by_accept(header: str, offered: tuple[Format, ...], default: Format) -> Format:
    """The offered format of the highest quality; equal qualities go to a range that names
    the type over a wildcard, then to our preference: `default`, then `offered` in order."""
    preference = (
        (default, *(f for f in offered if f is not default)) if default in offered else offered
    )
    ranges = ranked(header)
    scored = []
    for position, fmt in enumerate(preference):
        match = _match(fmt, ranges)
        if match is not None:
            quality, specificity = match
            scored.append(((quality, min(specificity, _NAMED), -position), fmt))
    if not scored:
        raise NotAcceptable(offered)
    return max(scored, key=lambda pair: pair[0])[1]


def _match(fmt: Format, ranges: list[tuple[float, str]]) -> tuple[float, int] | None:
    """(quality, specificity) the most specific range matching `fmt` gives it (RFC 9110
    section 12.5.1), or None when no range matches or that range's q=0 refuses it.
    Specificity: our media type 3, an alias of it 2, `type/*` 1, `*/*` 0."""
    essence = fmt.media_type.split(";")[0]
    wildcard = essence.split("/")[0] + "/*"
    found: tuple[int, float] | None = None
    for quality, media in ranges:  # best quality first, so the first of a specificity wins
        if media == essence:
            specificity = 3
        elif _BY_MEDIA_TYPE.get(media) is fmt:
            specificity = _NAMED
        elif media == wildcard:
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if found is None or specificity > found[0]:
            found = (specificity, quality)
    if found is None or not found[1] > 0:  # `not >` also refuses a q that is NaN
        return None
    specificity, quality = found
    return min(quality, 1.0), specificity
