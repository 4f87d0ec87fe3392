"""`?page=` and `?per_page=`: parsed and checked before anything is read; a bad value is a
`400` problem naming the parameter (RFC 9457)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps

from starlette.requests import Request
from starlette.responses import Response

from hub.services.collections import MAX_PER_PAGE, Paging
from hub.services.errors import Problem
from hub.web.errors import problem_response

Endpoint = Callable[[Request], Awaitable[Response]]


class QueryParameterError(Exception):
    """A query parameter with a value the resource cannot use."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def _positive(request: Request, name: str, default: int, ceiling: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise QueryParameterError(name, f"{name} must be a whole number from 1, not '{raw}'")
    value = int(raw)
    if ceiling is not None and value > ceiling:
        raise QueryParameterError(name, f"{name} must be at most {ceiling}, not {value}")
    return value


def parse_paging(request: Request, default_per_page: int) -> Paging:
    """The page asked for; numbers are checked against the collection size later."""
    per_page = _positive(request, "per_page", min(default_per_page, MAX_PER_PAGE), MAX_PER_PAGE)
    return Paging(_positive(request, "page", 1), per_page)


def check_page(paging: Paging, total: int) -> None:
    """Refuse a page past the last one (an empty collection has one, empty, page)."""
    last = paging.last_page(total)
    if paging.page > last:
        raise QueryParameterError("page", f"page {paging.page} is past the last page, {last}")


def reports_invalid_parameters(endpoint: Endpoint) -> Endpoint:
    """Turn an `QueryParameterError` raised by `endpoint` into a `400` problem."""

    @wraps(endpoint)
    async def wrapper(request: Request) -> Response:
        try:
            return await endpoint(request)
        except QueryParameterError as exc:
            return problem_response(
                400,
                "invalid query parameter",
                detail=exc.message,
                errors=[Problem(exc.message, field=exc.name)],
                slug="invalid-parameter",
            )

    return wrapper


__all__ = [
    "QueryParameterError",
    "check_page",
    "parse_paging",
    "reports_invalid_parameters",
]
