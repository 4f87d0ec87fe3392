"""Every error leaves as `application/problem+json` (RFC 9457) with an `errors` list, except
on a GET of a page whose negotiated format is HTML: a browser gets the problem as a page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from hub.services.errors import (
    EntityNotFound,
    Forbidden,
    InvalidInput,
    PayloadTooLarge,
    Problem,
    ServiceError,
    Unauthorised,
    UnsupportedFormat,
)
from hub.web.language import page_language
from hub.web.negotiation import HTML, NotAcceptable, negotiated
from hub.web.pages import VARY_DATA, VARY_HTML, Page, render_page

PROBLEM_TYPE = "https://w3id.org/clusterhub/problems/"


def problem_response(
    status: int,
    title: str,
    *,
    detail: str | None = None,
    errors: list[Problem] | None = None,
    headers: Mapping[str, str] | None = None,
    slug: str = "about:blank",
    **extra: Any,
) -> Response:
    body: dict[str, Any] = {
        "type": slug if slug == "about:blank" else PROBLEM_TYPE + slug,
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    body["errors"] = [problem.as_dict() for problem in errors or []]
    body.update(extra)
    return Response(
        orjson.dumps(body),
        status_code=status,
        media_type="application/problem+json",
        headers=headers,
    )


def _negotiated_problem(
    request: Request,
    status: int,
    title: str,
    *,
    detail: str | None = None,
    errors: list[Problem] | None = None,
    headers: Mapping[str, str] | None = None,
    **fields: Any,
) -> Response:
    """The problem as an HTML page when a GET negotiated HTML, else as problem+json; either
    varies with what the format was negotiated from."""
    fmt = negotiated(request) if request.method in ("GET", "HEAD") else None
    if fmt is HTML:
        page = Page(template="error.html", title=title, language=page_language(request))
        body = render_page(request, page, status=status, detail=detail, problems=errors or [])
        return Response(
            body,
            status_code=status,
            media_type=HTML.media_type,
            headers={**(headers or {}), "Vary": VARY_HTML},
        )
    response = problem_response(
        status, title, detail=detail, errors=errors, headers=headers, **fields
    )
    if fmt is not None:
        response.headers["Vary"] = VARY_DATA
    return response


def _status_of(exc: ServiceError) -> tuple[int, str]:
    if isinstance(exc, PayloadTooLarge):
        return 413, "payload-too-large"
    if isinstance(exc, InvalidInput):
        return 422, "invalid-input"
    if isinstance(exc, UnsupportedFormat):
        return 415, "unsupported-format"
    if isinstance(exc, EntityNotFound):
        return 404, "not-found"
    if isinstance(exc, Unauthorised):
        return 401, "unauthorised"
    if isinstance(exc, Forbidden):
        return 403, "insufficient-scope"
    return 500, "internal"


async def service_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceError)
    status, slug = _status_of(exc)
    if isinstance(exc, InvalidInput):
        extra: dict[str, Any] = {"total": exc.total} if exc.total > len(exc.problems) else {}
        return _negotiated_problem(
            request, status, exc.title, errors=exc.problems, slug=slug, **extra
        )
    headers = None
    if isinstance(exc, Unauthorised):
        headers = {"WWW-Authenticate": 'Bearer realm="clusterhub"'}
    elif isinstance(exc, Forbidden):
        challenge = f'Bearer realm="clusterhub", error="insufficient_scope", scope="{exc.scope}"'
        headers = {"WWW-Authenticate": challenge}
    return _negotiated_problem(request, status, str(exc), slug=slug, headers=headers)


async def not_acceptable(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotAcceptable)
    offered = ", ".join(f.media_type.split(";")[0] for f in exc.offered)
    return problem_response(
        406, "not acceptable", detail=f"this resource is available as {offered}"
    )


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _negotiated_problem(request, exc.status_code, str(exc.detail), headers=exc.headers)


async def unexpected_error(request: Request, exc: Exception) -> Response:
    # Always problem+json: a page could fail again on whatever failed here.
    return problem_response(500, "internal server error", detail="the error was logged")


HANDLERS = {
    ServiceError: service_error,
    NotAcceptable: not_acceptable,
    HTTPException: http_error,
    Exception: unexpected_error,
}
