"""Conditional responses: `ETag`, `Last-Modified`, and `304` for `If-None-Match`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime

from starlette.requests import Request
from starlette.responses import Response

from hub.web.negotiation import Format


def etag_matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    if header.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in candidates


def conditional_response(
    request: Request,
    etag: str,
    render: Callable[[], bytes | str],
    fmt: Format,
    modified: datetime | None = None,
) -> Response:
    """`304 Not Modified` when the client holds `etag`, else the rendered body."""
    headers = {"ETag": etag, "Vary": "Accept", "Cache-Control": "no-cache"}
    if modified is not None:
        aware = modified if modified.tzinfo else modified.replace(tzinfo=UTC)  # SQLite drops it
        headers["Last-Modified"] = format_datetime(aware.astimezone(UTC), usegmt=True)
    if etag_matches(request, etag):
        return Response(status_code=304, headers=headers)
    return Response(render(), media_type=fmt.media_type, headers=headers)
